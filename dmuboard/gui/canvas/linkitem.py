"""A link between two tokens, drawn so each kind is told apart without colour.

reporting: solid with an arrow at the manager; influence: dashed with an arrow;
relationship: thicker with its strength as dots at the middle; conflict: a zigzag
with a cross. The item keeps its two end tokens and re-routes when they move
(the tokens call :meth:`LinkItem.adjust`), like the edges of Qt's Elastic Nodes.
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from dmuboard.model.board import Link, Person

if TYPE_CHECKING:
    from dmuboard.gui.canvas.token import CanvasLook, TokenItem

LANE = 8.0  # distance between two links joining the same pair
GAP = 4.0  # between a line's end and the card
ARROW = 11.0


class LinkItem(QGraphicsItem):
    """One link; positioned in scene coordinates (the item itself stays at the origin)."""

    def __init__(self, link: Link, source: TokenItem, target: TokenItem, look: CanvasLook) -> None:
        super().__init__()
        self.link = link
        self.source = source
        self.target = target
        self.look = look
        self.lane = 0.0
        self.on_path = False
        self._p1 = QPointF()
        self._p2 = QPointF()
        self._shape: QPainterPath | None = None
        self._bounds = QRectF()
        self._equation = (0.0, 0.0, 0.0)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        # paint() needs the exposed area to draw only the visible part of long lines
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setZValue(0.0)
        source.links.append(self)
        target.links.append(self)
        self.adjust()

    @property
    def lid(self) -> str:
        return self.link.id

    def detach(self) -> None:
        """Forget the end tokens (before the item leaves the scene)."""
        for token in (self.source, self.target):
            if self in token.links:
                token.links.remove(self)

    def set_link(self, link: Link) -> None:
        self.link = link
        self.adjust()
        self.update()

    def ends(self) -> tuple[QPointF, QPointF]:
        return QPointF(self._p1), QPointF(self._p2)

    def adjust(self) -> None:
        """Re-route between the edges of the two cards (called when either moves)."""
        a, b = self.source.pos(), self.target.pos()
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length = math.hypot(dx, dy)
        self.prepareGeometryChange()
        self._shape = None
        if length < 1e-6:
            self._set_ends(QPointF(a), QPointF(a))
            return
        ux, uy = dx / length, dy / length
        shift = QPointF(-uy * self.lane, ux * self.lane)
        a, b = a + shift, b + shift
        w1, h1 = self.source.size
        w2, h2 = self.target.size
        t1 = _exit(ux, uy, w1 / 2 + GAP, h1 / 2 + GAP)
        t2 = _exit(ux, uy, w2 / 2 + GAP, h2 / 2 + GAP)
        if t1 + t2 >= length:  # the cards overlap: nothing to draw between them
            middle = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
            self._set_ends(middle, middle)
            return
        self._set_ends(QPointF(a.x() + ux * t1, a.y() + uy * t1), QPointF(b.x() - ux * t2, b.y() - uy * t2))

    def _set_ends(self, p1: QPointF, p2: QPointF) -> None:
        self._p1, self._p2 = p1, p2
        a, b = p2.y() - p1.y(), p1.x() - p2.x()
        norm = math.hypot(a, b)
        if norm:  # the line as a*x + b*y + c = 0 with (a, b) of unit length
            a, b = a / norm, b / norm
        self._equation = (a, b, -(a * p1.x() + b * p1.y()))
        self._bounds = QRectF(p1, p2).normalized().adjusted(-14.0, -14.0, 14.0, 14.0)

    # -- geometry ----------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            path = QPainterPath(self._p1)
            path.lineTo(self._p2)
            stroker = QPainterPathStroker()
            stroker.setWidth(12.0)
            self._shape = stroker.createStroke(path)
        return self._shape

    # -- painting ------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        exposed = option.exposedRect
        a, b, c = self._equation
        if a == 0.0 and b == 0.0:
            return
        # A long line's bounding box covers much of the board; leave quickly when the
        # line itself passes far from the area being repainted.
        if abs(a * exposed.center().x() + b * exposed.center().y() + c) > (
            0.5 * (exposed.width() + exposed.height()) + 24.0
        ):
            return
        theme = self.look.theme
        kind = self.link.kind
        colour = theme.link[kind]
        width = _width(self.link)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        whole = QLineF(self._p1, self._p2)
        # Stroking a long line costs as much as its whole length, even when only a
        # corner of it is on screen: draw just the part inside the exposed area.
        area = exposed.adjusted(-20.0, -20.0, 20.0, 20.0)
        line = clip_line(whole, area) if not area.isEmpty() else whole
        if line is None:
            return
        for flag, under, extra in ((self.on_path, theme.path, 10.0), (self.isSelected(), theme.selection, 7.0)):
            if flag:
                glow = QColor(under)
                glow.setAlpha(120)
                pen = QPen(glow, width + extra)
                pen.setCapStyle(Qt.PenCapStyle.FlatCap)
                painter.setPen(pen)
                painter.drawLine(line)
        pen = QPen(colour, width)
        # Flat ends: the raster engine strokes round-capped wide lines ten times slower.
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if kind == "influences":
            pen.setDashPattern([4.0, 3.0])
            pen.setDashOffset(QLineF(whole.p1(), line.p1()).length() / width)  # dashes stay put
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if kind == "conflict":
            painter.drawPath(zigzag_path(whole, line))
        else:
            painter.drawLine(line)
        if self.link.directed and area.contains(whole.p2()):
            draw_arrow(painter, whole, colour)
        middle = whole.center()
        if not area.contains(middle):
            return
        if kind == "relationship":
            draw_strength(painter, middle, self.link.strength or 3, colour)
        elif kind == "conflict":
            draw_cross(painter, middle, colour)


def clip_line(line: QLineF, rect: QRectF) -> QLineF | None:
    """The part of ``line`` inside ``rect`` (Liang-Barsky), or None when none is."""
    x1, y1, dx, dy = line.x1(), line.y1(), line.dx(), line.dy()
    low, high = 0.0, 1.0
    for p, q in (
        (-dx, x1 - rect.left()),
        (dx, rect.right() - x1),
        (-dy, y1 - rect.top()),
        (dy, rect.bottom() - y1),
    ):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return QLineF(x1 + low * dx, y1 + low * dy, x1 + high * dx, y1 + high * dy)


def _exit(ux: float, uy: float, half_w: float, half_h: float) -> float:
    """How far from a card's centre a ray along (ux, uy) leaves the card."""
    tx = half_w / abs(ux) if abs(ux) > 1e-9 else math.inf
    ty = half_h / abs(uy) if abs(uy) > 1e-9 else math.inf
    return min(tx, ty)


