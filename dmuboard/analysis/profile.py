"""The board against our DMU profile: each entry missing, unknown or covered.

An entry is *missing* when nobody on the customer side matches it (title keyword or
role, :meth:`ProfileEntry.matches`), *unknown* when someone matches but none of us has
a relationship with any of them, and *covered* otherwise. Missing and unknown entries
are ``profile_gap`` findings (docs/spec/analysis.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from dmuboard.analysis.facts import Facts
from dmuboard.analysis.result import Finding
from dmuboard.model.board import Board
from dmuboard.model.profile import ProfileEntry

STATES = ("missing", "unknown", "covered")


@dataclass(frozen=True, slots=True)
class EntryState:
    entry: ProfileEntry
    state: str
    people: tuple[str, ...]  # the customer people who match, sorted


def board_entries(board: Board, library: tuple[ProfileEntry, ...]) -> tuple[ProfileEntry, ...]:
    """The library's profile with the board's own additions and omissions."""
    changes = board.info.profile
    return library if changes is None else changes.apply(library)


def states(board: Board, facts: Facts, library: tuple[ProfileEntry, ...]) -> list[EntryState]:
    found = []
    people = board.people
    for entry in board_entries(board, library):
        matching = tuple(sorted(pid for pid in facts.customers
                                if entry.matches(people[pid].title, people[pid].roles, people[pid].department)))
        if not matching:
            state = "missing"
        elif any(facts.partners.get(pid) for pid in matching):
            state = "covered"
        else:
            state = "unknown"
        found.append(EntryState(entry, state, matching))
    return found


def gaps(board: Board, facts: Facts, library: tuple[ProfileEntry, ...] | None) -> list[Finding]:
    """``profile_gap`` findings; none at all when there is no library profile."""
    if library is None:
        return []
    return [Finding("profile_gap", "medium", s.people, label=s.entry.label, state=s.state)
            for s in states(board, facts, library) if s.state != "covered"]
