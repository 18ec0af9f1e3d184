"""Advice: the rules of the set that fire, the few that are shown, and the actions.

An advice rule fires when its `when` holds (`conditions.evaluate` over the active answers and the
dimension facts), or always when it has none; a rule with `routed` only when the organisations
recommended to this firm include one of that kind (`routed`, from the report's routing: a step
that sends the firm to its trade association needs one to be named).

The order of the rules file is the order of importance. What the report shows:
- `advice`: the first MAX_ADVICE rules that fire;
- `actions`: the steps of the rules that fired for this firm, most urgent first (priority 1 =
  most urgent, then the file's order), at most MAX_ACTIONS; the standing steps (a rule with a
  step and no `when`) only where the firm's own are fewer than MIN_ACTIONS, so that there are
  three to five and each is there for this firm where it can be. Each with why, in one
  sentence (its rule's text), and the basis (its rule's sources). A step whose text another
  action already has is left out, so no two actions say the same. The rules check makes sure
  a set with steps has at least MIN_STEPS rules with a step and no `when`, so there are always
  three;
- `next_steps`: the actions' steps, for the reports that list steps on their own.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from clustercli import conditions
from clustercli.conditions import DimensionFact
from clustercli.questionset.rules import Rules

MAX_ADVICE = 6
MIN_ACTIONS, MAX_ACTIONS = 3, 4


@dataclass(frozen=True)
class FiredAdvice:
    id: str
    text: dict[str, str]
    source: tuple[str, ...]
    when: dict[str, Any] | None  # why it fired (the condition, in its data form)
    step: dict[str, str] | None = None
    priority: int | None = None
    routed: str | None = None  # the kind of organisation it needed recommended


@dataclass(frozen=True)
class NextStep:
    advice: str  # the id of the rule it comes from
    text: dict[str, str]
    priority: int
    source: tuple[str, ...]


@dataclass(frozen=True)
class Action:
    """One of the few things that matter most for this firm: what to do, why, on what basis."""

    advice: str  # the id of the rule it comes from
    step: dict[str, str]  # what to do
    why: dict[str, str]  # why, in one sentence: the rule's text
    source: tuple[str, ...]  # the basis: findings of the study, or design, profile
    priority: int


def fire_advice(rules: Rules | None, answers: Mapping[str, Any],
                dimensions: Mapping[str, DimensionFact],
                routed: Collection[str] = ()) -> tuple[FiredAdvice, ...]:
    """Every advice rule that holds, in the order of the rules file."""
    if rules is None:
        return ()
    return tuple(
        FiredAdvice(rule.id, dict(rule.text), tuple(rule.source),
                    None if rule.when is None else conditions.to_data(rule.when),
                    None if rule.step is None else dict(rule.step), rule.priority, rule.routed)
        for rule in rules.advice
        if (rule.routed is None or rule.routed in routed)
        and (rule.when is None or conditions.evaluate(rule.when, answers, dimensions)))


def shown_advice(fired: tuple[FiredAdvice, ...]) -> tuple[FiredAdvice, ...]:
    """The advice the report shows: the most important MAX_ADVICE, in the file's order."""
    return fired[:MAX_ADVICE]


def actions(fired: tuple[FiredAdvice, ...]) -> tuple[Action, ...]:
    """The steps of the fired rules, most urgent first, each step once: those that fired for
    this firm (a `when` or `routed` that held), at most MAX_ACTIONS; the standing steps (no
    `when`) only to make up MIN_ACTIONS."""
    chosen: list[Action] = []
    ranked = sorted((advice for advice in fired
                     if advice.step is not None and advice.priority is not None),
                    key=lambda advice: advice.priority or 0)  # stable: file order among equals
    own = [advice for advice in ranked if advice.when is not None or advice.routed is not None]
    standing = [advice for advice in ranked if advice not in own]
    for advice in own + standing:
        assert advice.step is not None and advice.priority is not None
        if any(action.step == advice.step for action in chosen):
            continue
        if advice in standing and len(chosen) >= MIN_ACTIONS:
            break
        chosen.append(Action(advice.id, advice.step, advice.text, advice.source,
                             advice.priority))
    chosen.sort(key=lambda action: action.priority)  # stable: the firm's own first
    return tuple(chosen[:MAX_ACTIONS])


def next_steps(chosen: tuple[Action, ...]) -> tuple[NextStep, ...]:
    """The actions' steps on their own."""
    return tuple(NextStep(action.advice, action.step, action.priority, action.source)
                 for action in chosen)
