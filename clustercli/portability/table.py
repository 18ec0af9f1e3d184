"""The CSV export: one row per assessment, for pandas, DuckDB and (with `excel=True`) Excel.

Columns: the fixed ones (`FIXED`), then `q_<id>` for every question of the question sets
involved (in set order; a question id two sets share is one column), then `score_<id>` for
every dimension. docs/export-format.md is the reader's version of this.

Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some
also one that starts with a tab or a carriage return) as a formula, and a client name or a text
answer is typed by whoever filled in the check. Such a text gets an apostrophe in front, which
spreadsheets read as "this is text" (OWASP's advice). A text that already starts with an
apostrophe gets one too, so that reading back is one rule without exceptions: a text cell that
starts with an apostrophe loses that one character. Numbers are never escaped: a value that is
a number in the record (an answer to a number question, a score) is written as a number, and
-3 in a cell is the number minus three to every spreadsheet, not a formula. Only text can be.

The Excel dialect (`--excel`) is for opening in a spreadsheet, not for tools: a BOM, `;` between
columns, and every cell in a form that Excel and LibreOffice read the same in Dutch and in
English settings. A spreadsheet guesses a type for every unquoted-looking cell, and `2-9` is 2
September to one, `1/2` is 2 January to another, `0612345678` loses its zero. So:
- a text that a spreadsheet could read as anything but that text (it has a digit, starts with
  a formula character, an apostrophe or `#`, has spaces around it, or is a truth value such as
  `true` or `WAAR`) is written as the formula `="2-9"`: a string constant, which both programs
  show as exactly that text and never parse. Excel allows 255 characters in one constant and
  8,192 in a formula, so a longer text is joined from pieces (`="…"&"…"`); a text with a line
  break (which no spreadsheet reads as a number or date) or one too long even for that falls
  back to the plain rule above (an apostrophe before a formula character);
- a whole number is written as is; any other number as an exact fraction, `=875/10` for 87.5,
  since `87,5` is a number only where the decimal mark is a comma and `87.5` only where it is a
  point. The fraction's value is the float nearest to the decimal: exactly the number stored.
Other text (an option key such as `ict`, a name without digits) is written as is.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from clustercli.formatting import score as points
from clustercli.records import Assessment

if TYPE_CHECKING:
    from clustercli.questionset.model import QuestionSet

FIXED = ("id", "client", "respondent", "question_set", "question_set_version", "language",
         "created", "updated", "completed", "status", "level")
QUESTION_PREFIX = "q_"
SCORE_PREFIX = "score_"
MULTI_SEPARATOR = "|"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"
BOM = "\ufeff"
_ESCAPED = (*FORMULA_STARTS, TEXT_MARK)


# The Excel dialect's guards (see the module docstring).
_MISREADABLE = re.compile(r"\d|^[-=+@\t\r'#]|^\s|\s$")
_VALUE_WORDS = frozenset({"true", "false", "waar", "onwaar"})
EXCEL_CONSTANT_LIMIT = 255  # characters in one string constant of an Excel formula
EXCEL_FORMULA_LIMIT = 8192  # characters in one Excel formula


class Dialect:
    """Plain CSV for tools (comma, decimal point) or the Excel dialect (BOM, semicolon, every
    cell in a form no spreadsheet misreads)."""

    def __init__(self, excel: bool) -> None:
        self.excel = excel
        self.delimiter = ";" if excel else ","
        self.text: Callable[[str], str] = excel_text if excel else escape_text
        self.number: Callable[[int | float], str] = excel_number if excel else repr


def columns(sets: Iterable[QuestionSet]) -> tuple[list[str], list[str]]:
    """The question ids and dimension ids of these sets, each once, in set order."""
    questions: dict[str, None] = {}
    dimensions: dict[str, None] = {}
    for qset in sets:
        questions.update(dict.fromkeys(q.id for q in qset.questions))
        dimensions.update(dict.fromkeys(d.id for d in qset.dimensions))
    return list(questions), list(dimensions)


def header(questions: list[str], dimensions: list[str]) -> list[str]:
    return [*FIXED, *(QUESTION_PREFIX + q for q in questions),
            *(SCORE_PREFIX + d for d in dimensions)]


def escape_text(text: str) -> str:
    return TEXT_MARK + text if text.startswith(_ESCAPED) else text


def unescape_text(cell: str) -> str:
    """The reader's rule, for the tests and docs: drop one leading apostrophe."""
    return cell[1:] if cell.startswith(TEXT_MARK) else cell


