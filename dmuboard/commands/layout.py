"""``dmuboard layout IN OUT [--geometry GEOM.json]``: Auto-Layout for scripts and checks.

Lays out the board as Board > Auto-Layout does with nothing pinned and writes it to
OUT; ``--geometry`` also writes what the canvas and every export draw for it (card
rectangles and line routes, shared/spec/cli.md "Geometry"). Both files are checked
before either is written; each is written whole or not at all.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

from dmuboard.boardio import UsageError, read_board, write_text_atomically
from dmuboard.commands.convert import check_output, check_output_name, same_file, write_output
from dmuboard.layout.arrange import auto_layout
from dmuboard.layout.geometry import board_geometry
from dmuboard.model.board import Board
from dmuboard.model.errors import StoreError

NAME = "layout"
HELP = "lay out a board as Board > Auto-Layout does (nothing pinned) and write it; --geometry writes what is drawn"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, metavar="IN", help="the board to read (.dmu or .json)")
    parser.add_argument("destination", type=Path, metavar="OUT", help="the laid-out board to write (.dmu or .json)")
    parser.add_argument("--geometry", type=Path, metavar="GEOM.json",
                        help="also write every card's rectangle and every line's route, in scene coordinates")
    parser.add_argument("--force", action="store_true", help="replace OUT (and GEOM.json) if they exist")
    parser.epilog = "Exit status: 0 written, 1 bad input or a file cannot be written, 2 usage error."


def laid_out(board: Board) -> Board:
    """``board`` with everyone where Auto-Layout puts them, pins ignored."""
    spots = auto_layout(board, keep_pinned=False)
    people = {pid: replace(p, x=spots[pid][0], y=spots[pid][1]) if pid in spots else p
              for pid, p in board.people.items()}
    return Board(board.info, people, dict(board.links), board.views)


def run(args: argparse.Namespace) -> int:
    source: Path = args.source
    destination: Path = args.destination
    geometry: Path | None = args.geometry
    check_output_name(destination)
    if same_file(source, destination):
        raise UsageError(f"IN and OUT are the same file ({destination}); write the result to a new name.")
    if geometry is not None:
        if geometry.suffix.lower() != ".json":
            raise UsageError(f"{geometry}: GEOM must end in .json.")
        if geometry.absolute() == destination.absolute() or same_file(source, geometry):
            raise UsageError(f"{geometry}: GEOM must be a file of its own, not IN or OUT.")
    board = read_board(source)
    if geometry is not None:
        check_output(geometry.with_suffix(".dmu"), True)  # the folder can be written
        if geometry.exists() and not args.force:
            raise StoreError(f"{geometry} already exists; use --force to replace it.")
    result = laid_out(board)
    check_output(destination, args.force)
    write_output(destination, result, force=args.force)
    if geometry is not None:
        text = json.dumps(board_geometry(result).to_json(), indent=1)
        write_text_atomically(geometry, text + "\n", replace=args.force)
        print(f"wrote {destination} and {geometry}")
    else:
        print(f"wrote {destination}")
    return 0
