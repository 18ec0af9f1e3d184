"""How soon the terminal interview answers: through a pseudo-terminal, as a user sees it.

- spawn -> first question: from starting `python -m clustercli start` until the first
  question's hint line is on the screen (the whole prompt is drawn by then), with the checked
  question set in the cache (every run after the first) and without it (the cache emptied before
  the run: the first run after an install or an edit of the set). The introduction waits for
  Enter (so that it is read before the first question pushes it away): the bench presses Enter
  the moment it asks, so the figure is the program's own time, as before that wait existed;
  "spawn -> introduction" is the part until it asks, and "Enter after reading -> first
  question" what a user waits who has read the introduction for a second (the prompts load
  meanwhile);
- answer -> next question: from sending an answer until the next question's progress line
  and hint line are on the screen, over the first questions of the shipped set;
- the floor, in the same runs and the same way (spawned through a pty, until it exits):
  `python -c "import typer, questionary, rich.console"`, the libraries an interactive start
  cannot do without.

Each is timed by the wall clock and by the CPU time of the process (user + system, from its
rusage; the interview is killed once its first question is drawn): on a machine shared with
other work the wall clock includes waiting for a CPU, the CPU time does not. The cache lives in
a temporary XDG_CACHE_HOME, found the way a user's is (platformdirs).

Run: uv run python bench/first_question.py [--runs N]
Targets (issue 17): spawn -> first question <= 1.3 x the floor (medians of the same run);
answer -> next question <= 50 ms median.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

sys.path.insert(0, str(Path(__file__).parent))
from _timing import bench_env, print_table

ANSWERS_PER_RUN = 7  # the shipped set opens with choice and yes/no questions; then a checkbox
HINT = re.compile("Ctrl-P pauze")
INTRO = re.compile("Druk op Enter om te beginnen")
FLOOR = "import typer, questionary, rich.console"
TARGET_RATIO = 1.3
READING = 1.0  # seconds a user reads the introduction, at the least


def _env(home: str, xdg_cache: str) -> dict[str, str]:
    env = bench_env() | {"TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1",
                         "CLUSTERCLI_HOME": home, "XDG_CACHE_HOME": xdg_cache,
                         "CLUSTERCLI_LANG": "nl"}
    env.pop("CLUSTERCLI_CACHE", None)
    return env


def _spawn(args: list[str], env: dict[str, str]) -> pexpect.spawn:
    child = pexpect.spawn(sys.executable, args, env=env, encoding="utf-8",
                          dimensions=(50, 120), timeout=20)
    child.delaybeforesend = None
    return child


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def first_question(env: dict[str, str], intro: list[float] | None = None,
                   after_reading: list[float] | None = None) -> tuple[float, float]:
    """Wall clock and CPU time until the first question is drawn (Enter pressed as soon as
    the introduction asks for it; `intro` gets the time until it asks). With `after_reading`:
    Enter is pressed a second after the introduction asks, and the list gets the time from
    Enter to the first question (the totals are then not comparable)."""
    cpu = _cpu()
    start = time.perf_counter()
    child = _spawn(["-m", "clustercli", "start"], env)
    child.expect(INTRO)
    if intro is not None:
        intro.append(time.perf_counter() - start)
    if after_reading is not None:
        time.sleep(READING)
        pressed = time.perf_counter()
    child.send("\r")
    child.expect(HINT)
    wall = time.perf_counter() - start
    if after_reading is not None:
        after_reading.append(time.perf_counter() - pressed)
    child.kill(signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()
    return wall, _cpu() - cpu


def next_questions(env: dict[str, str], answers: int) -> list[float]:
    child = _spawn(["-m", "clustercli", "start"], env)
    child.expect(INTRO)
    child.send("\r")
    child.expect(HINT)
    steps = []
    for number in range(2, answers + 2):
        sent = time.perf_counter()
        child.send("\r")  # the preselected (or first) answer
        child.expect(f"Vraag {number} van")
        child.expect(HINT)
        steps.append(time.perf_counter() - sent)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    return steps


def floor(env: dict[str, str]) -> tuple[float, float]:
    cpu = _cpu()
    start = time.perf_counter()
    child = _spawn(["-c", FLOOR], env)
    child.expect(pexpect.EOF)
    wall = time.perf_counter() - start
    child.close()
    return wall, _cpu() - cpu


def _ratio(samples: list[float], base: list[float]) -> str:
    return f"{statistics.median(samples) / statistics.median(base):.2f} x floor"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as scratch:
        xdg_cache = os.path.join(scratch, "cache")
        env = _env(home, xdg_cache)
        for _ in range(2):  # warm-up: bytecode caches, the data folder, the set's cache
            next_questions(env, ANSWERS_PER_RUN)
            floor(env)
        timed: dict[str, tuple[list[float], list[float]]] = {
            name: ([], []) for name in ("floor", "warm", "cold")}
        steps: list[float] = []
        intro: list[float] = []
        read: list[float] = []
        for _ in range(args.runs):  # in turn, so that a busy moment falls on each alike
            for name, measure in (("floor", lambda: floor(env)),
                                  ("warm", lambda: first_question(env, intro))):
                wall, cpu = measure()
                timed[name][0].append(wall)
                timed[name][1].append(cpu)
            steps += next_questions(env, ANSWERS_PER_RUN)
            first_question(env, after_reading=read)
            shutil.rmtree(xdg_cache, ignore_errors=True)
            wall, cpu = first_question(env)
            timed["cold"][0].append(wall)
            timed["cold"][1].append(cpu)
    title = f"Terminal interview through a pty, {args.runs} runs, Python {sys.version.split()[0]}"
    for clock, index in (("wall clock", 0), ("CPU time", 1)):
        base = timed["floor"][index]
        rows = [
            ("floor: typer, questionary, rich", base, "(floor)"),
            ("spawn -> first question", timed["warm"][index],
             f"{_ratio(timed['warm'][index], base)} (target <= {TARGET_RATIO} x)"),
            ("  same, set not in the cache", timed["cold"][index],
             _ratio(timed["cold"][index], base)),
        ]
        if index == 0:
            rows.insert(1, ("spawn -> introduction", intro, _ratio(intro, base)))
            rows.append(("Enter after reading -> question", read, "(the prompts loaded)"))
            rows.append(("answer -> next question", steps, "<= 50 ms"))
        print_table(f"{title}: {clock}", rows)
        print()


if __name__ == "__main__":
    main()
