"""Stop signals end a run like Ctrl-C at a prompt: exit 128 + the signal (SIGINT 130, SIGTERM
143, SIGHUP 129), one line, no traceback, every answer given so far saved (issue 15, point 3).

Through real processes: a signal at start-up (`timeout -s INT 0.08 clustercli list` used to
print a traceback), at a prompt in a pseudo-terminal (`kill -INT` used to be ignored there), a
closed terminal; and in this process, a signal in the middle of a save or an import.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest

from clustercli import interrupts
from clustercli.records import SetRef
from clustercli.storage import open_store

STOPS = [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)]
IDS = ["INT", "TERM", "HUP"]


def caught_signals(pid: int) -> int:
    """The mask of signals the process has a handler for (Linux: /proc/PID/status)."""
    for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
        if line.startswith("SigCgt:"):
            return int(line.split()[1], 16)
    return 0


def command() -> list[str]:
    """The installed `clustercli` script beside this Python if there is one (what the user
    runs), else `python -m clustercli` (the same entry point)."""
    script = Path(sys.executable).with_name("clustercli")
    return [str(script)] if script.exists() else [sys.executable, "-m", "clustercli"]


def wait_for_handler(process: subprocess.Popen[str]) -> None:
    """Until clustercli's handler is in place: SIGTERM caught (Python leaves it alone; only
    clustercli.interrupts takes it). A signal before that lands in the interpreter's own
    start-up, which no program can take."""
    deadline = time.monotonic() + 20
    while not caught_signals(process.pid) & (1 << (signal.SIGTERM - 1)):
        assert process.poll() is None, "ended before its handler was installed"
        assert time.monotonic() < deadline, "no handler for SIGTERM: signals are not ours"
        time.sleep(0.0005)


pytestmark = [
    pytest.mark.slow,  # real processes: a pseudo-terminal, a kill
    pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc"),
]


@pytest.mark.parametrize(("signum", "code"), STOPS, ids=IDS)
def test_a_signal_during_start_up_is_one_line_and_its_exit_code(tmp_path, signum, code):
    env = {**os.environ, "CLUSTERCLI_HOME": str(tmp_path), "CLUSTERCLI_LANG": "en"}
    stopped = 0
    for delay in (0, 0.002, 0.01, 0.03, 0.06, 0.1, 0.15, 0.25):
        process = subprocess.Popen([*command(), "list"], env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        wait_for_handler(process)
        time.sleep(delay)
        process.send_signal(signum)
        _, err = process.communicate(timeout=60)
        if process.returncode == 0:  # it was done before the signal came
            continue
        stopped += 1
        assert process.returncode == code, (delay, err)
        assert err == "Stopped.\n", (delay, err)
    assert stopped >= 3  # most runs were still starting


@pytest.mark.parametrize(("signum", "code"), STOPS, ids=IDS)
def test_a_signal_between_the_prompts_of_plain_mode(tmp_path, signum, code):
    """Plain mode reads stdin line by line: a signal there pauses like one at a prompt."""
    env = {**os.environ, "CLUSTERCLI_HOME": str(tmp_path), "CLUSTERCLI_LANG": "en"}
    process = subprocess.Popen([*command(), "start", "--plain"], env=env,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    wait_for_handler(process)
    process.stdin.write("1\n")  # the first question's first option
    process.stdin.flush()
    deadline = time.monotonic() + 30
    while not (rows := open_store(tmp_path).list()) or rows[0].answered < 1:
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    process.send_signal(signum)
    out, err = process.communicate(timeout=60)
    assert process.returncode == code, err
    assert "Traceback" not in out + err
    assert f"clustercli resume {rows[0].id}" in out + err
    assert open_store(tmp_path).list()[0].answered == 1


def spawn(home: Path) -> pexpect.spawn:
    env = dict(os.environ, TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1",
               CLUSTERCLI_HOME=str(home), CLUSTERCLI_LANG="en")
    child = pexpect.spawn(command()[0], [*command()[1:], "start"], env=env, encoding="utf-8",
                          dimensions=(24, 80), timeout=30)
    child.delaybeforesend = None
    child.logfile_read = io.StringIO()  # everything the terminal was sent
    return child


def restored(child: pexpect.spawn) -> bool:
    """The terminal given back as prompt_toolkit found it: the cursor shown again and
    bracketed paste switched off, after the last prompt turned them the other way."""
    sent = child.logfile_read.getvalue()
    return (sent.rfind("\x1b[?25h") > sent.rfind("\x1b[?25l")
            and sent.rfind("\x1b[?2004l") > sent.rfind("\x1b[?2004h") >= 0)


def at_second_question(child: pexpect.spawn) -> None:
    child.expect("Press Enter to begin")  # the introduction waits for Enter
    child.send("\r")
    child.expect("Question 1 of")
    child.expect("pause")  # the first question, drawn and listening
    child.send("\r")
    child.expect("Question 2 of")
    child.expect("pause")


@pytest.mark.parametrize(("signum", "code"), STOPS, ids=IDS)
def test_a_signal_at_a_prompt_pauses_like_ctrl_c(tmp_path, signum, code):
    child = spawn(tmp_path)
    at_second_question(child)
    time.sleep(0.2)  # the prompt is reading keys
    os.kill(child.pid, signum)
    child.expect("Paused")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == code and child.signalstatus is None
    [row] = open_store(tmp_path).list()
    assert row.answered == 1  # the first answer is kept
    shown = child.before.replace("\r\n", "\n")
    assert f"clustercli resume {row.id}" in shown and "Traceback" not in shown
    assert restored(child)


def test_closing_the_terminal_at_a_prompt_keeps_the_answers(tmp_path):
    child = spawn(tmp_path)
    at_second_question(child)
    child.close(force=False)  # the terminal goes away: the kernel sends SIGHUP
    assert child.exitstatus == 129, (child.exitstatus, child.signalstatus)
    [row] = open_store(tmp_path).list()
    assert row.answered == 1


# --- in this process: a signal during a save or an import --------------------------------

@pytest.fixture
def our_handler():
    previous = {signum: signal.getsignal(signum) for signum in interrupts.STOP_SIGNALS}
    interrupts.reset()
    interrupts.install()
    yield
    for signum, handler in previous.items():
        signal.signal(signum, handler)
    interrupts.reset()


SET = SetRef("cluster-readiness", "1.0", "a" * 64)


def signal_at(monkeypatch: pytest.MonkeyPatch, call: str, signum: int, nth: int = 1) -> None:
    """Send `signum` to this process at the `nth` `os.<call>` from now."""
    real = getattr(os, call)
    count = [0]

    def patched(*args, **kwargs):
        count[0] += 1
        if count[0] == nth:
            os.kill(os.getpid(), signum)
        return real(*args, **kwargs)

    monkeypatch.setattr(os, call, patched)


@pytest.mark.parametrize("call", ["write", "fsync", "replace"])
def test_a_signal_in_the_middle_of_a_save_waits_for_it(tmp_path, monkeypatch, our_handler,
                                                        call):
    store = open_store(tmp_path)
    record = store.create(question_set=SET, set_data="{}", language="nl")
    signal_at(monkeypatch, call, signal.SIGTERM)
    with pytest.raises(interrupts.Stop) as info:
        store.save_answer(record.id, "sector", "ict")
    monkeypatch.undo()
    assert info.value.signum == signal.SIGTERM and interrupts.exit_code() == 143
    assert open_store(tmp_path).load(record.id).values() == {"sector": "ict"}


def test_a_signal_during_an_import_lets_it_finish(tmp_path, monkeypatch, our_handler):
    from clustercli.storage.memory import MemoryStore

    elsewhere = MemoryStore()
    records = [elsewhere.create(question_set=SET, set_data="{}", language="nl",
                                client=f"Klant {n}") for n in range(5)]
    store = open_store(tmp_path / "data")
    # the third rename of the commit: two records are in place, three are not yet
    signal_at(monkeypatch, "replace", signal.SIGINT, nth=3)
    with pytest.raises(interrupts.Stop):
        store.put({record.id: (lambda current, record=record: record) for record in records},
                  {SET.hash: "{}"})
    monkeypatch.undo()
    assert len(open_store(tmp_path / "data").list()) == 5
