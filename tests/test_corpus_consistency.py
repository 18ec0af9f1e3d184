"""No report contradicts itself or the firm's own answers: checked over the whole corpus.

Every self-check of the corpus (tests/corpus.py: 240 stratified firms and the edge profiles)
gets its report in Dutch and English; each check below fails on the first report that says:
- praise ("sterk", "goed", "werkt goed ... met kennis") for a part that is a knelpunt;
- knelpunt talk ("werk eerst aan de knelpunten") when no part is a knelpunt;
- a step into the region ("nodig ... bedrijven uit uw regio uit") when the firm does not want to
  work with firms in its region;
- team advice ("met uw team", "uw medewerkers") to a one-person firm;
- "uw motieven zijn andere" (F5) when no motive was chosen;
- a step to the trade association when the report names none;
and that every firm of 250 or more is told it is outside the MKB the study is about, every
one-person firm gets the way to partners and networks, the advice is at most six, the actions
three to five and distinct (no two steps, and no two sentences of the report's own texts, saying
nearly the same), each with why in one sentence and its basis.
"""

from __future__ import annotations

import re

import pytest

from clustercli.profile.advice import MAX_ACTIONS, MAX_ADVICE, MIN_ACTIONS

LANGS = ("nl", "en")

# Words that tell what a part is about, per dimension (lower case fragments).
TOPICS = {
    "nl": {"motivation": ("motie", "doelen"), "win_win": ("voordeel voor al", "win-win"),
           "relationship": ("relatie", "vertrouw"), "knowledge_level": ("kennis",),
           "knowledge_exchange": ("kennis", "uitwissel"),
           "ict_knowledge": ("digitaal", "ict", "computer", "internet"),
           "regional_network": ("netwerk", "bijeenkomst", "regio")},
    "en": {"motivation": ("motive", "goal"), "win_win": ("gain for", "win-win"),
           "relationship": ("relationship", "trust"),
           "knowledge_level": ("know-how", "knowledge"),
           "knowledge_exchange": ("knowledge", "sharing", "exchange"),
           "ict_knowledge": ("digital", "computer", "internet"),
           "regional_network": ("network", "event", "region")},
}
# Praise of the firm: "uw bedrijf is/scoort/werkt ... sterk/goed".
PRAISE = {
    "nl": re.compile(r"\b(uw bedrijf|u)\b[^.;]*\b(sterk|goed|hoog|veel)\b", re.IGNORECASE),
    "en": re.compile(r"\b(your firm|you)\b[^.;]*\b(strong(ly)?|well|high|a lot)\b",
                     re.IGNORECASE),
}
NEGATION = {"nl": re.compile(r"\b(niet|geen|weinig|nog)\b", re.IGNORECASE),
            "en": re.compile(r"\b(not|no|little|yet)\b", re.IGNORECASE)}
EVERYTHING = {"nl": re.compile(r"alle onderdelen|op alles", re.IGNORECASE),
              "en": re.compile(r"every (part|area)|on everything", re.IGNORECASE)}
KNELPUNT = {"nl": re.compile(r"knelpunt", re.IGNORECASE),
            "en": re.compile(r"bottleneck", re.IGNORECASE)}
REGIONAL = {"nl": re.compile(r"\b(in|uit|van) uw regio\b", re.IGNORECASE),
            "en": re.compile(r"\b(in|from|of) your region\b", re.IGNORECASE)}
TEAM = {"nl": re.compile(r"\b(team|medewerkers?|personeel|collega'?s)\b", re.IGNORECASE),
        "en": re.compile(r"\b(team|staff|employees|colleagues)\b", re.IGNORECASE)}
OTHER_MOTIVES = {"nl": re.compile(r"motieven zijn andere|andere motieven", re.IGNORECASE),
                 "en": re.compile(r"motives are different|other motives", re.IGNORECASE)}
ASSOCIATION = {"nl": re.compile(r"branchevereniging", re.IGNORECASE),
               "en": re.compile(r"trade association", re.IGNORECASE)}
NETWORK = {"nl": re.compile(r"netwerk", re.IGNORECASE), "en": re.compile(r"network",
                                                                          re.IGNORECASE)}
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
WORD = re.compile(r"[^\W\d_]+")
# Words that say nothing on their own, left out when two sentences are compared.
STOP = {"nl": {"de", "het", "een", "en", "of", "in", "op", "van", "met", "voor", "aan", "te",
               "om", "u", "uw", "dat", "die", "dit", "is", "zijn", "er", "wat", "wie", "als",
               "bij", "naar", "ook", "dan", "nog", "niet", "wel", "al"},
        "en": {"the", "a", "an", "and", "or", "in", "on", "of", "with", "for", "to", "your",
               "you", "that", "this", "is", "are", "be", "it", "what", "who", "as", "by", "at",
               "also", "than", "not", "yet"}}


