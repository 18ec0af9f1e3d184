"""Export and import against a `Store`: which records and sets go out, and how a checked file
comes in. Through the Store interface only, so the tests can run it on the in-memory store.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from clustercli.errors import ClusterError
from clustercli.names import visible
from clustercli.portability.bundle import Bundle, check_records
from clustercli.portability.merge import merge
from clustercli.records import Assessment, NotFound, Store, Update

if TYPE_CHECKING:
    from clustercli.questionset.model import QuestionSet


@dataclass
class Gathered:
    records: list[Assessment] = field(default_factory=list)  # oldest `created` first
    sets: dict[str, str] = field(default_factory=dict)  # hash -> canonical JSON, in first use
    parsed: dict[str, QuestionSet] = field(default_factory=dict)  # same order (for CSV)
    # What could not be exported, and why: a damaged record, a missing or damaged set copy.
    problems: list[tuple[str, ClusterError]] = field(default_factory=list)


def _set(store: Store, set_hash: str, label: str, parse: bool = True,
         ) -> tuple[str, QuestionSet | None]:
    """A stored set's canonical JSON, and (if `parse`) the set itself. Parsing builds the
    pydantic models; a JSONL export has no need of them."""
    data = store.question_set_data(set_hash)
    if not parse:
        return data, None
    from clustercli.questionset.loader import from_data

    try:
        return data, from_data(json.loads(data), label)
    except ValueError:
        raise ClusterError("portability.export.bad_set", hash=set_hash) from None


def gather(store: Store, assessment_ids: list[str] | None, parse_sets: bool) -> Gathered:
    """The records of these ids (None: all) and their sets, for an export."""
    found = Gathered()
    loaded = []
    for assessment_id, record in store.load_many(assessment_ids):
        if isinstance(record, ClusterError):
            found.problems.append((assessment_id, record))
        else:
            # An export is output too: a control character stored in a name before they were
            # refused goes out written as text (names.visible), never raw into a spreadsheet.
            record.client, record.respondent = visible(record.client), visible(record.respondent)
            loaded.append(record)
    # Chronological: the order an analyst expects, and one that does not change when an old
    # assessment is corrected (unlike `list`, newest change first).
    loaded.sort(key=lambda record: (record.created, record.id))
    failed: dict[str, ClusterError] = {}
    for record in loaded:
        ref = record.question_set
        if ref.hash not in found.sets and ref.hash not in failed:
            try:
                data, qset = _set(store, ref.hash, f"{ref.id} {ref.version}", parse_sets)
            except ClusterError as error:
                failed[ref.hash] = error
            else:
                found.sets[ref.hash] = data
                if qset is not None:
                    found.parsed[ref.hash] = qset
        if ref.hash in failed:
            found.problems.append((record.id, failed[ref.hash]))
        else:
            found.records.append(record)
    return found


def import_bundle(store: Store, bundle: Bundle, file: str) -> dict[str, list[str]]:
    """Merge a checked file into the store; the ids added, updated and unchanged, in file
    order. Everything is checked before the first write: a record that cannot be merged (a
    damaged local copy, another question set) stops the import with nothing written."""
    local: dict[str, Assessment | None] = {}
    for assessment_id in bundle.records:
        try:
            local[assessment_id] = store.load(assessment_id)
        except NotFound:
            local[assessment_id] = None
    sets: dict[str, QuestionSet | None] = {}

    def stored_set(set_hash: str) -> QuestionSet | None:
        if set_hash not in sets:
            try:
                sets[set_hash] = _set(store, set_hash, set_hash[:12])[1]
            except NotFound:
                sets[set_hash] = None
        return sets[set_hash]

    # Here rather than at the top: an export has no need of the profile, nor of the
    # question-set models it loads (pydantic: ~110 ms of `export --format jsonl`).
    from clustercli.profile.build import summarise

    check_records(bundle, file, stored_set, local.get)
    for record in bundle.records.values():
        # A completed record's summary (level, scores) feeds `clients`, `stats` and the CSV:
        # worked out here from its answers, not believed from the file. Before the merge, so
        # that importing the same file twice still changes nothing.
        if record.status == "completed":
            qset = bundle.parsed.get(record.question_set.hash) or \
                stored_set(record.question_set.hash)
            if qset is not None:
                record.summary = summarise(qset, record.values())
    outcome: dict[str, str] = {}

    def update_for(incoming: Assessment) -> Update:
        def update(current: Assessment | None) -> Assessment | None:
            result = merge(current, incoming)
            outcome[incoming.id] = ("unchanged" if result is None else
                                    "added" if current is None else "updated")
            return result
        return update

    store.put({key: update_for(record) for key, record in bundle.records.items()}, bundle.sets)
    report: dict[str, list[str]] = {"added": [], "updated": [], "unchanged": []}
    for assessment_id in bundle.records:
        report[outcome[assessment_id]].append(assessment_id)
    return report
