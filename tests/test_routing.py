"""Whom to approach: KVK, branch associations, ROMs, clusters, RVO, knowledge institutions,
topsectoren, boards and employers, for every sector and province, each with why."""

from __future__ import annotations

import itertools
import re

import pytest

from clustercli.conditions import DimensionFact
from clustercli.routing.data import default_path, load, shipped
from clustercli.routing.recommendations import kind_label, route
from tests.test_routing_data import ALLOWED_DOMAINS, ALLOWED_NAMES, DO_NOT_NAME, M_NAMES

SECTORS = ["metal", "technology", "rubber_plastics", "construction", "finishing", "renovation",
           "installation", "hospitality", "retail", "food_retail", "trade_export",
           "transport_logistics",
           "passenger_transport", "agriculture", "contract_farming", "food", "chemicals", "ict",
           "creative_media", "health_life_sciences", "energy", "water", "business_services",
           "other"]
PROVINCES = ["groningen", "fryslan", "drenthe", "overijssel", "flevoland", "gelderland",
             "utrecht", "noord-holland", "zuid-holland", "zeeland", "noord-brabant", "limburg"]

# organisations.md, "Branch associations by sector"; an empty set: ask KVK.
ASSOCIATIONS = {
    "metal": {"Koninklijke Metaalunie", "FME"},
    "technology": {"FME"},
    "rubber_plastics": {"Federatie NRK", "FME"},
    "construction": {"Koninklijke Bouwend Nederland", "AFNL"},
    "finishing": {"NOA"},
    "renovation": {"VLOK"},
    "installation": {"Techniek Nederland", "NVKL"},
    "hospitality": {"Koninklijke Horeca Nederland"},
    "retail": {"INretail"},
    "food_retail": set(),  # no confirmed association for food shops: ask KVK
    "trade_export": {"evofenedex"},
    "transport_logistics": {"Transport en Logistiek Nederland"},
    "passenger_transport": {"KNV"},
    "agriculture": {"LTO Nederland"},
    "contract_farming": {"Cumela Nederland"},
    "food": {"FNLI"},
    "chemicals": {"VNCI"},
    "ict": {"NLdigital"},
    "creative_media": set(),
    "health_life_sciences": set(),
    "energy": set(),
    "water": set(),
    "business_services": set(),
    "other": set(),
}

# organisations.md, "Regional development agencies (ROMs), by province".
ROMS = {
    "groningen": "NOM", "fryslan": "NOM", "drenthe": "NOM",
    "overijssel": "Oost NL", "gelderland": "Oost NL",
    "flevoland": "Horizon Flevoland", "utrecht": "ROM Utrecht Region",
    "noord-holland": "ROM InWest", "zuid-holland": "InnovationQuarter",
    "zeeland": "Impuls Zeeland", "noord-brabant": "BOM", "limburg": "LIOF",
}

# regional-clusters.md: each cluster's province(s), from its "province" column.
CLUSTER_PROVINCES = {
    "Brainport Development": {"noord-brabant"},
    "Brainport Industries": {"noord-brabant"},
    "High Tech Campus Eindhoven": {"noord-brabant"},
    "Automotive Campus": {"noord-brabant"},
    "RAI Automotive Industry NL": {"noord-brabant"},
    "PhotonDelta": {"noord-brabant"},
    "AgriFood Capital": {"noord-brabant"},
    "Green Chemistry Campus": {"noord-brabant"},
    "Foodvalley NL": {"gelderland"},
    "Health Valley": {"gelderland", "overijssel"},
    "Novel-T": {"overijssel"},
    "Kennispark Twente": {"overijssel"},
    "Greenport West-Holland": {"zuid-holland"},
    "Security Delta (HSD)": {"zuid-holland"},
    "Leiden Bio Science Park": {"zuid-holland"},
    "Medical Delta": {"zuid-holland"},
    "Smart Delta Drechtsteden": {"zuid-holland"},
    "NL Space Campus": {"zuid-holland"},
    "Brightlands Chemelot Campus": {"limburg"},
    "Brightlands Maastricht Health Campus": {"limburg"},
    "Brightlands Smart Services Campus": {"limburg"},
    "Brightlands Campus Greenport Venlo": {"limburg"},
    "Supply Chain Valley": {"limburg"},
    "New Energy Coalition": {"groningen", "drenthe", "noord-holland"},
    "Campus Groningen": {"groningen"},
    "WaterCampus Leeuwarden": {"fryslan"},
    "Water Alliance": {"fryslan"},
    "Dairy Campus": {"fryslan"},
    "Utrecht Science Park": {"utrecht"},
    "Amsterdam Science Park": {"noord-holland"},
    "Media Campus NL": {"noord-holland"},
    "Food Pioneers": {"flevoland"},
}

