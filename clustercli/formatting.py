"""How a number, a day and a piece of Markdown are written: once, for every output.

The report, the advisor's documents (compare, stats, clients) and the messages about answer
values all write numbers and days; the report and the advisor's documents both write Markdown.
Each rule lives here once, so that the same value never reads two ways. Pure functions of their
arguments; nothing here knows what it is formatting.
"""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def number(value: float | None, missing: str = "") -> str:
    """A value as its author wrote it: whole numbers without a decimal point (75, not 75.0),
    others as they are (62.5); `missing` for None."""
    if value is None:
        return missing
    return str(int(value)) if float(value).is_integer() else str(value)


def decimal(value: float | None, lang: str, sign: bool = False) -> str:
    """One decimal, with a decimal comma in Dutch: 63.4 -> "63,4" ("+5,0" with `sign`);
    "-" for None."""
    if value is None:
        return "-"
    text = f"{value:+.1f}" if sign else f"{value:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def percent(share: float | None) -> str:
    """A share from 0 to 1 as a whole percentage: 0.634 -> "63%"; "-" for None."""
    return "-" if share is None else f"{round(share * 100)}%"


def day(stamp: str | None, missing: str = "") -> str:
    """The day of a stored UTC timestamp: "2025-06-01T10:00:00.000000Z" -> "2025-06-01";
    `missing` when there is none."""
    return (stamp or "")[:10] or missing


def md(text: str) -> str:
    """Text as Markdown that shows it literally: what a client typed ("Zoë & Café <Noord>",
    `*`, `|`) never turns into markup or breaks a table."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_cell(text: str) -> str:
    """Text in a Markdown table cell: only what would break the table is escaped (a `|`, the
    backslash before it, a line break)."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
