"""Text that fits a width: prose wrapped at word boundaries, and tables whose columns are made
narrower with a visible "…", or left out, never wrapped inside a cell.

Prose is wrapped at spaces only (never inside a word, nor at a hyphen), to the terminal's width
and at most PROSE_WIDTH, a readable line. `for_terminal` does that for what the interview
writes (a list item goes on under its text, a line that fills the last column is avoided), and
`cut` keeps a text on one line with "…".

A table is offered as one or more layouts, fullest first (every column; then without the ones
that matter least). `fit` takes the first layout that fits the width, making its shortenable
columns narrower where needed, down to the narrowest each allows; a cell that is cut ends in
"…". Widths are counted as a terminal shows them: a wide character (CJK) takes two columns, a
combining accent none.
"""

from __future__ import annotations

import os
import textwrap
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TextIO

ELLIPSIS = "…"
HANGING = "  "  # what a line that goes on is indented by, beyond its first
TABLE_WIDTH = 80  # the widest a table gets, whatever the terminal
PROSE_WIDTH = 100  # the longest line of prose, however wide the terminal


def wrap(text: str, room: int, indent: str = "", hanging: str | None = None) -> list[str]:
    """`text` as lines of at most `room` columns (indent included), broken at spaces only; a
    word longer than a line stands on a line of its own. `hanging` indents the lines after the
    first (default: as the first). Line breaks in `text` are kept."""
    rest = indent if hanging is None else hanging
    lines: list[str] = []
    for number, paragraph in enumerate(text.split("\n")):
        first = indent if number == 0 else rest
        lines += textwrap.wrap(paragraph, max(room, 1), initial_indent=first,
                               subsequent_indent=rest, break_long_words=False,
                               break_on_hyphens=False) or [""]
    return lines


@dataclass(frozen=True)
class Column:
    """One column: its header, its cells, and how narrow it may be made (None: never; a
    column is never made narrower than its header). `shorten` cuts a cell to a width its own
    way (default: the end of the text, with "…")."""

    header: str
    cells: Sequence[str]
    least: int | None = None
    shorten: Callable[[int, int], str] | None = None  # (row, width) -> text

    @cached_property
    def plain(self) -> bool:
        """Every cell ASCII: a character is a column (the common case, measured in C)."""
        return all(map(str.isascii, self.cells))

    @cached_property
    def natural(self) -> int:
        cells = max(map(len if self.plain else width, self.cells), default=0)
        return max(width(self.header), cells)

    @cached_property
    def narrowest(self) -> int:
        if self.least is None:
            return self.natural
        return min(self.natural, max(self.least, width(self.header)))

    def cell(self, row: int, room: int) -> str:
        text = self.cells[row]
        if width(text) <= room:
            return text
        return self.shorten(row, room) if self.shorten else ellipsize(text, room)


def wrap_lines(text: str, room: int) -> str:
    """Text laid out in lines (a listing), each line wrapped on its own: what goes on is
    indented as its line, and a little more."""
    out: list[str] = []
    for line in text.split("\n"):
        indent = line[:len(line) - len(line.lstrip())]
        out += wrap(line.lstrip(), room, indent, indent + HANGING) if line.strip() else [""]
    return "\n".join(out)


def columns(stream: TextIO | None) -> int | None:
    """The width of the terminal `stream` writes to; None if it is not a terminal."""
    try:
        if stream is None or not stream.isatty():
            return None
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return None


def for_terminal(text: str, columns: int | None, prose: int = PROSE_WIDTH) -> str:
    """`text` with each of its lines wrapped at spaces for a terminal `columns` wide: to one
    column less (a line that fills the last column leaves some terminals' cursor hanging), and
    at most `prose`; a wrapped line keeps its indent, a list item ("- ", "1. ") goes on under
    its text. None: as it is (not a terminal). A word wider than the line (a long path) stays
    whole on a line of its own; a no-break space holds words together."""
    if columns is None:
        return text
    room = max(10, min(columns - 1, prose))
    return "\n".join(line for part in text.split("\n") for line in _item_lines(part, room))