# organisations.md, "Topsectoren": the sectors that are one (ict is not among the nine).
TOPSECTOR_SECTORS = {"agriculture", "food", "contract_farming", "chemicals", "creative_media",
                     "energy", "metal", "technology", "rubber_plastics", "health_life_sciences",
                     "transport_logistics", "water"}

EVERYTHING_ON = {"motives": ["market_position", "new_products", "quality", "knowledge_access",
                             "skills_resources", "innovation", "competitiveness"],
                 "own_rnd": True, "international": True, "wants_regional": True,
                 "support_wanted": ["conditions", "contacts", "information"]}
ALL_KNELPUNT = {d: DimensionFact(30.0, "knelpunt") for d in shipped().dimensions}


def names(recs, kind=None):
    return [r.name for r in recs if kind is None or r.kind == kind]


def by_name(recs, name):
    return next(r for r in recs if r.name == name)


def combos():
    return itertools.product(SECTORS, PROVINCES)


def test_the_sector_and_province_lists_are_the_fixed_ids():
    data = shipped()
    assert data.answers["sector"].keys == SECTORS == list(ASSOCIATIONS)
    assert data.answers["province"].keys == PROVINCES
    assert set(PROVINCES) == set(ROMS)


# --- KVK -----------------------------------------------------------------------------------


@pytest.mark.parametrize("answers", [{}, {"sector": "metal", "province": "utrecht"},
                                     {"sector": "other", "province": "limburg", **EVERYTHING_ON}])
def test_kvk_always_and_first(answers):
    recs = route(answers, ALL_KNELPUNT, "en")
    assert recs[0].name == "KVK" and recs[0].kind == "chamber"
    assert recs[0].url == "https://kvk.nl"
    assert "F11" in recs[0].source and "kvk" in recs[0].rules


@pytest.mark.parametrize("wanted", ["contacts", "information"])
def test_kvk_for_contacts_and_information(wanted):
    kvk = route({"support_wanted": [wanted]}, {}, "en")[0]
    assert "kvk-support" in kvk.rules and "F10" in kvk.source
    label = {"contacts": "contacts with other firms",
             "information": "information on regional cooperation"}[wanted]
    assert f"support wanted: {label}" in kvk.why


def test_kvk_without_a_wish_for_contacts_or_information():
    kvk = route({"support_wanted": ["conditions"]}, {}, "en")[0]
    assert "kvk-support" not in kvk.rules and kvk.source == ("F11",)


# --- branch associations ---------------------------------------------------------------------


@pytest.mark.parametrize("sector", SECTORS)
def test_branch_associations_for_every_sector(sector):
    recs = route({"sector": sector, "province": "utrecht"}, {}, "en")
    found = names(recs, "branch_association")
    assert set(found) == ASSOCIATIONS[sector]
    assert len(found) == len(set(found))
    kvk = recs[0]
    if ASSOCIATIONS[sector]:
        assert "branch-ask-kvk" not in kvk.rules
        # KVK and the branch first (F11)
        assert [r.kind for r in recs[1:1 + len(found)]] == ["branch_association"] * len(found)
        for rec in recs[1:1 + len(found)]:
            assert rec.source == ("F11",)
    else:
        assert "branch-ask-kvk" in kvk.rules
        assert "ask KVK which trade association fits" in kvk.why
        nl = route({"sector": sector}, {}, "nl")[0]
        assert "vraag KVK welke branchevereniging" in nl.why


def test_no_sector_answered_means_ask_kvk():
    kvk = route({"province": "zeeland"}, {}, "en")[0]
    assert "branch-ask-kvk" in kvk.rules and "not answered" in kvk.why
    assert names(route({"province": "zeeland"}, {}, "en"), "branch_association") == []


def test_the_why_names_the_sector_answered():
    recs = route({"sector": "metal"}, {}, "nl")
    assert "sector: metaal" in by_name(recs, "Koninklijke Metaalunie").why
    recs = route({"sector": "metal"}, {}, "en")
    assert "sector: metal" in by_name(recs, "FME").why


