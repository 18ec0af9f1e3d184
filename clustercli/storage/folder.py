"""The data folder itself: what is wrong with it when it cannot be used, said as such.

`--data-dir` and CLUSTERCLI_HOME are input like any other: a file where the folder should be, a
folder we may not write in, or one on a read-only file system is the user's to fix (exit 2),
named with what is wrong, never an internal error. Commands that change the folder ask
`check_writable` first, so that such a folder stops them before anything is changed.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from clustercli.errors import BadInput, ClusterError

_WRITE = os.W_OK | os.X_OK


def _read_only(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _existing(path: Path) -> Path:
    """`path`, or its nearest ancestor that exists."""
    while not os.path.lexists(path) and path.parent != path:
        path = path.parent
    return path


def check_writable(root: Path, folders: Iterable[Path]) -> None:
    """BadInput unless we may create and replace files in each of `folders` (the folders of
    the data folder `root` a command is about to write in)."""
    for folder in folders:
        if not os.access(folder, _WRITE):
            raise problem(root, OSError(errno.EACCES, os.strerror(errno.EACCES), str(folder)))


def problem(root: Path, error: OSError) -> BadInput:
    """What is wrong with the data folder `root`, given the error that using it raised."""
    path = Path(error.filename) if error.filename else root
    place = _existing(path)
    if not place.is_dir():  # a file (or a link to one) where a folder should be
        return BadInput("store.data_dir_not_folder", folder=str(root), path=str(place))
    if error.errno == errno.EROFS or _read_only(place):
        return BadInput("store.data_dir_read_only", folder=str(root))
    if error.errno in (errno.EACCES, errno.EPERM):
        return BadInput("store.data_dir_not_writable", folder=str(root), path=str(place))
    return BadInput("store.data_dir_unusable", folder=str(root),
                    error=error.strerror or str(error))


@contextlib.contextmanager
def failures_named(key: str = "store.write_failed") -> Iterator[None]:
    """A full disk or a read-only folder says which file and why, in the user's language.
    `key`: what the failure means for the data folder (by default: nothing was lost)."""
    try:
        yield
    except OSError as error:
        raise ClusterError(key, file=str(error.filename or "?"),
                           error=error.strerror or str(error)) from error
