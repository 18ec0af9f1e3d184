"""Every user-facing string in Dutch and English, with the same placeholders."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

from clustercli.i18n import LANGUAGES, PLURAL_FORMS, catalogue, resolve_language, t

PACKAGE = Path(__file__).resolve().parent.parent / "clustercli"
LOCALES = PACKAGE / "locales"


def _fields(message: str | list[str]) -> set[str]:
    """The placeholders of a message; of every form of one with plural forms."""
    forms = message if isinstance(message, list) else [message]
    return {name for text in forms for _, name, _, _ in string.Formatter().parse(text) if name}


def _texts(message: str | list[str]) -> list[str]:
    return message if isinstance(message, list) else [message]


def test_same_files_in_every_language():
    files = {lang: sorted(p.name for p in (LOCALES / lang).glob("*.json")) for lang in LANGUAGES}
    assert files["nl"] == files["en"]


def test_same_keys_and_placeholders():
    nl, en = catalogue("nl"), catalogue("en")
    assert sorted(set(nl) ^ set(en)) == []
    mismatched = [key for key in nl if _fields(nl[key]) != _fields(en[key])]
    assert mismatched == []
    assert all(text.strip() for message in [*nl.values(), *en.values()]
               for text in _texts(message))


def test_catalogue_files_are_valid_json_objects_of_strings_or_plural_forms():
    for path in LOCALES.rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(data, dict), path
        for key, message in data.items():
            assert isinstance(message, str) or (
                isinstance(message, list) and all(isinstance(form, str) for form in message)
            ), (path, key)


def test_plural_forms_are_complete_and_alike():
    """A message that counts has exactly its language's number of forms (gettext's
    Plural-Forms), every form the same placeholders (the count itself may be left out of a
    form: "This self-check will be erased:"), and a message with plural forms in one language
    has them in the other too."""
    problems = []
    for lang in LANGUAGES:
        nplurals = PLURAL_FORMS[lang][0]
        other = catalogue("en" if lang == "nl" else "nl")
        for key, message in catalogue(lang).items():
            if not isinstance(message, list):
                continue
            fields = [_fields(form) - {"count"} for form in message]
            if len(message) != nplurals:
                problems.append(f"{lang} {key}: {len(message)} forms, not {nplurals}")
            if any(f != fields[0] for f in fields):
                problems.append(f"{lang} {key}: forms with other placeholders")
            if not isinstance(other.get(key), list):
                problems.append(f"{lang} {key}: plural forms in one language only")
    assert problems == []


def test_no_message_hedges_its_plural():
    """'zelftest(s)', 'answer(s)', 'antwoord(en)': a count gets its real form instead."""
    hedged = re.compile(r"\w\((s|en|e)\)(?!\w)")
    found = [f"{lang} {key}" for lang in LANGUAGES for key, message in catalogue(lang).items()
             for text in _texts(message) if hedged.search(text)]
    assert found == []


def test_the_count_picks_the_form():
    assert t("portability.export.done", "en", count=1, file="x") == "Exported 1 self-check to x."
    assert t("portability.export.done", "en", count=2, file="x") == "Exported 2 self-checks to x."
    assert t("portability.export.done", "nl", count=0, file="x") == \
        "0 zelftests geëxporteerd naar x."
    assert t("portability.export.done", "nl", count=1, file="x") == \
        "1 zelftest geëxporteerd naar x."


def test_every_key_the_code_names_exists():
    domains = sorted({p.stem for p in LOCALES.rglob("*.json")})
    pattern = re.compile(r"""["']((?:{})\.[a-z0-9_.]*[a-z0-9])["']""".format("|".join(domains)))
    known = set(catalogue("nl"))
    missing = []
    for path in PACKAGE.rglob("*.py"):
        for key in pattern.findall(path.read_text(encoding="utf-8")):
            if key not in known:
                missing.append(f"{path.name}: {key}")
    assert missing == []


def test_language_resolution(monkeypatch):
    monkeypatch.delenv("CLUSTERCLI_LANG", raising=False)
    assert resolve_language() == "nl"
    monkeypatch.setenv("CLUSTERCLI_LANG", "en")
    assert resolve_language() == "en" and resolve_language("nl") == "nl"
    monkeypatch.setenv("CLUSTERCLI_LANG", "fr")
    assert resolve_language() == "nl"


def test_placeholders_filled():
    assert t("input.too_big", "en", size=5, limit=3) == \
        "the file is too large (5 bytes; at most 3)"


def test_literal_braces_come_out_single():
    assert "{question: ID, equals: VALUE}" in t("cond.not_mapping", "en")
