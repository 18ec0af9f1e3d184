"""Start-up laziness: what each command loads. Help and --version load nothing heavy, the
commands over the index do without pydantic (typer's option conversion is replaced by a plain
one, checked to be in place), and only the xlsx export loads its writer. Each run is a real
subprocess; the modules it imported are read back from it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

HEAVY = ("questionary", "prompt_toolkit", "rich", "tinydb", "yaml", "xlsxwriter", "openpyxl")
# Runs `clustercli ARGS` in this interpreter and writes the modules it imported to stderr.
_PROBE = """
import runpy, sys, json
sys.argv = ["clustercli", *sys.argv[1:]]
try:
    runpy.run_module("clustercli", run_name="__main__")
except SystemExit:
    pass
sys.__stderr__.write("MODULES=" + json.dumps(sorted(sys.modules)) + "\\n")
"""


def loaded(args: list[str], env: dict[str, str] | None = None) -> set[str]:
    """The top-level packages a run of `clustercli ARGS` imports; the run must succeed."""
    proc = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True,
                          text=True, timeout=60, env={**os.environ, **(env or {})})
    assert proc.returncode == 0, proc.stderr
    line = next(x for x in proc.stderr.splitlines() if x.startswith("MODULES="))
    return {name.split(".")[0] for name in json.loads(line.removeprefix("MODULES="))}


@pytest.mark.parametrize(("args", "also_absent"), [
    (["--help"], ("pydantic",)), (["--version"], ("pydantic",)), (["questions", "--help"], ())])
@pytest.mark.slow
def test_help_and_version_import_nothing_heavy(args, also_absent):
    # typer itself loads pydantic once it builds a command's options, so only the root
    # help and --version can promise to do without it.
    found = loaded(args)
    assert "clustercli" in found  # the probe really ran the command
    # --version is answered before the CLI loads (clustercli/entry.py); help needs typer
    assert ("typer" in found) == (args != ["--version"])
    assert sorted(found & set(HEAVY + also_absent)) == []


@pytest.mark.slow
def test_python_dash_m_and_version():
    from clustercli import __version__

    proc = subprocess.run([sys.executable, "-m", "clustercli", "--version"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == f"clustercli {__version__}"


@pytest.mark.slow
@pytest.mark.parametrize("args", [["list"], ["clients"], ["stats"], ["list", "--format", "json"],
                                  ["export", "--format", "jsonl"]])
def test_commands_over_the_index_do_without_pydantic(args, tmp_path):
    """typer would load pydantic to convert option values (~110 ms); our plain conversion of
    text, paths, flags and choices keeps the listing commands fast. The JSONL export needs
    no question-set models either (only the CSV parses the sets, for their columns)."""
    found = loaded(args, {"CLUSTERCLI_HOME": str(tmp_path)})
    assert "clustercli" in found and "pydantic" not in found


@pytest.mark.parametrize("command", ["list", "clients", "stats", "export", "show"])
def test_plain_coercion_is_in_place(command):
    """cli/coercion.py sets typer's private `_runtime_param` (typer has no public hook; pyproject
    bounds typer for it). If a typer release stops reading it, this says so at once (the
    subprocess tests above say what it costs)."""
    import typer.main

    from clustercli.cli import app
    from clustercli.cli.coercion import _PlainCoercion

    group = typer.main.get_command(app)
    found = group.get_command(group.make_context("clustercli", [command, "--help"],
                                                 resilient_parsing=True), command)
    params = {param.name: param.get_runtime_param() for param in found.params}
    assert params and all(isinstance(coercion, _PlainCoercion)
                          for coercion in params.values()), params


@pytest.mark.slow
@pytest.mark.parametrize(("fmt", "loads"), [("csv", False), ("jsonl", False), ("xlsx", True)])
def test_only_the_xlsx_export_loads_the_xlsx_writer(fmt, loads, tmp_path):
    out = tmp_path / f"export.{fmt}"
    found = loaded(["export", "--format", fmt, "-o", str(out)],
                   {"CLUSTERCLI_HOME": str(tmp_path)})
    assert out.exists() and "clustercli" in found
    assert ("xlsxwriter" in found) is loads and "openpyxl" not in found


def test_plain_option_conversion_still_refuses_a_wrong_choice(cli):
    result = cli("list", "--format", "xml", env={"CLUSTERCLI_LANG": "en"})
    assert result.exit_code == 2
    assert "'xml' is not one of 'table', 'json'" in result.stderr


def test_the_screens_before_the_first_question_load_nothing_of_the_report():
    """The introduction is drawn before the prompts load (cli/conversation.py): what it needs
    must not bring the report, the routing data, PyYAML or pydantic with it (they cost some
    120 ms, which the first screen once waited for). Plain mode's first question is checked
    the same way in tests/test_questionset_cache.py."""
    probe = ("import json, sys\n"
             "import clustercli.cli.conversation, clustercli.engine.flow\n"
             "import clustercli.render.screens, clustercli.prompts.keymap\n"
             "print(json.dumps(sorted(sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, check=True)
    found = set(json.loads(proc.stdout))
    assert "clustercli.render.screens" in found and "rich.console" in found
    heavy = {"pydantic", "yaml", "clustercli.report", "clustercli.routing",
             "clustercli.profile.build", "questionary", "prompt_toolkit", "tinydb"}
    assert sorted(found & heavy) == []
