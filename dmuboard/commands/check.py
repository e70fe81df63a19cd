"""``dmuboard check FILE``: is this a valid board? One line either way.

On success the line starts with ``ok`` and sums the board up; otherwise the shared
error handling of :mod:`dmuboard.cli` prints what is wrong and where, and exits 1.
The file is only read.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

from dmuboard.boardio import read_board
from dmuboard.localfiles import shown
from dmuboard.model.board import Board

NAME = "check"
HELP = "validate a .dmu or .json board; prints ok and a one-line summary, or what is wrong"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the board to check (.dmu or .json)")
    parser.epilog = "Exit status: 0 the board is valid, 1 it is not (the reason is printed), 2 usage error."


def run(args: argparse.Namespace) -> int:
    notices: list[str] = []
    board = read_board(args.file, notices)
    say(summary(board))
    for notice in notices:
        note(notice)
    return 0


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def summary(board: Board) -> str:
    """``ok: "Title" — 11 customer people, 3 of ours, 20 links`` (and views, when there are any)."""
    parts = [
        _count(len(board.customers()), "customer person", "customer people"),
        f"{len(board.ours())} of ours",
        _count(len(board.links), "link", "links"),
    ]
    if board.views:
        parts.append(_count(len(board.views), "saved view", "saved views"))
    return f'ok: "{printable(board.info.title)}" — {", ".join(parts)}'


def printable(text: str) -> str:
    """User text made safe for one terminal line: control and format characters escaped."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch)[0] == "C" else ch for ch in text
    )


def note(line: str) -> None:
    """A note for the user on stderr, beside the result."""
    print(f"dmuboard: note: {printable(shown(line))}", file=sys.stderr)


def say(line: str) -> None:
    """Print one line, whatever the terminal's encoding can show (file names that are
    not UTF-8 included)."""
    line = shown(line)
    try:
        print(line)
    except UnicodeEncodeError:
        encoding = sys.stdout.encoding or "ascii"
        print(line.encode(encoding, "backslashreplace").decode(encoding))
