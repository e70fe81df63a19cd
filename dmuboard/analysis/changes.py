"""What changed between two moments of a board: the board's own differences
(:func:`dmuboard.model.history.compare`) and the findings that appeared or went."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from dmuboard.analysis import unworded_findings
from dmuboard.analysis.result import Finding
from dmuboard.model.board import Board
from dmuboard.model.history.compare import BoardDiff, compare, diff_to_json


@dataclass(slots=True)
class Changes:
    since: str
    until: str
    board: BoardDiff
    new: list[Finding] = field(default_factory=list)  # as the later board words them
    gone: list[Finding] = field(default_factory=list)  # as the earlier board worded them


def _identity(finding: Finding) -> tuple[str, tuple[str, ...], str | None]:
    return (finding.code, finding.people, finding.role)


def changes_between(before: Board, after: Board, *, since: str, until: str,
                    since_day: datetime.date | None = None, until_day: datetime.date | None = None) -> Changes:
    """The differences from ``before`` to ``after``; each board is analysed as of its own
    day (``since_day``, ``until_day``), so relationships that went stale in between show."""
    old_words, _, old = unworded_findings(before, since_day)
    new_words, _, new = unworded_findings(after, until_day)
    old_ids = {_identity(f) for f in old}
    new_ids = {_identity(f) for f in new}
    return Changes(since, until, compare(before, after),
                   [new_words.word(f) for f in new if _identity(f) not in old_ids],
                   [old_words.word(f) for f in old if _identity(f) not in new_ids])


def finding_json(finding: Finding) -> dict[str, Any]:
    item: dict[str, Any] = {"code": finding.code, "people": list(finding.people), "severity": finding.severity,
                            "message": finding.message}
    if finding.role is not None:
        item["role"] = finding.role
    if finding.expected is not None:
        item["expected"] = list(finding.expected)
    return item


def changes_to_json(changes: Changes) -> dict[str, Any]:
    """The object ``dmuboard diff --json`` prints (cli.md)."""
    return {"since": changes.since, "until": changes.until, **diff_to_json(changes.board),
            "findings": {"new": [finding_json(f) for f in changes.new],
                         "gone": [finding_json(f) for f in changes.gone]}}
