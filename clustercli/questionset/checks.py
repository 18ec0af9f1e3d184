"""The checks on a question set that types cannot express.

Each check returns problems rather than raising, so that `questions check` can list every problem
of a file in one go. They run after pydantic has accepted the shape. What a question's fields
must say for its type is the type's own check (`Question.kind.check`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from clustercli import conditions
from clustercli.errors import Problem
from clustercli.i18n import LANGUAGES
from clustercli.questionset.model import KNOWN_SOURCES, Question, QuestionSet, possible_value
from clustercli.questionset.types import check_scale_labels

MIN_SCORED_PER_DIMENSION = 3


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
        yield from check_scale_labels(None, f"scales[{name}].labels", scale.min, scale.max,
                                      scale.labels, qset.languages)


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
    yield from q.kind.check(q, qset.languages)
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
    if not q.kind.scored:
        yield _problem("qset.not_scorable", q.id, "dimension", type=q.type)
    else:
        yield from q.kind.check_scoring(q)


def _check_dimensions(qset: QuestionSet) -> Iterator[Problem]:
    for dim in qset.dimensions:
        count = len(qset.scored_questions(dim.id))
        if count < MIN_SCORED_PER_DIMENSION:
            yield _problem("qset.dimension_too_small", None, f"dimensions[{dim.id}]",
                           dimension=dim.id, count=count, minimum=MIN_SCORED_PER_DIMENSION)
