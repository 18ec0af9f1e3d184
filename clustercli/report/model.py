"""The content of a report: plain, frozen dataclasses with every text already in one language.

`build.build_report` fills these once from an assessment, its question set, the profile and the
routing; the four renderings (terminal, Markdown, HTML, JSON) only lay them out. Every field is
keyword-only, so a field added to a class can never shift the values of the others. So whatever a
report says, it says the same in every format, and a renderer never decides what goes in.
Headings and small labels ("Source:", "checked") are the renderers' own, from the `report`
catalogue; everything about this firm is here.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 2  # of the JSON form (docs/report-json.md); raise it when a field changes


@dataclass(frozen=True, kw_only=True)
class SetInfo:
    id: str
    version: str
    hash: str
    title: str


@dataclass(frozen=True, kw_only=True)
class Meta:
    id: str
    client: str
    respondent: str
    language: str
    status: str  # "in_progress" or "completed"
    created: str  # UTC ISO 8601, as stored
    updated: str
    completed: str | None
    question_set: SetInfo
    answered: int  # questions that apply and have an answer
    applicable: int  # questions that apply, given the answers so far


@dataclass(frozen=True, kw_only=True)
class Cap:
    """A rule that held the level down, with why (e.g. win-win is a knelpunt, F7)."""

    id: str
    reason: str
    source: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Level:
    id: str
    title: str
    meaning: str
    rank: int  # 1 = the lowest
    of: int
    reached: str  # the level the level rules alone gave, before the caps
    reached_title: str
    caps: tuple[Cap, ...]

    @property
    def capped(self) -> bool:
        return bool(self.caps)


@dataclass(frozen=True, kw_only=True)
class Dimension:
    id: str
    title: str
    description: str
    score: float | None  # 0-100, exact; None: not enough answers
    shown: int | None  # the score as shown: whole points, rounded down (see build.shown_score)
    band: str  # sterk, aandachtspunt, knelpunt or insufficient
    band_label: str
    answered: int
    applicable: int


@dataclass(frozen=True, kw_only=True)
class Point:
    """A strongest or weakest point: a dimension, the answers that cost it most, and what
    would lift it to the next band (a headline and one line per answer; empty when none)."""

    dimension: str
    title: str
    description: str  # what the dimension is about; only for the strongest points, else ""
    shown: int | None
    band: str
    band_label: str
    weakest: tuple[str, ...]
    lift: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Advice:
    id: str
    text: str
    source: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Organisation:
    id: str
    name: str
    aka: tuple[str, ...]
    via: str | None
    kind: str
    kind_label: str
    about: str
    why: str  # why for this firm, with the answers it rests on
    reason: str  # the same without the answers: what the short report says
    verified: str  # YYYY-MM: when the facts about it were last checked
    url: str | None  # only where the facts list its web address
    caveat: str | None
    source: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Action:
    """One of the three to five things that matter most for this firm: what to do, why (in one
    sentence) and on what basis, most urgent first."""

    advice: str  # the advice rule it comes from
    step: str
    why: str
    source: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class MirrorItem:
    finding: str
    figure: str  # what the study found
    position: str  # where this firm stands beside it
    source_note: str  # source, year, "Dutch SMEs around 2000, not today"
    year: int

    @property
    def text(self) -> str:
        return f"{self.figure} {self.position} {self.source_note}"


@dataclass(frozen=True, kw_only=True)
class Source:
    """A basis the report cites: a finding of the study (F1-F12) or another basis."""

    id: str
    label: str  # how an item cites it: "F7", "deze zelftest"
    text: str
    # The sections where a sentence already states this finding (a study sentence of the
    # level, an action, advice or organisation, or a comparison with the study): a rendering
    # with one of them does not repeat it in its sources, so that each study statement appears
    # once in a report.
    stated_in: tuple[str, ...] = ()
    cited_in: tuple[str, ...] = ()  # the sections whose statements cite it


@dataclass(frozen=True, kw_only=True)
class Note:
    """An advisor's note on an answer (only in the advisor's copy)."""

    question: str
    question_text: str
    answer: str
    note: str


@dataclass(frozen=True, kw_only=True)
class Thresholds:
    sterk: float
    aandachtspunt: float


@dataclass(frozen=True, kw_only=True)
class Report:
    lang: str
    meta: Meta
    unfinished: str | None  # the notice for an assessment that is not finished, else None
    level: Level | None  # None: the check is not finished, or the set has no levels
    dimensions: tuple[Dimension, ...]
    thresholds: Thresholds
    strongest: tuple[Point, ...]
    weakest: tuple[Point, ...]
    unscored: tuple[Point, ...]  # dimensions with too few answers, and how to get a score
    notices: tuple[Advice, ...]  # said with the level: e.g. 250 or more is outside the MKB
    actions: tuple[Action, ...]  # the 3-5 that matter most, most urgent first
    advice: tuple[Advice, ...]  # the other advice: not an action, not a notice
    organisations: tuple[Organisation, ...]
    mirror: tuple[MirrorItem, ...]
    study: str  # the study, as cited
    sources: tuple[Source, ...]  # every basis the report cites, findings first
    organisation_facts: str  # where the facts about organisations come from, and when
    disclaimer: str  # guidance, not a validated test
    notes: tuple[Note, ...] | None  # None: the entrepreneur's copy (no notes)
    # The change since the previous completed check of the same client and respondent
    # (advisor.compare_view.since_lines): a heading, then its lines; () when there is none.
    # `show` fills it in, since finding that check needs the store.
    since: tuple[str, ...] = ()
    # Why a finished check has no level although the set has levels: too many parts without
    # a score (profile.levels.withheld); None otherwise.
    level_note: str | None = None

    @property
    def with_notes(self) -> bool:
        return self.notes is not None

    def cite(self, ids: tuple[str, ...]) -> str:
        """How an item names its sources: "F7, F8" or "keuze van deze zelftest"."""
        labels = {source.id: source.label for source in self.sources}
        return ", ".join(labels.get(source, source) for source in ids)
