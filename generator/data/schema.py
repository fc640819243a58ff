"""The one schema of policy data: validates, documents (field descriptions) and exports JSON Schema.

Every model forbids unknown keys, so a misspelt or misplaced key is an error, never silently
dropped. Cross-checks that need the whole document (quotes, numbers, unit ids) live in
`generator.validate`; this module only says what each file may contain.
"""

from __future__ import annotations

import json
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Slug = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
        description="Lower-case ASCII id with hyphens, e.g. `high-tech-first`.",
    ),
]
NonEmpty = Annotated[str, Field(min_length=1)]
Quote = Annotated[
    str,
    Field(
        min_length=1,
        description="The exact substring of the Chinese text this fact comes from (verbatim).",
    ),
]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Pending(StrEnum):
    """Why a text has no current English (set by `import`; remove it with the translation)."""

    NEW = "new"  # never translated: `en` is absent
    OUTDATED = "outdated"  # the Chinese changed: `en` translates the earlier Chinese


class Text(StrictModel):
    """A text in both languages. A missing translation is an error unless the text says it
    is `pending`: then English pages show the Chinese with a "translation pending" notice,
    and `check --strict` fails."""

    zh: NonEmpty = Field(description="Simplified Chinese, as published where it is published.")
    en: NonEmpty | None = Field(default=None, description="English translation written by the "
                                "project; with `pending: outdated`, the earlier translation.")
    pending: Pending | None = Field(
        default=None, description="`new`: not translated yet (no `en`); `outdated`: the Chinese "
        "changed and `en` is the translation of the earlier Chinese, never shown as current.")

    @model_validator(mode="after")
    def _translated(self) -> Text:
        if self.en is None and self.pending is None:
            raise ValueError("missing `en` text; every text needs both zh and en (or "
                             "`pending: new` while its translation is pending)")
        if self.pending is Pending.NEW and self.en is not None:
            raise ValueError("`pending: new` means no English yet; remove `en` or `pending`")
        if self.pending is Pending.OUTDATED and self.en is None:
            raise ValueError("`pending: outdated` keeps the earlier English in `en`; add it "
                             "or write `pending: new`")
        return self

    @property
    def current_en(self) -> str | None:
        """The English when it translates this Chinese; None while pending."""
        return self.en if self.pending is None else None

    def text(self, lang: str) -> str:
        """The text in `lang`; the Chinese while the English is pending."""
        if lang == "zh":
            return self.zh
        return self.current_en or self.zh


Review = Annotated[
    str | None,
    Field(default=None, description="What an editor must check (written by `import`, e.g. a "
          "guessed kind or a changed value); `check` lists it as a to-do, `check --strict` "
          "fails; delete it once checked."),
]


class Currency(StrEnum):
    CNY = "CNY"
    USD = "USD"


class Boundary(StrEnum):
    """Boundary words. Per 民法典 第一千二百五十九条, 以上/以下/以内 include the number;
    不满/超过/低于 exclude it. 不低于/不少于/不小于/不超过/达到/达/至少 include it."""

    YISHANG = "以上"
    YIXIA = "以下"
    YINEI = "以内"
    BUMAN = "不满"
    CHAOGUO = "超过"
    DIYU = "低于"
    BUDIYU = "不低于"
    BUSHAOYU = "不少于"
    BUXIAOYU = "不小于"
    BUCHAOGUO = "不超过"
    DADAO = "达到"
    DA = "达"
    ZHISHAO = "至少"

    @property
    def inclusive(self) -> bool:
        return self not in (Boundary.BUMAN, Boundary.CHAOGUO, Boundary.DIYU)

    @property
    def direction(self) -> str:
        """`min` when the number is a lower bound, `max` when an upper bound."""
        upper = (Boundary.YIXIA, Boundary.YINEI, Boundary.BUMAN, Boundary.DIYU, Boundary.BUCHAOGUO)
        return "max" if self in upper else "min"

    @property
    def phrase(self) -> dict[str, str]:
        """How each language writes a quantity `{x}` with this boundary: 6000元以下 is
        `{x}以下`, in English `{x} or less`; 不满 and 超过 stand before the number."""
        return BOUNDARY_PHRASES[self.value]


# The boundary words in each language; English says inclusive or not in its own words.
BOUNDARY_PHRASES: dict[str, dict[str, str]] = {
    "以上": {"zh": "{x}以上", "en": "{x} or more"},
    "以下": {"zh": "{x}以下", "en": "{x} or less"},
    "以内": {"zh": "{x}以内", "en": "{x} or less"},
    "不满": {"zh": "不满{x}", "en": "less than {x}"},
    "超过": {"zh": "超过{x}", "en": "more than {x}"},
    "低于": {"zh": "低于{x}", "en": "less than {x}"},
    "不低于": {"zh": "不低于{x}", "en": "at least {x}"},
    "不少于": {"zh": "不少于{x}", "en": "at least {x}"},
    "不小于": {"zh": "不小于{x}", "en": "at least {x}"},
    "不超过": {"zh": "不超过{x}", "en": "at most {x}"},
    "达到": {"zh": "达到{x}", "en": "at least {x}"},
    "达": {"zh": "达{x}", "en": "at least {x}"},
    "至少": {"zh": "至少{x}", "en": "at least {x}"},
}


