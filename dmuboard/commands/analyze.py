"""``dmuboard analyze FILE [--json]``: what the board tells the seller.

Without ``--json`` a report for a person, grouped by severity and using names; with
``--json`` exactly the JSON object of shared/spec/analysis.md and nothing else.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dmuboard.analysis import SEVERITIES, Analysis, analyze, to_json
from dmuboard.boardio import read_board
from dmuboard.commands.historykit import iso_day
from dmuboard.model.board import Board

NAME = "analyze"
HELP = "print the findings of a board (.dmu or .json): who we do not reach, what is missing"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the board, a .dmu file or a .json document")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON only")
    parser.add_argument("--as-of", type=iso_day, metavar="DATE",
                        help="analyse as on this day (2026-11-30), which decides the stale relationships; "
                        "default: today (UTC)")
    parser.add_argument("--profile", type=Path, metavar="FILE",
                        help="check the board against this DMU profile (default: its library's, "
                        "dmu-profile.json beside it, if there is one)")


def run(args: argparse.Namespace) -> int:
    board = read_board(args.file)
    from dmuboard.portfolio.profilefile import library_profile, read_profile

    profile = read_profile(args.profile) if args.profile else library_profile(args.file.parent)
    analysis = analyze(board, args.as_of, profile=profile)
    json_text = args.json and json.dumps(to_json(analysis, board), ensure_ascii=False, indent=2)
    text = json_text or report(analysis, board)
    _write(text + "\n")
    return 0


def _write(text: str) -> None:
    """UTF-8 on stdout whatever the locale says, so names never break the output."""
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    stream.write(text.encode("utf-8"))
    stream.flush()


def report(analysis: Analysis, board: Board) -> str:
    """The findings for a person: the numbers first, then findings grouped by severity."""
    m = analysis.metrics
    low, high = m.expected_dmu
    covered, required = m.required_roles_covered
    lines = [
        board.info.title,
        f"Customer people: {m.customer_people} (deals like this involve {low} to {high}); "
        f"our people: {m.our_people}",
        f"Contacts: {m.contacts} of {m.customer_people} (coverage {m.coverage:.0%}), "
        f"{m.relationships} relationship{'s' if m.relationships != 1 else ''}; "
        f"required roles covered: {covered} of {required}",
    ]
    if not analysis.findings:
        lines += ["", "No findings: every rule of the analysis is satisfied."]
    for severity in SEVERITIES:
        group = [f for f in analysis.findings if f.severity == severity]
        if not group:
            continue
        lines += ["", f"{severity.upper()} ({len(group)})"]
        for finding in group:
            lines.append(f"  - {finding.message}")
            if finding.advice:
                lines.append(f"    What to do: {finding.advice}")
    return "\n".join(lines)
