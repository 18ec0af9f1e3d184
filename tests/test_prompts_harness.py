"""Harness (no tests here): playing the terminal interview on keys sent through a pipe.

The driver runs in a thread with a deadline: a test whose keys run out would otherwise wait
forever. The pipe is closed once the keys are sent, so running out is end of input (a pause),
and the deadline only catches a prompt that ignores even that.

Keys sent at once are all handled before the screen is next drawn, so a test that looks at the
screen (`see=True`) sends them one argument at a time, each once the screen has settled after
the one before, like a person would. Such a test also learns how tall each prompt wanted to be
(`tallest`), to check it against the terminal's height.
"""

from __future__ import annotations

import io
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output
from prompt_toolkit.renderer import Renderer

from clustercli.engine import session as sessions
from clustercli.engine.driver import Paused, run
from clustercli.prompts.ui import TerminalUI
from clustercli.questionset.loader import load
from clustercli.records import Assessment
from clustercli.storage.memory import MemoryStore
from tests.conftest import VALID_SET

ENTER, SPACE = "\r", " "
UP, DOWN, LEFT = "\x1b[A", "\x1b[B", "\x1b[D"
CTRL_C, CTRL_D, CTRL_G, CTRL_N = "\x03", "\x04", "\x07", "\x0e"
CTRL_P, CTRL_T, CTRL_U = "\x10", "\x14", "\x15"
ESC = "\x1b"

# The valid set's questions, answered in order (English): ict, yes, market_position, 4, 2,
# weekly, 12, "all fine".
TO_REVIEW = [ENTER, "y", SPACE + ENTER, DOWN * 3 + ENTER, DOWN + ENTER, DOWN * 2 + ENTER,
             CTRL_U + "12" + ENTER, "all fine" + ENTER]
EXPECTED = {"sector": "ict", "cooperates": True, "motives": ["market_position"], "trust_1": 4,
            "trust_2": 2, "trust_3": "weekly", "employees": 12, "remarks": "all fine"}
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")


@dataclass
class Played:
    record: Assessment
    finished: bool
    notices: list[str] = field(default_factory=list)
    screen: str = ""  # what was drawn, without escape codes (only with see=True)
    tallest: int = 0  # the most lines a prompt wanted while being answered (only with see=True)


class RecordingUI(TerminalUI):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.notices: list[str] = []

    def notice(self, text: str) -> None:
        self.notices.append(text)
        super().notice(text)


def play(*keys: str, lang: str = "en", notes: bool = False, qset_path: Path = VALID_SET,
         see: bool = False, rows: int = 40, columns: int = 100,
         at_review_of: dict | None = None) -> Played:
    """Run the interview on `keys`; `at_review_of`: answers stored first, start at the review."""
    store = MemoryStore()
    session = sessions.start(store, load(qset_path), lang, client="Bakkerij" if notes else "")
    for question_id, value in (at_review_of or {}).items():
        session.answer(session.qset.question(question_id), value)
    drawn = io.StringIO()
    outcome: dict[str, object] = {}
    heights = [0]
    render = Renderer.render

    def measured(self, app, layout, is_done=False):
        # prompt_toolkit cuts a prompt taller than the terminal, so ask the layout itself.
        if not is_done:
            size = self.output.get_size()
            heights.append(layout.container.preferred_height(size.columns, size.rows).preferred)
        return render(self, app, layout, is_done)

    def settle(before: int) -> None:
        """Wait until something new was drawn and nothing more for a moment (at most 1 s)."""
        deadline, last, quiet = time.monotonic() + 1, before, time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.01)
            size = len(drawn.getvalue())
            if size != last:
                last, quiet = size, time.monotonic()
            elif size > before and time.monotonic() - quiet > 0.03:
                return

    def typist(pipe) -> None:
        settle(0)
        for group in keys:
            before = len(drawn.getvalue())
            pipe.send_text(group)
            settle(before)
        pipe.close()

    def interview() -> None:
        with create_pipe_input() as pipe:
            if see:
                threading.Thread(target=typist, args=(pipe,), daemon=True).start()
            else:
                pipe.send_text("".join(keys))
                pipe.close()
            output = Vt100_Output(drawn, lambda: Size(rows=rows, columns=columns),
                                  term="xterm-256color") if see else DummyOutput()
            ui = RecordingUI(input=pipe, output=output)
            outcome["ui"] = ui
            try:
                run(session, ui, notes=notes, start_at_review=at_review_of is not None)
                outcome["finished"] = True
            except Paused:
                outcome["finished"] = False
            except BaseException as error:  # re-raised in the test's thread
                outcome["error"] = error

    thread = threading.Thread(target=interview, daemon=True)
    Renderer.render = measured  # type: ignore[method-assign]
    try:
        thread.start()
        thread.join(timeout=20)
    finally:
        Renderer.render = render  # type: ignore[method-assign]
    assert not thread.is_alive(), "the interview hung waiting for keys"
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    ui = outcome["ui"]
    return Played(store.load(session.id), bool(outcome["finished"]), ui.notices,  # type: ignore[attr-defined]
                  _ANSI.sub("", drawn.getvalue()), max(heights))
