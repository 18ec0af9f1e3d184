"""Whom to approach, firm by firm: KVK, the trade associations of the sector and sub-sector, the
ROM where the answers ask for it, clusters, programmes, knowledge institutions, topsectoren,
boards and employers; ranked by fit, at most five (seven with a stated reason), each with one
line of why. Entries are named by id; their names come from the data."""

from __future__ import annotations

import pytest

from clustercli.conditions import DimensionFact
from clustercli.i18n import pick, t
from clustercli.routing.data import default_path, load, shipped
from clustercli.routing.recommendations import (
    MAX_SHOWN,
    has_trade_association,
    kind_label,
    route,
    routing,
)

DATA = shipped()
PROVINCES = DATA.answers["province"].keys
INNOVATOR = {"own_rnd": True, "international": True, "wants_regional": True,
             "motives": ["market_position", "new_products", "innovation", "knowledge_access"],
             "support_wanted": ["conditions", "contacts", "information"], "employees": "10-49"}
KNELPUNT = {"knowledge_level": DimensionFact(30.0, "knelpunt"),
            "knowledge_exchange": DimensionFact(35.0, "knelpunt")}


def ids(recs, kind=None):
    return [r.id for r in recs if kind is None or r.kind == kind]


def by_id(recs, org_id):
    return next(r for r in recs if r.id == org_id)


def reason(key, lang, **values):
    """The start of a reason's text, up to its first placeholder."""
    return pick(DATA.reasons[key], lang).split("{")[0].format(**values)


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


# --- programmes, knowledge, topsectoren, boards, employers -----------------------------------


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
