"""How soon the terminal interview answers: through a pseudo-terminal, as a user sees it.

- spawn -> first question: from starting `python -m clustercli start` until the first
  question's hint line is on the screen (the whole prompt is drawn by then), with the validated
  question set in the cache (every run after the first) and without it (emptied before each run:
  the first run after an install or an edit of the set);
- answer -> next question: from sending an answer until the next question's progress line
  and hint line are on the screen, over the first questions of the shipped set;
- the floor, in the same runs and the same way (spawned through a pty, until it exits):
  `python -c "import typer, questionary, rich.console"`, the libraries an interactive start
  cannot do without.

Run: uv run python bench/first_question.py [--runs N]
Targets (issue 17): spawn -> first question <= 1.3 x the floor (medians of the same run);
answer -> next question <= 50 ms median.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
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
FLOOR = "import typer, questionary, rich.console"
TARGET_RATIO = 1.3


def _env(home: str, cache: str) -> dict[str, str]:
    return bench_env() | {"TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1",
                          "CLUSTERCLI_HOME": home, "CLUSTERCLI_CACHE": cache,
                          "CLUSTERCLI_LANG": "nl"}


def interview(home: str, cache: str, answers: int) -> tuple[float, list[float]]:
    start = time.perf_counter()
    child = pexpect.spawn(sys.executable, ["-m", "clustercli", "start"], env=_env(home, cache),
                          encoding="utf-8", dimensions=(50, 120), timeout=20)
    child.delaybeforesend = None
    child.expect(HINT)
    first = time.perf_counter() - start
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
    return first, steps


def floor(home: str, cache: str) -> float:
    start = time.perf_counter()
    child = pexpect.spawn(sys.executable, ["-c", FLOOR], env=_env(home, cache),
                          encoding="utf-8", dimensions=(50, 120), timeout=20)
    child.expect(pexpect.EOF)
    elapsed = time.perf_counter() - start
    child.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as scratch:
        cache = os.path.join(scratch, "cache")
        os.environ.pop("CLUSTERCLI_LANG", None)
        for _ in range(2):  # warm-up: bytecode caches, the data folder, the set's cache
            interview(home, cache, ANSWERS_PER_RUN)
            floor(home, cache)
        floors, firsts, cold, steps = [], [], [], []
        for _ in range(args.runs):  # in turn, so that a busy moment falls on each alike
            floors.append(floor(home, cache))
            first, answered = interview(home, cache, ANSWERS_PER_RUN)
            firsts.append(first)
            steps += answered
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(interview(home, cache, 0)[0])
    base = statistics.median(floors)
    ratio = statistics.median(firsts) / base
    cold_ratio = statistics.median(cold) / base
    print_table(f"Terminal interview through a pty, {args.runs} runs, "
                f"Python {sys.version.split()[0]}", [
                    (f"floor: python -c '{FLOOR}'"[:34], floors, "(floor)"),
                    ("spawn -> first question", firsts,
                     f"{ratio:.2f} x floor (target <= {TARGET_RATIO} x)"),
                    ("  same, set not in the cache", cold, f"{cold_ratio:.2f} x floor"),
                    ("answer -> next question", steps, "<= 50 ms"),
                ])


if __name__ == "__main__":
    main()
