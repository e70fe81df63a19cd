"""Typing a name in place, over the token: Enter or clicking away keeps it, Esc does not."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen, QTextCursor, QTextOption
from PySide6.QtWidgets import QGraphicsTextItem, QStyleOptionGraphicsItem, QWidget

from dmuboard.gui.canvas.token import TokenItem

NAME_LIMIT = 200


class NameEditor(QGraphicsTextItem):
    """A one-line plain-text editor laid over a token's name, with the name selected."""

    def __init__(self, token: TokenItem, done: Callable[[str | None], None]) -> None:
        super().__init__()
        self._done = done
        self._finished = False
        self.token = token
        rect = token.card_rect()
        left = token.look.theme.layout.text_left
        self.setFont(token.look.theme.name_font)
        self.setDefaultTextColor(token.look.theme.text)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        self.document().setDefaultTextOption(option)
        self.setPlainText(token.person.name)
        self.setTextWidth(rect.width() - left - 6.0)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setZValue(10.0)
        self.setPos(token.pos().x() + rect.left() + left - 4.0, token.pos().y() + rect.top() + 3.0)

    def begin(self) -> None:
        """Take the keyboard with the whole name selected, ready to be typed over."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def text(self) -> str:
        return " ".join(self.toPlainText().split())[:NAME_LIMIT]

    def finish(self, keep: bool) -> None:
        """End editing once: hand over the new name (or None to keep the old one) and go."""
        if self._finished:
            return
        self._finished = True
        text = self.text()
        self.clearFocus()
        QTimer.singleShot(0, self._leave)
        self._done(text if keep and text else None)

    def _leave(self) -> None:
        scene = self.scene()
        if scene is not None:
            scene.removeItem(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish(True)
        elif event.key() == Qt.Key.Key_Escape:
            self.finish(False)
        else:
            super().keyPressEvent(event)
        event.accept()

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.finish(True)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        box = self.boundingRect().adjusted(-1.0, 0.0, 1.0, 0.0)
        painter.setPen(QPen(self.token.look.theme.selection, 1.5))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(QRectF(box), 3.0, 3.0)
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # Qt accepts no widget
