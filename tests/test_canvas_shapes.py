"""The shapes that follow a drag are built quickly, and still where a user expects them:
a conflict's zigzag runs from one card to the other whatever the line's direction, and
a link's outline stays close to its line (the scene files items by their outline, so a
loose one would slow every move and repaint)."""

from __future__ import annotations

import gc
import math
import random
from dataclasses import replace

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtTest import QTest

from dmuboard.gui.canvas.linkdraw import ZIGZAG_AMPLITUDE, ZIGZAG_STEP, zigzag_path
from dmuboard.gui.canvas.linkitem import LinkItem
from dmuboard.gui.canvas.zigzag import ZigzagItem, visible_zigzag
from dmuboard.model.document import Change
from tests.test_canvas_support import Canvas, canvas, drag

__all__ = ["canvas"]


def _distance_to_line(point: QPointF, line: QLineF) -> tuple[float, float]:
    """(distance from the line, position along it) of ``point``."""
    ux, uy = line.dx() / line.length(), line.dy() / line.length()
    dx, dy = point.x() - line.x1(), point.y() - line.y1()
    return abs(dx * -uy + dy * ux), dx * ux + dy * uy


def test_zigzag_runs_from_end_to_end_with_even_teeth() -> None:
    """For lines in every direction and of every length, the zigzag starts and ends at
    the line's ends, alternates sides at the tooth spacing, and never strays further
    than a tooth's height."""
    rng = random.Random(7)
    for _ in range(400):
        line = QLineF(rng.uniform(-4000, 4000), rng.uniform(-4000, 4000),
                      rng.uniform(-4000, 4000), rng.uniform(-4000, 4000))
        if rng.random() < 0.3:
            line.setLength(rng.uniform(1, 40))
        path = zigzag_path(line)
        count = path.elementCount()
        first, last = path.elementAt(0), path.elementAt(count - 1)
        assert math.dist((first.x, first.y), (line.x1(), line.y1())) < 1e-6
        assert math.dist((last.x, last.y), (line.x2(), line.y2())) < 1e-6
        teeth = [path.elementAt(i) for i in range(1, count - 1)]
        assert len(teeth) == max(0, math.ceil((line.length() - ZIGZAG_STEP / 2) / ZIGZAG_STEP) - 1)
        for i, tooth in enumerate(teeth, start=1):
            off, along = _distance_to_line(QPointF(tooth.x, tooth.y), line)
            assert math.isclose(off, ZIGZAG_AMPLITUDE, abs_tol=1e-6)
            assert math.isclose(along, i * ZIGZAG_STEP, abs_tol=1e-6)
        bounds = path.boundingRect()
        assert bounds.width() <= abs(line.dx()) + 2 * ZIGZAG_AMPLITUDE + 1e-6
        assert bounds.height() <= abs(line.dy()) + 2 * ZIGZAG_AMPLITUDE + 1e-6


def test_a_link_outline_stays_close_to_its_line_after_a_drag(canvas: Canvas) -> None:
    """After a card is dragged far away, each of its links (and every part drawn for it)
    covers its own line plus the clickable margin, the arrow or the strength pill, and
    not the space around it."""
    drag(canvas.view, canvas.at("p1"), canvas.at("p1") + QPoint(-300, 150))
    links = [item for item in canvas.scene.items() if isinstance(item, LinkItem)]
    assert {item.lid for item in links} == {"l1", "l2"}
    for item in links:
        p1, p2 = item.ends()
        margin = 30.0  # the click margin, an arrow head or half the strength pill
        around = QRectF(p1, p2).normalized().adjusted(-margin, -margin, margin, margin)
        outline = item.sceneBoundingRect().united(item.mapRectToScene(item.childrenBoundingRect()))
        assert around.contains(outline), (item.lid, outline, around)
        assert item.contains(item.mapFromScene(QLineF(p1, p2).center()))


def test_a_conflict_draws_exactly_the_teeth_that_show() -> None:
    """For random lines and screen areas, the points a conflict line draws are a run of
    its whole zigzag's points that holds every point inside the area (with a margin),
    and nothing is drawn for an area the line does not reach."""
    rng = random.Random(11)
    for _ in range(300):
        line = QLineF(rng.uniform(-3000, 3000), rng.uniform(-3000, 3000),
                      rng.uniform(-3000, 3000), rng.uniform(-3000, 3000))
        area = QRectF(rng.uniform(-3000, 3000), rng.uniform(-3000, 3000), rng.uniform(10, 1500), rng.uniform(10, 900))
        whole = zigzag_path(line)
        points = [(whole.elementAt(i).x, whole.elementAt(i).y) for i in range(whole.elementCount())]
        drawn = visible_zigzag(line, area, 2.0)
        inside = [p for p in points if area.adjusted(-8, -8, 8, 8).contains(QPointF(*p))]
        if drawn is None:
            assert not inside
            continue
        run = [(point.x(), point.y()) for point in drawn]
        start = min(range(len(points)), key=lambda i: math.dist(points[i], run[0]))
        assert all(math.dist(a, b) < 1e-6 for a, b in zip(points[start:start + len(run)], run, strict=True))
        assert all(any(math.dist(p, q) < 1e-6 for q in run) for p in inside)


def test_a_line_whose_kind_changes_is_redrawn_for_its_new_kind(canvas: Canvas) -> None:
    """A reporting line made a conflict is drawn as a zigzag with a cross; undone, it is a
    line with an arrow again, and nothing of the zigzag is left in the scene, however
    often it goes back and forth; the line can then be deleted and brought back."""
    link = canvas.editor.document.board.links["l1"]
    item = canvas.scene.links["l1"]
    count = len(canvas.scene.items())

    def drawn_as(item: LinkItem) -> tuple[str, int]:
        zigzags = [child for child in item.childItems() if isinstance(child, ZigzagItem)]
        if zigzags:
            cross = [child for child in item.childItems() if child.zValue() > 1 and not child.path().isEmpty()]
            return "zigzag", len(cross)
        return "line", item.body.path().elementCount()  # 2 for the line, 4 more for the arrow head

    assert drawn_as(item) == ("line", 6)
    for _ in range(3):
        assert canvas.editor.submit(Change(links=(replace(link, kind="conflict"),)))
        assert drawn_as(item) == ("zigzag", 1)
        canvas.editor.undo_stack.undo()
        assert drawn_as(item) == ("line", 6)
        assert len(canvas.scene.items()) == count + 3  # the cross's parts, kept for next time
    canvas.editor.undo_stack.redo()
    assert canvas.editor.submit(Change(removed_links=("l1",)))
    del item
    gc.collect()  # the removed line and its parts are freed
    assert "l1" not in canvas.scene.links
    canvas.editor.undo_stack.undo()
    assert isinstance(canvas.scene.links["l1"].body, ZigzagItem)


def test_a_line_can_be_clicked_where_it_is_drawn_after_a_drag_that_came_back(canvas: Canvas) -> None:
    """A card dragged away and brought back to where it started (so no move is submitted)
    leaves every one of its lines clickable where it is drawn."""
    viewport = canvas.view.viewport()
    start = canvas.at("p1")
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in (QPoint(-80, 60), QPoint(-200, 150), QPoint(-90, 40), QPoint(0, 0)):
        QTest.mouseMove(viewport, start + step)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for lid in ("l1", "l2"):
        item = canvas.scene.links[lid]
        p1, p2 = item.ends()
        middle = QLineF(p1, p2).pointAt(0.3)
        assert item.contains(item.mapFromScene(middle)), lid
        assert item in canvas.scene.items(middle)
