"""Pause on every prompt type (Ctrl-P, Ctrl-C, Ctrl-D), the hint line, long reviews, screens."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from clustercli.engine import session as sessions
from clustercli.engine.driver import Special, review_sections
from clustercli.prompts import keys
from clustercli.prompts.review import cut, split
from clustercli.questionset.loader import load
from clustercli.render import screens
from clustercli.storage.memory import MemoryStore
from tests.conftest import VALID_SET
from tests.test_prompts_harness import (
    CTRL_C,
    CTRL_D,
    CTRL_N,
    CTRL_P,
    ENTER,
    ESC,
    EXPECTED,
    SPACE,
    TO_REVIEW,
    UP,
    play,
)


def _first(count: int) -> dict:
    return dict(list(EXPECTED.items())[:count])


# prompt type -> (keys that reach it, the answers saved by then, whether notes are on)
REACH = {
    "choice": ([], {}, False),
    "yesno": ([ENTER], {"sector": "ict"}, False),
    "multi": ([ENTER, "y"], {"sector": "ict", "cooperates": True}, False),
    "scale": ([ENTER, "n"], {"sector": "ict", "cooperates": False}, False),
    "number": (TO_REVIEW[:6], _first(6), False),
    "text": (TO_REVIEW[:7], _first(7), False),
    "text with typing": ([*TO_REVIEW[:7], "half an answ"], _first(7), False),
    "review": (TO_REVIEW, EXPECTED, False),
    "review part": ([*TO_REVIEW, UP + ENTER], EXPECTED, False),
    "note": ([CTRL_N], {}, True),
}


PAUSE_KEYS = {"ctrl-c": CTRL_C, "ctrl-d": CTRL_D, "ctrl-p": CTRL_P}
# The note prompt is a line of text answering the note action itself: Ctrl-C and Ctrl-D stop it.
CASES = [(prompt, name) for prompt in REACH for name in PAUSE_KEYS
         if not (prompt == "note" and name == "ctrl-p")]


@pytest.mark.parametrize(("prompt", "key_name"), CASES)
def test_every_prompt_type_pauses_with_everything_before_saved(prompt, key_name):
    reach, saved, notes = REACH[prompt]
    key = PAUSE_KEYS[key_name]
    # Keys after the pause would answer more questions if the interview went on.
    played = play(*reach, key, ENTER, "y", SPACE + ENTER, notes=notes)
    assert not played.finished
    assert played.record.status == "in_progress" and played.record.values() == saved


def test_end_of_input_pauses_too():
    played = play(ENTER)
    assert not played.finished and played.record.values() == {"sector": "ict"}


def test_hint_line_per_prompt_type():
    in_list = keys.offer(back=True, help=True, note=True, in_list=True)
    nbsp = "\u00a0"  # a key stays with its word when the line wraps
    assert keys.hint(in_list, "nl").replace(nbsp, " ") == \
        "← < terug · ? uitleg · Ctrl-P pauze · Ctrl-N notitie"
    assert f"Ctrl-N{nbsp}notitie" in keys.hint(in_list, "nl")
    typed = keys.offer(back=True, help=True, note=False, in_list=False)
    assert keys.hint(typed, "en").replace(nbsp, " ") == \
        "Ctrl-T back · Ctrl-G help · Ctrl-P pause"
    picks = keys.hint(typed, "nl", ["1–5 kiezen", "w weet niet"]).replace(nbsp, " ")
    assert picks.startswith("1–5 kiezen · w weet niet · Ctrl-T terug")
    first = keys.offer(back=False, help=False, note=False, in_list=True)
    assert first.actions == (Special.PAUSE,)


def test_key_help_for_the_introduction():
    rows = dict(keys.key_help("en", notes=False))
    assert rows["← / < / Ctrl-T"] == "back to the previous question"
    assert rows["Ctrl-P / Ctrl-C"].startswith("pause")
    assert "Ctrl-N" not in rows and "Ctrl-N" in dict(keys.key_help("nl", notes=True))


def _sections():
    store = MemoryStore()
    session = sessions.start(store, load(VALID_SET), "en")
    for question_id, value in EXPECTED.items():
        session.answer(session.qset.question(question_id), value)
    return session, review_sections(session)


def test_review_pages_fit_the_terminal():
    _, sections = _sections()
    # 7 rows: the title, "back to the overview" and the hint leave room for four answers; the
    # five of the first part are shared out evenly over two pages.
    pages = split(sections, "en", rows=7, columns=100, hint="← < back · Ctrl-P pause")
    assert [title for title, _ in pages] == [
        "General questions, page 1 of 2 (3)", "General questions, page 2 of 2 (2)", "Trust (3)"]
    assert [len(items) for _, items in split(sections, "en", 40, 100, "hint")] == [5, 3]


def test_review_on_a_small_terminal_shows_pages():
    played = play(*TO_REVIEW, UP * 2 + ENTER, ENTER, ENTER, ENTER, see=True, rows=7)
    assert played.finished
    assert "General questions, page 1 of 2 (3)" in played.screen
    assert "Remarks — all fine" in played.screen  # part 2 holds the last two answers


def test_cut_keeps_one_line():
    assert cut("a  b\nc", 10) == "a b c"
    assert cut("x" * 20, 10) == "x" * 9 + "…"


def _render(draw) -> str:
    out = Console(file=io.StringIO(), width=100, color_system=None)
    draw(out)
    return out.file.getvalue()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_introduction_screen(lang):
    from clustercli.engine.flow import intro
    from clustercli.paths import shipped_set
    from clustercli.questionset.loader import load

    info = intro(load(shipped_set()), lang)
    text = _render(lambda out: screens.intro(out, lang, info.title, info.lines,
                                             keys.key_help(lang, True)))
    # the set's own title and description, how long, that the answers stay here
    assert ("Klaar voor samenwerking in de regio?" if lang == "nl" else
            "Ready to cooperate in your region?") in text
    assert ("38–45 vragen" if lang == "nl" else "38–45 questions") in text
    assert "EIM" in text and "Ctrl-P / Ctrl-C" in text and "Ctrl-N" in text
    assert ("terug naar de vorige vraag" if lang == "nl" else "back to the previous") in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_end_screen_has_the_id_the_level_and_the_scores(lang):
    """What is left on the screen after finishing (more in tests/test_report_end_screen.py)."""
    from clustercli.i18n import t
    from clustercli.render.rich_report import end_screen
    from clustercli.report import build_report

    session, _ = _sections()
    report = build_report(session.record, session.qset, lang)
    saved = t("report.end.saved", lang, id=session.id)
    text = _render(lambda out: end_screen(out, report, saved, []))
    assert session.id in text and ("Klaar" if lang == "nl" else "Done") in text
    assert all(d.title in text for d in report.dimensions)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_set_of_ones_own_shows_its_own_title(lang):
    from clustercli.engine.flow import intro
    from clustercli.questionset.loader import load
    from tests.conftest import VALID_SET

    info = intro(load(VALID_SET), lang)
    assert info.title == ("Testlijst" if lang == "nl" else "Test set")
    assert not any("EIM" in line or "regio" in line for line in info.lines)


# -- number keys (issue 14 point 3) ------------------------------------------------------------

def test_digits_answer_a_scale_at_once_and_a_letter_is_dont_know():
    # ict, no; then the scale questions: "d" answers trust_1 (don't know), "4" trust_2
    played = play(ENTER, "n", "d", "4", see=True)
    assert played.record.values() == {"sector": "ict", "cooperates": False,
                                      "trust_1": "unknown", "trust_2": 4}
    assert "1–5 choose · d don't know" in played.screen  # (drawn with plain spaces)
    assert "Agree (4)" in played.screen  # the answer in words on the line left behind
    played = play(ENTER, "n", "4", "d")  # trust_2 has no "don't know": d does nothing
    assert "trust_2" not in played.record.values()


def test_dutch_letter_of_weet_niet():
    played = play(ENTER, "n", "w", "5", lang="nl")
    assert played.record.values()["trust_1"] == "unknown"
    assert played.record.values()["trust_2"] == 5


def test_digits_pick_in_a_short_choice_list_and_tick_in_a_checkbox():
    # "2" answers the sector (a numbered list of two); yes; in the motives "2" and "1" tick
    played = play("2", "y", "2", "1", ENTER, see=True)
    assert played.record.values()["sector"] == "other"
    assert played.record.values()["motives"] == ["market_position", "new_products"]
    assert "1–2 choose" in played.screen and "1–2 tick" in played.screen


def test_a_digit_that_is_no_answer_does_nothing():
    played = play("7", ENTER)  # two sectors: 7 is not one of them
    assert played.record.values() == {"sector": "ict"}


# -- the note prompt can be left with Esc (issue 14 point 8) ----------------------------------

def test_escape_leaves_the_note_as_it_was_and_the_check_goes_on():
    played = play(CTRL_N, "first thought", ESC, ENTER, "n", notes=True, see=True)
    assert played.record.values() == {"sector": "ict", "cooperates": False}
    assert played.record.answers["sector"].note is None
    assert "Esc" in played.screen
