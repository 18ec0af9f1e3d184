"""Whom to approach, firm by firm: KVK and the trade associations of the sector and sub-sector
first; then the list as a whole, ranked by fit, at most five (seven with a stated reason), each
with one line of why. Regional bodies and clusters: test_routing_regional.py; programmes,
knowledge institutions and topsectoren: test_routing_programmes.py. Entries are named by id;
their names come from the data."""

from __future__ import annotations

import pytest

from clustercli.conditions import DimensionFact
from clustercli.i18n import pick, t
from clustercli.routing.data import default_path, load
from clustercli.routing.recommendations import (
    MAX_SHOWN,
    has_trade_association,
    kind_label,
    route,
    routing,
)
from tests.routing_support import DATA, INNOVATOR, KNELPUNT, by_id, ids, reason

# --- KVK -----------------------------------------------------------------------------------


@pytest.mark.parametrize("answers", [{}, {"sector": "metal", "province": "utrecht"},
                                     {"sector": "other", "province": "limburg", **INNOVATOR}])
def test_kvk_always_and_first(answers):
    recs = route(answers, KNELPUNT, "en")
    assert recs[0].id == "kvk" and recs[0].kind == "chamber"
    assert recs[0].url == "https://kvk.nl" and recs[0].name == DATA.organisation("kvk").name


def test_kvk_says_the_study_when_nothing_more_specific_applies():
    kvk = route({"sector": "metal", "province": "utrecht", "wants_regional": False}, {}, "en")[0]
    assert kvk.rules == ("kvk",) and kvk.source == ("F11",)
    assert kvk.why == pick(DATA.reasons["kvk_always"], "en")


@pytest.mark.parametrize("wanted", ["contacts", "information"])
def test_kvk_for_contacts_and_information(wanted):
    kvk = route({"sector": "metal", "support_wanted": [wanted], "wants_regional": False},
                {}, "en")[0]
    assert kvk.rules[0] == "kvk-support" and kvk.source == ("F10",)
    label = t(f"routing.value.support_wanted.{wanted}", "en")
    assert f"support wanted: {label}" in kvk.why and "kvk" in kvk.rules


# --- trade associations ----------------------------------------------------------------------

# organisations.md: the associations of a sector or sub-sector (entry ids); none: ask KVK.
ASSOCIATIONS = [
    ({"sector": "metal"}, {"metaalunie", "fme"}),
    ({"sector": "metal", "employees": "250-plus"}, {"fme"}),  # Metaalunie: the SMEs' own
    ({"sector": "rubber_plastics"}, {"nrk", "fme"}),
    ({"sector": "construction"}, {"bouwend-nederland", "afnl"}),
    ({"sector": "finishing", "finishing_trade": "plastering"}, {"noa"}),
    ({"sector": "finishing", "finishing_trade": "painting"}, {"onderhoudnl"}),
    ({"sector": "installation"}, {"techniek-nederland"}),
    ({"sector": "installation", "installation_field": "cooling"},
     {"techniek-nederland", "nvkl"}),
    ({"sector": "food_retail", "food_shop": "bakery"}, {"nbov"}),
    ({"sector": "food_retail", "food_shop": "butcher"}, {"kns"}),
    ({"sector": "food_retail", "food_shop": "supermarket"}, {"cbl", "vakcentrum"}),
    ({"sector": "food_retail", "food_shop": "speciality"}, {"vakcentrum"}),
    ({"sector": "food_retail", "food_shop": "other"}, set()),  # no greengrocers' body known
    ({"sector": "food_retail"}, set()),
    ({"sector": "agriculture", "farm_type": "greenhouse"}, {"lto", "glastuinbouw-nederland"}),
    ({"sector": "agriculture", "farm_type": "arable"}, {"lto"}),
    ({"sector": "business_services", "service_type": "accountancy"}, {"sra"}),
    ({"sector": "business_services", "service_type": "accountancy",
      "employees": "250-plus"}, set()),
    ({"sector": "business_services", "service_type": "administration_tax"}, {"noab"}),
    ({"sector": "business_services", "service_type": "consultancy"}, {"roa"}),
    ({"sector": "business_services", "service_type": "staffing"}, {"abu", "nbbu"}),
    ({"sector": "business_services", "service_type": "other"}, set()),
    ({"sector": "creative_media", "creative_field": "design"}, {"bno"}),
    ({"sector": "creative_media", "creative_field": "architecture"}, {"bna"}),
    ({"sector": "creative_media", "creative_field": "agency_media"}, {"via"}),
    ({"sector": "health_life_sciences", "health_field": "medtech"}, {"nefemed", "fhi"}),
    ({"sector": "health_life_sciences", "health_field": "lab"}, {"fhi"}),
    ({"sector": "health_life_sciences", "health_field": "biotech"}, {"hollandbio"}),
    ({"sector": "health_life_sciences", "health_field": "care"}, set()),
    ({"sector": "energy", "energy_field": "supply"}, {"energie-nederland"}),
    ({"sector": "energy", "energy_field": "solar"}, {"holland-solar", "nvde"}),
    ({"sector": "energy", "energy_field": "renewable"}, {"nvde"}),
    ({"sector": "energy", "energy_field": "grid"}, {"netbeheer-nederland"}),
    ({"sector": "water", "water_field": "hydraulic"}, {"waterbouwers"}),
    ({"sector": "water", "water_field": "technology"}, {"water-alliance"}),
    ({"sector": "water", "water_field": "technology", "international": True},
     {"water-alliance", "nwp"}),
    ({"sector": "other", "other_sector": "mobility"}, {"bovag"}),
    ({"sector": "other", "other_sector": "painting"}, {"onderhoudnl"}),
    ({"sector": "other"}, set()),
    ({"sector": "hospitality"}, {"khn"}),
    ({"sector": "retail"}, {"inretail"}),
    ({"sector": "ict"}, {"nldigital"}),
]


