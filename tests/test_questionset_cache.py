"""The cache of checked question sets: the same set as checking gives, never a wrong one.

A set read before with the same bytes (set file, rules file, or a stored copy) and the same code
comes from the cache without PyYAML or pydantic; anything else is checked again. A damaged or
foreign entry is ignored and made again; a cache folder that cannot be written costs only time.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clustercli.errors import InputProblems
from clustercli.questionset import cache, loader
from clustercli.questionset.model import canonical_json, content_hash
from tests.conftest import DATA
from tests.test_questionset_canonical import PINNED


@pytest.fixture
def set_path(tmp_path: Path) -> Path:
    """valid.yaml and its rules file, in a folder of the test's own (so they can be edited)."""
    for name in ("valid.yaml", "valid.rules.yaml"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    return tmp_path / "valid.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def no_checking(monkeypatch: pytest.MonkeyPatch):
    """After this, checking a set fails the test: what loads came from the cache."""

    def forbid(*_args, **_kwargs):
        raise AssertionError("the set was checked again")

    def apply() -> None:
        monkeypatch.setattr(loader, "load", forbid)
        monkeypatch.setattr(loader, "from_data", forbid)

    return apply


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{cache.SUFFIX}"))


def test_a_set_read_again_comes_from_the_cache_as_the_same_set(set_path, folder, no_checking):
    checked = cache.load(set_path, folder)
    assert checked == loader.load(set_path)
    no_checking()
    again = cache.load(set_path, folder)
    assert again == checked and again.rules == checked.rules
    assert canonical_json(again) == canonical_json(checked)
    assert content_hash(again) == PINNED["valid.yaml with its rules"]


def test_a_stored_copy_of_a_set_read_before_needs_no_checking(set_path, folder, no_checking):
    checked = cache.load(set_path, folder)
    no_checking()  # the copy the data folder will keep was kept with the set
    assert cache.stored(canonical_json(checked), "copy", folder) == checked


def test_a_stored_copy_not_seen_before_is_checked_then_kept(folder, no_checking):
    text = canonical_json(loader.load(DATA / "readiness.yaml"))
    first = cache.stored(text, "copy", folder)
    no_checking()
    assert cache.stored(text, "copy", folder) == first
    assert content_hash(first) == PINNED["readiness.yaml with its rules"]


@pytest.mark.parametrize("which", ["valid.yaml", "valid.rules.yaml"])
def test_an_edited_file_is_checked_again(set_path, folder, which):
    cache.load(set_path, folder)
    edited = set_path.with_name(which)
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("source: [F8]", "source: [F99]", 1) if which == "valid.yaml"
                      else text.replace("source: [design]", "source: [F99]", 1),
                      encoding="utf-8")
    with pytest.raises(InputProblems) as info:
        cache.load(set_path, folder)
    assert [p.key for p in info.value.problems] == ["qset.unknown_source"]
    with pytest.raises(InputProblems):  # a set with problems is never kept: reported each run
        cache.load(set_path, folder)


def test_a_rules_file_added_or_removed_is_noticed(set_path, folder):
    with_rules = cache.load(set_path, folder)
    rules = set_path.with_name("valid.rules.yaml")
    kept = rules.read_bytes()
    rules.unlink()
    assert cache.load(set_path, folder).rules is None
    rules.write_bytes(kept)
    assert cache.load(set_path, folder) == with_rules


def _damage_body(raw: bytes) -> bytes:
    return raw.replace(b'"version":"1.0"', b'"version":"6.6"')


def _rehashed(raw: bytes, body: bytes, key: str | None = None) -> bytes:
    """An entry with another body, its header's hash made to fit (and perhaps another key)."""
    header = json.loads(raw.partition(b"\n")[0])
    header["hash"] = hashlib.sha256(body).hexdigest()
    header["key"] = key or header["key"]
    return json.dumps(header).encode() + b"\n" + body


def _forged(raw: bytes) -> bytes:
    """Another set's body under the hash it has: only the key is left to tell."""
    body = raw.partition(b"\n")[2].replace(b'"en":"Which sector are you in?"',
                                           b'"en":"Which sector are you NOT in?"')
    return _rehashed(raw, body, key="0" * 64)


