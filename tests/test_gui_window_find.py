"""Find: Ctrl+F, part of a name or title; matches light up and Enter centres the next."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt

from dmuboard.gui.panels.findbar import find_people
from dmuboard.gui.shell.mainwindow import MainWindow
from tests.gui_window_kit import QT_NOISE, small_board

pytestmark = QT_NOISE




def lit(window: MainWindow) -> set[str]:
    return {pid for pid, token in window.scene.tokens.items() if token.highlighted}


def visible(window: MainWindow, pid: str) -> bool:
    view = window.view
    area = view.mapToScene(view.viewport().rect()).boundingRect()
    return area.contains(window.scene.person_item(pid).pos())


def test_find_matches_names_and_titles_in_reading_order() -> None:
    """Part of a name or a title matches, in any case; the customer's side comes first."""
    board = small_board()
    assert find_people(board, "it MAN") == ["p2"]  # "IT manager"
    assert find_people(board, "manager") == ["p2", "u1"]  # their side first
    assert find_people(board, "DE") == ["p3", "u1"]  # Sanne de Boer, Sam de Wit
    assert find_people(board, "  ") == []


def test_ctrl_f_highlights_and_enter_centres_the_next(window: MainWindow, qtbot: Any) -> None:
    """Typing highlights every match, and selects and centres the first while typing;
    Enter the next, Shift+Enter back; Esc closes the bar and clears the highlight."""
    window.activateWindow()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.findbar
    assert bar.isVisible() and bar.field.hasFocus()

    for _ in range(6):
        window.view.zoom_in()
    window.view.centerOn(QPointF(0.0, 3000.0))
    assert not visible(window, "p3")
    qtbot.keyClicks(bar.field, "de")
    assert lit(window) == {"p3", "u1"}
    assert bar.count.text() == "1 of 2"
    assert visible(window, "p3")
    assert window.scene.selected_people() == ["p3"]
    assert bar.field.hasFocus()  # typing goes on in the field

    window.view.centerOn(QPointF(0.0, 3000.0))
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 2"
    assert visible(window, "u1")
    assert window.scene.selected_people() == ["u1"]
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "1 of 2"
    assert visible(window, "p3")

    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert lit(window) == set()


def test_the_first_match_follows_each_key_typed(window: MainWindow, qtbot: Any) -> None:
    """"S" first finds Sanne (their side comes first); "Sam" then finds Sam de Wit."""
    window.action("find").trigger()
    bar = window.findbar
    qtbot.keyClicks(bar.field, "sa")
    assert window.scene.selected_people() == ["p3"]
    qtbot.keyClicks(bar.field, "m")
    assert window.scene.selected_people() == ["u1"]
    assert bar.count.text() == "1 of 1"


def test_no_match_says_so(window: MainWindow, qtbot: Any) -> None:
    """A search that matches nobody says "No match" and lights nothing."""
    window.action("find").trigger()
    qtbot.keyClicks(window.findbar.field, "zebra")
    assert window.findbar.count.text() == "No match"
    assert lit(window) == set()
    qtbot.keyClick(window.findbar.field, Qt.Key.Key_Return)
    assert window.findbar.count.text() == "No match"


def test_a_renamed_person_joins_the_matches(window: MainWindow, qtbot: Any) -> None:
    """The matches follow the model: renaming someone to match lights them up."""
    from dataclasses import replace

    from dmuboard.model.document import Change

    window.action("find").trigger()
    qtbot.keyClicks(window.findbar.field, "bakker")
    assert lit(window) == {"p1"}
    person = window.editor.document.board.people["p2"]
    window.editor.submit(Change(people=(replace(person, name="Joost Bakker"),), label="Rename"))
    assert lit(window) == {"p1", "p2"}
    assert window.findbar.count.text() == "1 of 2"  # Ingrid, found while typing, stays the current one
