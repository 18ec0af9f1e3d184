"""Crash safety: a child saving answers dies at 50 different steps of its file I/O, by SIGKILL
or by Ctrl-C; afterwards every file loads and every answer it acknowledged is there.

The same test against TinyDB's stock JSONStorage (which rewrites the file in place) must fail:
it is committed as a strict expected failure, which shows the test can catch what it is for.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clustercli.storage import open_store
from clustercli.storage.atomic import is_temp

pytestmark = pytest.mark.slow  # real processes: a pseudo-terminal, a kill or a browser

CHILD = Path(__file__).parent / "storage_helpers" / "crash_child.py"
POINTS = 50


def child_env(storage: str, signal: str = "KILL", handler: str = "") -> dict[str, str]:
    return {**os.environ, "CRASH_STORAGE": storage, "CRASH_SIGNAL": signal,
            "CRASH_HANDLER": handler}


def run_child(data: Path, storage: str, at: int = 0, signal: str = "KILL",
              trace: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**child_env(storage, signal), "CRASH_AT": str(at)}
    if trace is not None:
        env["CRASH_TRACE"] = str(trace)
    return subprocess.run([sys.executable, str(CHILD), str(data)], env=env, capture_output=True,
                          text=True, timeout=60)


def choose_points(trace: list[str], count: int = POINTS) -> list[int]:
    """`count` distinct steps (1-based): every kind of step at least once, the rest evenly
    spread over the whole run."""
    chosen: set[int] = set()
    for label in dict.fromkeys(trace):  # each kind at an occurrence in the middle of the run
        places = [n for n, seen in enumerate(trace, 1) if seen == label]
        chosen.add(places[len(places) // 2])
    rest = [n for n in range(1, len(trace) + 1) if n not in chosen]
    need = count - len(chosen)
    chosen.update(rest[round(i * (len(rest) - 1) / (need - 1))] for i in range(need))
    return sorted(chosen)


# id -> (active answers, status, the answers an unfinished edit shows, or None: no draft)
State = dict[str, tuple[dict[str, object], str, dict[str, object] | None]]


def apply(state: State, op: list, result: str | None = None) -> State:
    state = {key: (dict(values), status, None if draft is None else dict(draft))
             for key, (values, status, draft) in state.items()}
    kind, *args = op
    if kind == "create":
        state[result] = ({}, "in_progress", None)
    elif kind == "answer":
        state[args[0]][0][args[1]] = args[2]
    elif kind == "gone":
        state[args[0]][0].pop(args[1])
    elif kind in ("draft", "draft_gone"):  # a change to a completed record: its draft
        values, status, draft = state[args[0]]
        draft = dict(values) if draft is None else draft
        if kind == "draft":
            draft[args[1]] = args[2]
        else:
            draft.pop(args[1])
        state[args[0]] = (values, status, draft)
    elif kind == "status":  # completing takes a draft in
        values, _, draft = state[args[0]]
        state[args[0]] = (values if draft is None else draft, args[1], None)
    return state


def acknowledged(stdout: str) -> tuple[State, list | None]:
    """What the child was told is saved, and the operation it was in the middle of (if any)."""
    state: State = {}
    pending = None
    for line in stdout.splitlines():
        kind, *rest = json.loads(line)
        if kind == "try":
            pending = rest
        elif kind == "ack":
            state = apply(state, pending, rest[0])
            pending = None
    return state, pending


def expect(ok: bool, where: str, what: object = "") -> None:
    # pytest.fail rather than assert: the expected failure of the stock storage is declared
    # with raises=pytest.fail.Exception, so a broken test setup cannot pass for it.
    if not ok:
        pytest.fail(f"{where}: {what}")


def check_after_crash(data: Path, stdout: str, where: str) -> None:
    # Every file in the data folder is whole JSON (records, index, set copies) ...
    for path in data.rglob("*.json"):
        try:
            json.loads(path.read_bytes())
        except ValueError as error:
            pytest.fail(f"{where}: {path.name} does not load: {error}")
    store = open_store(data)  # sweeps the temp files of the dead child
    expect(not [p for p in data.rglob("*") if is_temp(p.name)], where, "temp files left")
    rows = store.list()
    expect(all(row.status != "damaged" for row in rows), where, rows)
    # ... and the store holds exactly what the child was told it saved, or that plus the one
    # operation it was in the middle of, in full: nothing lost, nothing half-done.
    before, pending = acknowledged(stdout)
    found = {}
    for row in rows:
        record = store.load(row.id)
        expect((row.status, row.answered) == (record.status, len(record.answers)), where, row)
        found[row.id] = (record.values(), record.status,
                         None if record.draft is None else record.editing_values())
    if pending is not None and pending[0] == "create":
        unknown = found.keys() - before.keys()
        expect(len(unknown) <= 1, where, unknown)
        after = apply(before, pending, next(iter(unknown))) if unknown else before
    else:
        after = before if pending is None else apply(before, pending)
    expect(found in (before, after), where, f"found {found}, acknowledged {before}")


@pytest.fixture(scope="module")
def trace(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The steps of a full run of the workload, per storage (it is deterministic)."""
    traces = {}
    for storage in ("atomic", "stock"):
        folder = tmp_path_factory.mktemp(f"trace-{storage}")
        done = run_child(folder / "data", storage, trace=folder / "trace")
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout.splitlines()[-1]) == ["done"]
        traces[storage] = (folder / "trace").read_text(encoding="utf-8").splitlines()
    return traces


