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
def catalogue(lang: str) -> dict[str, str]:
    messages: dict[str, str] = {}
    for path in sorted((_LOCALES / lang).glob("*.json")):
        domain = path.stem
        with path.open(encoding="utf-8") as handle:
            for key, text in json.load(handle).items():
                messages[f"{domain}.{key}"] = text
    return messages


def t(key: str, lang: str, /, **params: Any) -> str:
    """The message `key` in `lang`, with `{placeholders}` filled from params.

    A missing key is a bug, not a user error; we still show the key rather than crash, and the
    catalogue test keeps it from reaching a release.
    """
    text = catalogue(lang).get(key)
    if text is None:
        text = catalogue(DEFAULT_LANGUAGE).get(key, key)
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
