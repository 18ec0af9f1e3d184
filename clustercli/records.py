"""The records of the tool and what a store promises about them: assessments, their answers and
history, index rows, and the `Store` interface.

Plain dataclasses and a Protocol, owned by the core: the engine, the report and the CLI code
against this, and the storage package (the file store, the in-memory store) implements it.
Values are JSON-ready.
"""

from __future__ import annotations

import builtins  # `list` is also a method of `Store`: its type below is spelled in full
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from clustercli.errors import EXIT_FAILURE, BadInput, ClusterError
from clustercli.profile.summary import Summary

Status = Literal["in_progress", "completed"]
# Why an answer stopped being current: a new value, its question no longer applies, an import
# brought a newer version of the assessment, or the advisor changed the note only.
Reason = Literal["changed", "not_applicable", "imported"]


@dataclass(slots=True)
class Answer:
    value: Any
    at: str  # when it was given (UTC ISO 8601)
    note: str | None = None  # advisor's note on this answer


@dataclass(slots=True)
class HistoryEntry:
    """An answer that is no longer current, kept with when and why it stopped being so."""

    question: str
    value: Any
    at: str
    note: str | None
    inactive_since: str
    reason: Reason


@dataclass(slots=True)
class Removal:
    """An active answer set aside in an unfinished edit: when, and why."""

    since: str
    reason: Reason


@dataclass(slots=True)
class Draft:
    """An edit of a completed assessment that is not finished yet (`clustercli edit`).

    The completed assessment stays exactly as it was (its answers, status and summary: what
    `list`, `clients`, `stats`, the reports and the exports read) until `complete` makes these
    changes its answers and works out its summary again. Nothing typed in the edit is lost
    meanwhile: a value replaced within the edit is kept in the draft's own history."""

    started: str
    updated: str
    answers: dict[str, Answer] = field(default_factory=dict)  # given in the edit: new or changed
    removed: dict[str, Removal] = field(default_factory=dict)  # active answers set aside
    history: list[HistoryEntry] = field(default_factory=list)  # replaced within the edit

    def changes(self) -> int:
        """How many questions the edit changes (an answer given, changed or set aside)."""
        return len(self.answers.keys() | self.removed.keys())


@dataclass(slots=True)
class SetRef:
    """Which question set an assessment was started with; `hash` finds its stored copy."""

    id: str
    version: str
    hash: str


@dataclass(slots=True)
class Assessment:
    id: str  # a UUID
    question_set: SetRef
    language: str
    client: str
    respondent: str
    created: str
    updated: str
    completed: str | None = None
    status: Status = "in_progress"
    answers: dict[str, Answer] = field(default_factory=dict)  # the active answers
    history: list[HistoryEntry] = field(default_factory=list)
    # What the profile worked out on completion (level, scores, bands, a few answers), from
    # the answers as stored; kept in the index too, for listing and statistics without opening
    # every file. A reopened assessment keeps its last one until it is completed again.
    summary: Summary | None = None
    # An unfinished edit of this (completed) assessment, or None; see `Draft`.
    draft: Draft | None = None

    def values(self) -> dict[str, Any]:
        """The active answers as question id -> value (what conditions and scoring read)."""
        return {question: answer.value for question, answer in self.answers.items()}

    def editing_answers(self) -> dict[str, Answer]:
        """The answers as whoever edits the assessment sees them: the active answers with the
        draft's changes on top (the active answers themselves when there is no draft)."""
        draft = self.draft
        if draft is None:
            return dict(self.answers)
        kept = {question: answer for question, answer in self.answers.items()
                if question not in draft.removed and question not in draft.answers}
        return kept | draft.answers

    def editing_values(self) -> dict[str, Any]:
        """`editing_answers` as question id -> value (what the interview goes by)."""
        return {question: answer.value for question, answer in self.editing_answers().items()}

    def notes(self) -> dict[str, str]:
        return {q: a.note for q, a in self.answers.items() if a.note}


@dataclass(slots=True)
class IndexRow:
    """One line of `list`: enough to show, filter and count without opening the file."""

    id: str
    client: str
    respondent: str
    status: str  # "in_progress", "completed" or "damaged"
    answered: int
    question_set: SetRef | None
    created: str
    updated: str
    completed: str | None = None
    # The readiness level of a completed assessment (from its summary), for `clients`.
    level: str | None = None
    # The whole completion summary: only from `list(with_summaries=True)` (it is most of the
    # index's bulk, and only `stats` needs it).
    summary: Summary | None = None
    # For a damaged file: what is wrong with it, as a catalogue key of the `store` domain and its
    # parameters (the store does not know the user's language); `damage()` gives both as the
    # error that `load` of this id raises.
    problem: str | None = None
    problem_params: dict[str, Any] | None = None
    # When an unfinished edit of a completed assessment was last changed (None: no draft).
    draft: str | None = None

    def damage(self) -> Damaged | None:
        return None if self.problem is None else Damaged(self.problem,
                                                         **(self.problem_params or {}))


