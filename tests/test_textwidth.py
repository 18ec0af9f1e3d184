"""The one way text is wrapped (clustercli.textwidth), and how wide a line may be.

Every wrapped text in clustercli goes through `textwidth.wrap` (or `wrap_lines` and
`for_terminal`, ways in to it): the interview, help, messages, the report, the advisor's
documents. Checked here directly, by example and by property (hypothesis): no line wider than
the room unless it is one word longer than the room, the same words in the same order, no word
broken (at a hyphen neither), list items hanging under their text.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clustercli.textwidth import (
    NARROWEST,
    PROSE_WIDTH,
    TABLE_WIDTH,
    for_terminal,
    prose_room,
    table_room,
    terminal_room,
    width,
    wrap,
    wrap_lines,
)

NBSP = "\u00a0"
# words as people write them: hyphenated, accented, wide (CJK), with a combining accent, and
# now and then one too long for any line
WORD = st.one_of(
    st.text(st.sampled_from("abcdefghij-"), min_size=1, max_size=12).filter(
        lambda w: w.strip("-")),
    st.sampled_from(["self-check", "Zoë", "東京", "Zoe\u0308", "ROM-regio", "e-mail",
                     "x" * 40, f"een{NBSP}woord"]),
)
TEXT = st.lists(WORD, min_size=1, max_size=30).map(" ".join)
MARKER = st.sampled_from(["", "- ", "* ", "• ", "1. ", "12) "])
INDENT = st.sampled_from(["", " ", "  ", "    "])


@given(text=TEXT, marker=MARKER, indent=INDENT, room=st.integers(8, 120))
def test_lines_fit_words_stay_whole_and_in_order(text, marker, indent, room):
    line = indent + marker + text
    lines = wrap(line, room)
    for number, part in enumerate(lines):
        words = _words(part)[1 if number == 0 and marker else 0:]
        assert width(part) <= room or len(words) == 1, (part, room)  # a word too long alone
    assert _words(" ".join(lines)) == _words(line)  # the same words, in the same order
    assert lines == [part.rstrip() for part in lines] or len(lines) == 1


def _words(text: str) -> list[str]:
    return [word for word in text.split(" ") if word]  # a no-break space holds a word


@given(text=TEXT, marker=MARKER, indent=INDENT, room=st.integers(30, 120))
def test_a_list_item_goes_on_under_its_text(text, marker, indent, room):
    lines = wrap(indent + marker + text, room)
    under = " " * width(indent + marker)
    assert lines[0].startswith(indent + marker)
    assert all(part.startswith(under) and part[len(under)] != " " for part in lines[1:])


@given(text=TEXT, room=st.integers(11, 100))
def test_for_terminal_leaves_the_last_column_free(text, room):
    for part in for_terminal(text, room).split("\n"):
        assert width(part) <= room - 1 or " " not in part


def test_breaks_at_spaces_only_never_at_a_hyphen():
    assert wrap("een self-check en nog een self-check", 12) == [
        "een", "self-check", "en nog een", "self-check"]
    assert wrap("twenty-three well-known words", 10) == ["twenty-three", "well-known", "words"]


def test_a_word_longer_than_the_line_stays_whole_on_its_own_line():
    path = "/home/jan/clustercli/antwoorden/bakkerij-zoe-2025.yaml"
    assert wrap(f"Lees {path} opnieuw in", 20) == ["Lees", path, "opnieuw in"]
    assert wrap(f"- {path} en meer", 20) == [f"- {path}", "  en meer"]


@pytest.mark.parametrize("marker", ["- ", "* ", "• ", "1. ", "1) ", "10. "])
def test_every_list_marker_hangs(marker):
    lines = wrap(f"  {marker}aaa bbb ccc ddd eee", 14)
    hang = " " * (2 + len(marker))
    assert lines[0].startswith(f"  {marker}aaa")
    assert all(part.startswith(hang) and not part[len(hang)].isspace() for part in lines[1:])


def test_indent_and_hanging_as_given():
    assert wrap("aaa bbb ccc", 8, "  ", "    ") == ["  aaa", "    bbb", "    ccc"]
    assert wrap("aaa bbb ccc", 8, "  ") == ["  aaa", "  bbb", "  ccc"]  # under its text
    assert wrap("one\ntwo", 80) == ["one", "two"]
    assert wrap("", 80, "Usage: x ") == ["Usage: x"]  # nothing to wrap: no trailing space


def test_a_command_stays_on_one_line_where_it_fits():
    ident = "55555555-5555-4555-8555-555555555555"
    text = f"Ga later verder met: clustercli resume {ident}."
    assert wrap(text, 60) == ["Ga later verder met:", f"clustercli resume {ident}."]
    # too long for any line: broken at its spaces like any other text
    assert wrap(text, 30)[-2:] == ["clustercli resume", f"{ident}."]


def test_widths_in_terminal_cells_and_no_break_space_holds():
    assert wrap("東京 東京 東京", 9) == ["東京 東京", "東京"]  # 4 + 1 + 4 cells
    assert wrap("Zoe\u0308 Zoe\u0308 Zoe\u0308", 7) == ["Zoe\u0308 Zoe\u0308", "Zoe\u0308"]
    assert wrap(f"druk op{NBSP}Enter om door te gaan", 14) == [
        f"druk op{NBSP}Enter", "om door te", "gaan"]


def test_a_line_that_fits_is_left_as_it_is():
    assert wrap("  a  b  ", 80) == ["  a  b  "]
    assert for_terminal("a  b ", 80) == "a  b "
    assert for_terminal("x " * 200, None) == "x " * 200  # not a terminal: unchanged


def test_wrap_lines_goes_on_under_each_line():
    text = "title\n  - aaa bbb ccc\n\n    ddd eee fff"
    assert wrap_lines(text, 12).split("\n") == [
        "title", "  - aaa bbb", "    ccc", "", "    ddd eee", "      fff"]


@pytest.mark.parametrize(("columns", "prose", "table"), [
    ("200", PROSE_WIDTH, TABLE_WIDTH), ("90", 89, TABLE_WIDTH), ("60", 59, 59),
    ("5", NARROWEST, NARROWEST)])
def test_how_wide_a_line_may_be_on_a_terminal(monkeypatch, columns, prose, table):
    monkeypatch.setenv("COLUMNS", columns)
    assert (prose_room(), table_room()) == (prose, table)
    assert terminal_room(PROSE_WIDTH, 81) == 80
