"""Every user-facing string in Dutch and English, with the same placeholders."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

from clustercli.i18n import LANGUAGES, catalogue, resolve_language, t

PACKAGE = Path(__file__).resolve().parent.parent / "clustercli"
LOCALES = PACKAGE / "locales"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_same_files_in_every_language():
    files = {lang: sorted(p.name for p in (LOCALES / lang).glob("*.json")) for lang in LANGUAGES}
    assert files["nl"] == files["en"]


def test_same_keys_and_placeholders():
    nl, en = catalogue("nl"), catalogue("en")
    assert sorted(set(nl) ^ set(en)) == []
    mismatched = [key for key in nl if _fields(nl[key]) != _fields(en[key])]
    assert mismatched == []
    assert all(text.strip() for text in [*nl.values(), *en.values()])


def test_catalogue_files_are_valid_json_objects_of_strings():
    for path in LOCALES.rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(data, dict) and all(isinstance(v, str) for v in data.values()), path


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
