"""The first board opens fitted; Ctrl+0 fits again with no scroll bar; the findings panel
opens tall enough to read three findings whole."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt

from dmuboard.gui.panels.findings import FindingsPanel
from dmuboard.gui.shell.mainwindow import MainWindow
from tests.gui_window_kit import QT_NOISE, WindowKit

pytestmark = QT_NOISE




def first_start(kit: WindowKit, qtbot: Any) -> MainWindow:
    window = kit.window(None)
    window.resize(1400, 900)
    qtbot.waitExposed(window)
    return window


def seen(window: MainWindow) -> QRectF:
    view = window.view
    assert view is not None
    return view.mapToScene(view.viewport().rect()).boundingRect()


def fitted(window: MainWindow) -> bool:
    """Every card and both sides' headings in view, and no scroll bar."""
    view, scene = window.view, window.scene
    assert view is not None and scene is not None
    area = seen(window)
    board = scene.people_rect()
    return (area.contains(board) and area.left() < -250 and area.right() > 250
            and not view.horizontalScrollBar().isVisible() and not view.verticalScrollBar().isVisible())


def test_the_first_board_opens_fitted_to_the_window(kit: WindowKit, qtbot: Any) -> None:
    window = first_start(kit, qtbot)
    qtbot.waitUntil(lambda: fitted(window))


def test_ctrl_0_fits_both_sides_without_a_scroll_bar(kit: WindowKit, qtbot: Any) -> None:
    window = first_start(kit, qtbot)
    view = window.view
    assert view is not None
    qtbot.waitUntil(lambda: fitted(window))
    for _ in range(4):
        view.zoom_in()
    assert view.horizontalScrollBar().isVisible()  # zoomed in: there is somewhere to scroll to
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: fitted(window))
    area, board = seen(window), window.scene.people_rect() if window.scene else QRectF()
    assert board.width() > 0.6 * area.width() or board.height() > 0.6 * area.height()  # no empty half


def test_the_findings_panel_shows_three_findings_whole(kit: WindowKit, qtbot: Any) -> None:
    window = first_start(kit, qtbot)
    panel = window.findings_dock.widget()
    assert isinstance(panel, FindingsPanel)
    qtbot.waitUntil(lambda: panel.list.count() >= 3, timeout=5000)
    room = panel.list.viewport().rect()
    for i in range(3):
        assert room.contains(panel.list.visualItemRect(panel.list.item(i))), f"finding {i + 1} is cut"
