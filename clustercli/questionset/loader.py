"""Loading a question set: file -> YAML -> shape (pydantic) -> meaning (checks) -> QuestionSet.

Whatever is wrong comes back as one InputProblems listing every problem found, each located by
file, line and, where it applies, question id and field. Nothing else escapes from `load`.

The rules of a set (bands, levels, caps, advice; `clustercli.questionset.rules`) live beside it:
`X.rules.yaml` for `X.yaml`. When that file exists it is checked against the set and attached as
`QuestionSet.rules`, so the canonical JSON (and with it the content hash) covers both; a stored
copy carries them under the key `rules`. Problems in a rules file are located in that file.

This is the checking path, and it loads PyYAML and pydantic. A run of a set checked before takes
`cache.py` instead, which calls this only for a set it has not seen.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from clustercli import schema_errors
from clustercli.errors import InputProblems, Problem
from clustercli.questionset import schema
from clustercli.questionset.checks import check_set
from clustercli.questionset.model import QuestionSet, canonical_json, content_hash
from clustercli.questionset.rule_checks import check_rules, locate
from clustercli.questionset.rules import RULES_SUFFIX, SECTIONS, Rules, rules_path_for
from clustercli.questionset.types import POINTS
from clustercli.yamlfile import LocatedDict, YamlError, load_file, load_text

__all__ = ["RULES_INVALID", "canonical_json", "content_hash", "from_data", "load",
           "load_from_text", "rules_path_for"]


def load(path: Path) -> QuestionSet:
    """The question set in `path` with its rules file if there is one, checked; or
    InputProblems."""
    qset = _check_set(_read(path, "qset.invalid"), str(path), inline_rules=False)
    rules_path = rules_path_for(path)
    if not rules_path.exists():
        return qset
    rules = _check_rules(_read(rules_path, RULES_INVALID), str(rules_path), qset)
    return dataclasses.replace(qset, rules=rules)


def load_from_text(text: str, file: str, rules_text: str | None = None,
                   rules_file: str | None = None) -> QuestionSet:
    raw = _parse(text, file, "qset.invalid")
    rules_file = rules_file or file.removesuffix(".yaml") + RULES_SUFFIX
    rules_raw = None if rules_text is None else _parse(rules_text, rules_file, RULES_INVALID)
    return _build(raw, file, rules_raw, rules_file, inline_rules=False,
                  with_rules=rules_text is not None)


def from_data(raw: Any, file: str) -> QuestionSet:
    """Check already-parsed data: a stored JSON copy, whose rules (if any) are under `rules`."""
    rules_raw = raw.get("rules") if isinstance(raw, dict) else None
    return _build(raw, file, rules_raw, file, inline_rules=True)


RULES_INVALID = "profile.rules.invalid"


def _read(path: Path, key: str) -> Any:
    try:
        return load_file(path)
    except YamlError as exc:
        raise _from_yaml_error(exc, key) from None


def _parse(text: str, file: str, key: str) -> Any:
    try:
        return load_text(text, file)
    except YamlError as exc:
        raise _from_yaml_error(exc, key) from None


def _build(raw: Any, file: str, rules_raw: Any, rules_file: str, *, inline_rules: bool,
           with_rules: bool | None = None) -> QuestionSet:
    qset = _check_set(raw, file, inline_rules)
    if with_rules is False or (with_rules is None and rules_raw is None):
        return qset
    return dataclasses.replace(qset, rules=_check_rules(rules_raw, rules_file, qset))


def _check_set(raw: Any, file: str, inline_rules: bool) -> QuestionSet:
    if raw is None:
        raise _single("qset.empty", file)
    if not isinstance(raw, dict):
        raise _single("qset.not_mapping", file, line=getattr(raw, "line", 1),
                      found="list" if isinstance(raw, list) else type(raw).__name__)
    if "rules" in raw and not inline_rules:
        line = raw.key_lines.get("rules") if isinstance(raw, LocatedDict) else None
        raise _single("profile.rules.inline", file, line=line,
                      rules_file=Path(file).name.removesuffix(".yaml") + RULES_SUFFIX)
    body = {key: value for key, value in raw.items() if key != "rules"}
    try:
        shape = schema.QuestionSet.model_validate(body)
    except ValidationError as exc:
        problems = [_from_pydantic(dict(error), raw, file) for error in exc.errors()]
        # The checks of meaning need a set of the right shape: say they are still to come.
        raise InputProblems("qset.invalid", problems, note="qset.meaning_not_checked",
                            file=file, count=len(problems)) from None
    qset, problems = _resolve_scales(QuestionSet.from_data(shape.model_dump(mode="json")))
    problems += check_set(qset)
    if problems:
        for problem in problems:
            problem.file = file
            problem.line = _locate(raw, problem)
        raise InputProblems("qset.invalid", problems, file=file, count=len(problems))
    return qset


def _check_rules(raw: Any, file: str, qset: QuestionSet) -> Rules:
    if raw is None:
        raise _single("qset.empty", file, key=RULES_INVALID)
    if not isinstance(raw, dict):
        raise _single("profile.rules.not_mapping", file, line=getattr(raw, "line", 1),
                      key=RULES_INVALID,
                      found="list" if isinstance(raw, list) else type(raw).__name__)
    try:
        shape = schema.Rules.model_validate(raw)
    except ValidationError as exc:
        problems = [_from_pydantic(dict(error), raw, file, rules=True)
                    for error in exc.errors()]
        raise InputProblems(RULES_INVALID, problems, file=file, count=len(problems)) from None
    rules = Rules.from_data(shape.model_dump(mode="json"))
    problems = check_rules(rules, qset)
    if problems:
        for problem in problems:
            problem.file = file
            problem.line = locate(raw, problem.field)
        raise InputProblems(RULES_INVALID, problems, file=file, count=len(problems))
    return rules


def _single(problem_key: str, file: str, line: int | None = None, key: str = "qset.invalid",
            **params: Any) -> InputProblems:
    return InputProblems(key, [Problem(problem_key, params, file=file, line=line)],
                         file=file, count=1)


def _from_yaml_error(exc: YamlError, key: str = "qset.invalid") -> InputProblems:
    problems = exc.problems()
    return InputProblems(key, problems, file=exc.file, count=len(problems))


def _resolve_scales(qset: QuestionSet) -> tuple[QuestionSet, list[Problem]]:
    """Give every scale question its own min, max and labels from a named `scales:` entry."""
    problems: list[Problem] = []
    questions = []
    for q in qset.questions:
        if q.scale is None or POINTS not in q.kind.takes:
            questions.append(q)
            continue
        definition = qset.scales.get(q.scale)
        if definition is None:
            problems.append(Problem("qset.unknown_scale", {"scale": q.scale,
                                    "allowed": ", ".join(qset.scales) or "-"},
                                    question=q.id, field="scale"))
            questions.append(q)
        elif q.min is not None or q.max is not None or q.labels is not None:
            problems.append(Problem("qset.scale_and_inline", {}, question=q.id, field="scale"))
            questions.append(q)
        else:
            questions.append(dataclasses.replace(
                q, scale=None, min=float(definition.min), max=float(definition.max),
                labels=definition.labels))
    return dataclasses.replace(qset, questions=questions), problems


def _from_pydantic(error: dict[str, Any], raw: dict[str, Any], file: str,
                   rules: bool = False) -> Problem:
    """Questions are named by their id (or #n), rules by section and id; then the field path."""
    loc = tuple(error["loc"])
    question = None
    field_loc = loc
    prefix = ""
    if rules and len(loc) >= 2 and loc[0] in SECTIONS and isinstance(loc[1], int):
        items = raw.get(loc[0])
        item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        name = item.get("id") if isinstance(item, dict) else None
        prefix = f"{loc[0]}[{name if isinstance(name, str) else loc[1]}]"
        field_loc = loc[2:]
    elif not rules and len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        items = raw.get("questions")
        item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        question = item.get("id") if isinstance(item, dict) else None
        if not isinstance(question, str):
            question = f"#{loc[1] + 1}"
        field_loc = loc[2:]
    field = _field_name(field_loc) or None
    if prefix:
        field = f"{prefix}.{field}" if field else prefix
    return schema_errors.from_pydantic(error, raw, file, field, question)


def _field_name(loc: tuple[Any, ...]) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _locate(raw: dict[str, Any], problem: Problem) -> int | None:
    """The line a semantic problem refers to, found by question id and field."""
    field = problem.field or ""
    head = re.split(r"[.\[]", field, maxsplit=1)[0]
    container: Any = raw
    if problem.question is not None:
        container = next((q for q in raw.get("questions") or []
                          if isinstance(q, dict) and q.get("id") == problem.question), None)
    elif head in ("dimensions", "scales") and "[" in field:
        name = field.split("[", 1)[1].split("]", 1)[0]
        section = raw.get(head)
        if head == "scales" and isinstance(section, dict):
            container = section.get(name)
        elif isinstance(section, list):
            container = next((d for d in section
                              if isinstance(d, dict) and d.get("id") == name), None)
        head = field.split("].", 1)[1].split(".")[0] if "]." in field else ""
    if not isinstance(container, LocatedDict):
        return getattr(raw, "line", None)
    return container.key_lines.get(head, container.line)
