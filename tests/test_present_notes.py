"""What the canvas says about itself: layers hidden by keys 1-5, and one Esc to leave
presentation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from dmuboard.gui.canvas.note import CanvasNote
from dmuboard.gui.shell.mainwindow import MainWindow
from tests.gui_window_kit import QT_NOISE, WindowKit

pytestmark = QT_NOISE




def active_window(kit: WindowKit, qtbot: Any) -> MainWindow:
    window = kit.window(kit.board())
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    return window


def layer_note(window: MainWindow) -> str:
    assert window.view is not None
    shown = [n.text for n in window.view.findChildren(CanvasNote) if n.isVisible() and n.button is None]
    return shown[0] if shown else ""


def test_a_hidden_layer_is_named_on_the_canvas_until_it_is_shown_again(kit: WindowKit, qtbot: Any) -> None:
    window = active_window(kit, qtbot)
    assert layer_note(window) == ""
    QTest.keyClick(window.view, Qt.Key.Key_1)
    assert layer_note(window) == "Hidden: reporting lines (key 1 shows it again)"
    QTest.keyClick(window.view, Qt.Key.Key_5)
    assert layer_note(window) == "Hidden: reporting lines, stances (keys 1, 5 show them again)"
    QTest.keyClick(window.view, Qt.Key.Key_1)
    QTest.keyClick(window.view, Qt.Key.Key_5)
    assert layer_note(window) == ""


def test_the_note_shows_while_presenting_too(kit: WindowKit, qtbot: Any) -> None:
    window = active_window(kit, qtbot)
    window.start_presentation()
    qtbot.waitUntil(window.isFullScreen)
    QTest.keyClick(window.view, Qt.Key.Key_3)
    assert layer_note(window) == "Hidden: our relationships (key 3 shows it again)"


def test_one_esc_leaves_presentation_with_a_person_spotlighted(kit: WindowKit, qtbot: Any) -> None:
    """Spotlight a person by clicking, then a single Esc: the window is back."""
    window = active_window(kit, qtbot)
    window.start_presentation()
    qtbot.waitUntil(window.isFullScreen)
    view, scene = window.view, window.scene
    assert view is not None and scene is not None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene.tokens["p1"].pos()))
    QTest.keyClick(view, Qt.Key.Key_F)
    assert window.presentation.walk.active
    QTest.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.presentation.active


def test_no_selection_frame_or_handle_is_projected(kit: WindowKit, qtbot: Any) -> None:
    """The card selected before F5 shows neither its blue frame nor its link handle on the projector."""
    window = active_window(kit, qtbot)
    view, scene = window.view, window.scene
    assert view is not None and scene is not None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene.tokens["p1"].pos()))
    assert scene.selected_people() == ["p1"]
    QTest.keyClick(view, Qt.Key.Key_F5)
    qtbot.waitUntil(window.isFullScreen)
    token = scene.tokens["p1"]
    QTest.mouseMove(view.viewport(), view.mapFromScene(token.mapToScene(token.handle_centre())))
    image = view.grab().toImage()
    rect = token.card_rect()
    handle = view.mapFromScene(token.mapToScene(token.handle_centre()))
    edge = view.mapFromScene(token.mapToScene(QPointF(rect.center().x(), rect.top())))
    for point in (handle, edge, handle + QPoint(round(8 * view.zoom()), 0)):
        colour = QColor(image.pixel(point))
        assert colour.blue() - colour.red() < 60, (point, colour.name())  # not the selection and handle blue
    assert view.viewport().cursor().shape() != Qt.CursorShape.CrossCursor
