"""A data folder that cannot take what a command writes: a file where it should be, a read-only
folder or file system, a full disk (issue 15, points 6, 7 and 8). The command says what is wrong
with which path, and leaves the folder as it was: nothing half done, no claim that nothing was
lost unless that is true.

Read-only for real where this machine allows it (a read-only bind mount as root, file modes as
anyone else); a full disk and a folder that refuses only some writes by fault injection (the
os calls the store makes, failing at the n-th one), and a really full tmpfs where root may
mount one.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from clustercli.storage import open_store
from tests.conftest import VALID_SET
from tests.test_portability_support import FULL, answers_yaml, home, snapshot, start

EN = ["--lang", "en"]


def unmodified(folder: Path) -> dict[str, bytes | None]:
    """The folder's content, lock files aside (empty, and made by merely waiting for one)."""
    return {name: data for name, data in snapshot(folder).items()
            if not name.startswith("locks")}


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def read_only() -> Iterator[Callable[[Path], None]]:
    """Make a folder (and all below it) read-only for real."""
    undo: list[Callable[[], object]] = []

    def make(folder: Path) -> None:
        if os.geteuid() != 0:
            for path in [folder, *folder.rglob("*")]:
                if path.is_dir():
                    path.chmod(0o500)
                    undo.append(lambda path=path: path.chmod(0o700))
            return
        if not (_mount("--bind", str(folder), str(folder))
                and _mount("-o", "remount,ro,bind", str(folder))):
            pytest.skip("root here may not mount: no read-only file system to test on")
        undo.append(lambda: subprocess.run(["umount", str(folder)], check=True))

    yield make
    for step in reversed(undo):
        step()


