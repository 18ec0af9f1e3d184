"""Helpers shared by the advisor tests (no tests here): answers for the shipped set, and
assessments made through the CLI as an advisor makes them."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from clustercli.paths import shipped_set
from clustercli.questionset.loader import load
from clustercli.questionset.model import QuestionSet

# The shipped rules' band thresholds: sterk >= 75, aandachtspunt >= 50 (1-5 scale: 4 -> 75).
SCORE = {1: 0.0, 2: 25.0, 3: 50.0, 4: 75.0, 5: 100.0}


@cache
def shipped() -> QuestionSet:
    return load(shipped_set())


def shipped_answers(level: int = 4, dims: dict[str, int] | None = None,
                    **overrides: Any) -> dict[str, Any]:
    """A complete set of answers: every scored item at `level` (1-5; reversed items mirrored,
    so that each dimension scores exactly SCORE[level]), `dims` per dimension, then overrides
    (None removes an answer)."""
    answers: dict[str, Any] = {
        "sector": shipped().question("sector").option_keys[0], "tech_market": "other",
        "province": "utrecht",
        "employees": "10-49", "international": False, "own_rnd": False,
        "cooperates": True, "cooperates_regionally": "yes",
        "motives": ["market_position", "quality"], "stimulation_important": 4,
    }
    for q in shipped().questions:
        if q.dimension:
            value = (dims or {}).get(q.dimension, level)
            answers[q.id] = 6 - value if q.reverse else value
    answers.update(overrides)
    return {key: value for key, value in answers.items() if value is not None}


def run_start(cli, tmp_path: Path, answers: dict[str, Any], *args: str):
    """`clustercli start --answers FILE ...args` with no terminal: completes, or stops at the
    first missing answer (exit 2, left in progress). Returns the new assessment's id."""
    path = tmp_path / f"answers-{len(list(tmp_path.glob('answers-*')))}.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    before = {row["id"] for row in listing(cli)}
    cli("start", "--answers", str(path), *args)
    (new,) = {row["id"] for row in listing(cli)} - before
    return new


def listing(cli) -> list[dict[str, Any]]:
    result = cli("list", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def as_json(result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)