class Threshold(StrictModel):
    """A condition on a quantity, e.g. 实际完成设备投资额200万元以上."""

    value: Decimal = Field(description="The number, with 万/亿 converted (200万元 -> 2000000).")
    boundary: Boundary = Field(description="The boundary word as written in the quote.")
    of: Text = Field(description="What is compared, e.g. completed equipment investment.")
    unit: Text = Field(description="Unit of the value, e.g. {zh: 元, en: CNY}.")


# The fields of a fact that hold one of its figures: what `diff`, the comparison pages and the
# checks read (one list, here). A threshold's value is the figure `threshold`.
FIGURE_FIELDS = ("amount", "min_amount", "max_amount", "pool", "rate", "rate_min", "rate_max",
                 "value", "value_max")


class IncentiveKind(StrEnum):
    REWARD = "reward"
    SUBSIDY = "subsidy"
    GRANT = "grant"
    FUNDING = "funding"
    PREMIUM_SUBSIDY = "premium_subsidy"
    START_UP_FUND = "start_up_fund"
    LOAN_INTEREST = "loan_interest"
    TAX_PREFERENCE = "tax_preference"
    SUPPORT = "support"


InputKey = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", description="snake_case key")]


class Unsettled(StrictModel):
    """What the text leaves open for a case a rule covers (ordinary furniture has no
    efficiency grade, but the rates are written for graded furniture): the calculator then
    answers with a range from nothing up to what the rates give, and says what is known,
    what is not, and who decides."""

    known: Text = Field(description="What the text does say for this case.")
    unknown: Text = Field(description="What it does not say, e.g. whether the grade "
                          "condition applies; no numbers here (the result shows them).")
    decided_by: Slug = Field(description="Id of the unit that settles it (in its implementing "
                             "rules), e.g. `commerce-bureau`.")


class Rule(StrictModel):
    """How a calculator computes an incentive. The numbers (amount, cap, rate, threshold and
    its boundary word) are the incentive's own; the rule only says which inputs they apply to
    and when the incentive applies."""

    calculator: Slug = Field(description="Id of a calculator in calculators.yaml.")
    base: InputKey | None = Field(default=None, description="Input the rate is applied to.")
    threshold_input: InputKey | None = Field(
        default=None, description="Input the threshold is checked on (default: `base`).")
    when: dict[InputKey, list[str]] = Field(
        default_factory=dict,
        description="Input key -> values for which this incentive applies (a choice input "
        "equals one of them; a multi input contains one of them).")
    unsettled: Unsettled | None = Field(
        default=None, description="The text does not settle whether or how the incentive "
        "applies in this case: the result is a range from nothing, with what is and is not "
        "known and who decides.")


