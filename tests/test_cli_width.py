"""Tables and text at 60, 80 and 200 columns: no line wider than the terminal, tables within
80 columns, never a cell wrapped or cut without a visible "…", never a word broken; and the
same through a real terminal of 60 columns, which reports its own width."""

from __future__ import annotations

import json
import os
import sys

import pexpect
import pyte
import pytest

from clustercli.i18n import t
from clustercli.tables import Column, fit
from clustercli.textwidth import ELLIPSIS, ellipsize, width, wrap
from tests.test_advisor_support import listing, shipped_answers

WIDTHS = (60, 80, 200)
LONG_CLIENT = "Bakkerij Zoë Van Der Heijden-Oosterhuis B.V."
LONG_RESPONDENT = "Marieke de Vries-Oosterhuis, eigenaar"


@pytest.fixture
def store_of_long_names(cli, tmp_path):
    """Checks with long names, in both languages, finished and not, and a CJK name."""
    made = []
    for index, (client, respondent, lang, level) in enumerate([
            (LONG_CLIENT, LONG_RESPONDENT, "nl", 4), (LONG_CLIENT, "Jan", "en", 2),
            ("Smid & Zonen", "", "nl", 3), ("", "", "en", 5),
            ("東京テクノ株式会社", "山田", "nl", 3)]):
        path = tmp_path / f"answers-{index}.json"
        path.write_text(json.dumps(shipped_answers(level)), encoding="utf-8")
        cli("start", "--answers", str(path), "--client", client, "--respondent", respondent,
            "--lang", lang)
        made.append(listing(cli)[0]["id"])
    partial = {key: value for key, value in shipped_answers(3).items()
               if not key.startswith(("knowledge", "ict", "regional"))}
    path = tmp_path / "partial.json"
    path.write_text(json.dumps(partial), encoding="utf-8")
    cli("start", "--answers", str(path), "--client", LONG_CLIENT, "--respondent", "Piet")
    return made


def _commands(ids: list[str]) -> list[list[str]]:
    return [["list"], ["clients"], ["compare", ids[0], ids[1]], ["compare", ids[0], ids[2]],
            ["stats"], ["delete", ids[0]], ["delete", "--client", LONG_CLIENT],
            ["list", "--client", "Bakkerij Zoe Van der Heijden"]]


def _tables(lines: list[str]) -> list[list[str]]:
    """Each table of the output: its header, its rule and its rows."""
    found = []
    for index, line in enumerate(lines):
        if index and line.strip() and set(line.strip()) <= {"-", " "}:
            rows = []
            for row in lines[index + 1:]:
                if not row.strip() or width(row) > width(line):  # the notes after it
                    break
                rows.append(row)
            found.append([lines[index - 1], line, *rows])
    return found


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_line_fits_and_tables_stay_within_80(cli, store_of_long_names, columns, lang):
    for args in _commands(store_of_long_names):
        result = cli(*args, "--lang", lang, env={"COLUMNS": str(columns)})
        # (messages on stderr are wrapped on a terminal only: see the pseudo-terminal test)
        too_wide = [line for line in result.stdout.splitlines() if width(line) > columns]
        assert too_wide == [], (args, columns)
        tables = _tables(result.stdout.splitlines())
        assert tables or (args[0] == "list" and "--client" in args), args
        for table in tables:
            assert max(width(line) for line in table) <= min(columns, 80), (args, table)


def _columns(rule: str) -> list[tuple[int, int]]:
    spans, start = [], None
    for index, char in enumerate(rule + " "):
        if char == "-" and start is None:
            start = index
        elif char != "-" and start is not None:
            spans.append((start, index))
            start = None
    return spans


@pytest.mark.parametrize("columns", WIDTHS)
def test_list_keeps_ids_whole_and_cuts_names_only_with_an_ellipsis(cli, store_of_long_names,
                                                                   columns):
    rows = {row["id"]: row for row in listing(cli)}
    ascii_rows = {key: row for key, row in rows.items() if row["client"].isascii()
                  or "Zoë" in row["client"]}
    for lang in ("nl", "en"):
        lines = cli("list", "--lang", lang, env={"COLUMNS": str(columns)}).stdout.splitlines()
        spans = _columns(lines[1])
        header = [lines[0][a:b].strip() for a, b in spans]
        assert header[0] == "id"
        for line in lines[2:]:
            cells = [line[a:b].strip() for a, b in spans]
            row = rows[cells[0]]  # the id, whole
            if row["id"] not in ascii_rows or len(cells) < 2:
                continue
            shown = cells[1]
            whole = row["client"] or "-"
            if header[1] == t("cli.list.col_client_respondent", lang) and row["respondent"]:
                whole = f"{whole} ({row['respondent']})"
            if shown != whole:
                assert ELLIPSIS in shown, (shown, whole)
                for part in shown.replace(" (", ELLIPSIS).split(ELLIPSIS):
                    assert part.strip(" )") in whole, (shown, whole)


