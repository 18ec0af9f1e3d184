"""Records as JSON documents, and back, checking every field on the way in; a record's index
row (the index file's own form is in rows.py).

A file that parses as JSON can still be nonsense (edited by hand, written by something else);
`assessment_from` says which field is wrong instead of failing later in the engine with a
KeyError. Every field of `records.Assessment` is written; the contract tests round-trip all of
them, so a field added to the dataclass but not here fails a test rather than vanishing on disk.

A record is written in the lowest format that holds it: format 1 (what every earlier version
wrote and reads), or format 2 for a record with an unfinished edit (`draft`), which an earlier
version then refuses as written by a newer clustercli rather than misreads.
"""

from __future__ import annotations

from typing import Any, NoReturn, cast, get_args

from clustercli.profile.summary import BadSummary, Summary
from clustercli.records import (
    Answer,
    Assessment,
    Draft,
    HistoryEntry,
    IndexRow,
    Reason,
    Removal,
    SetRef,
)

FORMAT = 2  # of a record file; a newer one is refused rather than half-understood
PLAIN_FORMAT = 1  # a record without a draft: the form earlier versions wrote
STATUSES = ("in_progress", "completed")
REASONS = get_args(Reason)


class ShapeError(ValueError):
    """A document that is JSON but not what we wrote; `args[0]` is the field at fault."""


class NewerFormat(ValueError):
    """A record written by a later clustercli; `args[0]` is its format number."""


def assessment_to(record: Assessment) -> dict[str, Any]:
    # By hand rather than dataclasses.asdict, which deep-copies every value on the way: on a
    # record with a long history that alone cost more than the two fsyncs of a save.
    ref = record.question_set
    doc = {
        "format": PLAIN_FORMAT, "id": record.id,
        "question_set": {"id": ref.id, "version": ref.version, "hash": ref.hash},
        "language": record.language, "client": record.client, "respondent": record.respondent,
        "created": record.created, "updated": record.updated, "completed": record.completed,
        "status": record.status,
        "answers": {question: {"value": answer.value, "at": answer.at, "note": answer.note}
                    for question, answer in record.answers.items()},
        "history": _history_to(record.history),
        "summary": None if record.summary is None else record.summary.to_data(),
    }
    if record.draft is not None:
        doc["format"] = FORMAT
        doc["draft"] = _draft_to(record.draft)
    return doc


def _history_to(history: list[HistoryEntry]) -> list[dict[str, Any]]:
    return [{"question": entry.question, "value": entry.value, "at": entry.at,
             "note": entry.note, "inactive_since": entry.inactive_since,
             "reason": entry.reason} for entry in history]


def _draft_to(draft: Draft) -> dict[str, Any]:
    return {
        "started": draft.started, "updated": draft.updated,
        "answers": {question: {"value": answer.value, "at": answer.at, "note": answer.note}
                    for question, answer in draft.answers.items()},
        "removed": {question: {"since": removal.since, "reason": removal.reason}
                    for question, removal in draft.removed.items()},
        "history": _history_to(draft.history),
    }


def _field(doc: dict[str, Any], name: str, kinds: tuple[type, ...], where: str = "") -> Any:
    if name not in doc:
        raise ShapeError(f"{where}{name}")
    value = doc[name]
    # bool is an int in Python; no field of ours takes either, so no special case is needed
    if not isinstance(value, kinds):
        raise ShapeError(f"{where}{name}")
    return value


def _text(doc: dict[str, Any], name: str, where: str = "") -> str:
    text: str = _field(doc, name, (str,), where)
    return text


def _optional_text(doc: dict[str, Any], name: str, where: str = "") -> str | None:
    text: str | None = _field(doc, name, (str, type(None)), where)
    return text


def _set_ref(value: Any, where: str) -> SetRef:
    if not isinstance(value, dict):
        raise ShapeError(where)
    return SetRef(_text(value, "id", f"{where}."), _text(value, "version", f"{where}."),
                  _text(value, "hash", f"{where}."))


_ANSWER_KEYS = {"value", "at", "note"}
_HISTORY_KEYS = {"question", "value", "at", "note", "inactive_since", "reason"}


def _exact(value: Any, keys: set[str], where: str) -> dict[str, Any]:
    """`value` as a dict with exactly these keys (an extra one would be lost on the next save)."""
    if not isinstance(value, dict):
        raise ShapeError(where)
    if value.keys() != keys:
        odd = sorted((keys - value.keys()) | (value.keys() - keys))
        raise ShapeError(f"{where}.{odd[0]}")
    return value