class Faults:
    """Make the os calls of the store fail like a full disk or a folder we may not write in.

    `fail(call, error, when)`: the call (`write`, `fsync`, `open`, `replace`, `link`,
    `unlink`, `mkdir`) raises OSError(`error`) whenever `when(path, n)` is true, `n` counting
    that call's uses on paths in the data folder from 1."""

    CALLS = ("open", "write", "fsync", "replace", "link", "unlink", "mkdir")

    def __init__(self, monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
        self.folder = str(folder.resolve())
        self.count = dict.fromkeys(self.CALLS, 0)
        self.rules: list[tuple[str, int, Callable[[str, int], bool]]] = []
        self.paths: dict[int, str] = {}
        self.real = {name: getattr(os, name) for name in self.CALLS}
        for name in self.CALLS:
            monkeypatch.setattr(os, name, self._wrap(name))

    def fail(self, call: str, error: int, when: Callable[[str, int], bool]) -> None:
        self.rules.append((call, error, when))

    def _check(self, call: str, path: str | None) -> None:
        if path is None or not os.path.abspath(path).startswith(self.folder):
            return
        self.count[call] += 1
        for name, error, when in self.rules:
            if name == call and when(os.path.abspath(path), self.count[call]):
                raise OSError(error, os.strerror(error), path)

    def _wrap(self, name: str):
        real = self.real[name]

        def call(*args, **kwargs):
            if name in ("write", "fsync"):
                fd = args[0] if isinstance(args[0], int) else args[0].fileno()
                self._check(name, self.paths.get(fd))
            elif name in ("replace", "link"):
                self._check(name, os.fspath(args[1]))
            else:
                self._check(name, os.fspath(args[0]))
            result = real(*args, **kwargs)
            if name == "open":
                self.paths[result] = os.fspath(args[0])
            return result

        return call


def writes_in(folder: Path) -> Callable[[str, int], bool]:
    """Any change to the entries of `folder` itself (not of its subfolders)."""
    return lambda path, n: os.path.dirname(path) == str(folder.resolve())


# --- point 8: a data folder that is not one ----------------------------------------------

@pytest.mark.parametrize("how", ["option", "env"])
def test_a_file_where_the_data_folder_should_be(cli, tmp_path, how):
    file = tmp_path / "notes.txt"
    file.write_text("mine", encoding="utf-8")
    for folder in (file, file / "sub"):
        if how == "option":
            result = cli("--data-dir", str(folder), "list", *EN)
        else:
            result = cli("list", *EN, env={"CLUSTERCLI_HOME": str(folder)})
        assert result.exit_code == 2, result.output
        assert f"{file} is a file, not a folder" in result.stderr
        assert "Something went wrong" not in result.stderr
    assert file.read_text(encoding="utf-8") == "mine"


def test_a_file_where_a_folder_of_ours_should_be(cli, tmp_path):
    data = tmp_path / "data"
    (data / "assessments").parent.mkdir()
    (data / "assessments").write_text("x", encoding="utf-8")
    result = cli("--data-dir", str(data), "list", *EN)
    assert result.exit_code == 2
    assert f"{data / 'assessments'} is a file, not a folder" in result.stderr


def test_a_data_folder_on_a_read_only_file_system(cli, tmp_path, read_only):
    outer = tmp_path / "usb"
    outer.mkdir()
    read_only(outer)
    result = cli("--data-dir", str(outer / "data"), "list", *EN)
    assert result.exit_code == 2, result.output
    assert str(outer / "data") in result.stderr
    assert "read-only file system" in result.stderr or "may not write" in result.stderr


def test_a_data_folder_we_may_not_write_in(cli, tmp_path, monkeypatch):
    outer = tmp_path / "theirs"
    outer.mkdir()
    Faults(monkeypatch, outer).fail("mkdir", errno.EACCES, lambda path, n: True)
    result = cli("--data-dir", str(outer / "data"), "list", *EN)
    assert result.exit_code == 2, result.output
    assert f"may not write in {outer}:" in result.stderr and str(outer / 'data') in result.stderr


def test_a_read_only_data_folder_can_still_be_listed_and_exported(cli, tmp_path, read_only):
    start(cli, tmp_path, "Garage Jansen")
    read_only(home())
    assert cli("list", *EN).exit_code == 0
    result = cli("export", "--format", "jsonl", *EN)
    assert result.exit_code == 0 and "Garage Jansen" in result.stdout


# --- point 6: a read-only data folder stops a change before it starts ---------------------

def _import_file(cli, tmp_path: Path) -> Path:
    """An export of two assessments made in another data folder."""
    other = tmp_path / "other"
    start(cli, tmp_path, "Bakkerij Zoë", data_dir=other)
    start(cli, tmp_path, "Garage Jansen", data_dir=other)
    target = tmp_path / "export.jsonl"
    result = cli("--data-dir", str(other), "export", "--format", "jsonl", "-o", str(target))
    assert result.exit_code == 0
    return target


def _commands(cli, tmp_path: Path) -> dict[str, list[str]]:
    answers = answers_yaml(tmp_path, FULL, "more.json")
    return {
        "delete": ["delete", "--client", "Bakkerij Zoë", "--yes"],
        "start": ["start", "--client", "Nieuw", "--answers", str(answers),
                  "--questions", str(VALID_SET)],
        "import": ["import", str(_import_file(cli, tmp_path))],
    }


@pytest.mark.parametrize("command", ["delete", "start", "import"])
def test_a_read_only_data_folder_is_left_as_it_was(cli, tmp_path, read_only, command):
    start(cli, tmp_path, "Bakkerij Zoë")
    args = _commands(cli, tmp_path)[command]
    (home() / ".privacy-notice-shown").unlink()  # `start --client` would write it first
    before = unmodified(home())
    read_only(home())
    result = cli(*args, *EN)
    assert result.exit_code == 2, result.output
    assert str(home()) in result.stderr and "Nothing has been changed" in result.stderr
    assert "Nothing was lost" not in result.stderr
    assert unmodified(home()) == before


@pytest.mark.parametrize("command", ["delete", "start", "import"])
def test_a_data_folder_whose_top_refuses_writes_is_left_as_it_was(cli, tmp_path, monkeypatch,
                                                                  command):
    """The case the issue found: `chmod -w` on the data folder only, its subfolders still
    writable. `delete` used to erase the record file and then fail on the index."""
    start(cli, tmp_path, "Bakkerij Zoë")
    args = _commands(cli, tmp_path)[command]
    before = unmodified(home())
    faults = Faults(monkeypatch, home())
    faults.fail("open", errno.EACCES, lambda path, n: writes_in(home())(path, n)
                and path.endswith(".tmp"))
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if (
        Path(path).resolve() == home().resolve() and mode & os.W_OK) else real_access(
        path, mode, **kw))
    result = cli(*args, *EN)
    assert result.exit_code == 2, result.output
    assert f"may not write in {home()}" in result.stderr
    assert "Nothing was lost" not in result.stderr
    assert unmodified(home()) == before


# --- point 7: a full disk -----------------------------------------------------------------

def test_a_full_disk_names_the_file(cli, tmp_path, monkeypatch):
    assessment_id = start(cli, tmp_path, "Bakkerij Zoë")
    record = home() / "assessments" / f"{assessment_id}.json"
    Faults(monkeypatch, home()).fail("write", errno.ENOSPC, lambda path, n: True)
    from clustercli.errors import ClusterError
    from clustercli.messages import format_error

    with pytest.raises(ClusterError) as info:
        open_store(home()).save_answer(assessment_id, "sector", "other")
    text = format_error(info.value, "en")
    # the first file the change writes: the record, or the index row it takes back first
    assert any(f"Could not write {path}: No space left on device" in text
               for path in (record, home() / "summaries.json", home() / "index.json")), text