class Incentive(StrictModel):
    """A reward, subsidy, grant, premium subsidy, start-up fund, loan interest or tax preference.

    Amounts are integers in `currency` units with 万/亿 converted. `amount` is a fixed sum;
    `max_amount` is a ceiling (最高/不超过) alone or the cap of a rate. A rate is a percentage of
    `base`, either `rate` or the range `rate_min`-`rate_max`. An incentive with no number at all
    (e.g. 给予一定政策支持) is recorded too, so the handbook lists it.
    """

    id: Slug = Field(description="Unique within the clause; the permalink anchor.")
    kind: IncentiveKind
    quote: Quote
    what: Text = Field(description="What it is for.")
    who: Text = Field(description="Who gets it.")
    conditions: Text | None = Field(default=None, description="Conditions stated by the text.")
    currency: Currency = Field(default=Currency.CNY, description="Currency of the amounts.")
    amount: int | None = Field(default=None, ge=0, description="Fixed amount (integer).")
    min_amount: int | None = Field(
        default=None, ge=0, description="Lower end of a range of amounts (3万元-5万元: 30000), "
        "with `max_amount` as its upper end.")
    max_amount: int | None = Field(default=None, ge=0, description="Ceiling or cap (最高/不超过).")
    rate: Decimal | None = Field(default=None, gt=0, le=100, description="Percentage of `base`.")
    rate_min: Decimal | None = Field(default=None, gt=0, le=100,
                                     description="Lower end of a rate range (15%或20%: 15).")
    rate_max: Decimal | None = Field(default=None, gt=0, le=100,
                                     description="Upper end of a rate range (15%或20%: 20).")
    base: Text | None = Field(default=None, description="What the rate applies to.")
    per: Text | None = Field(default=None, description="Per what: per item, per project, per year.")
    threshold: Threshold | None = Field(
        default=None, description="A condition on a quantity, e.g. 设备投资额200万元以上.")
    pool: int | None = Field(
        default=None, ge=0, description="A sum set aside for all recipients together "
        "(投入200万元财政资金作为…前期研究费用), not an amount any one recipient gets; never "
        "computed by a calculator.")
    rules: list[Rule] = Field(
        default_factory=list, description="Calculator rules, if computable: one per calculator "
        "and case (`when`).")
    situations: list[Slug] = Field(
        default_factory=list, description="Ids of benefit-finder situations (calculators.yaml "
        "`finder`) that list this incentive with its amount as stated, or as set by the "
        "implementing rules; for incentives no calculator computes there.")
    review: Review = None

    @model_validator(mode="after")
    def _consistent(self) -> Incentive:
        if self.rate is not None and (self.rate_min is not None or self.rate_max is not None):
            raise ValueError("give either `rate` or `rate_min`/`rate_max`, not both")
        if (self.rate_min is None) != (self.rate_max is None):
            raise ValueError("a rate range needs both `rate_min` and `rate_max`")
        low, high = self.rate_min, self.rate_max
        if low is not None and high is not None and low >= high:
            raise ValueError("`rate_min` must be smaller than `rate_max`")
        has_rate = self.rate is not None or self.rate_min is not None
        if has_rate and self.base is None:
            raise ValueError("a rate needs `base`: what the percentage is of")
        if self.amount is not None and self.max_amount is not None:
            raise ValueError("give `amount` (fixed) or `max_amount` (ceiling), not both")
        if self.min_amount is not None and (self.max_amount is None
                                            or self.min_amount >= self.max_amount):
            raise ValueError("a range of amounts needs `min_amount` below `max_amount`")
        if self.amount is not None and has_rate:
            raise ValueError("a fixed `amount` cannot also have a rate; use `max_amount` as cap")
        if self.pool is not None and (self.amount is not None or self.max_amount is not None
                                      or has_rate):
            raise ValueError("`pool` is a sum for all recipients together; an incentive that "
                             "also states what each gets needs no `pool`")
        if self.min_amount is not None and self.rules:
            raise ValueError("the text gives a range of amounts (`min_amount`-`max_amount`) and "
                             "not how to choose within it: list it without `rules`")
        for rule in self.rules:
            if has_rate and rule.base is None:
                raise ValueError("a rule for a rate needs `base`: the input the rate is of")
            if not has_rate and self.amount is None and self.max_amount is None:
                raise ValueError("a rule needs an amount, a ceiling or a rate to compute")
        return self

    def figures(self) -> dict[str, Decimal]:
        """Each figure the incentive states, by its field (`FIGURE_FIELDS`)."""
        out = {f: Decimal(v) for f in FIGURE_FIELDS if (v := getattr(self, f, None)) is not None}
        if self.threshold is not None:
            out["threshold"] = self.threshold.value
        return out

    def numbers(self) -> list[Decimal]:
        out = [Decimal(v) for v in (self.amount, self.min_amount, self.max_amount, self.pool)
               if v is not None]
        out += [v for v in (self.rate, self.rate_min, self.rate_max) if v is not None]
        if self.threshold is not None:
            out.append(self.threshold.value)
        return out

    @property
    def is_monetary(self) -> bool:
        """It states what a recipient gets: a sum or a ceiling (a `pool` is not)."""
        return self.amount is not None or self.max_amount is not None

    @property
    def states_amount(self) -> bool:
        """It states what a recipient gets: a sum, a ceiling or a rate."""
        return self.is_monetary or self.rate is not None or self.rate_min is not None

    @property
    def one_off(self) -> bool:
        """The text calls it one-off (一次性); nothing else is labelled so."""
        return "一次性" in self.quote


class Comparison(StrEnum):
    AT_LEAST = "at_least"
    EXACTLY = "exactly"
    AT_MOST = "at_most"
    RANGE = "range"
    APPROXIMATELY = "approximately"  # 左右: about, neither a floor nor a ceiling