def test_caveats_the_facts_give_on_associations():
    assert "non-food" in by_name(route({"sector": "retail"}, {}, "en"), "INretail").caveat
    assert "cooling" in by_name(route({"sector": "installation"}, {}, "en"), "NVKL").caveat


# --- ROMs ------------------------------------------------------------------------------------


@pytest.mark.parametrize("province", PROVINCES)
def test_the_rom_of_every_province(province):
    recs = route({"province": province, "sector": "hospitality"}, {}, "en")
    roms = names(recs, "rom")
    assert roms == [ROMS[province]]
    rom = by_name(recs, ROMS[province])
    assert rom.source[0] == "organisations" and rom.url == ROM_URLS.get(rom.name)
    assert f"province: {rom_label(province)}" in rom.why


ROM_URLS = {"NOM": "https://nom.nl", "Oost NL": "https://oostnl.nl",
            "Horizon Flevoland": "https://horizonflevoland.nl",
            "InnovationQuarter": "https://innovationquarter.nl",
            "Impuls Zeeland": "https://impulszeeland.nl"}


def rom_label(province):
    return {"fryslan": "Fryslân"}.get(province, "-".join(p.capitalize()
                                                        for p in province.split("-")))


def test_nine_roms_for_twelve_provinces():
    seen = {names(route({"province": p}, {}, "en"), "rom")[0] for p in PROVINCES}
    assert len(seen) == 9


def test_no_rom_without_a_province():
    assert names(route({"sector": "metal"}, {}, "en"), "rom") == []


# --- clusters --------------------------------------------------------------------------------


def test_every_cluster_is_reachable_and_only_in_its_province():
    reached: dict[str, set[str]] = {}
    for sector, province in combos():
        for rec in route({"sector": sector, "province": province}, {}, "en"):
            if rec.name in CLUSTER_PROVINCES:
                reached.setdefault(rec.name, set()).add(province)
                assert rec.kind in ("cluster", "regional_board")
    assert set(reached) == set(CLUSTER_PROVINCES)
    for name, provinces in reached.items():
        assert provinces <= CLUSTER_PROVINCES[name], name


@pytest.mark.parametrize(("sector", "province", "expected"), [
    ("water", "fryslan", {"WaterCampus Leeuwarden", "Water Alliance"}),
    ("agriculture", "fryslan", {"Dairy Campus"}),
    ("agriculture", "zuid-holland", {"Greenport West-Holland"}),
    ("ict", "zuid-holland", {"Security Delta (HSD)"}),
    ("health_life_sciences", "zuid-holland", {"Leiden Bio Science Park", "Medical Delta"}),
    ("technology", "zuid-holland", {"Smart Delta Drechtsteden", "NL Space Campus"}),
    ("health_life_sciences", "overijssel", {"Health Valley"}),
    ("metal", "overijssel", {"Novel-T", "Kennispark Twente"}),
    ("food", "gelderland", {"Foodvalley NL"}),
    ("chemicals", "limburg", {"Brightlands Chemelot Campus"}),
    ("rubber_plastics", "noord-brabant", {"Green Chemistry Campus"}),
    ("transport_logistics", "limburg", {"Supply Chain Valley"}),
    ("energy", "drenthe", {"New Energy Coalition"}),
    ("energy", "groningen", {"New Energy Coalition", "Campus Groningen"}),
    ("creative_media", "noord-holland", {"Media Campus NL"}),
    ("food", "flevoland", {"Food Pioneers"}),
    ("technology", "noord-brabant", {"Brainport Industries", "High Tech Campus Eindhoven",
                                     "Automotive Campus", "RAI Automotive Industry NL",
                                     "PhotonDelta"}),
    ("health_life_sciences", "utrecht", {"Utrecht Science Park"}),
])
def test_clusters_for_sector_and_province(sector, province, expected):
    recs = route({"sector": sector, "province": province}, {}, "en")
    assert set(names(recs, "cluster")) == expected
    for name in expected:
        rec = by_name(recs, name)
        assert rec.source == ("organisations",) and rec.verified
        assert "sector: " in rec.why and "province: " in rec.why


