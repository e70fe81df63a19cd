"""Text typed in the inspector is in the file after a short pause, while the field still
has the focus (so a crash loses at most the last second), and one field edit is still
one undo step (issue 15, point 5)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from dmuboard.gui.shell.mainwindow import MainWindow
from tests.gui_window_kit import QT_NOISE, WindowKit, board_on_disk

pytestmark = QT_NOISE




@pytest.fixture
def window(kit: WindowKit) -> MainWindow:
    return kit.window(kit.board("acme.dmu"))


def _file(window: MainWindow) -> Path:
    assert window.opened is not None
    return window.opened.path


@pytest.mark.parametrize("field_name", ["notes", "interests", "name", "title"])
def test_typed_text_reaches_the_file_after_a_pause_with_the_focus_still_there(
    window: MainWindow, qtbot: Any, field_name: str
) -> None:
    window.scene.select(people=["p1"])
    field = window.inspector.person_page.fields[field_name]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier  # after what is there
                   if field_name in ("notes", "interests") else Qt.KeyboardModifier.NoModifier)
    qtbot.keyClicks(field, " typed before a crash")
    qtbot.waitUntil(lambda: getattr(board_on_disk(_file(window)).people["p1"], field_name)
                    .endswith(" typed before a crash"), timeout=5000)
    assert field.hasFocus()


def test_pauses_within_one_edit_are_one_undo_step(window: MainWindow, qtbot: Any) -> None:
    assert window.editor is not None
    window.scene.select(people=["p1"])
    notes = window.inspector.person_page.fields["notes"]
    stack = window.editor.undo_stack
    before = stack.count()
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    qtbot.keyClicks(notes, "first")
    qtbot.waitUntil(lambda: board_on_disk(_file(window)).people["p1"].notes == "first", timeout=5000)
    qtbot.keyClicks(notes, " second")
    qtbot.waitUntil(lambda: board_on_disk(_file(window)).people["p1"].notes == "first second", timeout=5000)
    qtbot.keyClicks(notes, " third")
    window.view.setFocus()  # leaving the field commits the rest at once
    assert board_on_disk(_file(window)).people["p1"].notes == "first second third"
    assert stack.count() == before + 1
    stack.undo()
    assert board_on_disk(_file(window)).people["p1"].notes == ""
    assert notes.toPlainText() == ""
    stack.redo()
    assert board_on_disk(_file(window)).people["p1"].notes == "first second third"


def test_a_second_edit_of_the_field_is_a_second_undo_step(window: MainWindow, qtbot: Any) -> None:
    assert window.editor is not None
    window.scene.select(people=["p1"])
    title = window.inspector.person_page.fields["title"]
    stack = window.editor.undo_stack
    before = stack.count()
    for text in ("A", "B"):
        title.setFocus()
        qtbot.waitUntil(title.hasFocus)
        qtbot.keyClick(title, Qt.Key.Key_End)
        qtbot.keyClicks(title, text)
        qtbot.keyClick(title, Qt.Key.Key_Return)
    assert stack.count() == before + 2
    assert board_on_disk(_file(window)).people["p1"].title == "CFOAB"


def test_a_half_typed_value_the_model_refuses_is_kept_until_the_edit_ends(window: MainWindow, qtbot: Any) -> None:
    window.scene.select(people=["p1"])
    name = window.inspector.person_page.fields["name"]
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Backspace)  # an empty name is refused
    qtbot.waitUntil(lambda: not name._pause.isActive(), timeout=5000)  # the pause has passed
    assert name.text() == ""
    assert board_on_disk(_file(window)).people["p1"].name == "Ingrid Bakker"
    qtbot.keyClicks(name, "Inge")
    qtbot.waitUntil(lambda: board_on_disk(_file(window)).people["p1"].name == "Inge", timeout=5000)
