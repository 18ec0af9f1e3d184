"""Where things are: the shipped question sets, the user's data folder, and the cache.

Running from a checkout (`uv run`) reads the checkout's `questions/`, so an edit shows at once
even where an editable install might hold a stale copy; an installed wheel reads the copy it
carries inside the package (`clustercli/questions`, put there by the build).
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "CLUSTERCLI_HOME"
CACHE_ENV = "CLUSTERCLI_CACHE"
SHIPPED_SET = "cluster-readiness.yaml"
SHIPPED_SET_ID = "cluster-readiness"  # the `id` inside it

_PACKAGE = Path(__file__).resolve().parent


def questions_dir() -> Path:
    checkout = _PACKAGE.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "questions").is_dir():
        return checkout / "questions"
    return _PACKAGE / "questions"


def shipped_set() -> Path:
    return questions_dir() / SHIPPED_SET


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir`, else CLUSTERCLI_HOME, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir  # only when needed: keeps --help fast

    return Path(user_data_dir("clustercli", appauthor=False))


def cache_dir() -> Path:
    """CLUSTERCLI_CACHE, else the platform's user cache folder: what the tool can make again
    from its files (the checked question sets), never anything of the user's."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir  # only when needed: keeps --help fast

    return Path(user_cache_dir("clustercli", appauthor=False))
