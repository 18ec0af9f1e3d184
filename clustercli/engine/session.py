"""An assessment in progress: the interview's logic joined to the store.

Every answer is saved the moment it is given (the store makes it durable). After each change the
answers whose question stopped applying are moved into history, never deleted, and the caller
learns which ones, to tell the user.

Answers from an answers file whose question is still undecided (it depends on an answer to be
given later) wait here, in memory: each change stores the ones that now apply, without asking,
and sets aside the ones that can no longer apply (see `answers_file.settle`).

A completed assessment opened again (`edit`) is changed through a draft: the store keeps every
change to a completed record apart (`records.Draft`) until `complete` takes it in, so the
session works on `editing_answers` (the answers with the draft's changes on top) and stopping
leaves the completed assessment as it was.

An interview holds its assessment open (`keep_open`, the store's session lock) so that a second
terminal is told it is open elsewhere; `close` lets go, as does the end of the process.

A new assessment begun with `begin` is not stored before its first question is on the screen:
the store and the libraries it needs would delay that question. The interface says when the
question is shown (`Ask.shown`), and the session then stores the assessment in the background
while the user reads (`prepare`); whatever asks for its id first (an answer, a note, a pause)
waits for that, or stores it itself when nothing was shown (an answers file).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from clustercli.engine import answers_file, values
from clustercli.engine.interview import Interview
from clustercli.profile.summary import Summary
from clustercli.questionset import cache
from clustercli.questionset.model import Question, QuestionSet, canonical_json, content_hash
from clustercli.records import Answer, Assessment, Hold, SetRef, Store

_KEEP = object()  # "leave the note as it is"

# The summary of a set's answers (the profile's `summarise`, handed in by the caller: the
# engine does not load the profile before the first question needs it, nor at all for `list`).
SetSummary = Callable[[QuestionSet, Mapping[str, Any]], Summary]


class Session:
    def __init__(self, store: Store | None, record: Assessment, qset: QuestionSet, lang: str,
                 *, open_store: Callable[[], Store] | None = None) -> None:
        """`store` is the store; or None, and `open_store` what opens it: then `record` is a
        new assessment not stored yet, created in the store at its first save."""
        if store is None and open_store is None:
            raise ValueError("a session needs a store or what opens one")
        self._store = store
        self._open_store = open_store
        self._stored = store is not None
        self._storing: threading.Thread | None = None  # see prepare
        self._failure: BaseException | None = None  # what stopped it
        self.record = record
        self.qset = qset
        self.lang = lang
        self._hold: Hold | None = None  # the session lock, once held (see `keep_open`)
        self._hold_when_stored = False  # `begin`: hold it as soon as it is stored
        self._pending_notes: dict[str, str] = {}  # notes typed before the answer
        self._pending_answers: dict[str, Any] = {}  # from an answers file, still undecided
        self._left_out: list[str] = []  # pending answers found not to apply, not yet told

    @property
    def store(self) -> Store:
        self._wait()
        if self._store is None:
            assert self._open_store is not None  # see __init__
            self._store = self._open_store()
        return self._store

    @property
    def id(self) -> str:
        """The assessment's id: asking for it stores a new assessment (its first save)."""
        self._wait()
        if not self._stored:
            self._create()
        return self.record.id

    @property
    def stored(self) -> bool:
        """Whether the assessment is stored (or being stored): False only for a new one whose
        first question was never shown, which has nothing to continue."""
        return self._stored or self._storing is not None

    def prepare(self) -> None:
        """Store a new assessment in the background, while the user reads the question on the
        screen; nothing for one already stored (or being stored)."""
        if self._stored or self._storing is not None:
            return
        self._storing = threading.Thread(target=self._create_aside, name="store", daemon=True)
        self._storing.start()

    def _create_aside(self) -> None:
        try:
            self._create()
        except BaseException as error:  # raised where the id is asked for
            self._failure = error

    def _wait(self) -> None:
        """Wait for `prepare`'s storing (in any other thread); raise what stopped it."""
        storing = self._storing
        if storing is None or storing is threading.current_thread():
            return
        storing.join()
        if self._failure is not None:
            raise self._failure

    def _create(self) -> None:
        new = self.record
        self.record = self.store.create(
            question_set=new.question_set, set_data=canonical_json(self.qset),
            language=new.language, client=new.client, respondent=new.respondent)
        self._stored = True
        if self._hold_when_stored:
            self._hold = self.store.hold(self.record.id)

    def keep_open(self) -> None:
        """Hold the assessment open for this session (`OpenElsewhere` if another session
        has it); a new one is held as soon as it is stored."""
        if not self._stored:
            self._hold_when_stored = True
        elif self._hold is None:
            self._hold = self.store.hold(self.id)

    def close(self) -> None:
        """Let go of the assessment (the session lock); the end of the process does too."""
        self._wait_quietly()
        hold, self._hold = self._hold, None
        if hold is not None:
            hold.release()

    def _wait_quietly(self) -> None:
        storing = self._storing
        if storing is not None and storing is not threading.current_thread():
            storing.join()

    @property
    def editing(self) -> bool:
        """Whether this session changes a completed assessment (`edit`): its changes are a
        draft until it is finished."""
        return self.record.status == "completed"

    @property
    def needs_completing(self) -> bool:
        """Not completed yet, or completed with a draft to take in."""
        return self.record.status != "completed" or self.record.draft is not None

    def _answers(self) -> dict[str, Answer]:
        return self.record.editing_answers()

    def interview(self) -> Interview:
        return Interview(self.qset, self.record.editing_values())

    def unsaved_notes(self) -> list[str]:
        """Questions with a note typed before they had an answer (lost if the user stops)."""
        return list(self._pending_notes)

    def answer(self, q: Question, value: Any, note: Any = _KEEP) -> list[str]:
        """Save an answer; return the ids of answers that no longer apply (now inactive)."""
        value = values.check(q, value, self.lang)
        current = self._answers().get(q.id)
        if current is not None and current.value == value and note is _KEEP \
                and q.id not in self._pending_notes:
            return []  # the same answer again: nothing to save, no draft to start
        if note is _KEEP:
            note = self._pending_notes.pop(q.id, current.note if current else None)
        self.record = self.store.save_answer(self.id, q.id, value, note)
        return self._settle()

    def _settle(self) -> list[str]:
        """Store the pending answers that now apply, then set aside the active answers that
        stopped applying; return the latter."""
        if self._pending_answers:
            settled = answers_file.settle(self.qset, self.record.editing_values(),
                                          self._pending_answers)
            self._pending_answers = settled.pending
            self._left_out += settled.left_out
            for question_id, value in settled.store.items():
                self.record = self.store.save_answer(self.id, question_id, value,
                                                     self._pending_notes.pop(question_id, None))
        dropped = self.interview().no_longer_applicable()
        if dropped:
            self.record = self.store.deactivate(self.id, dropped)
        return dropped

    def hold(self, pending: dict[str, Any]) -> list[str]:
        """Keep answers (checked values) whose question is not decided yet; they are stored
        when it comes to apply. Returns the active answers that stopped applying (if any)."""
        self._pending_answers.update(pending)
        return self._settle()

    def pending_answers(self) -> list[str]:
        """Questions with an answer from the file still waiting (lost if the user stops)."""
        return list(self._pending_answers)

    def take_left_out(self) -> list[str]:
        """Pending answers found not to apply since the last call, to tell the user once."""
        left_out, self._left_out = self._left_out, []
        return left_out

    def note(self, question_id: str) -> str | None:
        if question_id in self._pending_notes:
            return self._pending_notes[question_id]
        answer = self._answers().get(question_id)
        return answer.note if answer else None

    def set_note(self, q: Question, text: str | None) -> None:
        """Attach an advisor's note; kept with the answer (or with the next answer given)."""
        text = (text or "").strip() or None
        current = self._answers().get(q.id)
        if current is None:
            if text:
                self._pending_notes[q.id] = text
            else:
                self._pending_notes.pop(q.id, None)
        elif current.note != text:
            self.record = self.store.save_answer(self.id, q.id, current.value, text)

    def suggestion(self, q: Question) -> Any:
        """What to preselect: the active answer, else the last one that stopped applying,
        else the question's default, else nothing."""
        answers = self._answers()
        if q.id in answers:
            return answers[q.id].value
        draft = self.record.draft
        if draft is not None and q.id in draft.removed and q.id in self.record.answers:
            return self.record.answers[q.id].value  # set aside in this edit
        for entry in reversed([*self.record.history, *(draft.history if draft else ())]):
            if entry.question == q.id and entry.reason == "not_applicable":
                return entry.value
        return q.default

    def complete(self, summarise: SetSummary | None = None) -> None:
        """Completed, with `summarise` (the profile's, `profile.build.summarise`) worked out
        by the store on the record as it stores it: answers another process saved meanwhile
        count too, and an edit's draft is taken in first."""
        if summarise is None:
            self.record = self.store.complete(self.id)
            return
        qset = self.qset
        self.record = self.store.complete(self.id,
                                          lambda record: summarise(qset, record.values()))


