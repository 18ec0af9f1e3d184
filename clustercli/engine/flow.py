"""The steps of `start`, `resume` and `edit` that do not depend on the interface.

Layered answer sources: an answers file first, then what is already stored, then each question's
default. The commands call these, then hand the session to an interface (plain or prompts) and
the driver, or finish it without one (an answers file, no terminal).
"""

from __future__ import annotations

from dataclasses import dataclass

from clustercli.engine import session as sessions
from clustercli.engine.answers_file import GivenAnswers
from clustercli.engine.session import Session
from clustercli.errors import BadInput
from clustercli.i18n import pick, t
from clustercli.questionset.model import QuestionSet
from clustercli.records import IndexRow, Store

SECONDS_PER_QUESTION = 20  # measured by hand on the shipped set: reading, thinking, a key


@dataclass(frozen=True)
class Intro:
    questions: str  # "31–36": how many are asked depends on the answers
    minutes: int


def intro(qset: QuestionSet) -> Intro:
    most = len(qset.questions)
    fewest = sum(1 for q in qset.questions if q.when is None)
    count = str(most) if fewest == most else f"{fewest}–{most}"
    return Intro(count, max(1, round(most * SECONDS_PER_QUESTION / 60)))


def apply_given(session: Session, given: GivenAnswers) -> list[str]:
    """Store the answers of an answers file that apply and keep the undecided ones pending in
    the session; return notices (in the session's language)."""
    lang = session.lang
    notices = []
    if given.not_applicable:
        notices.append(t("engine.file_not_applicable", lang,
                         questions=", ".join(given.not_applicable)))
    for question_id, value in given.answers.items():
        session.answer(session.qset.question(question_id), value)
    session.hold(given.pending)
    left_out = session.take_left_out()  # only when the session already had answers
    if left_out:
        notices.append(t("engine.file_not_applicable", lang, questions=", ".join(left_out)))
    if session.pending_answers():
        notices.append(t("engine.file_pending", lang,
                         questions=", ".join(session.pending_answers())))
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
    for row in store.list():
        if row.status == "in_progress":
            return row
    raise BadInput("engine.nothing_to_resume")


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
