"""Reading and writing boards by file name: ``.dmu`` files and ``.json`` documents.

Every command that reads a board accepts either kind. Writing is whole or not at
all: a temporary file beside the destination, then a rename.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from dmuboard.model import jsonformat
from dmuboard.model.board import Board
from dmuboard.model.errors import BoardError, NotABoardError, StoreError, UserError
from dmuboard.store import BoardFile, write_new
from dmuboard.store.boardfile import explain
from dmuboard.store.safety import SQLITE_MAGIC

MAX_JSON_BYTES = 64 * 1024 * 1024
SUFFIXES = (".dmu", ".json")


class UsageError(UserError):
    """The command was called wrongly (exit code 2)."""


def kind_of(path: Path) -> str:
    """``dmu`` or ``json`` from the extension; for other names from the first bytes, or
    ``unknown`` when they are neither an SQLite database nor a JSON object."""
    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        return suffix[1:]
    try:
        with open(path, "rb") as handle:
            start = handle.read(len(SQLITE_MAGIC))
    except OSError:
        return "dmu"
    if start == SQLITE_MAGIC:
        return "dmu"
    if start.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "json"
    return "unknown"


def read_board(path: str | os.PathLike[str], notices: list[str] | None = None) -> Board:
    """The board in ``path`` (``.dmu`` or ``.json``); :class:`UserError` if it is not one.

    What the user should be told about reading it (a journal beside it, played back on
    a private copy) is added to ``notices``.
    """
    path = Path(path)
    kind = kind_of(path)
    if kind == "dmu":
        with BoardFile.open(path, read_only="it is only being read") as store:
            if store.notice and notices is not None:
                notices.append(store.notice)
            return store.board
    if kind == "unknown":
        raise NotABoardError(f"{path.name} is not a DMU Board file (neither a .dmu board nor a JSON board document).")
    try:
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            raise NotABoardError(f"{path.name} is too large for a board document ({size // 2**20} MB).")
        data = path.read_bytes()
    except IsADirectoryError:
        raise NotABoardError(f"{path.name} is a folder, not a board file.") from None
    except FileNotFoundError:
        raise NotABoardError(f"{path.name} does not exist.") from None
    except OSError as error:
        raise NotABoardError(f"{path.name} cannot be read: {error.strerror or error}.") from None
    try:
        return jsonformat.loads(data)
    except BoardError as error:
        raise NotABoardError(f"{path.name}: {error}") from None


def check_destination(path: Path, force: bool) -> str:
    """The kind to write at ``path``; refuses an unknown extension or an existing file."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(f"{path.name}: the output must end in .dmu or .json.")
    if path.exists() and not force:
        raise StoreError(f"{path.name} already exists; use --force to replace it.")
    if path.is_dir():
        raise StoreError(f"{path.name} is a folder.")
    if path.exists():
        from dmuboard.boardlock import held_elsewhere

        if held_elsewhere(path):
            raise StoreError(f"{path.name} is open in DMU Board; close it there first. Nothing was written.")
    return suffix[1:]


def write_board(path: str | os.PathLike[str], board: Board, *, force: bool = False) -> None:
    """Write ``board`` to ``path`` as ``.dmu`` or ``.json``, whole or not at all."""
    path = Path(path)
    if check_destination(path, force) == "dmu":
        write_new(path, board, replace=force)
    else:
        write_text_atomically(path, jsonformat.dumps(board), replace=force)


def write_text_atomically(path: Path, text: str, *, replace: bool) -> None:
    # the name is made from os.urandom, not uuid: uuid imports platform, slow at start-up
    temporary = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)
    except FileExistsError:
        raise StoreError(f"{path.name} already exists; use --force to replace it.") from None
    except OSError as error:
        raise StoreError(explain(error, path.name)) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
