"""Text in lines that fit a terminal: wrapped at word boundaries, or cut with a visible "…".

A terminal wraps a line that is too long wherever the edge falls ("self-c|heck"), and a list
entry that wraps pushes the top of the list off the screen. So the interview's texts are wrapped
here first, at spaces, to the width they will be shown in (never wider than `PROSE`, a
readable line for prose), keeping their own line breaks and the indent of each line; and a text
that must stay on one line is cut with "…", never silently. Widths are terminal cells
(prompt_toolkit's measure is the same rule: a wide character takes two). Pure functions, no
terminal needed; `columns` asks a stream how wide its terminal is.
"""

from __future__ import annotations

import os
import unicodedata
from typing import TextIO

PROSE = 100  # the widest line of running text, however wide the terminal
ELLIPSIS = "…"


def cells(text: str) -> int:
    """How many terminal cells `text` takes (East Asian wide and full-width take two, combining
    marks none)."""
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def columns(stream: TextIO | None) -> int | None:
    """The width of the terminal `stream` writes to; None if it is not a terminal."""
    try:
        if stream is None or not stream.isatty():
            return None
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return None


def wrap(text: str, columns: int | None, prose: int = PROSE) -> str:
    """`text` with each of its lines wrapped at spaces for a terminal `columns` wide: to one
    cell less (a line that fills the last column leaves some terminals' cursor hanging), and
    at most `prose`; a wrapped line keeps its indent. None: as it is (not a terminal). A
    single word wider than the line (a long path) stays whole on a line of its own rather
    than being broken."""
    if columns is None:
        return text
    width = max(10, min(columns - 1, prose))
    return "\n".join(line for part in text.split("\n") for line in _wrapped(part, width))


def _wrapped(line: str, width: int) -> list[str]:
    if cells(line) <= width:
        return [line]
    stripped = line.lstrip(" ")
    indent = line[:len(line) - len(stripped)]
    # A list item ("- ", "1. ") goes on under its text, not under its marker.
    hang = indent + " " * len(_marker(stripped))
    lines: list[str] = []
    current = ""
    for word in stripped.split(" "):  # at spaces only: a no-break space holds words together
        if not word:
            continue
        if not current:
            current = indent + word
        elif cells(current) + 1 + cells(word) <= width:
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


def cut(text: str, width: int) -> str:
    """`text` on one line of at most `width` cells: whitespace runs become one space, and what
    does not fit ends in "…"."""
    text = " ".join(text.split())
    if cells(text) <= width:
        return text
    kept, used = [], 0
    for ch in text:
        size = cells(ch)
        if used + size > width - 1:
            break
        kept.append(ch)
        used += size
    return "".join(kept).rstrip() + ELLIPSIS
