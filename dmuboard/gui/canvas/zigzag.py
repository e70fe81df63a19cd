"""The drawn part of a conflict line: a zigzag that strokes only what shows.

A long conflict line has hundreds of teeth, and stroking all of them on every repaint
cost a third of a repaint on a big board, however little of the line was on screen.
This item's path is the band the zigzag fills (so Qt files and culls it without a
Python call), and its paint draws only the teeth inside the exposed area: the same
pixels there as the whole zigzag of :func:`~dmuboard.gui.canvas.linkdraw.zigzag_path`.
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from dmuboard.gui.canvas.linkdraw import ZIGZAG_AMPLITUDE, ZIGZAG_STEP, teeth_points, zigzag_count

NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
# Below this scale a tooth is about a pixel long and high: far out (a fitted board of
# thousands), the line is drawn straight, which looks the same and costs one segment.
STRAIGHT_BELOW = 0.15
USES_EXPOSED = QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption


def band_path(line: QLineF) -> QPainterPath:
    """The strip a zigzag along ``line`` stays inside."""
    length = line.length()
    path = QPainterPath()
    if length < 1:
        return path
    nx, ny = -line.dy() / length * ZIGZAG_AMPLITUDE, line.dx() / length * ZIGZAG_AMPLITUDE
    p1, p2 = line.p1(), line.p2()
    path.addPolygon(QPolygonF([QPointF(p1.x() + nx, p1.y() + ny), QPointF(p2.x() + nx, p2.y() + ny),
                               QPointF(p2.x() - nx, p2.y() - ny), QPointF(p1.x() - nx, p1.y() - ny)]))
    path.closeSubpath()
    return path


def _clip(line: QLineF, rect: QRectF) -> tuple[float, float] | None:
    """The part of ``line`` inside ``rect``, as fractions of its length (Liang-Barsky)."""
    x0, y0, dx, dy = line.x1(), line.y1(), line.dx(), line.dy()
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - rect.left()), (dx, rect.right() - x0), (-dy, y0 - rect.top()), (dy, rect.bottom() - y0)):
        if p == 0:
            if q < 0:
                return None
        elif p < 0:
            low = max(low, q / p)
        else:
            high = min(high, q / p)
    return (low, high) if low <= high else None


def visible_zigzag(line: QLineF, rect: QRectF, margin: float) -> QPolygonF | None:
    """The points of the zigzag along ``line`` that draw inside ``rect`` (and one more
    on each side), in scene coordinates; None when none of it shows."""
    length = line.length()
    if length < 1:
        return None
    reach = ZIGZAG_AMPLITUDE + margin
    part = _clip(line, rect.adjusted(-reach, -reach, reach, reach))
    if part is None:
        return None
    count = zigzag_count(length)
    first = max(0, math.floor(part[0] * length / ZIGZAG_STEP) - 1)
    last = min(count, math.floor(part[1] * length / ZIGZAG_STEP) + 2)
    place = QTransform()
    place.translate(line.x1(), line.y1())
    place.rotateRadians(math.atan2(line.dy(), line.dx()))
    polygon = place.map(QPolygonF(teeth_points(count)[first : last + 1]))
    if last == count:
        polygon.append(line.p2())
    return polygon


class ZigzagItem(QGraphicsPathItem):
    """The zigzag of one conflict line (a child of its link item)."""

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(USES_EXPOSED)
        self._lines: list[QLineF] = []

    def set_line(self, line: QLineF | None) -> None:
        """Follow ``line`` (None: nothing to draw, the cards overlap)."""
        self.set_polyline(None if line is None else [line.p1(), line.p2()])

    def set_polyline(self, points: list[QPointF] | None) -> None:
        """Follow the route through ``points``, a zigzag along each of its legs."""
        self._lines = [QLineF(a, b) for a, b in itertools.pairwise(points)] if points else []
        path = QPainterPath()
        for line in self._lines:
            path.addPath(band_path(line))
        self.setPath(path)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self._lines:
            return
        pen = self.pen()
        painter.setPen(pen)
        if option.levelOfDetailFromTransform(painter.worldTransform()) < STRAIGHT_BELOW:
            for line in self._lines:
                painter.drawLine(line)
            return
        painter.setBrush(NO_BRUSH)
        for line in self._lines:
            polygon = visible_zigzag(line, option.exposedRect, pen.widthF())
            if polygon is not None:
                painter.drawPolyline(polygon)
