"""Text that fits a width: prose wrapped at word boundaries, one line cut with "…", and how wide
a line may be on this terminal. Tables that fit a width are in clustercli.tables.

One rule wraps every text, whoever writes it (the interview, help, messages, the report, the
advisor's documents), in `_paragraph`:
- a line is broken at spaces only: never inside a word, nor at a hyphen ("self-check" stays
  whole); a no-break space holds two words together;
- a word longer than the line (a long path) stays whole, on a line of its own;
- a line that goes on keeps its indent, and a list item ("- ", "* ", "• ", "1. ", "1) ") goes on
  under its text, not under its marker;
- a command to copy ("clustercli resume ID") is kept on one line where it fits, so that it can
  be copied whole;
- widths are counted as a terminal shows them: a wide character (CJK) takes two columns, a
  combining accent none.
`wrap` (lines at an indent), `wrap_lines` (a listing, each line under itself) and `for_terminal`
(what the interview writes) are ways in to it.

How wide: prose at most PROSE_WIDTH (a readable line) and tables at most TABLE_WIDTH, and never
the terminal's last column, which some terminals wrap as soon as it is written
(`terminal_room`).
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from functools import lru_cache
from typing import TextIO

ELLIPSIS = "…"
HANGING = "  "  # what a line that goes on is indented by, beyond its first
TABLE_WIDTH = 80  # the widest a table gets, whatever the terminal
PROSE_WIDTH = 100  # the longest line of prose, however wide the terminal
NARROWEST = 20  # lines are never made narrower than this, however narrow the terminal says

# A list item's marker, with the spaces after it: what the lines after its first hang under.
_MARKER = re.compile(r"(?:[-*•]|\d+[.)]) +")
# A command to copy ("clustercli resume ID", "clustercli show ID --format html -o r.html").
_COMMAND = re.compile(r"\bclustercli(?: +[-\w./@:=]+)+")
_GLUE = "\x00"  # stands for a space inside a command while the words are laid out
_WORDS = re.compile(r"( *)([^ ]+)")  # a word and the spaces before it


def wrap(text: str, room: int, indent: str = "", hanging: str | None = None) -> list[str]:
    """`text` as lines of at most `room` columns (indent included), each of its own lines
    wrapped by the one rule (see the module). `hanging` indents the lines that go on (default:
    under the text, after the line's indent and list marker)."""
    return [out for line in text.split("\n") for out in _paragraph(line, room, indent, hanging)]


def wrap_lines(text: str, room: int) -> str:
    """Text laid out in lines (a listing), each line wrapped on its own: what goes on is
    indented as its line, and a little more."""
    out: list[str] = []
    for line in text.split("\n"):
        indent = line[:len(line) - len(line.lstrip())]
        out += wrap(line.lstrip(), room, indent, indent + HANGING)
    return "\n".join(out)


def for_terminal(text: str, columns: int | None, prose: int = PROSE_WIDTH) -> str:
    """`text` wrapped for a terminal `columns` wide: to one column less (a line that fills the
    last column leaves some terminals' cursor hanging), and at most `prose` (at least 10).
    None: as it is (not a terminal)."""
    if columns is None:
        return text
    return "\n".join(wrap(text, max(10, min(columns - 1, prose))))


def _paragraph(line: str, room: int, indent: str, hanging: str | None) -> list[str]:
    """One line of text (no line break in it) wrapped to `room` columns."""
    if not line.strip():
        return [(indent + line).rstrip()]
    if width(indent + line) <= room:
        return [indent + line]
    text = line.lstrip(" ")
    marker = _MARKER.match(text)
    body = text[marker.end():] if marker else text
    first = indent + line[:len(line) - len(body)]  # its indent and list marker
    if hanging is None:
        hanging = " " * min(width(first), room // 2)
    free = room - width(hanging)
    glued = _COMMAND.sub(lambda found: found.group(0).replace(" ", _GLUE)
                         if width(found.group(0)) <= free else found.group(0), body)
    lines: list[str] = []
    current = first.rstrip()
    for number, (spaces, word) in enumerate(_WORDS.findall(glued)):
        if number == 0:
            current = first + word
        elif width(current) + len(spaces) + width(word) <= room:
            current += spaces + word
        else:
            lines.append(current)
            current = hanging + word
    lines.append(current)
    return [part.replace(_GLUE, " ") for part in lines]


def terminal_room(limit: int = PROSE_WIDTH, columns: int | None = None) -> int:
    """How wide a line may be on the terminal: its width (`columns`, else COLUMNS where set,
    else the terminal's own, else 80 as for a pipe or a file) but its last column, at least
    NARROWEST and at most `limit` (PROSE_WIDTH for prose, TABLE_WIDTH for a table)."""
    found = shutil.get_terminal_size().columns if columns is None else columns
    return min(max(found - 1, NARROWEST), limit)


def prose_room() -> int:
    """How long a line of prose may be on this terminal."""
    return terminal_room(PROSE_WIDTH)


def table_room() -> int:
    """How wide a table may be on this terminal."""
    return terminal_room(TABLE_WIDTH)


def columns(stream: TextIO | None) -> int | None:
    """The width of the terminal `stream` writes to; None if it is not a terminal."""
    try:
        if stream is None or not stream.isatty():
            return None
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return None


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
    return head(text, room - 1).rstrip() + ELLIPSIS


def head(text: str, room: int) -> str:
    """The longest start of `text` that takes at most `room` columns."""
    used = 0
    for index, char in enumerate(text):
        used += _wide(char)
        if used > room:
            return text[:index]
    return text
