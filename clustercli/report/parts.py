"""The parts of a rendered report, as plain text without markup: the head and each kind of
section (`sections.py` builds them from a report, in order), and `SectionRenderer`, what a
rendering supplies to draw them: one method per kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Generic, Protocol, TypeVar

from clustercli.report.model import Dimension

Item = TypeVar("Item")


@dataclass(frozen=True, kw_only=True)
class Head:
    lang: str
    title: str
    page_title: str  # the title with the client's name: a browser tab, a printed page
    facts: tuple[tuple[str, str], ...]  # (label, value), the empty ones left out
    advisor_copy: str | None  # the mark of the advisor's copy (with notes)
    unfinished: str | None  # the notice of a check that is not finished


@dataclass(frozen=True, kw_only=True)
class Section:
    kind: ClassVar[str]  # the renderer method that draws it
    name: str  # its name in SECTIONS (and its id in HTML)
    heading: str


@dataclass(frozen=True, kw_only=True)
class LevelSection(Section):
    kind = "level"
    level_id: str | None
    line: str | None  # "Niveau 2 van 4: Basis opbouwen"; None: no level, see `empty`
    meaning: str
    capped: str | None  # what the scores alone would have given, when caps held it down
    caps: tuple[Sourced, ...]
    empty: str | None  # why there is no level
    notices: tuple[Sourced, ...]  # about the firm, said with the level ("Let op: ...")


@dataclass(frozen=True, kw_only=True)
class ScoreRow:
    dimension: Dimension
    line: str  # the dimension in words: "Kennis uitwisselen: 75 van 100, sterk"
    band_text: str  # the band, or for a dimension without a score why (answered m of n)


@dataclass(frozen=True, kw_only=True)
class Mark:
    """Where a band begins on the 0-100 scale, and its label ("75 sterk")."""

    band: str
    value: float
    label: str


@dataclass(frozen=True, kw_only=True)
class Since:
    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class ScoresSection(Section):
    kind = "scores"
    rows: tuple[ScoreRow, ...]
    columns: tuple[str, str, str]  # dimension, score, band: a table's header
    marks: tuple[Mark, ...]  # where the bands begin: aandachtspunt, then sterk
    chart_title: str
    chart_description: str  # the whole chart in words, for screen readers
    since: Since | None  # the change since the previous check, said with the scores


@dataclass(frozen=True, kw_only=True)
class PointItem:
    line: str  # "Voordeel voor alle partners: 31 van 100, knelpunt"
    band: str
    description: str  # what the dimension is about (strongest points), else ""
    costs_most: str | None  # the lead-in to `weakest`, when there are answers to list
    weakest: tuple[str, ...]  # the answers that cost it most
    lift_head: str | None  # what would lift it a band, then `lift` line by line
    lift: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class ActionItem:
    step: str  # what to do
    why: Sourced  # "Waarom: ..." and its basis


@dataclass(frozen=True, kw_only=True)
class OrganisationItem:
    rank: int  # its place in the list, ranked by fit: 1, 2, ...
    name: str  # with its other names
    kind: str
    kind_label: str  # "branchevereniging", "overheidsregeling, via RVO"; "" when the name says it
    url: str | None
    checked: str  # "gecontroleerd: 2026-11"
    about: str | None  # what it is, for a cluster, campus or network (DESCRIBED_KINDS)
    why: Sourced | None  # why for this firm; None when its group says it
    caveat: str | None  # "Let op: ..."

    @property
    def title(self) -> str:
        """The name with what kind of organisation it is: "Energie-Nederland, branchevereniging"."""
        return f"{self.name}, {self.kind_label}" if self.kind_label else self.name


@dataclass(frozen=True, kw_only=True)
class OrganisationGroup:
    shared: Sourced | None  # the reason its members share, said once; None for a single one
    members: tuple[OrganisationItem, ...]


@dataclass(frozen=True, kw_only=True)
class Listed(Section, Generic[Item]):
    """A section that is a list: its items, or the sentence said when there are none."""

    items: tuple[Item, ...]
    empty: str | None = None


@dataclass(frozen=True, kw_only=True)
class SourcesSection(Section):
    kind = "sources"
    study: str  # the study, with its authors, year and the era its figures describe
    items: tuple[tuple[str, str], ...]  # (finding, what it says): what no sentence above says
    unmarked: str  # what a statement without a finding rests on
    organisation_facts: str
    disclaimer: str  # guidance, not a validated test


@dataclass(frozen=True, kw_only=True)
class Sourced:
    """A statement and where it comes from, to be joined (`line`) or styled apart."""

    text: str
    cite: str  # "Bron: F7, F8"; "" for the self-check's own advice (no finding)

    @property
    def line(self) -> str:
        """Both in one line, as plain text and Markdown say it: "... (Bron: F7)"."""
        return f"{self.text} ({self.cite})" if self.cite else self.text


# The lists, by kind: each is drawn its own way.
class PointsSection(Listed[PointItem]):
    kind = "points"


class ActionsSection(Listed[ActionItem]):
    kind = "actions"


class AdviceSection(Listed[Sourced]):
    kind = "advice"


class OrganisationsSection(Listed[OrganisationGroup]):
    kind = "organisations"


@dataclass(frozen=True, kw_only=True)
class Comparison:
    """The firm beside one figure of the study: what the study found, where the firm stands,
    and the finding it cites (the heading gives the study's year)."""

    figure: str
    position: str
    cite: str  # "Bron: F3"

    @property
    def line(self) -> str:
        return f"{self.figure} {self.position} ({self.cite})"


class MirrorSection(Listed[Comparison]):
    kind = "mirror"


class NotesSection(Listed[tuple[str, str]]):  # (the question, "Antwoord: ... Notitie: ...")
    kind = "notes"


Out = TypeVar("Out", covariant=True)


class SectionRenderer(Protocol[Out]):
    """What a rendering supplies: how the head and each kind of section look."""

    def head(self, head: Head) -> Out: ...
    def level(self, section: LevelSection) -> Out: ...
    def scores(self, section: ScoresSection) -> Out: ...
    def points(self, section: PointsSection) -> Out: ...
    def actions(self, section: ActionsSection) -> Out: ...
    def advice(self, section: AdviceSection) -> Out: ...
    def organisations(self, section: OrganisationsSection) -> Out: ...
    def mirror(self, section: MirrorSection) -> Out: ...
    def sources(self, section: SourcesSection) -> Out: ...
    def notes(self, section: NotesSection) -> Out: ...
