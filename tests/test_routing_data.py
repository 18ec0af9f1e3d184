"""The routing data: names only as the facts give them (the data's own `facts:` section, which the
loader holds every entry against), allowed web addresses, dates, caveats, scopes that each kind
needs, and a loader that names file, line and entry for every problem, in Dutch and English.

Names are read from the data, never repeated here: a test that needs one entry names its id."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clustercli.errors import InputProblems
from clustercli.i18n import catalogue
from clustercli.messages import format_error
from clustercli.paths import shipped_set
from clustercli.questionset.loader import load as load_set
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
# Everything after the facts section: where a "do not name" entry must never appear.
BODY = DATA_TEXT[DATA_TEXT.index("\nanswers:"):]


@pytest.fixture(scope="module")
def data():
    return shipped()


def test_the_shipped_data_loads(data):
    assert len(data.organisations) > 90 and len(data.routes) > len(data.organisations)
    assert load(DATA_FILE) == data


def all_names(data) -> set[str]:
    return {name for facts in data.facts.values() for name in facts.names}


def test_every_name_is_one_its_facts_file_confirms(data):
    for org in data.organisations:
        confirmed = data.facts[org.facts].names
        assert org.name in confirmed and set(org.aka) <= set(confirmed), org.id
        assert org.via is None or org.via in all_names(data), org.id


def test_every_row_of_the_cluster_table_is_used(data):
    """Each name regional-clusters.md gives is an entry, another name of one, or said in one's
    description (RAI Vereniging, of which RAI Automotive Industry NL is a section)."""
    used = " ".join(" ".join([o.name, *o.aka, *o.about.values()]) for o in data.organisations)
    assert [n for n in data.facts["regional-clusters.md"].names if n not in used] == []


def test_the_added_associations_are_in(data):
    """organisations.md, "Added after the first release": every association it names."""
    kinds = {o.id: o.kind for o in data.organisations}
    added = ("nbov", "kns", "cbl", "vakcentrum", "sra", "noab", "roa", "abu", "nbbu", "bno",
             "bna", "via", "nefemed", "fhi", "hollandbio", "energie-nederland", "nvde",
             "holland-solar", "netbeheer-nederland", "waterbouwers", "nwp", "water-alliance",
             "glastuinbouw-nederland", "onderhoudnl", "bovag")
    assert {kinds.get(org_id) for org_id in added} == {"branch_association"}
    assert kinds["health-holland"] == "topsector"


@pytest.mark.parametrize("name", [n for f in shipped().facts.values() for n in f.do_not_name])
def test_nothing_from_the_do_not_name_lists(name):
    assert name.lower() not in BODY.lower()


def test_nothing_the_facts_call_no_trade_association(data):
    refused = {n for f in data.facts.values() for n in f.not_associations}
    assert refused and not refused & {n for o in data.organisations for n in [o.name, *o.aka]}


def test_websites_only_from_the_facts(data):
    seen = set(data.websites_seen)
    assert {"kvk.nl", "rvo.nl", "nbov.nl", "dutcharchitects.org"} <= seen
    for org in data.organisations:
        if org.website is None:
            assert org.url is None
        else:
            assert org.website in seen, org.id
            assert org.url == f"https://{org.website}"


@pytest.mark.parametrize("org_id", ["noab", "nbbu", "bouwend-nederland", "khn", "bom"])
def test_no_web_address_where_the_facts_list_none(data, org_id):
    assert data.organisation(org_id).website is None


def test_every_entry_has_a_verified_date_within_the_gathering(data):
    for org in data.organisations:
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", org.verified), org.id
        assert "2026-11" <= org.verified <= data.gathered, org.id


def test_m_entries_are_the_facts_m_rows_and_carry_a_caveat(data):
    for org in data.organisations:
        assert (org.confidence == "M") == (org.name in data.facts[org.facts].confidence_m)
        if org.confidence == "M":
            assert org.caveat and all(org.caveat[lang].strip() for lang in ("nl", "en"))
    assert sum(o.confidence == "M" for o in data.organisations) == sum(
        len(f.confidence_m) for f in data.facts.values())


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
            texts = [org.about, org.caveat or {}, *(data.reasons[r.why] for r in org.routes)]
            for text in texts:
                for lang in text:
                    assert not re.search(r"€|%|\beuro\b", text[lang], re.IGNORECASE), org.id


def test_routes_cite_the_study_only_where_it_bears(data):
    allowed = {"F8", "F10", "F11", "organisations"}
    for org, route in data.routes:
        assert set(route.source) <= allowed, route.id
        if org.kind == "branch_association":
            assert route.source == ["F11"], route.id
        if "F8" in route.source:  # a knelpunt on know-how or on sharing knowledge
            assert "knowledge_level" in str(route.when) and "knowledge_exchange" in str(route.when)
    kvk = {route.id: route.source for route in shipped().organisation("kvk").routes}
    assert kvk["kvk"] == ["F11"] and kvk["kvk-support"] == ["F10"]


def test_every_kind_carries_the_scope_it_needs(data):
    for org in data.organisations:
        if org.kind in ("branch_association", "cluster"):
            assert org.scope.sectors, org.id
        if org.kind in ("rom", "cluster", "regional_board", "employers_association"):
            assert org.scope.provinces or org.national, org.id
        if org.kind in ("cluster", "regional_board", "employers_association"):
            assert org.scope.regional, org.id


# The facts say these are for SMEs only (organisations.md: MIT "Mkb-innovatiestimulering",
# RAAK-mkb "at least six SMEs", Koninklijke Metaalunie "SME manufacturing", SRA "SME
# accountancy firms", NBBU "SME staffing agencies", MKB-Limburg).
MKB_ONLY = {"mit-rd-samenwerking", "raak-mkb", "metaalunie", "sra", "nbbu", "mkb-limburg"}
# Own R&D (issue 13): MIT and WBSO; TNO; the campuses where SMEs can only rent space.
OWN_RND = {"mit-rd-samenwerking", "wbso", "tno", "high-tech-campus-eindhoven",
           "automotive-campus", "leiden-bio-science-park", "brightlands-chemelot-campus",
           "amsterdam-science-park", "kennispark-twente", "campus-groningen"}


def test_mkb_only_and_own_rnd_are_where_the_facts_put_them(data):
    assert {o.id for o in data.organisations if o.scope.mkb_only} == MKB_ONLY
    assert {o.id for o in data.organisations if o.scope.own_rnd} == OWN_RND
    for org in data.organisations:
        if "mkb" in org.name.lower() and "VNO-NCW" not in org.name:
            assert org.scope.mkb_only, org.id


def test_traced_rules_for_questions_trace(data):
    traced = traced_rules()
    assert [item[1] for item in traced] == [route.id for _, route in data.routes]
    assert all(kind == "route" for kind, _, _ in traced)
    assert ("route", "kvk", ("F11",)) in traced
    assert ("route", "knowledge-tno-knelpunt", ("F8",)) in traced


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
    ("M without caveat", re.sub(r'    caveat:\n      nl: "Heette eerder SMART[^\n]*\n[^\n]*\n',
                                "", DATA_TEXT, count=1),
     "confidence: M\n    verified: \"2026-11\"\n    about:\n      nl: \"Stichting in Venlo",
     ["organisations[supply-chain-valley].caveat", "confidence M needs a caveat"],
     ["betrouwbaarheid M"]),
    ("M where the facts give H", _edit("    name: FHI\n    kind: branch_association\n"
                                       "    facts: organisations.md\n    confidence: H",
                                       "    name: FHI\n    kind: branch_association\n"
                                       "    facts: organisations.md\n    confidence: M"),
     "confidence: M\n    verified: \"2026-12\"\n    website: fhi.nl",
     ["organisations[fhi].confidence", "gives 'FHI' with confidence H"],
     ["betrouwbaarheid H"]),
    ("missing English text", _edit('en: "Trade association for hotels, restaurants and cafés."',
                                   ""),
     'about:\n      nl: "Branchevereniging voor de horeca."',
     ["organisations[khn].about", "no text in 'en'"], ["geen tekst in 'en'"]),
    ("a name the facts do not give", _edit("    name: NBOV\n", "    name: NBOV Bakkers\n"),
     "name: NBOV Bakkers", ["organisations[nbov].name", "'NBOV Bakkers' is not a name"],
     ["geen naam die organisations.md bevestigt"]),
    ("a name not to give", _edit('nl: "Vereniging voor ontwerpers en ontwerpbureaus."',
                                 'nl: "Vereniging voor ontwerpers, ook Dutch Digital Agencies."'),
     'about:\n      nl: "Vereniging voor ontwerpers, ook',
     ["organisations[bno].about", "'Dutch Digital Agencies'", "\"do not name\""],
     ["'niet noemen'"]),
    ("no trade association", _edit("    aka: [Samenwerkende Registeraccountants",
                                   "    aka: [NBA, Samenwerkende Registeraccountants"),
     "aka: [NBA,", ["organisations[sra].aka", "not a trade association"],
     ["geen branchevereniging"]),
    ("impossible value in a route", _edit("{any: [{question: own_rnd, equals: true}, {question",
                                          "{any: [{question: own_rnd, equals: maybe}, {question"),
     "when: {any: [{question: own_rnd, equals: maybe}",
     ["routes[rom-nom].when.any[0]", "'own_rnd' can never be maybe"],
     ["kan nooit maybe zijn"]),
    ("a province that does not exist", _edit("provinces: [zeeland], regional: true}",
                                             "provinces: [zeelandia], regional: true}"),
     "[zeelandia]", ["organisations[economic-board-zeeland].scope.provinces",
                     "'province' can never be zeelandia"], ["kan nooit zeelandia zijn"]),
    ("unknown sector", _edit("scope: {sectors: [renovation]}", "scope: {sectors: [klussen]}"),
     "sectors: [klussen]", ["organisations[vlok].scope.sectors", "'klussen' is no sector"],
     ["'klussen' is geen sector"]),
    ("unknown sub-sector", _edit("scope: {sectors: [food_retail/bakery]}",
                                 "scope: {sectors: [food_retail/bakker]}"),
     "food_retail/bakker", ["organisations[nbov].scope.sectors", "food_shop has no such answer",
                            "bakery, butcher"], ["heeft dat antwoord niet"]),
    ("a sector without a follow-up", _edit("scope: {sectors: [hospitality]}",
                                           "scope: {sectors: [hospitality/cafe]}"),
     "hospitality/cafe", ["organisations[khn].scope.sectors", "'hospitality' has no follow-up"],
     ["heeft geen vervolgvraag"]),
    ("a cluster without provinces", _edit(
        "scope: {sectors: [ict/security], provinces: [zuid-holland], regional: true}",
        "scope: {sectors: [ict/security], regional: true}"),
     "sectors: [ict/security], regional", ["organisations[security-delta].scope",
                                           "kind cluster needs 'provinces'"],
     ["soort cluster heeft 'provinces' nodig"]),
    ("MKB only, yet for 250+", _edit("scope: {provinces: [limburg], mkb_only: true, "
                                     "regional: true}",
                                     "scope: {provinces: [limburg], mkb_only: true, "
                                     "employees: [solo, 250-plus], regional: true}"),
     "employees: [solo, 250-plus]", ["organisations[mkb-limburg].scope.employees",
                                     "mkb_only: true, yet employees names 250-plus"],
     ["maar employees noemt 250-plus"]),
    ("unknown question in a route", _edit("{question: support_wanted, includes: information}]}",
                                          "{question: support, includes: information}]}"),
     "when: {any: [{question: support_wanted, includes: contacts}",
     ["routes[kvk-support].when.any[1]", "'support', which does not exist"],
     ["'support', die niet bestaat"]),
    ("unknown dimension in a route", _edit("when: {any: [{dimension: knowledge_level, band",
                                           "when: {any: [{dimension: knowhow, band"),
     "dimension: knowhow", ["routes[knowledge-tno-knelpunt].when",
                            "unknown dimension 'knowhow'"], ["onbekende dimensie"]),
    ("bad condition form", _edit("when: {not: {answered: sector}}",
                                 "when: {not: {answerd: sector}}"),
     "answerd: sector", ["routes[kvk-no-sector].when"], ["routes[kvk-no-sector].when"]),
    ("only routes that wait", _edit("      - {id: een, why: een, source: [organisations], "
                                    "fit: 50}",
                                    "      - {id: een, why: een, source: [organisations], "
                                    "fit: 50, unless_found: [rom]}"),
     "    routes:\n      - {id: een,", ["organisations[een].routes", "every route of 'een' waits"],
     ["elke route van 'een' wacht"]),
    ("unknown kind", _edit("kind: chamber", "kind: chambre"), "kind: chambre",
     ["organisations[kvk].kind", "'chambre' is not allowed", "'chamber'"],
     ["niet toegestaan"]),
    ("unknown source", _edit("        why: kvk_support\n        source: [F10]",
                             "        why: kvk_support\n        source: [F13]"),
     "source: [F13]", ["routes[kvk-support].source", "unknown source 'F13'"],
     ["onbekende bron"]),
    ("unknown reason", _edit("why: wbso,", "why: wbos,"), "why: wbos",
     ["routes[rvo-wbso].why", "the reason 'wbos' does not exist"], ["de reden 'wbos'"]),
    ("unused reason", _edit("  een:\n    nl:", "  eu:\n    nl:"), "  eu:\n",
     ["reasons[eu]", "no route uses the reason 'eu'"], ["gebruikt de reden 'eu'"]),
    ("unknown placeholder", _edit("KVK kan u vertellen welke bij uw bedrijf past.\"",
                                  "KVK kan u vertellen welke bij uw {bedrijf} past.\""),
     "  kvk_ask_association:", ["reasons[kvk_ask_association]", "{bedrijf}"], ["{bedrijf}"]),
    ("duplicate entry id", _edit("  - id: afnl", "  - id: noa"), "  - id: noa",
     ["organisations[noa].id", "the id 'noa' is used 2 times"], ["2 keer"]),
    ("duplicate route id", _edit("{id: branch-afnl,", "{id: branch-bouwend-nederland,"),
     "{id: branch-bouwend-nederland,", ["routes[branch-bouwend-nederland].id", "2 times"],
     ["2 keer"]),
    ("duplicate key", _edit("    name: KVK\n", "    name: KVK\n    name: KvK\n"),
     "name: KvK", ["'name' appears twice"], ["staat er twee keer in"]),
    ("placeholder in one language only",
     _edit('en: "In the EIM study (2001), entrepreneurs', 'en: "In {province}, entrepreneurs'),
     "  kvk_always:", ["reasons[kvk_always]", "different placeholders (en: province; nl: -)"],
     ["verschillende plaatshouders"]),
    ("text in an unknown language", _edit('en: "Trade association for hotels, restaurants and '
                                          'cafés."',
                                          'en: "Trade association for hotels, restaurants and '
                                          'cafés."\n      fr: "Association de la restauration."'),
     'about:\n      nl: "Branchevereniging voor de horeca."',
     ["organisations[khn].about", "'fr', an unknown language"], ["'fr', een onbekende taal"]),
    ("answer without a label", _edit("  wants_regional:\n    type: yesno",
                                     "  wants_regional:\n    type: yesno\n"
                                     "  stimulation_important:\n    type: yesno"),
     "  stimulation_important:", ["answers[stimulation_important]",
                                  "no text 'routing.answer.stimulation_important'"],
     ["geen tekst 'routing.answer.stimulation_important'"]),
    ("yes/no answer with keys", _edit("  own_rnd:\n    type: yesno",
                                      "  own_rnd:\n    type: yesno\n    keys: [yes, no]"),
     "keys: [yes, no]", ["answers[own_rnd].keys", "a yes/no answer has no keys"],
     ["heeft geen keys"]),
    ("a follow-up of no sector", _edit("follows: [food_retail]", "follows: [food_shops]"),
     "follows: [food_shops]", ["answers[food_shop].follows", "'food_shops' is not a sector"],
     ["'food_shops' is geen sector"]),
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


def _question_set(data, drop_option: str | None = None, sector_type: str = "choice",
                  follow_up_when: dict | None = None):
    questions = []
    for answer, spec in data.answers.items():
        question = {"id": answer, "type": spec.type, "text": {"nl": answer, "en": answer},
                    "source": ["profile"]}
        if answer == "sector":
            question["type"] = sector_type
        if spec.follows:
            question["when"] = follow_up_when or {"question": "sector", "in": spec.follows}
        if spec.type in ("choice", "multi"):
            question["options"] = [{"key": key, "label": {"nl": key, "en": key}}
                                   for key in spec.keys if key != drop_option]
        questions.append(question)
    order = ["sector", *(a for a in data.answers if a != "sector")]
    questions.sort(key=lambda q: order.index(q["id"]))
    dimensions = [{"id": d, "title": {"nl": d, "en": d}, "source": ["design"]}
                  for d in data.dimensions]
    return QuestionSet.from_data({
        "id": "t", "version": "1", "languages": ["nl", "en"], "title": {"nl": "t", "en": "t"},
        "dimensions": dimensions, "questions": questions})


def test_the_shipped_set_asks_what_the_data_reads(data):
    assert check_against_question_set(data, load_set(shipped_set())) == []
    assert check_against_question_set(data, _question_set(data)) == []


def test_every_follow_up_comes_right_after_sector_in_the_shipped_set(data):
    ids = [q.id for q in load_set(shipped_set()).questions]
    follow_ups = [answer for answer, spec in data.answers.items() if spec.follows]
    start = ids.index("sector") + 1
    assert ids[start:start + len(follow_ups)] == follow_ups


def test_a_question_set_without_an_option_the_data_reads_is_reported(data):
    problems = check_against_question_set(data, _question_set(data, drop_option="water"))
    assert [(p.key, p.params) for p in problems] == [
        ("routing.load.answer_keys_missing", {"question": "sector", "keys": "water", "count": 1})]
    problems = check_against_question_set(data, _question_set(data, sector_type="multi"))
    assert "routing.load.answer_type_differs" in [p.key for p in problems]


def test_a_follow_up_asked_for_other_sectors_is_reported(data):
    wrong = {"question": "sector", "equals": "metal"}
    problems = check_against_question_set(data, _question_set(data, follow_up_when=wrong))
    assert {p.params["question"] for p in problems} == {
        a for a, spec in data.answers.items() if spec.follows and spec.follows != ["metal"]}
    assert {p.key for p in problems} == {"routing.load.follow_up_differs"}


def test_questions_check_checks_the_organisation_data(cli, tmp_path, monkeypatch):
    """An advisor who edits organisations.yaml finds a mistake with `questions check`."""
    from clustercli.routing import data as organisations

    broken = tmp_path / "organisations.yaml"
    broken.write_text(DATA_TEXT.replace("scope: {sectors: [renovation]}",
                                        "scope: {sectors: [klussen]}"), encoding="utf-8")
    result = cli("questions", "check", "--lang", "en")
    assert result.exit_code == 0
    assert f"{len(shipped().organisations)} organisations" in result.stdout
    monkeypatch.setattr(organisations, "default_path", lambda: broken)
    result = cli("questions", "check", "--lang", "en")
    assert result.exit_code == 2 and "organisations.yaml" in result.stderr
    assert "klussen" in result.stderr and "Traceback" not in result.output


def test_trace_lists_the_routes(cli):
    result = cli("questions", "trace", "--lang", "en")
    assert result.exit_code == 0
    assert all(f"organisation route `{rule}`" in result.stdout
               for _, rule, _ in traced_rules())
