"""The interview engine without a terminal: order, conditions, progress, back, review, notes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from clustercli.engine import session as sessions
from clustercli.engine.driver import Change, Give, Paused, Special, run
from clustercli.engine.interview import Interview
from clustercli.questionset.loader import canonical_json, load
from clustercli.storage.memory import MemoryStore
from tests.conftest import VALID_SET

QSET = load(VALID_SET)


class ScriptUI:
    """Plays a script of answers and actions; running out of script is end of input."""

    def __init__(self, *script: Any) -> None:
        self.script = list(script)
        self.asked: list = []
        self.reviews: list = []
        self.notices: list[str] = []

    def _next(self) -> Any:
        if not self.script:
            raise EOFError
        return self.script.pop(0)

    def ask(self, ask):
        self.asked.append(ask)
        step = self._next()
        return step if isinstance(step, Special) else Give(step)

    def review(self, sections, lang):
        self.reviews.append(sections)
        return self._next()

    def ask_note(self, question, current, lang):
        return self._next()

    def notice(self, text):
        self.notices.append(text)


def new_session(lang: str = "en"):
    store = MemoryStore()
    return store, sessions.start(store, QSET, lang, client="Bakkerij Zoë")


FULL = ["ict", True, ["new_products"], 4, 2, "weekly", 12, "fine"]


def test_order_and_conditions():
    interview = Interview(QSET, {})
    assert [q.id for q in interview.applicable()] == [
        "sector", "cooperates", "trust_1", "trust_2", "trust_3", "employees", "remarks"]
    interview = Interview(QSET, {"cooperates": True})
    assert "motives" in [q.id for q in interview.applicable()]


def test_progress_counts_only_applicable_questions():
    assert Interview(QSET, {}).progress("trust_1").total == 7
    with_motives = Interview(QSET, {"cooperates": True})
    assert with_motives.progress("trust_1") == with_motives.progress("trust_1").__class__(4, 8)


def test_full_run_completes_and_saves_every_answer():
    store, session = new_session()
    ui = ScriptUI(*FULL, Special.FINISH)
    run(session, ui)
    record = store.load(session.id)
    assert record.values() == dict(zip(["sector", "cooperates", "motives", "trust_1", "trust_2",
                                        "trust_3", "employees", "remarks"], FULL, strict=True))
    assert [a.progress.number for a in ui.asked] == list(range(1, 9))
    assert {a.progress.total for a in ui.asked} == {7, 8}


def test_back_at_first_question_stays_there():
    _, session = new_session()
    ui = ScriptUI(Special.BACK, "ict")
    with pytest.raises(Paused):
        run(session, ui)
    assert [a.question.id for a in ui.asked[:2]] == ["sector", "sector"]
    assert ui.notices == ["This is the first question; there is nothing before it."]
    assert ui.asked[0].can_go_back is False


def test_back_shows_previous_answer_and_continues_at_first_unanswered():
    store, session = new_session()
    ui = ScriptUI("ict", True, Special.BACK, Special.BACK, "other", ["market_position"])
    with pytest.raises(Paused):
        run(session, ui)
    asked = [a.question.id for a in ui.asked]
    assert asked == ["sector", "cooperates", "motives", "cooperates", "sector", "motives",
                     "trust_1"]
    assert ui.asked[3].suggestion is True  # going back shows the answer given
    assert store.load(session.id).values()["sector"] == "other"
    assert [h.value for h in store.load(session.id).history] == ["ict"]


def test_review_change_makes_dependents_inactive_and_asks_new_ones():
    store, session = new_session()
    ui = ScriptUI(*FULL, Change("cooperates"), False, Change("cooperates"), True,
                  ["market_position"], Special.FINISH)
    run(session, ui)
    record = store.load(session.id)
    assert record.values()["motives"] == ["market_position"]
    inactive = [(h.question, h.reason) for h in record.history]
    assert ("motives", "not_applicable") in inactive
    assert ("cooperates", "changed") in inactive
    assert any("no longer appl" in n and "Why do you cooperate?" in n for n in ui.notices)
    # when motives applied again, the earlier answer was offered
    assert ui.asked[-1].question.id == "motives" and ui.asked[-1].suggestion == ["new_products"]


def test_review_groups_by_dimension():
    _, session = new_session()
    ui = ScriptUI(*FULL, Special.PAUSE)
    with pytest.raises(Paused):
        run(session, ui)
    titles = [section.title for section in ui.reviews[0]]
    assert titles == ["General questions", "Trust"]
    trust = ui.reviews[0][1]
    assert [item.answer for item in trust.items] == ["Agree (4)", "Disagree (2)", "Weekly"]


def test_back_from_review_goes_to_last_question():
    _, session = new_session()
    ui = ScriptUI(*FULL, Special.BACK, "changed", Special.FINISH)
    run(session, ui)
    assert ui.asked[-1].question.id == "remarks"
    assert session.record.answers["remarks"].value == "changed"


def test_defaults_are_suggested():
    _, session = new_session()
    ui = ScriptUI("ict", False, 3, 3, "never")
    with pytest.raises(Paused):
        run(session, ui)
    assert ui.asked[-1].question.id == "employees" and ui.asked[-1].suggestion == 5


def test_notes_are_stored_with_the_answer_and_shown_on_review():
    store, session = new_session()
    ui = ScriptUI(Special.NOTE, "Owner unsure; check later", "ict", Special.PAUSE)
    with pytest.raises(Paused):
        run(session, ui, notes=True)
    assert store.load(session.id).answers["sector"].note == "Owner unsure; check later"
    assert ui.asked[1].note == "Owner unsure; check later"


def test_note_on_an_answered_question_keeps_the_old_note_in_history():
    store, session = new_session()
    session.answer(QSET.question("sector"), "ict")
    session.set_note(QSET.question("sector"), "first")
    session.set_note(QSET.question("sector"), "second")
    record = store.load(session.id)
    assert record.answers["sector"].note == "second"
    assert [h.note for h in record.history if h.question == "sector"] == [None, "first"]


def test_note_action_ignored_without_notes():
    _, session = new_session()
    ui = ScriptUI(Special.NOTE, "ict")
    with pytest.raises(Paused):
        run(session, ui, notes=False)
    assert session.record.answers["sector"].note is None


def test_help_shows_help_or_says_there_is_none():
    _, session = new_session()
    ui = ScriptUI(Special.HELP, "ict")
    with pytest.raises(Paused):
        run(session, ui)
    assert ui.notices == ["There is no extra explanation for this question."]


@pytest.mark.parametrize("stop", [Special.PAUSE, KeyboardInterrupt, EOFError])
def test_pause_ctrl_c_and_end_of_input_keep_answers(stop):
    store, session = new_session()

    class Stopping(ScriptUI):
        def ask(self, ask):
            if len(self.asked) == 2 and stop is not Special.PAUSE:
                raise stop
            return super().ask(ask)

    ui = Stopping("ict", True, Special.PAUSE)
    with pytest.raises(Paused):
        run(session, ui)
    assert store.load(session.id).values() == {"sector": "ict", "cooperates": True}


def test_invalid_value_is_refused_with_the_allowed_values():
    _, session = new_session()
    ui = ScriptUI("bakery", "ict")
    with pytest.raises(Paused):
        run(session, ui)
    assert "'bakery' is not a possible answer" in ui.notices[0] and "ict, other" in ui.notices[0]
    assert session.record.values() == {"sector": "ict"}


def test_edit_starts_at_review():
    store, session = new_session()
    run(session, ScriptUI(*FULL, Special.FINISH))
    session.complete()
    again = sessions.reopen(store, session.id)
    ui = ScriptUI(Change("trust_1"), 5, Special.FINISH)
    run(again, ui, start_at_review=True)
    assert [a.question.id for a in ui.asked] == ["trust_1"]
    stored = store.load(session.id)  # a draft until the edit is finished: still completed
    assert (stored.status, stored.values()["trust_1"]) == ("completed", 4)
    assert stored.editing_values()["trust_1"] == 5 and again.needs_completing
    again.complete()
    assert store.load(session.id).values()["trust_1"] == 5


def test_stored_set_is_used_on_reopen():
    store, session = new_session()
    again = sessions.reopen(store, session.id)
    assert again.qset == QSET and again.lang == "en"


def test_set_changes_are_described():
    changed = replace(QSET, version="1.1", questions=[
        replace(q, text={"nl": "x", "en": "Sector?"}) if q.id == "sector" else q
        for q in QSET.questions if q.id != "remarks"])
    changes = sessions.compare_sets(QSET, changed)
    assert changes.removed == ("remarks",) and changes.changed == ("sector",)
    assert changes.added == () and (changes.old_version, changes.new_version) == ("1.0", "1.1")
    assert sessions.compare_sets(QSET, QSET) is None


def test_intro_gives_the_range_of_questions_asked():
    from clustercli.engine.flow import intro

    info = intro(QSET, "en")
    assert info.title == "Test set"
    assert info.lines[0] == "It has 7–8 questions and takes about 3 minutes."


def test_a_begun_assessment_opens_the_store_and_is_stored_at_its_first_save():
    store = MemoryStore()
    opened: list[MemoryStore] = []

    def open_store() -> MemoryStore:
        opened.append(store)
        return store

    session = sessions.begin(open_store, QSET, "en", client=" Bakkerij ", respondent="owner")
    with pytest.raises(Paused):  # help on the first question, then end of input
        run(session, ScriptUI(Special.HELP), notes=True)
    assert opened == [] and store.list() == []  # nothing to keep yet
    assert session.suggestion(QSET.question("employees")) == 5
    with pytest.raises(Paused):
        run(session, ScriptUI("ict"))
    assert opened == [store]
    [row] = store.list()
    record = store.load(row.id)
    assert (record.id, record.client, record.respondent) == (session.id, "Bakkerij", "owner")
    assert record.values() == {"sector": "ict"}
    assert store.question_set_data(record.question_set.hash) == canonical_json(QSET)


def test_a_begun_assessment_paused_before_any_answer_is_stored_when_its_id_is_asked():
    store = MemoryStore()
    session = sessions.begin(lambda: store, QSET, "nl")
    assert store.list() == []
    assessment_id = session.id  # what `resume` will need: the pause message names it
    assert [row.id for row in store.list()] == [assessment_id]
    assert session.id == assessment_id and len(store.list()) == 1
