"""An in-memory Store for the tests of the layers above (engine, CLI, reports).

It keeps the same promises as the file store, except surviving the process: history on change
(the very same code: `changes.py`), index rows newest first, client matching, erasure. The
contract tests in tests/test_storage_contract.py run against both.
"""

from __future__ import annotations

import builtins  # `list` is also a method here: its type is spelled in full
import copy
import dataclasses
import uuid
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from clustercli import clock
from clustercli.names import client_key
from clustercli.records import (
    Assessment,
    Damaged,
    IndexRow,
    NotFound,
    OpenElsewhere,
    Reason,
    SetRef,
    Summarise,
    Update,
)
from clustercli.storage import changes
from clustercli.storage.documents import row_of


class _Held:
    def __init__(self, held: set[str], assessment_id: str) -> None:
        self._held: set[str] | None = held
        self._id = assessment_id

    def release(self) -> None:
        if self._held is not None:
            self._held.discard(self._id)
            self._held = None


class MemoryStore:
    def __init__(self) -> None:
        self._records: dict[str, Assessment] = {}
        self._sets: dict[str, str] = {}
        self._held: set[str] = set()  # assessments held open by a session (`hold`)

    def create(self, *, question_set: SetRef, set_data: str, language: str, client: str = "",
               respondent: str = "") -> Assessment:
        stamp = clock.now()
        record = Assessment(id=str(uuid.uuid4()), question_set=question_set, language=language,
                            client=client, respondent=respondent, created=stamp, updated=stamp)
        self._sets.setdefault(question_set.hash, set_data)
        self._records[record.id] = record
        return copy.deepcopy(record)

    def _get(self, assessment_id: str) -> Assessment:
        try:
            return self._records[assessment_id]
        except KeyError:
            raise NotFound("store.not_found", id=assessment_id) from None

    def load(self, assessment_id: str) -> Assessment:
        return copy.deepcopy(self._get(assessment_id))

    def load_many(self, assessment_ids: Iterable[str] | None = None,
                  ) -> Iterator[tuple[str, Assessment | Damaged]]:
        ids = list(self._records) if assessment_ids is None else assessment_ids
        for assessment_id in ids:
            if assessment_id in self._records:
                yield assessment_id, copy.deepcopy(self._records[assessment_id])

    def save_answer(self, assessment_id: str, question: str, value: Any,
                    note: str | None = None) -> Assessment:
        record = self._get(assessment_id)
        changes.save_answer(record, question, value, note, clock.now())
        return copy.deepcopy(record)

    def deactivate(self, assessment_id: str, questions: list[str],
                   reason: Reason = "not_applicable") -> Assessment:
        record = self._get(assessment_id)
        changes.deactivate(record, questions, reason, clock.now())
        return copy.deepcopy(record)

    def complete(self, assessment_id: str, summarise: Summarise | None = None) -> Assessment:
        record = self._get(assessment_id)
        changes.complete(record, summarise, clock.now())
        return copy.deepcopy(record)

    def reopen(self, assessment_id: str) -> Assessment:
        record = self._get(assessment_id)
        changes.reopen(record, clock.now())
        return copy.deepcopy(record)

    def list(self, with_summaries: bool = False) -> list[IndexRow]:
        rows = [copy.deepcopy(row_of(r)) for r in self._records.values()]
        if not with_summaries:
            rows = [dataclasses.replace(row, summary=None) for row in rows]
        return sorted(rows, key=lambda row: row.updated, reverse=True)

    def find_by_client(self, client: str) -> builtins.list[IndexRow]:
        key = client_key(client)
        return [row for row in self.list() if client_key(row.client) == key]

    def delete(self, assessment_id: str) -> None:
        self.delete_many([assessment_id])

    def delete_many(self, assessment_ids: Iterable[str]) -> None:
        ids = list(dict.fromkeys(assessment_ids))
        gone = [self._get(assessment_id) for assessment_id in ids]  # NotFound before any
        for record in gone:
            del self._records[record.id]
        in_use = {r.question_set.hash for r in self._records.values()}
        for record in gone:
            if record.question_set.hash not in in_use:
                self._sets.pop(record.question_set.hash, None)

    def put(self, updates: Mapping[str, Update], sets: Mapping[str, str],
            ) -> builtins.list[str]:
        # All or nothing, as in the file store: every update worked out and checked first.
        new: dict[str, Assessment] = {}
        for assessment_id, update in updates.items():
            current = self._records.get(assessment_id)
            record = update(copy.deepcopy(current))
            if record is None:
                continue
            if record.id != assessment_id:
                raise ValueError(f"record {record.id} put under id {assessment_id}")
            if record.question_set.hash not in sets:
                self.question_set_data(record.question_set.hash)  # NotFound, as in the file store
            new[assessment_id] = copy.deepcopy(record)
        for record in new.values():
            set_hash = record.question_set.hash
            if set_hash in sets:
                self._sets[set_hash] = sets[set_hash]
        self._records.update(new)
        return list(new)

    def hold(self, assessment_id: str) -> _Held:
        self._get(assessment_id)
        if assessment_id in self._held:
            raise OpenElsewhere("store.open_elsewhere_now", id=assessment_id)
        self._held.add(assessment_id)
        return _Held(self._held, assessment_id)

    def question_set_data(self, set_hash: str) -> str:
        try:
            return self._sets[set_hash]
        except KeyError:
            raise NotFound("store.set_not_found", hash=set_hash) from None
