"""Auto-Layout, Tidy Selection, pinning and making room, driven as a person would."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from dmuboard.gui.shell.mainwindow import MainWindow
from dmuboard.layout.cards import card_rect, overlaps
from tests.gui_window_kit import QT_NOISE, WindowKit
from tests.test_canvas_support import Canvas, canvas, drag

__all__ = ["canvas"]
pytestmark = QT_NOISE




@pytest.fixture
def window(kit: WindowKit) -> MainWindow:
    return kit.window(kit.board("acme.dmu"))


def positions(canvas_or_window: Any) -> dict[str, tuple[float, float]]:
    return {pid: (t.pos().x(), t.pos().y()) for pid, t in canvas_or_window.scene.tokens.items()}


def test_ctrl_shift_l_lays_out_in_one_undo_step_glides_and_fits_the_view(window: MainWindow, qtbot: Any) -> None:
    scene = window.scene
    assert scene is not None and window.editor is not None
    before = positions(window)
    window.view.scale(3.0, 3.0)  # zoomed in: some people are off screen
    qtbot.keyClick(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert scene.arranger.animation is not None  # the cards glide ...
    qtbot.waitUntil(lambda: scene.arranger.animation is None, timeout=3000)  # ... and land
    board = window.editor.document.board
    for pid, token in scene.tokens.items():
        assert (token.pos().x(), token.pos().y()) == (board.people[pid].x, board.people[pid].y)
    assert window.editor.undo_stack.count() == 1
    assert window.editor.undo_stack.undoText() == "Auto-Layout"
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(scene.people_rect())  # the view was fitted
    window.editor.undo_stack.undo()
    assert positions(window) == before


def test_a_pinned_person_stays_where_they_are(window: MainWindow, qtbot: Any) -> None:
    """"Pin position" in the inspector pins the person; Auto-Layout moves the others only."""
    scene = window.scene
    assert scene is not None and window.editor is not None
    scene.select(people=["p1"])
    box = window.inspector.person_page.fields["pinned"]
    assert box.text() == "Pin position" and not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert window.editor.document.board.people["p1"].pinned
    where = scene.tokens["p1"].pos()
    scene.auto_layout()
    qtbot.waitUntil(lambda: scene.arranger.animation is None, timeout=3000)
    assert scene.tokens["p1"].pos() == where
    moved = [pid for pid, p in window.editor.document.board.people.items() if pid != "p1"]
    assert moved
    window.editor.undo_stack.undo()  # the layout
    window.editor.undo_stack.undo()  # the pin
    assert not window.editor.document.board.people["p1"].pinned


def test_a_card_dropped_on_another_moves_to_the_nearest_free_place(canvas: Canvas) -> None:
    drag(canvas.view, canvas.at("p3"), canvas.at("p2") + QPoint(10, 5))
    board = canvas.editor.document.board
    a, b = board.people["p3"], board.people["p2"]
    ra = card_rect((a.x or 0.0, a.y or 0.0), canvas.scene.tokens["p3"].size)
    rb = card_rect((b.x or 0.0, b.y or 0.0), canvas.scene.tokens["p2"].size)
    assert not overlaps(ra, rb)
    assert abs((a.x or 0.0) - (b.x or 0.0)) < 600 and abs((a.y or 0.0) - (b.y or 0.0)) < 300  # nearby
    assert canvas.editor.undo_stack.count() == 1


def test_a_line_goes_around_a_card_put_in_its_way(canvas: Canvas) -> None:
    """Dragging a card between Ingrid and Piet bends their reporting line around it."""
    line = canvas.scene.links["l1"]
    assert len(line.route) == 2  # straight: nothing in between
    drag(canvas.view, canvas.at("p3"), canvas.point(QPointF(-400.0, 110.0)))
    rect = canvas.scene.routes.router.rects["p3"]
    points = line.route
    assert len(points) > 2
    from dmuboard.layout.route import _crosses

    assert not any(_crosses(p, q, rect, 0.0) for p, q in itertools.pairwise(points))


def test_tidy_selection_is_one_undo_step_and_moves_only_the_selection(canvas: Canvas, qtbot: Any) -> None:
    before = positions(canvas)
    canvas.scene.select(people=["p2", "p3"])
    canvas.scene.tidy_selection()
    qtbot.waitUntil(lambda: canvas.scene.arranger.animation is None, timeout=3000)
    after = positions(canvas)
    assert {pid for pid in before if before[pid] != after[pid]} <= {"p2", "p3"}
    assert canvas.editor.undo_stack.undoText() == "Tidy selection"


def test_board_menu_offers_tidy_selection(window: MainWindow, qtbot: Any) -> None:
    scene = window.scene
    assert scene is not None and window.editor is not None
    assert window.action("tidy_selection") in window.menus["board"].actions()
    scene.select(people=["p1", "p2"])
    window.action("tidy_selection").trigger()
    qtbot.waitUntil(lambda: scene.arranger.animation is None, timeout=3000)
    assert window.editor.undo_stack.undoText() in ("Tidy selection", "")
