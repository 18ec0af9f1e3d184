"""What a person sees on an ordinary 80×24 terminal, in Dutch and English (issue 14 points 1-4,
7 and the interview's part of 5 and 8), read from a pyte screen fed by a real pseudo-terminal.

- the introduction and the advisor's privacy notice wait for Enter, whole on the screen;
- a list taller than the screen says that it goes on, and its last entry can be reached;
- digits answer a scale, a letter "weet niet", and the hint line says so;
- an interrupted `edit` leaves the completed check exactly as it was, says so with the command
  that takes the draft up again, and that command finishes it;
- `resume` says which check it opened; a second terminal is refused while the first has it;
- at 60 and 80 columns no word runs over the edge, and a cut answer ends in "…".
"""

from __future__ import annotations

import json
import os
import signal
import tempfile
from pathlib import Path
from typing import Any

import pytest

from clustercli.paths import shipped_set
from clustercli.questionset.loader import load
from clustercli.storage import open_store
from tests.terminal_screen import CTRL, DOWN, ENTER, UP, Terminal, broken_words
from tests.test_advisor_support import shipped_answers

pytestmark = pytest.mark.slow  # real processes in a pseudo-terminal

QSET = load(shipped_set())
SCORED = [q for q in QSET.questions if q.dimension]
WORDS = {
    "nl": {"begin": "Druk op Enter om te beginnen", "go_on": "Druk op Enter om verder te gaan",
           "title": "Klaar voor samenwerking in de regio?", "question": "Vraag {n} van",
           "below": "↓ nog 4 hieronder", "above": "hierboven", "privacy": "Over privacy",
           "keys": "1–5 kiezen · w weet niet", "unknown": "w", "overview": "Overzicht van uw",
           "kept": "De afgeronde zelftest blijft precies zoals hij was",
           "draft": "uw onafgemaakte wijziging", "elsewhere": "geopend in een andere terminal",
           "nothing": "Gestopt voor de eerste vraag; er is niets bewaard.",
           "opened": "Geopend: de zelftest van Bakkerij Zoë (ingevuld door eigenaar), begonnen "
                     "op", "at": "U gaat verder bij vraag 3 van"},
    "en": {"begin": "Press Enter to begin", "go_on": "Press Enter to continue",
           "title": "Ready to cooperate in your region?", "question": "Question {n} of",
           "below": "↓ 4 more below", "above": "more above", "privacy": "About privacy",
           "keys": "1–5 choose · d don't know", "unknown": "d", "overview": "Overview of your",
           "kept": "The completed self-check stays exactly as it was",
           "draft": "your unfinished edit", "elsewhere": "open in another terminal",
           "nothing": "Stopped before the first question; nothing was saved.",
           "opened": "Opened: the self-check of Bakkerij Zoë (answered by eigenaar), started "
                     "on", "at": "You continue at question 3 of"},
}
LANGS = ["nl", "en"]


def label(question: str, key: Any, lang: str) -> str:
    return QSET.question(question).kind.label(QSET.question(question), key, lang)


def home() -> Path:
    return Path(os.environ["CLUSTERCLI_HOME"])


def no_broken_words(terminal: Terminal) -> None:
    for screen in terminal.seen:
        assert broken_words(screen) == [], screen


def completed(cli, tmp_path: Path, lang: str, **overrides: Any) -> str:
    """A completed check of the shipped set in `lang`, made without a terminal; its id."""
    path = tmp_path / f"answers-{len(list(tmp_path.glob('answers-*')))}.json"
    support = QSET.question("support_wanted").option_keys[:1]  # every question answered
    path.write_text(json.dumps(shipped_answers(**{"support_wanted": support, **overrides})),
                    encoding="utf-8")
    result = cli("start", "--answers", str(path), "--client", "Bakkerij Zoë", "--lang", lang)
    assert result.exit_code == 0, result.output
    return open_store(home()).list()[0].id


# -- point 2: the introduction, the privacy notice, a long list ------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_introduction_waits_and_the_sector_list_says_it_goes_on(tmp_path, lang):
    words = WORDS[lang]
    terminal = Terminal(tmp_path, "start", lang=lang)
    screen = terminal.wait_for(words["begin"])
    rows = screen.split("\n")
    assert rows[0].startswith("╭") and words["title"] in rows[0]  # the whole box is in view
    assert "Ctrl-P" in screen and words["question"].format(n=1) not in screen
    terminal.send(ENTER)
    first, last = label("sector", "metal", lang), label("sector", "other", lang)
    screen = terminal.wait_for(words["question"].format(n=1), words["below"])
    assert first in screen and last not in screen
    terminal.send(UP)  # round to the last sector
    screen = terminal.wait_for(last, words["above"])
    assert words["below"] not in screen
    terminal.send(ENTER)
    terminal.wait_for(words["question"].format(n=2))
    terminal.send(CTRL["p"])
    assert terminal.end() == 130
    [row] = open_store(tmp_path).list()
    assert open_store(tmp_path).load(row.id).values() == {"sector": "other"}
    no_broken_words(terminal)