def test_brainport_development_for_high_tech_in_brabant_with_its_caveat():
    recs = route({"sector": "metal", "province": "noord-brabant"}, {}, "en")
    rec = by_name(recs, "Brainport Development")
    assert "cluster-brainport-development" in rec.rules
    assert "Eindhoven region" in rec.caveat


def test_m_entries_carry_their_caveat_wherever_they_appear():
    shown = set()
    for sector, province in combos():
        for lang in ("nl", "en"):
            for rec in route({"sector": sector, "province": province}, {}, lang):
                if rec.name in M_NAMES:
                    assert rec.confidence == "M" and rec.caveat, rec.name
                    shown.add(rec.name)
                else:
                    assert rec.confidence == "H"
    assert shown == M_NAMES


def test_food_pioneers_shows_both_names():
    rec = by_name(route({"sector": "food", "province": "flevoland"}, {}, "en"), "Food Pioneers")
    assert "Flevo Campus" in rec.aka and "Flevo Campus" in rec.caveat


@pytest.mark.parametrize(("sector", "province"), [
    ("hospitality", "zeeland"), ("construction", "groningen"), ("water", "limburg"),
    ("other", "noord-holland"), ("business_services", "utrecht")])
def test_no_cluster_found_says_so_and_points_to_the_rom(sector, province):
    recs = route({"sector": sector, "province": province}, {}, "en")
    assert names(recs, "cluster") == []
    rom = by_name(recs, ROMS[province])
    assert "no-cluster" in rom.rules
    assert "Our list holds no regional cluster, campus or network" in rom.why
    assert rom_label(province) in rom.why
    nl = by_name(route({"sector": sector, "province": province}, {}, "nl"), ROMS[province])
    assert "In onze lijst staat geen regionaal cluster" in nl.why


def test_the_none_found_message_exactly_when_no_cluster_matches():
    for sector, province in combos():
        recs = route({"sector": sector, "province": province}, {}, "en")
        rom = by_name(recs, ROMS[province])
        assert ("no-cluster" in rom.rules) == (names(recs, "cluster") == []), (sector, province)


def test_nothing_from_the_do_not_name_list_in_any_route():
    for (sector, province), lang in itertools.product(combos(), ("nl", "en")):
        for rec in route({"sector": sector, "province": province, **EVERYTHING_ON},
                         ALL_KNELPUNT, lang):
            text = " ".join([rec.name, *rec.aka, rec.about, rec.why, rec.caveat or ""]).lower()
            for name in DO_NOT_NAME:
                assert name.lower() not in text, (name, rec.name)


def test_every_route_names_only_allowed_bodies_and_domains():
    for sector, province in combos():
        for rec in route({"sector": sector, "province": province, **EVERYTHING_ON},
                         ALL_KNELPUNT, "en"):
            assert rec.name in ALLOWED_NAMES and set(rec.aka) <= ALLOWED_NAMES
            assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", rec.verified)
            if rec.url is not None:
                host = rec.url.removeprefix("https://")
                assert host in ALLOWED_DOMAINS, rec.url


# --- RVO and EEN -----------------------------------------------------------------------------


@pytest.mark.parametrize(("motives", "expected"), [
    (["new_products"], True), (["innovation"], True), (["new_products", "innovation"], True),
    (["market_position", "quality"], False), ([], False), (None, False)])
def test_mit_for_new_products_or_innovating_together(motives, expected):
    answers = {} if motives is None else {"motives": motives}
    recs = route(answers, {}, "en")
    assert ("MIT R&D-samenwerkingsprojecten" in names(recs)) is expected
    if expected:
        rec = by_name(recs, "MIT R&D-samenwerkingsprojecten")
        assert rec.via == "RVO" and rec.url == "https://rvo.nl"
        assert "motive: " in rec.why and "RVO" in rec.caveat


@pytest.mark.parametrize(("own_rnd", "expected"), [(True, True), (False, False),
                                                   (None, False), ("unknown", False)])
def test_wbso_with_own_rnd(own_rnd, expected):
    answers = {} if own_rnd is None else {"own_rnd": own_rnd}
    recs = route(answers, {}, "en")
    assert ("WBSO" in names(recs)) is expected
    if expected:
        rec = by_name(recs, "WBSO")
        assert "own research and development: yes" in rec.why
        assert "before the work starts" in rec.caveat


@pytest.mark.parametrize(("international", "expected"), [(True, True), (False, False),
                                                         (None, False)])
