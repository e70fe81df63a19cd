"""Copy and paste of people with the links among them (issue 16.16): Ctrl+C and Ctrl+V
within a board and between two windows, each paste one undo step."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from dmuboard.model.board import Board, BoardInfo
from tests.gui_window_kit import WindowKit

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")


def test_ctrl_c_ctrl_v_on_the_same_board_adds_copies_with_their_link(kit: WindowKit, qtbot: Any) -> None:
    window = kit.window(kit.board())
    qtbot.waitExposed(window)
    window.activateWindow()
    window.view.setFocus()  # the board is what the keys go to
    qtbot.waitUntil(window.isActiveWindow)
    window.scene.select(["p1", "p2"])
    QTest.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    count = window.editor.undo_stack.count()
    QTest.keyClick(window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    board = window.editor.document.board
    assert len(board.people) == 6
    new = [p for pid, p in board.people.items() if pid not in {"p1", "p2", "p3", "u1"}]
    assert sorted(p.name for p in new) == ["Ingrid Bakker", "Joost Visser"]
    ids = {p.id for p in new}
    assert any(link.kind == "reports_to" and {link.source, link.target} == ids for link in board.links.values())
    assert set(window.scene.selected_people()) == ids
    rects = [window.scene.people_rect([pid]) for pid in ids]
    others = [window.scene.people_rect([pid]) for pid in ("p1", "p2", "p3", "u1")]
    assert not any(a.intersects(b) for a in rects for b in others)  # at a free spot
    assert window.editor.undo_stack.count() == count + 1
    window.action("undo").trigger()
    assert len(window.editor.document.board.people) == 4


def test_paste_into_another_window_keeps_sides_and_links(kit: WindowKit, qtbot: Any) -> None:
    first = kit.window(kit.board("acme.dmu"))
    second = kit.window(kit.board("other.dmu", Board(BoardInfo("Other - deal", customer="Other"))))
    qtbot.waitExposed(second)
    first.scene.select(["u1", "p2"])
    first.action("copy").trigger()  # Edit > Copy
    second.activateWindow()
    second.view.setFocus()
    qtbot.waitUntil(second.isActiveWindow)
    QTest.keyClick(second.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    board = second.editor.document.board
    assert {(p.name, p.side) for p in board.people.values()} == {("Sam de Wit", "ours"), ("Joost Visser", "customer")}
    assert [(link.kind, link.strength) for link in board.links.values()] == [("relationship", 2)]
    assert len(first.editor.document.board.people) == 4


def test_paste_here_from_the_empty_canvas_menu_lands_at_the_click(kit: WindowKit, qtbot: Any) -> None:
    from tests.test_gui_context_menus import right_click_and_choose

    window = kit.window(kit.board())
    qtbot.waitExposed(window)
    window.view.fit()
    window.scene.select(["p3"])
    window.action("copy").trigger()
    spot = window.view.mapFromScene(-300.0, 400.0)
    right_click_and_choose(window, qtbot, spot, "Paste Here")
    new = [p for pid, p in window.editor.document.board.people.items() if pid not in {"p1", "p2", "p3", "u1"}]
    assert [p.name for p in new] == ["Sanne de Boer"]
    assert abs(new[0].x + 300.0) < 5 and abs(new[0].y - 400.0) < 5
