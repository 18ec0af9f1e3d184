"""What each change does to a record, shared by the file store and the in-memory store.

Pure functions on an `Assessment`: no files, no locks. Both stores call these, so "history on
change" or "what `reopen` keeps" cannot mean one thing in the tests of the layers above (memory)
and another on the user's disk. Each returns whether the record changed, so that the file store
can skip a write (and its two fsyncs) when nothing did.
"""

from __future__ import annotations

import copy
from typing import Any

from clustercli.records import Answer, Assessment, HistoryEntry, Reason, Summarise


def save_answer(record: Assessment, question: str, value: Any, note: str | None,
                stamp: str) -> bool:
    """Make `value` the active answer; the one it replaces goes into history.

    The same value with the same note again is no change: no history entry, no new time (the
    engine re-saves an answer when the user steps back and forward through the questions).
    """
    old = record.answers.get(question)
    if old is not None and old.value == value and old.note == note:
        return False
    if old is not None:
        record.history.append(HistoryEntry(question, old.value, old.at, old.note, stamp,
                                           "changed"))
    record.answers[question] = Answer(copy.deepcopy(value), stamp, note)
    record.updated = stamp
    _unfinish(record)
    return True


def deactivate(record: Assessment, questions: list[str], reason: Reason, stamp: str) -> bool:
    """Move these active answers into history, kept with when and why."""
    changed = False
    for question in questions:
        old = record.answers.pop(question, None)
        if old is not None:
            record.history.append(HistoryEntry(question, old.value, old.at, old.note, stamp,
                                               reason))
            record.updated = stamp
            changed = True
    if changed:
        _unfinish(record)
    return changed


def _unfinish(record: Assessment) -> None:
    """A completed assessment whose answers change is unfinished again, as `reopen` leaves it:
    its summary (level, scores) belongs to the answers it was completed with, and only
    `complete` works out another. The engine reopens before it changes anything; this holds
    the store to it whatever a caller does (two `edit`s of one check, one finishing first)."""
    if record.status == "completed":
        record.status = "in_progress"


def complete(record: Assessment, summarise: Summarise | None, stamp: str) -> bool:
    """Completed, with the summary of the record as it is here: the stores call this on the
    record they have just read under its lock, so the summary belongs to the stored answers."""
    summary = summarise(record) if summarise is not None else None
    record.status = "completed"
    record.completed = record.updated = stamp
    record.summary = copy.deepcopy(summary)
    return True


def reopen(record: Assessment, stamp: str) -> bool:
    """Back to in progress; answers, the completion time and summary stay as they were."""
    record.status = "in_progress"
    record.updated = stamp
    return True
