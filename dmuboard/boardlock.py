"""Which file a path means, and the lock that says a DMU Board has it open.

Every window and every command that may change a board calls :func:`claim` and
nothing else: a symbolic link, a relative path with ``..`` or a hard link all lead to
the same file, and so to the same lock. The lock belongs to the file as the operating
system names it (device and inode), not to the name it was reached by. Two lock
files are held:

- ``<file>.lock`` beside the file, with every link resolved: seen by a DMU Board on
  another machine sharing the folder, and by earlier versions;
- ``dmuboard-<device>-<inode>.lock`` in this user's lock folder: the same for every
  hard link to the file.

A lock whose program is gone (killed) is stale at once; a lock that cannot be made
(a read-only folder) does not stop anyone, and opening the board decides.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile


def board_file(path: str | os.PathLike[str]) -> Path:
    """The file ``path`` means: absolute, ``..`` and every symbolic link resolved."""
    return Path(os.path.realpath(os.path.abspath(path)))


def _lock_folder() -> Path:
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"dmuboard-locks-{uid}"
    with contextlib.suppress(OSError):
        folder.mkdir(mode=0o700, exist_ok=True)
    return folder


@dataclass
class Claim:
    """The file a path means and, unless another DMU Board holds it, its locks."""

    file: Path
    held_elsewhere: bool = False
    _locks: list[QLockFile] = field(default_factory=list)

    def release(self) -> None:
        while self._locks:
            self._locks.pop().unlock()

    def __enter__(self) -> Claim:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def claim(path: str | os.PathLike[str]) -> Claim:
    """Take the locks of the file ``path`` means; see :attr:`Claim.held_elsewhere`.

    A path that leads to no file gets no locks (opening it says what is wrong).
    """
    from PySide6.QtCore import QLockFile

    file = board_file(path)
    result = Claim(file)
    try:
        status = file.stat()
    except OSError:
        return result
    names = [_lock_folder() / f"dmuboard-{status.st_dev}-{status.st_ino}.lock"]
    with contextlib.suppress(UnicodeEncodeError):  # Qt cannot name a file whose name is not UTF-8
        os.fspath(file).encode("utf-8")
        names.append(Path(os.fspath(file) + ".lock"))
    for name in names:
        lock = QLockFile(str(name))
        lock.setStaleLockTime(0)  # stale only when its program is gone, never by age
        if lock.tryLock(0):
            result._locks.append(lock)
        elif lock.error() == QLockFile.LockError.LockFailedError:
            result.release()
            result.held_elsewhere = True
            return result
    return result


def held_elsewhere(path: str | os.PathLike[str]) -> bool:
    """Has another DMU Board the file ``path`` means open (so it must not be replaced)?"""
    with claim(path) as taken:
        return taken.held_elsewhere
