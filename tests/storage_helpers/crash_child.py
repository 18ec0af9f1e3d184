"""Child process of the crash tests: a fixed workload on a data folder, dying at a chosen step.

    python crash_child.py DATA_DIR                     one run (CRASH_AT from the environment)
    python crash_child.py --points BASE N1 N2 ...      one run per step N, each in BASE/at-N/

Environment:
    CRASH_STORAGE  "atomic" (ours) or "stock" (TinyDB's JSONStorage, which must fail the test)
    CRASH_AT       the number of the file operation to die at (0 or unset: run to the end)
    CRASH_SIGNAL   "KILL" (default), "INT" (Ctrl-C) or "TERM"
    CRASH_HANDLER  "ours": clustercli's own signal handler (clustercli.interrupts), as the
                   command installs it; else Python's default (Ctrl-C raises at once)
    CRASH_TRACE    write the list of file operations here (the parent picks its points from it)

With --points the script imports the store once and forks one process per step, which runs the
workload in BASE/at-N/data, its output in BASE/at-N/out and its exit code in BASE/at-N/code:
fifty runs then cost fifty forks rather than fifty interpreter start-ups.

Every file operation on the data folder (open, write, fsync, close, replace, unlink; for the
stock storage also flush and truncate of its file object) is a numbered step. At step CRASH_AT
the process signals itself before doing the operation; a write is done halfway first, as when
a kill lands in the middle of a large write. Before each store call the child prints a "try"
line naming the operation, and after it returns an "ack" line (flushed): what the user has been
told is saved.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

# the data folder of this run (with --points: set in each forked run)
DATA = Path(sys.argv[1] if sys.argv[1] != "--points" else os.devnull).resolve()
AT = int(os.environ.get("CRASH_AT") or 0)
SIGNAL = getattr(signal, "SIG" + os.environ.get("CRASH_SIGNAL", "KILL"))
OUR_HANDLER = os.environ.get("CRASH_HANDLER") == "ours"
TRACE = os.environ.get("CRASH_TRACE")
STOCK = os.environ.get("CRASH_STORAGE") == "stock"

trace: list[str] = []
fds: dict[int, str] = {}


def kind(path: str) -> str | None:
    """What a path is, for the trace; None for what we do not count (lock files, elsewhere)."""
    path = os.path.abspath(path)
    if not path.startswith(str(DATA)) or "/locks" in path[len(str(DATA)):]:
        return None
    if os.path.isdir(path):
        return "folder"
    name = os.path.basename(path)
    if "index.json" in name or "summaries.json" in name:  # the index's two files
        return "index"
    return "set" if "/sets/" in path else "record"


def step(operation: str, what: str | None) -> bool:
    """Count one operation; True if the process is to die now."""
    if what is None:
        return False
    trace.append(f"{operation} {what}")
    return len(trace) == AT


def die() -> None:
    os.kill(os.getpid(), SIGNAL)
    if not OUR_HANDLER:
        time.sleep(5)  # SIGKILL never returns; SIGINT raises KeyboardInterrupt right here
    # ours raises here too, unless a write is under way: then it is acted on as that ends


real = {name: getattr(os, name) for name in ("open", "write", "fsync", "close", "replace",
                                             "unlink")}


def _open(path, flags, mode=0o777, *, dir_fd=None):
    what = kind(os.fspath(path))
    if step("open", what):
        die()
    fd = real["open"](path, flags, mode, dir_fd=dir_fd)
    if what is not None:
        fds[fd] = what
    return fd


def _write(fd, data):
    if step("write", fds.get(fd)):
        written = real["write"](fd, bytes(data)[:max(1, len(data) // 2)])
        die()
        return written  # still alive (a held signal): a short write, the caller goes on
    return real["write"](fd, data)


def _fsync(fd):
    fd = fd if isinstance(fd, int) else fd.fileno()
    if step("fsync", fds.get(fd)):
        die()
    return real["fsync"](fd)


def _close(fd):
    if step("close", fds.pop(fd, None)):
        die()
    return real["close"](fd)


def _replace(src, dst, **kwargs):
    if step("replace", kind(os.fspath(dst))):
        die()
    return real["replace"](src, dst, **kwargs)


def _unlink(path, **kwargs):
    if step("unlink", kind(os.fspath(path))):
        die()
    return real["unlink"](path, **kwargs)


for _name, _func in (("open", _open), ("write", _write), ("fsync", _fsync), ("close", _close),
                     ("replace", _replace), ("unlink", _unlink)):
    setattr(os, _name, _func)


class Handle:
    """TinyDB's JSONStorage writes through a file object: make its writes steps too."""

    def __init__(self, handle, what):
        self._handle, self._what = handle, what
        fds[handle.fileno()] = what

    def write(self, text):
        if step("write", self._what):
            self._handle.write(text[:max(1, len(text) // 2)])
            self._handle.flush()
            die()
        return self._handle.write(text)

    def flush(self):
        if step("flush", self._what):
            die()
        return self._handle.flush()

    def truncate(self, *args):
        if step("truncate", self._what):
            die()
        return self._handle.truncate(*args)

    def close(self):
        fds.pop(self._handle.fileno(), None)
        self._handle.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __getattr__(self, name):
        return getattr(self._handle, name)


def main() -> int:
    import builtins

    import tinydb.storages

    from clustercli.profile.summary import Summary
    from clustercli.records import SetRef
    from clustercli.storage import open_store

    def _open_file(path, *args, **kwargs):
        return Handle(builtins.open(path, *args, **kwargs), kind(os.fspath(path)))

    tinydb.storages.open = _open_file  # the module's global shadows the builtin
    options = {"storage": tinydb.storages.JSONStorage} if STOCK else {}

    def say(*parts) -> None:
        print(json.dumps(parts), flush=True)

    def run(call, *op):
        """Announce the operation, do it, then acknowledge it: what the user was told."""
        say("try", *op)
        result = call()
        say("ack", result.id)
        return result

    store = open_store(DATA, **options)
    ref = SetRef("crash", "1", "c0ffee")
    first = run(lambda: store.create(question_set=ref, set_data='{"id": "crash"}', language="nl",
                                     client="Bakkerij Zoë", respondent="eigenaar"), "create")
    for n in range(6):
        question, value = f"q{n}", {"n": n, "text": "antwoord " * n}
        run(lambda q=question, v=value: store.save_answer(first.id, q, v), "answer", first.id,
            question, value)
    # shorter than before: a rewrite in place leaves the old tail behind
    run(lambda: store.save_answer(first.id, "q0", "x"), "answer", first.id, "q0", "x")
    goed, start = Summary("goed", {}, {}, {}), Summary("start", {}, {}, {})
    run(lambda: store.complete(first.id, lambda record: goed), "status", first.id, "completed")
    run(lambda: store.reopen(first.id), "status", first.id, "in_progress")
    run(lambda: store.save_answer(first.id, "q6", [1, 2, 3]), "answer", first.id, "q6",
        [1, 2, 3])
    second = run(lambda: store.create(question_set=ref, set_data='{"id": "crash"}',
                                      language="en"), "create")
    for n in range(4):
        run(lambda q=f"p{n}", v=n: store.save_answer(second.id, q, v), "answer", second.id,
            f"p{n}", n)
    run(lambda: store.deactivate(second.id, ["p1"]), "gone", second.id, "p1")
    run(lambda: store.complete(second.id, lambda record: start), "status", second.id,
        "completed")
    # an edit of the completed one: a draft (the completed record stays as it was), then
    # finished (the draft's answers become its answers)
    run(lambda: store.save_answer(second.id, "p0", "edited"), "draft", second.id, "p0",
        "edited")
    run(lambda: store.deactivate(second.id, ["p2"]), "draft_gone", second.id, "p2")
    run(lambda: store.save_answer(second.id, "p9", [9]), "draft", second.id, "p9", [9])
    run(lambda: store.complete(second.id, lambda record: goed), "status", second.id,
        "completed")
    say("done")
    return 0


def run_once() -> int:
    if OUR_HANDLER:
        from clustercli import interrupts

        interrupts.install()
    try:
        return main()
    except KeyboardInterrupt as stop:  # clustercli's Stop carries the signal
        print(json.dumps(["interrupted"]), flush=True)
        return 128 + getattr(stop, "signum", signal.SIGINT)
    finally:
        if TRACE:
            Path(TRACE).write_text("\n".join(trace), encoding="utf-8")


def run_points(base: Path, points: list[int]) -> None:
    global AT, DATA
    import clustercli.storage.files  # noqa: F401  (imported once, before the forks)

    for point in points:
        folder = base / f"at-{point}"
        folder.mkdir(parents=True)
        pid = os.fork()
        if pid == 0:
            AT, DATA = point, (folder / "data").resolve()
            out = real["open"](folder / "out", os.O_WRONLY | os.O_CREAT, 0o600)
            os.dup2(out, 1)
            os.dup2(out, 2)
            code = run_once()
            sys.stdout.flush()
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        (folder / "code").write_text(str(os.waitstatus_to_exitcode(status)), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1] == "--points":
        run_points(Path(sys.argv[2]), [int(n) for n in sys.argv[3:]])
        sys.exit(0)
    sys.exit(run_once())
