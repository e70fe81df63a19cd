"""The warm graph: who can introduce us to whom.

Its edges are the ``relationship``, ``influences`` and ``reports_to`` links, without
direction (``conflict`` links are left out). A warm path to a customer person is the
shortest chain from any of our people to them along these edges: the introductions
we would ask for. Among chains of equal length the one whose relationships are
strongest wins, then the one through the lowest ids, so the answer is stable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dmuboard.model.board import Board, Link

WARM_KINDS = frozenset({"relationship", "influences", "reports_to"})


@dataclass(frozen=True, slots=True)
class WarmPath:
    """A chain from one of our people to a customer person.

    ``people`` starts with our person and ends with the target; ``links`` holds the
    link between each consecutive pair (one fewer than people).
    """

    people: tuple[str, ...]
    links: tuple[Link, ...]


def warm_adjacency(board: Board) -> dict[str, list[Link]]:
    """Each person's links in the warm graph (a list of links, not of pairs: fewer objects to make)."""
    adjacency: dict[str, list[Link]] = {pid: [] for pid in board.people}
    for link in board.links.values():
        if link.kind in WARM_KINDS:
            adjacency[link.source].append(link)
            adjacency[link.target].append(link)
    return adjacency


def reaches_any(board: Board, adjacency: dict[str, list[Link]], targets: Iterable[str]) -> bool:
    """Is any of ``targets`` connected to one of our people in the warm graph? The
    search stops at the first target it meets."""
    wanted = set(targets)
    seen = {pid for pid, person in board.people.items() if person.side == "ours"}
    if seen & wanted:
        return True
    todo = list(seen)
    while todo:
        current = todo.pop()
        for link in adjacency[current]:
            other = link.target if link.source == current else link.source
            if other not in seen:
                if other in wanted:
                    return True
                seen.add(other)
                todo.append(other)
    return False


class WarmPaths:
    """The shortest warm paths from our team to everyone, computed once."""

    def __init__(self, board: Board, adjacency: dict[str, list[Link]] | None = None) -> None:
        adjacency = adjacency if adjacency is not None else warm_adjacency(board)
        parent: dict[str, tuple[str, Link] | None] = {}
        self._parent = parent
        # Breadth first, one number of introductions at a time: everyone at the next
        # distance keeps the way in with the least weakness (the sum of 5 - strength
        # over its relationships), ties going to the first one offered. The people at
        # one distance offer their ways on in order of (weakness, id), which is the
        # order of a shortest-path search on (introductions, weakness, id).
        weakness = {pid: 0 for pid, person in board.people.items() if person.side == "ours"}
        parent.update(dict.fromkeys(weakness))
        ring = sorted(weakness)
        while ring:
            offered: dict[str, int] = {}
            for current in ring:
                so_far = weakness[current]
                for link in adjacency[current]:
                    other = link.target if link.source == current else link.source
                    if other in weakness:
                        continue  # as near as current, or nearer
                    cost = so_far + 5 - (link.strength or 5)
                    known = offered.get(other)
                    if known is None or cost < known:
                        offered[other] = cost
                        parent[other] = (current, link)
            weakness.update(offered)
            ring = sorted(offered, key=lambda pid: (offered[pid], pid))

    def path_to(self, person_id: str) -> WarmPath | None:
        """The chain from one of ours to ``person_id``, or None when no chain exists."""
        if person_id not in self._parent:
            return None
        people = [person_id]
        links: list[Link] = []
        step = self._parent[person_id]
        while step is not None:
            previous, link = step
            people.append(previous)
            links.append(link)
            step = self._parent[previous]
        people.reverse()
        links.reverse()
        return WarmPath(tuple(people), tuple(links))


def warm_path(board: Board, person_id: str) -> WarmPath | None:
    """The shortest warm path from any of our people to ``person_id`` (None: there is none)."""
    return WarmPaths(board).path_to(person_id)
