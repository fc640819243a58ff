"""schema.org JSON-LD for a document's home and clause pages (pure): the document or clause
as `Legislation` with its 文号 (`legislationIdentifier`), date, legal force (from the derived
status: a text that states no period is never said to be in force), jurisdiction, issuers,
the series or document it is part of, the edition it replaces (`legislationChanges`), the
documents its preamble says it is based on (`isBasedOn`), the amending notices that change
it (`legislationChanges`, reversed), and a clause's incentives that state money as
`MonetaryGrant`s with their amounts and currency. Only schema.org terms
(tests/test_jsonld.py checks each property and type against the vocabulary).

Identifiers are the ELI addresses (data/identifiers.py): absolute when the site's address is
known, otherwise relative to the page, as every link of a preview is.
"""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import Markup

from generator.data.identifiers import Identifiers, is_number
from generator.data.library import Status
from generator.data.model import Edition
from generator.data.schema import Amendment, Clause, Incentive
from generator.render import filters
from generator.render.context import DocContext
from generator.render.i18n import HTML_LANG, t

CONTEXT = "https://schema.org"
FORCE = {Status.IN_FORCE: "schema:InForce", Status.NOT_YET: "schema:NotInForce",
         Status.EXPIRED: "schema:NotInForce", Status.SUPERSEDED: "schema:NotInForce"}
_CITED = re.compile(r"《([^》]+)》\s*[(（]([^()（）]+)[)）]")
_GOVERNMENT = re.compile(r"(人民政府|政府|管理委员会|管委会)$")


