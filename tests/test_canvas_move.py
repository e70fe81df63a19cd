"""Moving tokens on the canvas: drags, rubber band, Shift+click, the divide, nudges, undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from tests.test_canvas_support import Canvas, canvas, drag, open_canvas, small_board

__all__ = ["canvas"]


def test_dragging_a_token_moves_the_person_in_the_model_and_the_file(canvas: Canvas) -> None:
    """A person dragged with the mouse is at the new place in memory and in the reopened file."""
    start = canvas.at("p3")
    drag(canvas.view, start, start + QPoint(-80, 40))
    moved = canvas.editor.document.board.people["p3"]
    assert moved.x is not None and moved.y is not None
    assert moved.x < -750.0 - 60 and moved.y > 220.0 + 30
    token = canvas.scene.tokens["p3"]
    assert (token.pos().x(), token.pos().y()) == (moved.x, moved.y)
    on_disk = canvas.saved().people["p3"]
    assert (on_disk.x, on_disk.y) == (moved.x, moved.y)
    assert canvas.editor.undo_stack.count() == 1


def test_undo_and_redo_of_a_drag_go_through_the_model_and_the_file(canvas: Canvas) -> None:
    """Undo puts the token, the person and the file back; redo moves them again."""
    start = canvas.at("p3")
    drag(canvas.view, start, start + QPoint(-80, 40))
    after = canvas.editor.document.board.people["p3"]
    canvas.editor.undo_stack.undo()
    assert canvas.scene.tokens["p3"].pos() == QPointF(-750.0, 220.0)
    assert (canvas.saved().people["p3"].x, canvas.saved().people["p3"].y) == (-750.0, 220.0)
    canvas.editor.undo_stack.redo()
    assert canvas.scene.tokens["p3"].pos() == QPointF(after.x, after.y)  # type: ignore[arg-type]
    assert canvas.saved().people["p3"].x == after.x


def test_a_rubber_band_selects_several_tokens_and_one_drag_moves_them_in_one_step(canvas: Canvas) -> None:
    """Tokens caught by a rubber band move together, and a single undo puts them all back."""
    top_left = canvas.point(QPointF(-900.0, 150.0))
    bottom_right = canvas.point(QPointF(-300.0, 300.0))
    drag(canvas.view, top_left, bottom_right)
    assert sorted(canvas.scene.selected_people()) == ["p2", "p3"]
    start = canvas.at("p2")
    drag(canvas.view, start, start + QPoint(0, 60))
    board = canvas.editor.document.board
    assert board.people["p2"].y == board.people["p3"].y
    assert board.people["p2"].y is not None and board.people["p2"].y > 260.0
    assert canvas.editor.undo_stack.count() == 1
    canvas.editor.undo_stack.undo()
    assert canvas.editor.document.board.people["p2"].y == 220.0
    assert canvas.editor.document.board.people["p3"].y == 220.0
    assert canvas.saved().people["p2"].y == 220.0


def test_shift_click_adds_a_token_to_the_selection(canvas: Canvas) -> None:
    """Clicking one token and Shift+clicking another selects both."""
    viewport = canvas.view.viewport()
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, canvas.at("p1"))
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, canvas.at("u2"))
    assert sorted(canvas.scene.selected_people()) == ["p1", "u2"]
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, canvas.at("p2"))
    assert canvas.scene.selected_people() == ["p2"]


def test_a_token_dragged_towards_the_other_side_stops_at_the_divide(canvas: Canvas) -> None:
    """A customer token pulled far to the right stays left of the divide."""
    start = canvas.at("p1")
    drag(canvas.view, start, canvas.point(QPointF(600.0, 0.0)))
    person = canvas.editor.document.board.people["p1"]
    width = canvas.scene.tokens["p1"].size[0]
    assert person.x is not None and person.x + width / 2 < 0
    assert person.x > -400.0


def test_arrow_keys_nudge_the_selection_as_one_undo_step_each(canvas: Canvas) -> None:
    """Right arrow moves the selected people a few pixels right; undo moves them back."""
    canvas.scene.select(["p3", "u2"])
    canvas.view.setFocus()
    QTest.keyClick(canvas.view.viewport(), Qt.Key.Key_Right)
    board = canvas.editor.document.board
    assert board.people["p3"].x == -745.0 and board.people["u2"].x == 405.0
    QTest.keyClick(canvas.view.viewport(), Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert canvas.editor.document.board.people["u2"].y == 245.0
    assert canvas.editor.undo_stack.count() == 2
    canvas.editor.undo_stack.undo()
    canvas.editor.undo_stack.undo()
    assert canvas.saved().people["u2"].x == 400.0


def test_snapping_puts_a_dragged_token_on_the_grid(canvas: Canvas) -> None:
    """With snap on, a dragged token lands on grid points."""
    canvas.scene.set_snap_to_grid(True)
    start = canvas.at("p3")
    drag(canvas.view, start, start + QPoint(-37, 23))
    person = canvas.editor.document.board.people["p3"]
    assert person.x is not None and person.y is not None
    assert person.x % 20 == 0 and person.y % 20 == 0
    assert (person.x, person.y) != (-750.0, 220.0)


def test_a_read_only_board_refuses_a_drag_with_a_message(qtbot: object, tmp_path: Path) -> None:
    """Dragging a token of a read-only board changes nothing and says why."""
    opened = open_canvas(qtbot, tmp_path / "ro.dmu", small_board(), read_only="opened for viewing")
    try:
        start = opened.at("p3")
        drag(opened.view, start, start + QPoint(-120, 60))
        assert opened.scene.tokens["p3"].pos() == QPointF(-750.0, 220.0)
        assert opened.editor.document.board.people["p3"].x == -750.0
        assert any("read-only" in m for m in opened.messages)
        assert opened.editor.undo_stack.count() == 0
    finally:
        opened.file.close()
