"""Whom to approach: the answers and dimension results -> a short, ranked, reasoned list.

The data (`questions/organisations.yaml`, see data.py) gives each entry its scope and its
routes, in the one condition language. For a firm:

1. An entry is a candidate when its scope holds and at least one of its own routes holds (a
   route with `unless_found` does not count here). Its fit is the best fit of those routes.
2. The candidates are ranked by fit (ties: the order of the file) and the list is cut: at most
   MAX_SHOWN, no more than MAX_PER_KIND of one kind among them while others wait (two clusters,
   then the ROM or a programme, rather than four campuses). Entries that fit as well as a trade
   association or a cluster of the firm's own sector (fit >= EXTEND_FIT) are added after the cut
   up to MAX_WITH_REASON, and their why says so: that is the stated reason for more than five.
3. Routes with `unless_found` are then tried on the entries that made the list, against the
   kinds that made it: "we know no trade association for your sector; KVK can say which fits"
   is said exactly when no association is in the list.
4. Each entry's why is its best-fitting route's reason, with the answers that made it hold.

`route()` gives the list; `routing()` gives it with what the report's next steps depend on
(whether a trade association was found; also `has_trade_association(answers)`) and what was
left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from clustercli import conditions
from clustercli.conditions import Condition, DimensionFact
from clustercli.i18n import pick, t
from clustercli.questionset.describe import Cited
from clustercli.routing.data import Organisation, Route, RoutingData, Scope, shipped
from clustercli.routing.scope import expand, terms
from clustercli.routing.why import reason_sentence, reason_text

TRACE_KIND = "route"
MAX_SHOWN = 5
MAX_WITH_REASON = 7
MAX_PER_KIND = 2
EXTEND_FIT = 80  # a trade association, or a cluster for the firm's own sub-sector


@dataclass(frozen=True)
class Reason:
    rule: str  # the route's id
    text: str
    source: tuple[str, ...]
    sentence: str = ""  # the text without the answers that made it hold (a short report)


@dataclass(frozen=True)
class Recommendation:
    id: str
    name: str  # exactly as the facts name it
    aka: tuple[str, ...]  # former, full or related names
    via: str | None  # who runs it (a programme of RVO)
    kind: str  # one of model.KINDS
    about: str  # what it offers, in the requested language
    why: str  # one line: the best-fitting reason for this firm, with the answers it rests on
    reasons: tuple[Reason, ...]  # every route that held, the one shown first
    verified: str  # when the facts were last checked (YYYY-MM)
    url: str | None  # only for a domain the facts list
    caveat: str | None
    confidence: str  # H or M
    source: tuple[str, ...]  # the basis of the reason shown: F11/F10/F8, else "organisations"
    fit: int = 0  # 0-100: how well it fits this firm; the list is ranked by it
    reason: str = ""  # `why` without the answers it rests on, for a short report

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(reason.rule for reason in self.reasons)


@dataclass(frozen=True)
class Routing:
    recommendations: tuple[Recommendation, ...]
    association_found: bool  # a trade association of the firm's sector is in the list
    left_out: tuple[str, ...]  # ids of entries in scope that the cut left out, best first


def kind_label(kind: str, lang: str) -> str:
    """The name of a kind of recommendation, for headings."""
    return t(f"routing.kind.{kind}", lang)


def route(answers: Mapping[str, Any], dimensions: Mapping[str, DimensionFact], lang: str,
          data: RoutingData | None = None) -> list[Recommendation]:
    """Whom this firm should approach, best fit first, each with why."""
    return list(routing(answers, dimensions, lang, data).recommendations)


def routing(answers: Mapping[str, Any], dimensions: Mapping[str, DimensionFact], lang: str,
            data: RoutingData | None = None) -> Routing:
    """`route`'s list, with whether a trade association was found and what was left out."""
    data = data if data is not None else shipped()
    # "Don't know" says nothing about where a firm belongs: routed as if not answered.
    answers = {key: value for key, value in answers.items() if value != conditions.UNKNOWN}
    candidates: list[_Candidate] = []
    sector = answers.get("sector")
    for index, entry in enumerate(_plan(data)):
        if entry.sectors is not None and sector not in entry.sectors:
            continue  # the quick test first: most entries serve a few sectors
        if not _holds(entry.scope, answers, dimensions):
            continue
        fired = [step for step in entry.steps
                 if not step.route.unless_found and _holds(step.terms, answers, dimensions)]
        if fired:
            candidates.append(_Candidate(index, entry, fired))
    kept, extra, left_out = _cut(candidates)
    chosen = kept + extra
    kinds = {c.entry.org.kind for c in chosen}
    for candidate in chosen:
        candidate.fired += [
            step for step in candidate.entry.steps
            if step.route.unless_found and not kinds & set(step.route.unless_found)
            and _holds(step.terms, answers, dimensions)]
    chosen.sort(key=lambda c: (-c.fit, c.index))
    recommendations = tuple(
        c.build(data, answers, dimensions, lang, extra=c in extra) for c in chosen)
    return Routing(recommendations, "branch_association" in kinds,
                   tuple(c.entry.org.id for c in left_out))


