"""``dmuboard history FILE [--json]``: the recorded changes and review marks, oldest first."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from dmuboard.commands.analyze import _write
from dmuboard.commands.check import printable
from dmuboard.commands.historykit import open_timeline
from dmuboard.model.history.entry import entry_to_json
from dmuboard.model.history.words import entry_line

NAME = "history"
HELP = "list the recorded changes and review marks of a board, oldest first"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the board (.dmu or .json)")
    parser.add_argument("--json", action="store_true", help="print the entries as JSON only")
    parser.epilog = "Exit status: 0 listed, 1 the file is not a board or its history is damaged, 2 usage error."


def run(args: argparse.Namespace) -> int:
    timeline = open_timeline(args.file)
    if args.json:
        entries = [entry_to_json(entry) for entry in timeline.entries]
        text = json.dumps({"board": timeline.now.info.title, "entries": entries}, ensure_ascii=False, indent=2)
    elif not timeline.entries:
        text = f"{printable(timeline.now.info.title)}: no changes recorded yet."
    else:
        lines = [printable(entry_line(entry)) for entry in timeline.entries]
        marks = len(timeline.marks())
        lines.append(f"{len(timeline.entries) - marks} changes, {marks} review marks")
        text = "\n".join(lines)
    _write(text + "\n")
    return 0