class Target(StrictModel):
    """A quantitative goal, e.g. 新增省级以上专精特新中小企业5家以上."""

    id: Slug
    quote: Quote
    indicator: Text = Field(description="What is measured.")
    value: Decimal = Field(description="The number, 万/亿 converted (0.8万户 -> 8000).")
    value_max: Decimal | None = Field(default=None, description="Upper end of a range (1—2个).")
    unit: Text = Field(description="Unit, e.g. {zh: 家, en: enterprises}; money in 元/CNY.")
    comparison: Comparison = Field(description="As the text states it.")
    boundary: Boundary | None = Field(default=None, description="Boundary word in the quote.")
    threshold: Threshold | None = Field(
        default=None, description="A qualifying condition, e.g. 亿元以上 (revenue over CNY 100m)."
    )
    review: Review = None

    @model_validator(mode="after")
    def _consistent(self) -> Target:
        if (self.comparison is Comparison.RANGE) != (self.value_max is not None):
            raise ValueError("`value_max` is given exactly when `comparison` is `range`")
        if self.comparison is Comparison.APPROXIMATELY and "左右" not in self.quote:
            raise ValueError("`approximately` is for a value the text gives with 左右; quote it")
        if self.boundary is not None and self.comparison is not Comparison.RANGE:
            want = Comparison.AT_MOST if self.boundary.direction == "max" else Comparison.AT_LEAST
            if self.boundary not in (Boundary.DADAO, Boundary.DA) and self.comparison is not want:
                raise ValueError(
                    f"boundary {self.boundary.value} means comparison `{want.value}`, "
                    f"not `{self.comparison.value}`"
                )
        return self

    def figures(self) -> dict[str, Decimal]:
        """Each figure the target states, by its field (`FIGURE_FIELDS`)."""
        out = {"value": self.value}
        if self.value_max is not None:
            out["value_max"] = self.value_max
        if self.threshold is not None:
            out["threshold"] = self.threshold.value
        return out

    def numbers(self) -> list[Decimal]:
        out = [self.value] + ([self.value_max] if self.value_max is not None else [])
        if self.threshold is not None:
            out.append(self.threshold.value)
        return out


class FigureKind(StrEnum):
    YEAR = "year"
    DATE = "date"
    IDENTIFIER = "identifier"
    NAME = "name"
    COUNT = "count"
    MEASURE = "measure"
    RULE = "rule"


class Figure(StrictModel):
    """A number in the text that is neither an incentive, a target nor a budget: a year, a
    document number, a road or programme name ("330国道", "1+N"), a fact about the present
    (家电补贴范围由8类扩大至12类) or a regulatory figure (每层不小于1000平方米)."""

    quote: Quote
    kind: FigureKind
    values: list[Decimal] = Field(min_length=1, description="Every number in the quote it covers.")
    note: Text = Field(description="What the number is.")
    review: Review = None

    def numbers(self) -> list[Decimal]:
        return list(self.values)


class BudgetSource(StrEnum):
    CITY = "city"
    HIGHER = "higher"
    TOTAL = "total"


class BudgetItem(StrictModel):
    """A budget figure of a chapter intro, of a budget clause (2023/2024 editions put the
    budget in a clause, with a 其中 breakdown) or of the closing paragraph, in integer yuan."""

    id: Slug = Field(description="Unique in the document.")
    quote: Quote
    label: Text = Field(description="What the money is for, e.g. 科技创新 / science and "
                        "technology innovation.")
    amount: int = Field(ge=0, description="Integer yuan, 万/亿 converted (2.29亿元 -> 229000000).")
    source: BudgetSource = Field(
        description="`city` the issuer's own level (市本级, 县本级, 区本级: from the issuer), "
        "`higher` 上级争取, `total` both together."
    )
    parts: list[Slug] = Field(
        default_factory=list, description="Ids of items that add up to this one."
    )
    rounding: int = Field(
        default=0, ge=0, description="Tolerance in yuan when the parts add up only to rounding."
    )
    within: Slug | None = Field(
        default=None,
        description="Id of an item this one is included in, without being a full breakdown "
        "(其中交通0.9亿元).",
    )
    overlaps: Slug | None = Field(
        default=None, description="Id of an item elsewhere that is the same money listed twice."
    )
    review: Review = None

    def numbers(self) -> list[Decimal]:
        return [Decimal(self.amount)]


class Clause(StrictModel):
    number: int = Field(ge=1, description="Clause number in the whole document, 1..N in "
                        "chapter order; the key of everything (its URL is clauses/<number>/).")
    id: Slug | None = Field(
        default=None, description="The clause's identity across the editions of its series, "
        "whatever its number: the same id in two editions is the same clause (written by "
        "`import`, carried from the previous edition; unique in the document).")
    label: NonEmpty | None = Field(
        default=None, description="The label as published when it is not `<number>.`, e.g. "
        "`(一)` where the numbering restarts in each chapter.")
    title: Text = Field(description="The lead sentence, with its full stop (鼓励创新主体发展。).")
    text: Text | None = Field(
        default=None, description="zh: the rest of the clause exactly as published, including "
        "the 责任单位 parenthesis. en: its translation. Absent when the clause is one sentence.")
    responsible_units: list[Slug] = Field(
        default_factory=list, description="Unit ids from units.yaml, as its (责任单位:…) names "
        "them. Empty when the clause names none: then the chapter's lead units are shown, as "
        "the lead units of the chapter.")
    budgets: list[BudgetItem] = Field(
        default_factory=list, description="Budget figures the clause states (a budget clause "
        "with its 其中 breakdown).")
    incentives: list[Incentive] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)

    @property
    def prefix(self) -> str:
        """The published label of the clause: `14.` or `(一)`."""
        return self.label if self.label is not None else f"{self.number}."

    @property
    def full_zh(self) -> str:
        return self.title.zh + (self.text.zh if self.text else "")

    @property
    def full_en(self) -> str:
        return self.title.text("en") + (" " + self.text.text("en") if self.text else "")

    @property
    def pending(self) -> bool:
        return bool(self.title.pending or (self.text is not None and self.text.pending))


