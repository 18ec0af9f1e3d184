"""Checked question sets, kept by content, so that a run of an unchanged set checks nothing.

Checking a set (`loader.py`) takes PyYAML and pydantic, which cost more time than everything
else before the first question. Once a set has passed, its canonical JSON is kept in the cache
folder (`paths.cache_dir()`: CLUSTERCLI_CACHE, else the platform's cache folder) under a key
taken of

- what was read: the bytes of the set file and of its rules file, or of a stored copy;
- what checked it: this version of the tool, the files of its checking code and of the question
  types registered, the files of pydantic and PyYAML (sizes and modification times), Python.

A later run that reads the same bytes with the same code builds the set from that JSON with the
standard library only (`QuestionSet.from_data`). An entry is believed only when it names its own
key and its JSON has the hash it names; an entry that is damaged, cut short or unreadable is
ignored and made again. The cache is never needed: where its folder cannot be read or written,
every run checks the set, and a set with problems is never kept (every run reports them).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterable
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import clustercli
from clustercli.paths import cache_dir
from clustercli.questionset import types
from clustercli.questionset.model import QuestionSet, canonical_json
from clustercli.questionset.rules import rules_path_for

FORMAT = 1  # of an entry; a new one makes every older entry a stranger
SUFFIX = ".qset"
KEEP = 64  # entries at most; the oldest go first
LARGEST = 4_000_000  # bytes; a larger file goes to the loader, which says what is wrong with it
# What decides whether a set passes: our checking code, and the libraries it leans on.
_OURS = Path(clustercli.__file__).parent
_CODE = (_OURS / "questionset", _OURS / "questionset" / "types", _OURS / "conditions")
_CODE_MODULES = ("yamlfile", "schema_errors", "i18n", "errors")
_LIBRARIES = ("pydantic", "pydantic_core", "yaml")


def load(path: Path, folder: Path | None = None) -> QuestionSet:
    """The set in `path` with its rules file (`loader.load`): from the cache when these
    bytes were checked before by this code, else checked now (InputProblems) and kept."""
    read = _sources(path)
    key = None if read is None else _key(b"file", *read)
    found = None if key is None else _entry(folder, key)
    if found is not None:
        return found
    from clustercli.questionset import loader  # pydantic and PyYAML: only for a new set

    qset = loader.load(path)
    if key is not None and _sources(path) == read:  # unchanged while it was checked
        _keep(folder, key, qset)
    return qset


def stored(text: str, label: str, folder: Path | None = None) -> QuestionSet:
    """A stored copy of a set (the canonical JSON the data folder keeps; `loader.from_data`),
    from the cache when this copy was checked before by this code."""
    key = _key(b"stored", text.encode("utf-8"))
    found = _entry(folder, key)
    if found is not None:
        return found
    from clustercli.questionset import loader  # pydantic: only for a copy not seen before

    qset = loader.from_data(json.loads(text), label)
    _keep(folder, key, qset)
    return qset


def _sources(path: Path) -> tuple[bytes, bytes] | None:
    """The bytes of the set file and of its rules file (b"" when there is none); None when
    either cannot be read here (the loader then says why)."""
    rules = rules_path_for(path)
    try:
        has_rules = rules.exists()
        text = _bytes(path)
        rules_text = _bytes(rules) if has_rules else b""
    except OSError:
        return None
    if text is None or rules_text is None:
        return None
    return text, (b"rules\0" + rules_text if has_rules else b"")


def _bytes(path: Path) -> bytes | None:
    """A regular file's bytes, up to LARGEST; None for anything else (the loader says why)."""
    if not stat.S_ISREG(path.stat().st_mode):
        return None
    with path.open("rb") as handle:
        data = handle.read(LARGEST + 1)
    return data if len(data) <= LARGEST else None


def _key(kind: bytes, *parts: bytes) -> str:
    digest = hashlib.sha256(_code())
    digest.update(_types())
    digest.update(kind)
    for part in parts:
        digest.update(b"\0%d\0" % len(part))
        digest.update(part)
    return digest.hexdigest()


@cache
def _code() -> bytes:
    """What the checking code is, as far as the file system tells (one look per run)."""
    files = [_OURS / f"{name}.py" for name in _CODE_MODULES]
    for folder in _CODE:
        with os.scandir(folder) as entries:
            files += sorted(Path(entry.path) for entry in entries if entry.name.endswith(".py"))
    for name in _LIBRARIES:
        spec = find_spec(name)
        files.append(Path(spec.origin) if spec is not None and spec.origin else Path(name))
    return "\n".join([f"format {FORMAT}", sys.version, clustercli.__version__,
                      *_stamps(files)]).encode("utf-8")


def _types() -> bytes:
    """The question types registered now, with the files that define them."""
    modules = [sys.modules.get(type(kind).__module__) for kind in types.TYPES.values()]
    files = [Path(module.__file__) if module and module.__file__ else Path("-")
             for module in modules]
    names = [f"{name}={type(kind).__qualname__}" for name, kind in types.TYPES.items()]
    return "\n".join([*names, *_stamps(files)]).encode("utf-8")


def _stamps(files: Iterable[Path]) -> list[str]:
    stamps = []
    for file in files:
        try:
            info = file.stat()
            stamps.append(f"{file} {info.st_size} {info.st_mtime_ns}")
        except OSError:
            stamps.append(f"{file} -")
    return stamps


def _folder(folder: Path | None) -> Path | None:
    try:
        return folder or cache_dir()
    except Exception:  # no cache folder to be had: the set is checked every time
        return None


def _entry(folder: Path | None, key: str) -> QuestionSet | None:
    """The set kept under `key`, if its entry is whole and its own."""
    where = _folder(folder)
    if where is None:
        return None
    try:
        raw = (where / f"{key}{SUFFIX}").read_bytes()
    except OSError:
        return None
    head, _, body = raw.partition(b"\n")
    try:
        header = json.loads(head)
        if header != {"format": FORMAT, "key": key,
                      "hash": hashlib.sha256(body).hexdigest()}:
            return None
        return QuestionSet.from_data(json.loads(body))
    except Exception:  # whatever is wrong with an entry, it is made again
        return None


def _keep(folder: Path | None, key: str, qset: QuestionSet) -> None:
    """Keep the checked set under `key` (written whole or not at all), and under the key of
    its canonical JSON, which is what the data folder will keep of it."""
    where = _folder(folder)
    if where is None:
        return
    body = canonical_json(qset).encode("utf-8")
    try:
        where.mkdir(parents=True, exist_ok=True)
        for entry_key in dict.fromkeys((key, _key(b"stored", body))):
            header = json.dumps({"format": FORMAT, "key": entry_key,
                                 "hash": hashlib.sha256(body).hexdigest()})
            _write(where / f"{entry_key}{SUFFIX}", header.encode("utf-8") + b"\n" + body)
        _prune(where)
    except OSError:
        return  # a read-only or full disk: the next run checks the set again


def _write(path: Path, data: bytes) -> None:
    part = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        with part.open("wb") as handle:
            handle.write(data)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


def _prune(where: Path) -> None:
    with os.scandir(where) as found:
        entries = [(entry.stat().st_mtime_ns, entry.path) for entry in found
                   if entry.name.endswith(SUFFIX) and entry.is_file()]
    for _, path in sorted(entries)[:-KEEP]:
        Path(path).unlink(missing_ok=True)
