"""What a scope means: each of its fields as a term of the one condition language.

A scope (or a route, which is a scope with a reason) holds when every term holds. The terms are
plain conditions, so the one evaluator decides them and the one checker validates them against
the answers the data declares; nothing here evaluates anything itself.

- sectors: `metal` -> {question: sector, in: [metal]}; `metal/automotive` -> the sector and its
  follow-up answer ({all: [{question: sector, in: [metal]}, {question: tech_market, in:
  [automotive]}]}); a group name stands for its members. A firm that has not answered its
  sector is outside every scope that names sectors.
- employees and mkb_only exclude the sizes not named ({not: {question: employees, in: [...]}}),
  so that a firm that did not give its size is not excluded for it.
- sub_sector_answered: whether the follow-up of the firm's sector, if it has one, was answered
  ({any: [{all: [{question: sector, in: [metal, technology]}, {not: {answered: tech_market}}]},
  ...]}, or its negation).
- regional: {not: {question: wants_regional, equals: false}}.
- motives: at least one of them ({any: [{question: motives, includes: ...}, ...]}).
"""

from __future__ import annotations

from clustercli.conditions import All, Answered, AnyOf, Condition, Not, QuestionTerm
from clustercli.routing.model import RoutingData, Scope

LARGE = "250-plus"  # the size key outside the MKB (250 employees or more)
SCOPE_FIELDS = ("sectors", "sub_sector_answered", "provinces", "employees", "mkb_only",
                "own_rnd", "international", "regional", "motives", "when")


def expand(refs: list[str], data: RoutingData) -> list[str]:
    """The sector references with every group name replaced by its members."""
    found: list[str] = []
    for ref in refs:
        for item in data.sector_groups.get(ref, [ref]):
            if item not in found:
                found.append(item)
    return found


def sectors_term(refs: list[str], data: RoutingData) -> Condition:
    """One condition for a list of sector references (already checked)."""
    plain: list[str] = []
    subs: dict[tuple[str, str], list[str]] = {}  # (follow-up question, sector) -> sub keys
    for ref in expand(refs, data):
        sector, _, sub = ref.partition("/")
        if not sub:
            plain.append(sector)
            continue
        question = data.follow_up(sector)
        assert question is not None  # checked on load
        subs.setdefault((question, sector), []).append(sub)
    # Sectors that share a follow-up and the same sub-sectors are said once.
    merged: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for (question, sector), keys in subs.items():
        merged.setdefault((question, tuple(keys)), []).append(sector)
    parts: list[Condition] = []
    if plain:
        parts.append(QuestionTerm("sector", "in", tuple(plain)))
    for (question, sub_keys), sectors in merged.items():
        parts.append(All((QuestionTerm("sector", "in", tuple(sectors)),
                          QuestionTerm(question, "in", sub_keys))))
    return parts[0] if len(parts) == 1 else AnyOf(tuple(parts))


def sub_sector_left_open(data: RoutingData) -> Condition:
    """The firm's sector has a follow-up question, and it was not answered."""
    parts = tuple(All((QuestionTerm("sector", "in", tuple(spec.follows)), Not(Answered(answer))))
                  for answer, spec in data.answers.items() if spec.follows)
    if not parts:  # no follow-ups at all: never left open
        return All((Answered("sector"), Not(Answered("sector"))))
    return parts[0] if len(parts) == 1 else AnyOf(parts)


def terms(scope: Scope, data: RoutingData) -> list[tuple[str, Condition]]:
    """(field, condition) for every field the scope gives, in SCOPE_FIELDS order."""
    found: list[tuple[str, Condition]] = []
    if scope.sectors is not None:
        found.append(("sectors", sectors_term(scope.sectors, data)))
    if scope.sub_sector_answered is not None:
        left_open = sub_sector_left_open(data)
        found.append(("sub_sector_answered",
                      Not(left_open) if scope.sub_sector_answered else left_open))
    if scope.provinces is not None:
        found.append(("provinces", QuestionTerm("province", "in", tuple(scope.provinces))))
    if scope.employees is not None:
        sizes = data.answers["employees"].keys if "employees" in data.answers else []
        left_out = tuple(size for size in sizes if size not in scope.employees)
        if left_out:
            found.append(("employees", Not(QuestionTerm("employees", "in", left_out))))
    if scope.mkb_only:
        found.append(("mkb_only", Not(QuestionTerm("employees", "equals", LARGE))))
    for field, value in (("own_rnd", scope.own_rnd), ("international", scope.international)):
        if value is not None:
            found.append((field, QuestionTerm(field, "equals", value)))
    if scope.regional:
        found.append(("regional", Not(QuestionTerm("wants_regional", "equals", False))))
    if scope.motives is not None:
        motives = [QuestionTerm("motives", "includes", key) for key in scope.motives]
        found.append(("motives", motives[0] if len(motives) == 1 else AnyOf(tuple(motives))))
    if scope.when is not None:
        found.append(("when", scope.when))
    return found