class UnnumberedParagraph(StrictModel):
    """A paragraph of a chapter without a clause label, in its place after a clause
    (以下政策由区民政局负责组织实施。)."""

    after: int = Field(ge=1, description="Number of the clause it follows.")
    text: Text
    targets: list[Target] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)


class Chapter(StrictModel):
    number: int = Field(ge=1, le=99)
    title: Text
    lead: Text | None = Field(default=None, description="The heading's parenthesis, e.g. "
                              "由市科技局牵头实施, 县科技局牵头 or 牵头部门:X,配合部门:Y; absent "
                              "when the heading names no lead.")
    lead_units: list[Slug] = Field(default_factory=list, description="Ids of the units the "
                                   "lead names as leading.")
    cooperating_units: list[Slug] = Field(
        default_factory=list, description="Ids of the units the lead names as cooperating "
        "(配合部门).")
    brackets: Literal["()", "（）"] | None = Field(
        default=None, description="The heading's brackets when they differ from the "
        "document's `style.brackets`.")
    intro: Text | None = Field(default=None, description="Intro paragraphs, separated by a "
                               "blank line; absent when the first clause follows the heading.")
    budgets: list[BudgetItem] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    clauses: list[Clause] = Field(default_factory=list, description="Its numbered clauses; "
                                  "a chapter of paragraphs only (保障措施) has none.")
    unnumbered: list[UnnumberedParagraph] = Field(
        default_factory=list, description="Paragraphs without a label between its clauses.")


class MetadataField(StrictModel):
    key: Slug
    label: Text = Field(description="The label as on the published page (zh) and in English.")
    value: str | Text = Field(description="A language-neutral string, or a Text.")
    after_title: bool = Field(
        default=False, description="Shown under the notice title on the published page."
    )


class BudgetNote(StrictModel):
    """A known discrepancy in the document's own figures, recorded so it is reported, not hidden."""

    id: Slug
    items: list[Slug] = Field(min_length=1)
    text: Text
    review: Review = None


class Notice(StrictModel):
    """The notice that issues the policy, as published (a Word file as the office sends it
    has a red header and its 文号 on a line of its own)."""

    header: Text | None = Field(default=None, description="The red header, e.g. "
                                "某县人民政府文件.")
    number: Text | None = Field(default=None, description="The 文号 on its own line, e.g. "
                                "{zh: 某政发〔2025〕6号, en: Mou Zheng Fa [2025] No. 6}.")
    number_at: Literal["above", "below", "after"] = Field(
        default="below", description="Where the 文号 line stands: above the notice title, "
        "below it, or after the information bar under it.")
    title: Text = Field(description="The notice title; a title published over several lines "
                        "is written as one.")
    addressees: Text | None = Field(default=None, description="各…: the addressees, if any.")
    body: Text
    attachment: str | None = Field(default=None, description="The attached file's name.")
    signature: Text = Field(description="The issuer as it signs, a line each (joint issuers: "
                            "two lines, or two names on one line).")
    date: Text
    disclosure: Text | None = Field(default=None, description="(此件公开发布) and the like.")


class PublishedStyle(StrictModel):
    """How the published text writes the parts the data does not keep verbatim: the brackets
    of a chapter heading's lead units and the colon after a metadata label."""

    brackets: Literal["()", "（）"] = "()"
    colon: Literal[":", "："] = ":"


IsoDate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")]


class Period(StrictModel):
    """When the measures apply, as the document states it (`quote` is in its closing or in
    the notice): 2025年全年实施有效, 自2025年1月1日起施行,有效期至2025年12月31日, 有效期1年,
    自印发之日起施行 (from the notice's date, with no end)."""

    start: IsoDate
    end: IsoDate | None = Field(default=None, description="YYYY-MM-DD; absent when the text "
                                "sets no end (自印发之日起施行): in force until replaced.")
    quote: Quote = Field(description="The words that state it, e.g. 均为2025年全年实施有效.")


