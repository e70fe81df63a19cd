"""Boards and streams of random changes shared by the store tests.

:class:`ChangeStream` makes a deterministic sequence of edits from a seed and the
current state of a document: adds, edits, moves, deletes with links, links and
unlinks, board and view edits, and undos (applying the inverse the document gave
back). The crash child and the test that checks it both run the same stream, so
the parent can recompute exactly which board the child had after N changes.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from dmuboard.model.board import (
    LAYERS,
    LINK_KINDS,
    PURCHASE_TYPES,
    ROLES,
    STANCES,
    Board,
    BoardInfo,
    Link,
    Person,
    View,
)
from dmuboard.model.document import Change, Document
from dmuboard.model.errors import BoardError

# Text a user might really type, and text that tries to be something else.
SAMPLE_TEXT = (
    "",
    "Ingrid Bakker",
    "Łukasz Żółć",
    "黄伟",
    "<b>bold</b> & <script>alert(1)</script>",
    "line one\nline two",
    "quote ' and \" and \\ backslash",
    "emoji 😀 and tab\t",
    "nul \x00 inside",
    "'; DROP TABLE people; --",
)


def sample_board() -> Board:
    """A small board with every kind of link, placed and unplaced people, and views."""
    people = [
        Person("p1", "customer", "Ingrid Bakker", "CFO", "Finance", roles=("decider", "buyer"),
               stance="neutral", influence=5, interests="keep the cost base flat", x=-420.0, y=-180.0),
        Person("p2", "customer", "Joris Smit", "IT manager", "IT", roles=("evaluator", "influencer"),
               stance="champion", influence=4, x=-300.0, y=40.0),
        Person("p3", "customer", "Fatima El Amrani", "Procurement", roles=("buyer", "gatekeeper"),
               stance="skeptic", influence=3, notes="<i>not</i> markup", x=-520.0, y=120.0),
        Person("p4", "customer", "Consultant", organisation="Advise & Co", roles=("advisor",),
               stance="unknown", influence=2),
        Person("u1", "ours", "Sam de Wit", "Account manager", x=380.0, y=0.0),
        Person("u2", "ours", "Eva Jansen", "Sales director", x=420.5, y=-160.25),
    ]
    links = [
        Link("l1", "u1", "p1", "relationship", 2, "met at the fair"),
        Link("l2", "p2", "p1", "reports_to"),
        Link("l3", "p3", "p1", "reports_to"),
        Link("l4", "p2", "p3", "influences", note="lunch every Friday"),
        Link("l5", "p3", "p2", "conflict"),
        Link("l6", "u1", "u2", "reports_to"),
        Link("l7", "p2", "u1", "relationship", 5),
    ]
    info = BoardInfo("Acme BV - CRM replacement", "Acme BV", "Northwind", 180000.0, "EUR", "new_buy",
                     ("decider", "buyer", "user", "influencer"), "first call in May")
    views = (View("Overview", (-700.0, -400.0, 1400.0, 800.0)),
             View("Just the customer", (-700.0, -400.0, 700.0, 800.0), ("reporting", "stance")))
    return Board(info, {p.id: p for p in people}, {link.id: link for link in links}, views)


def big_board(customers: int, ours: int = 0, links: int = 0, seed: int = 1) -> Board:
    """A large valid board: reporting trees, influence and relationships, all placed."""
    rng = random.Random(seed)
    board = Board(BoardInfo("Big deal", "Big Corp", "Us"))
    for i in range(1, customers + 1):
        board.people[f"p{i}"] = Person(
            f"p{i}", "customer", f"Customer {i}", f"Title {i}", roles=(ROLES[i % len(ROLES)],),
            stance=STANCES[i % len(STANCES)], influence=1 + i % 5, notes="n" * (i % 50),
            x=-100.0 - i, y=float(i % 97))
    for i in range(1, ours + 1):
        board.people[f"u{i}"] = Person(f"u{i}", "ours", f"Ours {i}", x=100.0 + i, y=float(i))
    seen: set[tuple[str, str, str]] = set()
    n = 0
    while n < links:
        a = rng.randint(1, customers)
        b = rng.randint(1, customers)
        kind = rng.choice(("reports_to", "influences", "relationship", "conflict"))
        if kind == "reports_to":
            if a == b:
                continue
            a, b = max(a, b), min(a, b)  # always upwards to a lower number: no cycles
            link = Link(f"l{n + 1}", f"p{a}", f"p{b}", kind)
        elif kind == "relationship" and ours:
            link = Link(f"l{n + 1}", f"u{rng.randint(1, ours)}", f"p{a}", kind, rng.randint(1, 5))
        elif a != b and kind != "relationship":
            link = Link(f"l{n + 1}", f"p{a}", f"p{b}", kind)
        else:
            continue
        if link.key in seen:
            continue
        seen.add(link.key)
        board.links[link.id] = link
        n += 1
    return board


def snapshot(board: Board) -> tuple[Board, list[str], list[str]]:
    """A frozen copy of ``board`` with the order of its people and links."""
    return board.copy(), list(board.people), list(board.links)


def same_board(a: Board, b: Board) -> bool:
    """Equal boards, in the same order of people and links."""
    return a == b and list(a.people) == list(b.people) and list(a.links) == list(b.links)


def same_content(a: Board, b: Board) -> bool:
    """Equal boards as the format sees them: link ids (the program's own handles) and
    the order of people and links aside."""
    def links(board: Board) -> list[tuple[object, ...]]:
        return sorted((link.key, link.source, link.strength, link.note, link.last_contact)
                      for link in board.links.values())
    return (a.info, a.views, a.people, links(a)) == (b.info, b.views, b.people, links(b))


class ChangeStream:
    """Deterministic random edits of one document, from a seed."""

    def __init__(self, doc: Document, seed: int, *, undo: bool = True) -> None:
        self.doc = doc
        self.rng = random.Random(seed)
        self.undo_stack: list[Change] = []
        self.allow_undo = undo

    # -- the stream ----------------------------------------------------------------

    def step(self) -> bool:
        """Propose one change and apply it; True if the document took it."""
        change, is_undo = self.propose()
        try:
            inverse = self.doc.apply(change)
        except BoardError:
            if is_undo:
                raise  # undo of a change the document took must always work
            return False
        if is_undo:
            self.undo_stack.pop()
        elif not change.empty:
            self.undo_stack.append(inverse)
        return not change.empty

    def propose(self) -> tuple[Change, bool]:
        rng = self.rng
        board = self.doc.board
        if self.allow_undo and self.undo_stack and rng.random() < 0.15:
            return self.undo_stack[-1], True
        makers = [self.add_person, self.add_link, self.add_link, self.add_linked_people]
        if board.people:
            makers += [self.edit_person, self.move, self.move, self.delete_people]
        if board.links:
            makers += [self.edit_link, self.unlink]
        makers += [self.edit_info, self.edit_views]
        return rng.choice(makers)(), False

    # -- the kinds of change -------------------------------------------------------

    def text(self, limit: int = 200) -> str:
        rng = self.rng
        if rng.random() < 0.05:
            return rng.choice("xyz") * rng.randint(limit // 2, limit)
        return rng.choice(SAMPLE_TEXT)[:limit]

    def name(self) -> str:
        return self.rng.choice(SAMPLE_TEXT[1:]).strip() or "Someone"

    def person_id(self) -> str:
        return self.rng.choice(list(self.doc.board.people))

    def new_person(self, pid: str, side: str) -> Person:
        rng = self.rng
        customer = side == "customer"
        placed = rng.random() < 0.8
        return Person(
            pid, side, self.name(), self.text(), self.text(), self.text(),
            tuple(rng.sample(ROLES, rng.randint(0, 3))) if customer else (),
            rng.choice(STANCES) if customer else "unknown",
            rng.randint(1, 5), self.text(2000), self.text(20000) if rng.random() < 0.3 else "",
            rng.uniform(-2000, 2000) if placed else None, rng.uniform(-2000, 2000) if placed else None,
        )

    def add_person(self) -> Change:
        side = self.rng.choice(("customer", "customer", "ours"))
        return Change(people=(self.new_person(self.doc.new_person_id(side), side),), label="Add person")

    def add_linked_people(self) -> Change:
        """Several new people with lines to each other and to the board, as an import
        or a paste makes: one change touching several tables."""
        rng = self.rng
        people = [p.id for p in self.doc.board.customers()]
        fresh: list[Person] = []
        links: list[Link] = []
        number = int(self.doc.new_link_id()[1:])
        for _ in range(rng.randint(1, 4)):
            taken = {p.id for p in fresh} | set(self.doc.board.people)
            pid = next(f"p{n}" for n in range(len(taken) + 1, 10**6) if f"p{n}" not in taken)
            fresh.append(self.new_person(pid, "customer"))
            for other in rng.sample(people, min(len(people), 2)):
                links.append(Link(f"l{number}", pid, other, rng.choice(("influences", "conflict"))))
                number += 1
            people.append(pid)
        board = self.doc.board
        info = replace(board.info, notes=self.text(20000)) if rng.random() < 0.5 else None
        return Change(people=tuple(fresh), links=tuple(links), info=info, label="Import")

    def edit_person(self) -> Change:
        rng = self.rng
        old = self.doc.board.people[self.person_id()]
        field = rng.choice(("name", "title", "notes", "influence", "stance", "roles", "side"))
        if field == "name":
            new = replace(old, name=self.name())
        elif field == "title":
            new = replace(old, title=self.text())
        elif field == "notes":
            new = replace(old, notes=self.text(20000))
        elif field == "influence":
            new = replace(old, influence=rng.randint(1, 5))
        elif field == "stance" and old.is_customer:
            new = replace(old, stance=rng.choice(STANCES))
        elif field == "roles" and old.is_customer:
            new = replace(old, roles=tuple(rng.sample(ROLES, rng.randint(0, 4))))
        else:  # change side: refused while a link forbids it
            side = "ours" if old.is_customer else "customer"
            new = replace(old, side=side, roles=(), stance="unknown")
        return Change(people=(new,), label=f"Edit {field}")

    def move(self) -> Change:
        rng = self.rng
        ids = rng.sample(list(self.doc.board.people), min(len(self.doc.board.people), rng.randint(1, 3)))
        moved = []
        for pid in ids:
            p = self.doc.board.people[pid]
            moved.append(replace(p, x=round(rng.uniform(-3000, 3000), 3), y=rng.uniform(-3000, 3000)))
        return Change(people=tuple(moved), label="Move")

    def delete_people(self) -> Change:
        ids = self.rng.sample(list(self.doc.board.people), min(len(self.doc.board.people), self.rng.randint(1, 2)))
        return self.doc.removal(ids, label="Delete")

    def add_link(self) -> Change:
        rng = self.rng
        people = list(self.doc.board.people)
        if len(people) < 2:
            return self.add_person()
        a, b = rng.sample(people, 2)
        kind = rng.choice(LINK_KINDS)
        strength = rng.randint(1, 5) if kind == "relationship" else None
        link = Link(self.doc.new_link_id(), a, b, kind, strength, self.text(2000))
        return Change(links=(link,), label="Link")

    def edit_link(self) -> Change:
        rng = self.rng
        old = self.doc.board.links[rng.choice(list(self.doc.board.links))]
        if rng.random() < 0.5:
            new = replace(old, note=self.text(2000))
        elif old.kind == "relationship":
            new = replace(old, strength=rng.randint(1, 5))
        else:  # turn it round (refused when it would make a cycle or a twin)
            new = replace(old, source=old.target, target=old.source)
        return Change(links=(new,), label="Edit link")

    def unlink(self) -> Change:
        links = list(self.doc.board.links)
        ids = self.rng.sample(links, min(len(links), self.rng.randint(1, 2)))
        return Change(removed_links=tuple(ids), label="Unlink")

    def edit_info(self) -> Change:
        rng = self.rng
        info = self.doc.board.info
        return Change(info=replace(
            info, title=self.name(), notes=self.text(20000),
            deal_value=None if rng.random() < 0.2 else round(rng.uniform(0, 1e7), 2),
            purchase_type=rng.choice(PURCHASE_TYPES),
            required_roles=tuple(rng.sample(ROLES, rng.randint(0, 5))),
        ), label="Edit board")

    def edit_views(self) -> Change:
        rng = self.rng
        views = list(self.doc.board.views)
        if views and rng.random() < 0.4:
            del views[rng.randrange(len(views))]
        else:
            name = rng.choice(("Overview", "Finance", "IT", "Öffnung", "<b>v</b>"))
            rect = (rng.uniform(-1e4, 1e4), rng.uniform(-1e4, 1e4), rng.uniform(1, 5e3), rng.uniform(1, 5e3))
            views.insert(rng.randint(0, len(views)), View(name, rect, tuple(rng.sample(LAYERS, rng.randint(0, 5)))))
        return Change(views=tuple(views), label="Edit views")


def run_stream(doc: Document, seed: int, count: int) -> list[tuple[Board, list[str], list[str]]]:
    """Snapshots of the board after 0, 1, ... ``count`` accepted changes of the stream."""
    stream = ChangeStream(doc, seed)
    shots = [snapshot(doc.board)]
    while len(shots) <= count:
        if stream.step():
            shots.append(snapshot(doc.board))
    return shots


def sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()
