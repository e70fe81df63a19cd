"""Random edits, undos, redos and reopenings keep the model, the canvas and the file in step.

A Hypothesis state machine drives the real GUI objects, offscreen: an
:class:`Editor` over a :class:`BoardFile`'s document, and the :class:`BoardScene` that
follows it. Every gesture goes through ``editor.submit`` (add, edit, move, delete
with links, link, unlink), undo and redo through ``editor.undo_stack``, and from
time to time the board is closed and opened again with a new editor and scene.
After every step the scene's tokens and lines are exactly the model's people and
links (ids, positions, names, kinds, ends); after a reopen the file equals the model.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from dmuboard.gui.canvas.linkitem import LinkItem
from dmuboard.gui.canvas.scene import BoardScene
from dmuboard.gui.canvas.token import TokenItem
from dmuboard.gui.common.editor import Editor
from dmuboard.model.board import LINK_KINDS, ROLES, STANCES, Link, Person
from dmuboard.model.document import Change
from dmuboard.store import BoardFile, write_new
from tests import summary
from tests.boardkit import SAMPLE_TEXT, same_board, sample_board

names = st.sampled_from([t.strip() for t in SAMPLE_TEXT if t.strip()]) | st.text(
    st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(lambda s: s.strip() != "")
notes = st.sampled_from(SAMPLE_TEXT) | st.just("<img src=x> " * 300)
spots = st.floats(100.0, 3000.0, allow_nan=False)
heights = st.floats(-3000.0, 3000.0, allow_nan=False)


def side_x(side: str, distance: float) -> float:
    """A position on ``side`` of the divide: the customer's to the left, ours to the right."""
    return -distance if side == "customer" else distance


