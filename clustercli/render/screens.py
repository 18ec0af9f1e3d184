"""The introduction and the end screen of the terminal interview, in rich.

Plain mode and answers-file runs never come here: they print plain text. Everything is built from
the catalogue in the user's language; the CLI decides where it goes (the terminal, or stdout).

The end screen (`end`) is what the user is left with after finishing: that the answers are
saved, the level and what it means, the scores per area and the first actions, as many as the
terminal's height allows with the commands for the rest below them (the whole report, and one
to print), so that nothing of it has scrolled away on an 80x24 terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.console import Console, Group, NewLine, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from clustercli import textwidth
from clustercli.i18n import t
from clustercli.render.plain import most_that_fit
from clustercli.render.rich_report import actions_table, scores_table
from clustercli.report import parts
from clustercli.report.model import Report
from clustercli.report.sections import END, build_sections


def console(stream: TextIO) -> Console:
    # No highlighting: rich would colour numbers and quotes inside the users' own answers.
    return Console(file=stream, highlight=False, emoji=False)


def intro(out: Console, lang: str, title: str, lines: tuple[str, ...],
          keys: list[tuple[str, str]]) -> None:
    """The question set's title; what the check is, how long, that answers stay here (`lines`);
    then the keys. Compact (no padding rows inside the box), so that it fits an 80×24
    terminal with the line that asks for Enter below it."""
    text = Text("\n".join(lines))
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, action in keys:
        table.add_row(key, action)
    body = Group(text, Text(""), Text(t("screens.keys_title", lang), style="bold"), table)
    out.print(Panel(body, title=title, title_align="left", border_style="cyan",
                    padding=(0, 1), width=min(out.width, 100)))


def notice(out: Console, text: str) -> None:
    """A notice to read before going on (the privacy notice of advisor mode), wrapped at word
    boundaries."""
    out.print(Text(textwidth.for_terminal(text, out.width)), soft_wrap=True)


def ask_enter(out: Console, prompt: str) -> None:
    """The line that asks for Enter, under a screen to read; the cursor stays on it."""
    out.print(Text(prompt, style="dim"), end="")


def ask_enter_done(out: Console) -> None:
    """Enter was pressed: the line that asked for it goes."""
    out.file.write("\r\x1b[2K")
    out.file.flush()


def end(out: Console, report: Report, saved: str,
        commands: Sequence[tuple[str, str]]) -> None:
    """Done: saved under which id, the level, the scores, the first actions that fit, and the
    commands for the whole report (`commands`: label and command, each kept on one line)."""
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
        if len(label) + 1 + len(command) <= out.width:
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


def summary_elsewhere(out: Console, lang: str, assessment_id: str) -> None:
    """On the terminal, when stdout is redirected: where the summary went."""
    out.print(Text(t("screens.summary_elsewhere", lang, id=assessment_id), style="bold green"))
