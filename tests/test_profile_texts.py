"""Every text that can reach a report: faithful to the study, plain, honest about its basis.

Scanned: the shipped question set (questions, help, options, parts) and its rules (levels, caps,
advice, steps); the catalogues the report, profile, advisor and routing use (report.json,
profile.json, advisor.json, routing.json); and the texts of questions/organisations.yaml (the
reasons, what each organisation is, its caveats; names are names and left alone).

Faithful (study-findings.md, "Reading the findings faithfully"; issue 13, point 2): none of
the known distortions (DISTORTIONS), the study cited with its authors, every text that quotes
what entrepreneurs said or a figure carries the year, and in the rules a sentence cites a
finding only where it says what the study found, while the tool's own advice (every step, every
cap) has the basis `design`.

Plain (issue 13, point 6): none of the sentences the advisors found unclear (UNCLEAR), no term
an entrepreneur cannot know (JARGON) unless the same text explains it in a few words, and in
the texts of this tool's profile no sentence longer than MAX_WORDS words (B1).

The routing's texts (organisations.yaml, routing.json) are held to the same plain language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from clustercli.i18n import LANGUAGES, catalogue, t
from clustercli.paths import shipped_set
from clustercli.questionset.loader import load
from clustercli.routing.data import shipped as shipped_routing

MAX_WORDS = 25


@dataclass(frozen=True)
class Text:
    where: str  # file and key: "rules advice[kvk].text"
    lang: str
    text: str
    owner: str  # "profile" (this tool's questions, rules and catalogues) or "routing"
    source: tuple[str, ...] | None = None  # the basis, for the rules' items


def _set_texts() -> Iterator[Text]:
    qset = load(shipped_set())
    for lang in qset.languages:
        for field in ("title", "description"):
            yield Text(f"set {field}", lang, getattr(qset, field)[lang], "profile")
        for d in qset.dimensions:
            yield Text(f"dimension {d.id}", lang, d.title[lang], "profile", tuple(d.source))
            if d.description:
                yield Text(f"dimension {d.id} description", lang, d.description[lang],
                           "profile", tuple(d.source))
        for q in qset.questions:
            yield Text(f"question {q.id}", lang, q.text[lang], "profile", tuple(q.source))
            if q.help:
                yield Text(f"question {q.id} help", lang, q.help[lang], "profile")
            for o in q.options or ():
                yield Text(f"question {q.id} option {o.key}", lang, o.label[lang], "profile")
        rules = qset.rules
        for level in rules.levels:
            yield Text(f"rules level[{level.id}]", lang, level.meaning[lang], "profile",
                       tuple(level.source))
        for cap in rules.caps:
            yield Text(f"rules cap[{cap.id}]", lang, cap.reason[lang], "profile",
                       tuple(cap.source))
        for advice in rules.advice:
            yield Text(f"rules advice[{advice.id}].text", lang, advice.text[lang], "profile",
                       tuple(advice.source))
            if advice.step:
                yield Text(f"rules advice[{advice.id}].step", lang, advice.step[lang],
                           "profile", tuple(advice.source))


CATALOGUES = ("report", "profile", "advisor", "routing")


def _catalogue_texts() -> Iterator[Text]:
    for lang in LANGUAGES:
        for key, message in catalogue(lang).items():
            domain = key.split(".", 1)[0]
            if domain in CATALOGUES:  # each plural form is a text of its own
                for text in message if isinstance(message, list) else [message]:
                    yield Text(f"{domain}.json {key}", lang, text,
                               "routing" if domain == "routing" else "profile")


def _routing_texts() -> Iterator[Text]:
    data = shipped_routing()
    for lang in LANGUAGES:
        for key, reason in data.reasons.items():
            yield Text(f"organisations.yaml reasons.{key}", lang, reason[lang], "routing")
        for org in data.organisations:
            yield Text(f"organisations.yaml {org.id}.about", lang, org.about[lang], "routing")
            if org.caveat:
                yield Text(f"organisations.yaml {org.id}.caveat", lang, org.caveat[lang],
                           "routing")


def all_texts() -> list[Text]:
    return [*_set_texts(), *_catalogue_texts(), *_routing_texts()]


TEXTS = all_texts()


def sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?;])\s+", text) if part.strip()]


def test_the_scan_reads_every_kind_of_text():
    kinds = {text.where.split(" ", 1)[0] for text in TEXTS}
    assert {"set", "dimension", "question", "rules", "report.json", "profile.json",
            "advisor.json", "routing.json", "organisations.yaml"} <= kinds
    assert len(TEXTS) > 1000


# --- faithful --------------------------------------------------------------------------------

# (name, a sentence that matches `found`, and does not match `unless`, is a distortion)
DISTORTIONS = [
    # F3 counts cooperation in regional clusters, not any cooperation with firms nearby
    ("F3 outside clusters", re.compile(r"derde tot de helft|third to (a|one) half", re.I),
     re.compile(r"cluster", re.I)),
    ("F3 membership", re.compile(r"bij die groep|net als die groep|like that group|"
                                 r"belongs to that group", re.I), None),
    # F5: important motives, not the main ones
    ("F5 main motives", re.compile(r"belangrijkste motie|\b(main|most important|key) "
                                   r"(motive|reason)", re.I), None),
    # F6 is a trend in the economy, not a success factor of one firm
    ("F6 as success factor", re.compile(r"(\bICT\b|kenniseconomie|knowledge economy|\bIT\b)"
                                        r".*(succesfactor|success factor)", re.I),
     re.compile(r"geen succesfactor|not a success factor", re.I)),
    # F7, F8: success factors; the release gives no mechanism
    ("F7/F8 mechanism", re.compile(r"geen stand|does not last|lukt alleen als|only works "
                                   r"(when|if)|vertrouwen groeit|trust grows|wie alleen haalt|"
                                   r"only takes", re.I), None),
    # F1: access through cooperation in regional clusters, not through any cooperation
    ("F1 beyond clusters", re.compile(r"(studie|study).*(toegang|access)|"
                                      r"(toegang|access).*(studie|study)", re.I),
     re.compile(r"cluster", re.I)),
    # F9: stimulating regional clusters
    ("F9 beyond clusters", re.compile(r"driekwart|three quarters", re.I),
     re.compile(r"cluster", re.I)),
    # F4: almost a third of the firms that did not cooperate regionally
    ("F4 population", re.compile(r"bijna een derde|almost (one )?a? ?third", re.I),
     re.compile(r"niet regionaal|niet in de regio|not cooperate regionally|"
                r"did not cooperate regionally|not cooperate in (their|the) region", re.I)),
]


def distortions(texts: list[Text]) -> list[tuple[str, str, str]]:
    found = []
    for item in texts:
        for sentence in sentences(item.text):
            for name, pattern, unless in DISTORTIONS:
                if pattern.search(sentence) and not (unless and unless.search(sentence)):
                    found.append((item.where, name, sentence))
    return found


def test_no_text_says_more_than_the_study():
    assert distortions(TEXTS) == []


@pytest.mark.parametrize(("sentence", "name"), [
    ("In de EIM-studie uit 2001 werkte zeker een derde tot de helft van de samenwerkende "
     "mkb-bedrijven samen met bedrijven in de eigen regio.", "F3 outside clusters"),
    ("Uw bedrijf werkt deels regionaal samen en hoort met een deel van zijn samenwerking bij "
     "die groep.", "F3 membership"),
    ("Voor een meerderheid waren de belangrijkste motieven: een betere marktpositie.",
     "F5 main motives"),
    ("ICT is een succesfactor voor uw samenwerking.", "F6 as success factor"),
    ("Zonder winst voor elke partner houdt samenwerking geen stand.", "F7/F8 mechanism"),
    ("Vertrouwen groeit door klein te beginnen en afspraken na te komen.", "F7/F8 mechanism"),
    ("Wie alleen haalt en niets deelt, vindt moeilijk partners.", "F7/F8 mechanism"),
    ("Cooperation only works when every partner gains from it.", "F7/F8 mechanism"),
    ("Volgens de studie krijgt u door samen te werken toegang tot kennis.",
     "F1 beyond clusters"),
    ("Studie: bijna driekwart (net onder 75%).", "F9 beyond clusters"),
])
def test_the_scan_finds_the_distortions_the_issue_names(sentence, name):
    found = distortions([Text("planted", "nl", sentence, "profile")])
    assert name in [n for _, n, _ in found]


def test_the_study_is_cited_with_its_authors():
    for lang in LANGUAGES:
        study = t("report.study", lang)
        for part in ("R.A.J. Kerste", "A.P. Muizer", "Regionale clusters nader bekeken", "EIM",
                     "Panteia", "Zoetermeer", "2001"):
            assert part in study, (lang, part)


SAYS_WHAT_OWNERS_SAID = {
    "nl": re.compile(r"\bondernemers\b[^.]*\b(vonden|vond|zagen|zag|noemden|noemde|zeiden|zei)"
                     r"\b|\b(vonden|zagen|noemden|zeiden)\b[^.]*\bondernemers\b|\b(derde|"
                     r"driekwart|meerderheid)\b", re.I),
    "en": re.compile(r"\b(owners|entrepreneurs)\b[^.]*\b(saw|named|said|found|considered)\b|"
                     r"\b(third|three quarters|majority)\b", re.I),
}
# Shown with a line that gives the study and its year (the mirror's source tag, the list of
# sources, the source line of `stats`), so they need not say the year themselves.
WITH_A_SOURCE_LINE = ("profile.json profile.mirror.", "report.json report.source.",
                      "advisor.json advisor.stats.")


def test_what_entrepreneurs_said_is_always_the_study_s_with_its_year():
    quoting = [item for item in TEXTS
               if SAYS_WHAT_OWNERS_SAID[item.lang].search(item.text)
               and not item.where.startswith(WITH_A_SOURCE_LINE)
               and not item.where.startswith("question ")]
    assert len(quoting) >= 4  # the scan reads what it is meant to read
    assert [(i.where, i.lang) for i in quoting if "2001" not in i.text] == []


FINDING = re.compile(r"^F\d+$")
MENTIONS_STUDY = {"nl": re.compile(r"\bstudie\b", re.I), "en": re.compile(r"\bstudy\b", re.I)}


def test_rules_cite_a_finding_only_for_what_the_study_found_and_advice_is_design():
    problems = []
    for item in TEXTS:
        if not item.where.startswith("rules ") or item.source is None:
            continue
        cites = any(FINDING.match(s) for s in item.source)
        says_study = bool(MENTIONS_STUDY[item.lang].search(item.text))
        statement = item.where.endswith(".text") or item.where.startswith("rules cap")
        if statement and cites != says_study:
            problems.append((item.where, item.lang, "finding cited" if cites
                             else "study named without its finding"))
        if (item.where.endswith(".step") or item.where.startswith(("rules cap",
                                                                      "rules level"))) \
                and "design" not in item.source:
            problems.append((item.where, item.lang, "the tool's advice without basis design"))
    assert problems == []


# --- plain -----------------------------------------------------------------------------------

UNCLEAR = ("Daarin stond u niet alleen", "You would not have been alone",
           "U zou geholpen zijn", "hoort met een deel van zijn samenwerking",
           "belongs to that group for part", "Uw bedrijf is sterk op wat samenwerking laat slagen",
           "strong on what makes cooperation work", "wat u van hem wilt", "loonheffing op loon",
           "collega-bedrijf", "Onze bronnen bevestigen deze campus")
# Terms an entrepreneur cannot be expected to know (the issue's list and the usual suspects).
JARGON = {
    "nl": ("triple helix", "triple-helix", "quadruple helix", "quadruple-helix", "partnering",
           "TKI", "PIB", "RAAK", "Centres of Expertise", "Centre of Expertise",
           "economic board", "kerncompetentie", "complementair", "synergie", "stakeholder",
           "hulpbron", "concurrentievermogen", "ecosysteem", "kenniseconomie", "valorisatie"),
    "en": ("triple helix", "triple-helix", "quadruple helix", "quadruple-helix", "partnering",
           "TKI", "PIB", "RAAK", "Centres of Expertise", "Centre of Expertise",
           "economic board", "core competenc", "complementary", "synerg", "stakeholder",
           "ecosystem", "knowledge economy", "valorisation"),
}
ACRONYMS = {"TKI", "PIB", "RAAK"}  # matched as written, whole words
# After the term (and a suffix such as "-mkb" or "-cluster"): an explanation in a few words.
EXPLAINED = re.compile(r"^[\w-]*(\s+[\w-]+)?(\s*\(|\s*:|\s+(is|zijn|betekent|means|are)\b|"
                       r",\s+(een|a|an)\b)", re.I)


def _term(word: str) -> re.Pattern[str]:
    if word in ACRONYMS:
        return re.compile(rf"\b{re.escape(word)}\b")
    return re.compile(rf"\b{re.escape(word)}", re.I)


def jargon(text: str, lang: str) -> list[str]:
    """The terms in `text` that it does not explain (in brackets, after a colon, "X is ...",
    or "(X)" after the explanation)."""
    unexplained = []
    for word in JARGON[lang]:
        for match in _term(word).finditer(text):
            before = text[:match.start()].rstrip()
            if EXPLAINED.match(text[match.end():]) or before.endswith("("):
                continue
            unexplained.append(word)
            break
    return unexplained


def plain_problems(texts: list[Text]) -> list[tuple[str, str, str]]:
    problems = []
    for item in texts:
        problems += [(item.where, item.lang, f"unclear: {s}") for s in UNCLEAR
                     if s.lower() in item.text.lower()]
        problems += [(item.where, item.lang, f"jargon: {w}") for w in jargon(item.text,
                                                                             item.lang)]
    return problems


def _owned(owner: str) -> list[Text]:
    return [item for item in TEXTS if item.owner == owner]


def test_the_profile_s_texts_are_plain():
    assert plain_problems(_owned("profile")) == []


def test_the_routing_s_texts_are_plain():
    assert plain_problems(_owned("routing")) == []


PROFILE_TEXTS = ("rules ", "profile.json profile.mirror.", "profile.json profile.level.",
                 "report.json report.study", "report.json report.source.",
                 "advisor.json advisor.stats.")


def test_the_profile_s_sentences_are_short():
    long = [(item.where, item.lang, sentence) for item in _owned("profile")
            if item.where.startswith(PROFILE_TEXTS)
            for sentence in sentences(item.text)
            if len(re.findall(r"[^\W_]+", sentence)) > MAX_WORDS]
    assert long == []


@pytest.mark.parametrize(("text", "words"), [
    ("Een regionale economic board helpt bedrijven het regionale cluster te vinden.",
     ["economic board"]),
    ("Triple-helixnetwerk voor de tuinbouw in het Westland.", ["triple-helix"]),
    ("mkb-bedrijven doen mee via programma's en partnering.", ["partnering"]),
    ("Een PIB-cluster is voor een groep bedrijven die samen buitenlandse markten bewerkt.", []),
    ("A PIB cluster is for a group of firms working foreign markets together.", []),
    ("RAAK-mkb (een regeling voor onderzoek van hogescholen met mkb-bedrijven).", []),
    ("Een regeling voor onderzoek van hogescholen samen met bedrijven (RAAK).", []),
    ("Wij raken de kern.", []),
])
def test_the_jargon_check_finds_a_term_unless_it_is_explained(text, words):
    assert jargon(text, "nl") == words


def test_the_unclear_sentences_are_found():
    planted = [Text("planted", "nl", "Daarin stond u niet alleen: bijna driekwart vond dat.",
                    "profile"),
               Text("planted", "nl", "Schrijf op wat u van hem wilt.", "profile")]
    assert len(plain_problems(planted)) == 2