class Supplied(StrictModel):
    """What the published text does not say about the document and the editor supplies
    (`import --issuer/--number/--date`, or by hand): pages show it as supplied by the
    editor, never as part of the published text."""

    issuers: list[Slug] = Field(default_factory=list, description="Ids of the units that "
                                "issue the document (units.yaml), when the text names none.")
    number: Text | None = Field(default=None, description="The 文号, when the text has none.")
    date: IsoDate | None = Field(default=None, description="The date of the document, when "
                                 "the text has none.")
    source: str | None = Field(default=None, description="Where the editor found it (the "
                               "portal's listing, the issuing office).")


class Document(StrictModel):
    id: Slug = Field(description="The folder name; the document's URLs are /<lang>/<id>/.")
    series: Slug = Field(description="Id of the series in library.yaml this is an edition of.")
    supersedes: Slug | None = Field(
        default=None, description="Id of the edition this one replaces (same series).")
    in_force: Period | None = Field(
        default=None, description="The period the measures apply for, as the text states it.")
    edition: NonEmpty = Field(description="The edition's year, e.g. `2025`: as the text states "
                              "it (2025年版), else as the editor supplies it (`import --edition`).")
    title: Text = Field(description="The policy's title; one published over several lines is "
                        "written as one.")
    subtitle: Text | None = Field(default=None, description="The edition line, e.g. (2025年版), "
                                  "under the title or at the end of its line; absent when the "
                                  "text has none.")
    source_url: str | None = Field(default=None, description="The published notice itself "
                                   "online (its page, not the portal's home page); the "
                                   "document's home links it as the original.")
    metadata: list[MetadataField] = Field(
        default_factory=list, description="The portal's metadata block and information bar, "
        "as published; empty for a text without them (a Word file as the office sends it).")
    notice: Notice | None = Field(default=None, description="The notice that issues the "
                                  "policy; absent when the text is the policy alone.")
    supplied: Supplied | None = Field(default=None, description="What the text does not say "
                                      "and the editor supplies.")
    preamble: Text | None = None
    preamble_figures: list[Figure] = Field(default_factory=list)
    closing: list[Text] = Field(default_factory=list, description="Closing paragraphs.")
    budgets: list[BudgetItem] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    budget_notes: list[BudgetNote] = Field(default_factory=list)
    style: PublishedStyle = Field(default_factory=PublishedStyle,
                                  description="Half-width (default) or full-width punctuation.")
    review: Review = None


class InputKind(StrEnum):
    NUMBER = "number"
    CHOICE = "choice"
    MULTI = "multi"


OptionKey = Annotated[str, Field(pattern=r"^[a-z0-9_]+$", description="Value in the query "
                                 "string.")]


class InputOption(StrictModel):
    key: OptionKey
    label: Text
    help: Text | None = Field(default=None, description="What the option covers, shown under "
                              "it, e.g. the appliance categories.")


class CalculatorInput(StrictModel):
    key: InputKey = Field(description="Query-string key, e.g. `price`.")
    kind: InputKind
    label: Text
    help: Text | None = None
    unit: Text | None = Field(default=None, description="For numbers, e.g. {zh: 元, en: CNY}.")
    options: list[InputOption] = Field(default_factory=list)
    optional: bool = False
    default_from: InputKey | None = Field(
        default=None, description="An optional number left empty takes the value of this "
        "other number input, and the result says so (实际完成投资额 defaults to the equipment "
        "investment).")
    exclusive: list[list[OptionKey]] = Field(
        default_factory=list, description="For a multi input: groups of options of which at "
        "most one may be chosen (首次认定 and 重新认定); both engines refuse more.")

    @model_validator(mode="after")
    def _options(self) -> CalculatorInput:
        if (self.kind is InputKind.NUMBER) == bool(self.options):
            raise ValueError("choice and multi inputs need `options`; numbers have none")
        if self.default_from is not None and (self.kind is not InputKind.NUMBER
                                              or not self.optional):
            raise ValueError("`default_from` is for an optional number input")
        if self.exclusive and self.kind is not InputKind.MULTI:
            raise ValueError("`exclusive` groups are for multi inputs")
        keys = {o.key for o in self.options}
        for group in self.exclusive:
            unknown = [g for g in group if g not in keys]
            if unknown:
                raise ValueError(f"`exclusive` names {unknown}, which are not options of "
                                 f"`{self.key}`")
            if len(group) < 2:
                raise ValueError("an `exclusive` group names two or more options")
        return self


class Combine(StrEnum):
    ONE = "one"  # exactly one incentive applies (trade-in: one item)
    SUM = "sum"  # every applicable incentive is a line; the result is their total


class Audience(StrEnum):
    ENTERPRISE = "enterprise"
    RESIDENT = "resident"


class Calculator(StrictModel):
    id: Slug
    title: Text
    task: Text | None = Field(default=None, description="What a reader wants it for, as the "
                              "home page offers it, e.g. {zh: 算一算以旧换新补贴, en: Work out a "
                              "trade-in subsidy}.")
    intro: Text
    audience: Audience = Field(description="Who it is for; the benefit finder asks this first.")
    inputs: list[CalculatorInput] = Field(min_length=1)
    combine: Combine
    unchecked: list[Text] = Field(
        default_factory=list, description="Conditions the calculator does not check.")


