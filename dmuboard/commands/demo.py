"""``dmuboard demo OUT``: write the built-in sample board to a file of one's own.

The sample (a machine builder replacing its CRM) is the quickest way to see what the
program does; OUT may be a .dmu board or a .json document. The packaged sample is
only read, never written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dmuboard.commands.convert import write_output
from dmuboard.sample import sample_board

NAME = "demo"
HELP = "write the built-in sample board to OUT (.dmu or .json)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("destination", type=Path, metavar="OUT", help="the file to write (.dmu or .json)")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    parser.epilog = "Example: dmuboard demo sample.dmu, then dmuboard sample.dmu to open it."


def run(args: argparse.Namespace) -> int:
    destination: Path = args.destination
    write_output(destination, sample_board(), force=args.force)
    print(f"wrote the sample board to {destination}")
    return 0
