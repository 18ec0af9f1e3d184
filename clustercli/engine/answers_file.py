"""Answers files (`start --answers FILE`): question id -> value, in YAML or JSON.

The whole file is checked before anything is stored: an unknown question id or an impossible
value stops the run (exit 2) naming the file, line, question and the allowed values. Answers to
questions that do not apply are left out with a notice, decided in question order (whether a
question applies depends on the earlier answers).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clustercli import conditions
from clustercli.engine import values
from clustercli.errors import InputProblems, Problem
from clustercli.questionset.model import QuestionSet
from clustercli.yamlfile import LocatedDict, YamlError, load_file


@dataclass(frozen=True)
class GivenAnswers:
    answers: dict[str, Any]  # checked values of the questions that apply, in set order
    not_applicable: tuple[str, ...]  # ids given in the file whose question does not apply


def read(path: Path, qset: QuestionSet, lang: str) -> GivenAnswers:
    try:
        raw = load_file(path)
    except YamlError as exc:
        problem = Problem(exc.key, exc.params, file=exc.file, line=exc.line, column=exc.column)
        raise InputProblems("answers.invalid", [problem], file=str(path), count=1) from None
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
    if problems:
        raise InputProblems("answers.invalid", problems, file=str(path), count=len(problems))
    return _settle(qset, checked)


def _settle(qset: QuestionSet, given: dict[str, Any]) -> GivenAnswers:
    kept: dict[str, Any] = {}
    skipped = []
    for q in qset.questions:
        if q.id not in given:
            continue
        if q.when is None or conditions.evaluate(q.when, kept):
            kept[q.id] = given[q.id]
        else:
            skipped.append(q.id)
    return GivenAnswers(kept, tuple(skipped))
