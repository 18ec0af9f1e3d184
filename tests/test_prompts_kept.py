"""What the user did on a prompt survives help and notes; finished and refused prompts speak the
user's language, without the question ids of the set."""

from __future__ import annotations

import pytest

from tests.test_prompts import variant
from tests.test_prompts_harness import (
    CTRL_G,
    CTRL_N,
    CTRL_U,
    DOWN,
    ENTER,
    LEFT,
    SPACE,
    TO_REVIEW,
    play,
)


@pytest.fixture
def helped_set(tmp_path, valid_text):
    return variant(tmp_path, valid_text, ("sector", "motives", "employees"),
                   "help: {{nl: Hulp {id}., en: Help {id}.}}")


def test_checkbox_ticks_survive_a_note():
    played = play(ENTER, "y", SPACE + DOWN + SPACE, CTRL_N, "Both" + ENTER, ENTER, notes=True)
    assert played.record.answers["motives"].note == "Both"
    assert played.record.values()["motives"] == ["market_position", "new_products"]


def test_checkbox_ticks_and_pointer_survive_help(helped_set):
    # The first ticked and the pointer on the second when help is asked; Space then ticks it.
    played = play(ENTER, "y", SPACE + DOWN, "?", SPACE + ENTER, qset_path=helped_set)
    assert played.notices == ["Help motives."]
    assert played.record.values()["motives"] == ["market_position", "new_products"]


def test_select_pointer_survives_help(helped_set):
    played = play(DOWN, "?", ENTER, qset_path=helped_set)
    assert played.notices == ["Help sector."] and played.record.values()["sector"] == "other"


def test_typed_text_and_cursor_survive_help():
    # Help on remarks comes from the valid set; the cursor stays between "a" and "c".
    played = play(*TO_REVIEW[:7], "ac" + LEFT, CTRL_G, "b" + ENTER)
    assert played.notices == ["Anything you want to add."]
    assert played.record.values()["remarks"] == "abc"


def test_typed_number_survives_help_and_a_note(helped_set):
    played = play(*TO_REVIEW[:6], CTRL_U + "42", CTRL_G, ENTER, qset_path=helped_set)
    assert played.record.values()["employees"] == 42
    played = play(*TO_REVIEW[:6], CTRL_U + "43", CTRL_N, "Guess" + ENTER, ENTER, notes=True)
    assert played.record.values()["employees"] == 43


def test_kept_work_is_only_for_the_same_question():
    # Ticks, then back: the yes/no question is asked afresh, and the checkbox after it too.
    played = play(ENTER, "y", SPACE, LEFT, "y", ENTER, see=True)
    assert "motives" not in played.record.values()
    assert "Tick at least one" in played.screen


@pytest.mark.parametrize(("lang", "yes", "shown"), [
    ("nl", "j", "Waarom werkt u samen? Marktpositie, Nieuwe producten"),
    ("en", "y", "Why do you cooperate? Market position, New products")])
def test_finished_checkbox_shows_the_labels_in_the_users_language(lang, yes, shown):
    played = play(ENTER, yes, SPACE + DOWN + SPACE + ENTER, lang=lang, see=True)
    assert played.record.values()["motives"] == ["market_position", "new_products"]
    assert shown in played.screen
    assert "done" not in played.screen and "selections" not in played.screen


def test_finished_checkbox_with_one_tick_has_no_brackets():
    played = play(ENTER, "j", SPACE + ENTER, lang="nl", see=True)
    assert "Waarom werkt u samen? Marktpositie" in played.screen
    assert "[Marktpositie]" not in played.screen


def test_number_refusal_names_no_question_id():
    played = play(ENTER, "j", *TO_REVIEW[2:6], CTRL_U + "abc" + ENTER, lang="nl", see=True)
    assert "'abc' is geen mogelijk antwoord (toegestaan: een getal van 1 tot 100000)" \
        in played.screen
    assert "employees" not in played.screen
    played = play(*TO_REVIEW[:6], CTRL_U + "0" + ENTER, see=True)
    assert "'0' is not a possible answer (allowed: a number from 1 to 100000)" in played.screen
    assert "employees" not in played.screen


@pytest.fixture
def optional_number(tmp_path, valid_text):
    return variant(tmp_path, valid_text, ("employees",), "required: false")


def test_an_optional_number_may_be_left_empty(optional_number):
    played = play(*TO_REVIEW[:6], CTRL_U + ENTER, qset_path=optional_number, see=True)
    assert "employees" in played.record.values() and played.record.values()["employees"] is None
    assert "(a number from 1 to 100000; Enter to skip)" in played.screen
    assert "This question needs an answer" not in played.screen