def misreadable(text: str) -> bool:
    """Whether a spreadsheet opening a CSV could take this text for something else: a number,
    date, time, fraction, percentage, truth value, error value or formula."""
    return _MISREADABLE.search(text) is not None or text.casefold() in _VALUE_WORDS


def string_formula(text: str) -> str | None:
    """`="text"`, joined from pieces Excel accepts; None where a formula cannot hold it."""
    if "\n" in text or "\r" in text:
        return None
    pieces = [text[at:at + EXCEL_CONSTANT_LIMIT]
              for at in range(0, len(text), EXCEL_CONSTANT_LIMIT)] or [""]
    formula = "=" + "&".join('"' + piece.replace('"', '""') + '"' for piece in pieces)
    return formula if len(formula) <= EXCEL_FORMULA_LIMIT else None


def excel_text(text: str) -> str:
    if not misreadable(text):
        return text
    return string_formula(text) or escape_text(text)


def excel_number(value: int | float) -> str:
    """A number every spreadsheet reads as that number, whatever its decimal mark."""
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # 75.0 is 75; -0.0 is 0
    sign, digits, exponent = Decimal(repr(value)).as_tuple()  # repr: shortest exact decimal
    if not isinstance(exponent, int):  # inf or nan: no answer or score is one
        return repr(value)
    numerator = ("-" if sign else "") + "".join(map(str, digits))
    if exponent >= 0:
        return numerator + "0" * exponent
    return f"={numerator}/1{'0' * -exponent}"


_PLAIN = Dialect(excel=False)


def _part(value: Any) -> str:
    """A value inside a joined cell (a multi answer's option key), as the plain CSV has it:
    the cell as a whole is guarded, not its parts."""
    return value if isinstance(value, str) else cell(value, _PLAIN)


def cell(value: Any, dialect: Dialect) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: True is an int in Python
        return dialect.text("true" if value else "false")
    if isinstance(value, int | float):
        return dialect.number(value)
    if isinstance(value, list):  # a multi answer: its option keys
        return dialect.text(MULTI_SEPARATOR.join(map(_part, value)))
    if isinstance(value, dict):  # no question type stores one; kept whole rather than lost
        return dialect.text(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return dialect.text(str(value))


def row(record: Assessment, questions: list[str], dimensions: list[str],
        dialect: Dialect) -> list[str]:
    summary = record.summary
    scores = summary.scores if summary is not None else {}
    ref = record.question_set
    fixed = [record.id, record.client, record.respondent, ref.id, ref.version, record.language,
             record.created, record.updated, record.completed, record.status,
             summary.level if summary is not None else None]
    answers = record.answers
    values = [*fixed, *(answers[q].value if q in answers else None for q in questions),
              *(points(scores.get(d)) for d in dimensions)]
    # The two commonest cases inline (an export writes half a million cells): a text that
    # needs no escaping, and a whole number.
    if dialect.excel:
        return [value if type(value) is str and not misreadable(value)
                else str(value) if type(value) is int else cell(value, dialect)
                for value in values]
    return [value if type(value) is str and not value.startswith(_ESCAPED)
            else str(value) if type(value) is int else cell(value, dialect)
            for value in values]


def write(records: Iterable[Assessment], sets: list[QuestionSet], excel: bool) -> str:
    """The whole CSV text (the caller encodes it as UTF-8)."""
    dialect = Dialect(excel)
    questions, dimensions = columns(sets)
    out = io.StringIO()
    if excel:
        out.write(BOM)  # how Excel knows the file is UTF-8 and not the Windows code page
    writer = csv.writer(out, delimiter=dialect.delimiter)
    writer.writerow(header(questions, dimensions))
    writer.writerows(row(record, questions, dimensions, dialect) for record in records)
    return out.getvalue()
