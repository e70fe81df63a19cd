"""A caption in large type over the canvas: a finding's sentence or a view's name.

It is a plain-text label floating over the window, placed over the bottom (or top)
of the view, so it keeps its size whatever the zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsView, QLabel, QWidget

MARGIN = 24


class Caption(QLabel):
    """Large white text on a dark band, for the back of the room."""

    def __init__(self, parent: QWidget, point_size: float, at_top: bool = False) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont()
        font.setPointSizeF(point_size)
        font.setBold(True)
        self.setFont(font)
        self.setStyleSheet(
            "QLabel { color: #ffffff; background-color: rgba(17, 21, 28, 225);"
            " border-radius: 10px; padding: 14px 22px; }"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.at_top = at_top
        self._over: QGraphicsView | None = None
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def show_text(self, text: str, over: QGraphicsView | None, seconds: float = 0.0) -> None:
        """Show ``text`` over ``over``'s viewport (for ``seconds``, or until hidden when 0)."""
        self._timer.stop()
        self.setText(text)
        if over is not None:
            self.place(over)
        self.show()
        self.raise_()
        if seconds > 0:
            self._timer.start(int(seconds * 1000))

    def place(self, over: QGraphicsView) -> None:
        """As wide as the text needs (at most the view's width), centred near its edge."""
        viewport = over.viewport()
        parent = self.parentWidget()
        corner = viewport.mapTo(parent, QPoint(0, 0)) if parent is not None else QPoint(0, 0)
        area = QRect(corner, viewport.size())
        room = max(200, area.width() - 2 * MARGIN)
        margins = self.contentsMargins()
        natural = self.fontMetrics().horizontalAdvance(self.text()) + 46 + margins.left() + margins.right()
        width = min(room, natural)
        height = self.heightForWidth(width)
        if height <= 0:
            height = self.sizeHint().height()
        y = area.top() + MARGIN if self.at_top else area.bottom() - MARGIN - height
        self.setGeometry(area.left() + (area.width() - width) // 2, y, width, height)
        self._over = over

    def replace_over(self) -> None:
        """Place the caption again (the view was resized)."""
        if self.isVisible() and self._over is not None:
            self.place(self._over)

    def clear(self) -> None:
        self._timer.stop()
        self.setText("")
        self.hide()
