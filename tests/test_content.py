"""The shipped question set: valid, the reserved ids other layers read, grounded, plain, current.

Routing, scoring and statistics read the reserved question ids and option keys and the dimension
ids below; a change here must be a change there too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clustercli.conditions import questions_named, to_data
from clustercli.paths import shipped_set
from clustercli.questionset.describe import trace_markdown
from clustercli.questionset.loader import load, load_from_text
from clustercli.questionset.model import QuestionSet
from clustercli.yamlfile import load_file

ROOT = Path(__file__).resolve().parent.parent
TRACEABILITY = ROOT / "docs" / "traceability.md"
REGENERATE = "uv run clustercli questions trace --lang en > docs/traceability.md"


@pytest.fixture(scope="module")
def qset() -> QuestionSet:
    return load(shipped_set())


@pytest.fixture(scope="module")
def raw_questions() -> dict[str, dict]:
    """The questions as written in the file (the loader resolves `scale: agree` away)."""
    return {q["id"]: q for q in load_file(shipped_set())["questions"]}


# --- the set is valid and of the intended size -----------------------------------------------


def test_shipped_set_passes_check(cli):
    result = cli("questions", "check", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "cluster-readiness 1.0" in result.stdout
    explicit = cli("questions", "check", str(shipped_set()))
    assert explicit.exit_code == 0, explicit.output


def test_identity(qset):
    assert (qset.id, qset.version, qset.languages) == ("cluster-readiness", "1.0", ["nl", "en"])


def sub_sector_questions(qset):
    """The follow-ups of `sector` (questions/organisations.yaml): a firm is asked one at most."""
    return {q.id for q in qset.questions
            if q.when is not None and questions_named(q.when) == {"sector"}}


def test_question_count_fits_ten_to_fifteen_minutes(qset):
    # Two positive and two reverse-worded statements per area make 28 of them; a statement on
    # the agree scale takes a few seconds. A firm is asked one sub-sector question at most.
    asked_of_one_firm = len(qset.questions) - len(sub_sector_questions(qset)) + 1
    assert 25 <= asked_of_one_firm <= 48


# --- reserved questions ----------------------------------------------------------------------

SECTORS = ("metal", "technology", "rubber_plastics", "construction", "finishing", "renovation",
           "installation", "hospitality", "retail", "food_retail", "trade_export",
           "transport_logistics",
           "passenger_transport", "agriculture", "contract_farming", "food", "chemicals", "ict",
           "creative_media", "health_life_sciences", "energy", "water", "business_services",
           "other")
PROVINCES = ("groningen", "fryslan", "drenthe", "overijssel", "flevoland", "gelderland",
             "utrecht", "noord-holland", "zuid-holland", "zeeland", "noord-brabant", "limburg")
COOPERATES = {"question": "cooperates", "equals": True}
NOT_REGIONAL = {"any": [{"question": "cooperates", "equals": False},
                        {"question": "cooperates_regionally", "equals": "no"}]}

# (id, type, option keys or None, `when` in data form or None, sources)
RESERVED = [
    ("sector", "choice", SECTORS, None, {"profile"}),
    ("province", "choice", PROVINCES, None, {"profile"}),
    ("employees", "choice", ("solo", "2-9", "10-49", "50-249", "250-plus"), None, {"profile"}),
    ("cooperates", "yesno", None, None, {"F3"}),
    ("cooperates_regionally", "choice", ("yes", "partly", "no"), COOPERATES, {"F3"}),
    ("wants_regional", "yesno", None, NOT_REGIONAL, {"F4"}),
    ("motives", "multi", ("market_position", "new_products", "quality", "knowledge_access",
                          "skills_resources", "innovation", "competitiveness"), None,
     {"F5", "F1", "F2"}),
    ("stimulation_important", "scale", None, None, {"F9"}),
    ("support_wanted", "multi", ("conditions", "contacts", "information"), None, {"F10"}),
    ("international", "yesno", None, None, {"profile"}),
    ("own_rnd", "yesno", None, None, {"profile"}),
]


@pytest.mark.parametrize(("qid", "kind", "keys", "when", "sources"), RESERVED,
                         ids=[row[0] for row in RESERVED])
def test_reserved_question(qset, qid, kind, keys, when, sources):
    q = qset.question(qid)
    assert q.type == kind
    assert q.option_keys == (keys or ())
    assert (to_data(q.when) if q.when is not None else None) == when
    assert set(q.source) == sources
    assert q.dimension is None, "reserved questions describe the firm; they are not scored"
    assert all(o.score is None for o in q.options or ())


def test_reserved_details(qset):
    stimulation = qset.question("stimulation_important")
    assert (stimulation.min, stimulation.max) == (1, 5)
    assert qset.question("support_wanted").required is False
    assert qset.question("motives").required is False  # "no gain at all": choose nothing


# --- scored dimensions -----------------------------------------------------------------------

DIMENSIONS = {
    "motivation": {"F5", "F1", "F2", "design"},  # design: time to spend on cooperation
    "win_win": {"F7", "design"},  # design: agreeing beforehand what each side gets
    "relationship": {"F8"},
    "knowledge_level": {"F8"},
    "knowledge_exchange": {"F8"},
    # F6 is a trend in the economy; that it counts for one firm is the tool's reading
    "ict_knowledge": {"design", "F6"},
    "regional_network": {"F10", "F11"},  # F3, F4, F9 are unscored profile questions
}
# Asked only of firms that cooperate: they are about current partners.
PARTNER_ITEMS = ("win_win_current", "win_win_partners_gain", "relationship_partners",
                 "knowledge_exchange_partners")


def test_dimension_ids_and_sources(qset):
    assert {d.id: set(d.source) for d in qset.dimensions} == DIMENSIONS


@pytest.mark.parametrize("dimension", list(DIMENSIONS))
def test_dimension_items(qset, raw_questions, dimension):
    items = qset.scored_questions(dimension)
    assert 4 <= len(items) <= 7
    for reverse in (False, True):  # two of each kind that every firm answers
        assert sum(1 for q in items if q.when is None and q.reverse is reverse) >= 2, reverse
    for q in items:
        assert q.type == "scale" and raw_questions[q.id].get("scale") == "agree", q.id
        assert q.allow_unknown, q.id
        assert q.text["nl"].startswith("Wij "), q.id
        assert re.search(r"\b(we|our|us)\b", q.text["en"], re.IGNORECASE), q.id


def test_a_firm_that_does_not_cooperate_still_gets_a_profile(qset):
    answers = {"cooperates": False, "wants_regional": False}
    for dimension in DIMENSIONS:
        asked = [q for q in qset.scored_questions(dimension) if qset.applies(q, answers)]
        assert len(asked) >= 4, dimension


# --- routing through `when` ------------------------------------------------------------------

# (case, answers so far, whether cooperates_regionally / wants_regional / partner items apply)
ROUTES = [
    ("cooperates within its region", {"cooperates": True, "cooperates_regionally": "yes"},
     True, False, True),
    ("cooperates partly within its region",
     {"cooperates": True, "cooperates_regionally": "partly"}, True, False, True),
    ("cooperates only outside its region",
     {"cooperates": True, "cooperates_regionally": "no"}, True, True, True),
    ("does not cooperate at all", {"cooperates": False}, False, True, False),
    ("has not answered yet", {}, False, False, False),
]


@pytest.mark.parametrize(("answers", "regionally", "wants", "partners"),
                         [row[1:] for row in ROUTES], ids=[row[0] for row in ROUTES])
def test_routing(qset, answers, regionally, wants, partners):
    assert qset.applies(qset.question("cooperates_regionally"), answers) is regionally
    assert qset.applies(qset.question("wants_regional"), answers) is wants
    for qid in PARTNER_ITEMS:
        assert qset.applies(qset.question(qid), answers) is partners, qid


def test_only_partner_items_depend_on_cooperation(qset):
    conditional = {q.id for q in qset.questions if q.when is not None}
    conditional -= sub_sector_questions(qset)
    assert conditional == {"cooperates_regionally", "wants_regional", *PARTNER_ITEMS}
    for qid in PARTNER_ITEMS:
        assert to_data(qset.question(qid).when) == COOPERATES


# --- grounding -------------------------------------------------------------------------------


@pytest.mark.parametrize("finding", [f"F{n}" for n in range(1, 12)])
def test_every_finding_is_cited_by_a_question_or_part(qset, finding):
    assert any(finding in q.source for q in (*qset.questions, *qset.dimensions))


def test_the_it_statements_rest_on_design_and_say_so(qset):
    """F6 is a trend in the economy, not a firm's success factor (study-findings.md)."""
    assert all(q.source == ["design"] for q in qset.scored_questions("ict_knowledge"))
    description = qset.dimension_by_id["ict_knowledge"].description
    assert "keuze van deze zelftest" in description["nl"]
    assert "self-check's choice" in description["en"]


