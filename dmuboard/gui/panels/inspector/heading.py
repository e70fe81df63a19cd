"""The inspector's heading: the selected name in bold, never more than two lines.

A long name wraps onto a second line and is cut short there with an ellipsis; the
whole name is in the tool tip (and in the Name field below, where it is edited).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent, QTextLayout
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from dmuboard.gui.panels.inspector.fields import plain_tooltip

LINES = 2


def two_lines(text: str, font: QFont, width: float) -> str:
    """``text`` wrapped at ``width``: its first line, and the rest elided onto a second."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    starts: list[tuple[int, int]] = []
    while len(starts) <= LINES:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append((line.textStart(), line.textLength()))
    layout.endLayout()
    if len(starts) <= LINES:
        return text
    first_start, first_length = starts[0]
    first = text[first_start:first_start + first_length].rstrip()
    rest = text[starts[1][0]:]
    return first + "\n" + QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)


class Heading(QLabel):
    """A bold plain-text heading of at most two lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""

    def full_text(self) -> str:
        return self._full

    def show_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(plain_tooltip(text))
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.contentsRect().width() - 2.0
        fitted = two_lines(self._full, self.font(), room) if room > 20 else self._full
        if fitted != self.text():
            self.setText(fitted)