def test_pib_and_een_when_international(international, expected):
    answers = {} if international is None else {"international": international}
    recs = route(answers, {}, "en")
    assert ("PIB" in names(recs)) is expected
    assert ("Enterprise Europe Network" in names(recs)) is expected
    if expected:
        assert by_name(recs, "Enterprise Europe Network").url == "https://eennl.eu"
        assert by_name(recs, "Enterprise Europe Network").kind == "een"
        assert "active internationally: yes" in by_name(recs, "PIB").why


def test_no_amounts_or_deadlines_in_programme_recommendations():
    for lang in ("nl", "en"):
        for rec in route(EVERYTHING_ON, {}, lang):
            if rec.kind == "government_programme":
                text = f"{rec.about} {rec.why} {rec.caveat}"
                assert not re.search(r"€|%|\beuro\b|\b20\d\d\b", text), text


# --- knowledge (F8) ---------------------------------------------------------------------------

KNOWLEDGE = {"Centres of Expertise", "RAAK-mkb", "TNO"}


@pytest.mark.parametrize("dimension", ["knowledge_level", "knowledge_exchange"])
def test_hogescholen_and_tno_on_a_knowledge_knelpunt(dimension):
    recs = route({}, {dimension: DimensionFact(42.0, "knelpunt")}, "en")
    assert set(names(recs, "knowledge_institution")) == KNOWLEDGE
    for name in KNOWLEDGE:
        rec = by_name(recs, name)
        assert rec.source == ("F8",)
        assert "bottleneck (42 out of 100)" in rec.why
    assert by_name(recs, "RAAK-mkb").url == "https://regieorgaan-sia.nl"
    assert by_name(recs, "TNO").url is None
    nl = route({}, {dimension: DimensionFact(42.0, "knelpunt")}, "nl")
    assert "knelpunt (42 van 100)" in by_name(nl, "TNO").why


@pytest.mark.parametrize("band", ["sterk", "aandachtspunt", "insufficient"])
def test_no_knowledge_institutions_without_a_knelpunt(band):
    score = None if band == "insufficient" else 60.0
    facts = {"knowledge_level": DimensionFact(score, band),
             "knowledge_exchange": DimensionFact(score, band),
             "win_win": DimensionFact(20.0, "knelpunt")}
    assert names(route({}, facts, "en"), "knowledge_institution") == []


def test_both_knelpunten_give_both_reasons_once():
    facts = {"knowledge_level": DimensionFact(40.0, "knelpunt"),
             "knowledge_exchange": DimensionFact(35.0, "knelpunt")}
    tno = by_name(route({}, facts, "en"), "TNO")
    assert tno.rules == ("knowledge-level", "knowledge-exchange")
    assert "own knowledge level: bottleneck" in tno.why
    assert "knowledge exchange: bottleneck" in tno.why
    assert names(route({}, facts, "en")).count("TNO") == 1


# --- topsectoren ------------------------------------------------------------------------------


@pytest.mark.parametrize("sector", SECTORS)
def test_topsectoren_where_the_sector_is_one(sector):
    recs = route({"sector": sector}, {}, "en")
    assert ("Topsectoren" in names(recs)) is (sector in TOPSECTOR_SECTORS)
    if sector in TOPSECTOR_SECTORS:
        rec = by_name(recs, "Topsectoren")
        assert rec.url == "https://topsectoren.nl"
        assert "Topsector" in rec.why


def test_agriculture_belongs_to_two_topsectoren():
    why = by_name(route({"sector": "agriculture"}, {}, "en"), "Topsectoren").why
    assert "Agri & Food" in why and "Tuinbouw & Uitgangsmaterialen" in why


# --- regional boards and employers' associations ----------------------------------------------