class CanvasMachine(RuleBasedStateMachine):
    """One board on disk, open in an editor with its canvas."""

    def __init__(self) -> None:
        super().__init__()
        self.app = QApplication.instance() or QApplication([])
        self.folder = Path(tempfile.mkdtemp(prefix="dmu-canvas-stateful-"))
        self.path = self.folder / "board.dmu"
        write_new(self.path, sample_board())
        self.store: BoardFile | None = None
        self.open()

    def open(self) -> None:
        self.store = BoardFile.open(self.path)
        self.store._raw.execute("PRAGMA synchronous = OFF")  # durability is the crash test's business
        self.editor = Editor(self.store.document())
        self.scene = BoardScene(self.editor)
        self.refused: list[str] = []
        self.editor.message.connect(self.refused.append)

    def close(self) -> None:
        """Close as the window does, and let the deferred deletions happen."""
        self.editor.close()
        self.scene.deleteLater()
        self.editor.deleteLater()
        assert self.store is not None
        self.store.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    @property
    def board(self):  # type: ignore[no-untyped-def]
        return self.editor.document.board

    def pick(self, data: st.DataObject, pool: dict[str, object]) -> str:
        return data.draw(st.sampled_from(sorted(pool)))

    def submit(self, change: Change) -> None:
        """Submit as a gesture would; a refusal leaves one message and no undo step."""
        before, step, messages = self.board.copy(), self.editor.undo_stack.index(), len(self.refused)
        if self.editor.submit(change):
            assert self.editor.undo_stack.index() == step + (0 if change.empty else 1)
            assert self.editor.undo_stack.count() == self.editor.undo_stack.index()  # no redo left
        else:
            assert same_board(self.board, before)
            assert self.editor.undo_stack.index() == step
            assert len(self.refused) == messages + 1

    # -- gestures ---------------------------------------------------------------------

    @rule(side=st.sampled_from(("customer", "ours")), name=names, note=notes, distance=spots, y=heights,
          placed=st.booleans(), roles=st.lists(st.sampled_from(ROLES), unique=True, max_size=2),
          stance=st.sampled_from(STANCES), influence=st.integers(1, 5))
    def add_person(self, side: str, name: str, note: str, distance: float, y: float, placed: bool,
                   roles: list[str], stance: str, influence: int) -> None:
        customer = side == "customer"
        person = Person(self.editor.document.new_person_id(side), side, name, notes=note,
                        roles=tuple(roles) if customer else (), stance=stance if customer else "unknown",
                        influence=influence, x=side_x(side, distance) if placed else None,
                        y=y if placed else None)
        self.submit(Change(people=(person,), label="Add person"))

    @precondition(lambda self: self.board.people)
    @rule(data=st.data(), name=names, title=names | st.just(""), influence=st.integers(1, 5))
    def edit_person(self, data: st.DataObject, name: str, title: str, influence: int) -> None:
        old = self.board.people[self.pick(data, self.board.people)]
        self.submit(Change(people=(replace(old, name=name, title=title, influence=influence),), label="Edit"))

    @precondition(lambda self: self.board.people)
    @rule(data=st.data(), distance=spots, y=heights)
    def move(self, data: st.DataObject, distance: float, y: float) -> None:
        old = self.board.people[self.pick(data, self.board.people)]
        self.submit(Change(people=(replace(old, x=side_x(old.side, distance), y=y),), label="Move"))

    @precondition(lambda self: self.board.people)
    @rule(data=st.data(), count=st.integers(1, 3))
    def delete_with_links(self, data: st.DataObject, count: int) -> None:
        chosen = data.draw(st.lists(st.sampled_from(sorted(self.board.people)), min_size=1, max_size=count,
                                    unique=True))
        self.submit(self.editor.document.removal(chosen))

    @precondition(lambda self: len(self.board.people) >= 2)
    @rule(data=st.data(), kind=st.sampled_from(LINK_KINDS), strength=st.integers(1, 5), note=notes)
    def link(self, data: st.DataObject, kind: str, strength: int, note: str) -> None:
        a = self.pick(data, self.board.people)
        b = data.draw(st.sampled_from(sorted(set(self.board.people) - {a})))
        link = Link(self.editor.document.new_link_id(), a, b, kind, strength if kind == "relationship" else None,
                    note[:2000])
        self.submit(Change(links=(link,), label="Link"))

    @precondition(lambda self: self.board.links)
    @rule(data=st.data())
    def unlink(self, data: st.DataObject) -> None:
        self.submit(Change(removed_links=(self.pick(data, self.board.links),), label="Unlink"))

    @precondition(lambda self: self.board.links)
    @rule(data=st.data())
    def reverse_link(self, data: st.DataObject) -> None:
        old = self.board.links[self.pick(data, self.board.links)]
        self.submit(Change(links=(replace(old, source=old.target, target=old.source),), label="Reverse"))

    @precondition(lambda self: self.editor.undo_stack.canUndo())
    @rule(times=st.integers(1, 3))
    def undo(self, times: int) -> None:
        for _ in range(times):
            self.editor.undo_stack.undo()

    @precondition(lambda self: self.editor.undo_stack.canRedo())
    @rule(times=st.integers(1, 3))
    def redo(self, times: int) -> None:
        for _ in range(times):
            self.editor.undo_stack.redo()

    @rule()
    def reopen(self) -> None:
        self.check_reopened()

    # -- checks -----------------------------------------------------------------------

    def check_reopened(self) -> None:
        expected = self.board.copy()
        self.close()
        self.open()
        assert same_board(self.board, expected)

    @invariant()
    def scene_matches_model(self) -> None:
        board = self.board
        tokens = {item.pid: item for item in self.scene.items() if isinstance(item, TokenItem)}
        lines = {item.link.id: item for item in self.scene.items() if isinstance(item, LinkItem)}
        assert set(tokens) == set(self.scene.tokens) == set(board.people)
        assert set(lines) == set(self.scene.links) == set(board.links)
        for pid, person in board.people.items():
            token = tokens[pid]
            assert token is self.scene.tokens[pid]
            assert token.person == person
            # the name as shown (on up to two lines, issue 16.12), up to where it is cut short
            shown = token.name_item.text().split("…")[0]
            assert "".join(person.name.split()).startswith("".join(shown.split()))
            if person.x is not None and person.y is not None:
                assert (token.pos().x(), token.pos().y()) == (person.x, person.y)
            assert (token.pos().x() < 0) == (person.side == "customer")  # each on their own side
        for lid, link in board.links.items():
            line = lines[lid]
            assert line.link == link
            assert (line.source, line.target) == (tokens[link.source], tokens[link.target])
            assert line in tokens[link.source].links and line in tokens[link.target].links

    def teardown(self) -> None:
        try:
            self.check_reopened()
        finally:
            self.close()
            shutil.rmtree(self.folder, ignore_errors=True)
            summary.record("stateful", 1, unit="runs")


CanvasMachine.TestCase.settings = settings(
    max_examples=25, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestCanvasMachine = CanvasMachine.TestCase