def test_the_list_shows_more_where_there_is_room(cli, store_of_long_names):
    narrow = cli("list", "--lang", "en", env={"COLUMNS": "60"}).stdout.splitlines()[0].split()
    wide = cli("list", "--lang", "en", env={"COLUMNS": "200"}).stdout.splitlines()[0].split()
    assert narrow == ["id", "client", "status"]
    assert "updated" in wide and len(wide) > len(narrow)


@pytest.mark.parametrize("columns", WIDTHS)
def test_sentences_are_wrapped_whole(cli, store_of_long_names, columns):
    first, second = store_of_long_names[:2]
    for lang in ("nl", "en"):
        text = cli("compare", first, second, "--lang", lang, env={"COLUMNS": str(columns)})
        flat = " ".join(text.stdout.split())
        assert t("advisor.compare.discuss_why", lang) in flat
        assert t("advisor.compare.rounding", lang) in flat
        stats = cli("stats", "--lang", lang, env={"COLUMNS": str(columns)}).stdout
        assert t("advisor.stats.own_note", lang) in " ".join(stats.split())
        assert max(width(line) for line in stats.splitlines()) <= min(columns, 100)


@pytest.mark.parametrize("columns", WIDTHS)
def test_questions_show_wraps_each_line_under_itself(cli, columns):
    for lang in ("nl", "en"):
        result = cli("questions", "show", "--lang", lang, env={"COLUMNS": str(columns)})
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert max(width(line) for line in lines) <= min(columns - 1, 100)
        flat = " ".join(result.stdout.split())
        assert t("questions.show.reversed", lang) in flat


def test_fit_takes_the_first_layout_that_fits_and_marks_every_cut():
    names = Column("name", ["Bakkerij Zoë Van Der Heijden", "Smid"], least=8)
    numbers = Column("n", ["1", "22"])
    extra = Column("more", ["x" * 30, "y"])
    assert fit([[names, numbers, extra], [names, numbers]], 200) == [
        "name                          n   more", "----------------------------  --  " + "-" * 30,
        "Bakkerij Zoë Van Der Heijden  1   " + "x" * 30, "Smid                          22  y"]
    lines = fit([[names, numbers, extra], [names, numbers]], 20)
    assert lines == ["name              n", "----------------  --",
                     "Bakkerij Zoë Va…  1", "Smid              22"]
    assert max(map(width, lines)) <= 20
    # no layout fits: the last one at its narrowest, still cut only with "…"
    assert fit([[names, numbers]], 5)[2] == "Bakkeri…  1"


def test_widths_as_a_terminal_counts_them():
    assert width("東京") == 4 and width("Zoë") == 3 and width("Zoe\u0308") == 3
    assert ellipsize("東京テクノ", 5) == "東京…" and width(ellipsize("東京テクノ", 5)) <= 5
    assert ellipsize("short", 5) == "short" and ellipsize("longer", 5) == "long…"


def test_wrap_breaks_at_spaces_only():
    text = "a self-check of twenty-three well-known words and CLUSTERCLI_HOME as it is"
    for room in (10, 20, 33):
        lines = wrap(text, room, "  ", "    ")
        assert " ".join(" ".join(lines).split()) == text
        assert all(width(line) <= room or " " not in line.strip() for line in lines)
    assert wrap("one\ntwo", 80) == ["one", "two"]


@pytest.mark.slow
@pytest.mark.parametrize(("args", "code"), [
    (["list"], 0), (["--help"], 0), (["start", "--help"], 0), (["clients"], 0),
    (["compare", "--lang", "en"], 2), (["show", "no-such-self-check"], 2),
    (["list", "--client", "Bakkerij Zoë Van der Heijden-Oosterhuis BV"], 0)])
def test_a_real_terminal_of_60_columns(cli, store_of_long_names, args, code, tmp_path):
    """Through a pseudo-terminal that reports 60 columns (no COLUMNS set): what the screen
    shows is what was written, line for line; no line was wrapped by the terminal, the
    messages on stderr included."""
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    child = pexpect.spawn(sys.executable, ["-m", "clustercli", *args], env=env,
                          encoding="utf-8", dimensions=(200, 60), timeout=30)
    child.delaybeforesend = None
    output = child.read()
    child.close()
    assert child.exitstatus == code, output
    screen = pyte.Screen(60, 200)
    stream = pyte.Stream(screen)
    stream.feed(output.replace("\r\n", "\n").replace("\n", "\r\n"))
    written = [line for line in output.replace("\r\n", "\n").split("\n")]
    shown = [line.rstrip() for line in screen.display]
    assert all(width(line) < 60 for line in written), written  # the last column unused
    assert shown[:len(written)] == [line.rstrip() for line in written]
