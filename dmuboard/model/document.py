"""The open board and the one way to change it.

Every edit, whether a drag, an inspector field, a CSV import or an undo, is a
:class:`Change`. :meth:`Document.apply` checks it against the whole board, hands it
to the store (one transaction), and only when that succeeded updates memory and tells
the listeners (the scene, the panels). It returns the inverse change, which is what
undo applies. So the model, the file and the screen move together or not at all.

Checking and writing cost grows with the size of the change, not of the board.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from dmuboard.model.board import Board, BoardInfo, Link, Person, View
from dmuboard.model.errors import BoardError, ReadOnlyError

Listener = Callable[["Change"], None]


@dataclass(frozen=True, slots=True)
class Change:
    """One step: people and links put (added or replaced by id) or removed,
    and optionally new board details or saved views.

    Applied in the order: remove links, remove people, put people, put links,
    board details, views.
    """

    people: tuple[Person, ...] = ()
    removed_people: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    removed_links: tuple[str, ...] = ()
    info: BoardInfo | None = None
    views: tuple[View, ...] | None = None
    label: str = field(default="", compare=False)
    # What the step is, as the history records it: "edit", or "undo"/"redo" of an edit.
    step: str = field(default="edit", compare=False)

    @property
    def empty(self) -> bool:
        return not (
            self.people
            or self.removed_people
            or self.links
            or self.removed_links
            or self.info is not None
            or self.views is not None
        )


class ChangeSink(Protocol):
    """Where changes go to be kept: the .dmu store, one transaction per change."""

    def write(self, change: Change) -> None: ...


_LINK_SIDES = {
    "reports_to": "same side",
    "influences": "customer",
    "conflict": "customer",
    "relationship": "across",
}


def check_link_ends(link: Link, source: Person | None, target: Person | None) -> None:
    """Raise :class:`BoardError` when ``link`` cannot join these two people."""
    if source is None:
        raise BoardError("from", f"no person with id {link.source!r}")
    if target is None:
        raise BoardError("to", f"no person with id {link.target!r}")
    rule = _LINK_SIDES[link.kind]
    if rule == "same side" and source.side != target.side:
        raise BoardError("kind", "a reporting line joins two people on the same side")
    if rule == "customer" and not (source.is_customer and target.is_customer):
        what = "an influence line" if link.kind == "influences" else "a conflict"
        raise BoardError("kind", f"{what} joins two people on the customer side")
    if rule == "across" and source.side == target.side:
        raise BoardError("kind", "a relationship joins one of ours with one of theirs")


class Document:
    """An open board: the model in memory, its indexes, and where changes are kept."""

    def __init__(
        self,
        board: Board,
        sink: ChangeSink | None = None,
        *,
        read_only_reason: str | None = None,
    ) -> None:
        board.seal()
        self._board = board
        self._sink = sink
        self.read_only_reason = read_only_reason
        self._listeners: list[Listener] = []
        self._by_person: dict[str, set[str]] = {pid: set() for pid in board.people}
        self._by_key: dict[tuple[str, str, str], str] = {}
        for link in board.links.values():
            self._index_link(link)
        self._id_counter = itertools.count(1)

    # -- reading ---------------------------------------------------------------

    @property
    def board(self) -> Board:
        """The board as it is now: a live view that raises on writing (:meth:`apply` changes it)."""
        return self._board

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def person(self, person_id: str) -> Person | None:
        return self._board.people.get(person_id)

    def links_of(self, person_id: str) -> list[Link]:
        links = self._board.links
        return [links[lid] for lid in sorted(self._by_person.get(person_id, ()))]

    def find_link(self, kind: str, source: str, target: str) -> Link | None:
        if source == target:  # no link joins a person to themselves
            return None
        probe = Link("probe", source, target, kind, 3 if kind == "relationship" else None)
        lid = self._by_key.get(probe.key)
        return self._board.links.get(lid) if lid else None

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    # -- making changes ----------------------------------------------------------

    def new_person_id(self, side: str) -> str:
        prefix = "p" if side == "customer" else "u"
        return self._fresh_id(prefix, self._board.people)

    def new_link_id(self) -> str:
        return self._fresh_id("l", self._board.links)

    def _fresh_id(self, prefix: str, taken: Mapping[str, object]) -> str:
        highest = 0
        pattern = re.compile(rf"{prefix}(\d+)")
        for key in taken:
            match = pattern.fullmatch(key)
            if match:
                highest = max(highest, int(match.group(1)))
        candidate = f"{prefix}{highest + 1}"
        while candidate in taken:  # pragma: no cover - the scan above rules this out
            candidate = f"{prefix}{highest + next(self._id_counter)}"
        return candidate

    def removal(self, person_ids: Iterable[str], link_ids: Iterable[str] = (), label: str = "") -> Change:
        """A change that deletes these people with all their links, and these links."""
        people = [pid for pid in dict.fromkeys(person_ids) if pid in self._board.people]
        links = dict.fromkeys(lid for lid in link_ids if lid in self._board.links)
        for pid in people:
            links.update(dict.fromkeys(sorted(self._by_person.get(pid, ()))))
        return Change(removed_people=tuple(people), removed_links=tuple(links), label=label)

    def apply(self, change: Change) -> Change:
        """Check, keep and apply ``change``; return the change that undoes it.

        Raises :class:`BoardError` when the change breaks a rule, :class:`ReadOnlyError`
        when the board cannot be changed, and the store's :class:`StoreError` when the
        file could not be written. In each case nothing has changed.
        """
        if self.read_only_reason is not None:
            raise ReadOnlyError(f"This board is read-only: {self.read_only_reason}")
        if change.empty:
            return change
        self.check(change)
        inverse = self._inverse(change)
        if self._sink is not None:
            self._sink.write(change)
        self._commit(change)
        for listener in list(self._listeners):
            listener(change)
        return inverse

    # -- checking ----------------------------------------------------------------

    def check(self, change: Change, link_place: Callable[[Link], str] | None = None) -> None:
        """Raise :class:`BoardError` if applying ``change`` would break a rule of the format.

        ``link_place`` names a link in messages (the JSON reader says ``links[3]``).
        """
        board = self._board
        place_of = link_place or (lambda link: f"link {link.id}")
        put_people = {p.id: p for p in change.people}
        gone_people = set(change.removed_people) - put_people.keys()
        put_links = {link.id: link for link in change.links}
        gone_links = set(change.removed_links) - put_links.keys()
        for lid in change.removed_links:
            if lid not in board.links and lid not in put_links:
                raise BoardError("link", f"no link with id {lid!r}")
        for pid in change.removed_people:
            if pid not in board.people and pid not in put_people:
                raise BoardError("person", f"no person with id {pid!r}")

        def person(pid: str) -> Person | None:
            if pid in put_people:
                return put_people[pid]
            if pid in gone_people:
                return None
            return board.people.get(pid)

        put_by_person: dict[str, list[Link]] = {}
        for link in put_links.values():
            put_by_person.setdefault(link.source, []).append(link)
            put_by_person.setdefault(link.target, []).append(link)

        def links_of(pid: str) -> Iterable[Link]:
            for lid in self._by_person.get(pid, ()):
                if lid not in gone_links and lid not in put_links:
                    yield board.links[lid]
            yield from put_by_person.get(pid, ())

        for pid in gone_people:
            if next(iter(links_of(pid)), None) is not None:
                who = board.people[pid].name
                raise BoardError("person", f"{who} still has links; remove them with the person")

        keys: dict[tuple[str, str, str], str] = {}
        for link in put_links.values():
            place = place_of(link)
            try:
                check_link_ends(link, person(link.source), person(link.target))
            except BoardError as error:
                raise error.within(place) from None
            key = link.key
            twin = keys.get(key)
            stored = self._by_key.get(key)
            if stored is not None and stored not in gone_links and stored not in put_links:
                twin = twin or stored
            if twin is not None and twin != link.id:
                raise BoardError(place, "these two people already have a link of this kind")
            keys[key] = link.id

        for pid, p in put_people.items():
            old = board.people.get(pid)
            if old is None or old.side == p.side:
                continue
            for link in links_of(pid):
                try:
                    check_link_ends(link, person(link.source), person(link.target))
                except BoardError as error:
                    raise BoardError(
                        "side", f"{p.name} cannot change side while a link says: {error.problem}"
                    ) from None

        # Latest first, so that a cycle in a document is blamed on the line that closed it.
        reporting = [link for link in put_links.values() if link.kind == "reports_to"]
        if len(reporting) > _FEW_LINES:  # a whole board being read: every line at once
            kept = (link for lid, link in board.links.items() if lid not in gone_links and lid not in put_links)
            group = _reporting_groups(itertools.chain(kept, put_links.values()))
            for link in reversed(reporting):
                if group[link.source] == group[link.target]:
                    raise BoardError(place_of(link), "this reporting line would make a cycle")
        else:
            for link in reversed(reporting):
                if self._reaches(link.target, link.source, links_of):
                    raise BoardError(place_of(link), "this reporting line would make a cycle")

        if change.views is not None:
            names: set[str] = set()
            for i, view in enumerate(change.views):
                if view.name in names:
                    raise BoardError(f"views[{i}].name", f"{view.name!r} is used twice")
                names.add(view.name)

    @staticmethod
    def _reaches(start: str, goal: str, links_of: Callable[[str], Iterable[Link]]) -> bool:
        """Does following reporting lines upwards from ``start`` reach ``goal``?"""
        seen = {start}
        todo = [start]
        while todo:
            current = todo.pop()
            if current == goal:
                return True
            for link in links_of(current):
                if link.kind == "reports_to" and link.source == current and link.target not in seen:
                    seen.add(link.target)
                    todo.append(link.target)
        return False

    # -- applying ----------------------------------------------------------------

    def _inverse(self, change: Change) -> Change:
        board = self._board
        people: dict[str, Person] = {}
        removed_people: list[str] = []
        for pid in change.removed_people:
            if pid in board.people:  # else it is put again below: a plain add
                people[pid] = board.people[pid]
        for p in change.people:
            if p.id in board.people:
                people[p.id] = board.people[p.id]
            elif p.id not in people:
                removed_people.append(p.id)
        links: dict[str, Link] = {}
        removed_links: list[str] = []
        for lid in change.removed_links:
            if lid in board.links:
                links[lid] = board.links[lid]
        for link in change.links:
            if link.id in board.links:
                links[link.id] = board.links[link.id]
            elif link.id not in links:
                removed_links.append(link.id)
        return Change(
            tuple(people.values()),
            tuple(removed_people),
            tuple(links.values()),
            tuple(removed_links),
            board.info if change.info is not None else None,
            board.views if change.views is not None else None,
            change.label,
        )

    def _commit(self, change: Change) -> None:
        # The board is sealed (read-only to everyone else): write past the guard.
        board = self._board
        people, links = board.people, board.links
        for lid in change.removed_links:
            link = dict.pop(links, lid, None)
            if link is not None:
                self._unindex_link(link)
        for pid in change.removed_people:
            dict.pop(people, pid, None)
            self._by_person.pop(pid, None)
        for p in change.people:
            dict.__setitem__(people, p.id, p)
            self._by_person.setdefault(p.id, set())
        for link in change.links:
            old = links.get(link.id)
            if old is not None:
                self._unindex_link(old)
            dict.__setitem__(links, link.id, link)
            self._index_link(link)
        if change.info is not None:
            object.__setattr__(board, "info", change.info)
        if change.views is not None:
            object.__setattr__(board, "views", change.views)

    def _index_link(self, link: Link) -> None:
        self._by_person.setdefault(link.source, set()).add(link.id)
        self._by_person.setdefault(link.target, set()).add(link.id)
        self._by_key[link.key] = link.id

    def _unindex_link(self, link: Link) -> None:
        self._by_person.get(link.source, set()).discard(link.id)
        self._by_person.get(link.target, set()).discard(link.id)
        if self._by_key.get(link.key) == link.id:
            del self._by_key[link.key]


_FEW_LINES = 32  # more reporting lines put at once are checked for cycles together


def _reporting_groups(links: Iterable[Link]) -> dict[str, int]:
    """Each person with a reporting line, numbered by strongly connected group: a line
    lies on a cycle exactly when both its ends are in the same group (Tarjan's
    algorithm, without recursion, so a chain of thousands of managers is fine)."""
    up: dict[str, list[str]] = {}
    for link in links:
        if link.kind == "reports_to":
            up.setdefault(link.source, []).append(link.target)
            up.setdefault(link.target, [])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    group: dict[str, int] = {}
    stack: list[str] = []
    for root in up:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        work = [(root, iter(up[root]))]
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    work.append((target, iter(up[target])))
                    break
                if target not in group:  # still on the stack
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    while True:
                        member = stack.pop()
                        group[member] = index[node]
                        if member == node:
                            break
    return group


def reporting_cycle(lines: Iterable[tuple[str, str, str]]) -> str | None:
    """The id of a reporting line (id, source, target) that lies on a cycle, or None."""
    listed = [Link(lid, source, target, "reports_to") for lid, source, target in lines if source != target]
    group = _reporting_groups(listed)
    return next((link.id for link in reversed(listed) if group[link.source] == group[link.target]), None)


def check_board(board: Board, link_place: Callable[[Link], str] | None = None) -> None:
    """Raise :class:`BoardError` unless every whole-board rule holds (used on loading)."""
    empty = Board(board.info, {}, {}, ())
    whole = Change(tuple(board.people.values()), (), tuple(board.links.values()), (), None, board.views)
    Document(empty).check(whole, link_place)
