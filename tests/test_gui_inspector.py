"""The inspector: every edit reaches the model and the file as one undo step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtGui import QTextDocument

from dmuboard.gui.shell.mainwindow import MainWindow
from tests.gui_window_kit import QT_NOISE, board_on_disk

pytestmark = QT_NOISE

MARKUP = '<b>Bold</b> <img src="/etc/passwd"> &amp; <a href="x">link</a>'




def shown_text(tooltip: str) -> str:
    """What a tool tip shows on screen (Qt renders it as rich text when it looks like it)."""
    if not GuiQt.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def type_into(qtbot: Any, field: Any, text: str) -> None:
    """Replace a line field's text by typing, then press Enter."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def path_of(window: MainWindow) -> Path:
    assert window.opened is not None
    return window.opened.path


def steps(window: MainWindow) -> int:
    assert window.editor is not None
    return window.editor.undo_stack.count()


def test_the_board_is_shown_when_nothing_is_selected(window: MainWindow) -> None:
    """With nothing selected the inspector shows the board's fields."""
    inspector = window.inspector
    assert inspector.pages.currentWidget() is inspector.board_page
    assert inspector.board_page.fields["title"].text() == "Acme BV - CRM replacement"
    assert inspector.board_page.fields["deal_value"].text() == "180,000"
    window.scene.select(people=["p1"])
    assert inspector.pages.currentWidget() is inspector.person_page
    assert inspector.heading.text() == "Ingrid Bakker"
    window.scene.select(people=["p1", "p2"])
    assert inspector.heading.text() == "2 people selected"


def test_person_name_edit_is_one_undo_step_in_model_and_file(window: MainWindow, qtbot: Any) -> None:
    """Typing a new name commits once (not per key), reaches the file, and undo restores it."""
    window.scene.select(people=["p1"])
    name = window.inspector.person_page.fields["name"]
    before = steps(window)
    type_into(qtbot, name, "Ingrid Bakker-de Vries")
    assert steps(window) == before + 1
    assert window.editor.undo_stack.undoText() == "Change name"
    assert window.editor.document.board.people["p1"].name == "Ingrid Bakker-de Vries"
    assert board_on_disk(path_of(window)).people["p1"].name == "Ingrid Bakker-de Vries"
    assert window.inspector.heading.text() == "Ingrid Bakker-de Vries"

    window.editor.undo_stack.undo()
    assert board_on_disk(path_of(window)).people["p1"].name == "Ingrid Bakker"
    assert name.text() == "Ingrid Bakker"


def test_stance_roles_and_influence_edits(window: MainWindow, qtbot: Any) -> None:
    """Stance (a choice), roles (check boxes) and influence (a number) each make one undo
    step that reaches the file; undo takes each back."""
    window.scene.select(people=["p2"])
    page = window.inspector.person_page
    path = path_of(window)
    start = steps(window)

    stance = page.fields["stance"]
    stance.setCurrentIndex(stance.findData("blocker"))
    stance.activated.emit(stance.currentIndex())
    page.fields["roles"].boxes["influencer"].click()
    influence = page.fields["influence"]
    influence.setFocus()
    influence.selectAll()
    qtbot.keyClicks(influence, "5")
    qtbot.keyClick(influence, Qt.Key.Key_Return)

    assert steps(window) == start + 3
    stored = board_on_disk(path).people["p2"]
    assert (stored.stance, stored.roles, stored.influence) == ("blocker", ("influencer", "evaluator"), 5)

    window.editor.undo_stack.undo()
    assert board_on_disk(path).people["p2"].influence == 3
    assert influence.value() == 3
    window.editor.undo_stack.undo()
    assert board_on_disk(path).people["p2"].roles == ("evaluator",)
    assert not page.fields["roles"].boxes["influencer"].isChecked()
    window.editor.undo_stack.undo()
    assert board_on_disk(path).people["p2"].stance == "supporter"
    assert stance.currentData() == "supporter"


def test_an_empty_name_is_refused_and_the_field_goes_back(window: MainWindow, qtbot: Any) -> None:
    """A name of only spaces is refused with a message; the field shows the model's name again."""
    window.scene.select(people=["p1"])
    name = window.inspector.person_page.fields["name"]
    before = steps(window)
    type_into(qtbot, name, "   ")
    assert name.text() == "Ingrid Bakker"
    assert steps(window) == before
    assert "Name must not be empty" in window.statusBar().currentMessage()
    assert board_on_disk(path_of(window)).people["p1"].name == "Ingrid Bakker"


def test_a_name_full_of_markup_shows_literally(window: MainWindow, qtbot: Any) -> None:
    """A name that looks like HTML is shown as typed in the field, the heading and the tool tips."""
    window.scene.select(people=["p3"])
    type_into(qtbot, window.inspector.person_page.fields["name"], MARKUP)
    assert window.editor.document.board.people["p3"].name == MARKUP
    assert window.inspector.person_page.fields["name"].text() == MARKUP
    heading = window.inspector.heading
    assert heading.textFormat() == Qt.TextFormat.PlainText and heading.text() == MARKUP
    assert shown_text(heading.toolTip()) == MARKUP
    token = window.scene.person_item("p3")
    assert MARKUP in shown_text(window.scene.tooltip_text(token))

    window.scene.select(people=["p2"])  # one end of the relationship l2
    type_into(qtbot, window.inspector.person_page.fields["name"], MARKUP)
    window.scene.select(links=["l2"])
    ends = window.inspector.link_page.ends
    assert ends[1].text() == f"{MARKUP} — IT manager"
    assert shown_text(ends[1].toolTip()) == f"{MARKUP} — IT manager"


