"""The short report and the report with details, as rendered, over the whole corpus.

New ways for the reshaped report to contradict itself, checked on the plain text that
`show --plain` and `show --plain --details` give for every self-check of the corpus
(tests/corpus.py), in Dutch and English:
- each study statement appears once: no finding's statement is said by two sentences (one in
  an action and again in a reason to approach an organisation, or again in the sources);
- the sources list a finding only when the report cites it and no sentence above says it, and
  every finding the report cites is either said above or listed there;
- no sentence of the report is said twice, and no two actions say the same;
- the short report has the sections of issue 13 in its order and nothing of the details;
- English output says "self-check" and "area", has no Dutch words outside names, and no
  question texts joined with ".,".
"""

from __future__ import annotations

import re

import pytest

from clustercli.render.plain import render_plain
from clustercli.report.sections import SECTIONS, SHORT
from clustercli.report.text import heading, point_line
from tests.corpus import WIDTH

LANGS = ("nl", "en")
# What a sentence says when it states a finding (the signatures of the study's statements).
STATEMENTS = {
    "nl": {"F1": r"beter toegang", "F2": r"beter (te )?concurreren", "F3": r"derde tot de helft",
           "F4": r"bijna een derde", "F5": r"belangrijke motieven", "F7": r"cruciaal",
           "F9": r"driekwart", "F10": r"belangrijkste (vormen van )?steun",
           "F11": r"meest geschikt|meest aangewezen"},
    "en": {"F1": r"better access", "F2": r"compete better", "F3": r"third to (a|one) half",
           "F4": r"almost one third", "F5": r"important motives", "F7": r"crucial",
           "F9": r"three quarters", "F10": r"most important (kinds of )?support",
           "F11": r"best suited|most suitable"},
}
CITATION = re.compile(r"\((Bron|Source): ([^)]*)\)")
STUDY = {"nl": re.compile(r"\b(studie|EIM)\b", re.IGNORECASE),
         "en": re.compile(r"\b(study|EIM)\b", re.IGNORECASE)}
SENTENCE = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[^\W\d_]+")
DUTCH = re.compile(r"\b(de|het|een|van|voor|niet|wij|uw|bedrijf|bedrijven|knelpunt|"
                   r"aandachtspunt|sterk|onvoldoende|weet|zelftest|studie|en|met|naar|ook|"
                   r"samenwerken|regio|gegevens|Bron|Waarom)\b")
# What English says to users instead of "self-check" and "area".
OTHER_WORDS = re.compile(
    r"\b(?:assessments?|dimensions?|(?:every|each|two|three|the \d+) parts?)\b", re.IGNORECASE)
# Dutch names an English report names as they are (with their meaning beside them).
NAMES = ("Topsector High Tech Systemen en Materialen", "Regio Foodvalley")


def _renderings(corpus_reports, lang: str) -> list[tuple[object, object, str, str]]:
    """(case, report, the short plain report, the plain report with details), one line per
    paragraph (the wrapping is the width tests' business)."""
    rows = []
    for case, _, report, _ in corpus_reports[lang]:
        rows.append((case, report, render_plain(report, SHORT, 10_000),
                     render_plain(report, SECTIONS, 10_000)))
    return rows


@pytest.fixture(scope="module")
def rendered(corpus_reports):
    return {lang: _renderings(corpus_reports, lang) for lang in LANGS}


def _sentences(text: str) -> list[str]:
    return [s.strip() for line in text.splitlines() for s in SENTENCE.split(line) if s.strip()]


def _first_failures(rows, check) -> list:
    found = []
    for case, report, short, details in rows:
        for name, text in (("short", short), ("details", details)):
            problem = check(report, text)
            if problem:
                found.append((case.name, name, problem))
    return found[:5]


def _section(report, text: str, name: str) -> str:
    """The lines of one section of a plain rendering (up to the next heading)."""
    lines = text.splitlines()
    headings = {heading(report, n) for n in SECTIONS}
    start = lines.index(heading(report, name))
    end = next((i for i in range(start + 1, len(lines)) if lines[i] in headings), len(lines))
    return "\n".join(lines[start + 1:end])


