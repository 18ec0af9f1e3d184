"""Whom to approach in the region: the ROM where the answers ask for it, the clusters and campuses
of the sub-sectors they serve, regional boards and employers' associations. Entries are named by
id; their names come from the data."""

from __future__ import annotations

import pytest

from clustercli.routing.recommendations import route, routing
from tests.routing_support import DATA, INNOVATOR, PROVINCES, by_id, ids

# --- ROMs: where the answers ask for what they do ---------------------------------------------


@pytest.mark.parametrize("province", PROVINCES)
def test_one_rom_per_province_when_the_answers_ask_for_it(province):
    asks = route({"province": province, "sector": "retail", "international": True}, {}, "en")
    assert len(ids(asks, "rom")) == 1
    rom = by_id(asks, ids(asks, "rom")[0])
    assert province in DATA.organisation(rom.id).scope.provinces
    assert rom.source == ("organisations",) and "active internationally: yes" in rom.why
    quiet = route({"province": province, "sector": "retail", "international": False,
                   "own_rnd": False, "motives": ["market_position"]}, {}, "en")
    assert ids(quiet, "rom") == []


def test_nine_roms_for_twelve_provinces():
    seen = {ids(route({"province": p, "own_rnd": True}, {}, "en"), "rom")[0] for p in PROVINCES}
    assert len(seen) == 9


@pytest.mark.parametrize("sector", ["hospitality", "food_retail"])
def test_the_rom_is_no_fallback_for_cafes_and_bakeries(sector):
    result = routing({"sector": sector, "food_shop": "bakery", "province": "utrecht",
                      "employees": "2-9", "own_rnd": False, "international": False,
                      "motives": ["market_position"]}, {}, "nl")
    assert ids(result.recommendations, "rom") == [] and "rom-utrecht-region" not in (
        result.left_out)


# --- clusters --------------------------------------------------------------------------------


@pytest.mark.parametrize(("answers", "expected"), [
    ({"sector": "technology", "tech_market": "high_tech", "province": "noord-brabant",
      "own_rnd": True}, {"brainport-development", "brainport-industries",
                         "high-tech-campus-eindhoven"}),
    ({"sector": "metal", "tech_market": "automotive", "province": "noord-brabant"},
     {"rai-automotive-industry-nl"}),
    ({"sector": "metal", "tech_market": "automotive", "province": "noord-brabant",
      "own_rnd": True}, {"rai-automotive-industry-nl", "automotive-campus"}),
    ({"sector": "metal", "tech_market": "other", "province": "noord-brabant",
      "own_rnd": True}, set()),
    ({"sector": "technology", "province": "noord-brabant", "own_rnd": True}, set()),
    ({"sector": "technology", "tech_market": "maritime", "province": "zuid-holland"},
     {"smart-delta-drechtsteden"}),
    ({"sector": "technology", "tech_market": "space", "province": "zuid-holland"},
     {"nl-space-campus"}),
    ({"sector": "technology", "tech_market": "photonics", "province": "groningen"},
     {"photondelta"}),  # national
    ({"sector": "agriculture", "farm_type": "arable", "province": "flevoland"}, set()),
    ({"sector": "food", "province": "flevoland"}, {"food-pioneers"}),
    ({"sector": "agriculture", "farm_type": "greenhouse", "province": "zuid-holland"},
     {"greenport-west-holland"}),
    ({"sector": "agriculture", "farm_type": "dairy", "province": "fryslan"}, {"dairy-campus"}),
    ({"sector": "agriculture", "farm_type": "arable", "province": "fryslan"}, set()),
    ({"sector": "ict", "ict_field": "security", "province": "zuid-holland"},
     {"security-delta"}),
    ({"sector": "ict", "ict_field": "software", "province": "zuid-holland"}, set()),
    ({"sector": "health_life_sciences", "health_field": "medtech",
      "province": "zuid-holland"}, {"medical-delta"}),
    ({"sector": "water", "water_field": "technology", "province": "fryslan"},
     {"watercampus-leeuwarden"}),
    ({"sector": "energy", "energy_field": "supply", "province": "drenthe"},
     {"new-energy-coalition"}),
    ({"sector": "creative_media", "creative_field": "architecture",
      "province": "noord-holland"}, set()),
    ({"sector": "transport_logistics", "province": "limburg"}, {"supply-chain-valley"}),
    ({"sector": "hospitality", "province": "noord-brabant"}, set()),
])
def test_clusters_only_for_the_sub_sectors_they_serve(answers, expected):
    recs = route(answers, {}, "en")
    assert set(ids(recs, "cluster")) == expected
    for org_id in expected:
        rec = by_id(recs, org_id)
        assert rec.source == ("organisations",) and "sector: " in rec.why


def test_no_cluster_for_a_firm_that_does_not_want_regional_cooperation():
    answers = {"sector": "technology", "tech_market": "high_tech", "province": "noord-brabant",
               "own_rnd": True, "wants_regional": False, "support_wanted": ["contacts"]}
    result = routing(answers, {}, "en")
    assert ids(result.recommendations, "cluster") == []
    assert not {"regional_board", "employers_association"} & {
        r.kind for r in result.recommendations}
    assert "kvk-ask-cluster" not in result.recommendations[0].rules  # nor a no-cluster talk


NO_CLUSTER = {"kvk-ask-cluster", "kvk-ask-both", "kvk-ask-sub-sector-cluster"}


def test_kvk_says_no_cluster_is_known_exactly_when_none_is_listed():
    for sector in DATA.answers["sector"].keys:
        for province in PROVINCES:
            recs = route({"sector": sector, "province": province, **INNOVATOR}, {}, "en")
            kvk = recs[0]
            listed = {r.kind for r in recs} & {"cluster", "regional_board"}
            says = bool(NO_CLUSTER & set(kvk.rules))
            assert says is not bool(listed), (sector, province)


def test_m_entries_carry_their_caveat():
    rec = by_id(route({"sector": "food", "province": "flevoland"}, {}, "en"), "food-pioneers")
    assert rec.confidence == "M" and "Flevo Campus" in rec.aka and "Flevo Campus" in rec.caveat
    rec = by_id(route({"sector": "business_services", "service_type": "consultancy"}, {}, "nl"),
                "roa")
    assert rec.confidence == "M" and "2017" in rec.caveat


# --- regional boards and employers' associations -------------------------------------------


def test_boards_only_for_the_sectors_of_clusters_and_never_after_no_cluster():
    wish = {"wants_regional": True, "support_wanted": ["contacts"], "employees": "10-49"}
    cafe = routing({"sector": "hospitality", "province": "noord-holland", **wish}, {}, "en")
    assert "amsterdam-economic-board" not in [*ids(cafe.recommendations), *cafe.left_out]
    ict = routing({"sector": "ict", "province": "zeeland", **wish}, {}, "en")
    assert "economic-board-zeeland" in ids(ict.recommendations)
    assert ict.recommendations[0].rules[0] != "kvk-ask-cluster"


@pytest.mark.parametrize(("employees", "expected"), [
    ("solo", {"mkb-limburg"}), ("10-49", {"lwv", "mkb-limburg"}), ("250-plus", {"lwv"})])
def test_employers_associations_by_size(employees, expected):
    result = routing({"sector": "retail", "province": "limburg", "wants_regional": True,
                      "employees": employees}, {}, "en")
    assert set(ids(result.recommendations, "employers_association")) == expected
