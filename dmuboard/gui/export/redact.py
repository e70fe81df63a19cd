"""The board an export is drawn from: the Proposal profile's customer-safe copy,
and the part of a board a selection export shows.

The Proposal profile does not rely on hiding things on the canvas: what the
customer must not see is taken out of the data before a single item is made, so
it cannot reach the file even invisibly. Stances become ``unknown``; our ratings
(everyone's influence, every relationship's strength) become one placeholder value
that is never drawn: the canvas's proposal profile draws no influence dots, every card
at one size and relationships without their strength, so no false value shows. Notes,
interests, link notes and the board's notes become empty; ``conflict`` links and
saved views (their names are the team's words) are dropped. The canvas is then
also put in its proposal profile, which leaves out stance colours, words and badges.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from dmuboard.model.board import Board, Person

SECRET_LINK_KINDS = frozenset({"conflict"})
NEUTRAL_INFLUENCE = 3  # everyone alike (and never drawn): our ratings stay with us
NEUTRAL_STRENGTH = 3


def proposal_board(board: Board) -> Board:
    """A copy of ``board`` with everything the customer must not see removed."""
    people = {pid: _customer_safe(person) for pid, person in board.people.items()}
    links = {
        lid: replace(link, note="", strength=NEUTRAL_STRENGTH if link.strength is not None else None)
        for lid, link in board.links.items()
        if link.kind not in SECRET_LINK_KINDS
    }
    return Board(replace(board.info, notes=""), people, links, ())


def _customer_safe(person: Person) -> Person:
    return replace(person, stance="unknown", notes="", interests="", influence=NEUTRAL_INFLUENCE)


def part_of(board: Board, person_ids: Iterable[str]) -> Board:
    """The people named (those that exist) and the links among them."""
    keep = {pid for pid in person_ids if pid in board.people}
    people = {pid: p for pid, p in board.people.items() if pid in keep}
    links = {lid: link for lid, link in board.links.items() if link.source in keep and link.target in keep}
    return Board(board.info, people, links, board.views)


def secrets_of(board: Board) -> list[str]:
    """The strings of ``board`` a proposal must not contain (for checks and tests).

    Stance words are not included: they are ordinary English words that may well
    appear in a name or title. Callers check for those separately.
    """
    found: list[str] = []
    if board.info.notes.strip():
        found.append(board.info.notes.strip())
    for person in board.people.values():
        found.extend(text.strip() for text in (person.notes, person.interests) if text.strip())
    found.extend(link.note.strip() for link in board.links.values() if link.note.strip())
    return found
