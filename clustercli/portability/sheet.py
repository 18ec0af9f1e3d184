"""What the xlsx export holds, without a spreadsheet library: its columns, one row of typed
values per self-check, and the lines of the sheet that says what every column holds.
`workbook.py` writes these with openpyxl; docs/export-format.md is the reader's version.

The columns are the CSV's (`table.py`), in its order, with two additions:
- after a choice or multi question's key column, a label column with the answer in words in
  the export's language (`q_employees` holds `2-9`, `q_employees (label)` "2 tot en met 9"),
  and the same after `status` and `level`: keys for filters and formulas that must not change
  with the language, words for reading;
- the times say in their header that they are UTC (`created (UTC)`); they are date cells.
Values are typed: numbers (scales, numbers, scores) as numbers, times as datetimes, every text
as text. Yes/no is "Ja"/"Nee" (or "Yes"/"No") and "weet niet / n.v.t." its words, as text,
in the export's language; several answers are joined with `|` as in the CSV.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from clustercli import clock
from clustercli.conditions import UNKNOWN
from clustercli.formatting import score as points
from clustercli.i18n import pick, t
from clustercli.portability.table import (
    FIXED,
    MULTI_SEPARATOR,
    QUESTION_PREFIX,
    SCORE_PREFIX,
    columns,
)
from clustercli.questionset.types import OPTIONS
from clustercli.records import Assessment

if TYPE_CHECKING:
    from clustercli.questionset.model import Question, QuestionSet

TIMES = ("created", "updated", "completed")
LABELLED = ("status", "level")  # fixed columns that get a label column
_STATUS_WORDS = {"in_progress": "engine.status_in_progress", "completed": "engine.status_completed"}


@dataclass(frozen=True)
class Column:
    name: str  # the header
    about: str  # what it holds, for the about sheet
    answers: str = ""  # the possible answers of a choice or scale question, in words


@dataclass
class _SetView:
    """One question set as the rows need it: its question per `q_` column (None where the
    set has no such question), the words of its options, and its level titles."""

    questions: list[Question | None]
    options: dict[str, dict[str, str]] = field(default_factory=dict)
    levels: dict[str, str] = field(default_factory=dict)


def in_utc(stamp: str) -> datetime:
    """A stored time as the naive UTC datetime a spreadsheet cell holds (it has no zones)."""
    return clock.parse(stamp).astimezone(UTC).replace(tzinfo=None)


def utc(stamp: str | None) -> datetime | None:
    return in_utc(stamp) if stamp else None


class Sheet:
    """The export of these records, whose sets are `sets` (by hash, in first use)."""

    def __init__(self, sets: Mapping[str, QuestionSet], lang: str) -> None:
        self.lang = lang
        self.question_ids, self.dimension_ids = columns(sets.values())
        first = _first_questions(sets.values())
        self.labelled = [any(_keyed(q) for q in _all(sets.values(), qid))
                         for qid in self.question_ids]
        self.views = {key: self._view(qset) for key, qset in sets.items()}
        self.yes, self.no = t("engine.values.yes", lang), t("engine.values.no", lang)
        self.unknown = t("engine.values.unknown_label", lang)
        self.statuses = {key: t(word, lang) for key, word in _STATUS_WORDS.items()}
        self.columns = self._columns(list(sets.values()), first)

    # --- columns -------------------------------------------------------------------------

    def _columns(self, sets: list[QuestionSet], first: dict[str, Question]) -> list[Column]:
        lang = self.lang
        found: list[Column] = []
        for name in FIXED:
            header = t("sheet.utc_column", lang, column=name) if name in TIMES else name
            found.append(Column(header, t(f"sheet.column.{name}", lang)))
            if name in LABELLED:
                found.append(self._label_column(name))
        for qid, labelled in zip(self.question_ids, self.labelled, strict=True):
            q = first[qid]
            found.append(Column(QUESTION_PREFIX + qid, pick(q.text, lang), self._answers(q)))
            if labelled:
                found.append(self._label_column(QUESTION_PREFIX + qid))
        # a dimension's title from the first set that has it, as for questions
        titles = {d.id: pick(d.title, lang) for qset in reversed(sets) for d in qset.dimensions}
        found += [Column(SCORE_PREFIX + d, t("sheet.column.score", lang, dimension=titles[d]))
                  for d in self.dimension_ids]
        return found

    def _label_column(self, name: str) -> Column:
        return Column(t("sheet.label_column", self.lang, column=name),
                      t("sheet.column.label", self.lang, column=name))

    def _answers(self, q: Question) -> str:
        """The answers offered (an option, a scale point, yes or no) as the about sheet lists
        them: what the cell holds "= its words", or only the words where the cell holds words
        (yes/no, whose cells are "Ja" and "Nee")."""
        pairs = [label if isinstance(value, bool) else f"{value} = {label}"
                 for _, label, value in q.kind.entries(q, self.lang)]
        if q.allow_unknown:
            pairs.append(self.unknown)
        return "; ".join(pairs)

    def _view(self, qset: QuestionSet) -> _SetView:
        by_id = qset.by_id
        view = _SetView([by_id.get(qid) for qid in self.question_ids])
        for q in qset.questions:
            if _keyed(q):
                view.options[q.id] = {o.key: pick(o.label, self.lang) for o in q.options or ()}
        if qset.rules is not None:
            view.levels = {level.id: pick(level.title, self.lang) for level in qset.rules.levels}
        return view

    # --- rows ----------------------------------------------------------------------------

    def row(self, record: Assessment) -> list[Any]:
        view = self.views[record.question_set.hash]
        summary = record.summary
        level = summary.level if summary is not None else None
        ref = record.question_set
        cells: list[Any] = [
            record.id, record.client, record.respondent, ref.id, ref.version, record.language,
            utc(record.created), utc(record.updated), utc(record.completed),
            record.status, self.statuses.get(record.status, record.status),
            level, view.levels.get(level, level) if level else None]
        answers = record.answers
        for q, labelled in zip(view.questions, self.labelled, strict=True):
            answer = answers.get(q.id) if q is not None else None
            if answer is None:
                cells += (None, None) if labelled else (None,)
                continue
            value = answer.value
            kind = type(value)  # the commonest cases inline: 10,000 rows of 40 answers
            simple = kind is int or kind is float or (kind is str and value != UNKNOWN)
            cells.append(value if simple else self._value(q, value))
            if labelled:
                cells.append(self._label(q, value, view))
        scores = summary.scores if summary is not None else {}
        cells += [points(scores.get(d)) for d in self.dimension_ids]
        return cells

    def _value(self, q: Question | None, value: Any) -> Any:
        if value is None or type(value) in (int, float):
            return value
        if value is True or value is False:
            return self.yes if value else self.no
        if value == UNKNOWN and q is not None and q.allow_unknown and not _keyed(q):
            return self.unknown  # a choice's key column keeps the key, as the CSV does
        if isinstance(value, list):
            return MULTI_SEPARATOR.join(map(str, value)) or None
        if isinstance(value, dict):  # no question type stores one; kept whole rather than lost
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return str(value)

    def _label(self, q: Question | None, value: Any, view: _SetView) -> str | None:
        if q is None or value is None:
            return None
        words = view.options.get(q.id)
        if words is None:  # not a question with options in this record's set
            return None
        if value == UNKNOWN and q.allow_unknown:
            return self.unknown
        if isinstance(value, list):
            return MULTI_SEPARATOR.join(words.get(key, str(key)) for key in value) or None
        return words.get(value, str(value))

    # --- the about sheet -----------------------------------------------------------------

    def about(self, sets: Iterable[QuestionSet], count: int, moment: datetime,
              ) -> list[list[Any]]:
        """The rows of the second sheet: what this is, when it was made, from which question
        sets, how to read it, and every column."""
        lang = self.lang
        lines: list[list[Any]] = [
            [t("sheet.about.title", lang)],
            [t("sheet.about.made", lang), moment],
            [t("sheet.about.count", lang), count],
        ]
        lines += [[t("sheet.about.set_row", lang), qset.id, qset.version,
                   pick(qset.title, lang)] for qset in sets]
        lines.append([])
        lines += [[t(f"sheet.about.reading_{n}", lang, separator=MULTI_SEPARATOR)]
                  for n in range(1, 6)]
        lines.append([])
        lines.append([t("sheet.about.column", lang), t("sheet.about.meaning", lang),
                      t("sheet.about.answers", lang)])
        lines += [[c.name, c.about, c.answers or None] for c in self.columns]
        return lines


def _keyed(q: Question) -> bool:
    """Whether its answers are option keys (choice, multi): their words get a column too."""
    return OPTIONS in q.kind.takes


def _all(sets: Iterable[QuestionSet], qid: str) -> Iterator[Question]:
    for qset in sets:
        q = qset.by_id.get(qid)
        if q is not None:
            yield q


def _first_questions(sets: Iterable[QuestionSet]) -> dict[str, Question]:
    """Each question id's question in the first set that has it (as `columns` orders)."""
    first: dict[str, Question] = {}
    for qset in sets:
        for q in qset.questions:
            first.setdefault(q.id, q)
    return first
