"""The report fits the terminal it is shown on: 60, 80 and 200 columns (issue 14, point 5).

Every rendering on a terminal wraps at word boundaries to the terminal's width, and prose never
runs wider than `textwidth.PROSE_WIDTH` (100) however wide the terminal is. Checked:
- plain text (`--plain`, NO_COLOR, a pipe), in-process with COLUMNS set: no line wider than the
  terminal (or 100), the same words in the same order as the unwrapped text (so no word is
  broken: "self-c|heck" would be two words), a `clustercli` command never split over lines;
- rich on a terminal, in-process: no line wider, every word of the report's texts whole;
- through a real pseudo-terminal (slow): `show` in rich and with NO_COLOR writes no line wider
  than the terminal at 60, 80 and 200 columns, in Dutch and English, so the terminal itself
  never has to break a line (and a word) either.
"""

from __future__ import annotations

import io
import os
import re
import sys

import pytest

from clustercli.render.plain import render_plain
from clustercli.render.terminal import show
from clustercli.report import build_report
from clustercli.report.sections import SECTIONS, SHORT
from clustercli.textwidth import PROSE_WIDTH, wrap
from tests.test_report_cases import CASES, everything_at_once, shipped, unfinished

WIDTHS = (60, 80, 200)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
ALL = {**CASES, "unfinished": unfinished, "everything-at-once": everything_at_once}


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _report(name: str, lang: str):
    make = ALL[name]
    return build_report(make(), shipped(), lang, with_notes=True)


def _limit(columns: int) -> int:
    return min(columns, PROSE_WIDTH)


def test_wrap_breaks_at_spaces_only():
    line = "- Doe deze zelftest over een half jaar opnieuw, en kijk wat er veranderd is."
    assert wrap(line, 200) == [line]
    lines = wrap(line, 30)
    assert all(len(part) <= 30 for part in lines)
    assert all(part.startswith("  ") for part in lines[1:])  # under the text, not the dash
    assert " ".join(" ".join(lines).split()) == line
    assert wrap("een self-check en nog een self-check", 12) == [
        "een", "self-check", "en nog een", "self-check"]  # never "self-" | "check"
    command = "Ga verder met: clustercli resume 55555555-5555-4555-8555-555555555555."
    assert wrap(command, 60)[-1] == "clustercli resume 55555555-5555-4555-8555-555555555555."
    long = "x" * 70
    assert wrap(long, 60) == [long]  # a word longer than a line stays whole
    assert wrap(f"- {long} en meer", 60) == [f"- {long}", "  en meer"]


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", sorted(ALL))
def test_plain_text_fits_and_breaks_no_word(monkeypatch, name, lang, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    report = _report(name, lang)
    for sections in (SHORT, SECTIONS):
        stream = io.StringIO()  # a pipe: plain text, as wide as COLUMNS says (at most 100)
        show(report, stream, sections=sections)
        out = stream.getvalue()
        assert max(len(line) for line in out.splitlines()) <= _limit(columns)
        unwrapped = render_plain(report, sections, 10_000)
        assert out.split() == unwrapped.split()  # the same words: none broken, none cut
        assert "…" not in out
        for command in re.findall(r"clustercli resume \S+", unwrapped):
            assert command in out  # on one line


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_rich_fits_and_breaks_no_word(monkeypatch, lang, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    report = _report("everything-at-once", lang)
    stream = Terminal()
    show(report, stream)
    out = ANSI.sub("", stream.getvalue())
    assert "█" in out  # the rich form
    assert max(len(line) for line in out.splitlines()) <= _limit(columns)
    words = set(out.split())
    texts = [a.step for a in report.actions] + [a.why for a in report.actions]
    texts += [o.reason for o in report.organisations] + [m.figure for m in report.mirror]
    for text in texts:
        for word in text.split():
            assert word.strip("()") in words or word in words, word


@pytest.mark.slow
@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize(("lang", "no_color"), [("nl", False), ("en", True)])
def test_show_on_a_real_terminal_writes_no_line_wider_than_it(tmp_path, lang, no_color,
                                                               columns):
    import pexpect

    from clustercli.storage import open_store
    from tests.test_report_cli import stored

    home = tmp_path / "home"
    ident = stored(everything_at_once(lang), open_store(home))
    env = dict(os.environ, TERM="xterm-256color", CLUSTERCLI_HOME=str(home))
    env.pop("COLUMNS", None)
    env.pop("NO_COLOR", None)
    if no_color:
        env["NO_COLOR"] = "1"
    child = pexpect.spawn(sys.executable, ["-m", "clustercli", "show", ident], env=env,
                          encoding="utf-8", dimensions=(50, columns), timeout=30)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    lines = ANSI.sub("", child.before).replace("\r\n", "\n").split("\n")
    assert max(len(line) for line in lines) <= _limit(columns)
    assert ("█" in child.before) is not no_color
    assert any(action.step.split()[0] in child.before
               for action in build_report(everything_at_once(lang), shipped(), lang).actions)
