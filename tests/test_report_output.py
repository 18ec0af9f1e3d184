"""One output path: every `--format` from a registry, every `-o FILE` through one writer.

The writer's rules, for each command that writes a file (show, compare, stats, export): the
file is 0600 whatever the umask; a symlink at the destination is replaced, never followed; a
crash or a full disk leaves the old file; a failure names the file and why (exit 2 when the
path is the user's to correct, 1 otherwise). And adding a format is one entry in the registry.
"""

from __future__ import annotations

import errno
import importlib
import os
import stat
import sys
import types
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from clustercli.cli import app as clustercli_app
from clustercli.cli import output
from clustercli.cli.commands import ClusterGroup
from clustercli.storage import atomic
from tests.test_report_cases import regional_cooperator, win_win_knelpunt
from tests.test_report_cli import stored

COMMANDS = ("show", "compare", "stats", "export")


def _args(command: str, ids: tuple[str, str], target: Path) -> list[str]:
    first, second = ids
    return {"show": ["show", first, "--format", "md"],
            "compare": ["compare", first, second, "--format", "md"],
            "stats": ["stats"],
            "export": ["export"]}[command] + ["-o", str(target), "--lang", "en"]


@pytest.fixture
def ids() -> tuple[str, str]:
    return stored(win_win_knelpunt()), stored(regional_cooperator())


@pytest.fixture
def no_umask():
    before = os.umask(0)
    yield
    os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def _leftovers(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if atomic.is_temp(name)]


@pytest.mark.parametrize("command", COMMANDS)
def test_the_file_is_0600_even_under_umask_000(cli, tmp_path, ids, no_umask, command):
    target = tmp_path / "out"
    result = cli(*_args(command, ids, target))
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and str(target) in result.stderr
    assert _mode(target) == 0o600 and target.read_bytes()


@pytest.mark.parametrize("command", COMMANDS)
def test_an_existing_file_is_replaced_and_made_private(cli, tmp_path, ids, command):
    target = tmp_path / "out"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o644)
    assert cli(*_args(command, ids, target)).exit_code == 0
    assert _mode(target) == 0o600 and target.read_text(encoding="utf-8") != "old"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("command", COMMANDS)
def test_a_symlink_at_the_destination_is_replaced_not_followed(cli, tmp_path, ids, command):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    victim.chmod(0o644)
    target = tmp_path / "out"
    target.symlink_to(victim)
    result = cli(*_args(command, ids, target))
    assert result.exit_code == 0, result.output
    assert not target.is_symlink() and stat.S_ISREG(os.lstat(target).st_mode)
    assert _mode(target) == 0o600 and target.read_text(encoding="utf-8") != "precious"
    assert victim.read_text(encoding="utf-8") == "precious" and _mode(victim) == 0o644


def test_a_dangling_symlink_is_replaced_and_its_target_not_created(cli, tmp_path, ids):
    target = tmp_path / "out.md"
    target.symlink_to(tmp_path / "elsewhere.md")
    assert cli(*_args("show", ids, target)).exit_code == 0
    assert not target.is_symlink() and not (tmp_path / "elsewhere.md").exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_all_of_them_go_through_the_one_writer(cli, tmp_path, ids, monkeypatch, command):
    calls: list[tuple[Path, bytes]] = []
    monkeypatch.setattr(output, "write_file", lambda path, data: calls.append((path, data)))
    target = tmp_path / "out"
    assert cli(*_args(command, ids, target)).exit_code == 0
    assert [path for path, _ in calls] == [target] and calls[0][1]
    assert not target.exists()


def test_no_such_folder_names_the_file_and_the_folder(cli, tmp_path, ids):
    target = tmp_path / "no" / "such" / "r.md"
    result = cli(*_args("show", ids, target))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert str(target) in result.stderr and str(target.parent) in result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_is_refused_by_name(cli, tmp_path, ids, command):
    folder = tmp_path / "reports"
    folder.mkdir()
    result = cli(*_args(command, ids, folder))
    assert result.exit_code == 2
    assert f"Cannot write {folder}: it is a folder" in result.stderr
    assert list(folder.iterdir()) == []


def test_a_link_to_a_folder_is_refused_and_left(cli, tmp_path, ids):
    (tmp_path / "reports").mkdir()
    link = tmp_path / "latest"
    link.symlink_to(tmp_path / "reports")
    result = cli(*_args("show", ids, link))
    assert result.exit_code == 2 and "it is a folder" in result.stderr
    assert link.is_symlink() and list((tmp_path / "reports").iterdir()) == []


def test_an_empty_file_name_is_refused_with_a_name(cli, ids):
    result = cli("show", ids[0], "--format", "md", "-o", "", "--lang", "en")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "Cannot write .: it is a folder" in result.stderr


def test_a_pipe_or_device_is_refused_and_left(cli, tmp_path, ids):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = cli(*_args("show", ids, fifo))
    assert result.exit_code == 2 and "not an ordinary file" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_file_where_a_folder_should_be_is_the_user_s_to_correct(cli, tmp_path, ids):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    target = tmp_path / "afile" / "r.md"
    result = cli(*_args("show", ids, target))
    assert result.exit_code == 2 and f"Cannot write {target}: " in result.stderr