def script(data: dict[str, Any]) -> Markup:
    """The block as the content of a `<script type="application/ld+json">`."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e")
                  .replace("&", "\\u0026"))


def _org(name: str) -> dict[str, str]:
    return {"@type": "GovernmentOrganization", "name": name}


def cited(ed: Edition) -> list[dict[str, Any]]:
    """The documents the preamble names with their 文号: 《title》(浙政发〔2025〕3号)."""
    text = ed.document.preamble.zh if ed.document.preamble else ""
    return [{"@type": "Legislation", "name": title, "legislationIdentifier": number}
            for title, number in _CITED.findall(text) if is_number(number)]


def _amending(a: Amendment, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "Legislation", "name": filters.tr(a.title, lang),
                           "legislationIdentifier": filters.tr(a.document_number, lang),
                           "legislationDate": a.date}
    if a.url:
        out["url"] = a.url
    return out


class Ld:
    """The JSON-LD of one language's pages of one document; `root` leads from a page to the
    site's root (the site's address, or a relative path)."""

    def __init__(self, ed: Edition, ctx: DocContext, lang: str) -> None:
        assert ctx.ids is not None, "the context names the document's identifiers"
        self.ed, self.ctx, self.lang = ed, ctx, lang
        self.ids: Identifiers = ctx.ids

    def common(self, root: str) -> dict[str, Any]:
        ed, ctx = self.ed, self.ctx
        out: dict[str, Any] = {"@context": CONTEXT, "@type": "Legislation",
                               "inLanguage": HTML_LANG[self.lang]}
        if ed.date:
            out["legislationDate"] = ed.date
        if ctx.status in FORCE:
            out["legislationLegalForce"] = {"@id": FORCE[ctx.status]}
        place = _GOVERNMENT.sub("", ctx.issuer.name.zh)
        if place:
            out["legislationJurisdiction"] = {"@type": "AdministrativeArea", "name": place}
        return out

    def document(self, root: str) -> dict[str, Any]:
        ed, ctx, ids, lang = self.ed, self.ctx, self.ids, self.lang
        other = "en" if lang == "zh" else "zh"
        out = self.common(root) | {
            "@id": root + ids.expression(lang),
            "url": root + f"{lang}/{ed.id}/",
            "name": filters.tr(ed.name, lang),
            "exampleOfWork": {"@id": root + ids.work},
            ("translationOfWork" if lang != "zh" else "workTranslation"):
                {"@id": root + ids.expression(other)},
            "isPartOf": {"@type": "CreativeWorkSeries",
                         "name": filters.tr(ctx.series.title, lang)},
            "encoding": {"@type": "MediaObject", "contentUrl": root + ids.akn_file(lang),
                         "encodingFormat": "application/akn+xml"},
        }
        if ed.number is not None:
            out["legislationIdentifier"] = filters.tr(ed.number, lang)
        if ed.issuers:
            out["legislationPassedBy"] = [_org(filters.tr(u.name, lang)) for u in ed.issuers]
        period = ed.document.in_force
        if period is not None:
            out["temporalCoverage"] = f"{period.start}/{period.end or '..'}"
        if len(ids.version) == 10 and ed.amendments:
            out["legislationDateVersion"] = ids.version
        if ctx.predecessor is not None and ctx.predecessor_ids is not None:
            out["legislationChanges"] = {"@type": "Legislation",
                                         "@id": root + ctx.predecessor_ids.work,
                                         "name": filters.tr(ctx.predecessor.name, lang)}
        based = cited(ed)
        if based:
            out["isBasedOn"] = based
        if ed.amendments:
            out["@reverse"] = {"legislationChanges": [_amending(a, lang)
                                                      for a in ed.amendments]}
        return out

    def clause(self, c: Clause, root: str) -> dict[str, Any]:
        ed, ids, lang = self.ed, self.ids, self.lang
        page = root + f"{lang}/{ed.id}/clauses/{c.number}/"
        units, _ = ed.responsible(c)
        out = self.common(root) | {
            "@id": root + ids.clause(c.number, lang),
            "url": page,
            "name": f"{t('clause', lang, n=c.number)} {filters.tr(c.title, lang)}",
            "text": c.full_zh if lang == "zh" else c.full_en,
            "exampleOfWork": {"@id": root + ids.clause(c.number)},
            "isPartOf": {"@type": "Legislation", "@id": root + ids.expression(lang),
                         "name": filters.tr(ed.name, lang)},
            "legislationResponsible": [_org(filters.tr(ed.unit_by_id[u].name, lang))
                                       for u in units],
        }
        if ed.number is not None:
            number = filters.tr(ed.number, lang)
            out["legislationIdentifier"] = t("clause_identifier", lang, number=number,
                                             n=c.number)
            out["isPartOf"]["legislationIdentifier"] = number
        grants = [self.grant(c, i, page) for i in c.incentives if grant_amount(i)]
        if grants:
            out["about"] = grants
        changed = [a for a, _ in ed.amendments_of_clause(c.number)]
        if changed:
            out["@reverse"] = {"legislationChanges": [_amending(a, lang) for a in changed]}
        return out

    def grant(self, c: Clause, i: Incentive, page: str) -> dict[str, Any]:
        """An incentive that states money: what, for whom, by whom, how much."""
        lang = self.lang
        return {"@type": "MonetaryGrant", "@id": f"{page}#incentive-{i.id}",
                "name": filters.tr(i.what, lang),
                "description": i.quote if lang == "zh" else
                "; ".join(filters.incentive_terms(i, lang)),
                "funder": [_org(filters.tr(u.name, lang)) for u in self.ed.issuers],
                "amount": grant_amount(i)}


def grant_amount(i: Incentive) -> dict[str, Any] | None:
    """The money an incentive states, as a schema.org MonetaryAmount: a fixed sum, a range,
    a ceiling (alone or the cap of a rate), or a sum for all recipients together (`pool`);
    None when it states no sum (a rate without a cap, a tax preference)."""
    money: dict[str, Any] = {"@type": "MonetaryAmount", "currency": i.currency.value}
    if i.amount is not None:
        return money | {"value": i.amount}
    if i.max_amount is not None:
        return money | ({"minValue": i.min_amount} if i.min_amount is not None else {}) | {
            "maxValue": i.max_amount}
    if i.pool is not None:
        return money | {"value": i.pool}
    return None
