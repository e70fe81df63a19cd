"""Long names: nothing is cut silently. The inspector says when a name is too long and
keeps what was pasted; its heading stays within two lines with the whole name in the
tool tip; a card wraps a long name onto two lines before cutting it short, and its tool
tip has the whole name."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QGuiApplication
from PySide6.QtTest import QTest

from dmuboard.gui.shell.mainwindow import MainWindow
from tests.gui_window_kit import QT_NOISE, WindowKit, board_on_disk

pytestmark = QT_NOISE

LONG = "Maria-Fernanda Gonzalez de la Vega y Alcantara"




@pytest.fixture
def window(kit: WindowKit) -> MainWindow:
    return kit.window(kit.board("acme.dmu"))


def test_a_name_too_long_is_kept_and_the_inspector_says_so(window: MainWindow, qtbot: Any) -> None:
    assert window.scene is not None and window.editor is not None
    window.scene.select(people=["p1"])
    name = window.inspector.person_page.fields["name"]
    too_long = "Ingrid " + "B" * 240
    QGuiApplication.clipboard().setText(too_long)
    name.setFocus()
    name.selectAll()
    QTest.keyClick(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert name.text() == too_long  # nothing cut
    said = window.statusBar().currentMessage()
    assert said.startswith("Name is too long: 247 characters, at most 200.")
    QTest.keyClick(name, Qt.Key.Key_Return)
    assert window.editor.document.board.people["p1"].name == "Ingrid Bakker"
    assert board_on_disk(window.opened.path).people["p1"].name == "Ingrid Bakker"  # type: ignore[union-attr]
    assert name.text() == too_long  # still there to be shortened
    QTest.keyClick(name, Qt.Key.Key_End)
    for _ in range(60):
        QTest.keyClick(name, Qt.Key.Key_Backspace)
    QTest.keyClick(name, Qt.Key.Key_Return)
    assert window.editor.document.board.people["p1"].name == too_long[:-60]


def test_the_inspector_heading_stays_within_two_lines(window: MainWindow, qtbot: Any) -> None:
    assert window.scene is not None and window.editor is not None
    very_long = " ".join(["Wilhelmina"] * 18)  # 197 characters: allowed, but far too long to show
    inspector = window.inspector
    window.scene.select(people=["p1"])
    name = inspector.person_page.fields["name"]
    name.setText(very_long)
    QTest.keyClick(name, Qt.Key.Key_Return)
    assert window.editor.document.board.people["p1"].name == very_long
    heading = inspector.heading
    qtbot.waitUntil(lambda: heading.text() != very_long)
    shown = heading.text()
    assert shown.count("\n") == 1 and shown.endswith("…")
    assert heading.height() <= 2 * QFontMetricsF(heading.font()).lineSpacing() + 8
    assert very_long in heading.toolTip()
