"""The terminal interview through a prompt_toolkit pipe: every type, back, help, note, review."""

from __future__ import annotations

import pytest

from tests.test_prompts_harness import (
    CTRL_G,
    CTRL_N,
    CTRL_T,
    CTRL_U,
    DOWN,
    ENTER,
    EXPECTED,
    LEFT,
    SPACE,
    TO_REVIEW,
    UP,
    play,
)


def variant(folder, text: str, questions: tuple[str, ...], line: str):
    """The valid set with `line` ({id} filled in) added to each of `questions`."""
    for question in questions:
        text = text.replace(f"  - id: {question}\n",
                            f"  - id: {question}\n    {line.format(id=question)}\n")
    path = folder / "variant.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def helped_set(tmp_path, valid_text):
    """Help on the choice, yes/no, checkbox and scale questions too."""
    return variant(tmp_path, valid_text, ("sector", "cooperates", "motives", "trust_1"),
                   "help: {{nl: Hulp {id}., en: Help {id}.}}")


def test_whole_interview_with_every_type_then_finish():
    played = play(*TO_REVIEW, ENTER)  # the review starts on "Finish"
    assert played.finished and played.record.values() == EXPECTED


def test_dutch_ja_nee_with_j_and_n():
    played = play(ENTER, "j", SPACE + ENTER, lang="nl")
    assert played.record.values()["cooperates"] is True
    played = play(ENTER, "n", lang="nl")
    assert played.record.values()["cooperates"] is False


def test_english_yes_no_and_j_is_not_an_answer_there():
    played = play(ENTER, "j", "n")
    assert played.record.values()["cooperates"] is False
    played = play(ENTER, DOWN + ENTER)
    assert played.record.values()["cooperates"] is False


def test_scale_offers_unknown_last_and_choice_by_arrows():
    played = play(DOWN + ENTER, "n", DOWN * 5 + ENTER, UP + ENTER)
    assert played.record.values() == {"sector": "other", "cooperates": False,
                                      "trust_1": "unknown", "trust_2": 5}


# Keys arrive faster than the screen is redrawn, so a message is checked on the last screen:
# the keys end right after the refused answer (and end of input pauses the interview).

def test_checkbox_refuses_an_empty_answer_and_ticks_several():
    played = play(ENTER, "y", ENTER, see=True)
    assert not played.finished and "motives" not in played.record.values()
    assert "Tick at least one with the space bar" in played.screen
    played = play(ENTER, "y", ENTER, SPACE + DOWN + SPACE + ENTER)
    assert played.record.values()["motives"] == ["market_position", "new_products"]


def test_number_is_checked_by_the_engine_and_the_default_is_preselected():
    played = play(*TO_REVIEW[:6], CTRL_U + "twelve" + ENTER, see=True)
    assert "'twelve' is not a possible answer (allowed: a number from 1 to 100000)" \
        in played.screen
    played = play(*TO_REVIEW[:6], CTRL_U + "0" + ENTER, see=True)
    assert "'0' is not a possible answer" in played.screen
    played = play(*TO_REVIEW[:6], CTRL_U + "twelve" + ENTER, CTRL_U + "7" + ENTER)
    assert played.record.values()["employees"] == 7
    played = play(*TO_REVIEW[:6], ENTER)
    assert played.record.values()["employees"] == 5  # the default, kept with Enter


def test_optional_text_may_stay_empty_and_required_answers_keep_their_suggestion():
    played = play(*TO_REVIEW[:7], ENTER, ENTER)
    assert played.finished and played.record.values()["remarks"] == ""


def test_progress_line_and_hint_line_are_shown():
    played = play(ENTER, "y", see=True)
    assert "Question 1 of 7 · General questions" in played.screen
    assert "Question 2 of 7 · General questions" in played.screen
    assert "Ctrl-P pause" in played.screen and "← < back" in played.screen
    first_hint = played.screen.split("Question 2 of 7")[0]
    assert "back" not in first_hint  # nothing before the first question


def test_back_with_left_arrow_less_than_and_ctrl_t():
    played = play(ENTER, LEFT, DOWN + ENTER, "y", "<", "n")
    assert played.record.values() == {"sector": "other", "cooperates": False}
    played = play(*TO_REVIEW[:6], CTRL_T, UP + ENTER, CTRL_U + "3" + ENTER)
    assert played.record.values()["trust_3"] == "monthly"
    assert played.record.values()["employees"] == 3


def test_text_prompt_types_less_than_and_question_mark():
    played = play(*TO_REVIEW[:7], "<?" + ENTER)
    assert played.record.values()["remarks"] == "<?"


