"""Stopping on a signal: Ctrl-C or `kill -INT` (SIGINT), `kill` (SIGTERM), a closed terminal
(SIGHUP).

Each ends a run the same way as Ctrl-C at a prompt: one line, no traceback, the answers given so
far saved, and exit 128 + the signal's number (130, 143, 129). `install`, called by
`clustercli.entry` as it is imported (before the heavy imports, so that a signal during start-up
is ours too), puts one handler on all three:

- while the data folder is being changed (`held`: an atomic write, an import's commit, an
  erasure), the signal is only noted, and acted on as the change ends: a save is never cut in
  two, and what was saved is what the user was told; the start-up (the imports, a few hundred
  milliseconds) is held the same way until `begin`, since an exception raised inside the
  import machinery can be swallowed ("Exception ignored in ...") and the signal lost;
- while a prompt is on screen, the prompt's hook (set by `clustercli.prompts`) ends it as
  Ctrl-C does, so that prompt_toolkit gives the terminal back as it found it;
- anywhere else it raises `Stop`, a KeyboardInterrupt, so every path that handles Ctrl-C (the
  interview pauses and says how to continue, the CLI says "Stopped.") handles it too.

The first signal decides the exit code. Once the run is ending (`stopping`: the pause message
or "Stopped." is being written) later ones change nothing, so that a second Ctrl-C cannot turn a
clean stop into a traceback.

This module is imported before anything else, so it imports next to nothing: `_signal`, the C
module behind `signal` that the interpreter has loaded already (`signal` itself would first
import enum: milliseconds in which a Ctrl-C would still end in a traceback).
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: importing typing alone costs milliseconds here
if TYPE_CHECKING:
    import signal
    from collections.abc import Callable
    from types import FrameType
    from typing import NoReturn

    PromptHook = Callable[["Stop"], bool]
else:
    try:
        import _signal as signal
    except ImportError:  # not CPython
        import signal

STOP_SIGNALS: tuple[int, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
SIGINT: int = signal.SIGINT
EXIT_INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report it


class Stop(KeyboardInterrupt):
    """The run was stopped by a signal (`signum`)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _State:
    received: int | None = None  # the first stop signal of this run
    stopping = False  # the run is ending: later signals change nothing
    depth = 0  # how many `held` blocks we are in
    pending: int | None = None  # a signal that came while held
    prompt: PromptHook | None = None  # ends the prompt on screen, if there is one
    starting = False  # installed, and the run has not begun yet (see `begin`)
    installed = False  # our handler is on the stop signals (not in a test's own process)


_state = _State()


def install(*, starting: bool = False) -> None:
    """Our handler on SIGINT, SIGTERM and SIGHUP (unblocked, in case a parent blocked them).
    `starting`: the rest of the start-up (imports) is held too, until `begin`, so that a
    signal in it is acted on where it can be handled rather than in the middle of an import."""
    if starting and not _state.starting:  # held before the handler can run
        _state.starting = True
        _state.depth += 1
    for signum in STOP_SIGNALS:
        signal.signal(signum, _handle)
    _state.installed = True
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


def begin() -> None:
    """The run proper begins: a signal that came during start-up is acted on now."""
    if _state.starting:
        _state.starting = False
        _HELD.__exit__()


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

    def __exit__(self, *exc: object) -> None:
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
    """The run is ending (stopped, or done): signals from now on change nothing. Ignored
    outright where our handler is installed: Python puts the default handlers back as it
    shuts down, and a second SIGHUP then (a terminal closing sends more than one) would kill
    the process after all, and change its exit code."""
    _state.stopping = True
    if _state.installed:
        for signum in STOP_SIGNALS:
            signal.signal(signum, signal.SIG_IGN)


def end(lang: str | None = None) -> NoReturn:
    """End a stopped run: "Stopped." on stderr in `lang` (if it can still be written: after a
    SIGHUP the terminal is gone) and exit 128 + the signal (130 for Ctrl-C)."""
    import sys

    from clustercli.i18n import resolve_language, t

    stopping()
    try:
        sys.stdout.flush()
        sys.stderr.write(t("cli.interrupted", resolve_language(lang)) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    raise SystemExit(exit_code())


def reset() -> None:
    """Forget what this process received (for tests that run the CLI more than once)."""
    _state.received, _state.stopping, _state.pending, _state.depth = None, False, None, 0
    _state.starting = _state.installed = False
