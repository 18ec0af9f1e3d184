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
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

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


class Dialect:
    """Plain CSV (comma, decimal point) or Dutch Excel (semicolon, decimal comma, BOM)."""

    def __init__(self, excel: bool) -> None:
        self.excel = excel
        self.delimiter = ";" if excel else ","


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


def _number(value: int | float, dialect: Dialect) -> str:
    text = repr(value)  # repr: the shortest text that reads back as exactly this number
    return text.replace(".", ",") if dialect.excel else text


def cell(value: Any, dialect: Dialect) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: True is an int in Python
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _number(value, dialect)
    if isinstance(value, list):  # a multi answer: its option keys
        return escape_text(MULTI_SEPARATOR.join(
            str(part) if isinstance(part, str) else cell(part, dialect) for part in value))
    if isinstance(value, dict):  # no question type stores one; kept whole rather than lost
        return escape_text(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return escape_text(str(value))


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
              *(scores.get(d) for d in dimensions)]
    # The two commonest cases inline (an export writes half a million cells): a text that
    # needs no escaping, and a whole number.
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
