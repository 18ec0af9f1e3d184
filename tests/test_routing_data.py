"""The routing data: names only as the facts give them (the data's own `facts:` section, which the
loader holds every entry against), allowed web addresses, dates, caveats, scopes that each kind
needs; and the answers it reads, held against a question set. The loader's messages for broken
data: test_routing_loader.py.

Names are read from the data, never repeated here: a test that needs one entry names its id."""

from __future__ import annotations

import re

import pytest

from clustercli.i18n import catalogue
from clustercli.paths import shipped_set
from clustercli.questionset.loader import load as load_set
from clustercli.questionset.model import QuestionSet
from clustercli.questionset.types import OPTIONS
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
        if OPTIONS in spec.kind.takes:
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