def _answers(values: dict[str, Any]) -> dict[str, Answer]:
    """The active answers, each checked. Answers are most of a record, every save reads them
    all and an export 350,000: one loop with the usual case inline (a dict of exactly "value",
    "at" and "note", found without building key views); `_answer` names what is wrong."""
    answers = {}
    for question, value in values.items():
        if type(value) is dict and len(value) == 3:
            at, note = value.get("at"), value.get("note", 0)
            if type(at) is str and (note is None or type(note) is str) and "value" in value:
                answers[question] = Answer(value["value"], at, note)
                continue
        _answer(value, question)
    return answers


def _answer(value: Any, question: str) -> NoReturn:
    """Raise `ShapeError` naming what is wrong with an answer the fast path refused."""
    where = f"answers.{question}"
    value = _exact(value, _ANSWER_KEYS, where)
    _text(value, "at", f"{where}.")
    _optional_text(value, "note", f"{where}.")
    raise ShapeError(where)  # not reached: one of the checks above fails


def _history(value: Any, where: str) -> HistoryEntry:
    value = _exact(value, _HISTORY_KEYS, where)
    reason = _reason(value, where)
    return HistoryEntry(_text(value, "question", f"{where}."), value["value"],
                        _text(value, "at", f"{where}."),
                        _optional_text(value, "note", f"{where}."),
                        _text(value, "inactive_since", f"{where}."), reason)


_DRAFT_KEYS = {"started", "updated", "answers", "removed", "history"}
_REMOVAL_KEYS = {"since", "reason"}


def _reason(value: dict[str, Any], where: str) -> Reason:
    reason = _text(value, "reason", f"{where}.")
    if reason not in REASONS:
        raise ShapeError(f"{where}.reason")
    return cast(Reason, reason)  # one of REASONS, checked above


def _draft(value: Any) -> Draft:
    value = _exact(value, _DRAFT_KEYS, "draft")
    answers = _field(value, "answers", (dict,), "draft.")
    removed = _field(value, "removed", (dict,), "draft.")
    history = _field(value, "history", (list,), "draft.")
    try:
        given = _answers(answers)
    except ShapeError as error:
        raise ShapeError(f"draft.{error.args[0]}") from None
    return Draft(
        started=_text(value, "started", "draft."), updated=_text(value, "updated", "draft."),
        answers=given,
        removed={question: _removal(entry, f"draft.removed.{question}")
                 for question, entry in removed.items()},
        history=[_history(entry, f"draft.history[{n}]") for n, entry in enumerate(history)])


def _removal(value: Any, where: str) -> Removal:
    value = _exact(value, _REMOVAL_KEYS, where)
    return Removal(_text(value, "since", f"{where}."), _reason(value, where))


def assessment_from(doc: dict[str, Any]) -> Assessment:
    """The record in `doc`; `ShapeError` naming the first field that is missing or wrong."""
    version = doc.get("format")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT:
        raise NewerFormat(version)
    if version not in (PLAIN_FORMAT, FORMAT) or type(version) is not int:
        raise ShapeError("format")
    known = {"format", *Assessment.__dataclass_fields__}
    if version == PLAIN_FORMAT:
        known.discard("draft")  # a record with a draft is written as format 2
    elif "draft" not in doc:
        raise ShapeError("draft")
    unknown = sorted(set(doc) - known)
    if unknown:
        # Not dropped silently: the next save would erase what we do not understand.
        raise ShapeError(unknown[0])
    status = _text(doc, "status")
    if status not in STATUSES:
        raise ShapeError("status")
    if version == FORMAT and status != "completed":  # only a completed record is edited
        raise ShapeError("draft")
    answers = _field(doc, "answers", (dict,))
    history = _field(doc, "history", (list,))
    return Assessment(
        id=_text(doc, "id"),
        question_set=_set_ref(_field(doc, "question_set", (dict,)), "question_set"),
        language=_text(doc, "language"),
        client=_text(doc, "client"),
        respondent=_text(doc, "respondent"),
        created=_text(doc, "created"),
        updated=_text(doc, "updated"),
        completed=_optional_text(doc, "completed"),
        status="completed" if status == "completed" else "in_progress",
        answers=_answers(answers),
        history=[_history(value, f"history[{n}]") for n, value in enumerate(history)],
        summary=summary_from(_field(doc, "summary", (dict, type(None)))),
        draft=_draft(doc["draft"]) if version == FORMAT else None,
    )


def summary_from(data: Any) -> Summary | None:
    """A record's summary (None for none); `ShapeError` naming the field that is wrong."""
    if data is None:
        return None
    try:
        return Summary.from_data(data)
    except BadSummary as error:
        raise ShapeError(f"summary.{error.args[0]}".rstrip(".")) from None


def row_of(record: Assessment) -> IndexRow:
    summary = record.summary if record.status == "completed" else None
    return IndexRow(record.id, record.client, record.respondent, record.status,
                    len(record.answers), record.question_set, record.created, record.updated,
                    record.completed, None if summary is None else summary.level, summary,
                    draft=None if record.draft is None else record.draft.updated)
