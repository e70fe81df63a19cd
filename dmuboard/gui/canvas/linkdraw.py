"""The shapes that tell link kinds apart: arrow heads, zigzags, the strength pill and
the conflict cross. Built as paths (for the native items of the canvas) and drawn
with a painter (for the legend and exports)."""

from __future__ import annotations

import functools
import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from dmuboard.model.board import DIRECTED_KINDS, Link

ARROW = 11.0
PILL = (50.0, 14.0)
EMPTY_DOT = QColor("#d0d5dc")


def line_width(link: Link) -> float:
    if link.kind == "relationship":
        return 1.6 + 0.9 * (link.strength or 3)
    return 2.2 if link.kind == "conflict" else 1.8


ARROW_SPREAD = 0.42  # radians each side of the line
_SPREAD_COS, _SPREAD_SIN = ARROW * math.cos(ARROW_SPREAD), ARROW * math.sin(ARROW_SPREAD)


def _barbs(x1: float, y1: float, x2: float, y2: float) -> tuple[float, float, float, float]:
    """The two back corners of the arrow head whose tip is (x2, y2)."""
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    return (x2 - ux * _SPREAD_COS - uy * _SPREAD_SIN, y2 - uy * _SPREAD_COS + ux * _SPREAD_SIN,
            x2 - ux * _SPREAD_COS + uy * _SPREAD_SIN, y2 - uy * _SPREAD_COS - ux * _SPREAD_SIN)


def arrow_head(line: QLineF) -> QPolygonF:
    """A filled triangle whose tip is the end of ``line``."""
    tip = line.p2()
    lx, ly, rx, ry = _barbs(line.x1(), line.y1(), tip.x(), tip.y())
    return QPolygonF([tip, QPointF(lx, ly), QPointF(rx, ry), tip])


def line_path(x1: float, y1: float, x2: float, y2: float, arrow: bool) -> QPainterPath:
    """The straight line, with an arrow head at its end when ``arrow`` (one path, so one
    native item draws it: on a big board thousands are made when a board opens)."""
    path = QPainterPath(QPointF(x1, y1))
    path.lineTo(x2, y2)
    if arrow:
        add_arrow_head(path, x1, y1, x2, y2)
    return path


def add_arrow_head(path: QPainterPath, x1: float, y1: float, x2: float, y2: float) -> None:
    """The closed arrow head at (x2, y2) of a line coming from (x1, y1), added to ``path``."""
    lx, ly, rx, ry = _barbs(x1, y1, x2, y2)
    path.moveTo(x2, y2)
    path.lineTo(lx, ly)
    path.lineTo(rx, ry)
    path.closeSubpath()


ZIGZAG_STEP, ZIGZAG_AMPLITUDE = 7.0, 4.5


_TEETH: list[QPointF] = [QPointF(0.0, 0.0)]  # the origin, then every tooth made so far


def teeth_points(count: int) -> list[QPointF]:
    """The origin and at least ``count`` teeth of a zigzag along the x axis (shared: do not change)."""
    for i in range(len(_TEETH), count + 1):
        _TEETH.append(QPointF(i * ZIGZAG_STEP, ZIGZAG_AMPLITUDE if i % 2 else -ZIGZAG_AMPLITUDE))
    return _TEETH


def zigzag_count(length: float) -> int:
    """How many teeth a zigzag of ``length`` has (the last one at least half a step before its end)."""
    return max(0, math.ceil((length - ZIGZAG_STEP / 2) / ZIGZAG_STEP) - 1)


@functools.lru_cache(maxsize=512)
def _zigzag_teeth(count: int) -> QPainterPath:
    """The first ``count`` teeth of a zigzag starting at the origin along the x axis."""
    path = QPainterPath()
    path.addPolygon(QPolygonF(teeth_points(count)[: count + 1]))
    return path


def zigzag_path(line: QLineF) -> QPainterPath:
    """A zigzag along ``line``: the conflict line, unmistakable even in grey.

    The teeth are made once per count and turned into place, so a long conflict line
    that follows a drag costs one transform instead of hundreds of Python steps."""
    length = line.length()
    if length < 1:
        return QPainterPath(line.p1())
    count = zigzag_count(length)
    place = QTransform()
    place.translate(line.x1(), line.y1())
    place.rotateRadians(math.atan2(line.dy(), line.dx()))
    path = place.map(_zigzag_teeth(count))
    path.lineTo(line.p2())
    return path


def pill_path(centre: QPointF) -> QPainterPath:
    """The white pill at the middle of a relationship, with room for five dots."""
    w, h = PILL
    path = QPainterPath()
    path.addRoundedRect(QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h), h / 2, h / 2)
    return path


def dots_path(centre: QPointF, count: int, first: int = 0) -> QPainterPath:
    """Dots ``first``..``count``-1 of the five in a strength pill."""
    path = QPainterPath()
    left = centre.x() - PILL[0] / 2
    for i in range(first, count):
        path.addEllipse(QPointF(left + 9.0 + i * 8.0, centre.y()), 2.8, 2.8)
    return path


def cross_paths(centre: QPointF) -> tuple[QPainterPath, QPainterPath]:
    """The conflict mark: a disc and an X over it."""
    disc = QPainterPath()
    disc.addEllipse(centre, 8.0, 8.0)
    d = 3.8
    cross = QPainterPath(QPointF(centre.x() - d, centre.y() - d))
    cross.lineTo(centre.x() + d, centre.y() + d)
    cross.moveTo(centre.x() - d, centre.y() + d)
    cross.lineTo(centre.x() + d, centre.y() - d)
    return disc, cross


# -- painter versions, for the legend and exports ----------------------------------------


def draw_line_sample(painter: QPainter, kind: str, line: QLineF, colour: QColor, width: float = 1.8,
                     cap: Qt.PenCapStyle = Qt.PenCapStyle.SquareCap) -> None:
    """A short line drawn as the canvas draws ``kind``: dashed for influence, a zigzag for
    a conflict, an arrow head when directed (legends on the canvas and in exports)."""
    pen = QPen(colour, width)
    pen.setCapStyle(cap)
    if kind == "influences":
        pen.setDashPattern([4.0, 3.0])
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if kind == "conflict":
        painter.drawPath(zigzag_path(line))
    else:
        painter.drawLine(line)
    if kind in DIRECTED_KINDS:
        draw_arrow(painter, line, colour)


def draw_arrow(painter: QPainter, line: QLineF, colour: QColor) -> None:
    painter.setPen(QPen(colour, 1.0))
    painter.setBrush(colour)
    painter.drawPolygon(arrow_head(line))


def draw_strength(painter: QPainter, centre: QPointF, strength: int, colour: QColor) -> None:
    """Strength 1-5 as dots in a small white pill."""
    painter.setPen(QPen(colour, 1.2))
    painter.setBrush(QColor("white"))
    painter.drawPath(pill_path(centre))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPath(dots_path(centre, strength))
    painter.setBrush(EMPTY_DOT)
    painter.drawPath(dots_path(centre, 5, strength))


def draw_cross(painter: QPainter, centre: QPointF, colour: QColor) -> None:
    disc, cross = cross_paths(centre)
    painter.setPen(QPen(colour, 1.6))
    painter.setBrush(QColor("white"))
    painter.drawPath(disc)
    painter.setPen(QPen(colour, 2.4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(cross)
