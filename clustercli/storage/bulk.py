"""Reading thousands of records at once (`export`, `stats`) without the cycle collector.

Reading 10,000 records makes about a million small objects (dicts, lists, answers) that all
live until the command ends. Python's cycle collector walks every tracked object again each
time the heap has grown by a quarter, so it walked them all five times over: a third of an
export's time, measured (bench/advisor.py). Records hold no reference cycles, so there is
nothing for it to find; reference counting frees them as ever.

`reading_many` pauses the collector while the records are read, and then freezes what exists
(`gc.freeze`: later collections leave those objects alone) before letting it run again, so the
objects just read are not walked afterwards either. Reference counting still frees every object
the moment it is no longer used; only garbage that forms a cycle and exists when the collector
is paused or frozen waits, until the process ends (a command: moments later).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def reading_many() -> Iterator[None]:
    if not gc.isenabled():  # someone else manages the collector: leave it to them
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()
