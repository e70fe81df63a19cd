"""Planning an import: which rows become new people, which are there already, which are bad.

:func:`plan_import` reads nothing and changes nothing: from a parsed table, a mapping
and a board it works out one :class:`~dmuboard.model.document.Change` that puts all
new people, with fresh ids and free positions. The caller applies that change in one
go (the command line through ``Document.apply``, the GUI through ``Editor.submit``),
so an import is one transaction and one undo step.

People already on the board (same name and title, ignoring case, accents and spacing)
are not added again, and neither is a person listed twice in the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from dmuboard.csvio.contacts import contact_of_row
from dmuboard.csvio.fields import check_mapping, simplify
from dmuboard.csvio.people import Context, RowProblem, person_from_row
from dmuboard.csvio.placement import free_slots
from dmuboard.csvio.reading import Problem, Table
from dmuboard.model.board import Board, Link, Person
from dmuboard.model.document import Change


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A row left out because its person is there already: on the board, or earlier in the file."""

    row: int
    name: str
    on_board: bool


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What importing a table would do."""

    source: str
    side: str
    people: tuple[Person, ...]
    duplicates: tuple[Duplicate, ...]
    problems: tuple[Problem, ...]
    links: tuple[Link, ...] = ()  # relationships from the owner and last-contact columns

    @property
    def change(self) -> Change:
        """The one change that adds the new people (and their relationships)."""
        count = len(self.people)
        label = f"Import {count} {'person' if count == 1 else 'people'} from {self.source}"
        return Change(people=self.people, links=self.links, label=label)

    def summary(self) -> str:
        """``12 new people, 3 already on the board, 1 bad row (row 7, column Rol: ...)``."""
        count = len(self.people)
        parts = [f"{count} new {'person' if count == 1 else 'people'}"]
        on_board = sum(1 for d in self.duplicates if d.on_board)
        twice = len(self.duplicates) - on_board
        if on_board:
            parts.append(f"{on_board} already on the board")
        if twice:
            parts.append(f"{twice} listed twice in the file")
        if self.problems:
            bad = len(self.problems)
            shown = "; ".join(str(p) for p in self.problems[:3])
            more = f"; and {bad - 3} more" if bad > 3 else ""
            parts.append(f"{bad} bad {'row' if bad == 1 else 'rows'} ({shown}{more})")
        return ", ".join(parts)

    def refusal(self, hint: str) -> str | None:
        """Why nothing may be imported without skipping bad rows, or ``None`` when all rows are good."""
        if not self.problems:
            return None
        first = self.problems[0]
        others = len(self.problems) - 1
        more = f" (and {others} more bad {'row' if others == 1 else 'rows'})" if others else ""
        return f"{self.source}, {first}{more}. Nothing was imported; {hint}"


def person_key(name: str, title: str) -> tuple[str, str]:
    """What makes two people the same person for an import: name and title, loosely compared."""
    return simplify(name), simplify(title)


def plan_import(
    board: Board, table: Table, mapping: Mapping[int, str], side: str, *, place: bool = True
) -> ImportPlan:
    """Work out the import of ``table`` into ``board`` on ``side`` (a column may say otherwise).

    ``place=False`` leaves the new people without ids and positions: enough to count
    them for a preview, and quicker on a large file.
    """
    labels = table.labels
    check_mapping(dict(mapping), labels)
    context = Context(side, board.info.customer, board.info.our_company)
    known = {person_key(p.name, p.title) for p in board.people.values()}
    seen: set[tuple[str, str]] = set()
    problems: list[Problem] = list(table.problems)
    duplicates: list[Duplicate] = []
    drafts: list[Person] = []
    contacts: dict[int, tuple[str, str | None]] = {}  # draft index -> our person, last contact
    for row in table.rows:
        try:
            person = person_from_row(row, mapping, labels, context)
            owner, last = contact_of_row(row, mapping, labels, board)
            if owner is not None and person.side != "customer":
                raise RowProblem(Problem(row.number, "", "a relationship joins one of ours with one of theirs; "
                                         "import with --side customer"))
        except RowProblem as error:
            problems.append(error.problem)
            continue
        key = person_key(person.name, person.title)
        if key in known or key in seen:
            duplicates.append(Duplicate(row.number, person.name, key in known))
            continue
        seen.add(key)
        if owner is not None:
            contacts[len(drafts)] = (owner, last)
        drafts.append(person)
    problems.sort(key=lambda p: p.row)
    people = _place(board, drafts) if place else tuple(drafts)
    links: list[Link] = []
    if place:
        number = max((int(lid[1:]) for lid in board.links if re.fullmatch(r"l\d+", lid)), default=0)
        for i, (owner, last) in contacts.items():
            number += 1
            links.append(Link(f"l{number}", owner, people[i].id, "relationship", 3, last_contact=last))
    return ImportPlan(table.name, side, people, tuple(duplicates), tuple(problems), tuple(links))


def _place(board: Board, drafts: list[Person]) -> tuple[Person, ...]:
    """The drafts with fresh ids and free positions on their side."""
    placed: dict[int, Person] = {}
    ids = _IdMaker(board)
    everyone = list(board.people.values())
    for side in ("customer", "ours"):
        mine = [i for i, p in enumerate(drafts) if p.side == side]
        for i, (x, y) in zip(mine, free_slots(everyone, side, len(mine)), strict=True):
            placed[i] = replace(drafts[i], id=ids.next(side), x=x, y=y)
            everyone.append(placed[i])
    return tuple(placed[i] for i in range(len(drafts)))


class _IdMaker:
    """Fresh person ids in the board's own pattern (``p12``, ``u3``), like ``Document.new_person_id``."""

    def __init__(self, board: Board) -> None:
        self._highest = {"p": 0, "u": 0}
        for key in board.people:
            match = re.fullmatch(r"([pu])(\d+)", key)
            if match:
                prefix = match.group(1)
                self._highest[prefix] = max(self._highest[prefix], int(match.group(2)))
        self._taken = set(board.people)

    def next(self, side: str) -> str:
        prefix = "p" if side == "customer" else "u"
        while True:
            self._highest[prefix] += 1
            candidate = f"{prefix}{self._highest[prefix]}"
            if candidate not in self._taken:
                self._taken.add(candidate)
                return candidate
