"""The organisation data's loader: file, line and entry named for every problem in broken data,
in Dutch and English, and a clear message for a file that is empty, not a mapping, not YAML or
missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clustercli.errors import InputProblems
from clustercli.messages import format_error
from clustercli.routing.data import default_path, load

DATA_TEXT = default_path().read_text(encoding="utf-8")


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
    ("impossible value in a route", _edit("when: {question: own_rnd, equals: true}",
                                          "when: {question: own_rnd, equals: maybe}"),
     "when: {question: own_rnd, equals: maybe}",
     ["routes[rom-nom-rnd].when", "'own_rnd' can never be maybe"],
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