def test_help_on_a_text_prompt_is_ctrl_g():
    played = play(*TO_REVIEW[:7], CTRL_G, "ok" + ENTER)
    assert played.notices == ["Anything you want to add."]
    assert played.record.values()["remarks"] == "ok"


def test_help_with_question_mark_on_every_list_type(helped_set):
    played = play("?", ENTER, "?", "y", "?", SPACE + ENTER, "?", ENTER, qset_path=helped_set)
    assert played.notices == ["Help sector.", "Help cooperates.", "Help motives.",
                              "Help trust_1."]
    assert played.record.values()["trust_1"] == 1


def test_help_key_is_not_offered_without_help():
    played = play("?", ENTER, see=True)
    assert played.notices == [] and played.record.values() == {"sector": "ict"}
    assert "? help" not in played.screen


def test_note_on_a_list_and_on_a_text_prompt():
    played = play(CTRL_N, "Wants to grow" + ENTER, ENTER, *TO_REVIEW[1:7],
                  CTRL_N, "Said a lot" + ENTER, "fine" + ENTER, notes=True, see=True)
    assert played.record.answers["sector"].note == "Wants to grow"
    assert played.record.answers["remarks"].note == "Said a lot"
    assert "Ctrl-N note" in played.screen


def test_note_can_be_changed_and_removed():
    played = play(CTRL_N, "First" + ENTER, CTRL_N, CTRL_U + "Second" + ENTER, ENTER,
                  CTRL_N, "Gone" + ENTER, CTRL_N, CTRL_U + ENTER, "y", notes=True)
    assert played.record.answers["sector"].note == "Second"
    assert played.record.answers["cooperates"].note is None


def test_note_keys_do_nothing_without_client():
    played = play(CTRL_N, ENTER, see=True)
    assert played.record.values() == {"sector": "ict"} and "note" not in played.screen


def test_review_two_levels_change_an_answer_then_finish():
    # Overview: [General questions, Trust, Finish], pointing at Finish.
    played = play(*TO_REVIEW, UP * 2 + ENTER, ENTER, DOWN + ENTER, ENTER, see=True)
    assert played.finished and played.record.values()["sector"] == "other"
    assert "General questions (5)" in played.screen and "Trust (3)" in played.screen
    assert "Which sector are you in? — ICT" in played.screen


def test_review_back_from_a_part_and_from_the_overview():
    played = play(*TO_REVIEW, UP + ENTER, LEFT, LEFT, "other" + ENTER, ENTER)
    assert played.finished and played.record.values()["remarks"] == "all fineother"


def test_review_back_entry_returns_to_the_overview():
    # Trust's page ends in "Back to the overview"; the overview then points at Trust.
    played = play(*TO_REVIEW, UP + ENTER, UP + ENTER, DOWN + ENTER)
    assert played.finished


def test_changing_an_answer_on_the_review_asks_newly_applicable_questions():
    answers = {k: v for k, v in EXPECTED.items() if k != "motives"} | {"cooperates": False}
    played = play(UP * 2 + ENTER, DOWN + ENTER, "y", DOWN + SPACE + ENTER, ENTER,
                  at_review_of=answers)
    assert played.finished and played.record.values()["motives"] == ["new_products"]


def test_edit_starts_at_the_review_with_suggestions_preselected():
    played = play(UP * 2 + ENTER, DOWN * 3 + ENTER, ENTER, ENTER, at_review_of=EXPECTED)
    assert played.finished and played.record.values() == EXPECTED  # Enter kept "12"


@pytest.fixture
def unknown_set(tmp_path, valid_text):
    """"Don't know" allowed on the checkbox and the number question too."""
    return variant(tmp_path, valid_text, ("motives", "employees"), "allow_unknown: true")


def test_checkbox_unknown_only_on_its_own(unknown_set):
    mixed = SPACE + DOWN * 2 + SPACE + ENTER  # market position and "don't know"
    played = play(ENTER, "y", mixed, qset_path=unknown_set, see=True)
    assert "'Don't know / not applicable' cannot go together with other answers." \
        in played.screen
    assert "motives" not in played.record.values()
    played = play(ENTER, "y", DOWN * 2 + SPACE + ENTER, qset_path=unknown_set)
    assert played.record.values()["motives"] == "unknown"


def test_number_unknown_typed_and_kept_as_suggestion(unknown_set):
    played = play(*TO_REVIEW[:6], CTRL_U + "weet niet" + ENTER, qset_path=unknown_set)
    assert played.record.values()["employees"] == "unknown"
    answers = EXPECTED | {"employees": "unknown"}
    played = play(UP * 2 + ENTER, DOWN * 3 + ENTER, ENTER, ENTER, qset_path=unknown_set,
                  at_review_of=answers)
    assert played.finished and played.record.values()["employees"] == "unknown"
