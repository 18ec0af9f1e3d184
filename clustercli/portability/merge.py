"""What an import does to an assessment, by its id (a UUID, the same on every computer).

- Not in the data folder: added exactly as it is in the file.
- The same on both sides: left alone.
- Different: the version with the later `updated` becomes the current one (on a tie the local
  one stays current). The other version is not lost; its history joins the current one's, and
  each of its answers that the current version neither holds nor has in its history becomes a
  history entry with reason "imported", inactive since the current version's `updated`.
  Everything else of the other version (status, client, respondent, summary) gives way to the
  current one's.

An unfinished edit in the data folder (a `draft`: export leaves drafts out, import refuses
them) stays with the local record whatever the file holds, so that nothing typed in it is lost:
its changes are taken in on top of the current version when the edit is finished. A draft
belongs to a completed record, so a local one with a draft stays current against a newer
version in the file that is not completed (that version's answers join the history as above).

Every step is a function of the two versions alone, never of the clock, so importing the same
file again finds nothing to change, and two advisors who import each other's files end up with
the same record (unless both changed it in the very same microsecond: then each keeps its own as
current, with the other's answers in its history).
"""

from __future__ import annotations

import copy
import dataclasses
import json
from typing import Any

from clustercli import clock
from clustercli.records import Assessment, HistoryEntry


def merge(local: Assessment | None, incoming: Assessment) -> Assessment | None:
    """The record to store for `incoming`, or None if the local one already is it."""
    if local is None:
        return copy.deepcopy(incoming)
    draft = local.draft
    if (dataclasses.replace(local, draft=None) if draft is not None else local) == incoming:
        return None
    incoming_newer = clock.parse(incoming.updated) > clock.parse(local.updated) and (
        draft is None or incoming.status == "completed")
    current, other = (incoming, local) if incoming_newer else (local, incoming)
    merged = copy.deepcopy(current)
    merged.history = _joined_history(current, other)
    merged.draft = copy.deepcopy(draft)
    return None if merged == local else merged


def _value_key(value: Any) -> str:
    # JSON rather than Python equality: True == 1 in Python, but not as an answer.
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _entry_key(entry: HistoryEntry) -> tuple[str, str, str, str | None, str, str]:
    return (entry.question, _value_key(entry.value), entry.at, entry.note, entry.inactive_since,
            entry.reason)


def _joined_history(current: Assessment, other: Assessment) -> list[HistoryEntry]:
    entries = list(current.history)
    seen = {_entry_key(entry) for entry in entries}
    for entry in other.history:
        if _entry_key(entry) not in seen:
            seen.add(_entry_key(entry))
            entries.append(entry)
    # An answer counts as kept if the history already holds it: the usual case, where one
    # side is simply an earlier state of the other, adds no "imported" entries at all.
    kept = {(entry.question, _value_key(entry.value), entry.at, entry.note) for entry in entries}
    for question, answer in other.answers.items():
        active = current.answers.get(question)
        if active is not None and _value_key(active.value) == _value_key(answer.value) \
                and active.note == answer.note:
            continue  # the same answer on both sides: only its time differs
        if (question, _value_key(answer.value), answer.at, answer.note) in kept:
            continue
        entries.append(HistoryEntry(question, copy.deepcopy(answer.value), answer.at,
                                    answer.note, current.updated, "imported"))
    # In time order (stable: entries of one moment keep their order), so the result does not
    # depend on which side did the importing.
    entries.sort(key=lambda entry: clock.parse(entry.inactive_since))
    return copy.deepcopy(entries)
