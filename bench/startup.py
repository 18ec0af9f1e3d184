"""Start-up time of the command line: `clustercli --help`, `--version`, and bare Python.

Run: uv run python bench/startup.py [--runs N]
Target (issue 17): `clustercli --help` <= 100 ms median where `python -c pass` (the floor, timed
in the same run) is <= 15 ms; on a busier machine the figure means nothing against the target.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import print_table, time_command


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=31)
    args = parser.parse_args()
    script = shutil.which("clustercli", path=str(Path(sys.executable).parent)) or "clustercli"
    bare = time_command([sys.executable, "-c", "pass"], args.runs)
    quiet = statistics.median(bare) <= 0.015
    rows = [
        ("clustercli --help", time_command([script, "--help"], args.runs),
         "<= 100 ms" + ("" if quiet else " (floor > 15 ms: too busy to tell)")),
        ("clustercli --version", time_command([script, "--version"], args.runs), ""),
        ("python -c pass", bare, "(floor, <= 15 ms)"),
        ("python -c 'import typer'",
         time_command([sys.executable, "-c", "import typer"], args.runs), "(typer alone)"),
    ]
    print_table(f"Start-up, {args.runs} runs each, Python {sys.version.split()[0]}", rows)


if __name__ == "__main__":
    main()
