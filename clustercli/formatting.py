"""How a score, a number, a day and a piece of Markdown are written: once, for every output.

The report, the advisor's documents (compare, stats, clients), the exports and the messages
about answer values all write numbers and days; the report and the advisor's documents both
write Markdown. Each rule lives here once, so that the same value never reads two ways. Pure
functions of their arguments; nothing here knows what it is formatting.

Scores (0-100) follow one rule everywhere (`score`): whole points, rounded down. The report in
every format, its JSON, `compare`, `stats`, the CSV and xlsx exports and the explanation's
"kost N punten" all show the number `score` gives, so 66.67 is 66 wherever it appears.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def score(value: float | Fraction | None) -> int | None:
    """A score as every output shows it: whole points, rounded down (66.67 -> 66; None stays
    None). Down, because the bands begin at whole points (sterk from 75): 74.9 shows as 74, in
    band aandachtspunt as its exact score is, never as a 75 that looks strong. A float is taken
    as the decimal it prints as (a kept 66.6 is 66.6, not 66.5999...); a Fraction as it is."""
    if value is None:
        return None
    exact = value if isinstance(value, Fraction) else Fraction(repr(float(value)))
    return math.floor(exact)


def score_text(value: float | Fraction | None, missing: str = "-") -> str:
    """A score as text by the same rule: "66"; `missing` for None."""
    shown = score(value)
    return missing if shown is None else str(shown)


def signed(value: int | None) -> str:
    """A change in whole points with its sign: +5, -3, 0; "-" for None."""
    return "-" if value is None else f"{value:+d}" if value else "0"


def number(value: float | None, missing: str = "") -> str:
    """A value as its author wrote it: whole numbers without a decimal point (75, not 75.0),
    others as they are (62.5); `missing` for None."""
    if value is None:
        return missing
    return str(int(value)) if float(value).is_integer() else str(value)


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
