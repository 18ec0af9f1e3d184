"""Shared test fixtures: a CLI runner, a private data folder, the sample question set."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from clustercli.cli import app

DATA = Path(__file__).parent / "data"
VALID_SET = DATA / "valid.yaml"


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own data folder, cache folder and the default language, whatever the
    shell has."""
    monkeypatch.setenv("CLUSTERCLI_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.setenv("CLUSTERCLI_CACHE", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("CLUSTERCLI_LANG", raising=False)
    monkeypatch.delenv("CLUSTERCLI_DEBUG", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def cli():
    """Run the CLI in-process: cli("questions", "check", ...) -> click Result."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None):
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=True)

    return run


@pytest.fixture
def valid_text() -> str:
    return VALID_SET.read_text(encoding="utf-8")


# The store contract, run on both implementations: tests that take `store` (and `again`, the
# same store as a later run of the tool sees it) run once on memory and once on files.
@pytest.fixture(params=["memory", "file"])
def kind(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def store(kind: str, tmp_path: Path):
    from clustercli.storage import open_store
    from clustercli.storage.memory import MemoryStore

    return MemoryStore() if kind == "memory" else open_store(tmp_path / "data")


@pytest.fixture
def again(kind: str, store, tmp_path: Path):
    from clustercli.storage import open_store

    return (lambda: store) if kind == "memory" else (lambda: open_store(tmp_path / "data"))
