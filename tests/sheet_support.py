"""Shared cases of the spreadsheet export tests (no tests here): self-checks whose every value
is something a spreadsheet likes to misread, made without a clock so that files can be pinned.

The question set tests/data/sheet.yaml has option keys such as `2-9`, `10-49` and `3-4` (dates
to a spreadsheet in one locale or the other), `0612345678` (leading zero), a version `2-9`, a
number question with decimals and negative values, and a text question; the text answers and
the client and respondent names below cover dates, times, fractions, long numbers, formulas,
error values, truth values and a leading apostrophe.
"""

from __future__ import annotations

import re
from typing import Any

from clustercli.portability.table import unescape_text
from clustercli.profile.summary import Summary
from clustercli.questionset.loader import canonical_json, content_hash, load
from clustercli.questionset.model import QuestionSet
from clustercli.records import Answer, Assessment, SetRef
from tests.conftest import DATA

SHEET_SET = DATA / "sheet.yaml"
# The columns of the sheet set that hold numbers (scales, the number question, the score).
NUMERIC = frozenset({"q_trust_1", "q_trust_2", "q_trust_3", "q_turnover", "score_trust"})

# Text answers (q_remarks) that a spreadsheet would turn into something else if it could.
TRICKY_TEXTS = [
    "1/2", "3-4", "2-9", "10-49", "0612345678", "12345678901234567890", "1:30", "5%", "1e5",
    "Jan-05", "3 mei", "-3", "+31 6 1234 5678", "=SUM(A1:A9)", "@SUM(A1)", "'t Hoekje", "#N/A",
    "true", "WAAR", " 12 ", "€ 5,00", "12,5", "12.5", "\tcmd", "q_1",
    "=HYPERLINK(\"http://example.com\") en \"aanhalingstekens\"\nnieuwe regel",
    "12\n34", "1" * 300, "Zoë & Café", "",
]
STAMP = "2025-0{month}-{day:02d}T{hour:02d}:30:00.{micro:06d}Z"


def sheet_set() -> QuestionSet:
    return load(SHEET_SET)


def stamp(n: int, hour: int = 9) -> str:
    return STAMP.format(month=1 + n // 28, day=1 + n % 28, hour=hour, micro=123456 + n)


def _record(n: int, ref: SetRef, client: str, respondent: str, answers: dict[str, Any],
            summary: dict[str, Any] | None, language: str = "nl") -> Assessment:
    created = stamp(n)
    return Assessment(
        f"{n:08d}-0000-4000-8000-000000000000", ref, language, client, respondent, created,
        stamp(n, 11), stamp(n, 10) if summary else None,
        "completed" if summary else "in_progress",
        {q: Answer(v, created) for q, v in answers.items()},
        summary=None if summary is None else Summary.from_data(
            {"bands": {}, "answers": {}, **summary}))


def records(qset: QuestionSet) -> list[Assessment]:
    """The cases, oldest first: a few fixed ones, then one per tricky text answer."""
    ref = SetRef(qset.id, qset.version, content_hash(qset))
    fixed = [
        _record(0, ref, "Bakkerij Zoë & Café", "eigenaar",
                {"employees": "2-9", "cooperates": True, "motives": ["market_position", "1-2"],
                 "trust_1": 4, "trust_2": 2, "trust_3": 5, "turnover": 12.5,
                 "remarks": "Samenwerking met 't Hoekje"},
                {"level": "ready", "scores": {"trust": 87.5}}),
        _record(1, ref, "=HYPERLINK(\"http://example.com\")", "@eigenaar",
                {"employees": "10-49", "cooperates": False, "motives": [], "trust_1": "unknown",
                 "turnover": -3}, None),
        _record(2, ref, "0612345678", "'t Hoekje",
                {"employees": "3-4", "cooperates": "unknown", "motives": ["1-2"], "trust_1": 1,
                 "trust_2": 1, "trust_3": 2, "turnover": 1234567},
                {"level": "start", "scores": {"trust": 41.7}}, language="en"),
        _record(3, ref, "+31 6 1234 5678", "-", {"employees": "0612345678", "turnover": -0.25,
                                                 "trust_1": 3, "trust_2": 3, "trust_3": 3},
                {"level": "halfway", "scores": {"trust": 0.0}}),
        _record(4, ref, "true", "WAAR",
                {"employees": "unknown", "trust_1": 5, "trust_2": 5, "trust_3": 5},
                {"level": "ready", "scores": {"trust": 100.0}}),
    ]
    tricky = [_record(10 + i, ref, text.strip() or "Leeg", "", {"remarks": text}, None)
              for i, text in enumerate(TRICKY_TEXTS)]
    return fixed + tricky


def fill(store: Any, qset: QuestionSet) -> list[Assessment]:
    """Put the cases into a store, as an import would; the records put."""
    cases = records(qset)
    store.put({r.id: (lambda current, r=r: r) for r in cases},
              {content_hash(qset): canonical_json(qset)})
    return cases


_FRACTION = re.compile(r"=(-?\d+)/(10*)")
_WHOLE = re.compile(r"-?\d+")
_CONSTANT = re.compile(r'"((?:[^"]|"")*)"')


def spreadsheet_value(cell: str) -> str | int | float | None:
    """What a spreadsheet makes of a cell of the Excel CSV, by the dialect's own forms: `="…"`
    (pieces joined with `&`) is that text, `=n/10…0` that number, a whole number that number,
    an empty cell nothing, anything else the text as written (an apostrophe included: it is
    text to Excel and LibreOffice alike). LibreOffice is held to this in
    tests/test_portability_sheet_office.py."""
    if cell == "":
        return None
    if cell.startswith('="'):
        return "".join(piece.replace('""', '"') for piece in _CONSTANT.findall(cell[1:]))
    if (fraction := _FRACTION.fullmatch(cell)) is not None:
        return int(fraction[1]) / int(fraction[2])
    if _WHOLE.fullmatch(cell):
        return int(cell)
    return cell


def shown(column: str, plain: str) -> str | float | None:
    """What a spreadsheet must show for a cell whose plain CSV cell is `plain`: nothing for an
    empty cell; a number in a number column; the text itself (the plain CSV's apostrophe
    dropped) elsewhere, except a text with a line break, which the Excel dialect writes as the
    plain CSV does (docs/export-format.md)."""
    if plain == "":
        return None
    if column in NUMERIC and plain != "unknown":
        return float(plain)
    if "\n" in plain or "\r" in plain:
        return plain
    return unescape_text(plain)
