"""How soon the terminal interview answers: through a pseudo-terminal, as a user sees it.

- spawn -> first question: from starting `python -m clustercli start` until the first
  question's hint line is on the screen (the whole prompt is drawn by then);
- answer -> next question: from sending an answer until the next question's progress line
  and hint line are on the screen, over the first questions of the shipped set.

Run: uv run python bench/first_question.py [--runs N]
Targets (issue [terminal]): <= 300 ms and <= 50 ms median on this machine.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import pexpect

sys.path.insert(0, str(Path(__file__).parent))
from _timing import bench_env, print_table

ANSWERS_PER_RUN = 7  # the shipped set opens with choice and yes/no questions; then a checkbox
HINT = re.compile("Ctrl-P pauze")


def one_run(home: str) -> tuple[float, list[float]]:
    env = bench_env() | {"TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1",
                         "CLUSTERCLI_HOME": home, "CLUSTERCLI_LANG": "nl"}
    start = time.perf_counter()
    child = pexpect.spawn(sys.executable, ["-m", "clustercli", "start"], env=env,
                          encoding="utf-8", dimensions=(50, 120), timeout=20)
    child.delaybeforesend = None
    child.expect(HINT)
    first = time.perf_counter() - start
    steps = []
    for number in range(2, ANSWERS_PER_RUN + 2):
        sent = time.perf_counter()
        child.send("\r")  # the preselected (or first) answer
        child.expect(f"Vraag {number} van")
        child.expect(HINT)
        steps.append(time.perf_counter() - sent)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    return first, steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ.pop("CLUSTERCLI_LANG", None)
        for _ in range(2):  # warm-up: bytecode caches, the data folder
            one_run(home)
        firsts, steps = [], []
        for _ in range(args.runs):
            first, answered = one_run(home)
            firsts.append(first)
            steps += answered
    print_table(f"Terminal interview through a pty, {args.runs} runs, "
                f"Python {sys.version.split()[0]}", [
                    ("spawn -> first question", firsts, "<= 300 ms"),
                    ("answer -> next question", steps, "<= 50 ms"),
                ])


if __name__ == "__main__":
    main()