def test_traceability_doc_is_current(qset):
    from clustercli.routing.recommendations import cited_routes

    expected = trace_markdown(qset, "en", cited_routes())
    found = TRACEABILITY.read_text(encoding="utf-8") if TRACEABILITY.exists() else ""
    assert found == expected, f"docs/traceability.md is out of date; regenerate it: {REGENERATE}"


# --- plain language --------------------------------------------------------------------------

# Words an entrepreneur may not know: a question may use one only if its help explains it.
# Matched as lower-case fragments ("kerncompetentie" also catches "kerncompetenties",
# "cluster" also "clusters" and "clustering").
JARGON = {
    "nl": ("kerncompetentie", "complementair", "kenniseconomie", "clustering", "cluster",
           "synergie", "stakeholder", "hulpbron", "concurrentievermogen", "ecosysteem",
           "triple helix", "r&d", "stimule"),
    "en": ("core competenc", "complementary", "knowledge economy", "clustering", "cluster",
           "synerg", "stakeholder", "ecosystem", "triple helix", "r&d"),
}


def jargon_problems(qset: QuestionSet) -> set[tuple[str, str, str]]:
    """(where, language, word) for each unexplained word in a question or dimension text."""
    problems = set()
    for lang, words in JARGON.items():
        for q in qset.questions:
            shown = " ".join([q.text[lang], *(o.label[lang] for o in q.options or ())]).lower()
            help_text = (q.help or {}).get(lang, "").lower()
            problems |= {(q.id, lang, w) for w in words if w in shown and w not in help_text}
        for d in qset.dimensions:
            shown = " ".join([d.title[lang], (d.description or {}).get(lang, "")]).lower()
            problems |= {(d.id, lang, w) for w in words if w in shown}
    return problems


