"""The key to the tokens and lines: role chips, stance marks, influence pips, link kinds.

A plain :class:`QGraphicsItem`, so the canvas can show it and an export can paint it
into a picture or a PDF page with the same look.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from dmuboard.gui.canvas.linkdraw import draw_cross, draw_line_sample, draw_strength
from dmuboard.gui.canvas.style import Theme
from dmuboard.model.vocabulary import LINK_LEGEND, role_legend, stance_legend, stance_text

ROW = 19.0
PAD = 14.0
WIDTH = 330.0


class LegendItem(QGraphicsItem):
    """A framed legend; ``stance`` and ``kinds`` follow what the board shows."""

    def __init__(self, theme: Theme, *, stance: bool = True, kinds: tuple[str, ...] = tuple(LINK_LEGEND)) -> None:
        super().__init__()
        self.theme = theme
        self.stance = stance
        self.kinds = kinds
        self.ratings = True  # the influence row, and "thicker with strength"
        self.setZValue(-1.0)

    def configure(self, theme: Theme, stance: bool, kinds: tuple[str, ...], ratings: bool = True) -> None:
        self.prepareGeometryChange()
        self.theme, self.stance, self.kinds, self.ratings = theme, stance, kinds, ratings
        self.update()

    def _rows(self) -> int:
        rows = 1 + len(role_legend()) + (2 if self.ratings else 0) + 1 + len(self.kinds)
        if self.stance:
            rows += 1 + len(stance_legend())
        return rows

    def boundingRect(self) -> QRectF:
        return QRectF(0.0, 0.0, WIDTH, PAD * 2 + self._rows() * ROW + 12.0)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        theme = self.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(theme.card_border, 1.0))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(self.boundingRect(), 8.0, 8.0)
        y = PAD
        x = PAD
        small = QFontMetricsF(theme.small_font)

        def heading(text: str) -> None:
            nonlocal y
            painter.setFont(theme.stance_font)
            painter.setPen(theme.header)
            painter.drawText(QRectF(x, y, WIDTH - 2 * PAD, ROW), Qt.AlignmentFlag.AlignVCenter, text)
            y += ROW

        def text(at: float, words: str) -> None:
            painter.setFont(theme.title_font)
            painter.setPen(theme.text)
            painter.drawText(QRectF(at, y, WIDTH - at - PAD, ROW), Qt.AlignmentFlag.AlignVCenter, words)

        heading("Roles")
        for role, label, meaning in role_legend():
            chip = QRectF(x, y + 2.0, small.horizontalAdvance(label) + 10.0, 15.0)
            painter.setPen(QPen(theme.chip.darker(125), 0.8))
            painter.setBrush(theme.chip)
            painter.drawRoundedRect(chip, 4.0, 4.0)
            painter.setFont(theme.small_font)
            painter.setPen(theme.chip_text)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
            text(x + 50.0, f"{role}: {meaning}")
            y += ROW
        if self.stance:
            heading("Stance")
            for stance, _symbol in stance_legend():
                painter.fillRect(QRectF(x, y + 3.0, 7.0, ROW - 6.0), theme.stance[stance])
                text(x + 14.0, stance_text(stance))
                y += ROW
        if self.ratings:
            heading("Influence")
            painter.setPen(Qt.PenStyle.NoPen)
            for i in range(5):
                painter.setBrush(theme.pip_on if i < 3 else theme.pip_off)
                painter.drawEllipse(QPointF(x + 5.0 + i * 9.0, y + ROW / 2), 3.0, 3.0)
            text(x + 50.0, "1 to 5 dots; more influence, bigger card")
            y += ROW
        heading("Lines")
        for kind in self.kinds:
            self._sample(painter, kind, QLineF(x, y + ROW / 2, x + 40.0, y + ROW / 2))
            words = LINK_LEGEND[kind] if self.ratings or kind != "relationship" else "our relationship"
            text(x + 50.0, words)
            y += ROW

    def _sample(self, painter: QPainter, kind: str, line: QLineF) -> None:
        colour = self.theme.link[kind]
        draw_line_sample(painter, kind, line, colour, 4.0 if kind == "relationship" else 1.8)
        if kind == "conflict":
            draw_cross(painter, line.center(), colour)
        if kind == "relationship":
            painter.save()
            painter.translate(line.center())
            painter.scale(0.7, 0.7)
            draw_strength(painter, QPointF(0.0, 0.0), 3, colour)
            painter.restore()
