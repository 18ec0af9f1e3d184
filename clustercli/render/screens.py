"""The introduction and the end screen of the terminal interview, in rich.

Plain mode and answers-file runs never come here: they print plain text. Everything is built from
the catalogue in the user's language; the CLI decides where it goes (the terminal, or stdout).
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from clustercli import lines
from clustercli.engine.driver import ReviewSection
from clustercli.i18n import pick, t


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
    out.print(Text(lines.wrap(text, out.width)), soft_wrap=True)


def ask_enter(out: Console, prompt: str) -> None:
    """The line that asks for Enter, under a screen to read; the cursor stays on it."""
    out.print(Text(prompt, style="dim"), end="")


def ask_enter_done(out: Console) -> None:
    """Enter was pressed: the line that asked for it goes."""
    out.file.write("\r\x1b[2K")
    out.file.flush()


def end(out: Console, lang: str, assessment_id: str, sections: list[ReviewSection]) -> None:
    """Done: the assessment's id and every answer, grouped as on the review."""
    out.print(Panel(Group(Text(t("engine.done", lang), style="bold green"),
                          Text(t("engine.assessment_id", lang, id=assessment_id))),
                    border_style="green", padding=(0, 2)))
    out.print(Text(t("engine.summary_title", lang), style="bold"))
    for section in sections:
        table = Table(title=section.title, title_justify="left", title_style="bold cyan",
                      show_header=False, box=None, padding=(0, 2, 0, 0), expand=False)
        table.add_column(ratio=3)
        table.add_column(ratio=2, style="bold")
        for item in section.items:
            table.add_row(pick(item.question.text, lang), item.answer)
            if item.note:
                table.add_row(Text(t("screens.note", lang, note=item.note), style="italic"), "")
        out.print(Padding(table, (1, 0, 0, 0)))


def summary_elsewhere(out: Console, lang: str, assessment_id: str) -> None:
    """On the terminal, when stdout is redirected: where the summary went."""
    out.print(Text(t("screens.summary_elsewhere", lang, id=assessment_id), style="bold green"))