def has_trade_association(answers: Mapping[str, Any], data: RoutingData | None = None) -> bool:
    """Whether the firm's answers lead to a trade association (its sector's, sub-sector's, and
    size's): what `routing(...).association_found` says, without scores or a language, for
    texts that must not assume an association where none is known."""
    return routing(answers, {}, "en", data).association_found


def _cut(candidates: list[_Candidate]
         ) -> tuple[list[_Candidate], list[_Candidate], list[_Candidate]]:
    """(the first MAX_SHOWN, those added with a reason, those left out), each best first."""
    waiting = sorted(candidates, key=lambda c: (-c.fit, c.index))
    kept: list[_Candidate] = []
    per_kind: Counter[str] = Counter()
    for candidate in list(waiting):
        kind = candidate.entry.org.kind
        if len(kept) < MAX_SHOWN and per_kind[kind] < MAX_PER_KIND:
            kept.append(candidate)
            per_kind[kind] += 1
            waiting.remove(candidate)
    while waiting and len(kept) < MAX_SHOWN:  # room left: the kinds' limit no longer matters
        kept.append(waiting.pop(0))
    extra = [c for c in waiting if c.fit >= EXTEND_FIT][:MAX_WITH_REASON - len(kept)]
    return kept, extra, [c for c in waiting if c not in extra]


def traced_rules(data: RoutingData | None = None) -> list[tuple[str, str, tuple[str, ...]]]:
    """Each route as (kind, id, sources), for `questions trace`."""
    data = data if data is not None else shipped()
    return [(TRACE_KIND, route.id, tuple(route.source)) for _, route in data.routes]


def cited_routes(data: RoutingData | None = None) -> list[Cited]:
    """The routes as items of the trace table, beside the set's own items."""
    return [Cited(kind, rule, sources) for kind, rule, sources in traced_rules(data)]


# --- the data as conditions, once per loaded data --------------------------------------------


# Fields whose answers are no reason to name a body (the why says the rest).
_UNSAID = ("sub_sector_answered",)


@dataclass(frozen=True)
class _Step:
    route: Route
    terms: tuple[Condition, ...]
    said: tuple[Condition, ...]  # the terms whose answers the why names


@dataclass(frozen=True)
class _Entry:
    org: Organisation
    scope: tuple[Condition, ...]
    said: tuple[Condition, ...]
    steps: tuple[_Step, ...]
    sectors: frozenset[str] | None  # the sectors its scope allows at all (None: any)


def _conditions(scope: Scope, data: RoutingData
                ) -> tuple[tuple[Condition, ...], tuple[Condition, ...]]:
    """(every term of the scope, the terms whose answers the why names)."""
    found = terms(scope, data)
    return (tuple(term for _, term in found),
            tuple(term for field, term in found if field not in _UNSAID))


_PLANS: dict[int, tuple[RoutingData, tuple[_Entry, ...]]] = {}


def _plan(data: RoutingData) -> tuple[_Entry, ...]:
    """Every entry's scope and routes as conditions (built once for each loaded data)."""
    known = _PLANS.get(id(data))
    if known is not None and known[0] is data:
        return known[1]
    plan = tuple(
        _Entry(org, *_conditions(org.scope, data),
               tuple(_Step(r, *_conditions(r, data)) for r in org.routes),
               None if org.scope.sectors is None else frozenset(
                   ref.partition("/")[0] for ref in expand(org.scope.sectors, data)))
        for org in data.organisations)
    if len(_PLANS) >= 8:
        _PLANS.clear()
    _PLANS[id(data)] = (data, plan)
    return plan


def _holds(conds: tuple[Condition, ...], answers: Mapping[str, Any],
           dimensions: Mapping[str, DimensionFact]) -> bool:
    return all(conditions.evaluate(cond, answers, dimensions) for cond in conds)


@dataclass(eq=False)  # two candidates are the same only if they are one
class _Candidate:
    index: int
    entry: _Entry
    fired: list[_Step] = field(default_factory=list)

    @property
    def fit(self) -> int:
        return max(step.route.fit for step in self.fired)

    def build(self, data: RoutingData, answers: Mapping[str, Any],
              dimensions: Mapping[str, DimensionFact], lang: str, *,
              extra: bool) -> Recommendation:
        org = self.entry.org
        best = max(self.fired, key=lambda step: step.route.fit)  # the first of equals
        steps = [best, *(step for step in self.fired if step is not best)]
        reasons = tuple(
            Reason(step.route.id,
                   reason_text(step.route.why, data, answers, dimensions, lang,
                               (*self.entry.said, *step.said)),
                   tuple(step.route.source),
                   reason_sentence(step.route.why, data, answers, lang))
            for step in steps)
        why, sentence = reasons[0].text, reasons[0].sentence
        if extra:
            why = f"{why} {t('routing.more_than_five', lang)}"
            sentence = f"{sentence} {t('routing.more_than_five', lang)}"
        return Recommendation(
            id=org.id, name=org.name, aka=tuple(org.aka), via=org.via, kind=org.kind,
            about=pick(org.about, lang), why=why, reason=sentence, reasons=reasons,
            verified=org.verified,
            url=org.url, caveat=pick(org.caveat, lang) if org.caveat else None,
            confidence=org.confidence, source=reasons[0].source, fit=self.fit)