def test_link_strength_and_kind(window: MainWindow) -> None:
    """A relationship's strength is one undo step in the file; a link offers only the kinds
    its ends allow."""
    window.scene.select(links=["l2"])
    page = window.inspector.link_page
    kinds = [page.fields["kind"].itemData(i) for i in range(page.fields["kind"].count())]
    assert kinds == ["relationship"]
    strength = page.fields["strength"]
    before = steps(window)
    strength.setCurrentIndex(strength.findData(5))
    strength.activated.emit(strength.currentIndex())
    assert steps(window) == before + 1
    assert board_on_disk(path_of(window)).links["l2"].strength == 5
    window.editor.undo_stack.undo()
    assert board_on_disk(path_of(window)).links["l2"].strength == 2
    assert strength.currentData() == 2

    window.scene.select(links=["l1"])
    kinds = [page.fields["kind"].itemData(i) for i in range(page.fields["kind"].count())]
    assert kinds == ["reports_to", "influences", "conflict"]
    assert not page.form.isRowVisible(page.fields["strength"])


def test_board_deal_value_and_required_roles(window: MainWindow, qtbot: Any) -> None:
    """The deal value accepts "250.000" as typed and required roles are check boxes; each is
    one undo step in the file, and a value that is not a number is refused."""
    page = window.inspector.board_page
    path = path_of(window)
    before = steps(window)
    type_into(qtbot, page.fields["deal_value"], "250.000")
    page.fields["required_roles"].boxes["sponsor"].click()
    assert steps(window) == before + 2
    stored = board_on_disk(path).info
    assert stored.deal_value == 250000.0
    assert "sponsor" in stored.required_roles
    assert page.fields["deal_value"].text() == "250,000"

    type_into(qtbot, page.fields["deal_value"], "a lot")
    assert "Deal value" in window.statusBar().currentMessage()
    assert page.fields["deal_value"].text() == "250,000"
    assert steps(window) == before + 2

    window.editor.undo_stack.undo()
    window.editor.undo_stack.undo()
    assert board_on_disk(path).info.deal_value == 180000.0
    assert "sponsor" not in board_on_disk(path).info.required_roles
    type_into(qtbot, page.fields["deal_value"], "")
    assert board_on_disk(path).info.deal_value is None


def test_changing_side_moves_the_token_across_the_divide(window: MainWindow) -> None:
    """Moving a customer person to our side mirrors the token and drops roles and stance."""
    window.scene.select(people=["p3"])
    side = window.inspector.person_page.fields["side"]
    side.setCurrentIndex(side.findData("ours"))
    side.activated.emit(side.currentIndex())
    moved = board_on_disk(path_of(window)).people["p3"]
    assert moved.side == "ours" and moved.x == 160.0 and moved.roles == ()
    assert window.scene.person_item("p3").pos().x() > 0
    assert not window.inspector.person_page.form.isRowVisible(window.inspector.person_page.fields["stance"])


def test_typing_then_selecting_something_else_keeps_the_text(window: MainWindow, qtbot: Any) -> None:
    """Text typed in a notes field is committed to its person when the selection moves on."""
    window.scene.select(people=["p1"])
    notes = window.inspector.person_page.fields["notes"]
    notes.setFocus()
    qtbot.keyClicks(notes, "Met at the fair")
    window.scene.select(people=["p2"])
    assert board_on_disk(path_of(window)).people["p1"].notes == "Met at the fair"
    assert notes.toPlainText() == ""


def test_the_inspector_follows_edits_made_elsewhere(window: MainWindow) -> None:
    """When the person shown is changed on the canvas (here: by undo and redo), the fields follow."""
    from dataclasses import replace

    from dmuboard.model.document import Change

    window.scene.select(people=["p1"])
    editor = window.editor
    person = editor.document.board.people["p1"]
    editor.submit(Change(people=(replace(person, title="Chief Financial Officer"),), label="Edit"))
    title = window.inspector.person_page.fields["title"]
    assert title.text() == "Chief Financial Officer"
    editor.undo_stack.undo()
    assert title.text() == "CFO"


def test_text_typed_but_not_committed_is_kept_when_the_window_closes(window: MainWindow, qtbot: Any) -> None:
    """Closing the window while the cursor is still in a field keeps what was typed there."""
    path = path_of(window)
    notes = window.inspector.board_page.fields["notes"]
    notes.setFocus()
    qtbot.keyClicks(notes, "Call Ingrid after the summer")
    window.close()
    assert board_on_disk(path).info.notes == "Call Ingrid after the summer"


@pytest.mark.parametrize(("typed", "value"), [
    ("180000", 180000.0), ("180,000", 180000.0), ("180.000", 180000.0), ("€ 1.250.000,50", 1250000.5),
    ("1,250,000.50", 1250000.5), ("12.5", 12.5), ("1,5", 1.5), ("", None),
])
def test_deal_values_are_read_as_people_type_them(typed: str, value: float | None) -> None:
    """Thousands separators of either kind, a decimal comma or point, a currency sign; empty is unknown."""
    from dmuboard.gui.panels.inspector.board_page import parse_amount, show_amount

    assert parse_amount(typed) == value
    if value is not None:
        assert parse_amount(show_amount(value)) == value
