"""Files SQLite would read beside a board: a rollback journal or a write-ahead log.

A ``board.dmu-journal`` or ``board.dmu-wal`` next to a board may be what a crash of
DMU Board left (a journal), or what a copied folder, a sync tool or a hostile sender
put there. SQLite plays either back into the board the moment it opens it, even for a
query that only reads. So the set is first examined on a private copy: the copy is
played back in a temporary folder and has to pass every check of an untrusted file.
Only then may the board itself be played back (when it is opened to be changed); a
command that only reads keeps the copy's result and leaves every byte as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import tempfile
from pathlib import Path

from dmuboard.localfiles import copy_regular, shown
from dmuboard.model.errors import NotABoardError
from dmuboard.store import safety

SUFFIXES = ("-journal", "-wal")
WHAT = {"-journal": "a change left half-written", "-wal": "a write-ahead log (DMU Board never writes one)"}


def beside(path: Path) -> list[Path]:
    """The journal and WAL files next to ``path`` that SQLite would read (not empty)."""
    found = []
    for suffix in SUFFIXES:
        sidecar = path.with_name(path.name + suffix)
        try:
            status = sidecar.lstat()
        except OSError:
            continue
        if status.st_size > 0 or not stat.S_ISREG(status.st_mode):  # a link, a pipe: refused when copied
            found.append(sidecar)
    return found


def describe(found: list[Path]) -> str:
    return " and ".join(f"{shown(p.name)} ({WHAT[p.name[len(p.name) - len(_suffix(p)):]]})" for p in found)


def _suffix(sidecar: Path) -> str:
    return next(s for s in SUFFIXES if sidecar.name.endswith(s))


def examine(path: Path, found: list[Path]) -> tuple[sqlite3.Connection, int]:
    """Play ``found`` back into a private copy of ``path``; check the result.

    Returns the played-back board in memory and its schema version. Raises
    :class:`NotABoardError` naming the sidecar when the result is not a board we may
    open. ``path`` and its sidecars are only read.
    """
    name = shown(path.name)
    with tempfile.TemporaryDirectory(prefix="dmuboard-") as folder:
        copy = Path(folder) / path.name  # so that messages name the board
        try:
            copy_regular(path, copy)
            for sidecar in found:
                copy_regular(sidecar, copy.with_name(copy.name + _suffix(sidecar)))
        except NotABoardError as error:
            raise NotABoardError(f"{name} was not opened: {error.message}") from None
        try:
            safety.read_header(copy, check_size=False)
            connection = safety.connect(copy, read_only=False)  # plays the journal or WAL back
            try:
                connection.execute("PRAGMA journal_mode = DELETE").fetchone()
            finally:
                connection.close()
            version = safety.inspect(copy)
            memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            memory.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, safety.MAX_VALUE_BYTES)
            source = safety.connect(copy, read_only=True)
            try:
                source.backup(memory)
            finally:
                source.close()
        except NotABoardError as error:
            raise NotABoardError(
                f"{error.message.rstrip('.')} once {describe(found)} beside it is played back (on a "
                f"private copy). Nothing was changed; remove {shown(found[0].name)} if it does not belong "
                "to this board."
            ) from None
        except sqlite3.Error as error:
            raise NotABoardError(
                f"{name} was not opened: {describe(found)} beside it cannot be played back ({error}). "
                "Nothing was changed."
            ) from None
    return memory, version


def play_back(path: Path) -> None:
    """Play the sidecars back into ``path`` itself (after :func:`examine` passed)."""
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise NotABoardError(
            f"{shown(path.name)} was left half-written when a program writing it stopped, and it cannot be "
            "repaired here because it is read-only. Open it once where it can be written."
        )
    try:
        connection = safety.connect(path, read_only=False)
        try:
            connection.execute("PRAGMA journal_mode = DELETE").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise NotABoardError(f"{shown(path.name)} could not be repaired: {error}.") from None
