"""Start-up time of the command line: `clustercli --help`, `--version`, and bare Python.

Run: uv run python bench/startup.py [--runs N]
Target (issue [foundation]): `clustercli --help` <= 100 ms median on this machine.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import print_table, time_command


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=31)
    args = parser.parse_args()
    script = shutil.which("clustercli", path=str(Path(sys.executable).parent)) or "clustercli"
    rows = [
        ("clustercli --help", time_command([script, "--help"], args.runs), "<= 100 ms"),
        ("clustercli --version", time_command([script, "--version"], args.runs), ""),
        ("python -c pass", time_command([sys.executable, "-c", "pass"], args.runs),
         "(floor)"),
        ("python -c 'import typer'",
         time_command([sys.executable, "-c", "import typer"], args.runs), "(typer alone)"),
    ]
    print_table(f"Start-up, {args.runs} runs each, Python {sys.version.split()[0]}", rows)


if __name__ == "__main__":
    main()
