"""Client and respondent names as advisors type them, and as a terminal shows them.

- Matching: "Bakkerij Zoë", " bakkerij  zoe " and "Bak\u200bkerij Zoë" (a zero-width space
  pasted in from a web page) are one client. `client_key` compares names after Unicode NFKC
  normalisation (full-width letters, ligatures, non-breaking spaces become the plain ones), with
  format and control characters (categories Cf, Cc) removed, and without case, accents or extra
  spaces. `similar` finds the names that are close but not the same, for `delete` to show.
- Control characters: a name is shown on terminals, in Markdown and HTML reports and in
  spreadsheets, where an escape sequence (ESC [2J clears the screen, ESC ] 0; sets the window
  title), a NUL or a right-to-left override would garble or fake what is shown. So they are
  refused where a name comes in (`control_characters`), and neutralised wherever one goes out
  (`visible`), for names stored before they were refused or edited into a file by hand.
"""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

# Besides C0/C1 controls (Cc): the line and paragraph separators, which break a line like a
# newline, and the bidirectional embeddings, overrides and isolates, which reorder what follows
# them on screen (the marks U+200E/U+200F only set a direction and are kept).
_UNSAFE_FORMAT = frozenset("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _unsafe(ch: str) -> bool:
    return ch in _UNSAFE_FORMAT or unicodedata.category(ch) == "Cc"


def control_characters(text: str) -> list[str]:
    """The characters of `text` that must not be in a name, each as `visible` writes it, once."""
    return list(dict.fromkeys(_escape(ch) for ch in text if _unsafe(ch)))


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@lru_cache(maxsize=4096)
def visible(text: str) -> str:
    """`text` with every control character written out (`\\x1b`, `\\u202e`), so that it
    reaches a terminal, a report or a spreadsheet as visible text, never as a command."""
    if text.isprintable():  # the usual case, answered in C
        return text
    return "".join(_escape(ch) if _unsafe(ch) else ch for ch in text)


# Cached: `clients` and `list --client` key 10,000 rows, and names repeat (a client per intake).
@lru_cache(maxsize=65536)
def client_key(name: str | None) -> str:
    """Case-, whitespace-, accent- and invisible-character-insensitive key of a name ("" for
    none)."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKC", name)
    # Invisible characters go; a control that is white space (a tab) still separates words.
    text = "".join(" " if ch.isspace() else ch for ch in text
                   if ch.isspace() or unicodedata.category(ch) not in ("Cf", "Cc"))
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def similar(key: str, other: str) -> bool:
    """Two different client keys that are probably meant as the same client, or easily taken
    for it: one's words all in the other ("bakkerij zoe" and "bakkerij zoe bv"), or nearly the
    same letters ("bakkerij zoe" and "bakery zoe")."""
    if not key or not other or key == other:
        return False
    words, others = set(key.split()), set(other.split())
    if words <= others or others <= words:
        return True
    return SequenceMatcher(None, key, other, autojunk=False).ratio() >= 0.8
