"""The budget chart: an inline SVG made at build time, one bar per chapter, split by source.

The table on the budget page holds the same figures and is the chart's text equivalent.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.data.model import Edition
from generator.data.schema import BudgetSource
from generator.render.filters import level_words, money, tr
from generator.render.i18n import t

_BAR_H = 22
_GAP = 14
_LABEL_W = 200
_WIDTH = 640
_COLORS = {"city": "#1a5fb4", "higher": "#c64600"}


def wrap(label: str, width: int, lang: str) -> list[str]:
    """A chapter's label on at most two lines of about `width` characters, whole."""
    if len(label) <= width:
        return [label]
    if lang == "zh":
        cut = min(width, (len(label) + 1) // 2 + 2)
        return [label[:cut], label[cut:]]
    words, lines = label.split(" "), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > max(width, (len(label) + 1) // 2):
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return [lines[0], " ".join(lines[1:])]


def budget_chart(ed: Edition, lang: str) -> Markup:
    """A bar per policy area: its own level's money and higher-level funds. A document whose
    budget is a clause with a 其中 breakdown (2023/2024 editions) gets a bar per item of it."""
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
    words = level_words(ed.level, lang)
    biggest = max((c + h for _, c, h in rows), default=0) or 1
    scale = (_WIDTH - _LABEL_W - 150) / biggest
    height = len(rows) * (_BAR_H + _GAP) + 40
    title = t("chart_title", lang, year=ed.document.edition)
    parts = [
        f'<svg class="ph-svg" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" '
        f'height="{height}" role="img" '
        f'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(t("chart_desc", lang))}</desc>',
    ]
    y = 10
    for label, city, higher in rows:
        lines = wrap(label, 14 if lang == "zh" else 30, lang)
        spans = "".join(f'<tspan x="0" dy="{0 if i == 0 else 13}">{escape(line)}</tspan>'
                        for i, line in enumerate(lines))
        first = y + (16 if len(lines) == 1 else 9)
        parts.append(f'<text x="0" y="{first}" font-size="11" fill="currentColor">{spans}'
                     '</text>')
        x = _LABEL_W
        for amount, key in ((city, "city"), (higher, "higher")):
            if amount:
                w = max(1, round(amount * scale))
                parts.append(f'<rect x="{x}" y="{y}" width="{w}" height="{_BAR_H}" '
                             f'fill="{_COLORS[key]}"><title>{escape(label)}: '
                             f'{escape(t("src_" + key, lang, **words))} '
                             f'{escape(money(amount, lang))}'
                             f'</title></rect>')
                x += w
        shown = money(city + higher, lang)
        parts.append(f'<text x="{x + 6}" y="{y + 16}" font-size="12" fill="currentColor">'
                     f'{escape(shown)}</text>')
        y += _BAR_H + _GAP
    lx = _LABEL_W
    for key in ("city", "higher"):
        parts.append(f'<rect x="{lx}" y="{y + 4}" width="12" height="12" '
                     f'fill="{_COLORS[key]}"/>')
        parts.append(f'<text x="{lx + 18}" y="{y + 15}" font-size="12" fill="currentColor">'
                     f'{escape(t("src_" + key, lang, **words))}</text>')
        lx += 140
    parts.append("</svg>")
    return Markup("".join(parts))
