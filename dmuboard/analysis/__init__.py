"""What the board hides: metrics and findings of shared/spec/analysis.md.

Pure Python on networkx, no Qt and no database: ``analyze(board)`` reads a board and
returns an :class:`Analysis`; ``to_json`` gives the form ``dmuboard analyze --json``
prints. ``WarmPaths``/``warm_path`` find the chain of introductions to a person.
"""

from __future__ import annotations

import datetime
from typing import Any

from dmuboard.analysis import facts as _facts
from dmuboard.analysis import metrics as _metrics
from dmuboard.analysis import rules as _rules
from dmuboard.analysis import staleness as _staleness
from dmuboard.analysis.advice import Wording, path_in_words
from dmuboard.analysis.metrics import BENCHMARK_CONTACTS, BENCHMARK_DMU, expected_dmu
from dmuboard.analysis.paths import WarmPath, WarmPaths, warm_path
from dmuboard.analysis.result import SEVERITIES, Analysis, Finding, Metrics
from dmuboard.model.board import Board
from dmuboard.model.profile import ProfileEntry

__all__ = [
    "BENCHMARK_CONTACTS",
    "BENCHMARK_DMU",
    "SEVERITIES",
    "Analysis",
    "Finding",
    "Metrics",
    "WarmPath",
    "WarmPaths",
    "analyze",
    "expected_dmu",
    "path_in_words",
    "to_json",
    "unworded_findings",
    "warm_path",
]


def analyze(
    board: Board, today: datetime.date | None = None, *, profile: tuple[ProfileEntry, ...] | None = None
) -> Analysis:
    """The metrics and the findings of ``board`` on the day ``today`` (UTC's today by
    default; it decides which relationships are stale), findings in the spec's order
    and worded; ``profile`` is the library's DMU profile (None: no ``profile_gap`` findings)."""
    wording, facts, findings = unworded_findings(board, today, profile=profile)
    found = [wording.word(finding) for finding in findings]
    return Analysis(_metrics.compute(wording.board, facts), found)


def unworded_findings(
    board: Board, today: datetime.date | None = None, *, profile: tuple[ProfileEntry, ...] | None = None
) -> tuple[Wording, _facts.Facts, list[Finding]]:
    """The findings in the spec's order without their words, and the :class:`Wording` that
    words them (for callers that show only some, such as a comparison of two moments)."""
    day = today or _staleness.today_utc()
    stale = _staleness.stale_links(board, day)
    board = _staleness.weakened(board, stale)
    facts = _facts.gather(board)
    findings = _rules.findings(board, facts, profile)
    if stale:
        findings.extend(_staleness.stale_findings(board, facts, stale))
        findings.sort(key=Finding.sort_key)
    return Wording(board, facts.warm, day), facts, findings


def to_json(analysis: Analysis, board: Board) -> dict[str, Any]:
    """The JSON object of the spec (``dmuboard analyze FILE --json``)."""
    m = analysis.metrics
    findings = []
    for f in analysis.findings:
        item: dict[str, Any] = {"code": f.code, "severity": f.severity, "people": list(f.people),
                                "message": f.message}
        if f.role is not None:
            item["role"] = f.role
        if f.expected is not None:
            item["expected"] = list(f.expected)
        if f.label is not None:
            item["label"] = f.label
            item["state"] = f.state
        findings.append(item)
    return {
        "board": board.info.title,
        "metrics": {
            "customer_people": m.customer_people,
            "our_people": m.our_people,
            "contacts": m.contacts,
            "relationships": m.relationships,
            "coverage": m.coverage,
            "expected_dmu": list(m.expected_dmu),
            "required_roles_covered": list(m.required_roles_covered),
        },
        "findings": findings,
    }
