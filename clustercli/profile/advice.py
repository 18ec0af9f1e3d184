"""Advice: the rules of the set that fire, and the next steps built from them.

An advice rule fires when its `when` holds (`conditions.evaluate` over the active answers and the
dimension facts), or always when it has none. A rule may carry a next step with a priority
(1 = most urgent); the next steps are the steps of the fired rules, by priority and then in the
order of the rules file, at most MAX_STEPS. The rules check makes sure a set that has steps has
at least MIN_STEPS rules with a step and no `when`, so there are always 3 to 7 steps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clustercli import conditions
from clustercli.conditions import DimensionFact
from clustercli.questionset.rules import MAX_STEPS, Rules


@dataclass(frozen=True)
class FiredAdvice:
    id: str
    text: dict[str, str]
    source: tuple[str, ...]
    when: dict[str, Any] | None  # why it fired (the condition, in its data form)
    step: dict[str, str] | None = None
    priority: int | None = None


@dataclass(frozen=True)
class NextStep:
    advice: str  # the id of the rule it comes from
    text: dict[str, str]
    priority: int
    source: tuple[str, ...]


def fire_advice(rules: Rules | None, answers: Mapping[str, Any],
                dimensions: Mapping[str, DimensionFact]) -> tuple[FiredAdvice, ...]:
    """The advice rules that hold, in the order of the rules file."""
    if rules is None:
        return ()
    return tuple(
        FiredAdvice(rule.id, dict(rule.text), tuple(rule.source),
                    None if rule.when is None else conditions.to_data(rule.when),
                    None if rule.step is None else dict(rule.step), rule.priority)
        for rule in rules.advice
        if rule.when is None or conditions.evaluate(rule.when, answers, dimensions))


def next_steps(fired: tuple[FiredAdvice, ...]) -> tuple[NextStep, ...]:
    """The steps of the fired rules, most urgent first, at most MAX_STEPS."""
    steps = [NextStep(advice.id, advice.step, advice.priority, advice.source)
             for advice in fired if advice.step is not None and advice.priority is not None]
    steps.sort(key=lambda step: step.priority)  # stable: file order among equal priorities
    return tuple(steps[:MAX_STEPS])
