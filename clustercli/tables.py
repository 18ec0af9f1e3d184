"""Tables that fit a width: columns made narrower with a visible "…", or left out, never
wrapped inside a cell.

A table is offered as one or more layouts, fullest first (every column; then without the ones
that matter least). `fit` takes the first layout that fits the width, making its shortenable
columns narrower where needed, down to the narrowest each allows; a cell that is cut ends in
"…". Widths are counted as a terminal shows them (clustercli.textwidth.width).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from clustercli.textwidth import ellipsize, width


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
