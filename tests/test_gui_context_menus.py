"""Right-click menus on the canvas (issue 16.11): on a card, on a line and on empty
canvas, chosen with the mouse as a person does; every choice is one undo step."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from tests.gui_window_kit import WindowKit

# The offscreen platform cannot raise a popup menu nor grab the keyboard for it; harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")


def right_click_and_choose(window: Any, qtbot: Any, at: QPoint, *path: str) -> list[str]:
    """Right-click the viewport point ``at``, then choose the entries of ``path`` in the
    menu (and submenus) that open; return the first menu's entries."""
    seen: list[str] = []
    steps = list(path)
    done: list[QMenu] = []

    def step() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu) or menu in done:
            QTimer.singleShot(10, step)  # the (sub)menu is not open yet
            return
        done.append(menu)
        if not seen:
            seen.extend(a.text() for a in menu.actions() if a.text())
        wanted = steps.pop(0)
        action = next((a for a in menu.actions() if a.text() == wanted), None)
        if action is None or not action.isEnabled():
            seen.append(f"MISSING {wanted}")
            while isinstance(QApplication.activePopupWidget(), QMenu):
                QApplication.activePopupWidget().close()
            return
        menu.setActiveAction(action)  # the entry under the pointer (or reached with the arrow keys)
        QTest.keyClick(menu, Qt.Key.Key_Return)
        if steps:
            QTimer.singleShot(10, step)

    QTimer.singleShot(0, step)
    viewport = window.view.viewport()
    # The right button goes down, and the window system asks for the menu there.
    QTest.mousePress(viewport, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, at)
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, viewport.mapToGlobal(at)))
    QTest.mouseRelease(viewport, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, at)
    qtbot.waitUntil(lambda: not steps and not isinstance(QApplication.activePopupWidget(), QMenu))
    assert not any(text.startswith("MISSING") for text in seen), seen
    return seen


def card_point(window: Any, pid: str) -> QPoint:
    token = window.scene.tokens[pid]
    return window.view.mapFromScene(token.sceneBoundingRect().center())


def test_a_card_menu_changes_stance_and_roles_in_one_step_each(kit: WindowKit, qtbot: Any) -> None:
    path = kit.board()
    window = kit.window(path)
    qtbot.waitExposed(window)
    window.view.fit()  # View > Fit Board: every card in sight
    stack = window.editor.undo_stack
    count = stack.count()
    entries = right_click_and_choose(window, qtbot, card_point(window, "p1"), "Stance", "▼▼ blocker")
    assert {"Connect to…", "Stance", "Roles", "Show &Warm Path", "Centre", "Delete"} <= set(entries)
    assert window.editor.document.board.people["p1"].stance == "blocker"
    assert stack.count() == count + 1
    right_click_and_choose(window, qtbot, card_point(window, "p1"), "Roles", "Sponsor")
    assert window.editor.document.board.people["p1"].roles == ("buyer", "decider", "sponsor")
    right_click_and_choose(window, qtbot, card_point(window, "p1"), "Roles", "Buyer")
    assert window.editor.document.board.people["p1"].roles == ("decider", "sponsor")
    assert stack.count() == count + 3
    stack.undo()
    assert window.editor.document.board.people["p1"].roles == ("buyer", "decider", "sponsor")


def test_our_card_has_no_stance_and_delete_removes_the_card_clicked(kit: WindowKit, qtbot: Any) -> None:
    path = kit.board()
    window = kit.window(path)
    qtbot.waitExposed(window)
    window.view.fit()  # View > Fit Board: every card in sight
    window.scene.select(["p3"])
    entries = right_click_and_choose(window, qtbot, card_point(window, "u1"), "Delete")
    assert "Stance" not in entries and "Roles" not in entries
    people = window.editor.document.board.people
    assert "u1" not in people and "p3" in people
    assert window.statusBar().currentMessage().startswith("Deleted Sam de Wit and 1 link.")


def test_connect_to_then_a_click_on_a_person_links_them(kit: WindowKit, qtbot: Any) -> None:
    path = kit.board()
    window = kit.window(path)
    qtbot.waitExposed(window)
    window.view.fit()  # View > Fit Board: every card in sight
    right_click_and_choose(window, qtbot, card_point(window, "u1"), "Connect to…")
    assert window.scene.linking
    target = card_point(window, "p3")
    QTest.mouseMove(window.view.viewport(), target)
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    assert not window.scene.linking
    links = window.editor.document.board.links.values()
    assert any({link.source, link.target} == {"u1", "p3"} and link.kind == "relationship" for link in links)


def test_show_warm_path_and_centre_from_the_card_menu(kit: WindowKit, qtbot: Any) -> None:
    window = kit.window(kit.board())
    qtbot.waitExposed(window)
    window.view.fit()  # View > Fit Board: every card in sight
    right_click_and_choose(window, qtbot, card_point(window, "p2"), "Show &Warm Path")
    assert window.scene._path == ["u1", "p2"]
    window.view.zoom_by(3.0)
    window.view.centerOn(window.scene.tokens["p2"].pos())
    window.view.horizontalScrollBar().setValue(window.view.horizontalScrollBar().value() + 150)
    right_click_and_choose(window, qtbot, card_point(window, "p2"), "Centre")
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    assert (centre - window.scene.tokens["p2"].sceneBoundingRect().center()).manhattanLength() < 60


def test_a_line_menu_sets_strength_kind_and_reverses(kit: WindowKit, qtbot: Any) -> None:
    path = kit.board()
    window = kit.window(path)
    qtbot.waitExposed(window)
    window.view.fit()  # View > Fit Board: every card in sight
    stack = window.editor.undo_stack
    count = stack.count()

    def line_point(lid: str) -> QPoint:
        item = window.scene.links[lid]
        return window.view.mapFromScene(item.path().pointAtPercent(0.3))

    beside = line_point("l2") + QPoint(0, 3)  # a line is thin: just beside it counts as on it
    entries = right_click_and_choose(window, qtbot, beside, "Strength", "5 – trusted advisor")
    assert "Reverse Direction" not in entries and "Kind" in entries
    assert window.editor.document.board.links["l2"].strength == 5
    right_click_and_choose(window, qtbot, line_point("l1"), "Reverse Direction")
    link = window.editor.document.board.links["l1"]
    assert (link.source, link.target) == ("p1", "p2")
    right_click_and_choose(window, qtbot, line_point("l1"), "Kind", "Influences")
    assert window.editor.document.board.links["l1"].kind == "influences"
    assert stack.count() == count + 3
    right_click_and_choose(window, qtbot, line_point("l1"), "Delete")
    assert "l1" not in window.editor.document.board.links


def test_empty_canvas_adds_a_person_of_the_side_clicked_there(kit: WindowKit, qtbot: Any) -> None:
    path = kit.board()
    window = kit.window(path)
    qtbot.waitExposed(window)
    window.view.fit()  # View > Fit Board: every card in sight
    spot = window.view.mapFromScene(-300.0, 300.0)
    right_click_and_choose(window, qtbot, spot, "Add a Customer Person Here")
    added = [p for pid, p in window.editor.document.board.people.items() if pid not in {"p1", "p2", "p3", "u1"}]
    assert len(added) == 1 and added[0].side == "customer"
    assert abs(added[0].x + 300.0) < 5 and abs(added[0].y - 300.0) < 5
    spot = window.view.mapFromScene(300.0, 300.0)
    right_click_and_choose(window, qtbot, spot, "Add a Team Member Here")
    assert len(window.editor.document.board.ours()) == 2
