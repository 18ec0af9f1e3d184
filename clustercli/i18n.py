"""Message catalogues in Dutch and English.

Every user-facing string of the tool lives in `locales/<lang>/<domain>.json`; the key
`questions.check.ok` is `check.ok` in `questions.json`. One file per domain keeps the catalogues
small and lets each part of the tool own its strings. Loading is lazy and uses only `json`, so
that `--help` stays fast. A test checks that both languages hold the same keys and the same
placeholders.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
LANG_ENV = "CLUSTERCLI_LANG"

_LOCALES = Path(__file__).parent / "locales"


def resolve_language(explicit: str | None = None) -> str:
    """`--lang`, else CLUSTERCLI_LANG, else Dutch. Unknown values fall back to Dutch."""
    for candidate in (explicit, os.environ.get(LANG_ENV)):
        if candidate and candidate.strip().lower() in LANGUAGES:
            return candidate.strip().lower()
    return DEFAULT_LANGUAGE


@cache
def _domain(lang: str, domain: str) -> dict[str, str]:
    """One catalogue file: a message needs only its own domain's file, so `--help` does not
    read the report's or the routing's strings."""
    try:
        with (_LOCALES / lang / f"{domain}.json").open(encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return {}


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Every message of `lang`, keyed `domain.key` (for the tests and the key checks)."""
    messages: dict[str, str] = {}
    for path in sorted((_LOCALES / lang).glob("*.json")):
        for key, text in _domain(lang, path.stem).items():
            messages[f"{path.stem}.{key}"] = text
    return messages


def _lookup(key: str, lang: str) -> str | None:
    domain, _, rest = key.partition(".")
    return _domain(lang, domain).get(rest)


def t(key: str, lang: str, /, **params: Any) -> str:
    """The message `key` in `lang`, with `{placeholders}` filled from params.

    A missing key is a bug, not a user error; we still show the key rather than crash, and the
    catalogue test keeps it from reaching a release.
    """
    text = _lookup(key, lang)
    if text is None:
        text = _lookup(key, DEFAULT_LANGUAGE) or key
    try:
        # Always formatted, so that a literal brace written {{ }} reads as one brace.
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


def pick(texts: dict[str, str] | None, lang: str) -> str:
    """A text of a question set in `lang`, else in any language it has."""
    if not texts:
        return ""
    if lang in texts:
        return texts[lang]
    return next(iter(texts.values()))
