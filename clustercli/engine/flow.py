"""The steps of `start`, `resume` and `edit` that do not depend on the interface.

Layered answer sources: an answers file first, then what is already stored, then each question's
default. The commands call these, then hand the session to an interface (plain or prompts) and
the driver, or finish it without one (an answers file, no terminal).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from clustercli import clock
from clustercli.engine import session as sessions
from clustercli.engine.answers_file import GivenAnswers
from clustercli.engine.session import Session
from clustercli.errors import BadInput
from clustercli.i18n import pick, t
from clustercli.names import visible
from clustercli.questionset.model import QuestionSet
from clustercli.records import Assessment, IndexRow, Store

SECONDS_PER_QUESTION = 20  # measured by hand on the shipped set: reading, thinking, a key


@dataclass(frozen=True)
class Intro:
    """What opens the interview: the set's own title, then what it is (the set's own
    description), how long it takes, and that the answers stay here."""

    title: str
    lines: tuple[str, ...]


def most_asked(qset: QuestionSet) -> int:
    """How many questions one user can be asked at most, as near as the conditions tell
    without trying every answer: questions that apply only to some values of one earlier
    question (the follow-ups of each sector) count once per value, not all together."""
    from clustercli.conditions.terms import QuestionTerm

    groups: dict[str, dict[Any, int]] = {}
    most = 0
    for q in qset.questions:
        when = q.when
        if isinstance(when, QuestionTerm) and when.op in ("equals", "in"):
            counts = groups.setdefault(when.question, {})
            for value in (when.value if when.op == "in" else (when.value,)):
                counts[json.dumps(value)] = counts.get(json.dumps(value), 0) + 1
        else:
            most += 1  # unconditional, or a condition we do not take apart: may apply
    return most + sum(max(counts.values()) for counts in groups.values() if counts)


def intro(qset: QuestionSet, lang: str) -> Intro:
    most = most_asked(qset)
    fewest = sum(1 for q in qset.questions if q.when is None)
    count = str(most) if fewest == most else f"{fewest}–{most}"  # depends on the answers
    minutes = max(1, round(most * SECONDS_PER_QUESTION / 60))
    about = pick(qset.description, lang) if qset.description else ""
    length = t("engine.intro_length", lang, questions=count, minutes=minutes, count=most)
    return Intro(pick(qset.title, lang) or qset.id,
                 tuple(line for line in (about, length, t("engine.intro_privacy", lang))
                       if line))


def question_list(qset: QuestionSet, ids: Iterable[str], lang: str,
                  with_ids: bool = False) -> str:
    """Questions named for people, one per line ("\n  - In welke sector ...?"), so that no
    two texts run into each other; `with_ids` adds each id (what an answers file uses)."""
    lines = []
    for question_id in ids:
        question = qset.by_id.get(question_id)
        text = pick(question.text, lang) if question else question_id
        lines.append(f"\n  - {question_id}: {text}" if with_ids and question else
                     f"\n  - {text}")
    return "".join(lines)


def apply_given(session: Session, given: GivenAnswers) -> list[str]:
    """Store the answers of an answers file that apply and keep the undecided ones pending in
    the session; return notices (in the session's language), naming questions by their text."""
    lang, qset = session.lang, session.qset
    notices = []
    if given.not_applicable:
        notices.append(t("engine.file_not_applicable", lang,
                         questions=question_list(qset, given.not_applicable, lang)))
    for question_id, value in given.answers.items():
        session.answer(qset.question(question_id), value)
    session.hold(given.pending)
    left_out = session.take_left_out()  # only when the session already had answers
    if left_out:
        notices.append(t("engine.file_not_applicable", lang,
                         questions=question_list(qset, left_out, lang)))
    if session.pending_answers():
        notices.append(t("engine.file_pending", lang,
                         questions=question_list(qset, session.pending_answers(), lang)))
    return notices


def fill_defaults(session: Session) -> None:
    """Without a terminal, a question's default stands in for a missing answer."""
    while True:
        interview = session.interview()
        q = next((q for q in interview.applicable()
                  if q.id not in interview.answers and q.default is not None), None)
        if q is None:
            return
        session.answer(q, q.default)  # may make later questions apply: look again


def missing_after_defaults(session: Session) -> list[str]:
    fill_defaults(session)
    return [q.id for q in session.interview().missing_required()]


def latest_unfinished(store: Store) -> IndexRow:
    """The unfinished work changed last: a self-check in progress, or an edit of a completed
    one that was stopped (its draft)."""
    rows = [row for row in store.list() if row.status == "in_progress" or row.draft]
    if not rows:
        raise BadInput("engine.nothing_to_resume")
    return max(rows, key=lambda row: row.draft or row.updated)


def _who(record: Assessment, lang: str) -> str:
    client, respondent = visible(record.client), visible(record.respondent)
    if client and respondent:
        return t("engine.who_both", lang, client=client, respondent=respondent)
    if client:
        return t("engine.who_client", lang, client=client)
    if respondent:
        return t("engine.who_respondent", lang, respondent=respondent)
    return ""


def opened(session: Session) -> str:
    """Which self-check was opened, and where it goes on: said before its first question, so
    that `resume` without an id never continues one the user did not mean."""
    record, lang = session.record, session.lang
    who = _who(record, lang)
    if record.draft is not None:
        return t("engine.opened_draft", lang, who=who, date=clock.local(record.completed or
                                                                          record.updated),
                 count=record.draft.changes())
    interview = session.interview()
    question = interview.next_unanswered()
    date = clock.local(record.created)
    if question is None:
        return t("engine.opened_review", lang, who=who, date=date)
    progress = interview.progress(question.id)
    return t("engine.opened", lang, who=who, date=date, number=progress.number,
             total=progress.total)


def set_change_notice(session: Session, current: QuestionSet | None) -> str | None:
    """If the shipped set changed since this assessment began, say how; it goes on with the
    version it was started with, so its answers and scores keep their meaning."""
    if current is None:
        return None
    changes = sessions.compare_sets(session.qset, current)
    if changes is None:
        return None
    lang = session.lang

    def names(ids: tuple[str, ...], qset: QuestionSet) -> str:
        return "; ".join(pick(qset.question(qid).text, lang) for qid in ids) or "-"

    return t("engine.set_changed", lang, old=changes.old_version, new=changes.new_version,
             added=names(changes.added, current), removed=names(changes.removed, session.qset),
             changed=names(changes.changed, current))
