"""The table the tokens stand on: two tinted sides, the divide at x = 0, the two
company names as headers, and the grid when snapping is on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

if TYPE_CHECKING:
    from dmuboard.gui.canvas.scene import BoardScene

MAX_GRID_LINES = 400

# The captions under the two company names. A proposal is read by the customer, so it
# speaks to them plainly instead of in the seller's words ("buying committee", "DMU").
CAPTIONS = {"internal": ("Their buying committee (DMU)", "Our team"), "proposal": ("Your team", "Our team")}


def draw_background(scene: BoardScene, painter: QPainter, rect: QRectF) -> None:
    theme = scene.look.theme
    area = scene.sceneRect()
    painter.fillRect(rect, theme.background)
    left = QRectF(QPointF(area.left(), area.top()), QPointF(0.0, area.bottom()))
    right = QRectF(QPointF(0.0, area.top()), QPointF(area.right(), area.bottom()))
    painter.fillRect(left.intersected(rect), theme.customer_area)
    painter.fillRect(right.intersected(rect), theme.ours_area)
    if scene.look.snap:
        _grid(painter, rect, scene.look.grid, theme.grid)
    # the divide: a pale band with a firm line in the middle
    band = QRectF(-5.0, rect.top(), 10.0, rect.height())
    painter.fillRect(band, QColor(theme.divide.red(), theme.divide.green(), theme.divide.blue(), 40))
    pen = QPen(theme.divide, 2.0)
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.drawLine(QLineF(0.0, rect.top(), 0.0, rect.bottom()))
    _headers(scene, painter, rect)


def _grid(painter: QPainter, rect: QRectF, step: float, colour: QColor) -> None:
    scale = painter.worldTransform().m11()
    while step * scale < 8.0:  # too dense to see: draw every other line
        step *= 2
    lines: list[QLineF] = []
    x = (rect.left() // step) * step
    while x <= rect.right() and len(lines) < MAX_GRID_LINES:
        lines.append(QLineF(x, rect.top(), x, rect.bottom()))
        x += step
    y = (rect.top() // step) * step
    while y <= rect.bottom() and len(lines) < 2 * MAX_GRID_LINES:
        lines.append(QLineF(rect.left(), y, rect.right(), y))
        y += step
    pen = QPen(colour, 1.0)
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.drawLines(lines)


def _headers(scene: BoardScene, painter: QPainter, rect: QRectF) -> None:
    """The customer's name over their side and ours over ours (plain text, never markup)."""
    theme = scene.look.theme
    info = scene.editor.document.board.info
    top = scene.header_top
    if rect.bottom() < top - 10 or rect.top() > top + 80:
        return
    head = QFontMetricsF(theme.header_font)
    room = 1400.0
    theirs, ours = CAPTIONS.get(scene.profile, CAPTIONS["internal"])
    for sign, name, caption in (
        (-1, info.customer or "Customer", theirs),
        (1, info.our_company or "Our company", ours),
    ):
        align = Qt.AlignmentFlag.AlignRight if sign < 0 else Qt.AlignmentFlag.AlignLeft
        x = -40.0 - room if sign < 0 else 40.0
        title = head.elidedText(name, Qt.TextElideMode.ElideRight, room)
        painter.setFont(theme.header_font)
        painter.setPen(theme.header)
        painter.drawText(QRectF(x, top, room, head.height() + 4), align | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(theme.caption_font)
        painter.setPen(theme.header_caption)
        painter.drawText(QRectF(x, top + head.height() + 6, room, 22.0), align | Qt.AlignmentFlag.AlignTop, caption)
