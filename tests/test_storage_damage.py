"""Damaged files: each kind gets its own message naming the file, the file is left exactly as it
was (even by a save to it), and every other assessment stays usable."""

from __future__ import annotations

import json
import os
import string
from collections.abc import Callable
from pathlib import Path

import pytest

from clustercli.i18n import t
from clustercli.messages import format_error
from clustercli.records import Damaged, SetRef
from clustercli.storage import open_store
from tests.conftest import summarised

SET = SetRef("cluster-readiness", "1.0", "d" * 64)


def _edit(change: Callable[[dict], None]) -> Callable[[Path], None]:
    def apply(path: Path) -> None:
        data = json.loads(path.read_bytes())
        [doc] = data["assessment"].values()
        change(doc)
        path.write_text(json.dumps(data), encoding="utf-8")
    return apply


def _symlink(path: Path) -> None:
    target = path.with_name("elsewhere")
    path.rename(target)
    path.symlink_to(target)


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _foreign_owner(path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can give a file away")
    os.chown(path, 12345, 12345)


# kind -> (how to damage a record file, the message key, a parameter it must carry)
KINDS = {
    "truncated": (lambda p: p.write_bytes(p.read_bytes()[:len(p.read_bytes()) // 2]),
                  "store.damaged_truncated", {}),
    "empty": (lambda p: p.write_bytes(b""), "store.damaged_empty", {}),
    "not json": (lambda p: p.write_bytes(b'{"assessment":\n  {oops}}'),
                 "store.damaged_not_json", {"line": 2, "column": 4}),
    "not utf-8": (lambda p: p.write_bytes(b'{"a": "\xff\xfe"}'), "store.damaged_not_json",
                  {"line": 1}),
    "not tinydb": (lambda p: p.write_bytes(b"[1, 2, 3]"), "store.damaged_shape",
                   {"detail": "tables"}),
    "no record": (lambda p: p.write_bytes(b'{"assessment": {}}'), "store.damaged_shape",
                  {"detail": "assessment"}),
    "missing field": (_edit(lambda doc: doc.pop("answers")), "store.damaged_shape",
                      {"detail": "answers"}),
    "wrong type": (_edit(lambda doc: doc.update(status=5)), "store.damaged_shape",
                   {"detail": "status"}),
    "bad answer": (_edit(lambda doc: doc["answers"]["q"].pop("at")), "store.damaged_shape",
                   {"detail": "answers.q.at"}),
    "bad history": (_edit(lambda doc: doc["history"][0].update(reason="why not")),
                    "store.damaged_shape", {"detail": "history[0].reason"}),
    "unknown field": (_edit(lambda doc: doc.update(extra=1)), "store.damaged_shape",
                      {"detail": "extra"}),
    "other id": (_edit(lambda doc: doc.update(id="00000000-0000-4000-8000-000000000000")),
                 "store.damaged_shape", {"detail": "id"}),
    "newer format": (_edit(lambda doc: doc.update(format=99)), "store.damaged_newer",
                     {"format": 99}),
    "no permission": (lambda p: p.chmod(0o000), "store.damaged_permissions", {"mode": "0000"}),
    "foreign owner": (_foreign_owner, "store.damaged_permissions", {"mode": "0600"}),
    "symlink": (_symlink, "store.damaged_not_file", {}),
    "folder": (_folder, "store.damaged_not_file", {}),
}


def fingerprint(path: Path) -> tuple:
    info = os.lstat(path)
    content = b"" if not path.is_file() or path.is_symlink() else _read_as_owner(path)
    return info.st_ino, info.st_mode, info.st_uid, info.st_mtime_ns, info.st_size, content


def _read_as_owner(path: Path) -> bytes:
    mode = path.stat().st_mode
    try:
        path.chmod(0o600)
        return path.read_bytes()
    finally:
        path.chmod(mode)


def new(store, client: str):
    return store.create(question_set=SET, set_data='{"id": "x"}', language="nl", client=client)


@pytest.mark.parametrize("status", ["in_progress", "completed"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_damage_is_reported_and_the_file_kept(kind, status, tmp_path):
    # completed: its index row is trusted while the file is unchanged, so a chmod or chown
    # (which leaves size and times of the content alone) must still count as a change
    damage, key, params = KINDS[kind]
    store = open_store(tmp_path / "data")
    victim, bystander = new(store, "Victim BV"), new(store, "Bystander BV")
    store.save_answer(victim.id, "q", 1)
    store.save_answer(victim.id, "q", 2)  # one history entry
    store.save_answer(bystander.id, "q", 1)
    if status == "completed":
        store.complete(victim.id, summarised("goed"))
        assert [row.status for row in store.list() if row.id == victim.id] == ["completed"]
    path = tmp_path / "data" / "assessments" / f"{victim.id}.json"
    damage(path)
    before = fingerprint(path)

    with pytest.raises(Damaged) as caught:
        store.load(victim.id)
    error = caught.value
    assert error.key == key and error.exit_code == 1
    assert error.params["file"] == str(path)
    assert params.items() <= error.params.items()
    for lang in ("nl", "en"):
        text = format_error(error, lang)
        assert str(path) in text and text == t(key, lang, **error.params)
        assert not [name for _, name, _, _ in string.Formatter().parse(text) if name]

    # nothing writes over it: not a save, not a change of status, not a fresh start, not list
    for attempt in (lambda: store.save_answer(victim.id, "q", 3),
                    lambda: store.deactivate(victim.id, ["q"]),
                    lambda: store.complete(victim.id, summarised()),
                    lambda: store.reopen(victim.id)):
        with pytest.raises(Damaged):
            attempt()
    again = open_store(tmp_path / "data")
    rows = {row.id: row for row in again.list()}
    assert fingerprint(path) == before

    row = rows[victim.id]
    assert (row.status, row.problem) == ("damaged", key)
    assert row.client == "Victim BV"  # still known from the index
    assert row.damage().key == key and row.damage().params == error.params
    assert rows[bystander.id].status == "in_progress"
    assert again.save_answer(bystander.id, "r", 2).values() == {"q": 1, "r": 2}
    assert again.complete(bystander.id).status == "completed"
    assert [row.status for row in again.find_by_client("victim bv")] == ["damaged"]

    if kind == "folder":  # a folder is not ours to erase
        with pytest.raises(Damaged):
            again.delete(victim.id)
        assert fingerprint(path) == before
        return
    again.delete(victim.id)  # erasure works on a damaged record too
    assert not os.path.lexists(path)
    assert [row.id for row in again.list()] == [bystander.id]


def test_a_damaged_file_without_index_row_is_listed(tmp_path):
    store = open_store(tmp_path / "data")
    record = new(store, "X")
    path = tmp_path / "data" / "assessments" / f"{record.id}.json"
    path.write_bytes(b"{")
    (tmp_path / "data" / "index.json").unlink()
    [row] = open_store(tmp_path / "data").list()
    assert (row.id, row.status, row.problem, row.client) == (record.id, "damaged",
                                                             "store.damaged_truncated", "")
    assert row.updated  # sorted by the file's time
    assert path.read_bytes() == b"{"


def test_a_damaged_set_copy(tmp_path):
    store = open_store(tmp_path / "data")
    new(store, "X")
    copy = tmp_path / "data" / "sets" / f"{SET.hash}.json"
    copy.write_bytes(b"\x00\x01")
    with pytest.raises(Damaged) as caught:
        store.question_set_data(SET.hash)
    assert caught.value.key == "store.damaged_set" and caught.value.params["file"] == str(copy)
    assert copy.read_bytes() == b"\x00\x01"