class Situation(StrictModel):
    """A situation the benefit finder offers, in plain words (我买了家电). Ticked, it runs its
    calculator with the values it `set`s and the inputs it `ask`s for inline, and lists the
    incentives that name it in their `situations`."""

    id: Slug = Field(description="Unique in the file; the finder's URL names it (`s=appliance`"
                     "); the same id in two documents is one question on the library's page.")
    label: Text = Field(description="The situation as a reader would say it; no numbers.")
    help: Text | None = None
    calculator: Slug | None = Field(default=None, description="The calculator it runs, if any.")
    set: dict[InputKey, list[OptionKey]] = Field(
        default_factory=dict, description="Choice or multi input -> the options it sets "
        "(`item: [appliance]`).")
    ask: list[InputKey] = Field(default_factory=list,
                                description="Inputs of the calculator asked for inline.")
    options: dict[InputKey, list[OptionKey]] = Field(
        default_factory=dict, description="For an asked choice or multi input: the options "
        "offered (default: all of them).")

    @model_validator(mode="after")
    def _calculator(self) -> Situation:
        if self.calculator is None and (self.set or self.ask or self.options):
            raise ValueError("`set`, `ask` and `options` need a `calculator`")
        if not set(self.options) <= set(self.ask):
            raise ValueError("`options` are for inputs named in `ask`")
        return self


class SituationGroup(StrictModel):
    """Situations under one heading, for one audience (the finder asks that first)."""

    audience: Audience
    title: Text
    situations: list[Situation] = Field(min_length=1)


class CalculatorsFile(StrictModel):
    calculators: list[Calculator] = Field(min_length=1)
    finder: list[SituationGroup] = Field(
        default_factory=list, description="The benefit finder's situations, by audience and "
        "heading.")


class ChangeKind(StrEnum):
    """What a change-log entry records. `amendment` entries are made from amendments.yaml,
    never written by hand; `translation` and `typo` say that nothing the document says
    changed (a translation or a slip in the data was fixed)."""

    CORRECTION = "correction"
    CLARIFICATION = "clarification"
    IMPLEMENTATION_RULE = "implementation_rule"
    TRANSLATION = "translation"
    TYPO = "typo"
    AMENDMENT = "amendment"


class Change(StrictModel):
    """One entry of the change log: what changed in the data, when and why."""

    date: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")]
    clauses: list[int] = Field(default_factory=list,
                               description="Clause numbers; empty for the whole document.")
    kind: ChangeKind
    summary: Text


class ChangesFile(StrictModel):
    changes: list[Change] = Field(default_factory=list)


class AmendmentKind(StrEnum):
    """勘误 corrects an error in the published text; 修订 revises what it says."""

    ERRATUM = "erratum"
    REVISION = "revision"


def without_english(value: Any) -> Any:
    """JSON data (a model's `model_dump(mode="json")`) with the English of its texts left
    out: every Text's `en` (a Text is an object of no keys but zh, en and pending)."""
    if isinstance(value, dict):
        if "zh" in value and value.keys() <= Text.model_fields.keys():
            return {k: v for k, v in value.items() if k != "en"}
        return {k: without_english(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_english(v) for v in value]
    return value


class TextChange(StrictModel):
    """One change an amending document makes: in clause `clause` (or, without it, in the
    rest of the document), the words `old` become `new`."""

    clause: int | None = Field(default=None, ge=1, description="The clause it changes; leave "
                               "it out for the notice, a heading, an intro or the closing.")
    old: Quote = Field(description="The words as published (or as an earlier amendment left "
                       "them), verbatim, found exactly once in the clause.")
    new: str = Field(description="The words that replace them (empty: they are deleted).")


class Amendment(StrictModel):
    """An official correction (勘误) or revision (修订) of the published document: a notice
    with its own document number and date. The published text (source.zh.txt) stays as it
    was; the data is the published text with its amendments applied, in date order."""

    id: Slug = Field(description="Unique in the document, e.g. `erratum-2025-06`.")
    kind: AmendmentKind
    document_number: Text = Field(
        description="文号 of the amending notice, e.g. {zh: 建政函〔2025〕35号, "
        "en: Jian Zheng Han [2025] No. 35}.")
    title: Text = Field(description="Title of the amending notice.")
    date: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$",
                               description="Date of the amending notice, YYYY-MM-DD.")]
    url: str | None = Field(default=None, description="The amending notice online.")
    summary: Text = Field(description="What it changes, in a sentence (the change log's entry).")
    changes: list[TextChange] = Field(min_length=1)


