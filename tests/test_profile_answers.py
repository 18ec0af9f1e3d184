"""Answers for profile tests, built the way the engine asks: in order, only what applies.

The helpers here are used by the other test_profile_* modules; the tests at the bottom check the
helpers themselves (so a broken generator cannot make the other tests pass vacuously).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from clustercli.conditions import UNKNOWN
from clustercli.profile.build import build_profile
from clustercli.questionset.loader import load
from clustercli.questionset.model import Question, QuestionSet, possible_value

DATA = Path(__file__).parent / "data"
VALID = DATA / "valid.yaml"
READINESS = DATA / "readiness.yaml"
SHIPPED = Path(__file__).resolve().parent.parent / "questions" / "cluster-readiness.yaml"

SKIP = object()  # a chooser's way of leaving a question unanswered


def values_of(question: Question) -> list[Any]:
    """A spread of possible answers (every one for choice, yes/no and scale questions)."""
    kind = question.type
    if kind == "choice":
        values: list[Any] = list(question.option_keys)
    elif kind == "yesno":
        values = [True, False]
    elif kind == "scale":
        values = question.scale_points()
    elif kind == "number":
        low = int(question.min) if question.min is not None else 0
        high = int(question.max) if question.max is not None else low + 1000
        values = sorted({low, (low + high) // 2, min(high, low + 10), high})
    elif kind == "multi":
        keys = list(question.option_keys)
        values = [[key] for key in keys] + [keys]
        if not question.required:
            values.append([])
    else:
        values = ["x"] if question.required else ["x", ""]
    if question.allow_unknown:
        values.append(UNKNOWN)
    assert all(possible_value(question, v) for v in values), question.id
    return values


def walk(qset: QuestionSet, choose: Callable[[Question, dict[str, Any]], Any]) -> dict[str, Any]:
    """Ask the set in order: every question that applies gets `choose(question, so_far)`."""
    answers: dict[str, Any] = {}
    for question in qset.questions:
        if qset.applies(question, answers):
            value = choose(question, answers)
            if value is not SKIP:
                answers[question.id] = value
    return answers


def interview(qset: QuestionSet, choose: Callable[[Question, dict[str, Any]], Any]
              ) -> dict[str, Any]:
    """Answer through the engine: always the question it asks next, until it asks nothing."""
    from clustercli.engine.interview import Interview

    answers: dict[str, Any] = {}
    while (question := Interview(qset, answers).next_unanswered()) is not None:
        value = choose(question, answers)
        assert value is not SKIP, "the engine way answers every question it asks"
        answers[question.id] = value
    assert Interview(qset, answers).no_longer_applicable() == []
    return answers


def random_chooser(rng: random.Random,
                   complete: bool = False) -> Callable[[Question, dict[str, Any]], Any]:
    """Random answers, with a tilt per dimension (all low, all high, ...) so that every band
    and combination of bands turns up, and now and then a question left open. `complete`:
    every required question that applies is answered, as in a finished assessment."""
    tilts: dict[str, str] = {}

    def choose(question: Question, _: dict[str, Any]) -> Any:
        values = values_of(question)
        if not question.required and not complete and rng.random() < 0.2:
            return SKIP
        if question.type == "multi":
            keys = list(question.option_keys)
            picked = [key for key in keys if rng.random() < 0.5]
            return picked if picked or not question.required else [rng.choice(keys)]
        if question.dimension is None:
            return rng.choice(values)
        tilt = tilts.setdefault(question.dimension, rng.choice(
            ["low", "mid", "high", "any", "open"]))
        known = [v for v in values if v != UNKNOWN]
        if tilt == "open":
            if question.allow_unknown:
                return UNKNOWN if complete or rng.random() < 0.5 else SKIP
            return rng.choice(known) if complete else SKIP
        if tilt == "any":
            return rng.choice(values)
        ranked = sorted(known, key=lambda v: _points(question, v))
        third = max(1, len(ranked) // 3)
        part = {"low": ranked[:third], "mid": ranked[third:-third] or ranked,
                "high": ranked[-third:]}[tilt]
        return rng.choice(part)

    return choose


def _points(question: Question, value: Any) -> float:
    from clustercli.profile.scoring import points

    return float(points(question, value))


def find_witnesses(qset: QuestionSet, tries: int = 4000, seed: int = 7,
                   complete: bool = False, routed: Collection[str] = ()) -> dict[str, dict]:
    """For every advice rule, level and cap: answers that make it fire (advice), come out as the
    final level (level) or lower the level (cap). Missing keys: nothing found. `routed`: the
    kinds of organisation taken as recommended (for advice with `routed:`)."""
    rules = qset.rules
    wanted = {f"advice:{a.id}" for a in rules.advice}
    wanted |= {f"level:{lv.id}" for lv in rules.levels}
    wanted |= {f"cap:{c.id}" for c in rules.caps}
    found: dict[str, dict] = {}
    rng = random.Random(seed)
    for _ in range(tries):
        choose = random_chooser(rng, complete)
        answers = interview(qset, choose) if complete else walk(qset, choose)
        profile = build_profile(qset, answers, routed=routed)
        hits = {f"advice:{a.id}" for a in profile.fired}
        if profile.level is not None:
            hits.add(f"level:{profile.level.id}")
            hits |= {f"cap:{c.id}" for c in profile.level.caps}
        for hit in hits - set(found):
            found[hit] = answers
        if wanted <= set(found):
            break
    return {key: found[key] for key in wanted if key in found}


# --- the helpers themselves ----------------------------------------------------------------


def test_walk_answers_only_what_applies():
    qset = load(READINESS)
    answers = walk(qset, lambda q, _: False if q.id == "cooperates" else values_of(q)[0])
    assert answers["cooperates"] is False
    assert "rel_1" not in answers and "motives" not in answers
    assert "wants_regional" in answers  # asked because the firm does not cooperate regionally


def test_the_engine_way_gives_complete_answers():
    from clustercli.engine.interview import Interview

    qset = load(READINESS)
    rng = random.Random(2)
    for _ in range(50):
        answers = interview(qset, random_chooser(rng, complete=True))
        assert Interview(qset, answers).missing_required() == []
        assert answers == walk(qset, lambda q, _, given=answers: given.get(q.id, SKIP))


def test_random_answers_are_valid_and_vary():
    qset = load(READINESS)
    rng = random.Random(1)
    bands = set()
    for _ in range(200):
        answers = walk(qset, random_chooser(rng))
        for question_id, value in answers.items():
            assert possible_value(qset.question(question_id), value)
        bands |= {d.band for d in build_profile(qset, answers).dimensions}
    assert bands == {"sterk", "aandachtspunt", "knelpunt", "insufficient"}


def test_witness_search_misses_an_impossible_rule():
    from clustercli.questionset.loader import load_from_text

    rules = (DATA / "valid.rules.yaml").read_text(encoding="utf-8") + """
  - id: impossible
    when: {all: [{question: cooperates, equals: true}, {question: cooperates, equals: false}]}
    text: {nl: Nooit., en: Never.}
    source: [design]
"""
    qset = load_from_text(VALID.read_text(encoding="utf-8"), "valid.yaml", rules,
                          "valid.rules.yaml")
    found = find_witnesses(qset, tries=300)
    assert "advice:impossible" not in found
    assert "advice:new_products" in found
