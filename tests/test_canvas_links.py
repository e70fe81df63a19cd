"""Drawing links by dragging between tokens, and deleting people with their links."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from dmuboard.gui.canvas.linkitem import LinkItem
from dmuboard.model.board import Person
from tests.test_canvas_support import Canvas, canvas, drag

__all__ = ["canvas"]


class Chooser:
    """Stands in for the kind menu: answers with a fixed kind and remembers the question."""

    def __init__(self, answer: str | None) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str, tuple[str, ...]]] = []

    def __call__(self, source: Person, target: Person, kinds: Sequence[str], at: QPoint) -> str | None:
        self.asked.append((source.id, target.id, tuple(kinds)))
        return self.answer


def new_links(canvas: Canvas) -> list[tuple[str, str, str]]:
    board = canvas.editor.document.board
    return sorted((link.source, link.target, link.kind) for lid, link in board.links.items() if lid not in ("l1", "l2"))


def test_dragging_from_a_handle_to_the_other_side_draws_a_relationship(canvas: Canvas) -> None:
    """A line pulled from one of ours to one of theirs becomes a relationship, in the file too."""
    chooser = Chooser("conflict")
    canvas.scene.choose_link_kind = chooser
    drag(canvas.view, canvas.handle("u2"), canvas.at("p2"))
    assert new_links(canvas) == [("u2", "p2", "relationship")]
    assert chooser.asked == []  # no question across the divide
    saved = canvas.saved()
    assert any(link.kind == "relationship" and {link.source, link.target} == {"u2", "p2"}
               for link in saved.links.values())
    items = [item for item in canvas.scene.items() if isinstance(item, LinkItem) and item.link.source == "u2"]
    assert len(items) == 1 and items[0].link.strength == 3


def test_within_a_side_the_menu_picks_the_kind_and_the_arrow_points_to_the_manager(canvas: Canvas) -> None:
    """Dragging from Anna to Ingrid and choosing 'reports to' makes Anna report to Ingrid."""
    chooser = Chooser("reports_to")
    canvas.scene.choose_link_kind = chooser
    drag(canvas.view, canvas.handle("p3"), canvas.at("p1"))
    assert chooser.asked == [("p3", "p1", ("reports_to", "influences", "conflict"))]
    assert new_links(canvas) == [("p3", "p1", "reports_to")]
    assert canvas.editor.undo_stack.count() == 1


def test_undo_and_redo_of_a_drawn_link(canvas: Canvas) -> None:
    """Undo removes the drawn link from the canvas and the file; redo brings it back."""
    canvas.scene.choose_link_kind = Chooser("influences")
    drag(canvas.view, canvas.handle("p3"), canvas.at("p2"))
    lid = next(lid for lid in canvas.editor.document.board.links if lid not in ("l1", "l2"))
    assert lid in canvas.scene.links
    canvas.editor.undo_stack.undo()
    assert lid not in canvas.scene.links and new_links(canvas) == []
    assert lid not in canvas.saved().links
    canvas.editor.undo_stack.redo()
    assert lid in canvas.scene.links
    assert canvas.scene.links[lid].link.kind == "influences"
    assert len(canvas.saved().links) == 3


def test_a_link_the_format_forbids_is_refused_with_a_message(canvas: Canvas) -> None:
    """An influence line between two of our own people is refused and nothing changes."""
    canvas.scene.choose_link_kind = Chooser("influences")
    drag(canvas.view, canvas.handle("u1"), canvas.at("u2"))
    assert new_links(canvas) == []
    assert canvas.editor.undo_stack.count() == 0
    assert any("customer side" in m and "Sam de Wit" in m for m in canvas.messages)


def test_a_reporting_cycle_is_refused_with_a_message(canvas: Canvas) -> None:
    """Ingrid cannot report to Piet, who already reports to her."""
    canvas.scene.choose_link_kind = Chooser("reports_to")
    drag(canvas.view, canvas.handle("p1"), canvas.at("p2"))
    assert new_links(canvas) == []
    assert any("cycle" in m for m in canvas.messages)


def test_choosing_no_kind_draws_nothing(canvas: Canvas) -> None:
    """Closing the kind menu without a choice leaves the board as it was."""
    canvas.scene.choose_link_kind = Chooser(None)
    drag(canvas.view, canvas.handle("p3"), canvas.at("p1"))
    assert new_links(canvas) == []
    assert canvas.editor.undo_stack.count() == 0


def test_in_connect_mode_a_drag_from_anywhere_on_a_token_draws_a_link(canvas: Canvas) -> None:
    """With connect mode on, dragging from the middle of a token draws instead of moving it."""
    canvas.scene.set_connect_mode(True)
    drag(canvas.view, canvas.at("u2"), canvas.at("p3"))
    assert new_links(canvas) == [("u2", "p3", "relationship")]
    assert canvas.editor.document.board.people["u2"].x == 400.0


def test_a_line_dropped_on_empty_canvas_draws_nothing_and_says_how(canvas: Canvas) -> None:
    """Letting go of a line between tokens explains how to link."""
    start = canvas.handle("u2")
    drag(canvas.view, start, start + QPoint(60, 120))
    assert new_links(canvas) == []
    assert any("second person" in m for m in canvas.messages)


def test_the_delete_key_removes_a_person_with_their_links_and_undo_restores_them(canvas: Canvas) -> None:
    """Deleting Ingrid takes her reporting line and relationship with her; undo brings all back."""
    QTest.mouseClick(canvas.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     canvas.at("p1"))
    assert canvas.scene.selected_people() == ["p1"]
    QTest.keyClick(canvas.view.viewport(), Qt.Key.Key_Delete)
    board = canvas.editor.document.board
    assert "p1" not in board.people and not board.links
    assert "p1" not in canvas.scene.tokens and not canvas.scene.links
    assert not canvas.saved().links and "p1" not in canvas.saved().people
    assert canvas.editor.undo_stack.count() == 1
    canvas.editor.undo_stack.undo()
    assert set(canvas.scene.links) == {"l1", "l2"}
    assert canvas.scene.links["l1"].target is canvas.scene.tokens["p1"]
    saved = canvas.saved()
    assert "p1" in saved.people and {link.kind for link in saved.links.values()} == {"reports_to", "relationship"}


def test_a_selected_link_can_be_deleted_on_its_own(canvas: Canvas) -> None:
    """Selecting only a link and deleting it leaves both people in place."""
    canvas.scene.select(links=["l2"])
    assert canvas.scene.selected_links() == ["l2"]
    canvas.scene.delete_selection()
    board = canvas.editor.document.board
    assert "l2" not in board.links and {"u1", "p1"} <= set(board.people)


def test_a_link_follows_its_token_when_the_token_moves(canvas: Canvas) -> None:
    """After a drag the reporting line still ends at the moved token's card."""
    item = canvas.scene.links["l1"]
    before = item.ends()
    start = canvas.at("p2")
    drag(canvas.view, start, start + QPoint(-100, 80))
    after = item.ends()
    assert after != before
    card = canvas.scene.tokens["p2"].sceneBoundingRect()
    assert card.contains(after[0])
