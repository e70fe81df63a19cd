"""A small note floating in a corner of the canvas: what is highlighted or hidden.

It is a plain-text label (with an optional button) over the view's viewport, so it
keeps its size whatever the zoom and does not scroll with the board. Notes of one
view stack down from its top-left corner.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QFrame, QGraphicsView, QHBoxLayout, QLabel, QToolButton

MARGIN = 10
GAP = 6


class CanvasNote(QFrame):
    """A note over ``view``'s top-left corner, in the ``slot``-th place from the top."""

    def __init__(self, view: QGraphicsView, slot: int = 0, button: str = "",
                 pressed: Callable[[], None] | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.slot = slot
        self.setObjectName("canvasNote")
        self.setStyleSheet(
            "#canvasNote { background-color: rgba(255, 255, 255, 235); border: 1px solid #9aa3b0;"
            " border-radius: 6px; } #canvasNote QLabel { color: #1d232c; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label)
        self.button: QToolButton | None = None
        if button:
            self.button = QToolButton(self)
            self.button.setText(button)
            self.button.setCursor(Qt.CursorShape.PointingHandCursor)
            if pressed is not None:
                self.button.clicked.connect(pressed)
            layout.addWidget(self.button)
        self.hide()
        view.installEventFilter(self)

    def say(self, text: str) -> None:
        """Show ``text`` (hide the note when empty)."""
        if not text:
            self.hide()
            return
        self.label.setText(text)
        self.adjustSize()
        self.place()
        self.show()
        self.raise_()

    @property
    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def place(self) -> None:
        viewport = self.view.viewport()
        corner = viewport.mapTo(self.view, QPoint(MARGIN, MARGIN))
        height = self.sizeHint().height()
        width = min(self.sizeHint().width(), max(120, viewport.width() - 2 * MARGIN))
        self.setGeometry(corner.x(), corner.y() + self.slot * (height + GAP), width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False
