"""Input files the user names (answers files, question sets, import files): read whole but
bounded whatever they are, only when they are ordinary files, and `.json` answers as strict JSON
(issue 15, points 4 and 5)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
from pathlib import Path

import pytest

from clustercli.engine import answers_file
from clustercli.errors import InputProblems
from clustercli.inputfile import InputFileError, read_limited
from clustercli.messages import format_error
from clustercli.questionset.loader import load
from tests.conftest import VALID_SET

QSET = load(VALID_SET)


@contextlib.contextmanager
def deadline(seconds: int = 5):
    """A hang becomes a failure (a FIFO without a writer used to block forever)."""
    def fail(*_):
        raise TimeoutError("the read blocked")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    os.mkfifo(path)
    return path


def test_a_device_is_refused_not_read_without_end():
    with deadline(), pytest.raises(InputFileError) as info:
        read_limited(Path("/dev/zero"), 1000)
    assert info.value.key == "input.is_device"


def test_a_fifo_without_a_writer_is_refused_at_once(fifo):
    with deadline(), pytest.raises(InputFileError) as info:
        read_limited(fifo, 1000)
    assert info.value.key == "input.is_fifo"


def test_a_folder_and_a_missing_file(tmp_path):
    for path, key in ((tmp_path, "input.is_directory"), (tmp_path / "nope", "input.not_found")):
        with pytest.raises(InputFileError) as info:
            read_limited(path, 1000)
        assert info.value.key == key and info.value.file == str(path)


def test_the_limit_holds_for_a_file_that_is_larger_or_grows(tmp_path, monkeypatch):
    path = tmp_path / "big"
    path.write_bytes(b"x" * 101)
    with pytest.raises(InputFileError) as info:
        read_limited(path, 100)
    assert info.value.key == "input.too_big" and info.value.params["size"] == 101
    assert read_limited(path, 101) == b"x" * 101
    # st_size says 10, the file turns out longer (it grew, or the size lies)
    real_fstat = os.fstat

    def small(fd):
        info = real_fstat(fd)
        return os.stat_result((info.st_mode, *info[1:6], 10, *info[7:]))

    monkeypatch.setattr(os, "fstat", small)
    with pytest.raises(InputFileError) as info:
        read_limited(path, 100)
    assert info.value.params["size"] == 101


@pytest.mark.parametrize("args", [["start", "--answers", "/dev/zero"],
                                  ["start", "--questions", "/dev/zero"],
                                  ["import", "/dev/zero"]])
def test_the_cli_refuses_a_device_naming_it(cli, args):
    with deadline(20):
        result = cli(*args, env={"CLUSTERCLI_LANG": "en"})
    assert result.exit_code == 2, result.output
    assert "/dev/zero" in result.stderr and "device" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("option", ["--answers", "--questions"])
def test_the_cli_refuses_a_fifo_naming_it(cli, fifo, option):
    with deadline(20):
        result = cli("start", option, str(fifo), env={"CLUSTERCLI_LANG": "en"})
    assert result.exit_code == 2
    assert str(fifo) in result.stderr and "named pipe" in result.stderr


def test_import_refuses_a_fifo(cli, fifo):
    with deadline(20):
        result = cli("import", str(fifo), env={"CLUSTERCLI_LANG": "en"})
    assert result.exit_code == 2
    assert str(fifo) in result.stderr and "named pipe" in result.stderr


# --- strict JSON answers files ---------------------------------------------------------------

def read_json(tmp_path: Path, text: str):
    path = tmp_path / "answers.json"
    path.write_text(text, encoding="utf-8")
    return answers_file.read(path, QSET, "en")


@pytest.mark.parametrize(("text", "line", "column"), [
    ('{"sector": "other",}', 1, 20),
    ('{\n  "sector": "other",\n  "trust_1": 3,\n}\n', 4, 1),
    ("{'sector': 'other'}", 1, 2),
    ('{"sector": other}', 1, 12),
    ("sector: other", 1, 1),  # YAML is fine in a .yaml file, not in a .json one
])
def test_json_that_yaml_would_take_is_refused_with_line_and_column(tmp_path, text, line,
                                                                   column):
    with pytest.raises(InputProblems) as info:
        read_json(tmp_path, text)
    [problem] = info.value.problems
    assert (problem.key, problem.line, problem.column) == ("answers.bad_json", line, column)
    assert f"answers.json:{line}:{column}:" in format_error(info.value, "en")


def test_json_constants_that_are_not_json(tmp_path):
    with pytest.raises(InputProblems) as info:
        read_json(tmp_path, '{"trust_1": NaN}')
    assert info.value.problems[0].key == "answers.bad_json"


def test_a_repeated_key_in_json_names_both_lines(tmp_path):
    with pytest.raises(InputProblems) as info:
        read_json(tmp_path, '{\n"sector": "ict",\n"sector": "other"\n}')
    [problem] = info.value.problems
    assert problem.key == "yaml.duplicate_key"
    assert (problem.line, problem.params["first_line"]) == (3, 2)


def test_valid_json_keeps_the_line_of_each_answer(tmp_path):
    text = json.dumps({"sector": "other", "ghost": 1}, indent=2)
    with pytest.raises(InputProblems) as info:
        read_json(tmp_path, text)
    [problem] = info.value.problems
    assert (problem.key, problem.line) == ("answers.unknown_question", 3)
    assert read_json(tmp_path, '\ufeff{"sector": "other"}').answers == {"sector": "other"}


def test_the_cli_refuses_a_trailing_comma(cli, tmp_path):
    path = tmp_path / "answers.json"
    path.write_text('{"sector": "metal",}', encoding="utf-8")
    result = cli("start", "--answers", str(path), env={"CLUSTERCLI_LANG": "en"})
    assert result.exit_code == 2
    assert f"{path}:1:" in result.stderr and "not valid JSON" in result.stderr
