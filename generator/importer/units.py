"""Units: the names in (责任单位:…), in chapter headings' leads, in the signature and in the
metadata resolved against the document's unit list (the previous edition's, with aliases); a
name no unit has becomes a stub unit, marked for review, with an id made from its pinyin. A
name written with its other name in 〈〉 (开发区经济发展局〈区经信局〉) is one unit with both
names, wherever in the text either is used."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pypinyin import lazy_pinyin

from generator.data.named import main_name
from generator.data.schema import Pending, Text, Unit, UnitKind

_KINDS = [(r"人民政府$", UnitKind.GOVERNMENT),
          (r"(府办|政府办公室|办公室)$", UnitKind.GOVERNMENT_OFFICE),
          (r"^[市县区]委|部(\(|（|$)", UnitKind.PARTY_ORGAN),
          (r"税务局$", UnitKind.VERTICAL_AGENCY),
          (r"(公司|集团)$", UnitKind.STATE_OWNED_COMPANY),
          (r"(开发区|经开区|园区|高新区|新区|管理委员会|管委会)$", UnitKind.ZONE),
          (r"(科协|残联|总工会|红十字会|妇联|团[市县区]委|工商联)$", UnitKind.PEOPLES_ORGANIZATION),
          (r"(中心|站|所|院)$", UnitKind.PUBLIC_INSTITUTION)]


def unit_id(name: str, taken: set[str]) -> str:
    """`市科技局` -> `shi-ke-ji-ju`, unique among `taken`."""
    words = [re.sub(r"[^a-z0-9]", "", w.lower()) for w in lazy_pinyin(name)]
    base = "-".join(w for w in words if w)[:60].strip("-") or "unit"
    uid, k = base, 2
    while uid in taken:
        uid, k = f"{base}-{k}", k + 1
    return uid


def guess_kind(name: str) -> UnitKind:
    return next((k for pattern, k in _KINDS if re.search(pattern, name)), UnitKind.BUREAU)


@dataclass
class UnitList:
    """The units of the new edition: the previous edition's that are still named, in their
    order, then the new ones."""

    previous: tuple[Unit, ...]
    used: dict[str, Unit] = field(default_factory=dict)  # id -> unit, in order of first use
    new: list[str] = field(default_factory=list)  # ids of stub units
    others: dict[str, str] = field(default_factory=dict)  # other name (in 〈〉) -> main name

    def learn(self, written: Iterable[str]) -> None:
        """Every `A〈B〉` of the text, before any name is resolved: B is another name of A."""
        for w in written:
            base, other = main_name(w)
            if other:
                self.others.setdefault(other, base)

    def _alias(self, uid: str, name: str) -> None:
        u = self.used[uid]
        if name != u.name.zh and name not in u.aliases:
            self.used[uid] = u.model_copy(update={"aliases": [*u.aliases, name]})

    def resolve(self, written: str) -> str:
        base, other = main_name(written)
        name = self.others.get(base, base)
        for u in self.previous:
            if name == u.name.zh or name in u.aliases or (other and other in u.aliases):
                self.used.setdefault(u.id, u)
                return u.id
        for u in self.used.values():
            if name == u.name.zh or name in u.aliases:
                if other:
                    self._alias(u.id, other)
                return u.id
        taken = {u.id for u in self.previous} | set(self.used)
        uid = unit_id(name, taken)
        kind = guess_kind(name)
        aliases = sorted({o for o, b in self.others.items() if b == name})
        self.used[uid] = Unit(id=uid, name=Text(zh=name, pending=Pending.NEW), kind=kind,
                              aliases=aliases,
                              review=f"new unit `{name}`: check its id, English name and kind "
                              f"(guessed `{kind.value}`), or make the name an alias of a unit")
        self.new.append(uid)
        return uid

    def resolve_all(self, names: Iterable[str]) -> list[str]:
        return [self.resolve(n) for n in names]

    def units(self) -> list[Unit]:
        """Previous units first, in their order, then the new ones."""
        kept = [u for u in self.previous if u.id in self.used]
        return kept + [self.used[uid] for uid in self.new]

    def dropped(self) -> list[Unit]:
        return [u for u in self.previous if u.id not in self.used]
