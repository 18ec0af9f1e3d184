"""The terminal interview through a real pseudo-terminal: `python -m clustercli` as a user runs it.

TERM=xterm-256color, or prompt_toolkit would not draw (and TERM=dumb means plain mode);
PROMPT_TOOLKIT_NO_CPR=1, or every prompt would first wait about a second for the terminal to say
where the cursor is. The answers are planned with the engine on the shipped set, so the test
knows which question comes next and what each key stores; afterwards it reads the store.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest

from clustercli.engine.interview import Interview
from clustercli.paths import shipped_set
from clustercli.questionset.loader import load
from clustercli.questionset.model import Question
from clustercli.storage import open_store

pytestmark = pytest.mark.slow  # real processes: a pseudo-terminal, a kill or a browser

QSET = load(shipped_set())
ENTER, SPACE, DOWN = "\r", " ", "\x1b[B"


def spawn(home: Path, *args: str, command: str | None = None) -> pexpect.spawn:
    env = dict(os.environ, TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1",
               CLUSTERCLI_HOME=str(home), CLUSTERCLI_LANG="nl")
    env.pop("NO_COLOR", None)
    if command:  # through a shell, for redirections
        child = pexpect.spawn("/bin/sh", ["-c", command], env=env, encoding="utf-8",
                              dimensions=(50, 120), timeout=20)
    else:
        child = pexpect.spawn(sys.executable, ["-m", "clustercli", *args], env=env,
                              encoding="utf-8", dimensions=(50, 120), timeout=20)
    child.delaybeforesend = None
    return child


def keys_for(q: Question, turn: int) -> tuple[str, Any]:
    """The keys that answer `q`, and the value they store; varied a little by `turn`."""
    if q.type == "yesno":
        return ("j", True) if turn % 3 else ("n", False)
    if q.type == "choice":
        index = turn % len(q.option_keys)
        return DOWN * index + ENTER, q.option_keys[index]
    if q.type == "scale":
        step = turn % len(q.scale_points())
        return DOWN * step + ENTER, q.scale_points()[step]
    if q.type == "multi":
        return SPACE + DOWN + SPACE + ENTER, list(q.option_keys[:2])
    if q.type == "number":
        return "\x15" + str(int(q.min or 0) + 1) + ENTER, int(q.min or 0) + 1
    return "\x15" + "antwoord" + ENTER, "antwoord"


def begin(child: pexpect.spawn) -> None:
    """Past the introduction: it waits for Enter, so that it is read before the first
    question pushes it off the screen."""
    child.expect("Druk op Enter om te beginnen")
    child.send(ENTER)


def answer(child: pexpect.spawn, answers: dict[str, Any], count: int | None = None) -> None:
    """Answer the questions as they come, `count` of them or all, adding to `answers`."""
    done = 0
    while count is None or done < count:
        interview = Interview(QSET, answers)
        q = interview.next_unanswered()
        if q is None:
            return
        child.expect(f"Vraag {interview.progress(q.id).number} van "
                     f"{interview.progress(q.id).total}")
        child.expect("pauze")  # the hint line: the prompt is drawn and listening
        keys, value = keys_for(q, len(answers))
        child.send(keys)
        answers[q.id] = value
        done += 1


def finish(child: pexpect.spawn) -> str:
    child.expect("Afronden")
    child.expect("pauze")
    child.send(ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return child.before


def stored(home: Path) -> tuple[str, str, dict[str, Any]]:
    row = open_store(home).list()[0]
    record = open_store(home).load(row.id)
    return record.id, record.status, record.values()


def test_whole_interview_of_the_shipped_set(tmp_path):
    child = spawn(tmp_path, "start")
    child.expect("Klaar voor samenwerking in de regio")  # the introduction: the set's title
    begin(child)
    answers: dict[str, Any] = {}
    answer(child, answers)
    end = finish(child)
    assessment_id, status, values = stored(tmp_path)
    assert status == "completed" and values == answers
    assert "Klaar" in end and assessment_id in end
    assert len(answers) >= 30


def half_way(tmp_path, count: int) -> tuple[Any, dict[str, Any]]:
    """A new check answered up to `count` questions, the next one on the screen with its keys."""
    child = spawn(tmp_path, "start")
    begin(child)
    answers: dict[str, Any] = {}
    answer(child, answers, count=count)
    child.expect(f"Vraag {count + 1} van")  # the last answer is saved before this is drawn
    child.expect("pauze")
    return child, answers


def test_pause_half_way_then_resume_to_the_end(tmp_path):
    child, answers = half_way(tmp_path, 15)
    child.sendcontrol("p")
    child.expect("Gepauzeerd")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assessment_id, status, values = stored(tmp_path)
    assert f"clustercli resume {assessment_id}" in child.before.replace("\r\n", " ")
    assert status == "in_progress" and values == answers

    child = spawn(tmp_path, "resume")
    answer(child, answers)
    finish(child)
    assert stored(tmp_path) == (assessment_id, "completed", answers)


def test_kill_half_way_then_resume_keeps_every_answer_before(tmp_path):
    child, answers = half_way(tmp_path, 12)
    child.kill(signal.SIGKILL)
    child.close(force=True)
    assert child.signalstatus == signal.SIGKILL
    assessment_id, status, values = stored(tmp_path)
    assert status == "in_progress" and values == answers

    child = spawn(tmp_path, "resume", assessment_id)
    answer(child, answers)
    finish(child)
    assert stored(tmp_path) == (assessment_id, "completed", answers)


@pytest.mark.parametrize("key", ["c", "d"])
def test_ctrl_c_and_ctrl_d_pause_on_a_real_terminal(tmp_path, key):
    child, answers = half_way(tmp_path, 1)
    child.sendcontrol(key)
    child.expect("clustercli resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130 and stored(tmp_path)[2] == answers


def test_redirected_stdout_prompts_on_the_terminal_summary_to_the_file(tmp_path):
    out = tmp_path / "summary.txt"
    command = f"'{sys.executable}' -m clustercli start > '{out}'"
    child = spawn(tmp_path / "home", command=command)
    begin(child)
    answers: dict[str, Any] = {}
    answer(child, answers)
    screen = finish(child)
    assessment_id, status, _ = stored(tmp_path / "home")
    assert status == "completed"
    assert assessment_id in screen  # the terminal says where the summary went
    text = out.read_text(encoding="utf-8")
    assert "Klaar" in text and assessment_id in text and "In welke sector" in text
    assert "Vraag 1 van" not in text and "\x1b[" not in text  # no prompts, no escape codes


def test_term_dumb_on_a_terminal_means_plain_mode(tmp_path):
    """A dumb terminal (or a screen reader set up as one) gets plain mode without asking."""
    env = dict(os.environ, TERM="dumb", CLUSTERCLI_HOME=str(tmp_path), CLUSTERCLI_LANG="en")
    child = pexpect.spawn(sys.executable, ["-m", "clustercli", "start"], env=env,
                          encoding="utf-8", dimensions=(50, 120), timeout=20)
    child.delaybeforesend = None
    child.expect("Question 1 of ")
    child.expect("Your answer")
    assert "\x1b[" not in child.before  # no colour, no cursor movement
    child.sendline(":pause")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "resume" in child.before and "--plain" in child.before