def _width(link: Link) -> float:
    if link.kind == "relationship":
        return 1.6 + 0.9 * (link.strength or 3)
    return 2.2 if link.kind == "conflict" else 1.8


def zigzag_path(line: QLineF, part: QLineF | None = None) -> QPainterPath:
    """A zigzag along ``line``; only over ``part`` of it when given. The teeth sit at
    fixed distances from the line's start, so pieces drawn separately join up."""
    length = line.length()
    if length < 1:
        return QPainterPath(line.p1())
    ux, uy = line.dx() / length, line.dy() / length
    nx, ny = -uy, ux
    step, amplitude = 7.0, 4.5
    start, end = 0.0, length
    if part is not None:
        start = QLineF(line.p1(), part.p1()).length()
        end = QLineF(line.p1(), part.p2()).length()
    path = QPainterPath(QPointF(line.x1() + ux * start, line.y1() + uy * start))
    i = math.floor(start / step) + 1
    while i * step < end:
        t = i * step
        if length - t > step / 2:  # the last tooth would squash into the end
            side = amplitude if i % 2 else -amplitude
            path.lineTo(line.x1() + ux * t + nx * side, line.y1() + uy * t + ny * side)
        i += 1
    path.lineTo(line.x1() + ux * end, line.y1() + uy * end)
    return path


def draw_arrow(painter: QPainter, line: QLineF, colour: QColor) -> None:
    angle = math.atan2(line.dy(), line.dx())
    tip = line.p2()
    left = QPointF(tip.x() - ARROW * math.cos(angle - 0.42), tip.y() - ARROW * math.sin(angle - 0.42))
    right = QPointF(tip.x() - ARROW * math.cos(angle + 0.42), tip.y() - ARROW * math.sin(angle + 0.42))
    painter.setPen(QPen(colour, 1.0))
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF([tip, left, right]))


def draw_strength(painter: QPainter, centre: QPointF, strength: int, colour: QColor) -> None:
    """Strength 1-5 as dots in a small white pill at the middle of the line."""
    pill = QRectF(centre.x() - 25.0, centre.y() - 7.0, 50.0, 14.0)
    painter.setPen(QPen(colour, 1.2))
    painter.setBrush(QColor("white"))
    painter.drawRoundedRect(pill, 7.0, 7.0)
    painter.setPen(Qt.PenStyle.NoPen)
    for i in range(5):
        on = i < strength
        painter.setBrush(colour if on else QColor("#d0d5dc"))
        painter.drawEllipse(QPointF(pill.left() + 9.0 + i * 8.0, centre.y()), 2.8, 2.8)


def draw_cross(painter: QPainter, centre: QPointF, colour: QColor) -> None:
    painter.setPen(QPen(colour, 1.6))
    painter.setBrush(QColor("white"))
    painter.drawEllipse(centre, 8.0, 8.0)
    pen = QPen(colour, 2.4)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    d = 3.8
    painter.drawLine(QPointF(centre.x() - d, centre.y() - d), QPointF(centre.x() + d, centre.y() + d))
    painter.drawLine(QPointF(centre.x() - d, centre.y() + d), QPointF(centre.x() + d, centre.y() - d))


KIND_WORDS = {
    "reports_to": "reports to",
    "influences": "influences",
    "relationship": "knows",
    "conflict": "is in conflict with",
}


def link_tooltip(link: Link, source: Person | None, target: Person | None) -> str:
    """The hover text of a link; names and note are escaped."""
    e = html.escape
    a = e(source.name) if source else e(link.source)
    b = e(target.name) if target else e(link.target)
    text = f"{a} <i>{KIND_WORDS[link.kind]}</i> {b}"
    if link.kind == "relationship":
        text += f"<br>Strength {link.strength} of 5"
    if link.note:
        text += "<br>" + e(link.note[:240])
    return text
