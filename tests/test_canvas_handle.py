"""The link handle: the whole drawn plus and a margin around it start a link, on every
card size, on both sides, at every zoom where it is drawn; over it the pointer changes,
and a selected card shows it too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from dmuboard.gui.canvas.tokenpaint import HANDLE_RADIUS
from dmuboard.model.board import Board, BoardInfo, Person
from tests.test_canvas_support import Canvas, drag, open_canvas

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def sized_board() -> Board:
    """One card of every influence size on each side, in a column."""
    people = [Person(f"c{i}", "customer", f"Customer {i}", "Director", influence=i, x=-400.0, y=(i - 3) * 160.0)
              for i in range(1, 6)]
    people += [Person(f"o{i}", "ours", f"Ours {i}", "Consultant", influence=i, x=400.0, y=(i - 3) * 160.0)
               for i in range(1, 6)]
    return Board(BoardInfo("Sizes", customer="Acme", our_company="Northwind"), {p.id: p for p in people}, {})


@pytest.fixture
def sized(qtbot: object, tmp_path: Path) -> Iterator[Canvas]:
    opened = open_canvas(qtbot, tmp_path / "sizes.dmu", sized_board())
    yield opened
    opened.editor.close()
    opened.file.close()


def set_zoom(canvas: Canvas, zoom: float, pid: str) -> None:
    canvas.view.resetTransform()
    canvas.view.scale(zoom, zoom)
    canvas.scene.set_detail(zoom)
    canvas.view.centerOn(canvas.scene.tokens[pid].pos())


def press_points(centre: QPoint, zoom: float) -> list[QPoint]:
    """The centre, the rim of the drawn circle all round, and 5 px beyond it (a touchpad's miss)."""
    rim = round(HANDLE_RADIUS * zoom)
    out = rim + 5
    offsets = [(0, 0), (rim, 0), (-rim, 0), (0, rim), (0, -rim), (out, 0), (-out, 0), (0, out), (0, -out)]
    return [centre + QPoint(dx, dy) for dx, dy in offsets]


@pytest.mark.parametrize("zoom", [0.5, 1.0, 1.25])
def test_every_point_of_the_handle_and_its_margin_starts_a_link(sized: Canvas, zoom: float) -> None:
    """Pressing anywhere on the drawn handle, or just beside it, and dragging pulls a line:
    the card stays where it was, on every card size of both sides."""
    sized.scene.choose_link_kind = lambda *_: None  # no menu: the line is dropped on no one anyway
    viewport = sized.view.viewport()
    for pid in sized.scene.tokens:
        set_zoom(sized, zoom, pid)
        token = sized.scene.tokens[pid]
        where = QPointF(token.pos())
        away = 1 if token.person.side == "customer" else -1  # towards the divide, off every card
        for point in press_points(sized.handle(pid), zoom):
            QTest.mousePress(viewport, LEFT, NONE, point)
            QTest.mouseMove(viewport, point + QPoint(away * 15, 4))
            QTest.mouseMove(viewport, point + QPoint(away * 30, 8))
            started = sized.scene.linking
            QTest.mouseRelease(viewport, LEFT, NONE, point + QPoint(away * 30, 8))
            assert started, f"no link started from {pid} at zoom {zoom}, {point - sized.handle(pid)} from the centre"
            assert token.pos() == where, f"{pid} moved instead at zoom {zoom}"
    assert sized.editor.undo_stack.count() == 0  # released on empty canvas: nothing made


def test_a_link_drawn_from_the_handle_centre_is_made_and_saved(sized: Canvas) -> None:
    """From the exact centre of the plus of the largest customer card to one of ours."""
    set_zoom(sized, 1.0, "c5")
    sized.view.centerOn(QPointF(0.0, 320.0))
    drag(sized.view, sized.handle("c5"), sized.at("o5"))
    assert [(link.source, link.target, link.kind) for link in sized.saved().links.values()] == [
        ("c5", "o5", "relationship")]


def test_the_card_body_still_moves_the_card(sized: Canvas) -> None:
    """The margin is around the handle only: a drag from the card's middle moves it."""
    set_zoom(sized, 0.5, "c3")
    before = QPointF(sized.scene.tokens["c3"].pos())
    start = sized.at("c3")
    drag(sized.view, start, start + QPoint(-30, 40))
    assert not sized.scene.linking
    assert sized.scene.tokens["c3"].pos() != before
    assert sized.saved().people["c3"].x != before.x()


def test_the_pointer_changes_over_the_handle(sized: Canvas) -> None:
    """A cross over the handle (also in its margin outside the card), the usual arrow elsewhere."""
    set_zoom(sized, 1.0, "o2")
    viewport = sized.view.viewport()
    QTest.mouseMove(viewport, sized.at("o2"))
    assert viewport.cursor().shape() == Qt.CursorShape.ArrowCursor
    outside = sized.handle("o2") + QPoint(-round(HANDLE_RADIUS) - 4, 0)  # ours: the handle faces left
    QTest.mouseMove(viewport, outside)
    assert viewport.cursor().shape() == Qt.CursorShape.CrossCursor
    assert sized.scene.tokens["o2"].hovered  # the handle is drawn while the pointer is there
    QTest.mouseMove(viewport, sized.at("o2"))
    assert viewport.cursor().shape() == Qt.CursorShape.ArrowCursor


def test_a_selected_card_shows_its_handle(sized: Canvas) -> None:
    """Click a card, move the pointer off it: its handle stays drawn while it is selected."""
    set_zoom(sized, 1.0, "c2")
    viewport = sized.view.viewport()
    QTest.mouseClick(viewport, LEFT, NONE, sized.at("c2"))
    assert sized.scene.selected_people() == ["c2"]
    QTest.mouseMove(viewport, sized.at("c2") + QPoint(0, 250))  # between the cards
    assert not sized.scene.tokens["c2"].hovered
    ring = sized.handle("c2") + QPoint(round(HANDLE_RADIUS), 0)  # the right of the circle, off the card
    colour = QColor(sized.view.grab().toImage().pixel(ring))
    assert colour.blue() - colour.red() > 60, colour.name()  # the blue ring, not the background
