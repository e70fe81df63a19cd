"""The portfolio as CSV for a spreadsheet: one row per board, the columns of the window.

Written as the board exports are (:mod:`dmuboard.csvio.export`): UTF-8 with a byte
order mark, formula-like text cells defused.
"""

from __future__ import annotations

from collections.abc import Sequence

from dmuboard.csvio.export import _csv, _number, safe_cell
from dmuboard.portfolio.summary import BoardSummary

HEADER = ("path", "customer", "title", "deal_value", "currency", "purchase_type", "outcome", "outcome_date",
          "customer_people", "expected_low", "expected_high", "contacts", "coverage", "high", "medium", "low",
          "single_threaded", "decider_reached", "profile_gaps", "our_people", "error")


def _flag(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _row(row: BoardSummary) -> list[str]:
    if row.error is not None:
        return [safe_cell(row.path)] + [""] * (len(HEADER) - 2) + [safe_cell(row.error)]
    holders = "; ".join(f"{h.name} ({h.relationships})" for h in row.holders if h.relationships)
    return [
        safe_cell(row.path), safe_cell(row.customer), safe_cell(row.title), _number(row.deal_value), row.currency,
        row.purchase_type, row.outcome, row.outcome_date, str(row.customer_people), str(row.expected_dmu[0]),
        str(row.expected_dmu[1]), str(row.contacts), f"{row.coverage:.3f}", str(row.findings.get("high", 0)),
        str(row.findings.get("medium", 0)), str(row.findings.get("low", 0)), _flag(row.single_threaded),
        _flag(row.decider_reached), str(row.profile_gaps) if row.profile else "", safe_cell(holders), "",
    ]


def portfolio_csv(rows: Sequence[BoardSummary], delimiter: str = ",") -> str:
    return _csv(HEADER, (_row(r) for r in rows), delimiter)
