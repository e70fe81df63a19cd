"""Relationships that have gone quiet: no contact for the board's ``stale_days``.

A relationship whose ``last_contact`` lies that many days or more before the day of
the analysis is *stale*: it counts as weak (strength 1) for every rule and path of the
analysis, and gets a ``stale_relationship`` finding that says who to call. A
relationship without a last-contact date is never stale (nobody said when it was).
"""

from __future__ import annotations

import datetime
from dataclasses import replace

from dmuboard.analysis.facts import Facts
from dmuboard.analysis.result import Finding
from dmuboard.model.board import Board, Link


def today_utc() -> datetime.date:
    return datetime.datetime.now(datetime.UTC).date()


def days_since(link: Link, today: datetime.date) -> int | None:
    """Whole days from the link's last contact to ``today`` (None without a date)."""
    if link.last_contact is None:
        return None
    return (today - datetime.date.fromisoformat(link.last_contact)).days


def is_stale(link: Link, board: Board, today: datetime.date) -> bool:
    days = days_since(link, today)
    return link.kind == "relationship" and days is not None and days >= board.info.stale_days


def stale_links(board: Board, today: datetime.date) -> list[Link]:
    return [link for link in board.links.values() if is_stale(link, board, today)]


def weakened(board: Board, stale: list[Link]) -> Board:
    """``board`` with its stale relationships at strength 1 (the board itself unchanged)."""
    if not stale:
        return board
    aged = board.copy()
    for link in stale:
        aged.links[link.id] = replace(link, strength=1)
    return aged


def stale_findings(board: Board, facts: Facts, stale: list[Link]) -> list[Finding]:
    """One ``stale_relationship`` per stale link: [customer person, our person]; high when
    it is the only relationship of a decider."""
    found = []
    for link in stale:
        customer, ours = (link.source, link.target) if board.people[link.source].is_customer else (
            link.target, link.source)
        only_thread = len(facts.partners.get(customer, ())) == 1
        decider = "decider" in board.people[customer].roles
        found.append(Finding("stale_relationship", "high" if only_thread and decider else "medium",
                             (customer, ours)))
    return found
