"""Shared helpers for the benchmarks: repeat a command, take the median, print a table."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence


def bench_env() -> dict[str, str]:
    """The environment a user has: bytecode may be cached (PYTHONDONTWRITEBYTECODE unset)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def time_command(argv: Sequence[str], runs: int, env: dict[str, str] | None = None,
                 warmup: int = 2) -> list[float]:
    """Wall-clock seconds of `argv` run `runs` times after `warmup` untimed runs."""
    env = env or bench_env()
    for _ in range(warmup):
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                       check=False)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                       check=False)
        samples.append(time.perf_counter() - start)
    return samples


def time_call(func: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return samples


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def print_table(title: str, rows: list[tuple[str, list[float], str]]) -> None:
    """rows: (what, samples in seconds, target text)."""
    print(title)
    header = f"{'what':<34} {'runs':>5} {'median ms':>10} {'min ms':>8} {'p90 ms':>8}  target"
    print(header)
    print("-" * len(header))
    for what, samples, target in rows:
        ordered = sorted(samples)
        p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
        print(f"{what:<34} {len(samples):>5} {ms(statistics.median(samples)):>10} "
              f"{ms(ordered[0]):>8} {ms(p90):>8}  {target}")
