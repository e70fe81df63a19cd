"""One board as one row of the portfolio.

The board is read the way ``dmuboard analyze`` reads it (the store's untrusted-file
checks, then the model's rules) but strictly read-only: a board left half-written by
a crash is reported, not repaired, and the board's lock file is never touched. The
counts come from the analysis itself, so they equal what ``dmuboard analyze`` says.
A file that cannot be read is a row with an ``error`` sentence and nothing else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dmuboard.analysis import facts as _facts
from dmuboard.analysis import metrics as _metrics
from dmuboard.analysis import rules as _rules
from dmuboard.analysis.profile import states as profile_states
from dmuboard.analysis.result import SEVERITIES
from dmuboard.boardio import read_board
from dmuboard.model.board import Board
from dmuboard.model.errors import UserError
from dmuboard.model.profile import ProfileEntry
from dmuboard.store.sidecars import beside


@dataclass(frozen=True, slots=True)
class Holder:
    """One of our people on a board and the relationships they hold there."""

    name: str
    relationships: int


@dataclass(frozen=True, slots=True)
class BoardSummary:
    """What the portfolio shows of one board; ``error`` set means only ``path`` is known."""

    path: str
    error: str | None = None
    title: str = ""
    customer: str = ""
    deal_value: float | None = None
    currency: str = ""
    purchase_type: str = ""
    outcome: str = "open"
    outcome_date: str = ""
    customer_people: int = 0
    our_people: int = 0
    contacts: int = 0
    relationships: int = 0
    coverage: float = 0.0
    expected_dmu: tuple[int, int] = (0, 0)
    findings: dict[str, int] = field(default_factory=dict)
    codes: tuple[str, ...] = ()  # every finding's code, in the analysis's order
    single_threaded: bool = False
    decider_reached: bool | None = None  # None: nobody on the board is a decider
    holders: tuple[Holder, ...] = ()
    profile: tuple[tuple[str, str], ...] = ()  # (label, missing|unknown|covered) per profile entry
    people_text: str = ""  # every name on the board, lower case, for searching
    changed_ns: int = 0

    @property
    def profile_gaps(self) -> int:
        return sum(1 for _, state in self.profile if state != "covered")

    def to_json(self) -> dict[str, Any]:
        """The row of ``dmuboard portfolio --json`` (shared/spec/cli.md, docs/spec/cli.md)."""
        if self.error is not None:
            return {"path": self.path, "error": self.error}
        return {
            "path": self.path, "title": self.title, "customer": self.customer, "outcome": self.outcome,
            "outcome_date": self.outcome_date or None,
            "deal_value": self.deal_value, "currency": self.currency, "purchase_type": self.purchase_type,
            "customer_people": self.customer_people, "our_people": self.our_people,
            "contacts": self.contacts, "relationships": self.relationships, "coverage": self.coverage,
            "expected_dmu": list(self.expected_dmu),
            "findings": {severity: self.findings.get(severity, 0) for severity in SEVERITIES},
            "codes": list(self.codes),
            "single_threaded": self.single_threaded, "decider_reached": self.decider_reached,
            "holders": [{"name": h.name, "relationships": h.relationships} for h in self.holders],
            "profile": [{"label": label, "state": state} for label, state in self.profile],
            "profile_gaps": self.profile_gaps,
            "changed": self.changed_ns // 1_000_000_000,
            "error": None,
        }


def summarize(path: str | os.PathLike[str], profile: tuple[ProfileEntry, ...] | None = None) -> BoardSummary:
    """The row of the board at ``path`` checked against the library ``profile``; a damaged or
    hostile file gives a row with an error."""
    path = Path(path)
    try:
        changed = path.stat().st_mtime_ns
        board = read_untouched(path)
    except UserError as error:
        return BoardSummary(str(path), error=error.message)
    except OSError as error:
        return BoardSummary(str(path), error=f"{path.name} cannot be read: {error.strerror or error}.")
    except (MemoryError, RecursionError):
        return BoardSummary(str(path), error=f"{path.name} is too large or too deeply nested to read.")
    return summary_of(board, str(path), changed, profile)


def read_untouched(path: Path) -> Board:
    """The board at ``path``, read without writing anything: not even a crash's repair."""
    if beside(path):
        # Repairing it would write to the file; the portfolio only ever reads.
        raise UserError(f"{path.name} is being written right now, or was left half-written by a program that "
                        "stopped (then open it once to repair it).")
    return read_board(path)


def summary_of(board: Board, path: str, changed_ns: int = 0,
               profile: tuple[ProfileEntry, ...] | None = None) -> BoardSummary:
    """The row of an already read ``board``."""
    facts = _facts.gather(board)
    found = _rules.findings(board, facts, profile)
    entries = () if profile is None else tuple(
        (s.entry.label, s.state) for s in profile_states(board, facts, profile))
    metrics = _metrics.compute(board, facts)
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in found:
        counts[finding.severity] += 1
    codes = tuple(f.code for f in found)
    has_decider = any("decider" in board.people[pid].roles for pid in facts.customers)
    people = board.people
    holders = tuple(Holder(people[uid].name, facts.held.get(uid, 0)) for uid in facts.ours)
    info = board.info
    return BoardSummary(
        path=path, title=info.title, customer=info.customer, deal_value=info.deal_value,
        currency=info.currency, purchase_type=info.purchase_type,
        outcome=info.outcome, outcome_date=info.outcome_date,
        customer_people=metrics.customer_people, our_people=metrics.our_people,
        contacts=metrics.contacts, relationships=metrics.relationships, coverage=metrics.coverage,
        expected_dmu=metrics.expected_dmu, findings=counts, codes=codes,
        single_threaded="single_threaded" in codes,
        decider_reached=("decider_unreachable" not in codes) if has_decider else None,
        holders=holders, profile=entries,
        people_text="\n".join(p.name.casefold() for p in people.values()),
        changed_ns=changed_ns,
    )
