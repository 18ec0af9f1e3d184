"""Stopping on a signal: Ctrl-C or `kill -INT` (SIGINT), `kill` (SIGTERM), a closed terminal
(SIGHUP).

Each ends a run the same way as Ctrl-C at a prompt: one line, no traceback, the answers given so
far saved, and exit 128 + the signal's number (130, 143, 129). `install`, called first thing by
`clustercli.entry` (before the heavy imports, so that a signal during start-up is ours too),
puts one handler on all three:

- while the data folder is being changed (`held`: an atomic write, an import's commit, an
  erasure), the signal is only noted, and acted on as the change ends: a save is never cut in
  two, and what was saved is what the user was told;
- while a prompt is on screen, the prompt's hook (set by `clustercli.prompts`) ends it as
  Ctrl-C does, so that prompt_toolkit gives the terminal back as it found it;
- anywhere else it raises `Stop`, a KeyboardInterrupt, so every path that handles Ctrl-C (the
  interview pauses and says how to continue, the CLI says "Stopped.") handles it too.

The first signal decides the exit code; later ones are noted but change nothing, so that a
second Ctrl-C while the first is being handled cannot turn a clean stop into a traceback.
Only the standard library's `signal`: this module is imported before anything else.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from types import FrameType
from typing import Any

STOP_SIGNALS: tuple[int, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
EXIT_INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report it


class Stop(KeyboardInterrupt):
    """The run was stopped by a signal (`signum`)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


PromptHook = Callable[[Stop], bool]


class _State:
    received: int | None = None  # the first stop signal of this run
    stopping = False  # a stop is under way: later signals change nothing
    depth = 0  # how many `held` blocks we are in
    pending: int | None = None  # a signal that came while held
    prompt: PromptHook | None = None  # ends the prompt on screen, if there is one


_state = _State()


def install() -> None:
    """Our handler on SIGINT, SIGTERM and SIGHUP (unblocked, in case a parent blocked them)."""
    for signum in STOP_SIGNALS:
        signal.signal(signum, _handle)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


def _handle(signum: int, frame: FrameType | None) -> None:
    if _state.received is None:
        _state.received = signum
    if _state.stopping:
        return
    if _state.depth:
        _state.pending = signum
        return
    _stop(signum)


def _stop(signum: int) -> None:
    stop = caught(signum)
    if _state.prompt is not None and _state.prompt(stop):
        return  # the prompt ends with `stop`, its terminal restored
    raise stop


def caught(signum: int) -> Stop:
    """The `Stop` for a signal that arrived some other way (prompt_toolkit turns SIGINT into a
    key press while a prompt is up), noted like one that came through our handler."""
    if _state.received is None:
        _state.received = signum
    _state.stopping = True
    return Stop(signum)


def set_prompt_hook(hook: PromptHook | None) -> None:
    """`hook(stop)` ends the prompt on screen with `stop` and says True, or says False when
    no prompt is running."""
    _state.prompt = hook


class _Held:
    """See `held`. A class rather than a generator: it wraps every save (a microsecond
    counts there)."""

    def __enter__(self) -> None:
        _state.depth += 1

    def __exit__(self, *exc: Any) -> None:
        _state.depth -= 1
        if not _state.depth and _state.pending is not None and not _state.stopping:
            signum, _state.pending = _state.pending, None
            _stop(signum)


_HELD = _Held()


def held() -> _Held:
    """A block that a stop signal does not interrupt: it is acted on when the block ends."""
    return _HELD


def received() -> int | None:
    """The stop signal this run received, if any."""
    return _state.received


def exit_code() -> int:
    """128 + the signal that stopped the run; 130 for Ctrl-C at a prompt."""
    return 128 + _state.received if _state.received is not None else EXIT_INTERRUPTED


def stopping() -> None:
    """The run is ending (stopped, or done): signals from now on change nothing."""
    _state.stopping = True


def reset() -> None:
    """Forget what this process received (for tests that run the CLI more than once)."""
    _state.received, _state.stopping, _state.pending, _state.depth = None, False, None, 0
