"""Plain language in what routing says to the entrepreneur: the organisations' descriptions and
caveats, the reasons, and the routing labels. Jargon the entrepreneur cannot know (issue 13) is
replaced, or explained in a few words wherever it is used; the worst sentences seen are gone;
sentences stay short (B1).

The advice engineer's wider scan covers every text that can reach a report; this one covers the
routing texts, including the reason shown beside an organisation whose own name is jargon."""

from __future__ import annotations

import re

import pytest

from clustercli.i18n import catalogue
from clustercli.routing.data import shipped

DATA = shipped()

# Never in a text the entrepreneur reads (a name of an organisation is not a text here).
BANNED = ("triple helix", "triple-helix", "quadruple", "partnering", "tki", "economic board",
          "loonheffing op loon", "voorbehoud over naam of status", "reservation about its name",
          "collega-bedrijf", "speur- en ontwikkelingswerk", "industrieel onderzoek")
# Organisations whose own name is jargon: wherever the name stands, the words beside it (its
# reasons, which the report prints under it, and its description) say what it is.
EXPLAINED = {
    "pib": {"nl": "minstens vijf bedrijven", "en": "at least five firms"},
    "raak-mkb": {"nl": "hogeschool (hbo)", "en": "university of applied sciences"},
    "centres-of-expertise": {"nl": "hogescholen (hbo)", "en": "universities of applied sciences"},
    "wbso": {"nl": "loonheffing (belasting op loon)", "en": "payroll tax"},
}
# Jargon that may appear only in the entry that explains it (above).
ONLY_WHERE_EXPLAINED = {"pib": r"\bPIB\b", "raak-mkb": r"\bRAAK\b",
                        "centres-of-expertise": r"Centres? of Expertise"}
MAX_WORDS = 25  # per sentence, Dutch and English


def proper_names() -> list[str]:
    """Every name the facts confirm, longest first (removed before a text is scanned)."""
    return sorted({n for f in DATA.facts.values() for n in f.names}, key=len, reverse=True)


def without_names(text: str) -> str:
    for name in proper_names():
        text = text.replace(name, "<name>")
    return text


def routing_texts(lang: str) -> list[tuple[str, str]]:
    """(where, text) for every routing text an entrepreneur can read in `lang`."""
    found = [(f"reasons[{key}]", texts[lang]) for key, texts in DATA.reasons.items()]
    for org in DATA.organisations:
        found.append((f"{org.id}.about", org.about[lang]))
        if org.caveat:
            found.append((f"{org.id}.caveat", org.caveat[lang]))
    found += [(key, text) for key, message in catalogue(lang).items()
              if key.startswith("routing.") and not key.startswith("routing.load.")
              for text in (message if isinstance(message, list) else [message])]
    return found


def test_the_scan_reads_the_texts_it_is_meant_to_read():
    texts = routing_texts("nl")
    assert len(texts) > len(DATA.reasons) + len(DATA.organisations)
    assert any("Centre of Expertise" in text for _, text in texts)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_unexplained_jargon(lang):
    found = []
    for where, text in routing_texts(lang):
        plain = without_names(text).lower()
        found += [(where, word) for word in BANNED if re.search(rf"\b{re.escape(word)}", plain)]
        if lang == "en" and "hogeschol" in plain:
            found.append((where, "hogescholen"))
        for org_id, pattern in ONLY_WHERE_EXPLAINED.items():
            explained_here = where.startswith(org_id + ".") or where in {
                f"reasons[{route.why}]" for route in DATA.organisation(org_id).routes}
            if re.search(pattern, text) and not explained_here:
                found.append((where, pattern))
    assert found == []


@pytest.mark.parametrize("org_id", sorted(EXPLAINED))
def test_a_jargon_name_is_explained_beside_it(org_id):
    org = DATA.organisation(org_id)
    for lang, words in EXPLAINED[org_id].items():
        assert words in org.about[lang], (org_id, lang)
        for route in org.routes:
            assert words in DATA.reasons[route.why][lang], (route.id, lang)


def test_the_words_for_an_economic_board_are_plain():
    for lang in ("nl", "en"):
        label = catalogue(lang)["routing.kind.regional_board"]
        assert "board" not in label.lower()
        for org in DATA.organisations:
            if org.kind == "regional_board":
                assert "cluster" in org.about[lang]  # what it does, in its own words


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sentences_are_short(lang):
    long = []
    for where, text in routing_texts(lang):
        for sentence in re.split(r"(?<=[.!?;:])\s+", text):
            if len(sentence.split()) > MAX_WORDS:
                long.append((where, sentence))
    assert long == []
