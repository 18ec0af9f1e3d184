"""Shared test fixtures: a CLI runner, a private data folder, the sample question set."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from clustercli.cli import app
from clustercli.profile.summary import Summary
from clustercli.records import Summarise

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


def summary(level: str | None = "goed", **scores: float | None) -> Summary:
    """A completion summary for the store's own tests (a store keeps what it is given)."""
    return Summary(level, dict(scores), {}, {})


def summarised(level: str | None = "goed", **scores: float | None) -> Summarise:
    """The `summarise` of `store.complete` for the store's own tests: `summary(...)` whatever
    the record holds."""
    kept = summary(level, **scores)
    return lambda record: kept


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


# The corpus of completed self-checks on the shipped set (tests/corpus.py): the reports' test
# bed, generated once per run.
@pytest.fixture(scope="session")
def corpus():
    from clustercli.paths import shipped_set
    from clustercli.questionset.loader import load
    from tests.corpus import generate

    qset = load(shipped_set())
    return qset, generate(qset)


@pytest.fixture(scope="session")
def corpus_reports(corpus):
    """Every corpus case as (case, profile, report, plain text) per language, built once."""
    from clustercli.profile.build import build_profile
    from clustercli.render.plain import render_plain
    from clustercli.report import build_report
    from tests.corpus import WIDTH, record

    qset, cases = corpus
    built = {}
    for lang in ("nl", "en"):
        rows = []
        for index, case in enumerate(cases):
            report = build_report(record(qset, case, index, lang), qset, lang)
            routed = {org.kind for org in report.organisations}
            profile = build_profile(qset, case.answers, routed=routed)
            rows.append((case, profile, report, render_plain(report, width=WIDTH)))
        built[lang] = rows
    return built
