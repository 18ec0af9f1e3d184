"""One content, two layouts: a Document of sections, laid out as plain text or as Markdown.

The views (clients, compare, stats) decide what is said; this module only decides how it looks.
The terminal layout is plain text with aligned columns and no escape codes: it reads the same
through a pipe, in a log and in a screen reader (scores are said as numbers, never as bars).
Its sentences are wrapped at word boundaries to the width it is given, and its tables fit in
that width and at most 80 columns (clustercli.tables): a section says which of its columns
may be made narrower (`least`) and which may go, in what order (`drop`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from clustercli.formatting import md, md_cell
from clustercli.tables import Column, fit
from clustercli.textwidth import TABLE_WIDTH, wrap

INDENT = "  "


@dataclass
class Section:
    title: str
    lines: list[str] = field(default_factory=list)  # sentences before the table
    header: list[str] | None = None
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # after the table: study, source, caution
    least: dict[int, int] = field(default_factory=dict)  # column -> narrowest, with "…"
    drop: list[tuple[int, ...]] = field(default_factory=list)  # columns that may go, in order

    def layouts(self) -> Iterator[list[Column]]:
        """Every column, then without each `drop` group in turn."""
        header = self.header or []
        columns = [Column(name, [row[index] for row in self.rows], self.least.get(index))
                   for index, name in enumerate(header)]
        gone: set[int] = set()
        yield columns
        for group in self.drop:
            gone.update(group)
            yield [column for index, column in enumerate(columns) if index not in gone]


@dataclass
class Document:
    heading: str
    intro: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def to_text(doc: Document, room: int = TABLE_WIDTH) -> str:
    """The document as plain text in lines of at most `room` columns; a sentence that takes
    more than one line goes on indented under its first."""
    table_room = min(room, TABLE_WIDTH)
    out = wrap(doc.heading, room)
    for line in doc.intro:
        out += wrap(line, room, hanging=INDENT)
    for section in doc.sections:
        out += ["", *wrap(section.title, room)]
        for line in section.lines:
            out += wrap(line, room, INDENT, INDENT * 2)
        if section.header is not None and section.rows:
            out += fit(section.layouts(), table_room, indent=INDENT)
        for note in section.notes:
            out += wrap(note, room, INDENT, INDENT * 2)
    return "\n".join(out)


def to_markdown(doc: Document) -> str:
    esc = md
    out = [f"# {esc(doc.heading)}", ""]
    out += [f"{esc(line)}\n" for line in doc.intro]
    for section in doc.sections:
        out += [f"## {esc(section.title)}", ""]
        out += [f"{esc(line)}\n" for line in section.lines]
        if section.header is not None and section.rows:
            out.append("| " + " | ".join(md_cell(cell) for cell in section.header) + " |")
            out.append("|" + "|".join("---" for _ in section.header) + "|")
            out += ["| " + " | ".join(md_cell(cell) for cell in row) + " |"
                    for row in section.rows]
            out.append("")
        out += [f"{esc(note)}\n" for note in section.notes]
    return "\n".join(out).rstrip() + "\n"
