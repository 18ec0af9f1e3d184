"""One content, two layouts: a Document of sections, laid out as plain text or as Markdown.

The views (clients, compare, stats) decide what is said; this module only decides how it looks.
The terminal layout is plain text with aligned columns and no escape codes: it reads the same
through a pipe, in a log and in a screen reader (scores are said as numbers, never as bars).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clustercli.formatting import md, md_cell


@dataclass
class Section:
    title: str
    lines: list[str] = field(default_factory=list)  # sentences before the table
    header: list[str] | None = None
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # after the table: study, source, caution


@dataclass
class Document:
    heading: str
    intro: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def table(header: list[str], rows: list[list[str]], indent: str = "") -> list[str]:
    widths = [max(len(line[i]) for line in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return (indent + "  ".join(cell.ljust(width) for cell, width
                                   in zip(cells, widths, strict=True))).rstrip()

    return [line(header), indent + "  ".join("-" * width for width in widths),
            *(line(row) for row in rows)]


def to_text(doc: Document) -> str:
    out = [doc.heading, *doc.intro]
    for section in doc.sections:
        out += ["", section.title]
        out += [f"  {line}" for line in section.lines]
        if section.header is not None and section.rows:
            out += table(section.header, section.rows, indent="  ")
        out += [f"  {note}" for note in section.notes]
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
