"""How wide what a command prints may be: the terminal's width (COLUMNS, else the terminal's
own, else 80 when there is none, as for a pipe) but its last column, which some terminals wrap
as soon as it is written; at most a readable line for prose and at most 80 columns for a table
(clustercli.textwidth)."""

import shutil

from clustercli.textwidth import PROSE_WIDTH, TABLE_WIDTH


def terminal_width() -> int:
    return shutil.get_terminal_size().columns


def usable_width() -> int:
    return max(terminal_width() - 1, 20)


def prose_room() -> int:
    """How long a line of prose may be."""
    return min(usable_width(), PROSE_WIDTH)


def table_room() -> int:
    """How wide a table may be."""
    return min(usable_width(), TABLE_WIDTH)