@pytest.mark.parametrize("lang", LANGS)
def test_the_privacy_notice_waits_for_enter_then_the_introduction(lang):
    words = WORDS[lang]
    with tempfile.TemporaryDirectory(prefix="cc") as folder:  # a short path, whole on a line
        terminal = Terminal(Path(folder), "start", "--client", "Bakkerij Zoë", lang=lang)
        screen = terminal.wait_for(words["privacy"], words["go_on"])
        assert words["title"] not in screen and folder in screen
        terminal.send(ENTER)
        screen = terminal.wait_for(words["title"], words["begin"])
        terminal.send(CTRL["c"])  # stopped before the first question: nothing made
        assert terminal.end() == 130
        assert words["nothing"] in " ".join(terminal.text.split())
        assert open_store(Path(folder)).list() == []
        no_broken_words(terminal)


# -- point 3: digits answer a scale ----------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_digits_and_a_letter_answer_the_scale_questions(tmp_path, lang):
    words = WORDS[lang]
    profile = {key: value for key, value in shipped_answers().items()
               if not QSET.question(key).dimension}
    answers = tmp_path / "profile.json"
    answers.write_text(json.dumps(profile), encoding="utf-8")
    terminal = Terminal(tmp_path / "home", "start", "--answers", str(answers), lang=lang)
    terminal.wait_for(words["begin"])
    terminal.send(ENTER)
    screen = terminal.wait_for(SCORED[0].text[lang][:30], words["keys"])
    terminal.send("4")
    terminal.wait_for(SCORED[1].text[lang][:30])
    terminal.send(words["unknown"])
    terminal.wait_for(SCORED[2].text[lang][:30])
    terminal.send(CTRL["p"])
    assert terminal.end() == 130
    [row] = open_store(tmp_path / "home").list()
    stored = open_store(tmp_path / "home").load(row.id).values()
    assert (stored[SCORED[0].id], stored[SCORED[1].id]) == (4, "unknown")
    assert SCORED[2].id not in stored
    assert " 4  " in screen  # the numbers the keys stand for are in front of the answers
    no_broken_words(terminal)


# -- point 1 (and issue 15 point 2): an interrupted edit is a draft ---------------------------

STOPS = {"ctrl-c": (CTRL["c"], 130), "ctrl-d": (CTRL["d"], 130), "ctrl-p": (CTRL["p"], 130),
         "sigterm": (signal.SIGTERM, 143)}


@pytest.mark.parametrize("stop", sorted(STOPS))
@pytest.mark.parametrize("lang", LANGS)
def test_an_interrupted_edit_keeps_the_check_completed_and_resumable_as_an_edit(
        cli, tmp_path, lang, stop):
    words = WORDS[lang]
    assessment_id = completed(cli, tmp_path, lang)
    before = open_store(home()).load(assessment_id)
    seen_before = [cli(*command).stdout for command in (
        ("list", "--format", "json"), ("stats", "--format", "json"),
        ("clients", "--format", "json"), ("export",))]
    last = SCORED[-1]  # the last area's last answer: changed by a digit
    terminal = Terminal(home(), "edit", assessment_id, lang=lang)
    terminal.wait_for(words["overview"])
    terminal.send(UP)  # from Finish to the last area
    terminal.send(ENTER)
    terminal.wait_for("— ")
    terminal.send(UP * 2 + ENTER)  # past "back to the overview" to its last answer
    terminal.wait_for(last.text[lang][:30])
    terminal.send("1")  # a new answer: into the draft
    terminal.wait_for(words["overview"])
    key, code = STOPS[stop]
    if isinstance(key, str):
        terminal.send(key)
    else:
        terminal.signal(key)
    assert terminal.end() == code
    said = " ".join(terminal.text.split())
    assert words["kept"] in said and f"clustercli edit {assessment_id}" in said
    stored = open_store(home()).load(assessment_id)
    assert (stored.status, stored.answers, stored.summary, stored.completed) == (
        before.status, before.answers, before.summary, before.completed)
    assert stored.draft is not None and stored.draft.answers[last.id].value == 1
    assert [cli(*command).stdout for command in (
        ("list", "--format", "json"), ("stats", "--format", "json"),
        ("clients", "--format", "json"), ("export",))] == seen_before
    no_broken_words(terminal)

    # `resume` does not refuse it: it goes on with the edit, and finishing makes it the answer
    terminal = Terminal(home(), "resume", assessment_id, lang=lang)
    terminal.wait_for(words["draft"], words["overview"])
    terminal.send(ENTER)  # Finish
    assert terminal.end() == 0
    done = open_store(home()).load(assessment_id)
    assert (done.status, done.values()[last.id], done.draft) == ("completed", 1, None)
    assert (last.id, before.answers[last.id].value) in [(h.question, h.value)
                                                        for h in done.history]


