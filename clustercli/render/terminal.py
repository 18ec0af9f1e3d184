"""The report on the terminal: with rich (bars coloured by band, panels), or as plain text.

Plain text, with no escape codes at all, whenever colour or cursor tricks would get in the way:
`--plain`, NO_COLOR set (no-color.org), TERM=dumb, or output that is not a terminal (a pipe, a
file). Plain mode draws no bars: a screen reader reads a row of block characters out as noise,
so each dimension is said in words, "Kennis uitwisselen: 75 van 100, sterk". rich is imported
only when the rich form is drawn, so plain output and the rest of the CLI do without it.
"""

from __future__ import annotations

import os
import sys
from typing import Any, TextIO

from clustercli.report import text
from clustercli.report.model import Point, Report

BAR_WIDTH = 20  # cells; one cell is 5 points
BAND_STYLES = {"sterk": "green", "aandachtspunt": "yellow", "knelpunt": "red",
               "insufficient": "dim"}


def use_plain(stream: TextIO, plain: bool = False) -> bool:
    """Whether to write plain text: asked for, NO_COLOR, TERM=dumb, or not a terminal."""
    if plain or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return True
    isatty = getattr(stream, "isatty", None)
    return not (isatty and isatty())


def show(report: Report, stream: TextIO | None = None, *, plain: bool = False) -> None:
    """Write the report to `stream` (stdout), plain or with rich as `use_plain` decides."""
    stream = stream if stream is not None else sys.stdout
    if use_plain(stream, plain):
        stream.write(render_plain(report))
        return
    from rich.console import Console

    print_rich(report, Console(file=stream, highlight=False))


# --- plain text ------------------------------------------------------------------------------


def render_plain(report: Report) -> str:
    out: list[str] = [text.title(report), ""]
    out += [f"{name}: {value}" for name, value in text.facts(report)]
    if report.with_notes:
        out.append(text.label(report, "advisor_copy"))
    if report.unfinished:
        out += ["", report.unfinished]
    out += _section(report, "level")
    if report.level is None:
        out.append(text.no_level(report))
    else:
        out += [text.level_line(report, report.level), report.level.meaning]
        if report.level.capped:
            out.append(text.label(report, "capped", reached=report.level.reached_title))
            out += [f"- {text.sourced(report, c.reason, c.source)}" for c in report.level.caps]
    out += _section(report, "scores")
    out += [f"- {text.dimension_line(report, d)}" for d in report.dimensions]
    if report.since:
        out += ["", report.since[0], *(f"- {line}" for line in report.since[1:])]
    out += _section(report, "strongest")
    out += [text.label(report, "none_strong")] if not report.strongest else []
    for point in report.strongest:
        out += _plain_point(report, point)
    out += _section(report, "weakest")
    out += [text.label(report, "none_weak")] if not report.weakest else []
    for point in report.weakest:
        out += _plain_point(report, point)
    if report.unscored:
        out += _section(report, "unscored")
        for point in report.unscored:
            out += _plain_point(report, point)
    out += _section(report, "advice")
    out += [f"- {text.sourced(report, a.text, a.source)}" for a in report.advice] or [
        text.label(report, "no_advice")]
    out += _section(report, "organisations")
    for why, members in text.organisation_groups(report):
        if why is not None:
            out.append(text.shared_why(report, why, len(members)))
        for org in members:
            out.append(text.organisation_name(org))
            out += [f"  {line}" for _, line in text.organisation_lines(report, org,
                                                                       why is not None)]
    out += [] if report.organisations else [text.label(report, "no_organisations")]
    out += _section(report, "next_steps")
    out += [f"{n}. {s.text}" for n, s in enumerate(report.next_steps, 1)] or [
        text.label(report, "no_steps")]
    out += _section(report, "mirror")
    out += [f"- {m.text}" for m in report.mirror] or [text.label(report, "no_mirror")]
    out += _section(report, "sources") + _source_lines(report)
    out += [*_section(report, "about"), report.disclaimer]
    if report.notes is not None:
        out += _section(report, "notes")
        out += [f"- {n.question_text} {text.note_tail(report, n)}" for n in report.notes]
    return "\n".join(out) + "\n"


def _section(report: Report, name: str) -> list[str]:
    return ["", text.heading(report, name)]


def _plain_point(report: Report, point: Point) -> list[str]:
    out = [f"- {text.point_line(report, point)}"]
    if point.description:
        out.append(f"  {point.description}")
    if point.weakest:
        out.append(f"  {text.label(report, 'costs_most')}")
        out += [f"  - {line}" for line in point.weakest]
    if point.lift:
        out.append(f"  {point.lift[0]}")
        out += [f"  - {line}" for line in point.lift[1:]]
    return out


def _source_lines(report: Report) -> list[str]:
    return [text.label(report, "study", study=report.study), text.label(report, "cited"),
            *[f"- {s.label}: {s.text}" for s in report.sources], report.organisation_facts]


# --- rich ------------------------------------------------------------------------------------