@pytest.mark.parametrize(("answers", "expected"), ASSOCIATIONS,
                         ids=["-".join(map(str, a.values())) for a, _ in ASSOCIATIONS])
def test_the_associations_of_each_sector_and_sub_sector(answers, expected):
    result = routing({"province": "utrecht", **answers}, {}, "en")
    found = ids(result.recommendations, "branch_association")
    assert set(found) == expected and len(found) == len(set(found))
    assert result.association_found is bool(expected)
    assert has_trade_association({**INNOVATOR, **answers}) is bool(expected)  # whatever else
    kvk = result.recommendations[0]
    if expected:
        assert [r.kind for r in result.recommendations[1:1 + len(found)]] == (
            ["branch_association"] * len(found))  # KVK and the association first (F11)
        assert not {"kvk-ask-association", "kvk-ask-both"} & set(kvk.rules)
    else:
        assert kvk.rules[0] in ("kvk-ask-association", "kvk-ask-both", "kvk-ask-sub-sector")
        shown = next(r.why for r in DATA.organisation("kvk").routes if r.id == kvk.rules[0])
        assert kvk.why.startswith(reason(shown, "en"))
        assert "KVK can tell you which" in kvk.why


def test_no_association_and_nothing_assumes_one():
    answers = {"sector": "health_life_sciences", "health_field": "care", "province": "zeeland",
               **INNOVATOR}
    for lang, your in (("en", "your trade association"), ("nl", "uw branchevereniging")):
        result = routing(answers, KNELPUNT, lang)
        assert not result.association_found
        assert "Voor uw sector (zorg en life sciences, zorg) kennen wij geen branchevereniging" \
            in result.recommendations[0].why or lang == "en"
        assert all(your not in r.why.lower() for r in result.recommendations)


def test_no_sector_answered_means_ask_kvk():
    result = routing({"province": "zeeland"}, {}, "en")
    assert result.recommendations[0].rules[0] == "kvk-no-sector"
    assert not result.association_found and ids(result.recommendations) == ["kvk"]


def test_the_why_names_the_sector_and_sub_sector():
    recs = route({"sector": "food_retail", "food_shop": "bakery"}, {}, "nl")
    assert "sector: levensmiddelen en vers; winkel: bakkerij" in by_id(recs, "nbov").why
    kvk = route({"sector": "water", "water_field": "other"}, {}, "en")[0]
    assert "your sector (water)" in kvk.why  # "other" adds nothing to the sector's name


# --- the list as a whole --------------------------------------------------------------------


def test_one_technology_firm_in_noord_brabant_gets_a_short_ranked_list():
    """Issue 13: one technology firm in Noord-Brabant got 18 organisations."""
    answers = {"sector": "technology", "tech_market": "high_tech", "province": "noord-brabant",
               **INNOVATOR}
    result = routing(answers, KNELPUNT, "en")
    recs = result.recommendations
    assert len(recs) <= 7 and len(result.left_out) >= 5
    assert [r.fit for r in recs] == sorted((r.fit for r in recs), reverse=True)
    more = t("routing.more_than_five", "en")
    extra = [r for r in recs if r.why.endswith(more)]
    assert len(recs) - len(extra) == MAX_SHOWN and extra
    assert all(r.fit >= 80 and r.kind == "cluster" for r in extra)


def test_every_recommendation_says_why_in_both_languages():
    answers = {"sector": "agriculture", "farm_type": "greenhouse", "province": "zuid-holland",
               **INNOVATOR}
    en = route(answers, KNELPUNT, "en")
    nl = route(answers, KNELPUNT, "nl")
    assert ids(en) == ids(nl)
    for rec_en, rec_nl in zip(en, nl, strict=True):
        assert rec_en.why.strip() and rec_nl.why.strip() and rec_en.why != rec_nl.why
        assert rec_en.about != rec_nl.about
        assert rec_en.verified in ("2026-11", "2026-12")
        assert kind_label(rec_en.kind, "en") != kind_label(rec_en.kind, "nl")
        assert rec_en.reasons[0].text == rec_en.why and rec_en.source == rec_en.reasons[0].source


def test_every_route_can_fire():
    from tests.test_routing_scope import every_firm

    every = {r.id for _, r in DATA.routes}
    fired = {r for rec in route({}, {}, "en") for r in rec.rules}
    for answers, facts in every_firm():
        for rec in route(answers, facts, "en"):
            fired.update(rec.rules)
        if fired == every:
            break
    assert sorted(every - fired) == []


def test_unknown_answers_count_as_not_given():
    recs = route({"sector": "unknown", "province": "unknown", "motives": "unknown",
                  "own_rnd": "unknown"},
                 {"knowledge_level": DimensionFact(None, "insufficient")}, "en")
    assert ids(recs) == ["kvk"] and recs[0].rules[0] == "kvk-no-sector"


def test_a_route_on_a_band_count_names_the_count(tmp_path):
    text = default_path().read_text(encoding="utf-8").replace(
        "    scope: {own_rnd: true, employees: [2-9, 10-49, 50-249, 250-plus]}",
        "    scope: {when: {bands: knelpunt, at_least: 2}}", 1)
    path = tmp_path / "organisations.yaml"
    path.write_text(text, encoding="utf-8")
    data = load(path)
    facts = {"win_win": DimensionFact(20.0, "knelpunt"),
             "motivation": DimensionFact(30.0, "knelpunt")}
    wbso = by_id(route({}, facts, "en", data=data), "wbso")
    assert "2 areas rated bottleneck" in wbso.why
    assert "wbso" not in ids(route({}, {"win_win": facts["win_win"]}, "en", data=data))
