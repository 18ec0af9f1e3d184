"""Whom to approach: the answers and dimension results -> ordered, reasoned recommendations.

The rules are data (`questions/organisations.yaml`, see `organisations.py`), written in the one
condition language and evaluated by `conditions.evaluate`. They run in the order of the file; a
recommendation takes the place of the first rule that names it, so the file's order is the
order the user sees (KVK and the branch association first, as the study's F11 puts them).
Several rules can name the same entry: their reasons are joined, their sources merged.

Each reason says why: the rule's reason text, then the answers or scores that made its
condition true ("sector: metal; province: Utrecht"), found by walking the condition.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from clustercli import conditions
from clustercli.conditions import (
    All,
    Answered,
    AnyOf,
    BandCount,
    Condition,
    DimensionFact,
    DimensionTerm,
    Not,
    QuestionTerm,
)
from clustercli.i18n import pick, t
from clustercli.questionset.describe import Cited
from clustercli.routing.data import Organisation, RoutingData, Rule, shipped

TRACE_KIND = "route"


@dataclass(frozen=True)
class Reason:
    rule: str
    text: str
    source: tuple[str, ...]


@dataclass(frozen=True)
class Recommendation:
    id: str
    name: str  # exactly as the facts name it
    aka: tuple[str, ...]  # former, full or related names
    via: str | None  # who runs it (a programme of RVO)
    kind: str  # one of organisations.KINDS
    about: str  # what it offers, in the requested language
    why: str  # the reasons, joined
    reasons: tuple[Reason, ...]
    verified: str  # when the facts were last checked (YYYY-MM)
    url: str | None  # only for a domain organisations.md lists
    caveat: str | None
    confidence: str  # H or M
    source: tuple[str, ...]  # F11/F10/F8 where the study bears it, else "organisations"

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(reason.rule for reason in self.reasons)


def kind_label(kind: str, lang: str) -> str:
    """The name of a kind of recommendation, for headings."""
    return t(f"routing.kind.{kind}", lang)


def route(answers: Mapping[str, Any], dimensions: Mapping[str, DimensionFact], lang: str,
          data: RoutingData | None = None) -> list[Recommendation]:
    """Whom this firm should approach, in order, each with why."""
    data = data if data is not None else shipped()
    found: dict[str, _Pending] = {}
    for rule in data.rules:
        if rule.when is not None and not conditions.evaluate(rule.when, answers, dimensions):
            continue
        if rule.unless_kind is not None and any(
                p.org.kind == rule.unless_kind for p in found.values()):
            continue
        targets = rule.recommend or [org_id for org_id, p in found.items()
                                     if p.org.kind == rule.to_kind]
        if not targets:
            continue
        reason = Reason(rule.id, _reason_text(rule, data, answers, dimensions, lang),
                        tuple(rule.source))
        for org_id in targets:
            if org_id not in found:
                found[org_id] = _Pending(data.organisation(org_id))
            found[org_id].reasons.append(reason)
    return [pending.build(lang) for pending in found.values()]


def traced_rules(data: RoutingData | None = None) -> list[tuple[str, str, tuple[str, ...]]]:
    """Each routing rule as (kind, id, sources), for `questions trace`."""
    data = data if data is not None else shipped()
    return [(TRACE_KIND, rule.id, tuple(rule.source)) for rule in data.rules]


def cited_routes(data: RoutingData | None = None) -> list[Cited]:
    """The routing rules as items of the trace table, beside the set's own items."""
    return [Cited(kind, rule, sources) for kind, rule, sources in traced_rules(data)]


@dataclass
class _Pending:
    org: Organisation
    reasons: list[Reason] = field(default_factory=list)

    def build(self, lang: str) -> Recommendation:
        org = self.org
        sources: list[str] = []
        for reason in self.reasons:
            sources += [s for s in reason.source if s not in sources]
        return Recommendation(
            id=org.id, name=org.name, aka=tuple(org.aka), via=org.via, kind=org.kind,
            about=pick(org.about, lang), why=" ".join(r.text for r in self.reasons),
            reasons=tuple(self.reasons), verified=org.verified, url=org.url,
            caveat=pick(org.caveat, lang) if org.caveat else None,
            confidence=org.confidence, source=tuple(sources))


# --- why -----------------------------------------------------------------------------------


def _reason_text(rule: Rule, data: RoutingData, answers: Mapping[str, Any],
                 dimensions: Mapping[str, DimensionFact], lang: str) -> str:
    template = pick(data.reasons[rule.why], lang)
    values = {answer: _answer_label(answer, answers.get(answer), lang)
              for answer in data.answers}
    text = template.format(**values)
    if rule.when is None:
        return text
    phrases: list[str] = []
    for term in _terms_that_hold(rule.when, answers, dimensions):
        phrase = _phrase(term, answers, dimensions, lang)
        if phrase not in phrases:
            phrases.append(phrase)
    if not phrases:
        return text
    return t("routing.because", lang, text=text, answers="; ".join(phrases))


def _terms_that_hold(cond: Condition, answers: Mapping[str, Any],
                     dimensions: Mapping[str, DimensionFact]) -> list[Condition]:
    """The answer and score terms that make a true condition true (negations say nothing)."""
    if not conditions.evaluate(cond, answers, dimensions):
        return []
    match cond:
        case All(items) | AnyOf(items):
            return [term for item in items
                    for term in _terms_that_hold(item, answers, dimensions)]
        case QuestionTerm() | DimensionTerm() | BandCount():
            return [cond]
        case Not() | Answered():
            return []
    raise TypeError(cond)


def _phrase(term: Condition, answers: Mapping[str, Any],
            dimensions: Mapping[str, DimensionFact], lang: str) -> str:
    match term:
        case QuestionTerm(question, op, value):
            shown = value if op == "includes" else answers[question]
            return t("routing.answered", lang, question=t(f"routing.answer.{question}", lang),
                     value=_answer_label(question, shown, lang))
        case DimensionTerm(dimension, _, _):
            fact = dimensions[dimension]
            band = t(f"routing.band.{fact.band}", lang)
            name = t(f"routing.dimension.{dimension}", lang)
            if fact.score is None:
                return t("routing.scored_no_score", lang, dimension=name, band=band)
            return t("routing.scored", lang, dimension=name, band=band,
                     score=round(fact.score))
        case BandCount(band, _, _):
            count = sum(1 for fact in dimensions.values() if fact.band == band)
            return t("routing.band_count", lang, band=t(f"routing.band.{band}", lang),
                     count=count)
    raise TypeError(term)


def _answer_label(question: str, value: Any, lang: str) -> str:
    if value is None:
        return t("routing.unanswered", lang)
    if isinstance(value, bool):
        return t("routing.value.yes" if value else "routing.value.no", lang)
    if isinstance(value, list):
        return ", ".join(_answer_label(question, item, lang) for item in value)
    if value == conditions.UNKNOWN:
        return t("routing.value.unknown", lang)
    key = f"routing.value.{question}.{value}"
    text = t(key, lang)
    return str(value) if text == key else text
