"""The screen a user is left with after finishing the self-check (issue 14, point 2).

Through a real pseudo-terminal of 80x24, read as the user sees it (pyte): `start` with an answers
file that answers every question, Enter where the self-check waits (the introduction, the
review), and then the last screen must hold that the answers are saved (with the id), the level
and what it means, the score of every area and the first action, and the exact `show` commands
for the rest: the whole report, and one to print. Nothing of the long report (no sources, no
list of answers) is left on it: the level has not scrolled away. In Dutch and English, rich and
plain.

In-process, the fitting itself: more actions where the terminal is taller, never fewer than one,
and a command never wrapped.
"""

from __future__ import annotations

import io
import json
import os
import sys

import pexpect
import pyte
import pytest

from clustercli.render.plain import end_text
from clustercli.report import build_report
from clustercli.storage import open_store
from tests.corpus import generate
from tests.test_report_cases import everything_at_once, shipped

COLUMNS, LINES = 80, 24
ENTER = "\r"


def _answers_file(folder) -> str:
    """Every question answered (a firm of the corpus that gets several actions)."""
    case = generate(shipped(), 8)[3]
    path = folder / "answers.json"
    path.write_text(json.dumps(case.answers, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _run_to_the_end(home, answers: str, lang: str, plain: bool) -> pyte.Screen:
    env = dict(os.environ, TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1",
               CLUSTERCLI_HOME=str(home))
    for name in ("NO_COLOR", "COLUMNS", "LINES", "CLUSTERCLI_LANG"):
        env.pop(name, None)
    args = ["-m", "clustercli", "start", "--lang", lang, "--answers", answers]
    child = pexpect.spawn(sys.executable, [*args, *(["--plain"] if plain else [])], env=env,
                          dimensions=(LINES, COLUMNS), timeout=30)
    child.delaybeforesend = None
    screen = pyte.Screen(COLUMNS, LINES)
    stream = pyte.ByteStream(screen)
    for _ in range(30):  # Enter where the self-check waits: the introduction, the review
        found = child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=4)
        stream.feed(child.before)
        if found == 0:
            break
        child.send(ENTER)
    else:
        pytest.fail("the self-check did not end:\n" + "\n".join(screen.display))
    child.close()
    assert child.exitstatus == 0, "\n".join(screen.display)
    return screen


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "plain"), [("nl", False), ("en", False), ("en", True)])
def test_the_end_screen_holds_the_level_the_scores_and_the_first_actions(tmp_path, lang,
                                                                         plain):
    home = tmp_path / "home"
    screen = _run_to_the_end(home, _answers_file(tmp_path), lang, plain)
    lines = [line.rstrip() for line in screen.display]
    text = "\n".join(lines)
    store = open_store(home)
    record = store.load(store.list()[0].id)
    assert record.status == "completed"
    report = build_report(record, shipped(), lang)

    assert record.id in text  # saved, under which id
    level = report.level
    assert level is not None and f"{level.rank} " in text and level.title in text
    assert " ".join(level.meaning.split()[:4]) in text
    for dim in report.dimensions:
        assert dim.title in text, dim.title
    first = report.actions[0].step
    assert f"1. {' '.join(first.split()[:5])}" in text
    show = f"clustercli show {record.id}"
    printable = f"{show} -o {'rapport' if lang == 'nl' else 'report'}.html"
    assert any(line.endswith(show) for line in lines)  # whole, on one line
    assert any(line.endswith(printable) for line in lines)
    # nothing of the long report or the list of answers is left on the screen
    for gone in ("Bronnen", "Sources", "Kerste", "In welke sector", "In which sector"):
        assert gone not in text, gone
    if plain:
        assert "█" not in text
    else:
        assert "█" in text


def test_the_end_text_fits_its_height_with_more_actions_where_there_is_room():
    report = build_report(everything_at_once("en"), shipped(), "en")
    commands = [("The whole report:", "clustercli show 1234"),
                ("To print:", "clustercli show 1234 -o report.html")]

    def shown(height: int) -> int:
        out = end_text(report, "Done.", commands, COLUMNS, height)
        assert len(out.splitlines()) <= max(height - 1, 22)
        return sum(1 for action in report.actions if action.step.split()[0] in out
                   and f"{report.actions.index(action) + 1}. " in out)

    assert shown(24) >= 1
    assert shown(60) == len(report.actions) > shown(24)
    assert shown(10) == 1  # the first action at least, however small the terminal
    narrow = end_text(report, "Done.", [("To print:", "clustercli show " + "x" * 70)], 40, 60)
    assert "clustercli show " + "x" * 70 in narrow.splitlines()  # a command stays whole


def test_the_end_screen_in_rich_fits_80_by_24():
    from rich.console import Console

    from clustercli.render.rich_report import end_screen

    report = build_report(everything_at_once("nl"), shipped(), "nl")
    out = io.StringIO()
    console = Console(file=out, width=COLUMNS, height=LINES, force_terminal=False)
    end_screen(console, report, "Klaar.", [("Het hele rapport:", "clustercli show 1234")])
    lines = out.getvalue().splitlines()
    assert len(lines) <= LINES - 1 and max(len(line) for line in lines) <= COLUMNS
    assert report.level.title in out.getvalue() and "1. " in out.getvalue()
