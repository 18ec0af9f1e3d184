"""Plain mode's interface on its own: numbered answers, commands, refusals, review."""

from __future__ import annotations

import pytest

from clustercli.engine import session as sessions
from clustercli.engine.driver import Paused, run
from clustercli.plain import PlainUI
from clustercli.questionset.loader import load
from clustercli.storage.memory import MemoryStore
from tests.conftest import VALID_SET

QSET = load(VALID_SET)


def play(lines: list[str], lang: str = "en", notes: bool = False, width: int | None = None,
         qset=QSET):
    """Run the interview on typed lines; return (store, session, everything written)."""
    store = MemoryStore()
    session = sessions.start(store, qset, lang, client="x" if notes else "")
    typed = iter(lines)
    written: list[str] = []

    def read(prompt: str) -> str:
        written.append(prompt)
        try:
            return next(typed)
        except StopIteration:
            raise EOFError from None

    ui = PlainUI(read=read, write=written.append, width=width)
    ui.commands_hint(lang, notes)
    try:
        run(session, ui, notes=notes)
        finished = True
    except Paused:
        finished = False
    return store.load(session.id), finished, "\n".join(written)


FULL_TYPED = ["1", "ja", "2,1", "4", "2", "3", "12", "all fine", ""]


def test_full_run_by_numbers_and_words():
    record, finished, out = play(FULL_TYPED)
    assert finished
    assert record.values() == {"sector": "ict", "cooperates": True,
                               "motives": ["new_products", "market_position"], "trust_1": 4,
                               "trust_2": 2, "trust_3": "weekly", "employees": 12,
                               "remarks": "all fine"}
    assert "Question 1 of 7 · General questions" in out
    assert "Question 4 of 8 · Trust" in out
    assert "  1. ICT" in out and "  6. Don't know / not applicable" in out
    assert "Overview of your answers" in out and "== Trust ==" in out


def test_keys_labels_and_unknown_words_are_understood():
    record, _, _ = play(["other", "no", "weet niet", "1", "Weekly", "3"])
    assert record.values() == {"sector": "other", "cooperates": False, "trust_1": "unknown",
                               "trust_2": 1, "trust_3": "weekly", "employees": 3}


def test_invalid_answer_is_one_short_sentence_with_the_numbers():
    """Point 7: the numbers to type, not the internal keys or the question's id."""
    record, _, out = play(["9", "1"])
    assert "'9' is not one of the answers. Type a number from 1 to 2." in out
    assert "sector" not in out.replace("Which sector", "") and "ict, other" not in out
    assert record.values() == {"sector": "ict"}
    _, _, out = play(["1", "ja", "9"], lang="nl")  # several answers: numbers with commas
    assert "Typ nummers van 1 tot en met 2, met komma's ertussen." in out
    _, _, out = play([*FULL_TYPED[:6], "twelve"])  # a typed number: what it takes, in words
    assert "'twelve' is not a possible answer. Type a number from 1 to 100000." in out


def test_enter_keeps_the_default_and_skips_optional_questions():
    record, finished, out = play(["1", "nee", "3", "3", "1", "", "", ""])
    assert finished and record.values()["employees"] == 5 and record.values()["remarks"] == ""
    assert "[Enter keeps: 5]" in out


def test_required_question_needs_an_answer():
    _, _, out = play([""])
    assert "This question needs an answer." in out


def test_commands_back_help_pause():
    record, finished, out = play(["1", ":terug", "2", ":back", ":help", ":pause"])
    assert not finished
    assert record.values() == {"sector": "other"}
    assert "There is no extra explanation for this question." in out
    assert "Commands: ':back' previous question" in out


def test_unknown_command_is_not_an_answer():
    record, _, out = play([":skip", "1"])
    assert "Unknown command :skip." in out and record.values() == {"sector": "ict"}


def test_note_only_in_advisor_mode():
    _, _, out = play([":skip", ":note", "1"])
    assert "Notes are only available in advisor mode" in out
    # never offered where notes are off (point 7)
    assert "The commands are :back, :help and :pause." in out and ":note'" not in out
    _, _, out = play([":skip"], notes=True)
    assert "The commands are :back, :help, :pause and :note." in out
    record, _, out = play([":notitie", "Wants to grow abroad", "1"], notes=True)
    assert record.answers["sector"].note == "Wants to grow abroad"
    assert "':note' adds a note" in out


def test_review_change_by_number():
    record, finished, out = play([*FULL_TYPED[:-1], "1", "2", "9", ""])
    assert finished and record.values()["sector"] == "other"
    assert "Type a number from 1 to 8, or press Enter to finish." in out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_both_languages(lang):
    _, _, out = play(["1"], lang=lang)
    assert ("Vraag 1 van 7" if lang == "nl" else "Question 1 of 7") in out
    assert ("Opdrachten: ':terug'" if lang == "nl" else "Commands: ':back'") in out


def test_end_of_input_in_the_middle_of_a_line_goes_to_a_new_line():
    """Point 7: what is said after Ctrl-C or the end of input starts on a line of its own."""
    written: list[str] = []

    def cut_off(prompt: str) -> str:
        written.append(prompt)
        raise KeyboardInterrupt

    ui = PlainUI(read=cut_off, write=written.append)
    session = sessions.start(MemoryStore(), QSET, "en")
    with pytest.raises(Paused):
        run(session, ui)
    ui.end_line()
    assert written[-1] == ""  # the line after "Your answer: " is ended
    ui.end_line()  # and only once
    assert written[-2:] == ["Your answer: ", ""]


def test_lines_wrap_at_word_boundaries_to_the_terminal():
    from clustercli.paths import shipped_set

    shipped = load(shipped_set())
    _, _, out = play(["99", "1", ":pause"], width=40, qset=shipped)
    for line in out.split("\n"):
        assert len(line) <= 40 or " " not in line.strip(), line
    assert "  2. Technology industry (electronics,\n     electrical engineering, machine" in out