def _reports(corpus_reports, lang):
    return corpus_reports[lang]


def own_texts(report, profile, lang) -> dict[str, list[str]]:
    """The texts of the profile as the report shows them: what this engineer's rules say."""
    level = report.level
    return {
        "level": ([level.meaning, *(c.reason for c in level.caps)] if level else [])
        + ([report.level_note] if report.level_note else [])
        + [n.text for n in report.notices],
        "advice": [a.text for a in report.advice],
        "steps": [a.step for a in report.actions],
        "actions": [f"{a.step} {a.why}" for a in report.actions],
        "mirror": [m.text for m in report.mirror],
    }


def _sentences(text: str) -> list[str]:
    """The sentences of a text, without the citations in brackets: "(Bron: F3, ...)"."""
    text = re.sub(r"\([^)]*\)", "", text)
    return [part.strip() for part in re.split(r"(?<=[.!?;])\s+", text) if part.strip()]


def _failures(corpus_reports, lang, check):
    found = []
    for case, profile, report, plain in _reports(corpus_reports, lang):
        problem = check(case, profile, report, plain)
        if problem:
            found.append((case.name, problem))
    return found[:5]


@pytest.mark.parametrize("lang", LANGS)
def test_no_praise_for_a_knelpunt(corpus_reports, lang):
    def check(case, profile, report, plain):
        knelpunten = [d.id for d in report.dimensions if d.band == "knelpunt"]
        if not knelpunten:
            return None
        if any(point.band == "knelpunt" for point in report.strongest):
            return "a knelpunt among the strongest points"
        texts = own_texts(report, profile, lang)
        for text in texts["level"] + texts["advice"] + texts["actions"]:
            for sentence in _sentences(text):
                if (not PRAISE[lang].search(sentence) or KNELPUNT[lang].search(sentence)
                        or NEGATION[lang].search(sentence)):
                    continue
                if EVERYTHING[lang].search(sentence):
                    return sentence
                lower = sentence.lower()
                if any(word in lower for d in knelpunten for word in TOPICS[lang][d]):
                    return sentence
        return None

    assert _failures(corpus_reports, lang, check) == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_knelpunt_talk_without_a_knelpunt(corpus_reports, lang):
    def check(case, profile, report, plain):
        if any(d.band == "knelpunt" for d in report.dimensions):
            return None
        texts = own_texts(report, profile, lang)
        said = [t for kind in ("level", "advice", "steps", "actions") for t in texts[kind]
                if KNELPUNT[lang].search(t)]
        return said or None

    assert _failures(corpus_reports, lang, check) == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_regional_steps_for_a_firm_that_does_not_want_them(corpus_reports, lang):
    def check(case, profile, report, plain):
        if case.answers.get("wants_regional") is not False:
            return None
        texts = own_texts(report, profile, lang)
        said = [t for t in texts["steps"] + [a.step[lang] for a in profile.actions]
                if REGIONAL[lang].search(t)]
        return said or None

    assert _failures(corpus_reports, lang, check) == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_team_advice_to_a_one_person_firm(corpus_reports, lang):
    def check(case, profile, report, plain):
        if case.answers.get("employees") != "solo":
            return None
        texts = own_texts(report, profile, lang)
        texts["organisations"] = [o.why for o in report.organisations]
        said = [t for ts in texts.values() for t in ts if TEAM[lang].search(t)]
        return said or None

    assert _failures(corpus_reports, lang, check) == []


@pytest.mark.parametrize("lang", LANGS)
def test_one_person_firms_are_shown_the_way_to_partners_and_networks(corpus_reports, lang):
    def check(case, profile, report, plain):
        if case.answers.get("employees") != "solo":
            return None
        if "solo_network" not in [a.id for a in profile.fired]:
            return "no advice for a one-person firm"
        texts = own_texts(report, profile, lang)
        return None if any(NETWORK[lang].search(t) for t in texts["actions"] + texts["advice"]
                           ) else "no network among the actions and advice"

    assert _failures(corpus_reports, lang, check) == []


