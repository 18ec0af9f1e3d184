"""`build_profile`: every part of the profile for one set of answers, in one result."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from clustercli.profile.advice import (
    Action,
    FiredAdvice,
    NextStep,
    actions,
    fire_advice,
    next_steps,
    shown_advice,
)
from clustercli.profile.explain import Explanation, explain
from clustercli.profile.levels import LevelResult, Withheld, readiness_level, withheld
from clustercli.profile.mirror import MirrorLine, mirror
from clustercli.profile.scoring import (
    DimensionResult,
    active_answers,
    facts,
    score_dimension,
)
from clustercli.profile.summary import SUMMARY_ANSWERS, Summary
from clustercli.questionset.model import QuestionSet
from clustercli.questionset.rules import DEFAULT_BANDS, Rules


@dataclass(frozen=True)
class Profile:
    set_id: str
    set_version: str
    dimensions: tuple[DimensionResult, ...]  # in the set's order
    explanations: dict[str, Explanation]  # by dimension id
    level: LevelResult | None
    advice: tuple[FiredAdvice, ...]  # the most important (at most MAX_ADVICE), file order
    next_steps: tuple[NextStep, ...]  # the actions' steps
    mirror: tuple[MirrorLine, ...]
    # The 3-5 things that matter most for this firm, most urgent first, each with why and basis
    actions: tuple[Action, ...] = ()
    # Why there is no level although the set has levels: too many parts without a score
    withheld: Withheld | None = None
    # Every advice rule that fired, in the order of the rules file (`advice` shows the first)
    fired: tuple[FiredAdvice, ...] = ()

    def dimension(self, dimension_id: str) -> DimensionResult:
        return next(d for d in self.dimensions if d.id == dimension_id)

    def summary(self, answers: Mapping[str, Any] | None = None) -> Summary:
        """What an assessment keeps on completion (for `list`, `clients`, `stats`, the CSV):
        level, scores and bands, and of `answers` those of `SUMMARY_ANSWERS`."""
        given = answers or {}
        return Summary(
            level=None if self.level is None else self.level.id,
            # Rounded down to one decimal, as `compare` shows them and as the report does to
            # whole points: a kept 74.96 must not read as 75.0, the next band up.
            scores={d.id: None if d.score is None else math.floor(d.score * 10 + 1e-9) / 10
                    for d in self.dimensions},
            bands={d.id: d.band for d in self.dimensions},
            answers={q: given[q] for q in SUMMARY_ANSWERS if q in given},
        )

    def to_data(self) -> dict[str, Any]:
        """Everything, JSON-ready (texts per language; mirror lines as keys and params)."""
        dimensions = []
        for d in self.dimensions:
            explanation = self.explanations[d.id]
            dimensions.append({
                "id": d.id, "title": d.title, "score": d.score, "band": d.band,
                "applicable": d.applicable, "answered": d.answered,
                "weakest": [asdict(w) for w in explanation.weakest],
                "lift": None if explanation.lift is None else {
                    "to_band": explanation.lift.to_band, "need": explanation.lift.need,
                    "targets": [{"question": x.question, "op": x.op,
                                 "value": list(x.value) if isinstance(x.value, tuple)
                                 else x.value} for x in explanation.lift.targets]},
            })
        return {
            "question_set": {"id": self.set_id, "version": self.set_version},
            "dimensions": dimensions,
            "level": None if self.level is None else _jsonable(asdict(self.level)),
            "advice": [_jsonable(asdict(a)) for a in self.advice],
            "next_steps": [_jsonable(asdict(s)) for s in self.next_steps],
            "actions": [_jsonable(asdict(a)) for a in self.actions],
            "withheld": None if self.withheld is None else _jsonable(asdict(self.withheld)),
            "mirror": [_jsonable(asdict(m)) for m in self.mirror],
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    return value


def summarise(qset: QuestionSet, answers: Mapping[str, Any]) -> Summary:
    """The completion summary of these answers, worked out afresh (never taken on trust: the
    store works it out from the record as stored, `import` from the record in the file)."""
    return build_profile(qset, answers).summary(answers)


def build_profile(qset: QuestionSet, answers: Mapping[str, Any], *,
                  routed: Collection[str] = ()) -> Profile:
    """The whole profile for these answers (stale answers to questions that no longer apply
    are left out; an impossible answer is a BadInput). `routed`: the kinds of organisation
    the report recommends (`clustercli.routing`), for advice that needs one (`routed:`)."""
    rules: Rules | None = qset.rules
    bands = rules.bands if rules is not None else DEFAULT_BANDS
    active = active_answers(qset, answers)
    results = tuple(score_dimension(qset, d.id, active, bands) for d in qset.dimensions)
    by_id = {r.id: r for r in results}
    dimension_facts = facts(by_id)
    fired = fire_advice(rules, active, dimension_facts, routed)
    chosen = actions(fired)
    return Profile(
        set_id=qset.id,
        set_version=qset.version,
        dimensions=results,
        explanations={r.id: explain(qset, r, bands) for r in results},
        level=readiness_level(rules, active, dimension_facts),
        advice=shown_advice(fired),
        next_steps=next_steps(chosen),
        mirror=mirror(qset, active),
        actions=chosen,
        withheld=withheld(rules, dimension_facts),
        fired=fired,
    )
