"""How a calculator input appears in a form, on a calculator page and inline in the benefit
finder: radio buttons for a small choice, check boxes for several, a text box for an amount
(which accepts 6500元 or 1.5万). Pure."""

from __future__ import annotations

from dataclasses import dataclass

from generator.data.schema import Calculator, CalculatorInput, Combine, InputKind
from generator.render import filters
from generator.render.i18n import t

RADIO_MAX = 7  # a choice of up to this many options is a set of radio buttons, else a list


@dataclass(frozen=True)
class Field:
    """One input as the form shows it."""

    name: str  # form and URL name: the input's key, or <situation>.<key> in the finder
    key: str
    widget: str  # radio | checkbox | select | text
    label: str
    help: str
    unit: str
    optional: bool
    options: tuple[tuple[str, str, str], ...]  # (key, label, help)


def widget(inp: CalculatorInput, offered: list[str]) -> str:
    """Radio buttons for one of a few; check boxes for several (radio buttons when what is
    offered is one `exclusive` group: first recognition or re-recognition)."""
    if inp.kind is InputKind.NUMBER:
        return "text"
    if inp.kind is InputKind.MULTI:
        one_group = any(set(offered) <= set(g) for g in inp.exclusive)
        return "radio" if one_group else "checkbox"
    return "radio" if len(offered) <= RADIO_MAX else "select"


def field_of(inp: CalculatorInput, lang: str, *, optional: bool, name: str | None = None,
             offered: list[str] | None = None) -> Field:
    """`optional`: the form says it may be left empty (an input the engine asks for only in
    some cases, such as a price, is not marked; the page hides it where it is not needed)."""
    keys = offered or [o.key for o in inp.options]
    help_text = filters.tr(inp.help, lang) if inp.help else ""
    if inp.kind is InputKind.NUMBER:
        help_text = " ".join(x for x in (help_text, t("calc_amount_hint", lang)) if x)
    return Field(
        name=name or inp.key, key=inp.key, widget=widget(inp, keys),
        label=filters.tr(inp.label, lang), help=help_text,
        unit=filters.tr(inp.unit, lang) if inp.unit else "", optional=optional,
        options=tuple((o.key, filters.tr(o.label, lang),
                       filters.tr(o.help, lang) if o.help else "")
                      for o in inp.options if o.key in keys))


def calculator_fields(calc: Calculator, lang: str) -> list[Field]:
    """A calculator page's inputs: in a sum calculator any input may stay empty; otherwise
    only one that takes another's value when empty."""
    return [field_of(i, lang, optional=i.optional and (calc.combine is Combine.SUM
                                                       or i.default_from is not None))
            for i in calc.inputs]
