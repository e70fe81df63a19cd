"""The smallest fix for a board that breaks a rule of the format.

A board written by two programs at once, or by a tool that knows nothing of the rules,
may hold a reporting cycle or a link to a person who is gone. Such a board still opens
(read-only, saying what is wrong), and the user is offered this fix: the links the
rule checks blame, one at a time, newest first (a cycle is blamed on the line that
closed it), until the board keeps every rule. Nothing else is changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from dmuboard.model.board import Board, Link
from dmuboard.model.document import Change, check_board
from dmuboard.model.errors import BoardError

# A repair stays small enough to read before it is made; a board that needs more is
# refused as damaged, as before.
MAX_REMOVED = 20


@dataclass(frozen=True)
class Repair:
    """What is wrong with a board, and the change that mends it."""

    problem: str
    removed: tuple[Link, ...]
    board: Board  # the board with the change made

    @property
    def change(self) -> Change:
        return Change(removed_links=tuple(link.id for link in self.removed))

    def describe(self, original: Board) -> str:
        """One line per link the repair removes, with the names a user knows."""
        def name(pid: str) -> str:
            person = original.people.get(pid)
            return person.name if person is not None else f"{pid!r} (not on the board)"

        return "\n".join(
            f"• {name(link.source)} {link.kind.replace('_', ' ')} {name(link.target)} (link {link.id})"
            for link in self.removed
        )


def plan_repair(board: Board) -> Repair | None:
    """The smallest fix for ``board``, or None when it keeps every rule or when what it
    breaks is not mended by removing links."""
    links = dict(board.links)
    removed: list[Link] = []
    problem = ""
    for _ in range(min(len(board.links), MAX_REMOVED) + 1):
        trial = Board(board.info, dict(board.people), dict(links), board.views)
        try:
            check_board(trial)
        except BoardError as error:
            problem = problem or str(error)
            blamed = _blamed_link(error.place, links)
            if blamed is None:
                return None
            removed.append(links.pop(blamed))
            continue
        return Repair(problem, tuple(removed), trial) if removed else None
    return None  # more than MAX_REMOVED links to remove


def _blamed_link(place: str, links: dict[str, Link]) -> str | None:
    """The id in ``link ID`` or ``link ID.field``, when it names a link of the board."""
    if not place.startswith("link "):
        return None
    rest = place.removeprefix("link ")
    return next((lid for lid in (rest, rest.rsplit(".", 1)[0]) if lid in links), None)