class _FullDisk:
    """`os` as storage.atomic sees it, on a disk that is full: every write fails."""

    def __getattr__(self, name: str):
        return getattr(os, name)

    @staticmethod
    def write(fd: int, data) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_disk_names_the_file_exits_1_and_keeps_the_old_one(cli, tmp_path, ids,
                                                                 monkeypatch, command):
    target = tmp_path / "out"
    target.write_text("old", encoding="utf-8")
    monkeypatch.setattr(atomic, "os", _FullDisk())
    result = cli(*_args(command, ids, target))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"Cannot write {target}: No space left on device" in result.stderr
    assert target.read_text(encoding="utf-8") == "old" and _leftovers(tmp_path) == []


def test_without_o_everything_goes_to_stdout(cli, ids):
    for args in (["show", ids[0], "--format", "md"], ["compare", *ids, "--format", "json"],
                 ["stats", "--format", "md"], ["export", "--format", "jsonl"]):
        result = cli(*args)
        assert result.exit_code == 0 and result.stdout.endswith("\n"), args


# --- the registry ----------------------------------------------------------------------------


def _choices(command_path: list[str]) -> list[str]:
    command = typer.main.get_command(clustercli_app)
    for name in command_path:
        command = command.commands[name]
    [option] = [p for p in command.params if p.name == "format"]
    return [str(choice.value) for choice in option.type_descriptor.choices]


@pytest.mark.parametrize(("command", "registry"), [
    (["show"], "REPORT_FORMATS"), (["compare"], "DOCUMENT_FORMATS"),
    (["stats"], "DOCUMENT_FORMATS"), (["export"], "EXPORT_FORMATS"),
    (["list"], "LIST_FORMATS"), (["clients"], "LIST_FORMATS"),
    (["questions", "show"], "QUESTION_SET_FORMATS")])
def test_every_format_choice_is_its_registry(command, registry):
    assert _choices(command) == list(getattr(output, registry))


def fake_report(shown) -> bytes:
    """A format that is not text, as an xlsx would be (given the report and its sections)."""
    return b"FAKE\x00" + shown.report.meta.id.encode()


def _with_fake_format(monkeypatch) -> types.ModuleType:
    """clustercli.cli.output as it would be with one line added to REPORT_FORMATS, and the
    `show` command built afresh on it, as at start-up."""
    source = Path(output.__file__).read_text(encoding="utf-8")
    anchor = '    Format("json", _report_json),\n'
    assert source.count(anchor) == 1
    entry = '    Format("fake", "tests.test_report_output:fake_report", binary=True),\n'
    edited = types.ModuleType(output.__name__)
    edited.__file__ = output.__file__
    monkeypatch.setitem(sys.modules, output.__name__, edited)
    exec(compile(source.replace(anchor, anchor + entry), output.__file__, "exec"),
         edited.__dict__)
    return edited


def test_adding_a_format_is_one_registry_entry(monkeypatch, tmp_path, ids):
    from clustercli.cli import report_cmd

    _with_fake_format(monkeypatch)
    try:
        importlib.reload(report_cmd)
        fresh = typer.Typer(cls=ClusterGroup, rich_markup_mode=None)
        fresh.callback()(lambda: None)
        report_cmd.register(fresh)
        runner = CliRunner()
        target = tmp_path / "r.fake"
        result = runner.invoke(fresh, ["show", ids[0], "--format", "fake", "-o", str(target)])
        assert result.exit_code == 0, result.output
        assert target.read_bytes() == b"FAKE\x00" + ids[0].encode()
        assert _mode(target) == 0o600
        piped = runner.invoke(fresh, ["show", ids[0], "--format", "fake"])
        assert piped.exit_code == 0 and piped.stdout_bytes.startswith(b"FAKE\x00")
        help_text = runner.invoke(fresh, ["show", "--help"]).output
        assert "terminal|md|html|json|fake" in help_text
    finally:
        monkeypatch.undo()
        importlib.reload(report_cmd)
    assert "fake" not in output.REPORT_FORMATS


def test_a_format_that_is_not_text_is_not_written_to_a_terminal(monkeypatch):
    shown: list[bytes] = []
    entries = (output.Format("bin", lambda content: b"\x00", binary=True),)
    monkeypatch.setattr(sys, "stdout", types.SimpleNamespace(isatty=lambda: True))
    monkeypatch.setattr(output, "write", lambda data, destination: shown.append(data))
    with pytest.raises(output.BadInput) as caught:
        output.emit(output.Formats(*entries), "bin", None, None)
    assert caught.value.key == "cli.binary_to_terminal" and shown == []


def test_text_and_bytes_renderers_both_reach_a_file(tmp_path):
    formats = output.Formats(output.Format("txt", lambda content: f"{content} é\n"),
                             output.Format("raw", lambda content: bytes([0, 255])))
    output.emit(formats, "txt", "zoë", tmp_path / "a.txt")
    output.emit(formats, "raw", "zoë", tmp_path / "a.bin")
    assert (tmp_path / "a.txt").read_bytes() == "zoë é\n".encode()
    assert (tmp_path / "a.bin").read_bytes() == b"\x00\xff"
