"""Delete says what it deleted and how to get it back, and Ctrl+Z does bring it back."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from dmuboard.model.board import Link, Person
from tests.gui_window_kit import QT_NOISE, WindowKit, board_on_disk, small_board

pytestmark = QT_NOISE




def _click_card(window: Any, pid: str) -> None:
    view = window.view
    token = window.scene.tokens[pid]
    at = view.mapFromScene(token.sceneBoundingRect().center())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def test_deleting_a_person_says_who_and_how_many_links_and_ctrl_z_brings_them_back(
    kit: WindowKit, qtbot: Any
) -> None:
    board = small_board()
    board.people["p4"] = Person("p4", "customer", "Fatima El Idrissi", "COO", x=-160.0, y=-180.0)
    for link in (Link("l3", "p2", "p4", "influences"), Link("l4", "p3", "p4", "reports_to"),
                 Link("l5", "u1", "p4", "relationship", 4)):
        board.links[link.id] = link
    path = kit.board(board=board)
    window = kit.window(path)
    qtbot.waitExposed(window)
    _click_card(window, "p4")
    assert window.scene.selected_people() == ["p4"]
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Delete)
    assert window.statusBar().currentMessage() == "Deleted Fatima El Idrissi and 3 links. Ctrl+Z brings them back."
    assert "p4" not in board_on_disk(path).people
    window.action("undo").trigger()  # what Ctrl+Z is bound to (Edit > Undo)
    back = board_on_disk(path)
    assert "p4" in back.people and {"l3", "l4", "l5"} <= set(back.links)


@pytest.mark.parametrize(("people", "links", "said"), [
    (["p1", "p2"], [], "Deleted Ingrid Bakker, Joost Visser and 2 links. Ctrl+Z brings them back."),
    (["p1", "p2", "p3"], [], "Deleted 3 people and 2 links. Ctrl+Z brings them back."),
    ([], ["l2"], "Deleted 1 link. Ctrl+Z brings it back."),
    (["p3"], [], "Deleted Sanne de Boer. Ctrl+Z brings them back."),
])
def test_the_sentence_counts_what_went(kit: WindowKit, people: list[str], links: list[str], said: str) -> None:
    window = kit.window(kit.board())
    window.scene.select(people=people, links=links)
    window.action("delete").trigger()
    assert window.statusBar().currentMessage() == said
