"""The import report: what was found, what carried over from the previous edition, what
changed and what an editor must review. Printed, and written beside the data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.data.checks.common import Fact
from generator.data.schema import Clause
from generator.importer.genre import NUMBERING_NAMES

if TYPE_CHECKING:
    from generator.editions.align import Alignment
    from generator.importer.carry import Carried
    from generator.importer.grammar import ParsedDocument

REPORT_FILE = "import-report.md"


@dataclass
class Report:
    source: str
    into: str
    previous: str | None = None
    numbering: str = "arabic"
    restarting: bool = False
    style: list[str] = field(default_factory=list)  # the house style's named variants
    chrome: list[str] = field(default_factory=list)  # page chrome removed from the text
    supplied: list[str] = field(default_factory=list)  # what the editor supplied
    chapters: list[tuple[int, str, int]] = field(default_factory=list)
    units_resolved: list[str] = field(default_factory=list)
    units_new: list[str] = field(default_factory=list)
    units_dropped: list[str] = field(default_factory=list)
    facts_carried: int = 0
    facts_changed: list[str] = field(default_factory=list)
    facts_new: int = 0
    facts_dropped: list[str] = field(default_factory=list)
    added: list[tuple[int, str]] = field(default_factory=list)
    removed: list[tuple[int, str]] = field(default_factory=list)
    renumbered: list[tuple[int, int, str]] = field(default_factory=list)
    moved: list[tuple[int, int, str]] = field(default_factory=list)
    possible: list[tuple[int, int, str]] = field(default_factory=list)
    text_changed: list[tuple[int, str]] = field(default_factory=list)
    chapters_moved: list[tuple[int, int]] = field(default_factory=list)
    calculators_kept: list[str] = field(default_factory=list)
    calculators_dropped: list[str] = field(default_factory=list)
    situations_dropped: list[str] = field(default_factory=list)
    glossary_unused: list[str] = field(default_factory=list)
    review_notes: list[str] = field(default_factory=list)
    series: str = ""  # the series the document is an edition of
    supersedes: str | None = None
    library: str | None = None  # what the import added to library.yaml
    todo: list[str] = field(default_factory=list)  # file:line of each to-do, after writing

    def count(self, carried: Carried, facts: Sequence[Fact], where: str) -> None:
        self.facts_carried += len(carried.kept) - len(carried.changed)
        for fact, pairs in carried.changed:
            values = ", ".join(f"{a} -> {b}" for a, b in pairs)
            self.facts_changed.append(f"{where}: `{fact.quote}` ({values})")
        self.facts_new += len(facts) - len(carried.kept)
        self.facts_dropped += [f"{where}: `{f.quote}`" for f in carried.dropped]

    def against(self, aligned: Alignment, old: dict[int, Clause], doc: ParsedDocument,
                has_previous: bool) -> None:
        """What the alignment (the one `diff` and the comparison pages use) found."""
        if not has_previous:
            return
        titles = {c.number: c.title for c in doc.clauses}
        for p in aligned.clauses:
            if p.new is None:
                assert p.old is not None
                self.removed.append((p.old, old[p.old].title.zh))
            elif p.old is None:
                self.added.append((p.new, titles[p.new]))
            else:
                if "possible" in p.kinds:
                    self.possible.append((p.old, p.new, titles[p.new]))
                if "renumbered" in p.kinds:
                    self.renumbered.append((p.old, p.new, titles[p.new]))
                if "moved" in p.kinds:
                    self.moved.append((p.old, p.new, titles[p.new]))
                if "amended" in p.kinds:
                    self.text_changed.append((p.new, titles[p.new]))
        self.chapters_moved = [(c.old, c.new) for c in aligned.chapters
                               if c.old is not None and c.new is not None and c.old != c.new]

    @property
    def facts_total(self) -> int:
        return self.facts_carried + len(self.facts_changed) + self.facts_new

    def text(self) -> str:
        lines = [f"# Import report: {self.into}", "",
                 f"- source: `{self.source}`",
                 f"- previous edition: `{self.previous}`" if self.previous else
                 "- previous edition: none (every text awaits translation)",
                 f"- series: `{self.series}`"
                 + (f", superseding `{self.supersedes}`" if self.supersedes else ""),
                 *([f"- library.yaml: {self.library} (translate its English)"]
                   if self.library else []),
                 "- clause numbering: " + NUMBERING_NAMES.get(self.numbering, self.numbering)
                 + (" restarting in each chapter" if self.restarting
                    else " through the document"),
                 *([f"- house style: {'; '.join(self.style)}"] if self.style else []),
                 *([f"- page chrome removed: {' · '.join(self.chrome)}"] if self.chrome
                   else []),
                 *([f"- supplied by the editor: {'; '.join(self.supplied)}"] if self.supplied
                   else []),
                 "", "## Clauses found per chapter", ""]
        lines += [f"- chapter {n} {title}: {k} clause(s)" for n, title, k in self.chapters]
        lines += ["", "## Units", "",
                  f"- resolved: {len(self.units_resolved)}",
                  f"- new (stub records, to review): {len(self.units_new)}"
                  + (f": {'、'.join(self.units_new)}" if self.units_new else "")]
        if self.units_dropped:
            lines.append(f"- no longer named, left out: {'、'.join(self.units_dropped)}")
        lines += ["", "## Facts", "",
                  f"- carried over unchanged: {self.facts_carried}",
                  f"- carried over with a changed number: {len(self.facts_changed)}",
                  f"- new stubs (kind guessed, to review): {self.facts_new}",
                  f"- dropped (quote no longer in the text): {len(self.facts_dropped)}"]
        lines += [f"    - changed: {x}" for x in self.facts_changed]
        lines += [f"    - dropped: {x}" for x in self.facts_dropped]
        if self.previous:
            lines += ["", "## Against the previous edition", ""]
            lines += [f"- added clause {n}: {t}" for n, t in self.added]
            lines += [f"- removed clause {n}: {t}" for n, t in self.removed]
            lines += [f"- chapter {a} is now chapter {b}" for a, b in self.chapters_moved]
            lines += [f"- renumbered clause {a} -> {b}: {t}" for a, b, t in self.renumbered]
            lines += [f"- moved clause {a} -> {b}: {t}" for a, b, t in self.moved]
            lines += [f"- possibly the same clause: {a} -> {b}: {t} (check)"
                      for a, b, t in self.possible]
            lines += [f"- text changed in clause {n}: {t}" for n, t in self.text_changed]
            if not (self.added or self.removed or self.renumbered or self.text_changed
                    or self.moved):
                lines.append("- no clause-level differences")
            lines += [f"- calculators kept: {', '.join(self.calculators_kept) or 'none'}"]
            if self.calculators_dropped:
                lines.append(f"- calculators left out (no incentive computes with them): "
                             f"{', '.join(self.calculators_dropped)}")
            if self.situations_dropped:
                lines.append(f"- benefit finder situations left out (they lead to no incentive "
                             f"now): {', '.join(self.situations_dropped)}")
            if self.glossary_unused:
                lines.append(f"- glossary terms kept though not in this text: "
                             f"{'、'.join(self.glossary_unused)}")
        lines += ["", f"## To review ({len(self.todo)})", ""]
        lines += [f"- {x}" for x in self.review_notes]
        lines += [f"- {x}" for x in self.todo]
        return "\n".join(lines) + "\n"
