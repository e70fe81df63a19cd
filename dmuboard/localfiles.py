"""Reading files that come from the world: only regular files, within a size, by any name.

A path may name a FIFO (reading it waits forever), a device (``/dev/urandom`` never
ends), a folder, or a file whose name is not UTF-8 (old archives, Windows shares).
Everything the program reads from a path it was given goes through here: the file is
opened without waiting, refused unless it is a regular file, and read up to a limit
that the refusal states. :func:`shown` gives a name that can be printed.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path

from dmuboard.model.errors import NotABoardError

_ESCAPED = re.compile("[\udc80-\udcff]+")


def shown(name: str | os.PathLike[str]) -> str:
    """``name`` as a user can read it: bytes that are not UTF-8 (kept by Python as
    surrogate escapes) are read as Windows-1252, as the archives that make them do."""
    text = os.fspath(name)

    def decode(run: re.Match[str]) -> str:
        raw = bytes(ord(ch) - 0xDC00 for ch in run.group())
        return "".join(bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) for b in raw)

    return _ESCAPED.sub(decode, text)


def size_text(limit: int) -> str:
    return f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit // 1024} KB"


def open_regular(path: Path, what: str = "file") -> int:
    """A file descriptor for reading ``path``; :class:`NotABoardError` unless it is a
    regular file. Never waits: a FIFO with no writer is refused at once."""
    name = shown(path.name)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                     | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise NotABoardError(f"{name} is a folder, not a {what}.") from None
    except FileNotFoundError:
        raise NotABoardError(f"{name} does not exist.") from None
    except PermissionError:
        raise NotABoardError(f"{name} cannot be read: permission denied.") from None
    except OSError as error:
        raise NotABoardError(f"{name} cannot be read: {error.strerror or error}.") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = ("a folder" if stat.S_ISDIR(mode) else "a pipe" if stat.S_ISFIFO(mode)
                else "a device or other special file")
        raise NotABoardError(f"{name} is {kind}, not a {what}; only regular files are read.")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return fd


def read_regular(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file ``path``, refused when it holds more than ``limit``."""
    fd = open_regular(path, what)
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise NotABoardError(
            f"{shown(path.name)} is too large for a {what} (more than {size_text(limit)}); it was not read."
        )
    return data


def check_regular(path: Path, what: str = "file") -> None:
    """Refuse ``path`` unless it is a regular file (it is opened and closed, not read)."""
    os.close(open_regular(path, what))


def copy_regular(source: Path, destination: Path) -> None:
    """Copy the regular file ``source`` (whatever its size: SQLite limits what it reads)."""
    fd = open_regular(source)
    with os.fdopen(fd, "rb") as handle, open(destination, "wb") as out:
        shutil.copyfileobj(handle, out)
