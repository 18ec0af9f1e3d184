"""The report drawn with rich: bars coloured by band, panels, hanging indents.

Each part of the report is a few renderables, composed with `rich.console.Group`; the order is
`clustercli.report.sections.SHORT` (or `SECTIONS` with the details). rich wraps at spaces to the
console's width (`terminal.show` keeps it to a readable 100 columns at most). Imported only
when the rich form is drawn (`terminal.print_rich`), so plain output and the rest of the CLI do
without rich.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

from rich.console import Console, Group, NewLine, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from clustercli import textwidth
from clustercli.render.plain import most_that_fit
from clustercli.report import parts
from clustercli.report.model import Report
from clustercli.report.sections import END, SHORT, build_sections, compose

BAR_WIDTH = 20  # cells; one cell is 5 points
BAND_STYLES = {"sterk": "green", "aandachtspunt": "yellow", "knelpunt": "red",
               "insufficient": "dim"}

Parts = list[RenderableType]


def bar(score: float | None, thresholds: tuple[float, ...]) -> str:
    """A bar of BAR_WIDTH cells; the empty part marks the band thresholds with a line."""
    if score is None:
        return ""
    filled = round(score * BAR_WIDTH / 100)
    marks = {round(value * BAR_WIDTH / 100) for value in thresholds}
    return "".join("█" if cell < filled else "│" if cell in marks else "░"
                   for cell in range(BAR_WIDTH))


def bullets(lines: Sequence[str], numbered: bool = False, style: str = "") -> Table:
    """A list with a hanging indent: wrapped lines stay in line with the first."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for n, line in enumerate(lines, 1):
        grid.add_row(Text(f"{n}." if numbered else "•", style=style), Text(line, style=style))
    return grid


def _heading(text: str) -> Text:
    return Text(text, style="bold")


def _indented(renderable: RenderableType) -> Padding:
    return Padding(renderable, (0, 0, 0, 2))


class _Rich:
    def head(self, head: parts.Head) -> Parts:
        out: Parts = [_heading(head.title)]
        out += [Text(f"{name}: ", style="dim") + Text(value) for name, value in head.facts]
        if head.advisor_copy:
            out.append(Text(head.advisor_copy, style="italic"))
        if head.unfinished:
            out.append(Panel(Text(head.unfinished), border_style="yellow"))
        return out

    def level(self, s: parts.LevelSection) -> Parts:
        if s.line is None:
            body: Parts = [Text(s.empty or "")]
        else:
            body = [_heading(s.line), Text(s.meaning)]
            if s.capped:
                body += [Text(s.capped), bullets([cap.line for cap in s.caps])]
        body += [Text(notice.line, style="bold") for notice in s.notices]
        return [NewLine(), Panel(Group(*body), title=s.heading, title_align="left")]

    def scores(self, s: parts.ScoresSection) -> Parts:
        out: Parts = [_heading(s.heading), scores_table(s)]
        if s.since:
            out += [NewLine(), _heading(s.since.heading), bullets(s.since.lines)]
        return out

    def points(self, s: parts.PointsSection) -> Parts:
        out: Parts = [NewLine(), _heading(s.heading)]
        if s.empty:
            out.append(Text(s.empty))
        for point in s.items:
            out.append(Text(point.line, style=BAND_STYLES.get(point.band, "")))
            body: Parts = [Text(point.description)] if point.description else []
            if point.costs_most:
                body += [Text(point.costs_most), bullets(point.weakest)]
            if point.lift_head:
                body += [Text(point.lift_head), bullets(point.lift)]
            if body:
                out.append(_indented(Group(*body)))
        return out

    def actions(self, s: parts.ActionsSection) -> Parts:
        return [NewLine(), _heading(s.heading), actions_table(s.items) if s.items
                else Text(s.empty or "")]

    def advice(self, s: parts.AdviceSection) -> Parts:
        return [NewLine(), _heading(s.heading), bullets([item.line for item in s.items])]

    def organisations(self, s: parts.OrganisationsSection) -> Parts:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, justify="right")
        grid.add_column()
        for group in s.items:
            for org in group.members:
                name = Text(org.title, style="bold")
                if org.url:
                    name.append(f" – {org.url}", style="")
                lines = [line for line in (org.about, org.why.line if org.why else None,
                                           org.caveat) if line]
                grid.add_row(f"{org.rank}.", Group(name, *(Text(line) for line in lines)))
            if group.shared:
                grid.add_row("", Text(group.shared.line))
        body = grid if s.items else Text(s.empty or "")
        return [NewLine(), _heading(s.heading), body]

    def mirror(self, s: parts.MirrorSection) -> Parts:
        return [NewLine(), _heading(s.heading), bullets([item.line for item in s.items])]

    def sources(self, s: parts.SourcesSection) -> Parts:
        items = bullets([f"{label}: {line}" for label, line in s.items], style="dim")
        return [NewLine(), _heading(s.heading), Text(s.study, style="dim"),
                *([items] if s.items else []),
                Text(f"{s.unmarked} {s.organisation_facts} {s.disclaimer}", style="dim"),
                NewLine()]

    def notes(self, s: parts.NotesSection) -> Parts:
        return [Panel(bullets([f"{question} {tail}" for question, tail in s.items]),
                      title=s.heading, title_align="left", border_style="magenta")]


