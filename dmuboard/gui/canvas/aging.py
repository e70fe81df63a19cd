"""Relationships that age on the canvas: "Touched Today", and stale lines drawn faded."""

from __future__ import annotations

from dataclasses import replace

from dmuboard.analysis.staleness import is_stale, today_utc
from dmuboard.model.board import Board, Link
from dmuboard.model.document import Change

STALE_OPACITY = 0.35


def touched_today(link: Link) -> Change:
    """The change that sets a relationship's last contact to today (UTC)."""
    return Change(links=(replace(link, last_contact=today_utc().isoformat()),), label="Touched today")


def faded(link: Link, board: Board | None) -> bool:
    """Whether the line is drawn faded: a relationship past the board's stale days."""
    return board is not None and link.last_contact is not None and is_stale(link, board, today_utc())
