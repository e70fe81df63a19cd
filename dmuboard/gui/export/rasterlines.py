"""Straight lines for pictures made of pixels, drawn as lines rather than as paths.

The canvas draws each link as one native path item (a line and, for a directed link,
its arrow head). Qt's raster engine fills and strokes a path over the whole of its
bounding box, so on a large PNG a long diagonal line costs as much as the area it
spans: 2,000 reporting lines to one manager took most of a minute. For a PNG the
straight ones are drawn instead by :class:`RasterLine`, with ``drawLine`` and a small
polygon for the head, which cost what they cover. PDF and SVG keep the paths (vector).
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QPainter, QPainterPath, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

_MOVE = QPainterPath.ElementType.MoveToElement
_LINE = QPainterPath.ElementType.LineToElement


class RasterLine(QGraphicsItem):
    """A line and an optional filled head, painted as the path item it stands in for."""

    def __init__(self, original: QGraphicsPathItem, line: QLineF, head: QPolygonF | None) -> None:
        super().__init__(original.parentItem())
        self._line = line
        self._head = head
        self._pen = original.pen()
        self._brush = original.brush()
        self._bounds = original.boundingRect()
        self.setZValue(original.zValue())
        self.setPos(original.pos())

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(self._pen)
        painter.drawLine(self._line)
        if self._head is not None:
            painter.setBrush(self._brush)
            painter.drawPolygon(self._head)


def _straight(path: QPainterPath) -> tuple[QLineF, QPolygonF | None] | None:
    """The line (and arrow head) ``path`` is made of, or None if it is anything else."""
    count = path.elementCount()
    if count not in (2, 6):
        return None
    elements = [path.elementAt(i) for i in range(count)]
    kinds = [e.type for e in elements]
    if kinds[:2] != [_MOVE, _LINE]:
        return None
    line = QLineF(elements[0].x, elements[0].y, elements[1].x, elements[1].y)
    if count == 2:
        return line, None
    if kinds[2:] != [_MOVE, _LINE, _LINE, _LINE]:
        return None
    return line, QPolygonF([QPointF(e.x, e.y) for e in elements[2:5]])


def draw_lines_as_lines(scene: QGraphicsScene) -> None:
    """Stand a :class:`RasterLine` in for every visible straight path item of a line."""
    for item in scene.items():
        if type(item) is not QGraphicsPathItem or not item.isVisible() or item.parentItem() is None:
            continue
        shape = _straight(item.path())
        if shape is None:
            continue
        RasterLine(item, *shape)
        item.setVisible(False)
