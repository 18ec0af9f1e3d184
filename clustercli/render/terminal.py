"""The report on the terminal: with rich (bars coloured by band, panels), or as plain text.

Plain text, with no escape codes at all, whenever colour or cursor tricks would get in the way:
`--plain`, NO_COLOR set (no-color.org), TERM=dumb, or output that is not a terminal (a pipe, a
file). Plain mode draws no bars: a screen reader reads a row of block characters out as noise,
so each dimension is said in words, "Kennis uitwisselen: 75 van 100, sterk" (render/plain.py).
rich is imported only when the rich form is drawn (render/rich_report.py), so plain output and
the rest of the CLI do without it.

Both wrap at spaces to the terminal's width, but no wider than `textwidth.PROSE_WIDTH` (100):
at 200 columns the report does not run across the whole screen (`textwidth.prose_room`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from clustercli.render.plain import render_plain
from clustercli.report.model import Report
from clustercli.report.sections import SHORT
from clustercli.textwidth import PROSE_WIDTH, prose_room

__all__ = ["print_rich", "render_plain", "show", "use_plain"]


def use_plain(stream: TextIO, plain: bool = False) -> bool:
    """Whether to write plain text: asked for, NO_COLOR, TERM=dumb, or not a terminal."""
    if plain or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return True
    isatty = getattr(stream, "isatty", None)
    return not (isatty and isatty())


def show(report: Report, stream: TextIO | None = None, *, plain: bool = False,
         sections: Sequence[str] = SHORT) -> None:
    """Write the report to `stream` (stdout), plain or with rich as `use_plain` decides."""
    stream = stream if stream is not None else sys.stdout
    if use_plain(stream, plain):
        stream.write(render_plain(report, sections, prose_room()))
        return
    from clustercli.render.screens import console

    print_rich(report, console(stream, PROSE_WIDTH), sections)


def print_rich(report: Report, console: Any, sections: Sequence[str] = SHORT) -> None:
    """The report drawn with rich on `console` (render/rich_report.py, imported only here)."""
    from clustercli.render.rich_report import rich_report

    console.print(rich_report(report, sections))
