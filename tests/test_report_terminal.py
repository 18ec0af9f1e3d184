"""The report on the terminal: rich with and without colour, and plain text.

Plain text must hold no escape code at all and no bar characters (a screen reader reads those
out); it says each score in words. The choice between them follows --plain, NO_COLOR, TERM=dumb
and whether the output is a terminal.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys

import pytest
from rich.console import Console

from clustercli.render.rich_report import BAR_WIDTH, bar
from clustercli.render.terminal import print_rich, render_plain, show, use_plain
from clustercli.report import build_report
from clustercli.report.sections import SECTIONS
from tests.test_report_cases import CASES, flat, many_unknowns, shipped, win_win_knelpunt

ESCAPE = "\x1b"
BAR_CHARS = re.compile("[█░│]")


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _report(make=win_win_knelpunt, lang="nl", notes=False):
    return build_report(make(), shipped(), lang, with_notes=notes)


def _rich(report, **options) -> str:
    stream = io.StringIO()
    print_rich(report, Console(file=stream, width=100, **options))
    return stream.getvalue()


def test_bar_marks_the_thresholds_and_fills_by_score():
    assert bar(None, (50, 75)) == ""
    assert bar(50, (50, 75)) == "█" * 10 + "│" + "░" * 4 + "│" + "░" * 4
    assert bar(100, (50, 75)) == "█" * BAR_WIDTH
    assert bar(0, (50, 75)).count("█") == 0 and len(bar(0, (50, 75))) == BAR_WIDTH


def test_rich_in_colour_has_bars_coloured_by_band():
    out = _rich(_report(), force_terminal=True, color_system="standard")
    assert ESCAPE in out and "█" in out
    # win-win is a knelpunt (red), motivation sterk (green)
    assert re.search(r"\x1b\[31m█+", out) and re.search(r"\x1b\[32m█+", out)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "Basis opbouwen" in plain and "Wat u nu het best kunt doen" in plain and "╭" in plain


def test_rich_without_a_terminal_writes_no_escape_codes():
    out = _rich(_report())
    assert ESCAPE not in out
    assert "█" in out and "Voordeel voor alle partners" in out


@pytest.mark.parametrize("name", sorted(CASES))
def test_plain_text_has_no_escape_codes_and_no_bars(name):
    report = _report(CASES[name], "nl")
    out = render_plain(report)
    assert ESCAPE not in out and not BAR_CHARS.search(out)
    for dim in report.dimensions:
        if dim.shown is None:
            assert f"{dim.title}: onvoldoende gegevens (" in out
        else:
            assert f"{dim.title}: {dim.shown} van 100, {dim.band_label}" in out


def test_plain_text_says_everything_the_short_report_holds():
    report = _report(many_unknowns, "en", notes=True)
    out = flat(render_plain(report))
    assert report.level is None and report.level_note in out  # too few answers for a level
    assert all(f"{a.step} Why: {a.why}" in out for a in report.actions)
    assert all(o.name in out and o.reason in out for o in report.organisations)
    assert all(m.figure in out and m.position in out for m in report.mirror)
    assert "2001" in out and "2000" in out  # the study's year and the era of its figures
    assert report.disclaimer in out and "Works with a supplier in Antwerp." in out
    assert "Works with a supplier" not in render_plain(_report(many_unknowns, "en"))
    # the long explanation per area and the other advice: only with the details
    assert not any(a.text in out for a in report.advice)
    assert "These answers cost the most points" not in out
    detailed = flat(render_plain(report, SECTIONS))
    assert all(a.text in detailed for a in report.advice)
    assert report.weakest and "These answers cost the most points" in detailed


@pytest.mark.parametrize(("env", "flag", "stream", "plain"), [
    ({}, False, FakeTerminal(), False),
    ({}, True, FakeTerminal(), True),
    ({"NO_COLOR": "1"}, False, FakeTerminal(), True),
    ({"TERM": "dumb"}, False, FakeTerminal(), True),
    ({}, False, io.StringIO(), True),  # a pipe or a file
])
def test_when_plain_text_is_used(monkeypatch, env, flag, stream, plain):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert use_plain(stream, flag) is plain
    show(_report(), stream, plain=flag)
    out = stream.getvalue()
    assert (BAR_CHARS.search(out) is None) is plain
    if plain:
        assert ESCAPE not in out


@pytest.mark.slow
def test_plain_text_does_not_load_rich():
    probe = ("import sys, io\n"
             "from clustercli.render.terminal import show\n"
             "from clustercli.report import build_report\n"
             "from tests.test_report_cases import shipped, win_win_knelpunt\n"
             "show(build_report(win_win_knelpunt(), shipped(), 'nl'), io.StringIO())\n"
             "print('rich' in sys.modules)\n")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"
