"""The budget chart: one bar per policy area, split by source, made at build time as HTML
(text at the page's own size on a phone, where a scaled-down SVG's labels were unreadable).

Each bar's words (area, each source's amount, the total) are text for every reader; the
coloured bars beside them are decoration. The tables below the chart hold the same figures
with their quotes.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.data.model import Edition
from generator.data.schema import BudgetSource
from generator.render.filters import level_words, money, tr
from generator.render.i18n import t


def chart_rows(ed: Edition, lang: str) -> list[tuple[str, int, int]]:
    """(label, own level's money, higher-level funds) per chapter with a budget; a document
    whose budget is a clause with a 其中 breakdown (2023/2024 editions) gets a row per item."""
    rows: list[tuple[str, int, int]] = []
    for ch in ed.chapters:
        city = higher = 0
        for b in ed.top_level_budgets(ch):
            for leaf in ed.by_source(b):
                if leaf.source is BudgetSource.HIGHER:
                    higher += leaf.amount
                else:
                    city += leaf.amount
        if city or higher:
            rows.append((f"{t('chapter', lang, n=ch.number)} {tr(ch.title, lang)}", city, higher))
    total = ed.budget_total
    if not rows and total is not None and total.parts:
        for pid in total.parts:
            part = ed.budget_items[pid][1]
            higher = part.amount if part.source is BudgetSource.HIGHER else 0
            rows.append((tr(part.label, lang), part.amount - higher, higher))
    return rows


def _percent(amount: int, biggest: int) -> str:
    """A bar's share of its line; the biggest takes 65%, leaving room for its amount."""
    return f"{amount * 65 / biggest:.2f}%"


def budget_chart(ed: Edition, lang: str) -> Markup:
    """The chart as a list: per area its label, its bar (own level, then higher-level) and
    its total; a key of the two colours under it."""
    rows = chart_rows(ed, lang)
    words = level_words(ed.level, lang)
    names = {key: t("src_" + key, lang, **words) for key in ("city", "higher")}
    sep = "：" if lang == "zh" else ": "
    biggest = max((c + h for _, c, h in rows), default=0) or 1
    out = ['<ol class="ph-bars">']
    for label, city, higher in rows:
        parts = [(key, amount) for key, amount in (("city", city), ("higher", higher)) if amount]
        said = ("，" if lang == "zh" else ", ").join(
            f"{names[key]} {money(amount, lang)}" for key, amount in parts)
        bars = "".join(f'<span class="ph-bar ph-bar-{key}" aria-hidden="true" style="width: '
                       f'{_percent(amount, biggest)}"></span>' for key, amount in parts)
        out.append(
            f'<li><span class="ph-bar-label">{escape(label)}</span>'
            f'<span class="ph-bar-line">{bars}'
            f'<span class="ph-bar-value">{escape(money(city + higher, lang))}'
            + (f'<span class="ph-sr-only">{escape(sep + said)}</span>' if len(parts) > 1
               else f'<span class="ph-sr-only">{escape(sep + names[parts[0][0]])}</span>')
            + "</span></span></li>")
    out.append("</ol>")
    present = [key for key in ("city", "higher")
               if any(row[1 if key == "city" else 2] for row in rows)]
    out.append('<p class="ph-bar-key" aria-hidden="true">' + "".join(
        f'<span><span class="ph-bar-swatch ph-bar-{key}"></span>{escape(names[key])}</span>'
        for key in present) + "</p>")
    return Markup("".join(out))