EMPLOYERS = {
    "groningen": {"VNO-NCW Noord / MKB Noord"}, "fryslan": {"VNO-NCW Noord / MKB Noord"},
    "drenthe": {"VNO-NCW Noord / MKB Noord"},
    "flevoland": {"VNO-NCW Midden / MKB-Nederland Midden"},
    "gelderland": {"VNO-NCW Midden / MKB-Nederland Midden"},
    "overijssel": {"VNO-NCW Midden / MKB-Nederland Midden"},
    "utrecht": {"VNO-NCW Midden / MKB-Nederland Midden"},
    "noord-holland": {"VNO-NCW West"}, "zuid-holland": {"VNO-NCW West"},
    "noord-brabant": {"VNO-NCW Brabant Zeeland"}, "zeeland": {"VNO-NCW Brabant Zeeland"},
    "limburg": {"LWV", "MKB-Limburg"},
}
BOARDS = {"noord-holland": {"Amsterdam Economic Board"}, "utrecht": {"Economic Board Utrecht"},
          "zuid-holland": {"Economic Board Zuid-Holland"}, "zeeland": {"Economic Board Zeeland"},
          "noord-brabant": {"Brainport Development"}}


@pytest.mark.parametrize("province", PROVINCES)
@pytest.mark.parametrize("trigger", [{"wants_regional": True}, {"support_wanted": ["contacts"]}])
def test_boards_and_employers_for_regional_contacts(province, trigger):
    recs = route({"province": province, "sector": "retail", **trigger}, {}, "en")
    assert set(names(recs, "employers_association")) == EMPLOYERS[province]
    assert set(names(recs, "regional_board")) == BOARDS.get(province, set())
    for name in EMPLOYERS[province]:
        assert f"province: {rom_label(province)}" in by_name(recs, name).why


@pytest.mark.parametrize("province", PROVINCES)
def test_no_boards_or_employers_without_a_wish_for_regional_contacts(province):
    answers = {"province": province, "sector": "retail", "wants_regional": False,
               "support_wanted": ["information"]}
    recs = route(answers, {}, "en")
    assert names(recs, "employers_association") == []
    assert names(recs, "regional_board") == []


# --- every recommendation ---------------------------------------------------------------------


def test_every_recommendation_says_why_in_both_languages():
    answers = {"sector": "agriculture", "province": "gelderland", **EVERYTHING_ON}
    en = route(answers, ALL_KNELPUNT, "en")
    nl = route(answers, ALL_KNELPUNT, "nl")
    assert [r.id for r in en] == [r.id for r in nl]
    for rec_en, rec_nl in zip(en, nl, strict=True):
        assert rec_en.why.strip() and rec_nl.why.strip() and rec_en.why != rec_nl.why
        assert rec_en.about != rec_nl.about
        assert rec_en.verified == "2026-11"
        assert kind_label(rec_en.kind, "en") != kind_label(rec_en.kind, "nl")


def test_the_order_puts_kvk_then_the_branch_then_the_rom():
    recs = route({"sector": "construction", "province": "zeeland", **EVERYTHING_ON},
                 ALL_KNELPUNT, "en")
    assert [r.kind for r in recs[:4]] == ["chamber", "branch_association",
                                          "branch_association", "rom"]


def test_every_rule_can_fire():
    fired = set()
    for sector, province in combos():
        for answers in ({"sector": sector, "province": province, **EVERYTHING_ON},
                        {"sector": sector, "province": province}):
            for rec in route(answers, ALL_KNELPUNT, "en"):
                fired.update(rec.rules)
    fired.update(r for rec in route({}, {}, "en") for r in rec.rules)
    assert fired == {rule.id for rule in shipped().rules}


def test_unknown_and_missing_answers_do_not_break_routing():
    recs = route({"sector": "unknown", "province": "unknown", "motives": "unknown",
                  "own_rnd": "unknown"}, {"knowledge_level": DimensionFact(None, "insufficient")},
                 "en")
    assert names(recs) == ["KVK"]
    assert "branch-ask-kvk" in recs[0].rules and "(don't know)" in recs[0].why


def test_a_rule_on_a_band_count_names_the_count(tmp_path):
    text = default_path().read_text(encoding="utf-8").replace(
        "  - id: rvo-wbso\n    when: {question: own_rnd, equals: true}",
        "  - id: rvo-wbso\n    when: {bands: knelpunt, at_least: 2}", 1)
    path = tmp_path / "organisations.yaml"
    path.write_text(text, encoding="utf-8")
    data = load(path)
    facts = {"win_win": DimensionFact(20.0, "knelpunt"),
             "motivation": DimensionFact(30.0, "knelpunt")}
    wbso = by_name(route({}, facts, "en", data=data), "WBSO")
    assert "2 dimension(s) bottleneck" in wbso.why
    assert "WBSO" not in names(route({}, {"win_win": facts["win_win"]}, "en", data=data))
