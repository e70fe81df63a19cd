"""The strip above the canvas that says a board is read-only, and why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget


class ReadOnlyBanner(QFrame):
    """A clear, coloured line: "This board is read-only because <reason>." with what the user can do instead.

    Hidden while the board can be edited.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#readOnlyBanner { background: #fff3cd; border-bottom: 1px solid #e0c36a; }"
            "#readOnlyBanner QLabel { color: #5c4400; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        layout.addWidget(icon)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # the reason may carry a file name
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        # Offered for a board that breaks a rule of the format (see offer_repair).
        self.repair_button = QPushButton("&Repair…", self)
        self.repair_button.setToolTip("Show the smallest fix, and make it if you agree")
        self.repair_button.hide()
        layout.addWidget(self.repair_button)
        self.hide()

    def offer_repair(self, offered: bool) -> None:
        """Show the Repair button (after :meth:`show_reason`) for a board that breaks a rule."""
        self.repair_button.setVisible(offered)
        if offered:
            self.label.setText(self.label.text().replace(
                "Changes are refused; use File > Save a Copy As… to work on a copy.",
                "It is shown without what breaks the rule; Repair shows the smallest fix before making it."))

    def show_reason(self, reason: str | None) -> None:
        """Show the banner with ``reason``, or hide it when ``reason`` is None."""
        if reason is None:
            self.label.clear()
            self.repair_button.hide()
            self.hide()
            return
        self.label.setText(
            f"This board is read-only because {reason}. Changes are refused; "
            "use File > Save a Copy As… to work on a copy."
        )
        self.show()

    def text(self) -> str:
        return self.label.text()
