"""The shape of the code: which module may import which library, and start-up laziness."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "clustercli"

# library -> the module prefixes allowed to import it (the edges of the pure core)
RULES = {
    "questionary": ("clustercli.prompts",),
    "prompt_toolkit": ("clustercli.prompts",),
    "tinydb": ("clustercli.storage",),
    "filelock": ("clustercli.storage",),
    "rich": ("clustercli.render", "clustercli.cli"),
    "typer": ("clustercli.cli",),
    "click": ("clustercli.cli",),
    "yaml": ("clustercli.yamlfile",),
    "platformdirs": ("clustercli.paths",),
    "xlsxwriter": ("clustercli.portability.workbook",),
    "openpyxl": (),  # the tests read the .xlsx export with it; the tool itself does not
}


def imported_libraries(source: str) -> set[str]:
    """Top-level names of everything a module imports, at any depth (lazy imports count)."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def imported_names(source: str) -> set[str]:
    """The names a module imports from `__future__`."""
    return {alias.name for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.ImportFrom) and node.module == "__future__"
            for alias in node.names}


def violations(module: str, source: str) -> list[str]:
    found = []
    for library in sorted(imported_libraries(source) & set(RULES)):
        if not module.startswith(RULES[library]):
            found.append(f"{module} imports {library}")
    return found


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        yield ".".join(relative.parts).removesuffix(".__init__"), path


def test_only_the_edges_import_their_library():
    problems = []
    for module, path in _modules():
        problems += violations(module, path.read_text(encoding="utf-8"))
    assert problems == []


def test_the_rule_catches_a_violation():
    assert violations("clustercli.engine", "def f():\n    import questionary\n") == [
        "clustercli.engine imports questionary"]
    assert violations("clustercli.scoring", "from rich.console import Console") == [
        "clustercli.scoring imports rich"]
    assert violations("clustercli.prompts", "import questionary") == []


HEAVY = ("questionary", "prompt_toolkit", "rich", "tinydb", "yaml", "xlsxwriter", "openpyxl")
_PROBE = """
import runpy, sys, json
sys.argv = ["clustercli", *sys.argv[1:]]
try:
    runpy.run_module("clustercli", run_name="__main__")
except SystemExit:
    pass
sys.__stderr__.write("MODULES=" + json.dumps(sorted(sys.modules)) + "\\n")
"""


@pytest.mark.parametrize(("args", "also_absent"), [
    (["--help"], ("pydantic",)), (["--version"], ("pydantic",)), (["questions", "--help"], ())])
@pytest.mark.slow
def test_help_and_version_import_nothing_heavy(args, also_absent):
    # typer itself loads pydantic once it builds a command's options, so only the root
    # help and --version can promise to do without it.
    proc = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    line = next(x for x in proc.stderr.splitlines() if x.startswith("MODULES="))
    loaded = {name.split(".")[0] for name in json.loads(line.removeprefix("MODULES="))}
    assert "clustercli" in loaded  # the probe really ran the command
    # --version is answered before the CLI loads (clustercli/entry.py); help needs typer
    assert ("typer" in loaded) == (args != ["--version"])
    assert sorted(loaded & set(HEAVY + also_absent)) == []


@pytest.mark.slow
def test_python_dash_m_and_version():
    from clustercli import __version__

    proc = subprocess.run([sys.executable, "-m", "clustercli", "--version"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == f"clustercli {__version__}"


@pytest.mark.slow
@pytest.mark.parametrize("args", [["list"], ["clients"], ["stats"], ["list", "--format", "json"]])
def test_commands_over_the_index_do_without_pydantic(args, tmp_path):
    """typer would load pydantic to convert option values (~110 ms); our plain conversion of
    text, paths, flags and choices keeps the listing commands fast."""
    env = {**os.environ, "CLUSTERCLI_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True,
                          text=True, timeout=60, env=env)
    assert proc.returncode == 0, proc.stderr
    line = next(x for x in proc.stderr.splitlines() if x.startswith("MODULES="))
    loaded = {name.split(".")[0] for name in json.loads(line.removeprefix("MODULES="))}
    assert "clustercli" in loaded and "pydantic" not in loaded


@pytest.mark.slow
@pytest.mark.parametrize(("fmt", "loads"), [("csv", False), ("jsonl", False), ("xlsx", True)])
def test_only_the_xlsx_export_loads_the_xlsx_writer(fmt, loads, tmp_path):
    env = {**os.environ, "CLUSTERCLI_HOME": str(tmp_path)}
    out = tmp_path / f"export.{fmt}"
    proc = subprocess.run([sys.executable, "-c", _PROBE, "export", "--format", fmt, "-o",
                           str(out)], capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 0, proc.stderr
    line = next(x for x in proc.stderr.splitlines() if x.startswith("MODULES="))
    loaded = {name.split(".")[0] for name in json.loads(line.removeprefix("MODULES="))}
    assert out.exists() and "clustercli" in loaded
    assert ("xlsxwriter" in loaded) is loads and "openpyxl" not in loaded


def test_plain_option_conversion_still_refuses_a_wrong_choice(cli):
    result = cli("list", "--format", "xml", env={"CLUSTERCLI_LANG": "en"})
    assert result.exit_code == 2
    assert "'xml' is not one of 'table', 'json'" in result.stderr


def test_command_modules_keep_their_annotations_evaluated():
    """See clustercli/cli/__init__.py: typer would eval string annotations on every run."""
    offenders = [path.name for path in (PACKAGE / "cli").glob("*.py")
                 if "annotations" in imported_names(path.read_text(encoding="utf-8"))]
    assert offenders == []
