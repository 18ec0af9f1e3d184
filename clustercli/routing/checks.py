"""What the organisation data must mean, beyond its shape (model.py).

Split from loading (data.py) so that each module holds one idea: data.py reads and shapes the
file, this module says whether it makes sense:
- the answers it reads are well formed and labelled; a follow-up names known sectors;
- every text exists in Dutch and English; a reason's {placeholders} name declared answers;
- every name is one the facts confirm (the `facts:` section copies them), no text names anything
  on a "do not name" list, a website only from the facts' websites_seen, confidence M exactly
  where the facts give a caveat;
- every scope and route field is a valid condition over the declared answers and dimensions
  (checked by the one condition checker), and the kinds carry the fields they need: an
  association or cluster names its sectors, a regional body its provinces and `regional`;
- every route names a known reason and sources; every entry has a route of its own.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from clustercli import conditions
from clustercli.errors import Problem
from clustercli.i18n import LANGUAGES, catalogue
from clustercli.questionset.model import KNOWN_SOURCES, SLUG_PATTERN
from clustercli.questionset.types import OPTIONS
from clustercli.routing.model import _VERIFIED, LocalText, Organisation, RoutingData, Scope
from clustercli.routing.scope import LARGE, terms
from clustercli.yamlfile import line_of

Report = Callable[..., Problem]

# What each kind needs in its scope (organisations.md / regional-clusters.md say whom they serve).
NEEDS_SECTORS = ("branch_association", "cluster")
NEEDS_PROVINCES = ("rom", "cluster", "regional_board", "employers_association")
NEEDS_REGIONAL = ("cluster", "regional_board", "employers_association")


def check_data(data: RoutingData, raw: Any = None) -> Iterator[Problem]:
    """Every way the data does not hold together; lines from `raw` where it is given."""

    def problem(key: str, loc: tuple[Any, ...], field: str, /, **params: Any) -> Problem:
        return Problem(key, params, line=line_of(raw, loc) if raw is not None else None,
                       field=field)

    yield from _check_ids(data, problem)
    yield from _check_answers(data, problem)
    yield from _check_groups(data, problem)
    yield from _check_reasons(data, problem)
    for i, org in enumerate(data.organisations):
        yield from _check_organisation(data, org, i, problem)


def _check_ids(data: RoutingData, problem: Report) -> Iterator[Problem]:
    orgs = data.organisations
    for section, items in (("organisations", [(o.id, (i,)) for i, o in enumerate(orgs)]),
                           ("routes", [(r.id, (i, "routes", j)) for i, o in enumerate(orgs)
                                       for j, r in enumerate(o.routes)])):
        counts = Counter(item for item, _ in items)
        for item_id, count in counts.items():
            if count > 1:
                where = next(loc for item, loc in items if item == item_id)
                yield problem("routing.load.duplicate_id", ("organisations", *where, "id"),
                              f"{section}[{item_id}].id", id=item_id, count=count)
    for name, count in Counter(o.name for o in orgs).items():
        if count > 1:
            index = [o.name for o in orgs].index(name)
            yield problem("routing.load.duplicate_name", ("organisations", index, "name"),
                          f"organisations[{orgs[index].id}].name", name=name, count=count)


def _check_answers(data: RoutingData, problem: Report) -> Iterator[Problem]:
    labels = catalogue("nl").keys() & catalogue("en").keys()
    sectors = data.answers["sector"].keys if "sector" in data.answers else []
    for answer, spec in data.answers.items():
        loc = ("answers", answer)
        if not re.match(SLUG_PATTERN, answer):
            yield problem("schema.not_slug", loc, f"answers[{answer}]", value=answer)
        keyed = OPTIONS in spec.kind.takes  # its answers are option keys (choice, multi)
        if not keyed and spec.keys:
            yield problem("routing.load.keys_not_for_yesno", (*loc, "keys"),
                          f"answers[{answer}].keys")
        if keyed and len(spec.keys) < 2:
            yield problem("routing.load.too_few_keys", (*loc, "keys"),
                          f"answers[{answer}].keys")
        for sector in spec.follows:
            if sector not in sectors:
                yield problem("routing.load.follows_unknown", (*loc, "follows"),
                              f"answers[{answer}].follows", sector=sector,
                              allowed=", ".join(sectors))
        needed = [f"routing.answer.{answer}"]
        needed += [f"routing.value.{answer}.{key}" for key in spec.keys]
        for key in needed:
            if key not in labels:
                yield problem("routing.load.no_label", loc, f"answers[{answer}]", label=key)
    for sector, count in Counter(s for spec in data.answers.values()
                                 for s in spec.follows).items():
        if count > 1:
            yield problem("routing.load.two_follow_ups", ("answers",), "answers",
                          sector=sector)
    for dimension in data.dimensions:
        if f"routing.dimension.{dimension}" not in labels:
            yield problem("routing.load.no_label", ("dimensions",), "dimensions",
                          label=f"routing.dimension.{dimension}")


def _sector_ref_problems(ref: str, data: RoutingData,
                         groups: bool) -> list[tuple[str, dict[str, str]]]:
    """What is wrong with one sector reference (a sector, sector/sub, or a group name)."""
    sectors = data.answers["sector"].keys if "sector" in data.answers else []
    if groups and ref in data.sector_groups:
        return []
    sector, _, sub = ref.partition("/")
    if sector not in sectors:
        allowed = [*sectors, *data.sector_groups] if groups else sectors
        return [("routing.load.unknown_sector", {"ref": ref, "allowed": ", ".join(allowed)})]
    if not sub:
        return []
    question = data.follow_up(sector)
    if question is None:
        return [("routing.load.no_follow_up", {"sector": sector, "ref": ref})]
    keys = data.answers[question].keys
    if sub not in keys:
        return [("routing.load.unknown_sub_sector",
                 {"ref": ref, "question": question, "allowed": ", ".join(keys)})]
    return []


def _check_groups(data: RoutingData, problem: Report) -> Iterator[Problem]:
    sectors = data.answers["sector"].keys if "sector" in data.answers else []
    for name, refs in data.sector_groups.items():
        loc = ("sector_groups", name)
        if name in sectors:
            yield problem("routing.load.group_is_sector", loc, f"sector_groups[{name}]",
                          name=name)
        for ref in refs:
            for key, params in _sector_ref_problems(ref, data, groups=False):
                yield problem(key, loc, f"sector_groups[{name}]", **params)


def _check_texts(texts: LocalText, loc: tuple[Any, ...], field: str,
                 problem: Report) -> Iterator[Problem]:
    for lang in LANGUAGES:
        if not texts.get(lang, "").strip():
            yield problem("routing.load.missing_translation", loc, field, language=lang)
    for lang in sorted(set(texts) - set(LANGUAGES)):
        yield problem("routing.load.unknown_language", loc, field, language=lang,
                      allowed=", ".join(LANGUAGES))


def placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"{"}


def _check_reasons(data: RoutingData, problem: Report) -> Iterator[Problem]:
    used = {route.why for _, route in data.routes}
    for reason, texts in data.reasons.items():
        loc = ("reasons", reason)
        field = f"reasons[{reason}]"
        yield from _check_texts(texts, loc, field, problem)
        yield from _check_unnamed(data, texts, loc, field, problem)
        names = {lang: placeholders(text) for lang, text in texts.items()}
        for lang, found in names.items():
            unknown = sorted(found - set(data.answers))
            if unknown:
                yield problem("routing.load.unknown_placeholder", loc, field, language=lang,
                              names=", ".join(unknown), allowed=", ".join(data.answers))
        if len({frozenset(found) for found in names.values()}) > 1:
            shown = "; ".join(f"{lang}: {', '.join(sorted(found)) or '-'}"
                              for lang, found in sorted(names.items()))
            yield problem("routing.load.placeholder_mismatch", loc, field, found=shown)
        if reason not in used:
            yield problem("routing.load.unused_reason", loc, field, reason=reason)


def _check_unnamed(data: RoutingData, texts: LocalText, loc: tuple[Any, ...], field: str,
                   problem: Report) -> Iterator[Problem]:
    """No text names what a facts file says not to name."""
    for facts_file, facts in data.facts.items():
        for name in facts.do_not_name:
            if any(name.lower() in text.lower() for text in texts.values()):
                yield problem("routing.load.do_not_name", loc, field, name=name,
                              facts=facts_file)


def _check_names(data: RoutingData, org: Organisation, loc: tuple[Any, ...], field: str,
                 problem: Report) -> Iterator[Problem]:
    facts = data.facts.get(org.facts)
    if facts is None:
        yield problem("routing.load.no_facts", (*loc, "facts"), f"{field}.facts",
                      facts=org.facts)
        return
    for part, name in [("name", org.name), *(("aka", aka) for aka in org.aka)]:
        if name not in facts.names:
            yield problem("routing.load.name_not_in_facts", (*loc, part), f"{field}.{part}",
                          name=name, facts=org.facts)
        for other_file, other in data.facts.items():
            if name in other.not_associations and org.kind == "branch_association":
                yield problem("routing.load.not_an_association", (*loc, part),
                              f"{field}.{part}", name=name, facts=other_file)
    if org.via is not None and not any(org.via in f.names for f in data.facts.values()):
        yield problem("routing.load.name_not_in_facts", (*loc, "via"), f"{field}.via",
                      name=org.via, facts=", ".join(data.facts))
    expected = "M" if org.name in facts.confidence_m else "H"
    if org.confidence != expected:
        yield problem("routing.load.confidence_differs", (*loc, "confidence"),
                      f"{field}.confidence", name=org.name, facts=org.facts, expected=expected)
    named = {"name": org.name, **{f"aka{i}": aka for i, aka in enumerate(org.aka)}}
    yield from _check_unnamed(data, named, (*loc, "name"), f"{field}.name", problem)


def _check_organisation(data: RoutingData, org: Organisation, i: int,
                        problem: Report) -> Iterator[Problem]:
    loc = ("organisations", i)
    field = f"organisations[{org.id}]"
    yield from _check_names(data, org, loc, field, problem)
    if not _VERIFIED.match(org.verified):
        yield problem("routing.load.bad_verified", (*loc, "verified"), f"{field}.verified",
                      value=org.verified)
    if org.website is not None and org.website not in data.websites_seen:
        yield problem("routing.load.website_not_seen", (*loc, "website"), f"{field}.website",
                      website=org.website)
    if org.confidence == "M" and org.caveat is None:
        yield problem("routing.load.caveat_needed", (*loc, "confidence"), f"{field}.caveat")
    for part in ("about", "caveat"):
        texts = getattr(org, part)
        if texts is not None:
            yield from _check_texts(texts, (*loc, part), f"{field}.{part}", problem)
            yield from _check_unnamed(data, texts, (*loc, part), f"{field}.{part}", problem)
    yield from _check_kind_needs(org, loc, field, problem)
    yield from _check_scope(data, org.scope, (*loc, "scope"), f"{field}.scope", problem)
    for j in range(len(org.routes)):
        yield from _check_route(data, org, j, problem)
    if all(route.unless_found for route in org.routes):
        yield problem("routing.load.no_plain_route", (*loc, "routes"), f"{field}.routes",
                      id=org.id)


def _check_kind_needs(org: Organisation, loc: tuple[Any, ...], field: str,
                      problem: Report) -> Iterator[Problem]:
    scope = org.scope
    wanted = [("sectors", org.kind in NEEDS_SECTORS and scope.sectors is None),
              ("provinces", org.kind in NEEDS_PROVINCES and scope.provinces is None
               and not org.national),
              ("regional", org.kind in NEEDS_REGIONAL and not scope.regional)]
    for part, missing in wanted:
        if missing:
            yield problem("routing.load.scope_needs", (*loc, "scope"), f"{field}.scope",
                          kind=org.kind, field=part)
    if org.national and scope.provinces is not None:
        yield problem("routing.load.national_with_provinces", (*loc, "national"),
                      f"{field}.national")


def _check_scope(data: RoutingData, scope: Scope, loc: tuple[Any, ...], field: str,
                 problem: Report) -> Iterator[Problem]:
    bad_sectors = False
    for ref in scope.sectors or []:
        for key, params in _sector_ref_problems(ref, data, groups=True):
            bad_sectors = True
            yield problem(key, (*loc, "sectors"), f"{field}.sectors", **params)
    if scope.mkb_only or scope.employees is not None:
        sizes = data.answers["employees"].keys if "employees" in data.answers else []
        if LARGE not in sizes:
            yield problem("routing.load.no_size", loc, field, size=LARGE)
        elif scope.mkb_only and LARGE in (scope.employees or []):
            yield problem("routing.load.mkb_and_large", (*loc, "employees"),
                          f"{field}.employees", size=LARGE)
    if bad_sectors:
        return
    domains = {answer: spec.domain() for answer, spec in data.answers.items()}
    for part, term in terms(scope, data):
        for found in conditions.check(term, part, domains, set(domains), set(data.dimensions)):
            yield problem(found.key, (*loc, part), f"{field}.{found.path}", **found.params)


def _check_route(data: RoutingData, org: Organisation, j: int,
                 problem: Report) -> Iterator[Problem]:
    route = org.routes[j]
    loc = ("organisations", data.organisations.index(org), "routes", j)
    field = f"routes[{route.id}]"
    if route.why not in data.reasons:
        yield problem("routing.load.unknown_reason", (*loc, "why"), f"{field}.why",
                      reason=route.why, allowed=", ".join(data.reasons))
    if not route.source:
        yield problem("routing.load.no_source", (*loc, "source"), f"{field}.source",
                      allowed=", ".join(KNOWN_SOURCES))
    for source in route.source:
        if source not in KNOWN_SOURCES:
            yield problem("routing.load.unknown_source", (*loc, "source"), f"{field}.source",
                          source=source, allowed="F1–F12, profile, organisations, design")
    yield from _check_scope(data, route, loc, field, problem)
