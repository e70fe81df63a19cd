"""``dmuboard mark FILE NAME``: a review mark that names the board as it is now."""

from __future__ import annotations

import argparse
from pathlib import Path

from dmuboard.boardio import kind_of, read_board_with_history, write_text_atomically
from dmuboard.commands.check import printable, say
from dmuboard.model import jsonformat
from dmuboard.model.errors import BoardError, NotABoardError
from dmuboard.model.history.entry import Entry, mark_name, now_utc, system_user
from dmuboard.model.history.timeline import HistoryError
from dmuboard.store import BoardFile

NAME = "mark"
HELP = "add a review mark (for example \"QBR Q3\") that names the board as it is now"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the board (.dmu or .json)")
    parser.add_argument("name", metavar="NAME", help="the mark's name, unique on the board")
    parser.epilog = "Exit status: 0 marked, 1 the board cannot be marked (the reason is printed), 2 usage error."


def run(args: argparse.Namespace) -> int:
    path: Path = args.file
    if kind_of(path) == "json":
        _mark_document(path, args.name)
    else:
        with BoardFile.open(path) as store:
            if store.read_only_reason is not None:
                raise NotABoardError(f"{path.name} cannot be marked: {store.read_only_reason}.")
            store.add_mark(args.name)
    say(f"marked {printable(path.name)}: {printable(args.name.strip())}")
    return 0


def _mark_document(path: Path, name: str) -> None:
    board, history = read_board_with_history(path)
    try:
        name = mark_name(name)
    except BoardError as error:
        raise HistoryError("", f"review mark: {error.problem}") from None
    if any(entry.mark == name for entry in history):
        raise HistoryError("", f"{path.name} already has a review mark named {name!r}")
    history.append(Entry(max(now_utc(), history[-1].at if history else ""), system_user(), mark=name))
    write_text_atomically(path, jsonformat.dumps(board, history), replace=True)