def start(store: Store, qset: QuestionSet, lang: str, client: str = "",
          respondent: str = "") -> Session:
    """A new assessment, stored now."""
    session = begin(lambda: store, qset, lang, client, respondent)
    session._create()
    return session


def begin(open_store: Callable[[], Store], qset: QuestionSet, lang: str, client: str = "",
          respondent: str = "") -> Session:
    """A new assessment, stored at its first save (in the store `open_store` opens then)."""
    ref = SetRef(qset.id, qset.version, content_hash(qset))
    draft = Assessment(id="", question_set=ref, language=lang, client=client.strip(),
                       respondent=respondent.strip(), created="", updated="")
    return Session(None, draft, qset, lang, open_store=open_store)


def stored_set(store: Store, record: Assessment) -> QuestionSet:
    """The question set an assessment was started with, from the data folder's copy."""
    return cache.stored(store.question_set_data(record.question_set.hash),
                        f"{record.question_set.id} {record.question_set.version}")


def reopen(store: Store, assessment_id: str, lang: str | None = None) -> Session:
    record = store.load(assessment_id)
    return Session(store, record, stored_set(store, record), lang or record.language)


@dataclass(frozen=True)
class SetChanges:
    """How a newer version of a set differs from the one an assessment was started with."""

    old_version: str
    new_version: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]


def compare_sets(old: QuestionSet, new: QuestionSet) -> SetChanges | None:
    """None when `new` is the same set (same content hash) or a different set altogether."""
    if old.id != new.id or content_hash(old) == content_hash(new):
        return None
    old_q, new_q = old.by_id, new.by_id
    changed = tuple(qid for qid in old_q if qid in new_q and
                    old_q[qid].to_data() != new_q[qid].to_data())
    return SetChanges(old.version, new.version,
                      tuple(qid for qid in new_q if qid not in old_q),
                      tuple(qid for qid in old_q if qid not in new_q), changed)