@pytest.mark.parametrize("lang", LANGS)
def test_other_motives_only_when_other_motives_were_chosen(corpus_reports, lang):
    def check(case, profile, report, plain):
        motives = case.answers.get("motives")
        lines = [m.text for m in report.mirror if m.finding == "F5"]
        majority = {"market_position", "new_products", "quality"}
        says_other = any(OTHER_MOTIVES[lang].search(line) for line in lines)
        has_other = bool(motives) and not set(motives) & majority
        return lines if says_other != has_other else None

    assert _failures(corpus_reports, lang, check) == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_association_step_without_an_association(corpus_reports, lang):
    def check(case, profile, report, plain):
        if any(o.kind == "branch_association" for o in report.organisations):
            return None
        said = [a.step for a in report.actions if ASSOCIATION[lang].search(a.step)]
        said += [a.step[lang] for a in profile.actions if ASSOCIATION[lang].search(a.step[lang])]
        return said or None

    assert _failures(corpus_reports, lang, check) == []


def test_the_corpus_has_firms_with_and_without_an_association(corpus_reports):
    named = [any(o.kind == "branch_association" for o in report.organisations)
             for _, _, report, _ in corpus_reports["nl"]]
    assert any(named) and not all(named)
    with_step = [profile for (_, profile, report, _) in corpus_reports["nl"]
                 if "branch_association" in [a.id for a in profile.fired]]
    assert with_step  # the step is given where an association is named


@pytest.mark.parametrize("lang", LANGS)
def test_firms_of_250_or_more_are_told_they_are_outside_the_mkb(corpus_reports, lang):
    sized = 0
    for case, _, report, _ in corpus_reports[lang]:
        told = "outside_mkb" in [a.id for a in report.notices]
        assert "outside_mkb" not in [a.id for a in report.advice], case.name
        assert told is (case.answers.get("employees") == "250-plus"), case.name
        sized += told
    assert sized >= 10


@pytest.mark.parametrize("lang", LANGS)
def test_few_advice_and_three_to_five_distinct_actions(corpus_reports, lang):
    def check(case, profile, report, plain):
        if len(report.advice) > MAX_ADVICE:
            return f"{len(report.advice)} advice"
        if not MIN_ACTIONS <= len(profile.actions) <= MAX_ACTIONS:
            return f"{len(profile.actions)} actions"
        if [(a.step, a.why) for a in report.actions] != [(a.step[lang], a.why[lang])
                                                          for a in profile.actions]:
            return "the report's actions are not the profile's"
        if {a.advice for a in report.actions} & {a.id for a in report.advice}:
            return "advice shown again as an action"
        for action in profile.actions:
            if len(SENTENCE_END.findall(action.why[lang])) != 1 or not action.source:
                return f"why not one sentence, or no basis: {action.why[lang]}"
        steps = [a.step[lang] for a in profile.actions]
        for i, first in enumerate(steps):
            for second in steps[i + 1:]:
                if similarity(first, second, lang) >= 0.5:
                    return (first, second)
        return None

    assert _failures(corpus_reports, lang, check) == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_sentence_of_the_profile_is_said_twice(corpus_reports, lang):
    def check(case, profile, report, plain):
        texts = own_texts(report, profile, lang)
        sentences = [s for kind in ("level", "advice", "steps", "mirror") for t in texts[kind]
                     for s in _sentences(t) if len(WORD.findall(s)) >= 6]
        for i, first in enumerate(sentences):
            for second in sentences[i + 1:]:
                if similarity(first, second, lang) >= 0.6:
                    return (first, second)
        return None

    assert _failures(corpus_reports, lang, check) == []


def similarity(first: str, second: str, lang: str) -> float:
    """Share of content words two sentences have in common (Jaccard)."""
    a = {w.lower() for w in WORD.findall(first)} - STOP[lang]
    b = {w.lower() for w in WORD.findall(second)} - STOP[lang]
    return len(a & b) / len(a | b) if a | b else 1.0


def test_the_checks_catch_what_they_are_for():
    """The patterns find the contradictions the issue saw (so the tests above can fail)."""
    assert PRAISE["nl"].search("Uw bedrijf werkt goed digitaal en met kennis.")
    assert PRAISE["en"].search("Your firm is strong on what makes cooperation work.")
    assert KNELPUNT["nl"].search("Werk eerst aan de knelpunten.")
    assert REGIONAL["nl"].search("Nodig twee of drie bedrijven uit uw regio uit.")
    assert TEAM["nl"].search("Bespreek dit profiel met uw team of een adviseur.")
    assert OTHER_MOTIVES["nl"].search("U noemt geen van deze drie; uw motieven zijn andere.")
    assert ASSOCIATION["en"].search("Ask your trade association which partnerships there are.")
    assert similarity("Vraag de KVK of uw branchevereniging welke bedrijven er zijn.",
                      "Vraag de KVK of uw branchevereniging om bedrijven voor te stellen.",
                      "nl") >= 0.5
