"""``dmuboard diff FILE --since MARK|DATE [--until MARK|DATE] [--json]``: what changed
between two moments of a board: people, links and findings (cli.md)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from dmuboard.analysis.changes import Changes, changes_between, changes_to_json
from dmuboard.boardio import UsageError
from dmuboard.commands.analyze import _write
from dmuboard.commands.check import printable
from dmuboard.commands.historykit import open_timeline
from dmuboard.model.board import Board
from dmuboard.model.history.words import before_after

NAME = "diff"
HELP = "what changed between two moments of a board (review marks or dates): people, links, findings"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the board (.dmu or .json)")
    parser.add_argument("--since", required=True, metavar="MARK|DATE",
                        help="a review mark's name, or a date (2026-11-30: from the start of that day, UTC)")
    parser.add_argument("--until", default="now", metavar="MARK|DATE",
                        help="a review mark's name, or a date (up to the end of that day); default: now")
    parser.add_argument("--json", action="store_true", help="print the differences as JSON only")
    parser.epilog = ("Exit status: 0 compared, 1 the file is not a board, its history is damaged, or a mark "
                     "is not on it, 2 usage error.")


def run(args: argparse.Namespace) -> int:
    timeline = open_timeline(args.file)
    since = timeline.resolve(args.since)
    until = timeline.resolve(args.until, until=True)
    if since.index > until.index:
        raise UsageError(f"--since {args.since!r} comes after --until {args.until!r}; swap them.")
    before, after = timeline.board_at(since.index), timeline.board_at(until.index)
    changes = changes_between(before, after, since=since.label, until=until.label,
                              since_day=since.day, until_day=until.day)
    if args.json:
        text = json.dumps(changes_to_json(changes), ensure_ascii=False, indent=2)
    else:
        text = report(changes, before, after)
    _write(text + "\n")
    return 0


def report(changes: Changes, before: Board, after: Board) -> str:
    """The differences for a person, by names."""
    def name(pid: str) -> str:
        person = after.people.get(pid) or before.people.get(pid)
        return printable(person.name) if person else pid

    diff = changes.board
    lines = [f"{printable(after.info.title)}: changes since {printable(changes.since)} "
             f"until {printable(changes.until)}"]
    if diff.empty and not changes.new and not changes.gone:
        return "\n".join([*lines, "", "Nothing changed."])
    sections = [
        ("People added", [name(pid) for pid in diff.people_added]),
        ("People removed", [name(pid) for pid in diff.people_removed]),
        ("People changed", [f"{name(pid)}: {c.field} {printable(before_after(c.before, c.after))}"
                            for pid, cs in diff.people_changed.items() for c in cs]),
        ("Links added", [f"{name(k.source)} – {name(k.target)} ({k.kind})" for k in diff.links_added]),
        ("Links removed", [f"{name(k.source)} – {name(k.target)} ({k.kind})" for k in diff.links_removed]),
        ("Links changed", [f"{name(k.source)} – {name(k.target)} ({k.kind}): {c.field} "
                           f"{printable(before_after(c.before, c.after))}"
                           for k, cs in diff.links_changed for c in cs]),
        ("New findings", [printable(f.message) for f in changes.new]),
        ("Findings gone", [printable(f.message) for f in changes.gone]),
    ]
    for title, items in sections:
        if items:
            lines += ["", f"{title} ({len(items)})", *(f"  - {item}" for item in items)]
    return "\n".join(lines)
