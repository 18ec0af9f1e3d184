"""The report over the corpus: how long, how many organisations, advice and steps, which levels.

Run: uv run python bench/report_corpus.py [--lang nl|en] [--size N] [--seed N]

Builds the report of every self-check of the corpus (tests/corpus.py: CORPUS_SIZE stratified
firms and the edge profiles) in-process with `build_report` and `render_plain` (the short report
`show --plain` gives, wrapped at word boundaries for an 80-column terminal), and prints the
distributions: its lines at 80 columns, words, organisations, advice bullets (the report's
advice beside its actions, shown with `--details` and in the HTML), actions, how often KVK and
the study (EIM) are named, and the readiness levels. Targets (issue 13): lines median <= 70,
max <= 100; organisations median <= 5, max <= 7; advice bullets <= 6. It also times the
building, as a median per report (noisy on a shared machine: a figure, not a test).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from clustercli.paths import shipped_set  # noqa: E402
from clustercli.questionset.loader import load  # noqa: E402
from clustercli.render.plain import render_plain  # noqa: E402
from clustercli.report import build_report  # noqa: E402
from tests.corpus import CORPUS_SIZE, SEED, WIDTH, Figures, generate, record  # noqa: E402

TARGETS = {"lines at 80 columns": "median <= 70, max <= 100",
           "organisations": "median <= 5, max <= 7", "advice bullets": "max <= 6",
           "actions": "3 to 5"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="nl", choices=("nl", "en"))
    parser.add_argument("--size", type=int, default=CORPUS_SIZE)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    qset = load(shipped_set())
    cases = generate(qset, args.size, args.seed)
    found = Figures()
    seconds = []
    for index, case in enumerate(cases):
        start = time.perf_counter()
        report = build_report(record(qset, case, index, args.lang), qset, args.lang)
        plain = render_plain(report, width=WIDTH)
        seconds.append(time.perf_counter() - start)
        found.add(report, plain)
    print(f"Reports over the corpus: {len(cases)} self-checks ({args.size} stratified, "
          f"{len(cases) - args.size} edge profiles), seed {args.seed}, language {args.lang}")
    header = f"{'what':<22} {'median':>7} {'min':>5} {'max':>5}  target"
    print(header)
    print("-" * len(header))
    for what, median, low, high in found.rows():
        print(f"{what:<22} {median:>7g} {low:>5} {high:>5}  {TARGETS.get(what, '')}")
    print()
    print("Levels")
    for level, count in sorted(found.levels.items(), key=lambda item: -item[1]):
        print(f"  {level:<22} {count:>4}  {100 * count / len(cases):5.1f} %")
    edges = [(case.name, found.levels_of[index]) for index, case in enumerate(cases)
             if "edge" in case.tags]
    print()
    print("Edge profiles")
    for name, level in edges:
        print(f"  {name:<30} {level}")
    print()
    print(f"build_report + render_plain: median {statistics.median(seconds) * 1000:.1f} ms "
          f"per report (min {min(seconds) * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
