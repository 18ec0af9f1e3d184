"""The review in two levels, each cut into pages that fit the terminal.

The overview lists the parts (a dimension, or a page of a long one) and "Afronden"; a part lists
its answers, one line each, and a way back. A list taller than the terminal would be cut at the
bottom by prompt_toolkit, hiding "Afronden" or the hint, so both levels count the lines they need
(a long title or hint wraps) and page when they must: the overview with a "more parts" entry that
goes round, and "Afronden" on every page of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import questionary

from clustercli.engine.driver import Change, ReviewItem, ReviewSection, Special
from clustercli.i18n import pick, t
from clustercli.prompts import fitting
from clustercli.textwidth import cut as cut_line
from clustercli.textwidth import width as cells

MORE = "review:more"  # the overview's entry to its next page
QUESTION_ROOM = 5  # what a line keeps of its question beside a very long answer ("Whic…")
POINTER_ROOM = 4  # " » " before each entry of a list

# (message, choices, value pointed at, instruction) -> the value chosen or a Special
Pick = Callable[[str, list[questionary.Choice], Any, str], Any]
Part = tuple[str, tuple[ReviewItem, ...]]


def run(choose: Pick, sections: list[ReviewSection], lang: str, rows: int, columns: int,
        hint: str) -> Change | Special:
    parts = split(sections, lang, rows, columns, hint)
    pages = overview_pages(len(parts), lang, rows, columns, hint)
    width = columns - POINTER_ROOM
    page = 0
    pointed: int | str | Special = Special.FINISH  # what the pointer is on: a part, MORE, or finish
    while True:
        choices = [questionary.Choice(cut(parts[index][0], width), value=index)
                   for index in pages[page]]
        following = (page + 1) % len(pages)
        if len(pages) > 1:
            choices.append(questionary.Choice(t("prompts.review_more", lang, page=following + 1,
                                                pages=len(pages)), value=MORE))
        choices.append(questionary.Choice(t("prompts.review_finish", lang),
                                          value=Special.FINISH))
        picked = choose(_overview_title(lang, page, len(pages)), choices, pointed,
                        t("prompts.review_instruction", lang))
        if picked == MORE:
            page, pointed = following, MORE  # Enter again turns the next page
            continue
        if isinstance(picked, Special):
            return picked
        pointed = picked
        title, items = parts[picked]
        answers = [questionary.Choice(fit(pick(item.question.text, lang), item.answer, width,
                                          " ✎" if item.note else ""),
                                      value=Change(item.question.id)) for item in items]
        answers.append(questionary.Choice(t("prompts.review_to_overview", lang),
                                          value=Special.BACK))
        chosen: Change | Special = choose(title, answers, None, t("prompts.review_pick", lang))
        if chosen is not Special.BACK:
            return chosen


def _overview_title(lang: str, page: int, pages: int) -> str:
    if pages == 1:
        return t("prompts.review_title", lang)
    return t("prompts.review_title_page", lang, page=page + 1, pages=pages)


def lines(text: str, columns: int) -> int:
    """Terminal lines `text` takes, wrapped at word boundaries as the prompts wrap it."""
    return fitting.height(fitting.wrapped(text, columns))


def _message_lines(message: str, instruction: str, columns: int) -> int:
    return fitting.message_height(message, instruction, columns)  # as the prompt shows it


def split(sections: list[ReviewSection], lang: str, rows: int, columns: int,
          hint: str) -> list[Part]:
    """(title, items) per part of the review; a long dimension becomes several pages."""
    parts: list[Part] = []
    for section in sections:
        count = len(section.items)
        longest = t("prompts.review_page", lang, title=section.title, page=count, pages=count,
                    count=count)
        around = _message_lines(longest, t("prompts.review_pick", lang), columns) + 1 + \
            lines(hint, columns)  # the title, "back to the overview", the hint
        size = _even(count, max(1, rows - around))
        chunks = [section.items[i:i + size] for i in range(0, count, size)]
        for number, chunk in enumerate(chunks, 1):
            title = t("prompts.review_part", lang, title=section.title, count=len(chunk))
            if len(chunks) > 1:
                title = t("prompts.review_page", lang, title=section.title, page=number,
                          pages=len(chunks), count=len(chunk))
            parts.append((title, chunk))
    return parts


def overview_pages(count: int, lang: str, rows: int, columns: int,
                   hint: str) -> list[list[int]]:
    """The parts' numbers on each page of the overview; "Afronden" goes on every page."""
    instruction, below = t("prompts.review_instruction", lang), lines(hint, columns)
    whole = _message_lines(t("prompts.review_title", lang), instruction, columns) + 1 + below
    if count + whole <= rows:
        return [list(range(count))]
    paged = t("prompts.review_title_page", lang, page=count, pages=count)
    size = _even(count, max(1, rows - _message_lines(paged, instruction, columns) - 2 - below))
    return [list(range(start, min(start + size, count))) for start in range(0, count, size)]


def _even(count: int, most: int) -> int:
    """Page size for `count` entries at most `most` a page, as even as can be: 5 + 5, not 9 + 1."""
    pages = -(-count // most)
    return -(-count // pages) if count else most


def cut(text: str, width: int) -> str:
    """One line: a list entry taller than it looks would push the top off the screen."""
    return cut_line(text, width)


def fit(question: str, answer: str, width: int, mark: str = "") -> str:
    """"question — answer" on one line: the question gives way, down to its first few letters
    and "…", since the answer is what the user checks; only an answer too wide for the line
    with those letters is cut too (open the entry to see it whole)."""
    question, answer = " ".join(question.split()), " ".join(answer.split())
    tail = f" — {answer}{mark}"
    if cells(question) + cells(tail) <= width:
        return question + tail
    keep = min(cells(question), QUESTION_ROOM)
    if width - cells(tail) >= keep:
        return cut(question, width - cells(tail)) + tail
    room = width - keep - cells(" — ") - cells(mark)
    return f"{cut(question, keep)} — {cut(answer, max(1, room))}{mark}"
