"""``dmuboard import-csv FILE.dmu CSV --side customer|ours [--map COLUMN=FIELD ...]``.

Adds the people of a CSV file to a board in one transaction. The columns are
mapped by their headers (English and Dutch); ``--map`` overrides a guess. A file
with a bad row imports nothing unless ``--skip-bad-rows`` is given. The board is
refused when it is read-only or open in a running DMU Board (its lock file is held).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from dmuboard.boardio import UsageError
from dmuboard.commands.check import note, say
from dmuboard.csvio import MappingError, guess_mapping, plan_import, read_table, with_overrides
from dmuboard.csvio.fields import parse_override
from dmuboard.model.errors import ReadOnlyError, UserError
from dmuboard.store import BoardFile

if TYPE_CHECKING:
    from dmuboard.boardlock import Claim

NAME = "import-csv"
HELP = "add the people of a CSV file to a board, in one transaction"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("board", type=Path, metavar="FILE.dmu", help="the board to add people to")
    parser.add_argument("csv", type=Path, metavar="CSV", help="the CSV file (comma, semicolon or tab; "
                        "UTF-8, UTF-16 or Windows-1252)")
    parser.add_argument("--side", required=True, choices=("customer", "ours"),
                        help="the side the people go on: the customer's DMU or our own team")
    parser.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                        help="put the column COLUMN into FIELD (name, first_name, middle_name, last_name, title, "
                        "department, organisation, roles, stance, influence, interests, notes, side) "
                        "or leave it out (ignore); overrides the guess from the header")
    parser.add_argument("--skip-bad-rows", action="store_true",
                        help="import the good rows of a file that has bad ones (by default nothing is imported)")


def run(args: argparse.Namespace) -> int:
    try:
        overrides = [parse_override(text) for text in args.map]
    except MappingError as error:
        raise UsageError(error.message) from None
    board_path: Path = args.board
    if board_path.suffix.lower() == ".json":
        raise UsageError(f"{board_path.name}: import-csv adds people to a .dmu board; "
                         "convert the JSON document first (dmuboard convert).")
    lock = _lock(board_path)
    try:
        with BoardFile.open(lock.file) as store:
            if store.read_only_reason is not None:
                raise ReadOnlyError(f"{board_path.name} cannot be changed ({store.read_only_reason}); "
                                    "nothing was imported.")
            table = read_table(args.csv)
            try:
                mapping = with_overrides(table.header, guess_mapping(table.header), overrides)
            except MappingError as error:
                raise UsageError(f"--map: {error.message}") from None
            plan = plan_import(store.board, table, mapping, args.side)
            refusal = plan.refusal("fix the file, or add --skip-bad-rows to import the other rows.")
            if refusal and not args.skip_bad_rows:
                raise UserError(refusal)
            document = store.document()
            document.apply(plan.change)
    finally:
        lock.release()
    say(f"{table.name} into {board_path.name}: {plan.summary()}.")
    if table.encoding_note:
        note(table.encoding_note)
    return 0


def _lock(board_path: Path) -> Claim:
    """Hold the board's lock while importing; refuse when a running DMU Board holds it."""
    from dmuboard.boardlock import claim

    taken = claim(board_path)
    if taken.held_elsewhere:
        raise UserError(f"{board_path.name} is open in DMU Board; close it there first, "
                        "or import through File > Import people... Nothing was imported.")
    return taken
