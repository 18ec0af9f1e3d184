"""Harness (no tests here): clustercli in a real pseudo-terminal, its output fed into a pyte
screen of the same size, so that a test reads exactly what a person sees at 80×24 (or 60×24).

TERM=xterm-256color, or prompt_toolkit would not draw (and TERM=dumb means plain mode);
PROMPT_TOOLKIT_NO_CPR=1, or every prompt would first wait for the terminal to say where the
cursor is; `delaybeforesend = None`, or pexpect would sleep before every key.
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
import time
from pathlib import Path

import pexpect
import pyte

ENTER, SPACE, UP, DOWN = "\r", " ", "\x1b[A", "\x1b[B"
CTRL = {"c": "\x03", "d": "\x04", "p": "\x10"}


class Terminal:
    """One run of `python -m clustercli ARGS` on a terminal of `rows` × `columns`."""

    def __init__(self, home: Path, *args: str, lang: str = "nl", rows: int = 24,
                 columns: int = 80, env: dict[str, str] | None = None) -> None:
        environment = dict(os.environ, TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1",
                           CLUSTERCLI_HOME=str(home), CLUSTERCLI_LANG=lang, **(env or {}))
        environment.pop("NO_COLOR", None)
        environment.pop("COLUMNS", None)
        environment.pop("LINES", None)
        self.rows, self.columns = rows, columns
        self.child = pexpect.spawn(sys.executable, ["-m", "clustercli", *args], env=environment,
                                   dimensions=(rows, columns), timeout=20)
        self.child.delaybeforesend = None
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.seen: list[str] = []  # every screen looked at, to check each one's lines

    def _pump(self, wait: float) -> str:
        """Feed what the program wrote to the screen: "data", "quiet" (nothing within
        `wait`) or "ended"."""
        try:
            data = self.child.read_nonblocking(65536, timeout=wait)
        except pexpect.TIMEOUT:
            return "quiet"
        except pexpect.EOF:
            return "ended"
        self.stream.feed(data)
        return "data"

    @property
    def text(self) -> str:
        """The screen, a no-break space read as a space."""
        return "\n".join(self.screen.display).replace("\u00a0", " ")

    def wait_for(self, *texts: str, timeout: float = 20) -> str:
        """Until every one of `texts` is on the screen (and the screen is quiet a moment)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self._pump(0.05)
            if all(text in self.text for text in texts):
                while self._pump(0.1) == "data" and time.monotonic() < deadline:
                    pass  # settle: the rest of the frame
                if all(text in self.text for text in texts):
                    self.seen.append(self.text)
                    return self.text
            if state == "ended":
                break
        raise AssertionError(f"not on the screen: {texts}\n---\n{self.text}")

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def signal(self, signum: int = signal.SIGTERM) -> None:
        self.child.kill(signum)

    def end(self, timeout: float = 20) -> int:
        """Wait for the program to end; its exit code (or 128 + the signal that ended it)."""
        deadline = time.monotonic() + timeout
        while self._pump(0.05) != "ended":
            assert time.monotonic() < deadline, f"still running:\n{self.text}"
        self.child.wait()  # all output read: reap it rather than have close() hang it up
        self.child.close()
        self.seen.append(self.text)
        if self.child.signalstatus is not None:
            return 128 + self.child.signalstatus
        return self.child.exitstatus


def broken_words(screen: str) -> list[str]:
    """Places where a word runs over the right edge into the next line ("self-c|heck"): a
    row ending in a letter or digit in its last column, and the next row going on with one.
    Everything clustercli wraps leaves the last column free, so only a hard wrap of the
    terminal puts a letter there."""
    rows = screen.split("\n")
    found = []
    for row, following in itertools.pairwise(rows):
        if row and following and row[-1].isalnum() and following[0].isalnum():
            found.append(f"{row[-20:]}|{following[:20]}")
    return found