def bar(score: float | None, thresholds: tuple[float, ...]) -> str:
    """A bar of BAR_WIDTH cells; the empty part marks the band thresholds with a line."""
    if score is None:
        return ""
    filled = round(score * BAR_WIDTH / 100)
    marks = {round(value * BAR_WIDTH / 100) for value in thresholds}
    return "".join("█" if cell < filled else "│" if cell in marks else "░"
                   for cell in range(BAR_WIDTH))


def print_rich(report: Report, console: Any) -> None:
    from rich.console import Group
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    def bullets(lines: list[str], numbered: bool = False) -> Table:
        grid = Table.grid(padding=(0, 1))  # a hanging indent: wrapped lines stay in line
        grid.add_column(no_wrap=True)
        grid.add_column()
        for n, line in enumerate(lines, 1):
            grid.add_row(f"{n}." if numbered else "•", Text(line))
        return grid

    console.print(Text(text.title(report), style="bold"))
    for name, value in text.facts(report):
        console.print(Text(f"{name}: ", style="dim") + Text(value))
    if report.with_notes:
        console.print(Text(text.label(report, "advisor_copy"), style="italic"))
    if report.unfinished:
        console.print(Panel(Text(report.unfinished), border_style="yellow"))
    console.print()
    level = report.level
    if level is None:
        console.print(Text(text.no_level(report)))
    else:
        body = [Text(text.level_line(report, level), style="bold"), Text(level.meaning)]
        if level.capped:
            body.append(Text(text.label(report, "capped", reached=level.reached_title)))
            body.append(bullets([text.sourced(report, c.reason, c.source) for c in level.caps]))
        console.print(Panel(Group(*body), title=text.heading(report, "level"),
                            title_align="left"))

    console.print(Text(text.heading(report, "scores"), style="bold"))
    table = Table(show_header=False, box=None, pad_edge=False)
    marks = (report.thresholds.aandachtspunt, report.thresholds.sterk)
    for dim in report.dimensions:
        style = BAND_STYLES.get(dim.band, "")
        table.add_row(dim.title, Text(bar(dim.score, marks), style=style),
                      Text("–" if dim.shown is None else str(dim.shown), justify="right"),
                      Text(dim.band_label, style=style))
    console.print(table)
    if report.since:
        console.print()
        console.print(Text(report.since[0], style="bold"))
        console.print(bullets(list(report.since[1:])))

    for name, points in (("strongest", report.strongest), ("weakest", report.weakest),
                         ("unscored", report.unscored)):
        if not points and name == "unscored":
            continue
        console.print()
        console.print(Text(text.heading(report, name), style="bold"))
        empty = {"strongest": "none_strong", "weakest": "none_weak"}.get(name)
        if not points and empty:
            console.print(Text(text.label(report, empty)))
        for point in points:
            console.print(Text(text.point_line(report, point),
                               style=BAND_STYLES.get(point.band, "")))
            body: list[Any] = [Text(point.description)] if point.description else []
            if point.weakest:
                body += [Text(text.label(report, "costs_most")), bullets(list(point.weakest))]
            if point.lift:
                body += [Text(point.lift[0]), bullets(list(point.lift[1:]))]
            if body:
                console.print(Padding(Group(*body), (0, 0, 0, 2)))

    console.print()
    advice = [text.sourced(report, a.text, a.source) for a in report.advice]
    console.print(Panel(bullets(advice) if advice else Text(text.label(report, "no_advice")),
                        title=text.heading(report, "advice"), title_align="left"))
    console.print(Text(text.heading(report, "organisations"), style="bold"))
    for why, members in text.organisation_groups(report):
        if why is not None:
            console.print(Text(text.shared_why(report, why, len(members)), style="italic"))
        for org in members:
            console.print(Text(text.organisation_name(org), style="bold"))
            for _, line in text.organisation_lines(report, org, why is not None):
                console.print(Padding(Text(line), (0, 0, 0, 2)))
    if not report.organisations:
        console.print(Text(text.label(report, "no_organisations")))
    console.print()
    steps = [s.text for s in report.next_steps]
    console.print(Panel(bullets(steps, numbered=True) if steps
                        else Text(text.label(report, "no_steps")),
                        title=text.heading(report, "next_steps"), title_align="left",
                        border_style="cyan"))
    console.print(Text(text.heading(report, "mirror"), style="bold"))
    console.print(bullets([m.text for m in report.mirror]) if report.mirror
                  else Text(text.label(report, "no_mirror")))
    for name, lines in (("sources", _source_lines(report)), ("about", [report.disclaimer])):
        console.print()
        console.print(Text(text.heading(report, name), style="bold"))
        for line in lines:
            console.print(Text(line, style="dim"))
    console.print()
    if report.notes is not None:
        notes = [f"{n.question_text} {text.note_tail(report, n)}" for n in report.notes]
        console.print(Panel(bullets(notes), title=text.heading(report, "notes"),
                            title_align="left", border_style="magenta"))
