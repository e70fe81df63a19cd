"""Reading and writing boards by file name: ``.dmu`` files and ``.json`` documents.

Every command that reads a board accepts either kind. Writing is whole or not at
all: a temporary file beside the destination, then a rename.
"""

from __future__ import annotations

import os
from pathlib import Path

from dmuboard.localfiles import open_regular, read_regular, shown
from dmuboard.model import jsonformat
from dmuboard.model.board import Board
from dmuboard.model.errors import BoardError, NotABoardError, StoreError, UserError
from dmuboard.model.history.entry import Entry
from dmuboard.store import BoardFile, write_new
from dmuboard.store.safety import SQLITE_MAGIC
from dmuboard.store.textfile import write_text_atomically

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
        with os.fdopen(open_regular(path), "rb") as handle:
            start = handle.read(len(SQLITE_MAGIC))
    except (OSError, NotABoardError):
        return "dmu"  # reading it as a board says what is wrong
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
    return _read(Path(path), with_history=False, notices=notices)[0]


def read_board_with_history(
    path: str | os.PathLike[str], notices: list[str] | None = None
) -> tuple[Board, list[Entry]]:
    """The board in ``path`` and its history, checked against each other."""
    return _read(Path(path), with_history=True, notices=notices)


def _read(path: Path, *, with_history: bool, notices: list[str] | None) -> tuple[Board, list[Entry]]:
    kind = kind_of(path)
    if kind == "dmu":
        with BoardFile.open(path, read_only="it is only being read") as store:
            if store.repair is not None:
                raise NotABoardError(f"{shown(path.name)} breaks a rule of the format: {store.repair.problem}. "
                                     "Open it in DMU Board to see it and repair it.")
            if store.notice and notices is not None:
                notices.append(store.notice)
            if not with_history:
                return store.board, []
            try:
                return store.board, store.timeline().entries
            except BoardError as error:
                raise NotABoardError(error.message[:1].upper() + error.message[1:]) from None
    if kind == "unknown":
        raise NotABoardError(f"{path.name} is not a DMU Board file (neither a .dmu board nor a JSON board document).")
    data = read_regular(path, MAX_JSON_BYTES, "board document")
    try:
        if with_history:
            return jsonformat.loads_with_history(data)
        return jsonformat.loads(data), []
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
    return suffix[1:]


def write_board(
    path: str | os.PathLike[str], board: Board, *, force: bool = False, history: list[Entry] | None = None
) -> None:
    """Write ``board`` (with its ``history``) to ``path`` as ``.dmu`` or ``.json``, whole or not at all."""
    path = Path(path)
    if check_destination(path, force) == "dmu":
        write_new(path, board, replace=force, history=history or ())
    else:
        write_text_atomically(path, jsonformat.dumps(board, history), replace=force)
