"""What each section of a report says, built once from the report, and the order they come in.

Two orders, each a tuple of section names that every rendering (rich and plain on the terminal,
Markdown, HTML) follows:
- `SHORT`, the report read in five minutes (issue 13): the level and what it means, the scores
  per area, the three to five actions that matter most, the rest of the advice, whom to
  approach, the firm beside the study, the sources (and the advisor's notes in the advisor's
  copy). The terminal and Markdown give it unless asked for `--details`.
- `SECTIONS`, the same with the long explanation per area after the scores (strongest and
  weakest points with the answers that cost the most points and what would lift them a band,
  and what to answer where an area has no score): `show --details` and the HTML page.

A section's content is built here once (`build_sections`) as plain-text parts
(`clustercli.report.parts`); a renderer only supplies how one kind of section looks, one method
per kind (`SectionRenderer`), and `compose` walks the list. So:
- moving or dropping a section is an edit of a tuple;
- a new section is a builder here and its name in the tuple, plus one method per renderer when
  it is of a new kind (none when it looks like one they already draw, as the three lists of
  points do).
The head (title, facts, the advisor's-copy mark, the notice of an unfinished check) opens every
rendering and is not a section. The JSON form is the report's data (`report.data`), not drawn
section by section.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from clustercli.formatting import number
from clustercli.report import text
from clustercli.report.model import Point, Report
from clustercli.report.parts import (
    ActionItem,
    ActionsSection,
    AdviceSection,
    Comparison,
    Head,
    LevelSection,
    Mark,
    MirrorSection,
    NotesSection,
    OrganisationGroup,
    OrganisationItem,
    OrganisationsSection,
    PointItem,
    PointsSection,
    ScoreRow,
    ScoresSection,
    Section,
    SectionRenderer,
    Since,
    Sourced,
    SourcesSection,
)

SECTIONS = ("level", "scores", "strongest", "weakest", "unscored", "actions", "advice",
            "organisations", "mirror", "sources", "notes")
# The short report, as issue 13 orders it: no long explanation per area, and no advice beyond
# the actions (the rest of the advice is in the details, the HTML and the JSON).
SHORT = ("level", "scores", "actions", "organisations", "mirror", "sources", "notes")
# What the end of the self-check leaves on the screen (render/screens.py), the rest behind a
# `show` command.
END = ("level", "scores", "actions")


# --- what each section says -------------------------------------------------------------------


def head(report: Report) -> Head:
    title = text.title(report)
    client = report.meta.client
    return Head(lang=report.lang, title=title,
                page_title=f"{title} – {client}" if client else title,
                facts=tuple(text.facts(report)),
                advisor_copy=text.label(report, "advisor_copy") if report.with_notes else None,
                unfinished=report.unfinished)


def _sourced(report: Report, statement: str, sources: tuple[str, ...]) -> Sourced:
    """A statement with the findings of the study it rests on ("Bron: F7, F8"). A statement
    that rests on no finding is this self-check's own advice or choice, or facts it keeps about
    organisations, as the sources say once (`unmarked`), rather than after every sentence."""
    findings = tuple(source for source in sources if text.is_finding(source))
    return Sourced(text=statement, cite=text.label(report, "source",
                                                   sources=report.cite(findings))
                   if findings else "")


def _empty(report: Report, items: Sequence[object], key: str) -> str | None:
    return None if items else text.label(report, key)


def _level(report: Report, name: str) -> LevelSection:
    level = report.level
    heading = text.heading(report, name)
    notices = tuple(_sourced(report, text.label(report, "notice", notice=n.text), n.source)
                    for n in report.notices)
    if level is None:
        return LevelSection(name=name, heading=heading, level_id=None, line=None, meaning="",
                            capped=None, caps=(), empty=text.no_level(report), notices=notices)
    return LevelSection(
        name=name, heading=heading, level_id=level.id, line=text.level_line(report, level),
        meaning=level.meaning,
        capped=text.label(report, "capped", reached=level.reached_title) if level.capped
        else None,
        caps=tuple(_sourced(report, cap.reason, cap.source) for cap in level.caps), empty=None,
        notices=notices)


def _scores(report: Report, name: str) -> ScoresSection:
    rows = tuple(ScoreRow(dimension=d, line=text.dimension_line(report, d),
                          band_text=d.band_label if d.shown is not None else
                          text.dimension_line(report, d).removeprefix(f"{d.title}: "))
                 for d in report.dimensions)
    limits = report.thresholds
    marks = tuple(Mark(band=band, value=value,
                       label=f"{number(value)} {text.band_label(report, band)}")
                  for band, value in (("aandachtspunt", limits.aandachtspunt),
                                      ("sterk", limits.sterk)))
    description = " ".join([*(row.line + "." for row in rows),
                            text.chart_text(report, "desc", sterk=number(limits.sterk),
                                            aandachtspunt=number(limits.aandachtspunt))])
    since = Since(heading=report.since[0], lines=report.since[1:]) if report.since else None
    return ScoresSection(
        name=name, heading=text.heading(report, name), rows=rows,
        columns=(text.label(report, "col_dimension"), text.label(report, "col_score"),
                 text.label(report, "col_band")),
        marks=marks, chart_title=text.chart_text(report, "title"),
        chart_description=description, since=since)


def _point(report: Report, point: Point) -> PointItem:
    return PointItem(line=text.point_line(report, point), band=point.band,
                     description=point.description,
                     costs_most=text.label(report, "costs_most") if point.weakest else None,
                     weakest=point.weakest, lift_head=point.lift[0] if point.lift else None,
                     lift=point.lift[1:])


def _points(report: Report, name: str, points: tuple[Point, ...],
            empty_key: str | None = None) -> PointsSection:
    return PointsSection(name=name, heading=text.heading(report, name),
                         items=tuple(_point(report, p) for p in points),
                         empty=_empty(report, points, empty_key) if empty_key else None)


def _strongest(report: Report, name: str) -> PointsSection:
    return _points(report, name, report.strongest, "none_strong")


def _weakest(report: Report, name: str) -> PointsSection:
    return _points(report, name, report.weakest, "none_weak")


def _unscored(report: Report, name: str) -> PointsSection | None:
    """Only when some dimension has too few answers to score."""
    return _points(report, name, report.unscored) if report.unscored else None


def _actions(report: Report, name: str) -> ActionsSection:
    return ActionsSection(
        name=name, heading=text.heading(report, name),
        items=tuple(ActionItem(step=a.step, why=_sourced(
            report, text.label(report, "why", why=a.why), a.source)) for a in report.actions),
        empty=_empty(report, report.actions, "no_actions"))


def _advice(report: Report, name: str) -> AdviceSection | None:
    """Only the advice that is not already an action: left out when there is none."""
    if not report.advice:
        return None
    return AdviceSection(name=name, heading=text.heading(report, name),
                         items=tuple(_sourced(report, a.text, a.source) for a in report.advice))


def _organisations(report: Report, name: str) -> OrganisationsSection:
    groups: list[OrganisationGroup] = []
    rank = 0
    for why, members in text.organisation_groups(report):
        items = []
        for org in members:
            rank += 1
            items.append(OrganisationItem(
                rank=rank, name=text.organisation_name(org), kind=org.kind,
                kind_label=text.kind_label(report, org), url=org.url,
                checked=text.label(report, "verified", date=org.verified),
                about=org.about if org.kind in text.DESCRIBED_KINDS else None,
                why=None if why is not None else _sourced(report, org.reason, org.source),
                caveat=text.label(report, "caveat", caveat=org.caveat) if org.caveat else None))
        shared = None if why is None else _sourced(
            report, text.shared_why(report, why, len(members)), members[0].source)
        groups.append(OrganisationGroup(shared=shared, members=tuple(items)))
    return OrganisationsSection(name=name, heading=text.heading(report, name),
                                items=tuple(groups),
                                empty=_empty(report, report.organisations, "no_organisations"))


def _mirror(report: Report, name: str) -> MirrorSection | None:
    """Only the comparisons that apply; left out when none does."""
    if not report.mirror:
        return None
    return MirrorSection(name=name, heading=text.heading(report, name), items=tuple(
        Comparison(figure=m.figure, position=m.position,
                   cite=text.label(report, "source", sources=m.finding)) for m in report.mirror))


def _sources(report: Report, name: str, shown: Sequence[str] = SECTIONS) -> SourcesSection:
    """The study, then the findings that the `shown` sections cite and no sentence of theirs
    says already."""
    return SourcesSection(name=name, heading=text.heading(report, name),
                          study=text.label(report, "study", study=report.study),
                          items=tuple((s.label, s.text) for s in report.sources
                                      if text.is_finding(s.id) and set(s.cited_in) & set(shown)
                                      and not set(s.stated_in) & set(shown)),
                          unmarked=text.label(report, "unmarked"),
                          organisation_facts=report.organisation_facts,
                          disclaimer=report.disclaimer)


def _notes(report: Report, name: str) -> NotesSection | None:
    if report.notes is None:  # the entrepreneur's copy
        return None
    return NotesSection(name=name, heading=text.heading(report, name),
                        items=tuple((n.question_text, text.note_tail(report, n))
                                    for n in report.notes))


BUILDERS: dict[str, Callable[[Report, str], Section | None]] = {
    "level": _level,
    "scores": _scores,
    "strongest": _strongest,
    "weakest": _weakest,
    "unscored": _unscored,
    "actions": _actions,
    "advice": _advice,
    "organisations": _organisations,
    "mirror": _mirror,
    "sources": _sources,
    "notes": _notes,  # only in the advisor's copy
}


def build_sections(report: Report, names: Sequence[str] = SECTIONS) -> list[Section]:
    """The sections of `report` in the order of `names`, those with nothing to say left out.
    The sources are told which sections are shown (what is said there is not said again)."""
    return [section for name in names
            if (section := _sources(report, name, names) if name == "sources"
                else BUILDERS[name](report, name)) is not None]




Out = TypeVar("Out")


def compose(report: Report, renderer: SectionRenderer[Out],
            names: Sequence[str] = SECTIONS) -> list[Out]:
    """The head, then each section of `names` as `renderer` draws its kind."""
    return [renderer.head(head(report)),
            *(getattr(renderer, section.kind)(section)
              for section in build_sections(report, names))]