def crash_at_points(storage: str, signal: str, steps: list[str], base: Path,
                    handler: str = "") -> None:
    points = choose_points(steps)
    assert len(points) == POINTS
    # the points the issue names are among them (the stock storage neither renames nor
    # syncs a folder: it writes in place)
    labels = {steps[n - 1] for n in points}
    assert {"write record", "fsync record"} <= labels
    if storage == "atomic":
        assert {"replace record", "fsync folder"} <= labels
    assert any(label.endswith(" index") for label in labels)

    # One child process forks a run per point (see crash_child.py): fifty start-ups would cost
    # more than the test itself.
    done = subprocess.run([sys.executable, str(CHILD), "--points", str(base),
                           *map(str, points)], env=child_env(storage, signal, handler),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    for n in points:
        where = f"{storage}, {signal} {handler} before step {n} ({steps[n - 1]})"
        folder = base / f"at-{n}"
        code = int((folder / "code").read_text(encoding="utf-8"))
        out = (folder / "out").read_text(encoding="utf-8")
        expected = {"KILL": -9, "INT": 130, "TERM": 143}[signal]
        assert code == expected, f"{where}: exit {code}\n{out[-2000:]}"
        check_after_crash(folder / "data", out, where)
        operation, what = steps[n - 1].split()
        before, pending = acknowledged(out)
        if handler == "ours" and operation in ("write", "fsync", "replace") and \
                what == "record" and pending is not None and pending[0] != "create":
            # A signal inside the write of a record waits for it: the answer (or the status)
            # it was saving is saved, not lost to a signal that came a moment later.
            store = open_store(folder / "data")
            found = {row.id: (record.values(), record.status,
                              None if record.draft is None else record.editing_values())
                     for row in store.list() if (record := store.load(row.id))}
            assert found == apply(before, pending), where


def test_sigkill_at_50_points_loses_nothing_acknowledged(trace, tmp_path):
    crash_at_points("atomic", "KILL", trace["atomic"], tmp_path)


@pytest.mark.xfail(strict=True, raises=pytest.fail.Exception,
                   reason="TinyDB's JSONStorage rewrites in place: a kill in the middle of a "
                   "write leaves a file that does not load. This shows the crash test catches "
                   "that.")
def test_sigkill_against_stock_json_storage_fails(trace, tmp_path):
    crash_at_points("stock", "KILL", trace["stock"], tmp_path)


def test_ctrl_c_at_50_points_loses_nothing_acknowledged(trace, tmp_path):
    crash_at_points("atomic", "INT", trace["atomic"], tmp_path)


@pytest.mark.parametrize("signal", ["INT", "TERM"])
def test_with_our_handler_a_signal_waits_for_the_write_under_way(trace, tmp_path, signal):
    """clustercli.interrupts holds a stop signal during a save: at every step the store is
    whole, and a signal that came inside a write finds that write done (issue 15, point 3)."""
    crash_at_points("atomic", signal, trace["atomic"], tmp_path, handler="ours")


def test_ctrl_c_leaves_no_temp_file_even_before_the_sweep(trace, tmp_path):
    # write_atomic cleans up after itself on KeyboardInterrupt; the sweep is for SIGKILL only.
    steps = trace["atomic"]
    at = steps.index("fsync record") + 1
    done = run_child(tmp_path / "data", "atomic", at=at, signal="INT")
    assert done.returncode == 130, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == ["interrupted"]
    assert not [p for p in (tmp_path / "data").rglob("*") if is_temp(p.name)]


def test_choose_points_covers_every_kind_and_is_distinct():
    steps = ["a"] * 100 + ["b"] + ["c"] * 20
    points = choose_points(steps)
    assert len(set(points)) == POINTS
    assert {steps[n - 1] for n in points} == {"a", "b", "c"}