class AmendmentsFile(StrictModel):
    amendments: list[Amendment] = Field(default_factory=list)


class UnitKind(StrEnum):
    GOVERNMENT = "government"
    GOVERNMENT_OFFICE = "government_office"
    BUREAU = "bureau"
    PARTY_ORGAN = "party_organ"
    VERTICAL_AGENCY = "vertical_agency"
    PUBLIC_INSTITUTION = "public_institution"
    PEOPLES_ORGANIZATION = "peoples_organization"
    STATE_OWNED_COMPANY = "state_owned_company"
    ZONE = "zone"


class Contact(StrictModel):
    """How to reach a unit to apply, as the unit publishes it. Never guess: leave out what
    is not published."""

    address: Text | None = Field(default=None, description="Street address of the service "
                                 "window, e.g. {zh: 某市某街道某路1号, en: …}.")
    phone: Annotated[str, Field(pattern=r"^\+?[0-9][0-9 ()-]{4,}$")] | None = Field(
        default=None, description="Telephone number as published, e.g. 0571-64712345.")
    website: Annotated[str, Field(pattern=r"^https?://")] | None = Field(
        default=None, description="The unit's web page (https://…).")
    service: Text | None = Field(default=None, description="Where to apply online or in "
                                 "person, e.g. {zh: 浙里办“惠企政策”专区, en: …}.")
    source: str | None = Field(default=None, description="Where the contact was published "
                               "(a URL or the document that gives it).")


class Unit(StrictModel):
    id: Slug
    name: Text = Field(description="zh: the name as most often written in the document.")
    kind: UnitKind
    aliases: list[NonEmpty] = Field(
        default_factory=list, description="Other spellings in the document (市人社局)."
    )
    contact: Contact | None = Field(default=None, description="How to apply to the unit, as "
                                    "it publishes it; unit pages say when there is none yet.")
    review: Review = None


class UnitsFile(StrictModel):
    units: list[Unit] = Field(min_length=1)


class GlossaryEntry(StrictModel):
    zh: NonEmpty
    en: NonEmpty
    note: str | None = Field(default=None, description="Why this rendering.")
    also: list[NonEmpty] = Field(
        default_factory=list, description="Everyday words readers type for this term, in "
        "either language (冰箱, 电车, 高企, fridge): search finds the term for them.")


class GlossaryFile(StrictModel):
    terms: list[GlossaryEntry] = Field(default_factory=list)


class Issuer(StrictModel):
    """A government (or office) that issues documents."""

    id: Slug = Field(description="Stable id, e.g. `xihu` (a district); used in `series`.")
    name: Text = Field(description="The issuer's name as it signs its documents.")
    website: Annotated[str, Field(pattern=r"^https?://")] | None = Field(
        default=None, description="The issuer's government portal (https://…): where readers "
        "find its notices and services when a unit's own contact is not recorded.")


class Series(StrictModel):
    """Documents one issuer reissues (yearly editions of one policy): each edition is a
    document folder whose `series` is this id, and a newer one `supersedes` the older."""

    id: Slug
    issuer: Slug = Field(description="Id of an issuer in this file.")
    title: Text = Field(description="What the series is, e.g. 某区推动经济高质量发展若干政策.")


class LibraryFile(StrictModel):
    """The library the site publishes: `library.yaml` at the root of the data folder, beside
    the document folders. Nothing about a single document belongs here."""

    title: Text = Field(description="The site's name, e.g. {zh: 某市经济高质量发展政策手册, "
                        "en: Economic Policy Handbook of X City}.")
    issuers: list[Issuer] = Field(min_length=1)
    series: list[Series] = Field(min_length=1)
    root_document: Slug | None = Field(
        default=None, description="The document the site showed at /zh/ and /en/ before it "
        "held several: every URL published then keeps landing on this document's content.")


FILE_MODELS: dict[str, type[StrictModel]] = {
    "library": LibraryFile,
    "document": Document,
    "chapter": Chapter,
    "units": UnitsFile,
    "glossary": GlossaryFile,
    "calculators": CalculatorsFile,
    "changes": ChangesFile,
    "amendments": AmendmentsFile,
}


def json_schema() -> dict[str, Any]:
    """One JSON Schema per file kind, bundled; YAML editors map a file to its `$defs` entry."""
    bundle: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "policy-data.schema.json",
        "title": "Policy handbook data",
        "description": "Schema of policy_data/<document>/*.yaml, exported by `python -m "
        "generator schema`. Do not edit by hand.",
        "oneOf": [],
        "$defs": {},
    }
    for name, model in FILE_MODELS.items():
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs = schema.pop("$defs", {})
        bundle["$defs"].update(defs)
        bundle["$defs"][f"{name}-file"] = schema
        bundle["oneOf"].append({"$ref": f"#/$defs/{name}-file"})
    return bundle


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
