"""Client names as advisors type them: "Bakkerij Zoë" and " bakkerij  zoe " are one client."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


# Cached: `clients` and `list --client` key 10,000 rows, and names repeat (a client per intake).
@lru_cache(maxsize=65536)
def client_key(name: str | None) -> str:
    """Case-, whitespace- and accent-insensitive key of a client name ("" for none)."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())
