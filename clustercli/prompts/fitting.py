"""What a prompt needs to fit the terminal: texts wrapped at word boundaries, and lists that
fit its height, each entry on one line.

A terminal breaks a line that is too long wherever the edge falls ("self-c|heck"), and
prompt_toolkit silently cuts what is taller than the screen: on an 80×24 terminal the sector
question showed 21 of its 24 sectors, with nothing telling that the list went on. So:

- the question line, the line above a prompt and the hint line are wrapped at spaces to the
  width of the terminal before they are drawn (`message`, `wrapped`);
- a list entry that is too wide is cut with "…", never silently (`_cut`);
- a list taller than the room it has shows a window of its entries around the pointer, with a
  line above and below saying how many more there are ("↑ 3 more above", "↓ 5 more below"),
  moving with the pointer (`fit_list`). The room is what the terminal's height leaves after
  the lines around the list, worked out each time it is drawn (a resize counts).
"""

from __future__ import annotations

from collections.abc import Callable

from prompt_toolkit.application import get_app_or_none, get_app_session
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.layout.containers import Container
from prompt_toolkit.layout.controls import FormattedTextControl

from clustercli import textwidth
from clustercli.i18n import t

CURSOR = "[SetCursorPosition]"  # questionary's marker of the pointed entry


def size() -> tuple[int, int]:
    """(rows, columns) of the terminal the current prompt draws on."""
    app = get_app_or_none()
    output = app.output if app is not None else get_app_session().output
    found = output.get_size()
    return found.rows, found.columns


NBSP = "\u00a0"  # holds two words together when wrapping (a key and what it does)


def wrapped(text: str, width: int | None = None) -> str:
    """`text` wrapped at spaces to the terminal (or `width` columns); one cell to spare at
    the edge. No-break spaces hold words together, then become plain ones: prompt_toolkit
    would draw them underlined."""
    return textwidth.for_terminal(text, width or size()[1], prose=10_000).replace(NBSP, " ")


def height(text: str) -> int:
    """Lines a text wrapped by `wrapped` takes."""
    return text.count("\n") + 1 if text else 0


def message(text: str, instruction: str, width: int | None = None) -> tuple[str, str]:
    """A question as questionary shows it, "? <message> <instruction>", wrapped at spaces:
    the message and the instruction that give that (with line breaks); the instruction goes
    on a line of its own when it does not fit after the last line of the question."""
    columns = width or size()[1]
    shown = textwidth.for_terminal("? " + " ".join(text.split()), columns, prose=10_000)[2:]
    if not instruction:
        return shown, instruction
    last = shown.rsplit("\n", 1)[-1]
    if textwidth.width(last) + 4 + textwidth.width(instruction) <= columns - 1:
        return shown, instruction
    # on its own line, after questionary's " " that follows the message
    wrapped = textwidth.for_terminal(instruction, columns - 1, prose=10_000)
    return shown + "\n", wrapped.replace("\n", "\n ")


def message_height(text: str, instruction: str, width: int) -> int:
    """Lines the question line takes, as `message` wraps it."""
    shown, said = message(text, instruction, width)
    return height(shown) + said.count("\n")


def _cut(line: StyleAndTextTuples, width: int) -> StyleAndTextTuples:
    """One list entry within `width` cells, ending in "…" where it was cut."""
    if sum(textwidth.width(text) for _, text, *_ in line) <= width:
        return line
    kept: StyleAndTextTuples = []
    used = 0
    for fragment in line:
        style, text = fragment[0], fragment[1]
        size_ = textwidth.width(text)
        if style == CURSOR or used + size_ <= width - 1:
            kept.append(fragment)
            used += 0 if style == CURSOR else size_
            continue
        kept.append((style, textwidth.head(text, width - 1 - used).rstrip()))
        kept.append(("class:instruction", textwidth.ELLIPSIS))
        break
    return kept


def _split(tokens: StyleAndTextTuples) -> list[StyleAndTextTuples]:
    """The entries of a list, one per line."""
    result: list[StyleAndTextTuples] = [[]]
    for style, text, *rest in tokens:
        parts = text.split("\n")
        for index, part in enumerate(parts):
            if index:
                result.append([])
            if part or style == CURSOR:
                result[-1].append((style, part, *rest))  # type: ignore[arg-type]
    return result


def window(count: int, pointed: int, room: int, top: int) -> tuple[int, int, bool, bool]:
    """(first entry shown, how many, whether a "more above" line and a "more below" line are
    shown) for `count` entries in `room` lines: the pointer stays in view, and the window
    moves only when it must (from `top`, where it was). On a terminal too low for both
    "more" lines, the one below goes first, then both."""
    if count <= room:
        return 0, count, False, False
    shown = max(1, room - 2)
    top = max(0, min(top, pointed, count - shown))
    if pointed >= top + shown:
        top = pointed - shown + 1
    if top == 0:
        shown = max(1, room - 1)
    elif top + shown >= count:
        shown = max(1, room - 1)
        top = count - shown
    up, down = top > 0, top + shown < count
    if shown + up + down > room:  # fewer than three lines: the pointer's entry first
        up, down = (False, down) if room >= 2 and down else (up and room >= 2, False)
    return top, shown, up, down


def fit_list(control: FormattedTextControl, pointed: Callable[[], int], lang: str,
             root: Callable[[], Container]) -> None:
    """Make the list in `control` fit: each entry cut to the width, and a window of entries
    with "more" lines when they do not all fit in the rows the rest of the prompt (`root`,
    its whole layout) leaves. The rest is measured by drawing the layout with this list
    empty: whatever the prompt holds around it (a wrapped question, a refusal, the hint)."""
    entries_of = control.text
    state = {"top": 0, "measuring": False}

    def around(rows: int, columns: int) -> int:
        state["measuring"] = True
        try:  # the empty list still takes its one line
            return root().preferred_height(columns, rows).preferred - 1
        finally:
            state["measuring"] = False

    def fitted() -> StyleAndTextTuples:
        if state["measuring"]:
            return []
        tokens = entries_of() if callable(entries_of) else entries_of
        rows, columns = size()
        entries = _split(tokens)  # type: ignore[arg-type]
        room = max(1, rows - around(rows, columns))
        top, shown, up, down = window(len(entries), min(pointed(), len(entries) - 1), room,
                                      state["top"])
        state["top"] = top
        result: StyleAndTextTuples = []
        if up:
            result.append(("class:instruction",
                           "   " + t("prompts.more_above", lang, count=top) + "\n"))
        for index, entry in enumerate(entries[top:top + shown]):
            if index:
                result.append(("", "\n"))
            result += _cut(entry, columns - 1)
        below = len(entries) - top - shown
        if down:
            result.append(("class:instruction",
                           "\n   " + t("prompts.more_below", lang, count=below)))
        return result

    control.text = fitted
