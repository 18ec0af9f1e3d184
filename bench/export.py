"""Time `clustercli export --format csv` and `--format jsonl` of 10,000 assessments.

Run: uv run python bench/export.py [--size N] [--runs N] [--dir DIR] [--keep]
Target (issue [portability]): <= 3 s median for each format, through the command line as a
user runs it (start-up and all), writing to a file with -o.

The store is made by bench/_exportstore.py (the shipped question set, every question answered,
summaries computed by the tool itself). A check after the first run makes sure each export
really holds every assessment, so a fast but empty export cannot pass.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _exportstore import generate
from _timing import bench_env, print_table

TARGET = 3.0


def timed(argv: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU (user + system) seconds of each run, after one untimed run. The CPU
    figure shows what the export costs when the machine is busy with other work, which
    stretches the wall clock but not the CPU time."""
    env = bench_env()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


def count(kind: str, path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        if kind == "csv":
            return sum(1 for _ in csv.reader(handle)) - 1  # less the header
        return sum(1 for line in handle if line.startswith('{"kind":"assessment"'))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dir", type=Path, help="where to make the store (default: a new "
                        "temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the generated store")
    args = parser.parse_args()

    base = (args.dir or Path(tempfile.mkdtemp(prefix="clustercli-export-"))).resolve()
    data = base / "store"
    shutil.rmtree(data, ignore_errors=True)
    base.mkdir(parents=True, exist_ok=True)
    script = shutil.which("clustercli", path=str(Path(sys.executable).parent)) or "clustercli"
    rows, medians = [], {}
    try:
        generate(data, args.size)
        for kind in ("csv", "jsonl"):
            out = base / f"export.{kind}"
            argv = [script, "--data-dir", str(data), "export", "--format", kind, "-o", str(out)]
            check = subprocess.run(argv, capture_output=True, text=True, env=bench_env())
            if check.returncode != 0 or count(kind, out) != args.size:
                print(f"export --format {kind} failed or was incomplete:\n{check.stderr}",
                      file=sys.stderr)
                return 1
            wall, cpu = timed(argv, args.runs)
            medians[kind] = statistics.median(wall)
            rows.append((f"export --format {kind}", wall, f"<= {TARGET:.0f} s"))
            rows.append(("  CPU time (user + system)", cpu, ""))
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    print_table(f"export of {args.size:,} assessments, median of {args.runs} runs", rows)
    verdicts = ", ".join(f"{kind} {medians[kind]:.2f} s "
                         f"({'met' if medians[kind] <= TARGET else 'missed'})"
                         for kind in medians)
    print(f"\n{verdicts}; target <= {TARGET:.0f} s each. Load average: "
          f"{', '.join(f'{load:.1f}' for load in os.getloadavg())} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
