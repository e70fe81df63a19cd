"""Status-bar sentences that describe a state leave with the state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from dmuboard.gui.shell.mainwindow import MainWindow
from tests.gui_window_kit import QT_NOISE, WindowKit

pytestmark = QT_NOISE




def active_window(kit: WindowKit, qtbot: Any) -> MainWindow:
    window = kit.window(kit.board())
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    assert window.view is not None
    window.view.setFocus()
    return window


def test_the_connect_mode_sentence_goes_when_connect_mode_is_turned_off(kit: WindowKit, qtbot: Any) -> None:
    window = active_window(kit, qtbot)
    qtbot.keyClick(window.view, Qt.Key.Key_L)
    assert window.action("connect").isChecked()
    assert window.statusBar().currentMessage().startswith("Connect mode:")
    qtbot.keyClick(window.view, Qt.Key.Key_L)
    assert not window.action("connect").isChecked()
    assert window.statusBar().currentMessage() == ""


def test_the_warm_path_sentence_goes_when_find_selects_someone_else(kit: WindowKit, qtbot: Any) -> None:
    """The sentence names Ingrid's path; Find then selects Sanne: no sentence about Ingrid stays."""
    window = active_window(kit, qtbot)
    assert window.scene is not None
    window.scene.select(people=["p1"])
    qtbot.keyClick(window.view, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.statusBar().currentMessage().startswith("Warm path to Ingrid Bakker")
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.findbar.field, "Sanne")
    assert window.scene.selected_people() == ["p3"]
    assert "Ingrid" not in window.statusBar().currentMessage()


def test_the_warm_path_sentence_goes_with_the_highlight(kit: WindowKit, qtbot: Any) -> None:
    window = active_window(kit, qtbot)
    assert window.scene is not None
    window.scene.select(people=["p1"])
    window.action("warm_path").trigger()
    assert window.statusBar().currentMessage().startswith("Warm path to Ingrid Bakker")
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    assert window.statusBar().currentMessage() == ""
