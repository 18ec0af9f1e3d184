"""Answers files (`start --answers FILE`): question id -> value, in YAML or JSON.

The whole file is checked before anything is stored: an unknown question id or an impossible
value stops the run (exit 2) naming the file, line, question and the allowed values.

Whether a question applies depends on earlier answers, and some of those may be asked later on
the terminal. So the file's answers fall into three groups (`settle`): the ones whose question
applies now are stored; the ones whose question can no longer come to apply are left out with a
notice; the rest wait in the session (pending) until the answers they depend on are given.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clustercli import conditions
from clustercli.engine import values
from clustercli.errors import InputProblems, Problem
from clustercli.inputfile import InputFileError, read_limited
from clustercli.names import control_characters
from clustercli.questionset.model import QuestionSet


@dataclass(frozen=True)
class GivenAnswers:
    answers: dict[str, Any]  # checked values of the questions that apply, in set order
    not_applicable: tuple[str, ...]  # ids given in the file whose question cannot apply
    pending: dict[str, Any] = field(default_factory=dict)  # undecided yet, in set order


def read(path: Path, qset: QuestionSet, lang: str) -> GivenAnswers:
    # PyYAML only with a file to read: the interview itself does without it.
    from clustercli.yamlfile import LocatedDict, YamlError

    try:
        raw = _load(path)
    except YamlError as exc:
        problems = exc.problems()
        raise InputProblems("answers.invalid", problems, file=str(path),
                            count=len(problems)) from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise InputProblems("answers.invalid", [Problem("answers.not_mapping", {},
                            file=str(path), line=getattr(raw, "line", 1))],
                            file=str(path), count=1)
    problems = []
    checked: dict[str, Any] = {}
    for key, value in raw.items():
        line = raw.key_lines.get(key) if isinstance(raw, LocatedDict) else None
        question = qset.by_id.get(key) if isinstance(key, str) else None
        if question is None:
            problems.append(Problem("answers.unknown_question", {
                "question": key, "known": ", ".join(qset.by_id)}, file=str(path), line=line,
                question=str(key)))
            continue
        try:
            checked[key] = values.check(question, value, lang, in_file=True)
        except values.AnswerError as error:
            problems.append(Problem(error.key, error.params, file=str(path), line=line,
                                    question=key))
            continue
        found = _control_characters(checked[key])
        if found:
            problems.append(Problem("answers.control_character", {"chars": " ".join(found)},
                                    file=str(path), line=line, question=key))
    if problems:
        raise InputProblems("answers.invalid", problems, file=str(path), count=len(problems))
    return _settle(qset, checked)


def _control_characters(value: Any) -> list[str]:
    """Control characters in a text answer (a line break and a tab may stay: a remark can
    span lines); they would reach the terminal and the reports raw."""
    texts = value if isinstance(value, list) else [value]
    return [ch for text in texts if isinstance(text, str)
            for ch in control_characters(text.replace("\n", "").replace("\t", ""))]


def _load(path: Path) -> Any:
    """YAML, or strict JSON for a `.json` file: read as YAML, `{"sector": "metal",}` and
    other things no JSON parser takes would pass."""
    from clustercli.yamlfile import MAX_BYTES, LocatedDict, YamlError, load_file  # as in read()

    if path.suffix.lower() != ".json":
        return load_file(path)
    name = str(path)
    try:
        text = read_limited(path, MAX_BYTES).decode("utf-8-sig")
    except InputFileError as exc:
        raise YamlError(exc.key, name, **exc.params) from None
    except UnicodeDecodeError as exc:
        raise YamlError("yaml.not_utf8", name, detail=str(exc)) from None
    lines = _key_lines(text)
    repeated: list[str] = []

    def pairs(items: list[tuple[Any, Any]]) -> LocatedDict:
        found = LocatedDict()
        for key, value in items:
            if key in found:
                repeated.append(key)
            found[key] = value
        found.line, found.key_lines = 1, {key: lines[key][0] for key in found if key in lines}
        return found

    def constant(word: str) -> Any:
        raise ValueError(word)  # NaN, Infinity: Python's json takes them, JSON does not

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise YamlError("answers.bad_json", name, exc.lineno, exc.colno, detail=exc.msg) \
            from None
    except ValueError as exc:
        raise YamlError("answers.bad_json", name, detail=str(exc)) from None
    if repeated:
        places: dict[str, list[int | None]] = {key: [*lines.get(key, [])] or [None]
                                               for key in repeated}
        found = [YamlError("yaml.duplicate_key", name, places[key][-1], None, name=key,
                           first_line=places[key][0]) for key in places]
        found[0].also = found[1:]
        raise found[0]
    return data


def _key_lines(text: str) -> dict[str, list[int]]:
    """The lines where each key of a JSON object is written (answers hold no nested
    objects, so every `"key":` is a key of the file's one object)."""
    lines: dict[str, list[int]] = {}
    for match in re.finditer(r'"((?:[^"\\]|\\.)*)"\s*:', text):
        try:
            key = json.loads(f'"{match.group(1)}"')
        except ValueError:
            continue
        lines.setdefault(key, []).append(text.count("\n", 0, match.start()) + 1)
    return lines


@dataclass(frozen=True)
class Settled:
    store: dict[str, Any]  # pending answers whose question applies now, in set order
    left_out: tuple[str, ...]  # pending answers whose question can no longer apply
    pending: dict[str, Any]  # still undecided


def settle(qset: QuestionSet, answers: Mapping[str, Any], pending: Mapping[str, Any]) -> Settled:
    """Sort `pending` (checked values of unanswered questions) against the active `answers`.

    One walk in set order is enough, because a `when` only reads earlier questions. A question
    is *decided* when it has an answer, or when its `when` is false and every question it reads
    is decided: nothing asked later can change that. A question that applies but has no answer
    yet is undecided (it will be asked), and so is every question whose `when` reads it.
    An active answer whose question stops applying on the way (because a pending answer was
    stored before it) is dropped here too, as the session will drop it.
    """
    working = dict(answers)
    decided: set[str] = set()
    store: dict[str, Any] = {}
    left_out = []
    for q in qset.questions:
        if q.when is None or conditions.evaluate(q.when, working):
            if q.id in pending and q.id not in working:
                working[q.id] = store[q.id] = pending[q.id]
            if q.id in working:
                decided.add(q.id)
            continue
        working.pop(q.id, None)
        if conditions.questions_named(q.when) <= decided:
            decided.add(q.id)
            if q.id in pending:
                left_out.append(q.id)
    rest = {q.id: pending[q.id] for q in qset.questions
            if q.id in pending and q.id not in decided}
    return Settled(store, tuple(left_out), rest)


def _settle(qset: QuestionSet, given: dict[str, Any]) -> GivenAnswers:
    """A new assessment has no answers yet: only the file's own answers decide."""
    settled = settle(qset, {}, given)
    return GivenAnswers(settled.store, settled.left_out, settled.pending)
