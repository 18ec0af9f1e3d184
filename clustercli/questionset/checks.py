"""The checks on a question set that types cannot express.

Each check returns problems rather than raising, so that `questions check` can list every problem
of a file in one go. They run after pydantic has accepted the shape.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from clustercli import conditions
from clustercli.errors import Problem
from clustercli.i18n import LANGUAGES
from clustercli.questionset.model import (
    KNOWN_SOURCES,
    SCORED_TYPES,
    Question,
    QuestionSet,
    possible_value,
)

MIN_SCORED_PER_DIMENSION = 3
MAX_SCALE_POINTS = 11


def check_set(qset: QuestionSet) -> list[Problem]:
    problems = list(_check_languages(qset))
    problems += _check_texts(qset)
    problems += _check_ids(qset)
    problems += _check_sources(qset)
    for index, question in enumerate(qset.questions):
        problems += _check_question(qset, question, index)
    problems += _check_dimensions(qset)
    return problems


def _problem(key: str, question: str | None, field: str | None, /, **params: Any) -> Problem:
    return Problem(key, params, question=question, field=field)


def _check_languages(qset: QuestionSet) -> Iterator[Problem]:
    for lang in qset.languages:
        if lang not in LANGUAGES:
            yield _problem("qset.unknown_language", None, "languages", language=lang,
                           allowed=", ".join(LANGUAGES))
    for lang, count in Counter(qset.languages).items():
        if count > 1:
            yield _problem("qset.duplicate_language", None, "languages", language=lang)


def _texts(qset: QuestionSet) -> Iterator[tuple[str | None, str, dict[str, str]]]:
    """Every translatable text: (question id or None, field, {lang: text})."""
    yield None, "title", qset.title
    if qset.description:
        yield None, "description", qset.description
    for dim in qset.dimensions:
        yield None, f"dimensions[{dim.id}].title", dim.title
        if dim.description:
            yield None, f"dimensions[{dim.id}].description", dim.description
    for q in qset.questions:
        yield q.id, "text", q.text
        if q.help:
            yield q.id, "help", q.help
        for option in q.options or ():
            yield q.id, f"options[{option.key}].label", option.label


def _check_texts(qset: QuestionSet) -> Iterator[Problem]:
    declared = set(qset.languages)
    for question, field, texts in _texts(qset):
        for lang in qset.languages:
            if not texts.get(lang, "").strip():
                yield _problem("qset.missing_translation", question, field, language=lang)
        for lang in sorted(set(texts) - declared):
            yield _problem("qset.undeclared_language", question, field, language=lang)
    for name, scale in qset.scales.items():
        yield from _check_labels(None, f"scales[{name}].labels", scale.min, scale.max,
                                 scale.labels, qset.languages)


def _check_labels(question: str | None, field: str, low: float | None, high: float | None,
                  labels: dict[str, list[str]] | None, languages: list[str]) -> Iterator[Problem]:
    if low is None or high is None:
        return
    if low >= high:
        yield _problem("qset.min_not_below_max", question, field, min=low, max=high)
        return
    points = int(high) - int(low) + 1
    if points > MAX_SCALE_POINTS:
        yield _problem("qset.scale_too_long", question, field, points=points,
                       limit=MAX_SCALE_POINTS)
        return
    for lang in languages:
        given = (labels or {}).get(lang)
        if given is None:
            yield _problem("qset.missing_translation", question, field, language=lang)
        elif len(given) != points or not all(label.strip() for label in given):
            yield _problem("qset.scale_labels_count", question, field, language=lang,
                           points=points, given=len(given))


def _check_ids(qset: QuestionSet) -> Iterator[Problem]:
    for kind, ids in (("question", [q.id for q in qset.questions]),
                      ("dimension", [d.id for d in qset.dimensions])):
        for item_id, count in Counter(ids).items():
            if count > 1:
                question = item_id if kind == "question" else None
                field = "id" if kind == "question" else f"dimensions[{item_id}].id"
                yield _problem("qset.duplicate_id", question, field, kind=kind, id=item_id,
                               count=count)
    for q in qset.questions:
        for key, count in Counter(q.option_keys).items():
            if count > 1:
                yield _problem("qset.duplicate_option", q.id, "options", key=key)
        if conditions.UNKNOWN in q.option_keys:
            yield _problem("qset.reserved_option", q.id, "options", key=conditions.UNKNOWN)


def _check_sources(qset: QuestionSet) -> Iterator[Problem]:
    owners: list[tuple[str | None, str, list[str]]] = [
        (None, f"dimensions[{d.id}].source", d.source) for d in qset.dimensions]
    owners += [(q.id, "source", q.source) for q in qset.questions]
    for question, field, sources in owners:
        if not sources:
            yield _problem("qset.no_source", question, field, allowed=", ".join(KNOWN_SOURCES))
        for source, count in Counter(sources).items():
            if count > 1:
                yield _problem("qset.duplicate_source", question, field, source=source)
        for source in sources:
            if source not in KNOWN_SOURCES:
                yield _problem("qset.unknown_source", question, field, source=source,
                               allowed="F1–F12, profile, organisations, design")


def _check_question(qset: QuestionSet, q: Question, index: int) -> Iterator[Problem]:
    kind = q.type
    if kind in ("choice", "multi"):
        if not q.options or len(q.options) < 2:
            yield _problem("qset.too_few_options", q.id, "options")
    elif q.options is not None:
        yield _problem("qset.field_not_for_type", q.id, "options", type=kind)
    if kind == "scale":
        if q.min is None or q.max is None:
            yield _problem("qset.scale_without_points", q.id, "scale")
        else:
            yield from _check_labels(q.id, "labels", q.min, q.max, q.labels, qset.languages)
            if q.min != int(q.min) or q.max != int(q.max):
                yield _problem("qset.scale_not_whole", q.id, "min")
    else:
        if q.labels is not None or q.scale is not None:
            yield _problem("qset.field_not_for_type", q.id,
                           "labels" if q.labels is not None else "scale", type=kind)
        if kind == "number":
            if q.min is not None and q.max is not None and q.min >= q.max:
                yield _problem("qset.min_not_below_max", q.id, "min", min=q.min, max=q.max)
        elif q.min is not None or q.max is not None:
            yield _problem("qset.field_not_for_type", q.id, "min/max", type=kind)
    if kind == "text" and q.allow_unknown:
        yield _problem("qset.field_not_for_type", q.id, "allow_unknown", type=kind)
    yield from _check_scoring(qset, q)
    if q.default is not None and not possible_value(q, q.default):
        yield _problem("qset.bad_default", q.id, "default", value=q.default,
                       allowed=conditions.describe_values(q.domain()))
    if q.when is not None:
        earlier = {p.id: p.domain() for p in qset.questions[:index]}
        for found in conditions.check(q.when, "when", earlier, set(qset.by_id), None):
            yield _problem(found.key, q.id, found.path, **found.params)


def _check_scoring(qset: QuestionSet, q: Question) -> Iterator[Problem]:
    scored_options = [o for o in q.options or () if o.score is not None]
    if q.dimension is None:
        if scored_options:
            yield _problem("qset.score_without_dimension", q.id, "options")
        if q.reverse:
            yield _problem("qset.reverse_without_dimension", q.id, "reverse")
        return
    if q.dimension not in qset.dimension_by_id:
        yield _problem("qset.unknown_dimension", q.id, "dimension", dimension=q.dimension,
                       allowed=", ".join(d.id for d in qset.dimensions) or "-")
    if q.type not in SCORED_TYPES:
        yield _problem("qset.not_scorable", q.id, "dimension", type=q.type)
    elif q.type == "choice" and len(scored_options) != len(q.options or ()):
        yield _problem("qset.option_without_score", q.id, "options")


def _check_dimensions(qset: QuestionSet) -> Iterator[Problem]:
    for dim in qset.dimensions:
        count = len(qset.scored_questions(dim.id))
        if count < MIN_SCORED_PER_DIMENSION:
            yield _problem("qset.dimension_too_small", None, f"dimensions[{dim.id}]",
                           dimension=dim.id, count=count, minimum=MIN_SCORED_PER_DIMENSION)