class NotFound(BadInput):
    """No assessment with that id (exit 2: the user typed something we cannot use)."""


class Damaged(ClusterError):
    """A file in the data folder cannot be read or makes no sense (exit 1). It is left as is."""


class SetMissing(Damaged, NotFound):
    """The copy of a question set is gone from the data folder. Damage there (exit 1, naming
    the file) for whoever needs the set of a stored record; still a `NotFound` for a caller
    asking whether the store has the set at all (an import that brings it along)."""

    exit_code = EXIT_FAILURE


class Busy(ClusterError):
    """Another process has held a lock in the data folder far longer than any save takes."""


class OpenElsewhere(ClusterError):
    """The assessment is open in another session (another terminal) right now: answering it
    in two places at once would have the last answer win unseen. Exit 1: nothing is wrong with
    what the user typed, and the same command works once the other session ends."""


class Hold(Protocol):
    """An assessment held open by this session (`Store.hold`)."""

    def release(self) -> None:
        """Let go (a second call does nothing). The end of the process lets go too."""
        ...


# How `complete` works out the summary: from the record as the store holds it, read under the
# record's lock in the same step that stores the result (so a summary always belongs to the
# answers stored with it, however many processes change the record).
Summarise = Callable[[Assessment], Summary]

# What `put` does with one id: given the stored record (None if there is none), the record to
# store in its place, or None to leave it as it is.
Update = Callable[[Assessment | None], Assessment | None]


class Store(Protocol):
    def create(self, *, question_set: SetRef, set_data: str, language: str, client: str = "",
               respondent: str = "") -> Assessment:
        """A new in-progress assessment; `set_data` (the set's canonical JSON) is kept by hash."""
        ...

    def load(self, assessment_id: str) -> Assessment: ...

    def load_many(self, assessment_ids: Iterable[str] | None = None,
                  ) -> Iterator[tuple[str, Assessment | Damaged]]:
        """Each record (of these ids, or all) with its id; a damaged one as its `Damaged`
        error rather than raised, so one bad file does not stop the rest. Ids that do not
        exist (erased meanwhile) are left out. For reading many at once (export)."""
        ...

    def save_answer(self, assessment_id: str, question: str, value: Any,
                    note: str | None = None) -> Assessment:
        """Make `value` the active answer; a different earlier one goes into history."""
        ...

    def deactivate(self, assessment_id: str, questions: list[str],
                   reason: Reason = "not_applicable") -> Assessment:
        """Move these active answers into history (their question no longer applies)."""
        ...

    def complete(self, assessment_id: str, summarise: Summarise | None = None) -> Assessment:
        """Mark the assessment completed, with `summarise` applied to the record as stored
        (under its lock, in the same write); without it, no summary."""
        ...

    def reopen(self, assessment_id: str) -> Assessment:
        """A completed assessment back to in progress (for `edit`); answers untouched."""
        ...

    def list(self, with_summaries: bool = False) -> list[IndexRow]:
        """Every assessment, newest `updated` first; damaged files as rows with status
        "damaged" rather than an error. Completed rows carry their level, and their whole
        summary when asked for."""
        ...

    def find_by_client(self, client: str) -> builtins.list[IndexRow]:
        """Rows whose client matches case-, space- and accent-insensitively."""
        ...

    def delete(self, assessment_id: str) -> None:
        """Erase every trace of the assessment (and a question-set copy nobody uses anymore)."""
        ...

    def delete_many(self, assessment_ids: Iterable[str]) -> None:
        """`delete` of several at once, at the cost of one (index, set copies, folder sync).
        Every id must exist (else NotFound, before anything is erased)."""
        ...

    def put(self, updates: Mapping[str, Update], sets: Mapping[str, str],
            ) -> builtins.list[str]:
        """Write whole records (an import): each update runs under its record's lock and sees
        the stored version, so nothing saved meanwhile is overwritten unseen; each record is
        written in one atomic step. `sets` (hash -> canonical JSON) gives the set copies the
        records need and the store lacks. Returns the ids written, in the order given."""
        ...

    def hold(self, assessment_id: str) -> Hold:
        """Hold the assessment open for this session (an interview) until `release`, or the
        end of the process, a crash included; `OpenElsewhere` if another session holds it.
        Saves do not need it: the store stays right without it."""
        ...

    def question_set_data(self, set_hash: str) -> str:
        """The stored canonical JSON of a question set; `NotFound` if there is no copy (the
        file store raises `SetMissing`, a `NotFound` that is also `Damaged`: a copy a record
        names is gone from the data folder)."""
        ...
