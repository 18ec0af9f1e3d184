"""Routing scope, over the whole grid: every sector and sub-sector x every province x every size x
own R&D x business abroad (and, in turn, quiet, regional and knowledge-hungry answers).

For every firm and every organisation it is sent to: the organisation's scope and one of its
routes hold (checked again here, term by term, not by asking the router); MIT and WBSO only with
own R&D; nothing for SMEs only to a firm of 250 or more; no campus or cluster outside the
sectors and provinces it serves; no knowledge institution for shops and hospitality, nor for
other sectors unless the firm's own answers ask for knowledge; no ROM unless the answers ask
for what a ROM does; nothing regional to a firm that does not want regional cooperation; at most
five, or seven with the reason said; nothing from the "do not name" lists; every name and web
address as the facts give them. Names come from the data."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest

from clustercli import conditions
from clustercli.conditions import DimensionFact
from clustercli.i18n import t
from clustercli.routing.data import shipped
from clustercli.routing.recommendations import MAX_SHOWN, MAX_WITH_REASON, routing
from clustercli.routing.scope import expand, terms

DATA = shipped()
SECTORS = DATA.answers["sector"].keys
PROVINCES = DATA.answers["province"].keys
SIZES = DATA.answers["employees"].keys
KNELPUNT = {"knowledge_level": DimensionFact(30.0, "knelpunt"),
            "knowledge_exchange": DimensionFact(30.0, "knelpunt")}
PATTERNS: list[tuple[dict[str, Any], dict[str, DimensionFact]]] = [
    ({"wants_regional": False, "motives": []}, {}),
    ({"wants_regional": True, "motives": ["market_position"],
      "support_wanted": ["contacts", "information"]}, {}),
    ({"motives": ["knowledge_access"]}, KNELPUNT),
    ({"motives": ["new_products", "innovation", "market_position"],
      "support_wanted": ["conditions"]}, {}),
]
# The smaller grid: (answer pattern, size, own R&D, business abroad), in every province ...
EVERYWHERE = [(1, "2-9", False, False), (2, "solo", True, False), (0, "50-249", False, True)]
# ... and in one
ONCE = [(0, "10-49", True, True), (1, "10-49", False, True), (2, "10-49", False, False),
        (3, "10-49", True, True)]


def sector_answers() -> list[dict[str, str]]:
    """Every sector, and every answer to its follow-up (and none given)."""
    found: list[dict[str, str]] = []
    for sector in SECTORS:
        found.append({"sector": sector})
        follow_up = DATA.follow_up(sector)
        if follow_up:
            found += [{"sector": sector, follow_up: key}
                      for key in DATA.answers[follow_up].keys]
    return found


def firms_of(sector: dict[str, str]) -> Iterator[tuple[dict[str, Any], dict]]:
    combos = itertools.product(PROVINCES, SIZES, (True, False), (True, False))
    for n, (province, size, rnd, abroad) in enumerate(combos):
        rest, facts = PATTERNS[n % len(PATTERNS)]
        yield ({**sector, "province": province, "employees": size, "own_rnd": rnd,
                "international": abroad, **rest}, facts)


def every_firm() -> Iterator[tuple[dict[str, Any], dict]]:
    """A smaller grid every route fires in: each sector answer x province x a few patterns."""
    for sector in sector_answers():
        # no province given: nothing regional, so the national programmes come up
        yield ({**sector, "employees": "solo", "own_rnd": False, "international": False,
                **PATTERNS[3][0]}, {})
        for province, variants in [*((p, EVERYWHERE) for p in PROVINCES), ("utrecht", ONCE)]:
            for pattern, size, rnd, abroad in variants:
                rest, facts = PATTERNS[pattern]
                yield ({**sector, "province": province, "employees": size, "own_rnd": rnd,
                        "international": abroad, **rest}, facts)


def holds(conds, answers, facts) -> bool:
    return all(conditions.evaluate(c, answers, facts) for _, c in conds)


def sector_refs(org_id: str) -> set[str]:
    scope = DATA.organisation(org_id).scope
    return set(expand(scope.sectors, DATA)) if scope.sectors else set()


def firm_refs(answers: dict[str, Any]) -> set[str]:
    sector = answers["sector"]
    follow_up = DATA.follow_up(sector)
    sub = answers.get(follow_up) if follow_up else None
    return {sector, f"{sector}/{sub}"} if sub else {sector}


MIT_WBSO = {"mit-rd-samenwerking", "wbso"}
KNOWLEDGE_CALL = {"knowledge_access"}
SHOPS_AND_HOSPITALITY = {"hospitality", "retail", "food_retail"}
ROM_CALL = {"new_products", "innovation", "knowledge_access"}
REGIONAL_KINDS = {"cluster", "regional_board", "employers_association"}
ALL_NAMES = {n for facts in DATA.facts.values() for n in facts.names}
DO_NOT_NAME = [n.lower() for facts in DATA.facts.values() for n in facts.do_not_name]
NO_CLUSTER = {"kvk-ask-cluster", "kvk-ask-both", "kvk-ask-sub-sector-cluster"}
MORE = {lang: t("routing.more_than_five", lang) for lang in ("nl", "en")}


def check_firm(answers: dict[str, Any], facts: dict, lang: str) -> None:
    result = routing(answers, facts, lang)
    recs = result.recommendations
    where = (answers, [r.id for r in recs])
    assert recs[0].id == "kvk", where
    assert len(recs) <= MAX_WITH_REASON, where
    extra = [n for n, r in enumerate(recs) if r.why.endswith(MORE[lang])]
    assert len(recs) - len(extra) <= MAX_SHOWN, where
    for n in extra:  # the stated reason: as good as two of its kind above it
        assert recs[n].fit >= 80 and [r.kind for r in recs[:n]].count(recs[n].kind) >= 2, where
    assert result.association_found is any(r.kind == "branch_association" for r in recs)
    says_no_cluster = bool(NO_CLUSTER & set(recs[0].rules))
    if answers.get("wants_regional") is False:
        assert not says_no_cluster, where
    else:  # said exactly when none is listed: never a board right after "no cluster"
        assert says_no_cluster is not bool({"cluster", "regional_board"} & {
            r.kind for r in recs}), where
    motives = set(answers.get("motives", []))
    for rec in recs:
        org = DATA.organisation(rec.id)
        # inside the entry's scope, and one of its own routes holds
        assert holds(terms(org.scope, DATA), answers, facts), (rec.id, where)
        assert any(holds(terms(r, DATA), answers, facts) and not r.unless_found
                   for r in org.routes), (rec.id, where)
        if rec.id in MIT_WBSO:
            assert answers["own_rnd"] is True, (rec.id, where)
        if org.scope.mkb_only:
            assert answers["employees"] != "250-plus", (rec.id, where)
        if rec.kind == "cluster":
            assert sector_refs(rec.id) & firm_refs(answers), (rec.id, where)
            assert org.national or answers["province"] in org.scope.provinces
        if rec.kind == "knowledge_institution":
            assert answers["sector"] not in SHOPS_AND_HOSPITALITY, (rec.id, where)
            knowledge_intensive = set(expand(["knowledge_intensive"], DATA))
            asks = bool(motives & KNOWLEDGE_CALL) or any(
                f.band == "knelpunt" for f in facts.values())
            assert asks, (rec.id, where)
            assert firm_refs(answers) & knowledge_intensive or (
                answers["own_rnd"] and motives & KNOWLEDGE_CALL), (rec.id, where)
        if rec.kind == "rom":
            assert answers["own_rnd"] or answers["international"] or motives & ROM_CALL
        if rec.kind in REGIONAL_KINDS:
            assert answers.get("wants_regional") is not False, (rec.id, where)
        if rec.kind == "employers_association" and answers["employees"] == "solo":
            assert org.scope.mkb_only, (rec.id, where)
        assert rec.name in ALL_NAMES and set(rec.aka) <= ALL_NAMES
        if rec.url is not None:
            assert rec.url.removeprefix("https://") in DATA.websites_seen
        text = " ".join([rec.name, *rec.aka, rec.about, rec.why, rec.caveat or ""]).lower()
        assert not [name for name in DO_NOT_NAME if name in text], (rec.id, where)


SECTOR_IDS = ["/".join(s.values()) for s in sector_answers()]


@pytest.mark.parametrize("sector", sector_answers(), ids=SECTOR_IDS)
def test_every_recommendation_lies_inside_its_scope(sector):
    """The quick loop's share of the grid: every seventh firm (every province, size, R&D and
    business abroad still come up); the whole grid is the slow test below."""
    for n, (answers, facts) in enumerate(itertools.islice(firms_of(sector), 0, None, 7)):
        check_firm(answers, facts, "en" if n % 2 else "nl")


@pytest.mark.slow
@pytest.mark.parametrize("sector", sector_answers(), ids=SECTOR_IDS)
def test_every_recommendation_of_the_whole_grid_lies_inside_its_scope(sector):
    for n, (answers, facts) in enumerate(firms_of(sector)):
        check_firm(answers, facts, "en" if n % 2 else "nl")


@pytest.mark.parametrize("province", PROVINCES)
def test_in_brabant_no_campus_for_technology_or_metal_outside_its_market(province):
    """Issue 13: High Tech Campus Eindhoven, Automotive Campus, RAI Automotive, NL Space Campus
    and Smart Delta Drechtsteden were named to any technology or metal firm in the province."""
    markets = {"high-tech-campus-eindhoven": {"high_tech", "photonics"},
               "automotive-campus": {"automotive"}, "rai-automotive-industry-nl": {"automotive"},
               "nl-space-campus": {"space"}, "smart-delta-drechtsteden": {"maritime"}}
    for sector, market in itertools.product(("metal", "technology"),
                                            [*DATA.answers["tech_market"].keys, None]):
        answers = {"sector": sector, "province": province, "own_rnd": True,
                   **({"tech_market": market} if market else {})}
        result = routing(answers, {}, "en")
        shown = {r.id for r in result.recommendations} | set(result.left_out)
        for org_id, served in markets.items():
            if org_id in shown:
                assert market in served, (org_id, answers)


@pytest.mark.parametrize("farm", DATA.answers["farm_type"].keys)
def test_no_urban_food_lab_for_a_farmer(farm):
    result = routing({"sector": "agriculture", "farm_type": farm, "province": "flevoland",
                      "own_rnd": True, "wants_regional": True}, KNELPUNT, "en")
    assert "food-pioneers" not in {r.id for r in result.recommendations} | set(result.left_out)


def test_the_grid_is_what_the_issue_asked_for():
    """Every sector and sub-sector, province, size, R&D and business abroad are walked."""
    firms = [a for s in sector_answers() for a, _ in firms_of(s)]
    assert {a["sector"] for a in firms} == set(SECTORS)
    assert {a["province"] for a in firms} == set(PROVINCES)
    assert {a["employees"] for a in firms} == set(SIZES)
    assert {(a["own_rnd"], a["international"]) for a in firms} == set(
        itertools.product((True, False), repeat=2))
    subs = {(q, a[q]) for a in firms for q in a if DATA.answers.get(q, None) is not None
            and DATA.answers[q].follows}
    assert subs == {(q, k) for q, spec in DATA.answers.items() if spec.follows
                    for k in spec.keys}
