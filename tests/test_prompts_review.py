"""The review on small terminals: every line keeps its answer, no list is taller than the
terminal, "Finish" on every page of the overview."""

from __future__ import annotations

import random

from clustercli.paths import shipped_set
from clustercli.prompts.review import fit
from clustercli.questionset.loader import load
from tests.test_profile_answers import interview, random_chooser
from tests.test_prompts_harness import DOWN, ENTER, EXPECTED, TO_REVIEW, UP, play


def test_fit_shortens_the_question_and_keeps_the_answer():
    assert fit("a  b\nc", " d", 10) == "a b c — d"
    question = "In hoeverre deelt u kennis met andere bedrijven in de regio?"
    line = fit(question, "Helemaal eens (5)", 40)
    assert line.endswith("… — Helemaal eens (5)") and len(line) == 40
    assert line.startswith("In hoeverre deelt")
    assert fit(question, "Eens (4)", 40, mark=" ✎").endswith("… — Eens (4) ✎")


def test_fit_cuts_a_very_long_answer_only_as_a_last_resort():
    line = fit("Which sector are you in?", "x" * 100, 40)
    assert len(line) == 40 and line.startswith("Whic… — x") and line.endswith("x…")
    assert fit("Why?", "x" * 100, 20, mark=" ✎").endswith("x… ✎")


def test_a_long_answer_stays_whole_and_the_question_gives_way():
    answer = "A stronger position in the market, Better quality of our products"
    line = fit("What could working with other firms bring your firm?", answer, 76)
    assert line.endswith(" — " + answer) and "…" in line and len(line) <= 76


def test_review_lines_keep_the_answer_on_a_narrow_terminal():
    played = play(*TO_REVIEW, UP * 2 + ENTER, see=True, columns=30)
    assert "— ICT" in played.screen and "— Yes" in played.screen
    assert "Which sector" in played.screen


SMALL = {"see": True, "rows": 6, "columns": 50, "at_review_of": EXPECTED}
# "More areas" from Finish, then Enter again on it: page 1 -> 2 -> 3 ...
MORE = [UP + ENTER, ENTER, ENTER, ENTER, ENTER]


def test_overview_and_parts_never_need_more_lines_than_the_terminal():
    # 6 rows of 50 columns (the instruction on a line of its own): two answers per part, one
    # part per page of the overview.
    played = play(UP * 2 + ENTER, **SMALL)
    assert played.tallest <= 6
    assert "Overview of your answers (1/5)" in played.screen
    assert "Finish" in played.screen and "More areas (page 2 of 5)" in played.screen
    assert "General questions, page 1 of 3 (2)" in played.screen


def test_every_page_of_the_overview_finishes_and_pages_go_round():
    played = play(ENTER, **SMALL)
    assert played.finished
    played = play(*MORE[:4], DOWN + ENTER, **SMALL)  # Finish, under "More", on the last page
    assert played.finished and "Overview of your answers (5/5)" in played.screen
    assert played.tallest <= 6
    # Round to page 1, into its part, change the sector, then finish.
    played = play(*MORE, UP + ENTER, ENTER, DOWN + ENTER, ENTER, **SMALL)
    assert played.finished and played.record.values() == EXPECTED | {"sector": "other"}


def test_the_shipped_set_in_twelve_rows_of_eighty_columns():
    """The review found the overview scrolling off in such a window, answers cut off."""
    qset = load(shipped_set())
    answers = interview(qset, random_chooser(random.Random(3), complete=True))
    # "More areas" to page 2; its last part; "back to the overview"; Finish on page 2.
    played = play(UP + ENTER, UP + ENTER, UP + ENTER, DOWN * 2 + ENTER, see=True, rows=12,
                  columns=80, lang="nl", qset_path=shipped_set(), at_review_of=answers)
    assert played.finished and played.tallest <= 12
    assert "Overzicht van uw antwoorden (1/" in played.screen
    assert "Overzicht van uw antwoorden (2/" in played.screen
    answered = [line for line in played.screen.splitlines() if " — " in line]
    assert answered and all(not line.rstrip().endswith("—…") for line in answered)
