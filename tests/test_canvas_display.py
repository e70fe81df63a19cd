"""What the canvas shows: layers, profiles, find matches, badges, paths, zoom, auto-layout."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QHelpEvent, QImage, QPainter, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from dmuboard.gui.canvas.legend import LegendItem
from dmuboard.gui.canvas.style import projector_theme
from dmuboard.model.board import Link
from dmuboard.model.document import Change
from tests.test_canvas_support import Canvas, canvas, drag

__all__ = ["canvas"]


def add_conflict(canvas: Canvas) -> None:
    assert canvas.editor.submit(Change(links=(Link("l3", "p2", "p3", "conflict"),)))


def test_layers_hide_and_show_link_kinds_and_the_stance(canvas: Canvas) -> None:
    """Turning the reporting layer off hides reporting lines; turning stance off hides stance words."""
    canvas.scene.set_layers(["influence", "relationship", "conflict"])
    assert not canvas.scene.links["l1"].isVisible()
    assert canvas.scene.links["l2"].isVisible()
    assert not canvas.scene.look.show_stance
    canvas.scene.set_layers(["reporting", "stance"])
    assert canvas.scene.links["l1"].isVisible() and not canvas.scene.links["l2"].isVisible()
    assert canvas.scene.look.show_stance


def test_the_proposal_profile_hides_conflicts_stance_and_badges(canvas: Canvas) -> None:
    """A proposal view shows no conflict lines, stance or analysis badges; internal shows them again."""
    add_conflict(canvas)
    canvas.scene.set_badges({"p1": "high"})
    canvas.scene.set_profile("proposal")
    assert not canvas.scene.links["l3"].isVisible()
    assert not canvas.scene.look.show_stance and not canvas.scene.look.show_badges
    canvas.scene.select_all()
    assert "l3" not in canvas.scene.selected_links()
    canvas.scene.set_profile("internal")
    assert canvas.scene.links["l3"].isVisible() and canvas.scene.look.show_stance


def rest_pointer(canvas: Canvas, at: QPoint) -> str:
    """Let the pointer rest at ``at`` on the viewport, as Qt does before a tool tip; what shows."""
    viewport = canvas.view.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at)))
    return QToolTip.text() if QToolTip.isVisible() else ""


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen cannot raise the tip window
def test_resting_the_pointer_shows_the_person_or_the_line_under_it(canvas: Canvas, qtbot: QtBot) -> None:
    """Over a token: the person's name, roles and stance; over a line: who knows whom, with the
    names as they are now; over empty canvas: nothing."""
    board = canvas.editor.document.board
    person = board.people["p1"]
    tip = rest_pointer(canvas, canvas.at("p1"))
    assert f"<b>{person.name}</b>" in tip and "Stance: " in tip and "Influence: " in tip
    link = board.links["l2"]
    assert canvas.editor.submit(Change(people=(replace(board.people[link.source], name="Renamed & Co"),)))
    p1, p2 = canvas.scene.links["l2"].ends()
    middle = QLineF(p1, p2).pointAt(0.3)  # on the line, off the strength pill
    assert "Renamed &amp; Co" in rest_pointer(canvas, canvas.point(middle))
    rest_pointer(canvas, canvas.point(QPointF(-800.0, 600.0)))  # empty canvas, inside the view
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def test_find_matches_badges_and_paths_mark_the_right_tokens(canvas: Canvas) -> None:
    """Highlights, badges and an introduction chain land on the named people and links only."""
    canvas.scene.set_highlighted(["p2"])
    canvas.scene.set_badges({"p3": "medium"})
    canvas.scene.set_path(["u1", "p1", "p2"])
    tokens = canvas.scene.tokens
    assert [pid for pid, t in tokens.items() if t.highlighted] == ["p2"]
    assert [pid for pid, t in tokens.items() if t.badge] == ["p3"] and tokens["p3"].badge == "medium"
    assert sorted(pid for pid, t in tokens.items() if t.on_path) == ["p1", "p2", "u1"]
    assert sorted(lid for lid, item in canvas.scene.links.items() if item.on_path) == ["l1", "l2"]
    canvas.scene.set_path([])
    assert not any(t.on_path for t in tokens.values())
    assert not any(item.on_path for item in canvas.scene.links.values())


def test_select_replaces_the_selection_and_select_all_takes_everything(canvas: Canvas) -> None:
    """select() replaces what was selected; select_all() takes every person and link."""
    canvas.scene.select(["p1"], ["l1"])
    canvas.scene.select(["u1"])
    assert canvas.scene.selected_people() == ["u1"] and canvas.scene.selected_links() == []
    canvas.scene.select_all()
    assert sorted(canvas.scene.selected_people()) == ["p1", "p2", "p3", "u1", "u2"]
    assert sorted(canvas.scene.selected_links()) == ["l1", "l2"]


def test_ctrl_wheel_zooms_around_the_cursor(canvas: Canvas) -> None:
    """The scene point under the cursor stays under it while Ctrl+wheel zooms in."""
    view = canvas.view
    where = canvas.at("p2")
    fixed = view.mapToScene(where)
    before = view.zoom()
    wheel = QWheelEvent(
        QPointF(where), QPointF(view.viewport().mapToGlobal(where)), QPoint(), QPoint(0, 240),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() > before * 1.2
    after = view.mapFromScene(fixed)
    assert abs(after.x() - where.x()) <= 2 and abs(after.y() - where.y()) <= 2


def test_fit_shows_every_token_and_center_on_brings_people_into_view(canvas: Canvas) -> None:
    """After Fit all cards are inside the viewport; center_on puts a person in the middle."""
    view = canvas.view
    view.zoom_in()
    view.zoom_in()
    view.fit()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(canvas.scene.people_rect())
    view.zoom_in()
    view.zoom_in()
    view.center_on(["u2"])
    middle = view.mapToScene(view.viewport().rect().center())
    assert (middle - canvas.scene.tokens["u2"].pos()).manhattanLength() < 5


def test_auto_layout_is_one_undo_step_and_keeps_sides(canvas: Canvas) -> None:
    """Auto-layout moves people to an org chart (Ingrid above Piet) in one step that undo reverses."""
    canvas.scene.auto_layout()
    board = canvas.editor.document.board
    assert board.people["p1"].y < board.people["p2"].y  # type: ignore[operator]
    assert all((p.x < 0) == (p.side == "customer") for p in board.people.values())  # type: ignore[operator]
    assert canvas.editor.undo_stack.count() == 1
    assert canvas.saved().people["p1"].y == board.people["p1"].y
    canvas.editor.undo_stack.undo()
    assert canvas.scene.tokens["p3"].pos() == QPointF(-750.0, 220.0)


def test_the_legend_and_a_new_theme_can_be_shown(canvas: Canvas) -> None:
    """The legend appears below the board, lists no stance in a proposal, and a theme is taken up."""
    canvas.scene.set_legend_visible(True)
    legend = canvas.scene.legend
    assert isinstance(legend, LegendItem)
    assert legend.pos().y() > canvas.scene.people_rect().bottom()
    canvas.scene.set_profile("proposal")
    assert not legend.stance and "conflict" not in legend.kinds
    theme = projector_theme()
    canvas.scene.set_theme(theme)
    assert canvas.scene.tokens["p1"].look.theme is theme
    assert canvas.scene.tokens["p1"].name_item.font().pointSizeF() == theme.name_font.pointSizeF()
    canvas.scene.set_legend_visible(False)
    assert canvas.scene.legend is None and legend.scene() is None


def test_space_and_drag_pans_without_moving_tokens(canvas: Canvas) -> None:
    """Holding Space turns a left drag into panning; the token under the cursor stays put."""
    view = canvas.view
    view.setFocus()
    before = view.mapToScene(view.viewport().rect().center())
    QTest.keyPress(view, Qt.Key.Key_Space)
    start = canvas.at("p2")
    drag(view, start, start + QPoint(120, 0))
    QTest.keyRelease(view, Qt.Key.Key_Space)
    after = view.mapToScene(view.viewport().rect().center())
    assert after.x() < before.x() - 50
    assert canvas.editor.document.board.people["p2"].x == -400.0
    assert canvas.editor.undo_stack.count() == 0


def test_far_out_the_names_are_not_drawn_and_come_back_when_zooming_in(canvas: Canvas) -> None:
    """Zoomed out beyond reading, tokens drop their text; zooming in brings it back."""
    view = canvas.view
    name = canvas.scene.tokens["p1"].name_item
    view.zoom_by(0.1)
    assert view.zoom() < 0.3 and not name.isVisible()
    view.zoom_by(10.0)
    assert name.isVisible() and name.text() == "Ingrid Bakker"


def test_the_middle_button_pans_the_view(canvas: Canvas) -> None:
    """Dragging with the middle button scrolls the board and moves nobody."""
    view = canvas.view
    viewport = view.viewport()
    before = view.mapToScene(viewport.rect().center())
    start = canvas.at("p2")
    QTest.mousePress(viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 5):
        QTest.mouseMove(viewport, start + QPoint(0, 30 * step))
    QTest.mouseRelease(viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, start + QPoint(0, 120))
    after = view.mapToScene(viewport.rect().center())
    assert after.y() < before.y() - 50
    assert canvas.editor.undo_stack.count() == 0


def test_a_big_board_drops_line_smoothing_only_while_the_mouse_drags(qtbot: object, tmp_path: Path) -> None:
    """On a board with hundreds of links lines go rough during a drag and smooth again after it."""
    from dmuboard.model.generate import generate_board
    from tests.test_canvas_support import open_canvas

    opened = open_canvas(qtbot, tmp_path / "big.dmu", generate_board(300, seed=2))
    try:
        view, smooth = opened.view, QPainter.RenderHint.Antialiasing
        view.zoom_by(1.0 / view.zoom())
        assert view.renderHints() & smooth
        where = view.viewport().rect().center()
        QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
        assert not view.renderHints() & smooth
        QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
        assert view.renderHints() & smooth
    finally:
        opened.file.close()


def test_the_company_names_on_screen_follow_a_rename_and_the_proposal_profile(canvas: Canvas) -> None:
    """Renaming the customer, or switching to the proposal profile (another caption under
    the name), changes what the header above their side shows."""
    scene, view = canvas.scene, canvas.view
    view.centerOn(QPointF(-300.0, scene.header_top + 40.0))
    header = view.mapFromScene(QRectF(-800.0, scene.header_top, 760.0, 90.0)).boundingRect()

    def shown() -> QImage:
        QApplication.processEvents()
        return view.viewport().grab(header).toImage()

    before = shown()
    info = canvas.editor.document.board.info
    assert canvas.editor.submit(Change(info=replace(info, customer="Ziekenhuis Noord")))
    renamed = shown()
    assert renamed != before
    canvas.scene.set_profile("proposal")
    assert shown() != renamed