@pytest.mark.parametrize("lang", LANGS)
def test_each_study_statement_appears_once(rendered, lang):
    def check(report, text):
        sentences = _sentences(text)
        for finding, pattern in STATEMENTS[lang].items():
            saying = [s for s in sentences if re.search(pattern, s, re.IGNORECASE)]
            if len(saying) > 1:
                return finding, saying
        return None

    assert _first_failures(rendered[lang], check) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_sources_say_what_no_sentence_above_says_and_nothing_is_left_unexplained(
        rendered, lang):
    def check(report, text):
        sources = _section(report, text, "sources")
        body = text[:text.index(heading(report, "sources"))]
        listed = set(re.findall(r"^- (F\d+):", sources, re.MULTILINE))
        cited: set[str] = set()
        said: set[str] = set()  # by a paragraph that names the study and cites the finding
        mirror = _section(report, text, "mirror") if report.mirror else ""
        for paragraph in body.splitlines():
            found = {f for match in CITATION.finditer(paragraph)
                     for f in re.findall(r"F\d+", match[2])}
            cited |= found
            if STUDY[lang].search(CITATION.sub("", paragraph)) or paragraph in mirror:
                said |= found
        if listed - cited:
            return "listed but not cited", listed - cited
        if listed & said:
            return "said above and again in the sources", listed & said
        if cited - said - listed:
            return "cited, but said nowhere", cited - said - listed
        return None

    assert _first_failures(rendered[lang], check) == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_sentence_of_the_report_is_said_twice(rendered, lang):
    def check(report, text):
        seen: dict[tuple[str, ...], str] = {}
        # an area's score line heads its explanation in the details: that is no repetition
        headers = {f"- {line}" for line in (point_line(report, p) for p in
                                            (*report.strongest, *report.weakest))}
        for sentence in _sentences(CITATION.sub("", text)):
            if sentence in headers or sentence.endswith(":"):  # a lead-in to a list
                continue
            words = tuple(w.lower() for w in WORD.findall(sentence))
            if len(words) < 6:
                continue
            if words in seen:
                return sentence
            seen[words] = sentence
        return None

    assert _first_failures(rendered[lang], check) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_short_report_is_issue_13_s_order_and_no_more(rendered, lang):
    for case, report, short, details in rendered[lang]:
        lines = short.splitlines()
        shown = [name for name in SECTIONS if heading(report, name) in lines]
        order = [name for name in ("level", "scores", "actions", "organisations", "mirror",
                                   "sources") if report.mirror or name != "mirror"]
        assert shown == order, case.name
        for name in ("strongest", "weakest", "unscored", "advice"):
            assert heading(report, name) not in lines, (case.name, name)
        assert all(a.text not in short for a in report.advice), case.name
        assert all(a.text in details for a in report.advice), case.name
        numbered = re.findall(r"^(\d+)\. ", _section(report, short, "actions"), re.MULTILINE)
        assert numbered == [str(n) for n in range(1, len(report.actions) + 1)], case.name


def test_english_says_self_check_and_area_and_no_dutch(rendered):
    def check(report, text):
        for name in (*NAMES, report.study, *(n for o in report.organisations
                                             for n in (o.name, *o.aka))):
            text = text.replace(name, "")
        wrong = OTHER_WORDS.findall(text)
        if wrong:
            return "not the words for users", wrong
        dutch = DUTCH.findall(text)
        return ("Dutch", dutch) if dutch else None

    assert _first_failures(rendered["en"], check) == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_texts_are_joined_with_a_stop_and_a_comma(rendered, lang):
    def check(report, text):
        joined = re.findall(r"\S*[.?!],\s\S*", text)
        return joined or None

    assert _first_failures(rendered[lang], check) == []


def test_the_checks_find_what_they_are_for():
    assert re.search(STATEMENTS["nl"]["F11"], "KVK en brancheverenigingen: meest geschikt.")
    assert DUTCH.search("Your firm is a knelpunt") and not DUTCH.search("Your firm is strong.")
    assert OTHER_WORDS.search("No level: 5 of the 7 parts have too few answers")
    assert not OTHER_WORDS.search("Part of the basis is in place; ready to take part.")
    assert CITATION.findall("Waarom: X. (Bron: F7, F8)") == [("Bron", "F7, F8")]
    assert WIDTH == 80
