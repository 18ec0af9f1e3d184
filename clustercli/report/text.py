"""The report's small phrases, from which `sections.py` builds what each section says, so that
every rendering says the same words.

Pure text, no markup: a renderer adds its own (bold, links, escaping). Headings and labels come
from the `report` catalogue in the report's language.
"""

from __future__ import annotations

from clustercli.formatting import day
from clustercli.i18n import t
from clustercli.report.model import Dimension, Level, Note, Organisation, Point, Report

# Whose `about` the report prints: for a cluster, campus or network the reason is the same for
# all ("it fits your sector and province"), so what it is comes from `about`; for the others the
# kind and the reason say it, and leaving `about` out keeps the printed report within three A4
# pages. The JSON form always has it.
DESCRIBED_KINDS = ("cluster",)


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
        if groups and groups[-1][1][-1].why == org.why:
            groups[-1][1].append(org)
        else:
            groups.append((None, [org]))
    return [(members[0].why if len(members) > 1 else None, members) for _, members in groups]


def shared_why(report: Report, why: str, count: int) -> str:
    return label(report, "why_all", why=why, count=count)


def organisation_lines(report: Report, org: Organisation,
                       shared: bool = False) -> list[tuple[str, str]]:
    """What the report says about one organisation, as (kind of line, text): first a short
    "meta" line (what it is, when its facts were checked, the source), then what it is where
    DESCRIBED_KINDS says so, why it is recommended (unless `shared`: said for its group), a
    caveat, and the website where known."""
    kind = org.kind_label
    if org.via:
        kind = f"{kind}, {label(report, 'via', via=org.via)}"
    meta = " · ".join((kind[:1].upper() + kind[1:],
                       label(report, "verified", date=org.verified),
                       label(report, "source", sources=report.cite(org.source))))
    lines = [("meta", meta)]
    if org.kind in DESCRIBED_KINDS:
        lines.append(("about", org.about))
    if not shared:
        lines.append(("why", label(report, "why", why=org.why)))
    if org.caveat:
        lines.append(("caveat", label(report, "caveat", caveat=org.caveat)))
    if org.url:
        lines.append(("website", label(report, "website", url=org.url)))
    return lines


def note_tail(report: Report, note: Note) -> str:
    """After the question: "Antwoord: Eens (4). Notitie: ..." (advisor's copy only)."""
    return f"{label(report, 'answer', answer=note.answer)}. {label(report, 'note', note=note.note)}"
