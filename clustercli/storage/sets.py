"""Copies of the question sets assessments were started with, one file per content hash.

An assessment names its set by hash, so it can still be shown, resumed and scored after the
shipped set changes. The copy is the set's canonical JSON exactly as the caller gave it; the
hash is the caller's (the question-set loader's), and only has to be a safe file name here.
Callers hold the `sets` lock around `ensure` and `remove`, so a copy is never removed between
a new assessment's check for it and the assessment's own file being written.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from clustercli.records import Damaged, NotFound
from clustercli.storage.atomic import move_aside, remove_durably, write_atomic
from clustercli.storage.jsonfile import read_checked

_HASH = re.compile(r"[A-Za-z0-9_-]{1,128}")


class SetCopies:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, set_hash: str) -> Path | None:
        """Where the copy lives; None for a hash that could not be one of ours."""
        return self.folder / f"{set_hash}.json" if _HASH.fullmatch(set_hash) else None

    def ensure(self, set_hash: str, data: str) -> None:
        path = self.path(set_hash)
        if path is None:
            raise ValueError(f"not a usable question-set hash: {set_hash!r}")
        wanted = data.encode("utf-8")
        try:
            found = read_checked(path)
            if found is not None and found[0] == wanted:
                return
            exists = path.exists()
        except Damaged:
            exists = True
        if exists:
            # Same hash, other bytes: the copy is damaged. Its right content is known exactly,
            # so we write it afresh; the damaged file is moved aside, not overwritten.
            move_aside(path, f"{set_hash}.damaged-", ".json")
        write_atomic(path, wanted)

    def read(self, set_hash: str) -> str:
        path = self.path(set_hash)
        found = None if path is None else read_checked(path)
        if path is None or found is None:
            raise NotFound("store.set_not_found", hash=set_hash)
        try:
            text = found[0].decode("utf-8")
            json.loads(text)
        except ValueError:  # UnicodeDecodeError and JSONDecodeError are both ValueErrors
            raise Damaged("store.damaged_set", file=str(path)) from None
        return text

    def remove(self, set_hash: str) -> None:
        """The copy, and the damaged copies of it that `ensure` moved aside: erasure promises
        that nothing the tool put aside outlives what it belonged to."""
        path = self.path(set_hash)
        if path is None:
            return
        remove_durably(path)
        with os.scandir(self.folder) as entries:
            aside = [entry.path for entry in entries
                     if entry.name.startswith(f"{set_hash}.damaged-")]
        for name in aside:
            remove_durably(Path(name))
