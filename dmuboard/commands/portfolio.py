"""``dmuboard portfolio FOLDER... [--json] [--profile FILE]``: one row per board found.

Every board file (``.dmu`` or ``.json``) in each FOLDER (a board file may be named
directly too) is read read-only, as the portfolio window reads it; a file that is not
a board is a row with its error. The JSON form is documented in docs/spec/cli.md.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from dmuboard.boardio import UsageError, write_text_atomically
from dmuboard.commands.analyze import _write
from dmuboard.model.errors import StoreError, UserError
from dmuboard.portfolio import BoardSummary, SummaryCache, board_paths, our_people
from dmuboard.portfolio.csvout import portfolio_csv
from dmuboard.portfolio.patterns import Group, compare, patterns, proposals
from dmuboard.portfolio.profilefile import library_profile, read_profile
from dmuboard.portfolio.summary import read_untouched

NAME = "portfolio"
HELP = "list the boards of one or more folders: coverage, findings, outcome, our people across accounts"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folders", nargs="+", type=Path, metavar="FOLDER",
                        help="a folder of boards (or a board file)")
    parser.add_argument("--json", action="store_true", help="print the rows and figures as JSON only")
    parser.add_argument("--profile", type=Path, metavar="FILE",
                        help="the DMU profile to check the boards against (default: the folder's own)")
    parser.add_argument("--csv", type=Path, metavar="OUT", help="also write the rows to OUT as CSV")
    parser.add_argument("--force", action="store_true", help="replace an existing OUT")


def rows_of(folders: list[Path], profile_file: Path | None = None) -> list[BoardSummary]:
    """The rows of every board in ``folders``; each folder's boards checked against ``profile_file``
    or, without it, the folder's own profile (as ``dmuboard analyze`` checks them)."""
    missing = [f for f in folders if not f.exists()]
    if missing:
        raise UsageError(f"{missing[0]} does not exist.")
    fixed = read_profile(profile_file) if profile_file is not None else None
    caches: dict[Path, SummaryCache] = {}
    rows = []
    for path in board_paths([f for f in folders if f.is_dir()], [f for f in folders if f.is_file()]):
        folder = path.parent
        if folder not in caches:
            caches[folder] = SummaryCache(fixed if profile_file is not None else library_profile(folder))
        rows.append(caches[folder].summary(path))
    return rows


def closed_patterns(rows: list[BoardSummary]) -> dict[str, Group]:
    """The patterns of the won and lost boards among ``rows`` (read again, read-only)."""
    boards = []
    for row in rows:
        if row.error is None and row.outcome in ("won", "lost"):
            try:
                boards.append(read_untouched(Path(row.path)))
            except UserError:
                continue  # changed into something unreadable since it was listed
    return patterns(boards)


def document(rows: list[BoardSummary]) -> dict[str, Any]:
    groups = closed_patterns(rows)
    return {
        "boards": [row.to_json() for row in rows],
        "our_people": [p.to_json() for p in our_people(rows)],
        "patterns": {name: group.to_json() for name, group in groups.items()},
        "proposals": [e.to_json() for e in proposals(groups["won"])],
    }


def run(args: argparse.Namespace) -> int:
    rows = rows_of(list(args.folders), args.profile)
    if args.csv is not None:
        if args.csv.exists() and not args.force:
            raise StoreError(f"{args.csv.name} already exists; use --force to replace it.")
        write_text_atomically(args.csv, portfolio_csv(rows), replace=args.force)
    if args.json:
        _write(json.dumps(document(rows), ensure_ascii=False, indent=2) + "\n")
    else:
        _write(report(rows) + "\n")
    return 0


def report(rows: list[BoardSummary]) -> str:
    lines = [f"{len(rows)} board{'s' if len(rows) != 1 else ''}"]
    for row in rows:
        name = Path(row.path).name
        if row.error is not None:
            lines.append(f"  {name}: {row.error}")
            continue
        f = row.findings
        lines.append(
            f"  {row.customer or '-'} | {row.title} | {row.outcome} | people {row.customer_people} "
            f"(expected {row.expected_dmu[0]}-{row.expected_dmu[1]}) | contacts {row.contacts} "
            f"({row.coverage:.0%}) | findings high {f.get('high', 0)}, medium {f.get('medium', 0)}, "
            f"low {f.get('low', 0)}{' | single-threaded' if row.single_threaded else ''}"
            f"{f' | profile gaps {row.profile_gaps}' if row.profile else ''}"
        )
    groups = closed_patterns(rows)
    if groups["won"].boards or groups["lost"].boards:
        codes = sorted(set(groups["won"].findings_at_close) | set(groups["lost"].findings_at_close))
        lines += ["", "At close:"] + [f"  {compare(groups, code)}" for code in codes]
    people = our_people(rows)
    if people:
        lines += ["", "Our people across accounts:"]
        for person in people:
            alone = f", the only thread in {len(person.only_thread)}" if person.only_thread else ""
            lines.append(f"  {person.name}: {len(person.accounts)} account{'s' if len(person.accounts) != 1 else ''}"
                         f"{alone}")
    return "\n".join(lines)