def test_question_texts_use_plain_words(qset):
    assert jargon_problems(qset) == set()


SHIPPED_TEXT = shipped_set().read_text(encoding="utf-8")


def _planted(old: str, new: str) -> QuestionSet:
    assert SHIPPED_TEXT.count(old) == 1, old
    return load_from_text(SHIPPED_TEXT.replace(old, new), "planted.yaml")


@pytest.mark.parametrize(("old", "new", "found"), [
    ('nl: "Wij vertrouwen de bedrijven waarmee wij zaken doen."',
     'nl: "Wij kennen onze kerncompetenties."', ("relationship_trust", "nl", "kerncompetentie")),
    ('en: "We trust the firms we do business with."',
     'en: "We look for synergy with other firms."', ("relationship_trust", "en", "synerg")),
    ('label: {nl: "Kennis die wij zelf niet hebben"',
     'label: {nl: "Complementaire kennis"', ("motives", "nl", "complementair")),
    ('nl: "Kennis uitwisselen"', 'nl: "Kennis uitwisselen in het cluster"',
     ("knowledge_exchange", "nl", "cluster")),
])
def test_plain_language_check_catches_a_planted_word(old, new, found):
    assert found in jargon_problems(_planted(old, new))


def test_plain_language_check_accepts_a_word_its_help_explains():
    planted = _planted(
        'nl: "Wij houden onze kennis goed bij."\n'
        '      en: "We keep our knowledge up to date."\n'
        '    help:\n'
        '      nl: "Bijvoorbeeld',
        'nl: "Wij houden de kennis over onze kerncompetenties goed bij."\n'
        '      en: "We keep our knowledge up to date."\n'
        '    help:\n'
        '      nl: "Kerncompetenties zijn de dingen waar u echt goed in bent. Bijvoorbeeld')
    assert jargon_problems(planted) == set()


def test_question_texts_are_short_and_single(qset):
    for q in qset.questions:
        for lang in qset.languages:
            text = q.text[lang]
            assert len(text.split()) <= 20, (q.id, lang, text)
            assert len(re.findall(r"[.?!](?:\s|$)", text)) == 1, (q.id, lang, text)
            assert q.text["nl"] != q.text["en"], q.id


# Wording that asks two things at once, or that leads toward the "good" answer (issue 13).
DOUBLE_OR_LEADING = {
    "nl": re.compile(r"\bof wil|\bwij en onze\b|niet alleen wij|\bdurven\b|\ben wilt\b", re.I),
    "en": re.compile(r"\bor would you like\b|\bwe and our\b|not just us|\bare willing to\b",
                     re.I),
}


def test_statements_ask_one_thing_without_leading(qset):
    found = [(q.id, lang, q.text[lang]) for q in qset.questions for lang in qset.languages
             if DOUBLE_OR_LEADING[lang].search(q.text[lang])]
    assert found == []


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Doet uw bedrijf zaken in het buitenland, of wilt u dat gaan doen?"),
    ("nl", "Wij en onze partners hebben allemaal voordeel van onze samenwerking."),
    ("nl", "Wij willen dat elke partner voordeel heeft, niet alleen wij."),
    ("nl", "Wij durven andere bedrijven te vertrouwen."),
    ("en", "We are willing to trust other firms."),
])
def test_the_wording_check_finds_double_and_leading_questions(lang, text):
    assert DOUBLE_OR_LEADING[lang].search(text)


def test_scored_statements_measure_what_their_part_is_named_for(qset):
    """Out of the level: income from knowledge (it penalises craft firms) and fear of copying
    (a sensible caution, and the same as keeping knowledge to oneself)."""
    texts = " ".join(q.text["nl"].lower() for q in qset.questions if q.dimension)
    assert "verdienen ons geld" not in texts and "kopieert" not in texts
