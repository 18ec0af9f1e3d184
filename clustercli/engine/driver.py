"""The interview loop: ask, save, navigate, review — for any user interface.

The loop is the same for the plain text mode and for the full-screen prompts; a `UserInterface`
only shows what it is given and returns what the user chose. Special actions (back, help, note,
pause) come back as `Special` values, so no interface needs to know how navigation works.
Pausing, Ctrl-C and end of input all end the loop with `Paused`; answers are already saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

from clustercli.engine import values
from clustercli.engine.flow import question_list
from clustercli.engine.interview import OTHER_GROUP, Progress
from clustercli.engine.session import Session
from clustercli.i18n import pick, t
from clustercli.paths import SHIPPED_SET_ID
from clustercli.questionset.model import Question


class Special(Enum):
    BACK = "back"
    HELP = "help"
    NOTE = "note"
    PAUSE = "pause"
    FINISH = "finish"  # review only


@dataclass(frozen=True)
class Give:
    value: Any


@dataclass(frozen=True)
class Change:
    question_id: str  # review: the user wants to change this answer


@dataclass(frozen=True)
class Ask:
    """Everything an interface needs to show one question."""

    question: Question
    lang: str
    progress: Progress
    section: str  # the dimension's title, or the heading of unscored questions
    suggestion: Any  # the value to preselect (current answer, earlier answer, default) or None
    can_go_back: bool
    notes: bool  # whether the note action is offered (advisor mode: --client)
    note: str | None
    # Called by the interface once the question is on the screen: the session uses the time
    # the user reads it (a new assessment is stored meanwhile, see Session.prepare).
    shown: Callable[[], None] = lambda: None


@dataclass(frozen=True)
class ReviewItem:
    question: Question
    answer: str  # the answer in words
    note: str | None


@dataclass(frozen=True)
class ReviewSection:
    title: str
    items: tuple[ReviewItem, ...]


class UserInterface(Protocol):
    def ask(self, ask: Ask) -> Give | Special: ...

    def review(self, sections: list[ReviewSection], lang: str) -> Change | Special: ...

    def ask_note(self, question: Question, current: str | None, lang: str) -> str | None: ...

    def notice(self, text: str) -> None: ...


class Paused(Exception):
    """The user stopped (pause, Ctrl-C, end of input). Everything answered is saved."""


def _unscored_title(session: Session) -> str:
    """The heading of the questions that count towards no area: "Over uw bedrijf" in the
    shipped set, whose such questions are all about the firm; a neutral "Algemene vragen" in
    a set of one's own (`--questions`), which may ask anything."""
    key = "engine.section_profile" if session.qset.id == SHIPPED_SET_ID else \
        "engine.section_general"
    return t(key, session.lang)


def section_title(session: Session, question: Question) -> str:
    if question.dimension and question.dimension in session.qset.dimension_by_id:
        return pick(session.qset.dimension_by_id[question.dimension].title, session.lang)
    return _unscored_title(session)


def review_sections(session: Session) -> list[ReviewSection]:
    interview, lang = session.interview(), session.lang
    sections = []
    for group in interview.review_groups():
        if group.dimension == OTHER_GROUP:
            title = _unscored_title(session)
        else:
            title = pick(session.qset.dimension_by_id[group.dimension].title, lang)
        items = tuple(ReviewItem(q, values.label(q, interview.answers[q.id], lang),
                                 session.note(q.id)) for q in group.questions)
        sections.append(ReviewSection(title, items))
    return sections


def run(session: Session, ui: UserInterface, *, notes: bool = False,
        start_at_review: bool = False, shown: Callable[[], None] = lambda: None) -> None:
    """Ask until every applicable question is answered and the user finishes the review.
    `shown` is called each time a question is on the screen (the session's own work first)."""
    current: Question | None = None
    at_review = start_at_review

    def on_screen() -> None:
        session.prepare()
        shown()

    try:
        while True:
            interview = session.interview()
            if current is None and not at_review:
                current = interview.next_unanswered()
            if current is None:
                choice = ui.review(review_sections(session), session.lang)
                at_review = False
                if choice is Special.FINISH:
                    missing = interview.next_unanswered()
                    if missing is None:
                        return
                    current = missing  # a newly applicable question: ask it first
                elif choice is Special.PAUSE:
                    raise Paused
                elif choice is Special.BACK:
                    current = interview.previous(None)
                elif isinstance(choice, Change):
                    current = session.qset.question(choice.question_id)
                continue
            action = ui.ask(Ask(current, session.lang, interview.progress(current.id),
                                section_title(session, current), session.suggestion(current),
                                interview.previous(current.id) is not None, notes,
                                session.note(current.id), on_screen))
            current = _act(session, ui, current, action, notes)
    except (KeyboardInterrupt, EOFError, Paused):
        _tell_pending(session, ui)
        raise Paused from None


def _tell_pending(session: Session, ui: UserInterface) -> None:
    """Answers from the file still waiting live only in memory: say they were not kept."""
    pending = session.pending_answers()
    if pending:
        ui.notice(t("engine.file_pending_lost", session.lang,
                    questions=question_list(session.qset, pending, session.lang)))


def _act(session: Session, ui: UserInterface, current: Question, action: Give | Special,
         notes: bool) -> Question | None:
    """Carry out one action; return the question to show next (None: continue in order)."""
    lang = session.lang
    if isinstance(action, Give):
        try:
            dropped = session.answer(current, action.value)
        except values.AnswerError as error:
            ui.notice(t(error.key, lang, **error.params))
            return current
        if dropped:
            ui.notice(t("engine.dropped", lang, count=len(dropped),
                        questions=question_list(session.qset, dropped, lang)))
        left_out = session.take_left_out()  # pending answers from the file that cannot apply
        if left_out:
            ui.notice(t("engine.file_not_applicable", lang,
                        questions=question_list(session.qset, left_out, lang)))
        return None
    if action is Special.BACK:
        previous = session.interview().previous(current.id)
        if previous is None:
            ui.notice(t("engine.first_question", lang))
            return current
        return previous
    if action is Special.HELP:
        ui.notice(pick(current.help, lang) if current.help else t("engine.no_help", lang))
        return current
    if action is Special.NOTE and notes:
        session.set_note(current, ui.ask_note(current, session.note(current.id), lang))
        return current
    if action is Special.PAUSE:
        raise Paused
    return current
