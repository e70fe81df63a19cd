"""Random sequences of edits, undos and reopenings keep the file and memory equal.

A Hypothesis state machine edits one board through Document and BoardFile (the
GUI's own path): adds, edits, moves, deletes with links, links, unlinks, board and
view edits, and undo through the inverse each apply returns. Every few steps, and
at the end, the file is closed and opened again; the reopened board must equal the
one in memory, in the same order.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from dmuboard.model.board import LAYERS, LINK_KINDS, ROLES, STANCES, Link, Person, View
from dmuboard.model.document import Change
from dmuboard.model.errors import BoardError
from dmuboard.store import BoardFile, write_new
from tests import summary
from tests.boardkit import same_board, sample_board

texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
names = texts.filter(lambda s: s.strip() != "")
coordinates = st.floats(-1e6, 1e6, allow_nan=False)


class StoreMachine(RuleBasedStateMachine):
    """One open board file, edited at random."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="dmu-stateful-"))
        self.path = self.folder / "board.dmu"
        write_new(self.path, sample_board())
        self.store = self.open()
        self.doc = self.store.document()
        self.undo: list[Change] = []
        self.steps = 0
        self.calls = 0
        self.doc.subscribe(self._heard)

    def open(self) -> BoardFile:
        store = BoardFile.open(self.path)
        # Durability is the crash test's business; here waiting for the disk only slows.
        store._raw.execute("PRAGMA synchronous = OFF")
        return store

    def _heard(self, change: Change) -> None:
        self.calls += 1

    def apply(self, change: Change) -> None:
        """Apply; a refused change must leave the board exactly as it was."""
        before = self.doc.board.copy()
        calls = self.calls
        try:
            inverse = self.doc.apply(change)
        except BoardError:
            assert same_board(self.doc.board, before)
            assert self.calls == calls
            return
        assert self.calls == calls + (0 if change.empty else 1)
        self.undo.append(inverse)
        self.steps += 1

    def some(self, data: st.DataObject, pool: dict[str, object]) -> str:
        return data.draw(st.sampled_from(sorted(pool)))

    # -- rules ------------------------------------------------------------------------

    @rule(side=st.sampled_from(("customer", "ours")), name=names, notes=texts,
          roles=st.lists(st.sampled_from(ROLES), unique=True, max_size=3), stance=st.sampled_from(STANCES),
          x=coordinates, y=coordinates, placed=st.booleans())
    def add_person(self, side: str, name: str, notes: str, roles: list[str], stance: str,
                   x: float, y: float, placed: bool) -> None:
        customer = side == "customer"
        person = Person(self.doc.new_person_id(side), side, name, notes=notes,
                        roles=tuple(roles) if customer else (), stance=stance if customer else "unknown",
                        x=x if placed else None, y=y if placed else None)
        self.apply(Change(people=(person,)))

    @precondition(lambda self: self.doc.board.people)
    @rule(data=st.data(), name=names, title=texts, influence=st.integers(1, 5))
    def edit_person(self, data: st.DataObject, name: str, title: str, influence: int) -> None:
        old = self.doc.board.people[self.some(data, self.doc.board.people)]
        self.apply(Change(people=(replace(old, name=name, title=title, influence=influence),)))

    @precondition(lambda self: self.doc.board.people)
    @rule(data=st.data(), x=coordinates, y=coordinates)
    def move(self, data: st.DataObject, x: float, y: float) -> None:
        old = self.doc.board.people[self.some(data, self.doc.board.people)]
        self.apply(Change(people=(replace(old, x=x, y=y),)))

    @precondition(lambda self: self.doc.board.people)
    @rule(data=st.data())
    def change_side(self, data: st.DataObject) -> None:
        old = self.doc.board.people[self.some(data, self.doc.board.people)]
        side = "ours" if old.is_customer else "customer"
        self.apply(Change(people=(replace(old, side=side, roles=(), stance="unknown"),)))

    @precondition(lambda self: self.doc.board.people)
    @rule(data=st.data())
    def delete_with_links(self, data: st.DataObject) -> None:
        self.apply(self.doc.removal([self.some(data, self.doc.board.people)]))

    @precondition(lambda self: len(self.doc.board.people) >= 2)
    @rule(data=st.data(), kind=st.sampled_from(LINK_KINDS), strength=st.integers(1, 5), note=texts)
    def link(self, data: st.DataObject, kind: str, strength: int, note: str) -> None:
        a = self.some(data, self.doc.board.people)
        b = data.draw(st.sampled_from(sorted(set(self.doc.board.people) - {a})))
        found = self.doc.find_link(kind, a, b)
        link = Link(self.doc.new_link_id(), a, b, kind, strength if kind == "relationship" else None, note)
        before = len(self.doc.board.links)
        self.apply(Change(links=(link,)))
        if found is not None:  # the twin rule: same ends and kind, either order if undirected
            assert len(self.doc.board.links) == before

    @precondition(lambda self: self.doc.board.links)
    @rule(data=st.data())
    def unlink(self, data: st.DataObject) -> None:
        self.apply(Change(removed_links=(self.some(data, self.doc.board.links),)))

    @precondition(lambda self: self.doc.board.links)
    @rule(data=st.data())
    def reverse_link(self, data: st.DataObject) -> None:
        old = self.doc.board.links[self.some(data, self.doc.board.links)]
        self.apply(Change(links=(replace(old, source=old.target, target=old.source),)))

    @rule(title=names, notes=texts, deal=st.none() | st.floats(0, 1e12))
    def edit_board(self, title: str, notes: str, deal: float | None) -> None:
        self.apply(Change(info=replace(self.doc.board.info, title=title, notes=notes, deal_value=deal)))

    @rule(views=st.lists(st.tuples(names, st.floats(0.5, 1e5), st.lists(st.sampled_from(LAYERS), unique=True)),
                         max_size=3))
    def edit_views(self, views: list[tuple[str, float, list[str]]]) -> None:
        made = tuple(View(name, (-1.0, 2.0, size, size / 2), tuple(layers)) for name, size, layers in views)
        self.apply(Change(views=made))

    @precondition(lambda self: self.undo)
    @rule()
    def undo_last(self) -> None:
        inverse = self.undo.pop()
        self.doc.apply(inverse)  # an undo of an accepted change is never refused

    @rule()
    def reopen(self) -> None:
        self.check_reopened()

    # -- checks -------------------------------------------------------------------------

    def check_reopened(self) -> None:
        expected = self.doc.board.copy()
        self.store.close()
        self.store = self.open()
        assert same_board(self.store.board, expected)
        # Carry on with the reopened file; the undo history still fits, the board being equal.
        self.doc = self.store.document()
        self.doc.subscribe(self._heard)

    @invariant()
    def indexes_agree_with_links(self) -> None:
        for link in self.doc.board.links.values():
            assert self.doc.find_link(link.kind, link.source, link.target) == link
            assert link in self.doc.links_of(link.source)
            assert link in self.doc.links_of(link.target)

    def teardown(self) -> None:
        try:
            self.check_reopened()
        finally:
            self.store.close()
            shutil.rmtree(self.folder, ignore_errors=True)
            summary.record("store-stateful", 1, unit="runs")


StoreMachine.TestCase.settings = settings(
    max_examples=20, stateful_step_count=30, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestStoreMachine = StoreMachine.TestCase
