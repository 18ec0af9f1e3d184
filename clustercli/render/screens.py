"""The screens before the first question of the terminal interview, in rich: the introduction,
the privacy notice, the line that asks for Enter; where the summary went when stdout is
redirected; and the console every rich drawing is made on (`console`).

Plain mode and answers-file runs never come here: they print plain text. Everything is built from
the catalogue in the user's language; the CLI decides where it goes (the terminal, or stdout).
These are on the screen before the first question, so this module loads nothing of the report
(the end screen is the report's: `rich_report.end_screen`).
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from clustercli import textwidth
from clustercli.i18n import t


def console(stream: TextIO, at_most: int | None = None) -> Console:
    """A console on `stream`, at most `at_most` columns wide (a report: a readable line). No
    highlighting and no emoji codes: rich would colour numbers and quotes, and turn ":x:" into
    a picture, inside the users' own answers."""
    out = Console(file=stream, highlight=False, emoji=False)
    if at_most is not None:
        out.width = min(out.width, at_most)
    return out


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


def summary_elsewhere(out: Console, lang: str, assessment_id: str) -> None:
    """On the terminal, when stdout is redirected: where the summary went."""
    out.print(Text(t("screens.summary_elsewhere", lang, id=assessment_id), style="bold green"))
