"""The data behind "whom to approach": organisations, clusters and the rules that route to them.

The data lives in `questions/organisations.yaml` (shipped in the wheel), so that an advisor can
correct or extend it without touching code. Loading goes file -> YAML -> shape (pydantic) ->
meaning (the checks below) -> RoutingData; whatever is wrong comes back as one InputProblems
listing every problem, each located by file, line and entry (`organisations[kvk].website`).
Nothing else escapes from `load`.

What the checks guarantee, so that routing can rely on it (details in checks.py):
- every text exists in Dutch and English, and a reason's {placeholders} name declared answers;
- every name is one the facts confirm, nothing on a "do not name" list appears, a website only
  where the facts list its domain; every entry has a `verified` date and a confidence, and an M
  entry has a caveat;
- every scope and route is a valid condition over the declared answers and dimensions, naming
  only values those answers can take; each kind carries the scope fields it needs;
- every route names a known reason and sources; every entry has a route that needs no other.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from clustercli import schema_errors
from clustercli.errors import InputProblems, Problem
from clustercli.routing.answers import check_against_question_set
from clustercli.routing.checks import check_data
from clustercli.routing.model import (  # re-exported: routing and tests use them
    ANSWER_TYPES,
    CONFIDENCES,
    DATA_FILE,
    FACT_FILES,
    KINDS,
    AnswerSpec,
    Facts,
    Organisation,
    Route,
    RoutingData,
    Scope,
)
from clustercli.yamlfile import YamlError, load_file

__all__ = ["ANSWER_TYPES", "CONFIDENCES", "DATA_FILE", "FACT_FILES", "KINDS", "AnswerSpec",
           "Facts", "Organisation", "Route", "RoutingData", "Scope",
           "check_against_question_set", "check_data", "default_path", "from_data", "load",
           "shipped"]


# --- loading -------------------------------------------------------------------------------


def default_path() -> Path:
    from clustercli.paths import questions_dir

    return questions_dir() / DATA_FILE


@cache
def _load_cached(path: Path, mtime_ns: int) -> RoutingData:
    return load(path)


def shipped() -> RoutingData:
    """The data that comes with clustercli (read once per change of the file)."""
    path = default_path()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = -1
    return _load_cached(path, mtime)


def load(path: Path) -> RoutingData:
    """The routing data in `path`, checked; or InputProblems."""
    try:
        raw = load_file(path)
    except YamlError as exc:
        problems = exc.problems()
        raise InputProblems("routing.load.invalid", problems, file=exc.file,
                            count=len(problems)) from None
    return from_data(raw, str(path))


def from_data(raw: Any, file: str) -> RoutingData:
    """Check already-parsed data."""
    if raw is None:
        raise _single("routing.load.empty", file, None)
    if not isinstance(raw, dict):
        raise _single("routing.load.not_mapping", file, getattr(raw, "line", 1),
                      found="list" if isinstance(raw, list) else type(raw).__name__)
    try:
        data = RoutingData.model_validate(raw)
    except ValidationError as exc:
        problems = [_from_pydantic(error, raw, file) for error in exc.errors()]
        raise InputProblems("routing.load.invalid", problems, file=file,
                            count=len(problems)) from None
    problems = sorted(check_data(data, raw), key=lambda p: p.line or 0)
    if problems:
        for problem in problems:
            problem.file = file
        raise InputProblems("routing.load.invalid", problems, file=file, count=len(problems))
    return data


def _single(key: str, file: str, line: int | None, **params: Any) -> InputProblems:
    return InputProblems("routing.load.invalid", [Problem(key, params, file=file, line=line)],
                         file=file, count=1)


def _from_pydantic(error: Any, raw: dict[str, Any], file: str) -> Problem:
    return schema_errors.from_pydantic(error, raw, file, _field_name(tuple(error["loc"]), raw))


def _field_name(loc: tuple[Any, ...], raw: Any) -> str:
    """`organisations[kvk].website` for ("organisations", 0, "website"): entries by their id."""
    name = ""
    node = raw
    for part in loc:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and part < len(node) else None
            label = item.get("id") if isinstance(item, dict) else None
            name += f"[{label}]" if isinstance(label, str) and label else f"[#{part + 1}]"
            node = item
        else:
            name += f".{part}" if name else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return name



