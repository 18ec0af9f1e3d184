"""What each change does to a record, shared by the file store and the in-memory store.

Pure functions on an `Assessment`: no files, no locks. Both stores call these, so "history on
change" or "what `reopen` keeps" cannot mean one thing in the tests of the layers above (memory)
and another on the user's disk. Each returns whether the record changed, so that the file store
can skip a write (and its two fsyncs) when nothing did.

A change to a completed assessment goes into its draft (`records.Draft`), never into the
answers themselves: the completed assessment, its level and summary stay exactly as they were
until `complete` takes the draft in (an `edit` that is stopped changes nothing anyone else
reads). This holds in the store itself, whatever a caller does: two `edit`s of one check, one
finishing while the other goes on, leave a completed record whose summary belongs to its answers,
and the other's later changes in a new draft.
"""

from __future__ import annotations

import copy
from typing import Any

from clustercli import clock
from clustercli.records import (
    Answer,
    Assessment,
    Draft,
    HistoryEntry,
    Reason,
    Removal,
    Summarise,
)


def save_answer(record: Assessment, question: str, value: Any, note: str | None,
                stamp: str) -> bool:
    """Make `value` the active answer; the one it replaces goes into history.

    The same value with the same note again is no change: no history entry, no new time (the
    engine re-saves an answer when the user steps back and forward through the questions).
    A completed record takes the change into its draft instead.
    """
    if record.status == "completed":
        return _draft_answer(record, question, value, note, stamp)
    old = record.answers.get(question)
    if old is not None and old.value == value and old.note == note:
        return False
    if old is not None:
        record.history.append(HistoryEntry(question, old.value, old.at, old.note, stamp,
                                           "changed"))
    record.answers[question] = Answer(copy.deepcopy(value), stamp, note)
    record.updated = stamp
    return True


def deactivate(record: Assessment, questions: list[str], reason: Reason, stamp: str) -> bool:
    """Move these active answers into history, kept with when and why (for a completed
    record: set them aside in its draft)."""
    if record.status == "completed":
        return _draft_deactivate(record, questions, reason, stamp)
    changed = False
    for question in questions:
        old = record.answers.pop(question, None)
        if old is not None:
            record.history.append(HistoryEntry(question, old.value, old.at, old.note, stamp,
                                               reason))
            record.updated = stamp
            changed = True
    return changed


def _draft(record: Assessment, stamp: str) -> Draft:
    if record.draft is None:
        record.draft = Draft(stamp, stamp)
    return record.draft


def _draft_answer(record: Assessment, question: str, value: Any, note: str | None,
                  stamp: str) -> bool:
    current = record.editing_answers().get(question)
    if current is not None and current.value == value and current.note == note:
        return False
    draft = _draft(record, stamp)
    given = draft.answers.pop(question, None)
    if given is not None:  # typed earlier in this edit: kept in the draft's history
        draft.history.append(HistoryEntry(question, given.value, given.at, given.note, stamp,
                                          "changed"))
    draft.removed.pop(question, None)
    original = record.answers.get(question)
    if original is None or original.value != value or original.note != note:
        draft.answers[question] = Answer(copy.deepcopy(value), stamp, note)
    # else: back to the completed answer, which stays as it is
    draft.updated = stamp
    return True


def _draft_deactivate(record: Assessment, questions: list[str], reason: Reason,
                      stamp: str) -> bool:
    draft = record.draft
    changed = False
    for question in questions:
        given = draft.answers.pop(question, None) if draft is not None else None
        if given is not None:
            assert draft is not None
            draft.history.append(HistoryEntry(question, given.value, given.at, given.note,
                                              stamp, reason))
            changed = True
        if question in record.answers and (draft is None or question not in draft.removed):
            draft = _draft(record, stamp)
            draft.removed[question] = Removal(stamp, reason)
            changed = True
    if changed:
        _draft(record, stamp).updated = stamp
    return changed


def _take_in_draft(record: Assessment, stamp: str) -> None:
    """Make the draft's changes the record's answers: each answer they replace or set aside
    goes into history (as of the moment the edit did so), then the draft's own history."""
    draft, record.draft = record.draft, None
    if draft is None:
        return
    entries: list[HistoryEntry] = []
    for question, removal in draft.removed.items():
        old = record.answers.pop(question, None)
        if old is not None:
            entries.append(HistoryEntry(question, old.value, old.at, old.note, removal.since,
                                        removal.reason))
    for question, new in draft.answers.items():
        old = record.answers.get(question)
        if old is not None and old.value == new.value and old.note == new.note:
            continue  # the same answer as stored (changed there meanwhile): nothing to replace
        if old is not None:
            entries.append(HistoryEntry(question, old.value, old.at, old.note, new.at,
                                        "changed"))
        record.answers[question] = new
    entries += draft.history
    # In time order (stable), after what the record held before the edit.
    entries.sort(key=lambda entry: clock.parse(entry.inactive_since))
    record.history += entries
    record.updated = stamp


def complete(record: Assessment, summarise: Summarise | None, stamp: str) -> bool:
    """Completed, with the summary of the record as it is here: the stores call this on the
    record they have just read under its lock, so the summary belongs to the stored answers.
    A draft is taken in first: its answers become the record's."""
    _take_in_draft(record, stamp)
    summary = summarise(record) if summarise is not None else None
    record.status = "completed"
    record.completed = record.updated = stamp
    record.summary = copy.deepcopy(summary)
    return True


def reopen(record: Assessment, stamp: str) -> bool:
    """Back to in progress, with a draft's changes taken in (nothing typed is lost); the
    completion time and summary stay as they were."""
    _take_in_draft(record, stamp)
    record.status = "in_progress"
    record.updated = stamp
    return True
