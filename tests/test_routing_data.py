"""The routing data: only names from the facts files, allowed web addresses, dates, caveats, and
a loader that names file, line and entry for every problem, in Dutch and English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clustercli.errors import InputProblems
from clustercli.i18n import catalogue
from clustercli.messages import format_error
from clustercli.questionset.model import QuestionSet
from clustercli.routing.data import (
    KINDS,
    check_against_question_set,
    default_path,
    load,
    shipped,
)
from clustercli.routing.recommendations import traced_rules

DATA_FILE = default_path()
DATA_TEXT = DATA_FILE.read_text(encoding="utf-8")

# Copied by hand from ../shared/domain/organisations.md: every name (and former, full or
# related name) the data may use. Nothing outside this list and the next may appear.
ORGANISATIONS_MD_NAMES = {
    "KVK", "Kamer van Koophandel", "Koninklijke Metaalunie", "FME",
    "Koninklijke Bouwend Nederland", "Bouwend Nederland", "AFNL",
    "Aannemers Federatie Nederland Bouw en Infra", "NOA",
    "Nederlandse Ondernemersvereniging voor de Afbouw", "Techniek Nederland", "UNETO-VNI",
    "NVKL", "Koninklijke Horeca Nederland", "KHN", "INretail", "evofenedex",
    "Transport en Logistiek Nederland", "TLN", "KNV", "Koninklijk Nederlands Vervoer",
    "LTO Nederland", "Cumela Nederland", "NLdigital", "Nederland ICT", "Federatie NRK",
    "Nederlandse Rubber- en Kunststofindustrie", "FNLI",
    "Federatie Nederlandse Levensmiddelen Industrie", "VNCI",
    "Koninklijke Vereniging van de Nederlandse Chemische Industrie", "VLOK",
    "Vereniging Landelijk Overleg Klussenbedrijven", "NOM",
    "Noordelijke Ontwikkelings Maatschappij", "Oost NL", "Horizon Flevoland",
    "ROM Utrecht Region", "ROM InWest", "InnovationQuarter", "Impuls Zeeland", "BOM",
    "Brabantse Ontwikkelings Maatschappij", "LIOF", "RVO", "MIT R&D-samenwerkingsprojecten",
    "Mkb-innovatiestimulering Regio en Topsectoren", "WBSO",
    "Wet Bevordering Speur- en Ontwikkelingswerk", "PIB", "Topsectoren",
    "Centres of Expertise", "RAAK-mkb", "Regieorgaan SIA", "TNO", "Amsterdam Economic Board",
    "Economic Board Utrecht", "Economic Board Zuid-Holland", "Economic Board Zeeland",
    "Brainport Development", "VNO-NCW Noord / MKB Noord",
    "VNO-NCW Midden / MKB-Nederland Midden", "VNO-NCW West", "VNO-NCW Brabant Zeeland", "LWV",
    "MKB-Limburg", "Enterprise Europe Network", "EEN",
}
# Copied by hand from ../shared/domain/regional-clusters.md (the table, not "Do not name").
REGIONAL_CLUSTERS_MD_NAMES = {
    "Brainport Development", "Brainport Industries", "High Tech Campus Eindhoven",
    "Automotive Campus", "RAI Automotive Industry NL", "AutomotiveNL", "RAI Vereniging",
    "PhotonDelta", "AgriFood Capital", "Green Chemistry Campus", "Foodvalley NL",
    "Health Valley", "Health Innovation Park", "Novel-T", "Kennispark Twente",
    "Greenport West-Holland", "Security Delta (HSD)", "The Hague Security Delta",
    "Leiden Bio Science Park", "Medical Delta", "Smart Delta Drechtsteden", "NL Space Campus",
    "Brightlands Chemelot Campus", "Brightlands Maastricht Health Campus",
    "Brightlands Smart Services Campus", "Brightlands Campus Greenport Venlo",
    "Supply Chain Valley", "SMART Logistics Centre Venlo", "New Energy Coalition",
    "Energy Valley", "Campus Groningen", "Zernike Campus", "Healthy Ageing Campus",
    "WaterCampus Leeuwarden", "Water Alliance", "Dairy Campus", "Utrecht Science Park",
    "Amsterdam Science Park", "Media Campus NL", "Food Pioneers", "Flevo Campus",
}
ALLOWED_NAMES = ORGANISATIONS_MD_NAMES | REGIONAL_CLUSTERS_MD_NAMES

# regional-clusters.md, "Do not name" (and the Topsector ICT it mentions: not one of the nine).
DO_NOT_NAME = ("Biobased Delta", "Circular Biobased Delta", "World Food Center",
               "Holland Space Cluster", "Maritime Delta", "Dutch Digital Delta",
               "Topsector ICT", "Smart Delta Resources", "Port of Rotterdam",
               "Dutch Optics Centre", "fieldlab")

# organisations.md, "Websites seen in the sources".
ALLOWED_DOMAINS = {
    "kvk.nl", "rvo.nl", "topsectoren.nl", "regieorgaan-sia.nl", "metaalunie.nl", "fme.nl",
    "tln.nl", "evofenedex.nl", "knv.nl", "cumela.nl", "nrk.nl", "vlok.nl", "fnli.nl", "onl.nl",
    "nom.nl", "oostnl.nl", "horizonflevoland.nl", "innovationquarter.nl", "impulszeeland.nl",
    "lwv.nl", "vno-ncwnoord.nl", "vno-ncwmidden.nl", "vno-ncwwest.nl",
    "vnoncwbrabantzeeland.nl", "eennl.eu",
}

# The rows of regional-clusters.md with confidence M.
M_NAMES = {"Automotive Campus", "RAI Automotive Industry NL", "NL Space Campus",
           "Supply Chain Valley", "Media Campus NL", "Food Pioneers"}


@pytest.fixture(scope="module")
def data():
    return shipped()


def test_the_shipped_data_loads(data):
    assert data.organisations and data.rules
    assert load(DATA_FILE) == data


def unlisted_names(data) -> list[str]:
    used = []
    for org in data.organisations:
        used += [org.name, *org.aka] + ([org.via] if org.via else [])
    return sorted(set(used) - ALLOWED_NAMES)


def test_every_name_is_in_the_facts(data):
    assert unlisted_names(data) == []


def test_the_name_check_catches_an_invented_body(data):
    invented = data.organisations[1].model_copy(update={
        "name": "Nederlandse Clusterbond", "aka": ["Koninklijke Metaalunie", "NCB"]})
    widened = data.model_copy(update={"organisations": [*data.organisations, invented]})
    assert unlisted_names(widened) == ["NCB", "Nederlandse Clusterbond"]


def test_each_facts_file_is_the_one_that_names_the_entry(data):
    for org in data.organisations:
        names = (ORGANISATIONS_MD_NAMES if org.facts == "organisations.md"
                 else REGIONAL_CLUSTERS_MD_NAMES)
        assert org.name in names, org.id


def test_every_cluster_of_the_table_is_in_the_data(data):
    names = {org.name for org in data.organisations}
    table = {"Brainport Development", "Brainport Industries", "High Tech Campus Eindhoven",
             "Automotive Campus", "RAI Automotive Industry NL", "PhotonDelta",
             "AgriFood Capital", "Green Chemistry Campus", "Foodvalley NL", "Health Valley",
             "Novel-T", "Kennispark Twente", "Greenport West-Holland", "Security Delta (HSD)",
             "Leiden Bio Science Park", "Medical Delta", "Smart Delta Drechtsteden",
             "NL Space Campus", "Brightlands Chemelot Campus",
             "Brightlands Maastricht Health Campus", "Brightlands Smart Services Campus",
             "Brightlands Campus Greenport Venlo", "Supply Chain Valley",
             "New Energy Coalition", "Campus Groningen", "WaterCampus Leeuwarden",
             "Water Alliance", "Dairy Campus", "Utrecht Science Park", "Amsterdam Science Park",
             "Media Campus NL", "Food Pioneers"}
    assert sorted(table - names) == []


@pytest.mark.parametrize("name", DO_NOT_NAME)
def test_nothing_from_the_do_not_name_list(name):
    assert name.lower() not in DATA_TEXT.lower()


def test_websites_only_from_the_allowed_domains(data):
    assert set(data.websites_seen) == ALLOWED_DOMAINS
    for org in data.organisations:
        if org.website is None:
            assert org.url is None
        else:
            assert org.website in ALLOWED_DOMAINS, org.id
            assert org.url == f"https://{org.website}"


def test_every_entry_has_a_verified_date(data):
    assert len(data.organisations) > 40
    for org in data.organisations:
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", org.verified), org.id
        assert org.verified == "2026-11"  # the facts were gathered November 2026


def test_m_entries_are_the_m_rows_and_carry_a_caveat(data):
    assert {o.name for o in data.organisations if o.confidence == "M"} == M_NAMES
    for org in data.organisations:
        if org.confidence == "M":
            assert org.caveat and all(org.caveat[lang].strip() for lang in ("nl", "en"))


def test_every_text_in_both_languages(data):
    texts = [*data.reasons.values()]
    for org in data.organisations:
        texts.append(org.about)
        if org.caveat:
            texts.append(org.caveat)
    for text in texts:
        assert set(text) == {"nl", "en"} and text["nl"].strip() and text["en"].strip()
        assert text["nl"] != text["en"]


def test_every_kind_has_a_label_and_is_used(data):
    for lang in ("nl", "en"):
        for kind in KINDS:
            assert f"routing.kind.{kind}" in catalogue(lang)
    assert {org.kind for org in data.organisations} == set(KINDS)


def test_no_amounts_in_the_programme_texts(data):
    for org in data.organisations:
        if org.kind == "government_programme":
            for lang in ("nl", "en"):
                text = org.about[lang] + (org.caveat or {}).get(lang, "")
                assert "€" not in text and "%" not in text and "euro" not in text.lower()
    for key in ("mit", "wbso", "pib"):
        assert all("%" not in t and "€" not in t for t in data.reasons[key].values())


def test_rules_cite_the_study_only_where_it_bears(data):
    allowed = {"F8", "F10", "F11", "organisations"}
    by_id = {rule.id: rule for rule in data.rules}
    for rule in data.rules:
        assert set(rule.source) <= allowed, rule.id
    assert by_id["kvk"].source == ["F11"]
    assert by_id["kvk-support"].source == ["F10"]
    assert by_id["branch-ask-kvk"].source == ["F11"]
    assert all(r.source == ["F11"] for r in data.rules if r.id.startswith("branch-"))
    assert by_id["knowledge-level"].source == ["F8"]
    assert by_id["knowledge-exchange"].source == ["F8"]


def test_traced_rules_for_questions_trace(data):
    traced = traced_rules()
    assert [item[1] for item in traced] == [rule.id for rule in data.rules]
    assert all(kind == "route" for kind, _, _ in traced)
    assert ("route", "kvk", ("F11",)) in traced
    assert ("route", "knowledge-exchange", ("F8",)) in traced


# --- the loader's messages ---------------------------------------------------------------


def _edit(old: str, new: str) -> str:
    """The shipped text with one change (the test checks that it really changed)."""
    return DATA_TEXT.replace(old, new, 1)


def _line(text: str, fragment: str) -> int:
    return text[:text.index(fragment)].count("\n") + 1


# (name, file text, fragment whose line the message names, English, Dutch)
BROKEN = [
    ("website not seen", _edit("website: metaalunie.nl", "website: metaalunie.com"),
     "website: metaalunie.com", ["organisations[metaalunie].website", "'metaalunie.com'",
                                 "websites_seen"], ["staat niet in websites_seen"]),
    ("bad verified date", _edit('verified: "2026-11"\n    website: fme.nl',
                                'verified: "November 2026"\n    website: fme.nl'),
     '"November 2026"', ["organisations[fme].verified", "YYYY-MM"], ["JJJJ-MM"]),
    ("no verified date", _edit('    verified: "2026-11"\n    website: fme.nl',
                               "    website: fme.nl"),
     "  - id: fme", ["organisations[fme].verified", "this field is required"],
     ["dit veld is verplicht"]),
    ("M without caveat", re.sub(r'    caveat:\n      nl: "Voorheen SMART[^\n]*\n[^\n]*\n', "",
                                DATA_TEXT, count=1),
     'confidence: M\n    verified: "2026-11"\n    about:\n      nl: "Quadruple',
     ["organisations[supply-chain-valley].caveat", "confidence M needs a caveat"],
     ["betrouwbaarheid M"]),
    ("missing English text", _edit('en: "Trade association for the finishing trades."', ""),
     'about:\n      nl: "Branchevereniging voor de afbouw."',
     ["organisations[noa].about", "no text in 'en'"], ["geen tekst in 'en'"]),
    ("impossible value in a rule", _edit("when: {question: sector, equals: finishing}",
                                         "when: {question: sector, equals: afbouw}"),
     "equals: afbouw}", ["rules[branch-noa].when", "'sector' can never be afbouw"],
     ["kan nooit afbouw zijn"]),
    ("unknown question in a rule", _edit("when: {question: own_rnd, equals: true}",
                                         "when: {question: rnd, equals: true}"),
     "question: rnd,", ["rules[rvo-wbso].when", "'rnd', which does not exist"],
     ["'rnd', die niet bestaat"]),
    ("unknown dimension in a rule", _edit("when: {dimension: knowledge_level, band: knelpunt}",
                                          "when: {dimension: knowhow, band: knelpunt}"),
     "dimension: knowhow", ["rules[knowledge-level].when", "unknown dimension 'knowhow'"],
     ["onbekende dimensie"]),
    ("bad condition form", _edit("when: {question: sector, equals: hospitality}",
                                 "when: {question: sector, equal: hospitality}"),
     "equal: hospitality", ["rules[branch-khn].when", "give exactly one of"],
     ["geef precies één van"]),
    ("unknown entry in a rule", _edit("recommend: [vlok]", "recommend: [vlokk]"),
     "recommend: [vlokk]", ["rules[branch-vlok].recommend", "'vlokk' does not exist"],
     ["bestaat niet onder organisations"]),
    ("unreachable entry", _edit("recommend: [techniek-nederland, nvkl]",
                                "recommend: [techniek-nederland]"),
     "  - id: nvkl", ["organisations[nvkl]", "no rule recommends 'nvkl'"],
     ["geen enkele regel"]),
    ("unknown kind", _edit("kind: chamber", "kind: chambre"), "kind: chambre",
     ["organisations[kvk].kind", "'chambre' is not allowed", "'chamber'"],
     ["niet toegestaan"]),
    ("unknown source", _edit("    why: kvk_support\n    source: [F10]",
                             "    why: kvk_support\n    source: [F13]"),
     "source: [F13]", ["rules[kvk-support].source", "unknown source 'F13'"],
     ["onbekende bron"]),
    ("unknown reason", _edit("why: wbso", "why: wbos"), "why: wbos",
     ["rules[rvo-wbso].why", "the reason 'wbos' does not exist"], ["de reden 'wbos'"]),
    ("unknown placeholder", _edit("bij uw bedrijf past.\"", "bij uw {bedrijf} past.\""),
     "  branch_ask_kvk:", ["reasons[branch_ask_kvk]", "{bedrijf}"], ["{bedrijf}"]),
    ("duplicate entry id", _edit("  - id: afnl", "  - id: noa"), "  - id: noa",
     ["organisations[noa].id", "the id 'noa' is used 2 times"], ["2 keer"]),
    ("duplicate key", _edit("    name: KVK\n", "    name: KVK\n    name: KvK\n"),
     "name: KvK", ["'name' appears twice"], ["staat er twee keer in"]),
    ("placeholder in one language only",
     _edit('en: "In the EIM study (2001), entrepreneurs', 'en: "In {province}, entrepreneurs'),
     "  kvk_always:", ["reasons[kvk_always]", "different placeholders (en: province; nl: -)"],
     ["verschillende plaatshouders"]),
    ("text in an unknown language", _edit('en: "Trade association for hospitality."',
                                          'en: "Trade association for hospitality."\n'
                                          '      fr: "Association de la restauration."'),
     'about:\n      nl: "Branchevereniging voor de horeca."',
     ["organisations[khn].about", "'fr', an unknown language"], ["'fr', een onbekende taal"]),
    ("answer without a label", _edit("  wants_regional:\n    type: yesno",
                                     "  wants_regional:\n    type: yesno\n"
                                     "  employees:\n    type: yesno"),
     "  employees:", ["answers[employees]", "no text 'routing.answer.employees'"],
     ["geen tekst 'routing.answer.employees'"]),
    ("yes/no answer with keys", _edit("  own_rnd:\n    type: yesno",
                                      "  own_rnd:\n    type: yesno\n    keys: [yes, no]"),
     "keys: [yes, no]", ["answers[own_rnd].keys", "a yes/no answer has no keys"],
     ["heeft geen keys"]),
    ("no recommend and no to_kind", _edit("    recommend: [een]\n", ""), "  - id: een\n    when",
     ["rules[een]", "exactly one of 'recommend'"], ["precies één van 'recommend'"]),
]


@pytest.mark.parametrize(("name", "text", "fragment", "english", "dutch"), BROKEN,
                         ids=[case[0] for case in BROKEN])
def test_broken_data_is_reported_with_file_line_and_entry(tmp_path: Path, name, text, fragment,
                                                          english, dutch):
    assert text != DATA_TEXT, "the edit no longer applies to the shipped data"
    path = tmp_path / "organisations.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputProblems) as caught:
        load(path)
    line = _line(text, fragment)
    en = format_error(caught.value, "en")
    nl = format_error(caught.value, "nl")
    assert f"{path}:{line}:" in en, en
    assert en.startswith(f"Problems in the organisations data {path} (count: ")
    assert nl.startswith(f"Problemen in de gegevens over organisaties {path} (aantal: ")
    for fragment_en in english:
        assert fragment_en in en, en
    for fragment_nl in dutch:
        assert fragment_nl in nl, nl


@pytest.mark.parametrize(("text", "expected"), [
    ("", "the file is empty"),
    ("- a\n- b\n", "not a list"),
    ("id: [unclosed\n", "not valid YAML"),
])
def test_unusable_files(tmp_path: Path, text, expected):
    path = tmp_path / "organisations.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputProblems) as caught:
        load(path)
    assert expected in format_error(caught.value, "en")


def test_a_missing_file_is_reported(tmp_path: Path):
    with pytest.raises(InputProblems) as caught:
        load(tmp_path / "nowhere.yaml")
    assert "file not found" in format_error(caught.value, "en")


# --- against the question set ------------------------------------------------------------


def _question_set(data, drop_option: str | None = None, sector_type: str = "choice"):
    questions = []
    for answer, spec in data.answers.items():
        question = {"id": answer, "type": spec.type, "text": {"nl": answer, "en": answer},
                    "source": ["profile"]}
        if answer == "sector":
            question["type"] = sector_type
        if spec.type in ("choice", "multi"):
            question["options"] = [{"key": key, "label": {"nl": key, "en": key}}
                                   for key in spec.keys if key != drop_option]
        questions.append(question)
    dimensions = [{"id": d, "title": {"nl": d, "en": d}, "source": ["design"]}
                  for d in data.dimensions]
    return QuestionSet.from_data({
        "id": "t", "version": "1", "languages": ["nl", "en"], "title": {"nl": "t", "en": "t"},
        "dimensions": dimensions, "questions": questions})


def test_the_answers_the_rules_read_fit_a_matching_question_set(data):
    assert check_against_question_set(data, _question_set(data)) == []


def test_a_question_set_without_an_option_the_rules_read_is_reported(data):
    problems = check_against_question_set(data, _question_set(data, drop_option="water"))
    assert [(p.key, p.params) for p in problems] == [
        ("routing.load.answer_keys_missing", {"question": "sector", "keys": "water"})]
    problems = check_against_question_set(data, _question_set(data, sector_type="multi"))
    assert [p.key for p in problems] == ["routing.load.answer_type_differs"]


def test_the_fixed_ids_are_what_the_rules_read(data):
    assert data.answers["sector"].keys == [
        "metal", "technology", "rubber_plastics", "construction", "finishing", "renovation",
        "installation", "hospitality", "retail", "food_retail", "trade_export",
        "transport_logistics",
        "passenger_transport", "agriculture", "contract_farming", "food", "chemicals", "ict",
        "creative_media", "health_life_sciences", "energy", "water", "business_services",
        "other"]
    assert data.answers["province"].keys == [
        "groningen", "fryslan", "drenthe", "overijssel", "flevoland", "gelderland", "utrecht",
        "noord-holland", "zuid-holland", "zeeland", "noord-brabant", "limburg"]
    assert data.dimensions == ["motivation", "win_win", "relationship", "knowledge_level",
                               "knowledge_exchange", "ict_knowledge", "regional_network"]


def test_questions_check_checks_the_organisation_data(cli, tmp_path, monkeypatch):
    """An advisor who edits organisations.yaml finds a mistake with `questions check`."""
    from clustercli.routing import data as organisations

    broken = tmp_path / "organisations.yaml"
    text = organisations.default_path().read_text(encoding="utf-8")
    broken.write_text(text.replace("when: {question: sector, equals: finishing}",
                                   "when: {question: sector, equals: afbouw}"), encoding="utf-8")
    assert cli("questions", "check").exit_code == 0
    monkeypatch.setattr(organisations, "default_path", lambda: broken)
    result = cli("questions", "check", "--lang", "en")
    assert result.exit_code == 2 and "organisations.yaml" in result.stderr
    assert "afbouw" in result.stderr and "Traceback" not in result.output


def test_trace_lists_the_routes(cli):
    result = cli("questions", "trace", "--lang", "en")
    assert result.exit_code == 0
    assert all(f"organisation route `{rule}`" in result.stdout
               for _, rule, _ in traced_rules())
