"""The report as Markdown: the same content as every other rendering, for mail or a wiki.

Every text from the report is escaped (`md`), so a client called "Zoë & Café <Noord>" or an
answer with `*` or `|` cannot turn into markup or break the scores table.
"""

from __future__ import annotations

import re

from clustercli.formatting import md
from clustercli.report import text
from clustercli.report.model import Point, Report

_BLANKS = re.compile(r"\n{3,}")  # sections join with blank lines; one is enough


def render_markdown(report: Report) -> str:
    out: list[str] = [f"# {md(text.title(report))}", ""]
    out += [f"- **{md(name)}:** {md(value)}" for name, value in text.facts(report)]
    if report.with_notes:
        out += ["", f"_{md(text.label(report, 'advisor_copy'))}_"]
    if report.unfinished:
        out += ["", f"> **{md(report.unfinished)}**"]
    out += _level(report) + _scores(report) + _since(report) + _points(report) + _advice(report)
    out += _organisations(report) + _steps(report) + _mirror(report) + _sources(report)
    out += ["", f"## {md(text.heading(report, 'about'))}", "", md(report.disclaimer)]
    if report.notes is not None:
        out += _notes(report)
    return _BLANKS.sub("\n\n", "\n".join(out)).strip() + "\n"


def _section(report: Report, name: str) -> list[str]:
    return ["", f"## {md(text.heading(report, name))}", ""]


def _level(report: Report) -> list[str]:
    out = _section(report, "level")
    level = report.level
    if level is None:
        return [*out, md(text.no_level(report))]
    out += [f"**{md(text.level_line(report, level))}**", "", md(level.meaning)]
    if level.capped:
        out += ["", md(text.label(report, "capped", reached=level.reached_title)), ""]
        out += [f"- {md(text.sourced(report, cap.reason, cap.source))}" for cap in level.caps]
    return out


def _scores(report: Report) -> list[str]:
    out = _section(report, "scores")
    out += [f"| {md(text.label(report, 'col_dimension'))} | "
            f"{md(text.label(report, 'col_score'))} | {md(text.label(report, 'col_band'))} |",
            "|---|---:|---|"]
    for dim in report.dimensions:
        shown = "–" if dim.shown is None else str(dim.shown)
        band = dim.band_label if dim.shown is not None else text.dimension_line(
            report, dim).removeprefix(f"{dim.title}: ")
        out.append(f"| {md(dim.title)} | {shown} | {md(band)} |")
    return out


def _since(report: Report) -> list[str]:
    if not report.since:
        return []
    return ["", f"## {md(report.since[0])}", "", *(f"- {md(line)}" for line in report.since[1:])]


def _point(report: Report, point: Point) -> list[str]:
    out = ["", f"### {md(text.point_line(report, point))}"]
    if point.description:
        out += ["", md(point.description)]
    if point.weakest:
        out += ["", md(text.label(report, "costs_most")), ""]
        out += [f"- {md(line)}" for line in point.weakest]
    if point.lift:
        out += ["", md(point.lift[0]), ""] + [f"- {md(line)}" for line in point.lift[1:]]
    return out


def _points(report: Report) -> list[str]:
    out = _section(report, "strongest")
    if not report.strongest:
        out.append(md(text.label(report, "none_strong")))
    for point in report.strongest:
        out += _point(report, point)
    out += _section(report, "weakest")
    if not report.weakest:
        out.append(md(text.label(report, "none_weak")))
    for point in report.weakest:
        out += _point(report, point)
    if report.unscored:
        out += _section(report, "unscored")
        for point in report.unscored:
            out += _point(report, point)
    return out


def _advice(report: Report) -> list[str]:
    out = _section(report, "advice")
    if not report.advice:
        return [*out, md(text.label(report, "no_advice"))]
    return out + [f"- {md(text.sourced(report, a.text, a.source))}" for a in report.advice]


def _organisations(report: Report) -> list[str]:
    out = _section(report, "organisations")
    if not report.organisations:
        return [*out, md(text.label(report, "no_organisations"))]
    for why, members in text.organisation_groups(report):
        if why is not None:
            out += ["", f"_{md(text.shared_why(report, why, len(members)))}_", ""]
        for org in members:
            out += [f"### {md(text.organisation_name(org))}", ""]
            for kind, line in text.organisation_lines(report, org, why is not None):
                if kind == "website":  # a link to follow, shown as the address itself
                    out.append(f"- {md(line.removesuffix(org.url))}<{org.url}>")
                else:
                    out.append(f"- {md(line)}")
            out.append("")
    return out


def _steps(report: Report) -> list[str]:
    out = _section(report, "next_steps")
    if not report.next_steps:
        return [*out, md(text.label(report, "no_steps"))]
    return out + [f"{n}. {md(step.text)}" for n, step in enumerate(report.next_steps, 1)]


def _mirror(report: Report) -> list[str]:
    out = _section(report, "mirror")
    if not report.mirror:
        return [*out, md(text.label(report, "no_mirror"))]
    return out + [f"- {md(item.text)}" for item in report.mirror]


def _sources(report: Report) -> list[str]:
    out = _section(report, "sources")
    out += [md(text.label(report, "study", study=report.study)), "",
            md(text.label(report, "cited")), ""]
    out += [f"- **{md(s.label)}** – {md(s.text)}" for s in report.sources]
    return [*out, "", md(report.organisation_facts)]


def _notes(report: Report) -> list[str]:
    out = _section(report, "notes")
    for note in report.notes or ():
        out.append(f"- **{md(note.question_text)}** {md(text.note_tail(report, note))}")
    return out
