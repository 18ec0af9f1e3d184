"""Which key does what in the interview, as data: the chords, the single keys of lists, how
each is written for the user, and the table the introduction shows.

Kept apart from `keys` (which binds them into prompt_toolkit) so that the introduction can show
the keys before the prompt libraries are imported: it is on the screen while they load.
"""

from __future__ import annotations

from clustercli.engine.driver import Special
from clustercli.i18n import t

CHORDS = {Special.BACK: "c-t", Special.HELP: "c-g", Special.PAUSE: "c-p", Special.NOTE: "c-n"}
LIST_KEYS = {Special.BACK: ("left", "<"), Special.HELP: ("?",)}
# How a key is written for the user; the same in Dutch and English (keyboards say "Ctrl").
KEY_NAMES = {"c-t": "Ctrl-T", "c-g": "Ctrl-G", "c-p": "Ctrl-P", "c-n": "Ctrl-N", "left": "←",
             "<": "<", "?": "?"}


def key_help(lang: str, notes: bool) -> list[tuple[str, str]]:
    """Every key of the interview with what it does, for the introduction."""
    rows = [("↑ ↓  Enter", t("prompts.keys.choose", lang)),
            ("1 2 3 …", t("prompts.keys.numbers", lang)),
            (t("prompts.keys.space", lang), t("prompts.keys.tick", lang))]
    for action in (Special.BACK, Special.HELP, Special.PAUSE, Special.NOTE):
        if action is Special.NOTE and not notes:
            continue
        names = [KEY_NAMES[key] for key in (*LIST_KEYS.get(action, ()), CHORDS[action])]
        if action is Special.PAUSE:
            names.append("Ctrl-C")
        rows.append((" / ".join(names), t(f"prompts.keys.{action.value}", lang)))
    return rows