def scores_table(s: parts.ScoresSection) -> Table:
    """One row per area: its title, a bar coloured by band, the score, the band."""
    table = Table(show_header=False, box=None, pad_edge=False)
    marks = tuple(mark.value for mark in s.marks)
    for row in s.rows:
        dim = row.dimension
        style = BAND_STYLES.get(dim.band, "")
        table.add_row(dim.title, Text(bar(dim.score, marks), style=style),
                      Text("–" if dim.shown is None else str(dim.shown), justify="right"),
                      Text(dim.band_label, style=style))
    return table


def actions_table(items: Sequence[parts.ActionItem], why: bool = True) -> Table:
    """The actions, numbered, each step with its why (and basis) under it."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column()
    for n, action in enumerate(items, 1):
        step = Text(action.step, style="bold")
        grid.add_row(f"{n}.", Group(step, Text(action.why.line)) if why else step)
    return grid


def rich_report(report: Report, sections: Sequence[str] = SHORT) -> Group:
    """The whole report as one renderable."""
    return Group(*chain.from_iterable(compose(report, _Rich(), sections)))


def end_screen(out: Console, report: Report, saved: str,
               commands: Sequence[tuple[str, str]]) -> None:
    """The end of the interview on a terminal, what the user is left with, so that nothing of
    it scrolls away on an 80x24 terminal: saved under which id, the level and what it means,
    the scores per area, the first actions that fit the terminal's height, and the commands
    for the whole report (`commands`: label and command, each kept on one line)."""
    level, scores, actions = build_sections(report, END)
    assert isinstance(level, parts.LevelSection) and isinstance(scores, parts.ScoresSection)
    assert isinstance(actions, parts.ActionsSection)
    about = Text(level.empty or "") if level.line is None else Text.assemble(
        (level.line, "bold"), ". ", level.meaning)
    head: list[RenderableType] = [Text(saved, style="bold green"), about, NewLine(),
            Text(scores.heading, style="bold"), scores_table(scores), NewLine(),
            Text(actions.heading, style="bold")]
    tail: list[RenderableType] = [NewLine()]
    for label, command in commands:
        # a command is never wrapped by us (it is copied whole): beside its label where both
        # fit, else on a line of its own
        line = Text(command, style="bold", no_wrap=True, overflow="ignore")
        if textwidth.width(f"{label} {command}") <= out.width:
            tail.append(Text.assemble(label, " ", line))
        else:
            tail += [Text(label), line]
    # what is left of the screen, with a line for the prompt that follows
    room = out.height - 1 - _height(out, Group(*head)) - _height(out, Group(*tail))
    shown = most_that_fit(len(actions.items), lambda n: _height(
        out, actions_table(actions.items[:n], why=False)), room)
    out.print(Group(*head, actions_table(actions.items[:shown], why=False), *tail))


def _height(out: Console, renderable: RenderableType) -> int:
    return len(out.render_lines(renderable, out.options, pad=False))