@pytest.mark.parametrize("damage", [
    lambda raw: raw[: len(raw) // 2],  # cut short
    lambda raw: b"",
    lambda raw: b"\x00\xff" * 40,
    _damage_body,  # one value changed: the hash no longer fits
    lambda raw: raw.replace(b'"format": 1', b'"format": 99'),
    lambda raw: raw.split(b"\n", 1)[1],  # no header
    _forged,
    lambda raw: _rehashed(raw, b'{"id": 1}'),  # whole and its own, but not a set
], ids=["cut", "empty", "garbage", "changed", "format", "headless", "forged", "not-a-set"])
def test_a_damaged_entry_is_ignored_and_made_again(set_path, folder, damage):
    checked = cache.load(set_path, folder)
    for entry in _entries(folder):
        entry.write_bytes(damage(entry.read_bytes()))
    again = cache.load(set_path, folder)
    assert again == checked and canonical_json(again) == canonical_json(checked)
    assert cache.stored(canonical_json(checked), "copy", folder) == checked
    for entry in _entries(folder):  # made again, whole
        head, _, body = entry.read_bytes().partition(b"\n")
        assert json.loads(head)["key"] == entry.name.removesuffix(cache.SUFFIX)
        assert body.decode("utf-8") == canonical_json(checked)


def test_an_entry_of_other_checking_code_is_not_used(set_path, folder, monkeypatch):
    cache.load(set_path, folder)
    monkeypatch.setattr(cache, "_code", lambda: b"another version of the checks")
    calls = []
    real = loader.load
    monkeypatch.setattr(loader, "load", lambda path: calls.append(path) or real(path))
    cache.load(set_path, folder)
    assert calls == [set_path]


def test_a_cache_folder_that_cannot_be_made_costs_only_time(set_path, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    for _ in range(2):
        assert cache.load(set_path, blocked / "cache") == loader.load(set_path)


def test_problems_of_a_set_are_the_loaders_own(tmp_path, folder):
    missing = tmp_path / "nope.yaml"
    with pytest.raises(InputProblems) as info:
        cache.load(missing, folder)
    assert [p.key for p in info.value.problems] == ["input.not_found"]
    assert not folder.exists() or _entries(folder) == []


def test_old_entries_are_pruned(set_path, folder, monkeypatch):
    monkeypatch.setattr(cache, "KEEP", 3)
    text = set_path.read_text(encoding="utf-8")
    for version in range(5):
        set_path.write_text(text.replace('version: "1.0"', f'version: "1.{version}"'),
                            encoding="utf-8")
        cache.load(set_path, folder)
    assert len(_entries(folder)) == 3


def test_the_default_folder_is_the_platform_cache_unless_set(monkeypatch, tmp_path):
    from clustercli.paths import cache_dir

    monkeypatch.setenv("CLUSTERCLI_CACHE", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("CLUSTERCLI_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert cache_dir() == tmp_path / "xdg" / "clustercli"


_FIRST_QUESTION = """
import json, sys
from clustercli import plain

def ask(self, ask):
    sys.__stderr__.write("MODULES=" + json.dumps(sorted(sys.modules)) + "\\n")
    raise SystemExit(0)

plain.PlainUI.ask = ask
sys.argv = ["clustercli", "start", "--plain"]
from clustercli.entry import main
main()
"""


@pytest.mark.slow
def test_the_first_question_of_a_set_seen_before_needs_no_checking_and_no_store(tmp_path):
    """Before the first question: neither PyYAML nor pydantic (the set comes from the cache),
    nor tinydb and filelock (the assessment is stored at its first answer)."""
    env = {**os.environ, "CLUSTERCLI_HOME": str(tmp_path / "home"),
           "CLUSTERCLI_CACHE": str(tmp_path / "cache"), "CLUSTERCLI_LANG": "en"}
    loaded = []
    for _ in range(2):  # the first run checks the set and keeps it
        proc = subprocess.run([sys.executable, "-c", _FIRST_QUESTION], capture_output=True,
                              text=True, timeout=60, env=env, stdin=subprocess.DEVNULL)
        assert proc.returncode == 0, proc.stderr
        line = next(x for x in proc.stderr.splitlines() if x.startswith("MODULES="))
        loaded.append({name.split(".")[0] for name in json.loads(line[len("MODULES="):])})
    heavy = {"pydantic", "yaml", "tinydb", "filelock"}
    assert loaded[0] & heavy == {"pydantic", "yaml"}  # checked the first time
    assert loaded[1] & heavy == set()
    assert "clustercli" in loaded[1] and not (tmp_path / "home" / "assessments").exists()


def test_only_a_regular_file_of_a_sane_size_is_read_for_the_cache(set_path, folder,
                                                                    monkeypatch):
    monkeypatch.setattr(cache, "LARGEST", 100)  # the test set is bigger than this
    calls = []
    real = loader.load
    monkeypatch.setattr(loader, "load", lambda path: calls.append(path) or real(path))
    for _ in range(2):
        cache.load(set_path, folder)  # too big to key: checked every time
    assert calls == [set_path, set_path] and not folder.exists()
    fifo = set_path.with_name("pipe.yaml")
    os.mkfifo(fifo)  # opening it would wait for a writer: the cache leaves it to the loader
    monkeypatch.setattr(loader, "load", lambda path: calls.append(path) or "the loader's")
    assert cache.load(fifo, folder) == "the loader's" and calls[-1] == fifo