def _item_lines(line: str, room: int) -> list[str]:
    if width(line) <= room:
        return [line]
    stripped = line.lstrip(" ")
    indent = line[:len(line) - len(stripped)]
    hang = indent + " " * len(_marker(stripped))
    lines: list[str] = []
    current = ""
    for word in stripped.split(" "):
        if not word:
            continue
        if not current:
            current = indent + word
        elif width(current) + 1 + width(word) <= room:
            current += " " + word
        else:
            lines.append(current)
            current = hang + word
    lines.append(current)
    return lines


def _marker(text: str) -> str:
    head = text.split(" ", 1)[0]
    if head in ("-", "*", "•") or (head[:-1].isdigit() and head.endswith((".", ")"))):
        return head + " "
    return ""


def cut(text: str, room: int) -> str:
    """`text` on one line of at most `room` columns: whitespace runs become one space, and
    what does not fit ends in "…"."""
    return ellipsize(" ".join(text.split()), room)


def width(text: str) -> int:
    """The columns `text` takes on a terminal."""
    return len(text) if text.isascii() else _wide(text)


# Cached: a table of 10,000 rows measures a few hundred names over and over.
@lru_cache(maxsize=65536)
def _wide(text: str) -> int:
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return total


def ellipsize(text: str, room: int) -> str:
    """`text` in at most `room` columns: whole, or cut with "…" at its end."""
    if width(text) <= room:
        return text
    if text.isascii():
        return text[:max(room - 1, 0)].rstrip() + ELLIPSIS
    return _cut(text, room)


@lru_cache(maxsize=65536)
def _cut(text: str, room: int) -> str:
    kept, used = [], 0
    for char in text:
        step = _wide(char)
        if used + step > room - 1:
            break
        kept.append(char)
        used += step
    return "".join(kept).rstrip() + ELLIPSIS


def _widths(columns: Sequence[Column], room: int) -> list[int] | None:
    """Widths that fit `room` (gaps taken off already), the widest shortenable column made
    narrower first; None if even the narrowest do not fit."""
    widths = [column.natural for column in columns]
    least = [column.narrowest for column in columns]
    excess = sum(widths) - room
    while excess > 0:
        candidates = [i for i in range(len(columns)) if widths[i] > least[i]]
        if not candidates:
            return None
        widest = max(candidates, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    return widths


def fit(layouts: Iterable[Sequence[Column]], room: int, indent: str = "",
        gap: int = 2) -> list[str]:
    """The lines of the first layout that fits in `room` columns (indent included): a header,
    a rule, a line per row. When none fits, the last layout at its narrowest."""
    chosen: Sequence[Column] = ()
    widths: list[int] | None = None
    for layout in layouts:
        chosen = layout
        space = room - width(indent) - gap * (len(layout) - 1)
        widths = _widths(layout, space)
        if widths is not None:
            break
    if widths is None:
        widths = [column.narrowest for column in chosen]
    return _lines(chosen, widths, indent, gap)


def _pad(text: str, columns: int) -> str:
    return text + " " * (columns - width(text))


def _lines(columns: Sequence[Column], widths: list[int], indent: str, gap: int) -> list[str]:
    """Column by column (each cell cut and padded once), then joined row by row."""
    space = " " * gap
    rows = len(columns[0].cells) if columns else 0
    padded = []
    for column, size in zip(columns, widths, strict=True):
        cells = list(column.cells) if column.natural <= size else [
            column.cell(row, size) for row in range(rows)]
        cells.insert(0, ellipsize(column.header, size))
        padded.append([cell.ljust(size) for cell in cells] if column.plain else
                      [_pad(cell, size) for cell in cells])
    lines = [(indent + space.join(cells)).rstrip() for cells in zip(*padded, strict=True)]
    return [lines[0], indent + space.join("-" * size for size in widths), *lines[1:]]


def without(columns: Sequence[Column], *headers: str) -> list[Column]:
    """The layout without the columns of these headers: the next, leaner layout."""
    return [column for column in columns if column.header not in headers]
