"""Coming up sooner: what the commands that ask questions do before the first question.

Start-up makes some 200,000 objects (the libraries, the CLI, the question set) that live until
the end, and Python's cyclic garbage collector walks them over and over while they are made:
tens of milliseconds before the first question, and a full collection over all of them (some
60 ms here) that would otherwise fall on the first answer. `start`, `resume` and `edit` hold it
back until the first question is on the screen; then what exists is frozen out of its way
(`gc.freeze`) and it runs as usual.
"""

import contextlib
import gc
from collections.abc import Iterator

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
