"""The JSONL export, and reading one back for `import`: every line checked before anything is
written, so that a bad line stops the whole file (all or nothing).

One JSON object per line, UTF-8, each with `kind` and `schema_version`:
- `{"kind": "question_set", "schema_version": 1, "hash": ..., "data": ...}`: a question set as
  its canonical JSON text (a string, so that the SHA-256 of exactly those bytes is the hash);
- `{"kind": "assessment", "schema_version": 1, "id": ..., ...}`: a whole record, with the
  fields of the stored record (answers with their notes and times, history, summary).
The sets come first, so a reader meets a set before the records that use it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clustercli import clock
from clustercli.errors import ClusterError, InputProblems, Problem
from clustercli.inputfile import InputFileError, read_limited
from clustercli.names import control_characters
from clustercli.portability.kinds import refuse_if_foreign
from clustercli.records import Assessment
from clustercli.storage import ShapeError, document_of, record_from

if TYPE_CHECKING:  # the question-set models (pydantic) only when a file is read: export
    from clustercli.questionset.model import QuestionSet  # of 10,000 need not load them

SCHEMA_VERSION = 1
# An export of 10,000 assessments is some 50 MB; far more than that is not one of ours.
MAX_BYTES = 512 * 2**20
SET, RECORD = "question_set", "assessment"
_SET_KEYS = {"kind", "schema_version", "hash", "data"}
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HASH = re.compile(r"[0-9a-f]{64}")


# Not ASCII-escaped, like the data folder itself: "Zoë" stays searchable as written. One encoder
# for every line: json.dumps with options builds a new one per call.
_dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def set_line(set_hash: str, data: str) -> str:
    return _dump({"kind": SET, "schema_version": SCHEMA_VERSION, "hash": set_hash, "data": data})


def record_line(record: Assessment) -> str:
    return _dump({"kind": RECORD, "schema_version": SCHEMA_VERSION, **document_of(record)})


def lines(records: Iterable[Assessment], sets: dict[str, str]) -> Iterator[str]:
    for set_hash, data in sets.items():
        yield set_line(set_hash, data) + "\n"
    for record in records:
        yield record_line(record) + "\n"


@dataclass
class Bundle:
    sets: dict[str, str] = field(default_factory=dict)  # hash -> canonical JSON, verified
    parsed: dict[str, QuestionSet] = field(default_factory=dict)
    records: dict[str, Assessment] = field(default_factory=dict)
    line_of: dict[str, int] = field(default_factory=dict)  # record id -> its line


class _Bad(Exception):
    def __init__(self, key: str, field: str | None = None, **params: Any) -> None:
        super().__init__(key)
        self.key, self.field, self.params = key, field, params


def read_file(path: Path) -> bytes:
    """The bytes of an import file: an ordinary file, at most MAX_BYTES (else BadInput)."""
    try:
        return read_limited(path, MAX_BYTES)
    except InputFileError as error:
        raise InputProblems("portability.import.unusable",
                            [Problem(error.key, error.params, file=error.file)],
                            file=error.file) from None


def read(raw: bytes, file: str) -> Bundle:
    """Every line of an export, checked; InputProblems naming each bad line and field, or one
    sentence for a file that is no export at all (the CSV export, another tool's JSON)."""
    refuse_if_foreign(raw, file)
    bundle, problems = Bundle(), []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            _read_line(line, number, bundle)
        except _Bad as bad:
            problems.append(Problem(bad.key, bad.params, file=file, line=number,
                                    field=bad.field))
    _fail_if(problems, file)
    return bundle


def _fail_if(problems: list[Problem], file: str) -> None:
    if problems:
        raise InputProblems("portability.import.invalid", problems, file=file,
                            count=len(problems))


def _read_line(line: bytes, number: int, bundle: Bundle) -> None:
    try:
        doc = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        raise _Bad("portability.import.not_utf8") from None
    except json.JSONDecodeError as error:
        raise _Bad("portability.import.not_json", column=error.colno) from None
    if not isinstance(doc, dict):
        raise _Bad("portability.import.not_object")
    version = doc.get("schema_version")
    if type(version) is int and version > SCHEMA_VERSION:
        raise _Bad("portability.import.newer", "schema_version", version=version)
    if version != SCHEMA_VERSION or type(version) is not int:
        raise _Bad("portability.import.bad_field", "schema_version")
    kind = doc.get("kind")
    if kind == SET:
        _read_set(doc, bundle)
    elif kind == RECORD:
        _read_record(doc, number, bundle)
    else:
        raise _Bad("portability.import.bad_kind", "kind")


def _read_set(doc: dict[str, Any], bundle: Bundle) -> None:
    odd = sorted(_SET_KEYS ^ doc.keys())
    if odd:
        raise _Bad("portability.import.bad_field", odd[0])
    set_hash, data = doc["hash"], doc["data"]
    if not isinstance(set_hash, str) or not _HASH.fullmatch(set_hash):
        raise _Bad("portability.import.bad_field", "hash")
    if not isinstance(data, str):
        raise _Bad("portability.import.bad_field", "data")
    if hashlib.sha256(data.encode("utf-8")).hexdigest() != set_hash:
        raise _Bad("portability.import.bad_hash", "data")
    from clustercli.questionset.loader import from_data

    try:
        parsed = from_data(json.loads(data), f"question set {set_hash[:12]}")
    except (ValueError, ClusterError):
        raise _Bad("portability.import.bad_set", "data") from None
    bundle.sets[set_hash] = data
    bundle.parsed[set_hash] = parsed


def _read_record(doc: dict[str, Any], number: int, bundle: Bundle) -> None:
    body = {key: value for key, value in doc.items() if key not in ("kind", "schema_version")}
    try:
        record = record_from(body)
    except ShapeError as error:
        raise _Bad("portability.import.bad_field", error.args[0]) from None
    if not _UUID.fullmatch(record.id):
        raise _Bad("portability.import.bad_field", "id")
    for name in ("client", "respondent"):
        found = control_characters(getattr(record, name))
        if found:  # NUL, an escape sequence: shown raw, it would garble what a terminal shows
            raise _Bad("portability.import.control_character", name, chars=" ".join(found))
    if record.status == "completed" and record.completed is None:
        raise _Bad("portability.import.bad_field", "completed")
    for name, stamp in _stamps(record):
        if not _is_time(stamp):
            raise _Bad("portability.import.bad_time", name)
    if record.id in bundle.records:
        raise _Bad("portability.import.duplicate", "id", line=bundle.line_of[record.id])
    bundle.records[record.id] = record
    bundle.line_of[record.id] = number


def _stamps(record: Assessment) -> Iterator[tuple[str, str]]:
    yield "created", record.created
    yield "updated", record.updated
    if record.completed is not None:
        yield "completed", record.completed
    for question, answer in record.answers.items():
        yield f"answers.{question}.at", answer.at
    for n, entry in enumerate(record.history):
        yield f"history[{n}].at", entry.at
        yield f"history[{n}].inactive_since", entry.inactive_since


def _is_time(stamp: str) -> bool:
    # With a time zone: a time without one cannot be compared with ours (merge, purge).
    try:
        return clock.parse(stamp).tzinfo is not None
    except ValueError:
        return False


def check_records(bundle: Bundle, file: str, stored_set: Callable[[str], QuestionSet | None],
                  local: Callable[[str], Assessment | None]) -> None:
    """What needs the data folder too: every record has its question set (in the file or the
    folder), answers that set can hold, and the same set as its local version, if any."""
    problems = []
    for assessment_id, record in bundle.records.items():
        line = bundle.line_of[assessment_id]
        set_hash = record.question_set.hash
        qset = bundle.parsed.get(set_hash) or stored_set(set_hash)
        if qset is None:
            problems.append(Problem("portability.import.missing_set", {"hash": set_hash},
                                    file=file, line=line, field="question_set.hash"))
            continue
        problems += _answer_problems(record, qset, file, line)
        mine = local(assessment_id)
        if mine is not None and mine.question_set != record.question_set:
            problems.append(Problem("portability.import.other_set", {}, file=file, line=line,
                                    field="question_set"))
    _fail_if(problems, file)


def _answer_problems(record: Assessment, qset: QuestionSet, file: str,
                     line: int) -> list[Problem]:
    from clustercli.questionset.model import possible_value

    problems = []
    if record.language not in qset.languages:
        problems.append(Problem("portability.import.bad_language",
                                {"languages": ", ".join(qset.languages)}, file=file, line=line,
                                field="language"))
    questions = qset.by_id
    for question, answer in record.answers.items():
        where = f"answers.{question}"
        if question not in questions:
            problems.append(Problem("portability.import.unknown_question", {}, file=file,
                                    line=line, field=where))
        elif not possible_value(questions[question], answer.value):
            problems.append(Problem("portability.import.impossible_answer",
                                    {"value": json.dumps(answer.value, ensure_ascii=False)},
                                    file=file, line=line, field=f"{where}.value"))
    return problems
