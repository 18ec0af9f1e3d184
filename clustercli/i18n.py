"""Message catalogues in Dutch and English.

Every user-facing string of the tool lives in `locales/<lang>/<domain>.json`; the key
`questions.check.ok` is `check.ok` in `questions.json`. One file per domain keeps the catalogues
small and lets each part of the tool own its strings. Loading is lazy and uses only `json`, so
that `--help` stays fast. A test checks that both languages hold the same keys and the same
placeholders.

Plural forms as gettext has them: a message that counts is a list of forms instead of one text,
in the order of its language's Plural-Forms expression (`PLURAL_FORMS`, evaluated by the
standard library's `gettext.c2py`), and `t` picks the form by the `count` parameter:

    "export.done": ["{count} zelftest geëxporteerd naar {file}.",
                    "{count} zelftests geëxporteerd naar {file}."]

So no message says "zelftest(s)"; a test checks that every list has as many forms as its
language has, each with the same placeholders.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
LANG_ENV = "CLUSTERCLI_LANG"

_LOCALES = Path(__file__).parent / "locales"

# gettext's Plural-Forms of each language: how many forms, and which one a count takes.
PLURAL_FORMS = {"nl": (2, "n != 1"), "en": (2, "n != 1")}

Message = str | list[str]  # one text, or its plural forms


def resolve_language(explicit: str | None = None) -> str:
    """`--lang`, else CLUSTERCLI_LANG, else Dutch. Unknown values fall back to Dutch."""
    for candidate in (explicit, os.environ.get(LANG_ENV)):
        if candidate and candidate.strip().lower() in LANGUAGES:
            return candidate.strip().lower()
    return DEFAULT_LANGUAGE


@cache
def plural_index(lang: str) -> Callable[[int], int]:
    """Which plural form a count takes in `lang` (gettext's Plural-Forms expression)."""
    import gettext

    return gettext.c2py(PLURAL_FORMS.get(lang, PLURAL_FORMS[DEFAULT_LANGUAGE])[1])


@cache
def _domain(lang: str, domain: str) -> dict[str, Message]:
    """One catalogue file: a message needs only its own domain's file, so `--help` does not
    read the report's or the routing's strings."""
    try:
        with (_LOCALES / lang / f"{domain}.json").open(encoding="utf-8") as handle:
            texts: dict[str, Message] = json.load(handle)
            return texts
    except FileNotFoundError:
        return {}


@cache
def catalogue(lang: str) -> dict[str, Message]:
    """Every message of `lang`, keyed `domain.key` (for the tests and the key checks)."""
    messages: dict[str, Message] = {}
    for path in sorted((_LOCALES / lang).glob("*.json")):
        for key, text in _domain(lang, path.stem).items():
            messages[f"{path.stem}.{key}"] = text
    return messages


def _lookup(key: str, lang: str) -> Message | None:
    domain, _, rest = key.partition(".")
    return _domain(lang, domain).get(rest)


def t(key: str, lang: str, /, **params: Any) -> str:
    """The message `key` in `lang`, with `{placeholders}` filled from params; for a message
    with plural forms, the form that `count` takes.

    A missing key is a bug, not a user error; we still show the key rather than crash, and the
    catalogue test keeps it from reaching a release.
    """
    message = _lookup(key, lang)
    if message is None:
        lang = DEFAULT_LANGUAGE
        message = _lookup(key, lang) or key
    if isinstance(message, list):
        index = plural_index(lang)(int(params.get("count", 0)))
        text = message[min(index, len(message) - 1)]
    else:
        text = message
    try:
        # Always formatted, so that a literal brace written {{ }} reads as one brace.
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


def template(key: str, lang: str) -> str:
    """The message `key` in `lang` as written, its placeholders left for the caller to fill
    (as a library fills what gettext gives it); of a message with plural forms, the first."""
    message = _lookup(key, lang) or _lookup(key, DEFAULT_LANGUAGE) or key
    return message[0] if isinstance(message, list) else message


def pick(texts: dict[str, str] | None, lang: str) -> str:
    """A text of a question set in `lang`, else in any language it has."""
    if not texts:
        return ""
    if lang in texts:
        return texts[lang]
    return next(iter(texts.values()))
