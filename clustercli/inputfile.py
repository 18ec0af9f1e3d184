"""Reading a file the user named: an answers file, a question set, an import file.

Whole, but never more than a hard limit whatever the file is, and only an ordinary file: a size
check on `st_size` alone lets `/dev/zero` (size 0) grow without bound, and opening a named pipe
with no writer waits forever. So the file is opened without blocking, refused unless `fstat`
says it is a regular file, and read to at most `limit + 1` bytes (a file that grows while it is
read is caught too).

Every failure is an `InputFileError`: a catalogue key of the `input` domain (a reason, without
the file name) and its parameters; each reader says it in its own frame (a located problem of a
question set or answers file, a refused import).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

_CHUNK = 1 << 20
_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
          | getattr(os, "O_CLOEXEC", 0))


class InputFileError(Exception):
    def __init__(self, key: str, file: str, **params: Any) -> None:
        super().__init__(f"{file}: {key} {params}")
        self.key = key
        self.file = file
        self.params = params


def _kind(mode: int) -> str | None:
    """The key for what a file is when it is not an ordinary file (None: it is one)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "input.is_directory"
    if stat.S_ISFIFO(mode):
        return "input.is_fifo"
    if stat.S_ISSOCK(mode):
        return "input.is_socket"
    return "input.is_device"  # character or block device


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the ordinary file `path`, at most `limit` of them; else InputFileError."""
    name = str(path)
    try:
        fd = os.open(path, _FLAGS)
    except FileNotFoundError:
        raise InputFileError("input.not_found", name) from None
    except PermissionError:
        raise InputFileError("input.no_permission", name) from None
    except OSError as error:
        if error.errno == errno.ENXIO:  # a socket, or a device without its driver
            raise InputFileError("input.is_socket", name) from None
        raise InputFileError("input.unreadable", name,
                             detail=error.strerror or str(error)) from None
    try:
        info = os.fstat(fd)
        kind = _kind(info.st_mode)
        if kind is not None:
            raise InputFileError(kind, name)
        if info.st_size > limit:
            raise InputFileError("input.too_big", name, size=info.st_size, limit=limit)
        chunks, total = [], 0
        while chunk := os.read(fd, min(_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # grew while we read it
                raise InputFileError("input.too_big", name, size=total, limit=limit)
        return b"".join(chunks)
    except OSError as error:
        if error.errno == errno.EISDIR:
            raise InputFileError("input.is_directory", name) from None
        raise InputFileError("input.unreadable", name,
                             detail=error.strerror or str(error)) from None
    finally:
        os.close(fd)
