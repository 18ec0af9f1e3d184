"""Programmes (MIT, WBSO, PIB, EEN), knowledge institutions and topsectoren: only where the
answers call for them, each saying why. Entries are named by id; their names come from the
data."""

from __future__ import annotations

import pytest

from clustercli.conditions import DimensionFact
from clustercli.routing.recommendations import route, routing
from tests.routing_support import DATA, KNELPUNT, by_id, ids

# --- programmes, knowledge, topsectoren -----------------------------------------------------


@pytest.mark.parametrize(("answers", "mit", "wbso"), [
    ({"own_rnd": True, "motives": ["new_products"]}, True, True),
    ({"own_rnd": True, "motives": ["innovation"], "employees": "250-plus"}, False, True),
    ({"own_rnd": True, "motives": ["innovation"], "employees": "solo"}, True, False),
    ({"own_rnd": True, "motives": ["quality"]}, False, True),
    ({"own_rnd": False, "motives": ["new_products", "innovation"]}, False, False),
    ({"motives": ["new_products"]}, False, False),
    ({"own_rnd": "unknown", "motives": ["new_products"]}, False, False),
])
def test_mit_and_wbso_only_with_own_rnd(answers, mit, wbso):
    recs = route({"sector": "metal", "wants_regional": False, **answers}, {}, "en")
    assert ("mit-rd-samenwerking" in ids(recs)) is mit
    assert ("wbso" in ids(recs)) is wbso
    for org_id in ("mit-rd-samenwerking", "wbso"):
        if org_id in ids(recs):
            rec = by_id(recs, org_id)
            assert rec.via == "RVO" and rec.url == "https://rvo.nl" and "RVO" in rec.caveat
            assert "own research and development: yes" in rec.why


@pytest.mark.parametrize(("answers", "pib", "een"), [
    ({"international": True, "motives": ["market_position"]}, True, True),
    ({"international": True, "motives": ["quality"]}, False, True),
    ({"international": False, "motives": ["market_position"]}, False, False),
])
def test_pib_and_een_for_business_abroad(answers, pib, een):
    recs = route({"sector": "retail", "wants_regional": False, **answers}, {}, "en")
    assert ("pib" in ids(recs)) is pib and ("een" in ids(recs)) is een
    if een:
        assert by_id(recs, "een").url == "https://eennl.eu"


@pytest.mark.parametrize(("answers", "expected"), [
    ({"sector": "metal", "own_rnd": True}, {"tno", "centres-of-expertise", "raak-mkb"}),
    ({"sector": "metal", "own_rnd": False}, {"centres-of-expertise", "raak-mkb"}),
    ({"sector": "hospitality", "own_rnd": True, "motives": ["knowledge_access"]}, set()),
    ({"sector": "hospitality", "own_rnd": False}, set()),
    ({"sector": "construction", "own_rnd": False}, set()),
    ({"sector": "construction", "own_rnd": True, "motives": ["knowledge_access"]},
     {"centres-of-expertise", "raak-mkb"}),
])
def test_knowledge_institutions_only_where_sector_or_answers_call_for_them(answers, expected):
    result = routing({"province": "zeeland", "wants_regional": False, **answers}, KNELPUNT,
                     "en")
    considered = [*result.recommendations, *(DATA.organisation(i) for i in result.left_out)]
    assert {r.id for r in considered if r.kind == "knowledge_institution"} == expected


def test_no_knowledge_institution_without_a_call_for_knowledge():
    facts = {"knowledge_level": DimensionFact(60.0, "aandachtspunt"),
             "win_win": DimensionFact(20.0, "knelpunt")}
    recs = route({"sector": "chemicals", "own_rnd": True, "motives": ["quality"]}, facts, "en")
    assert ids(recs, "knowledge_institution") == []


def test_the_knelpunt_shows_in_the_why():
    recs = route({"sector": "chemicals", "own_rnd": True, "wants_regional": False},
                 {"knowledge_level": DimensionFact(42.0, "knelpunt")}, "nl")
    tno = by_id(recs, "tno")
    assert "eigen kennisniveau: knelpunt (42 van 100)" in tno.why and tno.source == ("F8",)


@pytest.mark.parametrize(("answers", "topsector"), [
    ({"sector": "agriculture", "farm_type": "greenhouse", "own_rnd": True}, "Tuinbouw"),
    ({"sector": "agriculture", "farm_type": "arable", "own_rnd": True}, "Agri & Food"),
    ({"sector": "water", "motives": ["innovation"]}, "Water & Maritiem"),
    ({"sector": "ict", "own_rnd": True}, None),  # ICT is not one of the nine
    ({"sector": "chemicals"}, None),  # neither own R&D nor a wish to innovate
    ({"sector": "health_life_sciences", "health_field": "biotech", "own_rnd": True},
     "Life Sciences & Health"),
])
def test_topsectoren_for_firms_of_a_topsector_that_innovate(answers, topsector):
    recs = route({"wants_regional": False, **answers}, {}, "en")
    found = [r for r in recs if r.kind == "topsector"]
    if topsector is None:
        assert found == []
    else:
        assert len(found) == 1 and topsector in found[0].why