def _import_runs(cli, tmp_path: Path) -> tuple[Path, Path]:
    """A data folder holding one of the two records of an export (an older version of it),
    so that an import both adds and updates."""
    source = tmp_path / "source"
    zoe = start(cli, tmp_path, "Bakkerij Zoë", data_dir=source)
    start(cli, tmp_path, "Garage Jansen", data_dir=source)
    older = tmp_path / "older.jsonl"
    result = cli("--data-dir", str(source), "export", "--format", "jsonl", "-o", str(older),
                 "--client", "Bakkerij Zoë")
    assert result.exit_code == 0
    assert cli("import", str(older)).exit_code == 0
    from clustercli.engine import session as sessions
    from clustercli.profile.build import summarise

    session = sessions.reopen(open_store(source), zoe)
    session.answer(session.qset.question("employees"), 99)
    session.complete(summarise)  # an edit finished: the export holds it (a draft it would not)
    target = tmp_path / "export.jsonl"
    result = cli("--data-dir", str(source), "export", "--format", "jsonl", "-o", str(target))
    assert result.exit_code == 0
    return home(), target


@pytest.mark.parametrize("call", ["write", "fsync", "replace", "link"])
def test_import_on_a_full_disk_is_all_or_nothing(cli, tmp_path, monkeypatch, call):
    data, file = _import_runs(cli, tmp_path)
    before = unmodified(data)
    # How many such calls a successful import makes: fail at each of them in turn.
    with monkeypatch.context() as patch:
        faults = Faults(patch, data)
        assert cli("import", str(file)).exit_code == 0
        total = faults.count[call]
    after = unmodified(data)
    assert after != before and total > 0
    for n in range(1, total + 1):
        restore(data, before)
        with monkeypatch.context() as patch:
            Faults(patch, data).fail(call, errno.ENOSPC, lambda path, k, n=n: k == n)
            result = cli("import", str(file), *EN)
        state = unmodified(data)
        if result.exit_code == 0:  # the failing call was one an import may do without
            assert _records(state) == _records(after), f"{call} #{n}"
        else:
            assert state == before, f"{call} #{n}: {result.output}"
            assert "Nothing has been imported" in result.stderr or \
                "Nothing was lost" in result.stderr, result.stderr
            assert " : " not in result.stderr  # a file is named


def _records(state: dict[str, bytes | None]) -> dict[str, bytes | None]:
    return {name: data for name, data in state.items() if name.startswith("assessments/")}


def restore(folder: Path, state: dict[str, bytes | None]) -> None:
    """Put the folder back to `state` (lock files aside)."""
    for path in sorted(folder.rglob("*"), reverse=True):
        name = str(path.relative_to(folder))
        if name.startswith("locks"):
            continue
        if name not in state:
            path.rmdir() if path.is_dir() else path.unlink()
    for name, data in state.items():
        path = folder / name
        if data is None:
            path.mkdir(exist_ok=True)
        elif not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            path.chmod(0o600)


def test_delete_on_a_full_disk_erases_nothing_and_says_so(cli, tmp_path, monkeypatch):
    assessment_id = start(cli, tmp_path, "Bakkerij Zoë")
    before = unmodified(home())
    Faults(monkeypatch, home()).fail("write", errno.ENOSPC, lambda path, n: True)
    result = cli("delete", "--client", "Bakkerij Zoë", "--yes", *EN)
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr and "Nothing was lost" in result.stderr
    assert unmodified(home()) == before
    assert (home() / "assessments" / f"{assessment_id}.json").exists()


def test_start_on_a_full_disk_leaves_no_empty_assessment(cli, tmp_path, monkeypatch):
    start(cli, tmp_path, "Bakkerij Zoë")
    before = unmodified(home())
    answers = answers_yaml(tmp_path, FULL, "more.json")
    # the record is written, the index after it is not
    Faults(monkeypatch, home()).fail("write", errno.ENOSPC,
                                     lambda path, n: "index.json" in path or
                                     "summaries.json" in path)
    result = cli("start", "--client", "Nieuw", "--answers", str(answers), "--questions",
                 str(VALID_SET), *EN)
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert unmodified(home()) == before


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A really small file system (a tmpfs of 1 MB), where root may mount one."""
    folder = tmp_path / "small"
    folder.mkdir()
    if os.geteuid() != 0 or not _mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)):
        pytest.skip("no small file system to fill here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_import_onto_a_really_full_disk_imports_nothing(cli, tmp_path, small_disk):
    source = tmp_path / "source"
    for n in range(12):
        start(cli, tmp_path, f"Klant {n}", data_dir=source)
    file = tmp_path / "export.jsonl"
    assert cli("--data-dir", str(source), "export", "--format", "jsonl", "-o",
               str(file)).exit_code == 0
    data = small_disk / "data"
    start(cli, tmp_path, "Al hier", data_dir=data)
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    # leave room for about half the import
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * max(0, free - file.stat().st_size // 2))
    before = unmodified(data)
    result = cli("--data-dir", str(data), "import", str(file), *EN)
    assert result.exit_code == 1, result.output
    assert "No space left on device" in result.stderr
    assert "Nothing has been imported" in result.stderr
    assert unmodified(data) == before
    filler.unlink()
    assert cli("--data-dir", str(data), "import", str(file)).exit_code == 0
    assert len(open_store(data).list()) == 13
