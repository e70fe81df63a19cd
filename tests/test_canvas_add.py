"""Adding people: palette drops, double-clicks, naming in place, and text shown as typed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem

from dmuboard.gui.canvas.nameeditor import NameEditor
from dmuboard.gui.common.mime import token_mime
from dmuboard.model.board import Person
from dmuboard.model.document import Change
from tests.test_canvas_support import Canvas, canvas, open_canvas, small_board

__all__ = ["canvas"]


def drop(canvas: Canvas, side: str, role: str | None, at: QPoint) -> bool:
    """Drag a palette token over the viewport and drop it; True when the drop was taken."""
    viewport = canvas.view.viewport()
    data = token_mime(side, role)
    action = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, action, data, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(at, action, data, buttons, mods)
    QApplication.sendEvent(viewport, move)
    event = QDropEvent(QPointF(at), action, data, buttons, mods)
    QApplication.sendEvent(viewport, event)
    return enter.isAccepted() and move.isAccepted() and event.isAccepted()


def added(canvas: Canvas) -> list[Person]:
    return [p for pid, p in canvas.editor.document.board.people.items() if pid not in ("p1", "p2", "p3", "u1", "u2")]


def test_a_role_dropped_on_the_customer_side_adds_a_person_with_that_role_at_the_drop_point(canvas: Canvas) -> None:
    """Dropping 'gatekeeper' on the left makes a customer person there, with the name ready to type."""
    where = canvas.point(QPointF(-700.0, -150.0))
    assert drop(canvas, "customer", "gatekeeper", where)
    [person] = added(canvas)
    assert person.side == "customer" and person.roles == ("gatekeeper",)
    spot = canvas.view.mapToScene(where)
    assert person.x is not None and abs(person.x - spot.x()) < 1 and abs(person.y - spot.y()) < 1  # type: ignore[operator]
    assert person.id in canvas.saved().people
    editor = canvas.scene.name_editor
    assert isinstance(editor, NameEditor)
    assert editor.textCursor().selectedText() == person.name


def test_typing_a_name_and_enter_renames_in_its_own_undo_step(canvas: Canvas) -> None:
    """The dropped person takes the typed name; undo first takes back the name, then the person."""
    drop(canvas, "customer", "buyer", canvas.point(QPointF(-700.0, -150.0)))
    [person] = added(canvas)
    viewport = canvas.view.viewport()
    QTest.keyClicks(viewport, "Kees Visser")
    QTest.keyClick(viewport, Qt.Key.Key_Return)
    assert canvas.editor.document.board.people[person.id].name == "Kees Visser"
    assert canvas.saved().people[person.id].name == "Kees Visser"
    assert canvas.scene.tokens[person.id].name_item.text() == "Kees Visser"
    assert canvas.editor.undo_stack.count() == 2
    canvas.editor.undo_stack.undo()
    assert canvas.editor.document.board.people[person.id].name == "New buyer"
    canvas.editor.undo_stack.undo()
    assert person.id not in canvas.editor.document.board.people
    assert person.id not in canvas.scene.tokens


def test_escape_keeps_the_default_name(canvas: Canvas) -> None:
    """Esc while naming leaves the default name and adds no undo step."""
    drop(canvas, "ours", None, canvas.point(QPointF(700.0, -150.0)))
    [person] = added(canvas)
    viewport = canvas.view.viewport()
    QTest.keyClicks(viewport, "Half typed")
    QTest.keyClick(viewport, Qt.Key.Key_Escape)
    assert canvas.editor.document.board.people[person.id].name == "New team member"
    assert person.side == "ours" and canvas.editor.undo_stack.count() == 1


def test_a_role_dropped_on_our_side_is_refused_with_a_message(canvas: Canvas) -> None:
    """DMU roles belong to the customer: a role token dropped on the right adds nobody."""
    drop(canvas, "customer", "decider", canvas.point(QPointF(700.0, -150.0)))
    assert added(canvas) == []
    assert any("customer" in m for m in canvas.messages)


def test_a_team_member_dropped_on_the_customer_side_is_refused(canvas: Canvas) -> None:
    """Our own people are not dropped among theirs."""
    drop(canvas, "ours", None, canvas.point(QPointF(-700.0, -150.0)))
    assert added(canvas) == []
    assert any("our side" in m for m in canvas.messages)


def test_foreign_drag_data_is_not_accepted(canvas: Canvas) -> None:
    """Dragging text from elsewhere over the canvas is not taken as a token."""
    from PySide6.QtCore import QMimeData

    data = QMimeData()
    data.setText("hello")
    at = canvas.point(QPointF(-700.0, -150.0))
    enter = QDragEnterEvent(at, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(canvas.view.viewport(), enter)
    assert not enter.isAccepted()
    assert added(canvas) == []


def test_double_clicking_empty_canvas_adds_a_person_on_that_side(canvas: Canvas) -> None:
    """A double-click on the right of the divide adds one of ours there."""
    where = canvas.point(QPointF(750.0, 450.0))
    QTest.mouseDClick(canvas.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    [person] = added(canvas)
    assert person.side == "ours" and person.x is not None and person.x > 0
    assert canvas.scene.name_editor is not None


def test_double_clicking_a_token_renames_it_in_place(canvas: Canvas) -> None:
    """Double-click on Anna, type a new name, press Enter."""
    viewport = canvas.view.viewport()
    QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, canvas.at("p3"))
    assert canvas.scene.name_editor is not None
    QTest.keyClicks(viewport, "Anna Visser")
    QTest.keyClick(viewport, Qt.Key.Key_Enter)
    assert canvas.editor.document.board.people["p3"].name == "Anna Visser"


def test_a_name_full_of_markup_is_shown_as_the_characters_typed(canvas: Canvas) -> None:
    """A name like <img src=...> is drawn as those characters by a plain-text item, and escaped in the tip."""
    name = '<img src="x">'
    person = canvas.editor.document.board.people["p3"]
    assert canvas.editor.submit(Change(people=(replace(person, name=name, title="<b>boss</b>"),)))
    token = canvas.scene.tokens["p3"]
    assert isinstance(token.name_item, QGraphicsSimpleTextItem)
    assert token.name_item.text() == name
    assert token.title_item.text() == "<b>boss</b>"
    tip = canvas.scene.tooltip_text(token.name_item)
    assert "&lt;img src=&quot;x&quot;&gt;" in tip and "<img" not in tip
    assert "&lt;b&gt;boss&lt;/b&gt;" in tip
    link_tip = canvas.scene.tooltip_text(canvas.scene.links["l2"])
    assert "Ingrid Bakker" in link_tip and "Strength 2 of 5" in link_tip


def test_changing_a_persons_side_mirrors_the_token_across_the_divide(canvas: Canvas) -> None:
    """Anna moved to our side (as the inspector does it) appears mirrored on the right."""
    from dmuboard.model.layout import side_change

    person = canvas.editor.document.board.people["p3"]
    assert canvas.editor.submit(Change(people=(side_change(person, "ours"),)))
    token = canvas.scene.tokens["p3"]
    assert token.pos() == QPointF(750.0, 220.0)
    moved = canvas.editor.document.board.people["p3"]
    assert moved.side == "ours" and moved.roles == () and moved.stance == "unknown"
    canvas.editor.undo_stack.undo()
    assert canvas.scene.tokens["p3"].pos() == QPointF(-750.0, 220.0)


def test_people_without_a_position_are_shown_on_their_side_without_writing_to_the_file(
    qtbot: object, tmp_path: Path
) -> None:
    """A person with no x/y gets a free spot on their side; the file keeps them unplaced until moved."""
    board = small_board()
    board.people["p4"] = Person("p4", "customer", "Unplaced Person")
    board.people["u3"] = Person("u3", "ours", "Unplaced Colleague")
    opened = open_canvas(qtbot, tmp_path / "unplaced.dmu", board)
    try:
        scene = opened.scene
        for pid, sign in (("p4", -1), ("u3", 1)):
            token = scene.tokens[pid]
            assert token.pos().x() * sign > 0
            card = token.card_rect().translated(token.pos())
            for other, item in scene.tokens.items():
                if other != pid:
                    assert not card.intersects(item.card_rect().translated(item.pos()))
        assert opened.saved().people["p4"].x is None
        assert opened.editor.document.board.people["p4"].x is None
    finally:
        opened.file.close()


def test_a_read_only_board_refuses_every_edit_with_a_message(qtbot: object, tmp_path: Path) -> None:
    """Delete, a palette drop, a double-click, a drawn link and auto-layout all leave a read-only board alone."""
    opened = open_canvas(qtbot, tmp_path / "ro.dmu", small_board(), read_only="it is shared")
    try:
        viewport = opened.view.viewport()
        opened.scene.select(["p1"])
        QTest.keyClick(viewport, Qt.Key.Key_Delete)
        drop(opened, "customer", "buyer", opened.point(QPointF(-700.0, -150.0)))
        QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                          opened.point(QPointF(-700.0, 500.0)))
        assert opened.scene.create_link("u1", "p2") is None
        opened.scene.auto_layout()
        board = opened.editor.document.board
        assert set(board.people) == {"p1", "p2", "p3", "u1", "u2"} and set(board.links) == {"l1", "l2"}
        assert board.people["p3"].x == -750.0
        assert opened.editor.undo_stack.count() == 0
        assert len([m for m in opened.messages if "read-only: it is shared" in m]) >= 4
        assert opened.scene.name_editor is None
    finally:
        opened.file.close()
