"""What this run of the command settled: its language and its data folder.

The language of a run is, first to last: `--lang` as typed on the command line, the language of
the self-check the command is about (`show`, `edit`, `resume`, `delete ID`, `compare` when both
checks share one), CLUSTERCLI_LANG, Dutch. `--lang` is looked up in the arguments before click
parses them (`look_ahead`, called once by the root group in cli/app.py), because the help (an
eager option) and click's usage errors come before a command reads its own `--lang`.

A module-level record is enough for a CLI process (one command per run); the root group resets
it at the start of every run, so a test running many commands in one process starts afresh.
"""


from collections.abc import Sequence
from pathlib import Path
from typing import Any

from clustercli.i18n import LANGUAGES, resolve_language

LANG_OPTION = "--lang"

# asked: the `--lang` on the command line; lang: the language settled by the command (None
# until it knows); data_dir: `--data-dir`, before or after the command's name.
_run: dict[str, Any] = {"asked": None, "lang": None, "data_dir": None}


def look_ahead(args: Sequence[str]) -> None:
    """A new run: forget the last one, and take note of `--lang` wherever it stands (the last
    one counts, as click's does; nothing after `--`)."""
    asked = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == LANG_OPTION and index + 1 < len(args):
            asked = args[index + 1]
        elif arg.startswith(LANG_OPTION + "="):
            asked = arg.partition("=")[2]
    _run.update(asked=asked, lang=None, data_dir=None)


def current_language() -> str:
    """The language of what is said now: what the command settled, else `--lang` as typed,
    else CLUSTERCLI_LANG, else Dutch."""
    settled: str | None = _run["lang"]
    return settled or resolve_language(_run["asked"])


def _settle(lang: str) -> str:
    _run["lang"] = lang
    return lang


def use_language(explicit: str | None) -> str:
    """Settle the language of this run: `--lang` (the command's, else one before the command's
    name), else CLUSTERCLI_LANG, else Dutch."""
    return _settle(resolve_language(explicit or _run["asked"]))


def chosen_language(option: str | None) -> str | None:
    """The language the command line asks for: the command's `--lang`, else one before the
    command's name; None when it asks for none."""
    asked: str | None = _run["asked"]
    if option is None and asked and asked.strip().lower() in LANGUAGES:
        return asked.strip().lower()
    return option


def use_check_language(explicit: str | None, *checks: str | None) -> str:
    """Settle the language of a command about one or more self-checks: `--lang`, else the
    checks' own language when they share one, else as `use_language` (CLUSTERCLI_LANG, Dutch).
    Checks in different languages follow the user's usual language, not either check's."""
    if chosen_language(explicit) is None:
        languages = {check for check in checks if check}
        if len(languages) == 1:
            return _settle(resolve_language(languages.pop()))
    return use_language(explicit)


def data_dir_given() -> Path | None:
    """`--data-dir` as given on the command line, if it was."""
    given: Path | None = _run["data_dir"]
    return given


def remember_data_dir(value: Path | None) -> None:
    if value is not None:
        _run["data_dir"] = value
