"""``dmuboard convert IN OUT``: a board from .json to .dmu or back, chosen by the extensions.

Both directions keep everything (JSON -> .dmu -> JSON gives the same document). The
same kind on both ends is allowed too: .json -> .json writes the document in its
normal form, .dmu -> .dmu writes a fresh, compact copy. OUT is written whole or not
at all, and an existing OUT is replaced only with ``--force``.

This module also holds the checks every command that writes a board file shares
(:func:`write_output`), so that ``demo`` and ``convert`` refuse the same things with
the same words.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
from pathlib import Path

from dmuboard.boardio import SUFFIXES, UsageError, read_board_with_history, write_board
from dmuboard.commands.check import say
from dmuboard.model.board import Board
from dmuboard.model.errors import StoreError
from dmuboard.model.history.entry import Entry

NAME = "convert"
HELP = "convert a board between .json and .dmu (chosen by the extensions); OUT is written whole or not at all"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, metavar="IN", help="the board to read (.dmu or .json)")
    parser.add_argument("destination", type=Path, metavar="OUT", help="the file to write (.dmu or .json)")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    parser.epilog = (
        "The same kind on both ends is allowed too: .json to .json writes the document in its normal form, "
        ".dmu to .dmu a fresh, compact copy. IN and OUT must be different files. "
        "Exit status: 0 written, 1 bad input or OUT cannot be written, 2 usage error."
    )


def run(args: argparse.Namespace) -> int:
    source: Path = args.source
    destination: Path = args.destination
    check_output_name(destination)
    if same_file(source, destination):
        raise UsageError(f"IN and OUT are the same file ({destination}); write the result to a new name.")
    board, history = read_board_with_history(source)
    write_output(destination, board, force=args.force, history=history)
    say(f"wrote {destination}")
    return 0


def check_output_name(path: Path) -> None:
    """A usage error unless ``path`` ends in .dmu or .json."""
    if path.suffix.lower() not in SUFFIXES:
        raise UsageError(f"{path}: OUT must end in .dmu or .json.")


def same_file(a: Path, b: Path) -> bool:
    """Whether two names point at one file (through links, case or ``..``)."""
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def check_output(path: Path, force: bool) -> None:
    """Refuse, before anything is written, a destination that cannot or may not be written."""
    check_output_name(path)
    folder = path.absolute().parent
    if not folder.exists():
        raise StoreError(f"cannot write {path}: the folder {folder} does not exist.")
    if not folder.is_dir():
        raise StoreError(f"cannot write {path}: {folder} is not a folder.")
    if path.is_dir():
        raise StoreError(f"cannot write {path}: it is a folder.")
    if path.exists() and not force:
        raise StoreError(f"{path} already exists; use --force to replace it.")
    if path.exists():
        from dmuboard.boardlock import held_elsewhere

        if held_elsewhere(path):
            raise StoreError(f"{path.name} is open in DMU Board; close it there first. Nothing was written.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"cannot write {path}: the folder {folder} is read-only for you.")


def write_output(path: Path, board: Board, *, force: bool, history: list[Entry] | None = None) -> None:
    """Write ``board`` (and its ``history``) to ``path`` (.dmu or .json), whole or not at all."""
    check_output(path, force)
    try:
        write_board(path, board, force=force, history=history)
    except StoreError as error:
        reason = _reason(error.__context__)
        if reason is None:
            raise
        raise StoreError(f"could not write {path}: {reason}; nothing was written.") from None


def _reason(cause: BaseException | None) -> str | None:
    """The system's own words for why a write failed, when the store's message was meant for the GUI."""
    if cause is None or isinstance(cause, FileExistsError):
        return None
    if isinstance(cause, OSError):
        return cause.strerror or str(cause)
    driver_error = getattr(cause, "orig", None)  # SQLAlchemy wraps the driver's error
    if isinstance(driver_error, sqlite3.Error):
        return str(driver_error)
    if isinstance(cause, sqlite3.Error):
        return str(cause)
    return None
