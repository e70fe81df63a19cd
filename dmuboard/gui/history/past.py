"""A past moment of the board, shown read-only in place of the live canvas, with a
banner (above the canvas) that says so and "Back to now"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from dmuboard.gui.canvas.scene import BoardScene
from dmuboard.gui.canvas.view import BoardView
from dmuboard.gui.common.editor import Editor
from dmuboard.gui.common.feature import FeatureContext
from dmuboard.model.board import Board
from dmuboard.model.document import Document


class PastBanner(QFrame):
    """"You are looking at the board as it was at ... It cannot be changed." [Back to now]"""

    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pastBanner")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#pastBanner { background: #dbe9ff; border-bottom: 1px solid #8fb3e8; }"
                           "#pastBanner QLabel { color: #0b2f66; font-weight: bold; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a mark's name is the user's text
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.button = QPushButton("Back to now", self)
        self.button.clicked.connect(self.back.emit)
        layout.addWidget(self.button)
        self.hide()


class PastView:
    """Swaps the live view for a read-only view of a past board, and back."""

    def __init__(self, context: FeatureContext) -> None:
        self.context = context
        self.banner = PastBanner()  # the window puts it above the canvas (a feature's bar above)
        self.editor: Editor | None = None
        self.scene: BoardScene | None = None
        self.view: BoardView | None = None

    @property
    def showing(self) -> bool:
        return self.view is not None

    def show(self, board: Board, moment: str) -> None:
        """Show ``board`` (the board as it was at ``moment``) instead of the live canvas."""
        live = self.context.view
        if live is None:
            return
        old_view = self.view
        reason = f"it shows the board as it was at {moment}"
        editor = Editor(Document(board, read_only_reason=reason), self.context)
        near = self.context.scene.look.near if self.context.scene is not None else True
        scene = BoardScene(editor, near=near)
        view = BoardView(scene)
        if old_view is not None:
            view.setTransform(old_view.transform())
            view.centerOn(old_view.mapToScene(old_view.viewport().rect().center()))
        else:
            view.setTransform(live.transform())
            view.centerOn(live.mapToScene(live.viewport().rect().center()))
        self.context.show_instead_of_canvas(view)
        self._drop()
        self.editor, self.scene, self.view = editor, scene, view
        self.banner.label.setText(f"You are looking at the board as it was at {moment}. "
                                  "It cannot be changed here.")
        self.banner.show()

    def back_to_now(self) -> None:
        if self.view is not None:
            self.context.show_instead_of_canvas(None)
        self._drop()
        self.banner.hide()

    def _drop(self) -> None:
        if self.view is not None:
            self.view.setParent(None)
            self.view.deleteLater()
        if self.scene is not None:
            self.scene.deleteLater()
        if self.editor is not None:
            self.editor.close()
            self.editor.deleteLater()
        self.editor, self.scene, self.view = None, None, None
