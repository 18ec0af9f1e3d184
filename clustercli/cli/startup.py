"""Coming up sooner: what the commands that ask questions do before the first question.

The introduction waits for Enter (`wait_for_enter`): it reads the terminal itself, echo off, so
that it is on the screen before the prompt libraries are even imported; they are imported while
it is read (`prepare`), so the first question follows Enter at once.

Start-up makes some 200,000 objects (the libraries, the CLI, the question set) that live until
the end, and Python's cyclic garbage collector walks them over and over while they are made:
tens of milliseconds before the first question, and a full collection over all of them (some
60 ms here) that would otherwise fall on the first answer. `start`, `resume` and `edit` hold it
back until the first question is on the screen; then what exists is frozen out of its way
(`gc.freeze`) and it runs as usual.
"""

import contextlib
import gc
import sys
from collections.abc import Callable, Iterator

_collector = {"paused": False}  # whether `collector_paused` holds it back now


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The collector held back until `collector_back` (the first question on the screen) or
    the end of the command, whichever comes first."""
    if not gc.isenabled():  # someone else's choice: leave it
        yield
        return
    gc.disable()
    _collector["paused"] = True
    try:
        yield
    finally:
        collector_back(freeze=False)


def collector_back(freeze: bool = True) -> None:
    """The collector running again, with what exists frozen out of its way (unless the command
    ended before any question was shown)."""
    if _collector["paused"]:
        _collector["paused"] = False
        if freeze:
            gc.freeze()
        gc.enable()


def wait_for_enter(prepare: Callable[[], object] | None = None) -> None:
    """Until Enter on the terminal (standard input, a terminal in interactive mode), what else
    is typed not shown; `prepare` (imports what comes next) runs first, while the screen is
    read: a key pressed meanwhile waits in the terminal, and a stop signal until it is done
    (an exception raised inside an import can be lost, see clustercli.interrupts). Ctrl-C and
    the stop signals end the wait as they end everything (KeyboardInterrupt); Ctrl-D, the end
    of input, is EOFError."""
    import termios

    from clustercli import interrupts

    fd = sys.stdin.fileno()
    before = termios.tcgetattr(fd)
    quiet = list(before)
    quiet[3] &= ~termios.ECHO  # the local modes: no echo; lines, Ctrl-C and Ctrl-D as ever
    termios.tcsetattr(fd, termios.TCSANOW, quiet)
    try:
        if prepare is not None:
            with interrupts.held():
                prepare()
        line = sys.stdin.readline()
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, before)
    if not line:
        raise EOFError