# -- point 4: resume names the check; a second terminal is refused ----------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_resume_says_which_check_it_opened(tmp_path, lang):
    words = WORDS[lang]
    terminal = Terminal(tmp_path, "start", "--client", "Bakkerij Zoë", "--respondent",
                        "eigenaar", lang=lang)
    terminal.wait_for(words["go_on"])
    terminal.send(ENTER)
    terminal.wait_for(words["begin"])
    terminal.send(ENTER)
    terminal.wait_for(words["question"].format(n=1))
    terminal.send(ENTER)  # metal: the market question follows
    terminal.wait_for(words["question"].format(n=2))
    terminal.send(ENTER)
    terminal.wait_for(words["question"].format(n=3))
    terminal.send(CTRL["p"])
    assert terminal.end() == 130
    terminal = Terminal(tmp_path, "resume", lang=lang)
    screen = terminal.wait_for(words["at"], words["question"].format(n=3))
    said = " ".join(screen.split())
    assert words["opened"] in said
    opened = open_store(tmp_path).list()[0].created
    from clustercli import clock

    assert clock.local(opened) in said
    terminal.send(CTRL["p"])
    assert terminal.end() == 130
    no_broken_words(terminal)


@pytest.mark.parametrize("lang", LANGS)
def test_a_second_terminal_is_refused_while_the_first_has_the_check(tmp_path, lang):
    words = WORDS[lang]
    first = Terminal(tmp_path, "start", lang=lang)
    first.wait_for(words["begin"])
    first.send(ENTER)
    first.wait_for(words["question"].format(n=1))
    first.send(ENTER)
    first.wait_for(words["question"].format(n=2))
    [row] = open_store(tmp_path).list()
    for command in (("resume", row.id), ("resume",)):
        second = Terminal(tmp_path, *command, lang=lang)
        assert second.end() == 1
        said = " ".join(second.text.split())
        assert words["elsewhere"] in said and f"clustercli show {row.id}" in said
        no_broken_words(second)
    first.send(CTRL["p"])
    assert first.end() == 130
    second = Terminal(tmp_path, "resume", row.id, lang=lang)  # once the first has ended
    second.wait_for(words["question"].format(n=2))
    second.send(CTRL["p"])
    assert second.end() == 130


# -- points 5 and 8, the interview's part: 60 and 80 columns ----------------------------------

@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize("lang", LANGS)
def test_no_word_runs_over_the_edge_and_a_cut_answer_says_so(cli, lang, columns):
    words = WORDS[lang]
    with tempfile.TemporaryDirectory(prefix="cc") as folder:
        terminal = Terminal(Path(folder), "start", "--client", "Bakkerij Zoë", lang=lang,
                            columns=columns)
        terminal.wait_for(words["go_on"])
        terminal.send(ENTER)
        terminal.wait_for(words["begin"])
        terminal.send(ENTER)
        screen = terminal.wait_for(words["question"].format(n=1), words["below"])
        technology = label("sector", "technology", lang)
        [line] = [row for row in screen.split("\n") if technology[:15] in row]
        if len(technology) + 4 > columns - 1:  # too wide for the line: cut, visibly
            assert line.rstrip().endswith("…")
        terminal.send("?")  # the explanation, wrapped
        terminal.wait_for(words["question"].format(n=1))
        terminal.send(CTRL["p"])
        assert terminal.end() == 130
        no_broken_words(terminal)


@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize("lang", LANGS)
def test_the_review_keeps_answers_whole_at_60_and_80_columns(cli, tmp_path, lang, columns):
    words = WORDS[lang]
    assessment_id = completed(cli, tmp_path, lang, motives=["market_position",
                                                            "new_products", "quality"])
    terminal = Terminal(home(), "edit", assessment_id, lang=lang, columns=columns)
    terminal.wait_for(words["overview"])
    terminal.send(DOWN + ENTER)  # the first area: the firm's own answers
    screen = terminal.wait_for("— ")
    answered = [row for row in screen.split("\n") if " — " in row]
    sector = label("sector", "metal", lang)
    assert any(row.rstrip().endswith("— " + sector) for row in answered)
    assert any("…" in row.split(" — ")[0] for row in answered)  # a question gave way
    terminal.send(CTRL["c"])
    assert terminal.end() == 130
    no_broken_words(terminal)


@pytest.mark.parametrize("columns", [60, 80])
def test_plain_mode_lines_fit_the_terminal(tmp_path, columns):
    terminal = Terminal(tmp_path, "start", "--plain", lang="en", columns=columns)
    terminal.wait_for("Your answer")
    terminal.send("99\r")
    screen = terminal.wait_for("is not one of the answers. Type a number from 1 to 24.")
    assert "metal," not in screen  # the numbers, not the internal keys
    terminal.send(CTRL["c"])
    assert terminal.end() == 130
    rows = terminal.text.split("\n")
    assert any(row.startswith("Paused.") for row in rows)  # on a line of its own
    no_broken_words(terminal)
