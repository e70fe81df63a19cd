"""The warm-path highlight goes when the user is done with it, and follows the board."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from dmuboard.gui.canvas.note import CanvasNote
from dmuboard.gui.shell.mainwindow import MainWindow
from dmuboard.model.board import Link
from dmuboard.model.document import Change
from tests.gui_window_kit import QT_NOISE, WindowKit, small_board

pytestmark = QT_NOISE
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier




def marked(window: MainWindow) -> set[str]:
    assert window.scene is not None
    return {pid for pid, token in window.scene.tokens.items() if token.on_path}


def note(window: MainWindow) -> CanvasNote:
    assert window.view is not None
    notes = [n for n in window.view.findChildren(CanvasNote) if n.button is not None]
    assert len(notes) == 1
    return notes[0]


def path_shown(kit: WindowKit, qtbot: Any, window: MainWindow | None = None) -> MainWindow:
    """Ingrid Bakker selected, Board > Show Warm Path: Sam → Joost → Ingrid is marked."""
    window = window or kit.window(kit.board())
    qtbot.waitExposed(window)
    assert window.scene is not None
    window.scene.select(people=["p1"])
    window.action("warm_path").trigger()
    assert marked(window) == {"u1", "p2", "p1"}
    return window


def empty_point(window: MainWindow) -> QPoint:
    """A viewport point over no card, line or legend."""
    view = window.view
    assert view is not None and window.scene is not None
    for y in range(40, view.viewport().height() - 40, 20):
        for x in range(40, view.viewport().width() - 40, 20):
            if not window.scene.items(view.mapToScene(QPoint(x, y))):
                return QPoint(x, y)
    raise AssertionError("no empty canvas in view")


def test_esc_clears_the_highlight(kit: WindowKit, qtbot: Any) -> None:
    window = path_shown(kit, qtbot)
    assert window.view is not None
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    assert marked(window) == set()
    assert not note(window).isVisible()


def test_a_click_on_empty_canvas_clears_the_highlight(kit: WindowKit, qtbot: Any) -> None:
    window = path_shown(kit, qtbot)
    assert window.view is not None
    QTest.mouseClick(window.view.viewport(), LEFT, NONE, empty_point(window))
    assert marked(window) == set()


def test_a_visible_clear_highlight_button_and_menu_entry(kit: WindowKit, qtbot: Any) -> None:
    """While a path is marked, a note on the canvas says so and its button clears it;
    Board > Clear Highlight is offered only while there is something to clear."""
    window = path_shown(kit, qtbot)
    shown = note(window)
    assert shown.isVisible() and "Ingrid Bakker" in shown.text
    assert window.action("clear_highlight").isEnabled()
    assert shown.button is not None
    QTest.mouseClick(shown.button, LEFT)
    assert marked(window) == set()
    assert not shown.isVisible()
    assert not window.action("clear_highlight").isEnabled()


def test_an_undo_that_breaks_the_path_clears_it_and_says_why(kit: WindowKit, qtbot: Any) -> None:
    """The only relationship on the path was the last thing drawn: undo takes the mark away."""
    board = small_board()
    del board.links["l2"]
    window = kit.window(kit.board(board=board))
    assert window.editor is not None
    window.editor.submit(Change(links=(Link("l2", "u1", "p2", "relationship", 2),), label="Add relationship"))
    path_shown(kit, qtbot, window)
    window.editor.undo_stack.undo()
    assert marked(window) == set()
    assert not note(window).isVisible()
    assert "no warm path leads to Ingrid Bakker" in window.statusBar().currentMessage()


def test_a_change_that_shortens_the_path_redraws_it(kit: WindowKit, qtbot: Any) -> None:
    """Sam gets to know Ingrid directly: the mark now runs Sam → Ingrid."""
    window = path_shown(kit, qtbot)
    assert window.editor is not None
    window.editor.submit(Change(links=(Link("l9", "u1", "p1", "relationship", 4),), label="Add relationship"))
    assert marked(window) == {"u1", "p1"}
    assert note(window).isVisible()


def test_a_findings_path_clears_the_same_way(kit: WindowKit, qtbot: Any) -> None:
    """A double click on Ingrid's finding marks her path; Esc on the canvas clears it."""
    window = kit.window(kit.board())
    qtbot.waitExposed(window)
    panel = window.findings
    qtbot.waitUntil(lambda: panel.analysis is not None, timeout=5000)
    row = next(panel.list.item(i) for i in range(panel.list.count())
               if panel.finding_of(panel.list.item(i)).people[:1] == ("p1",))
    panel.list.scrollToItem(row)
    rect = panel.list.visualItemRect(row)
    QTest.mouseClick(panel.list.viewport(), LEFT, NONE, rect.topLeft() + QPoint(30, 10))
    QTest.mouseDClick(panel.list.viewport(), LEFT, NONE, rect.topLeft() + QPoint(30, 10))
    QTest.mouseRelease(panel.list.viewport(), LEFT, NONE, rect.topLeft() + QPoint(30, 10))  # QTest leaves it held
    assert "p1" in marked(window), (window.statusBar().currentMessage(), rect, panel.list.viewport().size())
    assert window.view is not None
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    assert marked(window) == set()
