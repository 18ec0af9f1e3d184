"""A TinyDB storage for one small JSON file, written atomically and read suspiciously.

TinyDB's own `JSONStorage` keeps a handle open and rewrites the file in place: a process killed
halfway leaves half a file. `AtomicJSONStorage` opens nothing between calls, writes through
`atomic.write_atomic`, and on reading tells exactly what is wrong with a file it cannot use
(`Damaged`, naming the file) instead of a bare JSON error. It never repairs or rewrites a file it
could not read: the caller decides, and for an assessment that means refusing.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb import Storage, TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.table import Table

from clustercli.records import Damaged
from clustercli.storage.atomic import write_atomic


def read_checked(path: Path | str) -> tuple[bytes, os.stat_result] | None:
    """The bytes of `path` and the status of the file they came from (one open file, so the two
    belong together); None if it does not exist; `Damaged` if we may not or cannot read it."""
    # O_NOFOLLOW: a symlink in the data folder is not ours; O_NONBLOCK: a FIFO must not hang us;
    # O_NOATIME: the file is about to be replaced, updating its access time is wasted journal.
    flags = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
             | getattr(os, "O_NOATIME", 0))
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except PermissionError:
        raise Damaged("store.damaged_permissions", file=str(path), mode=_mode_of(path)) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise Damaged("store.damaged_not_file", file=str(path)) from None
        raise Damaged("store.damaged_unreadable", file=str(path),
                      error=error.strerror or str(error)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Damaged("store.damaged_not_file", file=str(path))
        # Root can read anything, so "could we open it" is not enough: a file its owner may not
        # read, or one that belongs to someone else, was not left so by us. Writing it back would
        # also silently change its owner.
        if info.st_uid != os.geteuid() or not info.st_mode & stat.S_IRUSR:
            raise Damaged("store.damaged_permissions", file=str(path),
                          mode=f"{stat.S_IMODE(info.st_mode):04o}")
        # os.read rather than a file object: no buffering layer to set up per save
        chunks = []
        while chunk := os.read(fd, max(info.st_size + 1, 4096)):
            chunks.append(chunk)
        return b"".join(chunks), info
    except OSError as error:
        raise Damaged("store.damaged_unreadable", file=str(path),
                      error=error.strerror or str(error)) from None
    finally:
        os.close(fd)


def _mode_of(path: Path | str) -> str:
    try:
        return f"{stat.S_IMODE(os.lstat(path).st_mode):04o}"
    except OSError:
        return "?"


def decode(raw: bytes, path: Path | str) -> Any:
    """Parse JSON bytes, classifying the failure: empty, cut off, or simply not JSON."""
    if not raw.strip():
        raise Damaged("store.damaged_empty", file=str(path))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise Damaged("store.damaged_not_json", file=str(path), line=line,
                      column=column) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        body = text.strip()
        # Everything we write is one JSON object; one that opens and never closes was cut off
        # (a crash of some other writer, a full disk, a copy that stopped).
        if body.startswith("{") and not body.endswith("}"):
            raise Damaged("store.damaged_truncated", file=str(path)) from None
        raise Damaged("store.damaged_not_json", file=str(path), line=error.lineno,
                      column=error.colno) from None


def tables(raw: bytes, path: Path) -> dict[str, dict[str, Any]]:
    """The tables in a file's bytes; `Damaged` if it is not JSON in TinyDB's layout."""
    data = decode(raw, path)
    # TinyDB's layout: {table: {document id: document}}. Anything else would make TinyDB
    # fail later with a TypeError that names nothing.
    if not isinstance(data, dict) or not all(
            isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
            for table in data.values()):
        raise Damaged("store.damaged_shape", file=str(path), detail="tables")
    return data


def encode(data: Any) -> bytes:
    # Not ASCII-escaped: a search of the data folder for "Zoë" must find every copy of it (the
    # erasure checks do exactly that). Compact: these files are read far more often than by eye.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# A storage class made with a file's path: ours, or in the tests TinyDB's own JSONStorage
# (tinydb's base class takes no path, so its type does not say this).
StorageKind = Callable[[str], Storage]


class AtomicJSONStorage(Storage):
    """TinyDB storage: tables as one JSON object, read whole, replaced whole and durably."""

    def __init__(self, path: str, **_: Any) -> None:
        self.path = Path(path)
        # The status of the file last read, for the index's stamp of it (see index.py).
        self.last_stat: os.stat_result | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        found = read_checked(self.path)
        if found is None:
            return None  # TinyDB's "empty database": the file is written on first change
        raw, self.last_stat = found
        return tables(raw, self.path)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        write_atomic(self.path, encode(data))


class KeyedTable(Table):
    """Documents keyed by the assessment id itself rather than by TinyDB's counter, so that a
    record file names its assessment and an index row is found without a scan."""

    document_id_class = str  # type: ignore[assignment]


class _TinyDB(TinyDB):
    table_class = KeyedTable


@contextmanager
def database(path: Path, storage: StorageKind) -> Iterator[TinyDB]:
    """One TinyDB session on `path`: read at most once, written at most once, at the end.

    The caching middleware turns TinyDB's read-before-every-write into one read, and its
    writes into one `write` at close. On an error we do not close, so nothing half-done is
    written: the file keeps its last good content.
    """
    db = _TinyDB(str(path), storage=CachingMiddleware(storage))  # type: ignore[no-untyped-call]
    yield db
    db.close()
