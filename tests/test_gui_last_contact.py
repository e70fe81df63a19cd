"""A relationship's last contact: set in the inspector, "Touched Today" in the inspector
and in the line's menu, and a stale relationship drawn faded."""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication, QGraphicsSceneContextMenuEvent

from dmuboard.gui.canvas.aging import STALE_OPACITY
from dmuboard.gui.shell.mainwindow import MainWindow
from tests.gui_window_kit import QT_NOISE, WindowKit, board_on_disk, small_board

pytestmark = QT_NOISE
TODAY = datetime.datetime.now(datetime.UTC).date().isoformat()


def _window(kit: WindowKit, last_contact: str | None) -> tuple[MainWindow, Path]:
    board = small_board()
    board.links["l2"] = replace(board.links["l2"], last_contact=last_contact)
    path = kit.board("acme.dmu", board)
    return kit.window(path), path


def test_last_contact_is_edited_in_the_inspector(kit: WindowKit, qtbot: Any) -> None:
    window, path = _window(kit, None)
    assert window.scene is not None
    window.scene.select(links=["l2"])
    page = window.inspector.link_page
    field = page.fields["last_contact"]
    assert page.form.isRowVisible(field)
    field.setText("2026-11-30")
    field.editingFinished.emit()
    assert board_on_disk(path).links["l2"].last_contact == "2026-11-30"
    field.setText("30/11/2026")
    field.editingFinished.emit()
    assert board_on_disk(path).links["l2"].last_contact == "2026-11-30"  # refused, nothing lost
    assert field.text() == "2026-11-30"
    page.touched.click()
    assert board_on_disk(path).links["l2"].last_contact == TODAY
    window.scene.select(links=["l1"])  # a reporting line has no last contact
    assert not page.form.isRowVisible(field) and not page.form.isRowVisible(page.touched)


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing|propagateSizeHints)")  # popup offscreen
def test_stale_line_is_faded_until_touched_from_its_menu(kit: WindowKit, qtbot: Any) -> None:
    window, path = _window(kit, "2020-01-01")
    assert window.scene is not None
    item = window.scene.links["l2"]
    assert item.opacity() == pytest.approx(STALE_OPACITY)
    assert window.scene.links["l1"].opacity() == 1.0

    def choose() -> None:
        popup = QApplication.activePopupWidget()
        if popup is None:
            QTimer.singleShot(10, choose)
            return
        action = next(a for a in popup.actions() if a.text() == "Touched Today")
        action.trigger()
        popup.close()

    QTimer.singleShot(0, choose)
    event = QGraphicsSceneContextMenuEvent(QGraphicsSceneContextMenuEvent.Type.GraphicsSceneContextMenu)
    event.setScreenPos(QPoint(200, 200))
    item.contextMenuEvent(event)
    assert board_on_disk(path).links["l2"].last_contact == TODAY
    qtbot.waitUntil(lambda: window.scene is not None and window.scene.links["l2"].opacity() == 1.0)
