"""The report's small phrases, from which `sections.py` builds what each section says, so that
every rendering says the same words.

Pure text, no markup: a renderer adds its own (bold, links, escaping). Headings and labels come
from the `report` catalogue in the report's language.
"""

from __future__ import annotations

import re

from clustercli.formatting import day
from clustercli.i18n import t
from clustercli.report.model import Dimension, Level, Note, Organisation, Point, Report

# Whose `about` the report prints: for a cluster, campus or network the reason is the same for
# all ("it fits your sector and province"), so what it is comes from `about`; for the others the
# kind and the reason say it, and leaving `about` out keeps the report short. The JSON form
# always has it.
DESCRIBED_KINDS = ("cluster",)


_FINDING = re.compile(r"^F\d+$")


def is_finding(source: str) -> bool:
    """Whether a basis is a finding of the study (F1-F12) rather than design, profile or
    organisations."""
    return bool(_FINDING.match(source))


def heading(report: Report, section: str) -> str:
    return t(f"report.heading.{section}", report.lang)


def label(report: Report, key: str, **params: object) -> str:
    return t(f"report.label.{key}", report.lang, **params)


def no_level(report: Report) -> str:
    """Why there is no level: the check is not finished, too many parts have no score, or
    the set has no levels."""
    if report.level_note and not report.unfinished:
        return report.level_note
    return label(report, "level_when_finished" if report.unfinished else "no_level")


def chart_text(report: Report, key: str, **params: object) -> str:
    return t(f"report.chart.{key}", report.lang, **params)


def band_label(report: Report, band: str) -> str:
    return t(f"profile.band.{band}", report.lang)


def title(report: Report) -> str:
    return f"{report.meta.question_set.title} – {heading(report, 'report')}"


def facts(report: Report) -> list[tuple[str, str]]:
    """The header: (label, value) pairs, the empty ones left out."""
    meta = report.meta
    status = (label(report, "completed_on", date=day(meta.completed))
              if meta.status == "completed"
              else label(report, "not_completed", date=day(meta.updated)))
    pairs = [(label(report, "client"), meta.client),
             (label(report, "respondent"), meta.respondent),
             (label(report, "status"), status),
             (label(report, "question_set"), label(report, "set_version",
                                                   title=meta.question_set.title,
                                                   version=meta.question_set.version)),
             (label(report, "id"), meta.id)]
    return [(name, value) for name, value in pairs if value]


def level_line(report: Report, level: Level) -> str:
    return label(report, "level", rank=level.rank, of=level.of, title=level.title)


def dimension_line(report: Report, dim: Dimension) -> str:
    """One dimension in words: for plain text and screen readers, no bar needed."""
    if dim.shown is None:
        return label(report, "dimension_no_score", title=dim.title, band=dim.band_label,
                     answered=dim.answered, applicable=dim.applicable)
    return label(report, "dimension", title=dim.title, score=dim.shown, band=dim.band_label)


def point_line(report: Report, point: Point) -> str:
    if point.shown is None:
        return f"{point.title}: {point.band_label}"
    return label(report, "dimension", title=point.title, score=point.shown,
                 band=point.band_label)


def organisation_name(org: Organisation) -> str:
    return f"{org.name} ({', '.join(org.aka)})" if org.aka else org.name


def organisation_groups(report: Report) -> list[tuple[str | None, list[Organisation]]]:
    """The organisations in their order, with neighbours that are recommended for the same
    reason (several clusters that fit sector and province, two branch associations) taken
    together: (the reason they share, or None for a single one, and the organisations). The
    reason is then said once, before them, instead of once for each."""
    groups: list[tuple[str | None, list[Organisation]]] = []
    for org in report.organisations:
        if groups and groups[-1][1][-1].reason == org.reason:
            groups[-1][1].append(org)
        else:
            groups.append((None, [org]))
    return [(members[0].reason if len(members) > 1 else None, members)
            for _, members in groups]


def shared_why(report: Report, why: str, count: int) -> str:
    return label(report, "why_all", why=why, count=count)


def kind_label(report: Report, org: Organisation) -> str:
    """What kind of organisation it is, "overheidsregeling, via RVO"; "" when its own name or
    other name already says it (KVK, also known as Kamer van Koophandel)."""
    if org.kind_label.lower() in (name.lower() for name in (org.name, *org.aka)):
        return ""
    return f"{org.kind_label}, {label(report, 'via', via=org.via)}" if org.via else org.kind_label


def note_tail(report: Report, note: Note) -> str:
    """After the question: "Antwoord: Eens (4). Notitie: ..." (advisor's copy only)."""
    return f"{label(report, 'answer', answer=note.answer)}. {label(report, 'note', note=note.note)}"
