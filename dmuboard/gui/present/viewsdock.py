"""The Views panel: the board's saved views, with buttons to save, show, rename,
move and delete them (each an undoable change of the board)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QGridLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dmuboard.gui.present.views import SavedViews
from dmuboard.model.document import Change

if TYPE_CHECKING:
    from dmuboard.gui.common.feature import FeatureContext


class ViewsPanel(QWidget):
    """The list of saved views of the open board."""

    def __init__(self, context: FeatureContext, views: SavedViews) -> None:
        super().__init__()
        self.main = context
        self.saved = views
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.list = QListWidget(self)
        self.list.setToolTip("Double-click a view to show it")
        self.list.itemDoubleClicked.connect(lambda _item: self.show_chosen())
        self.list.itemActivated.connect(lambda _item: self.show_chosen())
        layout.addWidget(self.list, 1)
        buttons = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, (name, text, slot) in enumerate((
            ("save", "Save…", self.ask_save), ("show", "Show", self.show_chosen),
            ("rename", "Rename…", self.ask_rename), ("delete", "Delete", self.delete_chosen),
            ("up", "Move Up", lambda: self.move_chosen(-1)), ("down", "Move Down", lambda: self.move_chosen(1)),
        )):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button, i // 2, i % 2)
            self.buttons[name] = button
        self.buttons["save"].setToolTip("Save the area shown and the layers as a named view")
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        context.boardChanged.connect(self.follow_board)
        self.follow_board()

    def follow_board(self) -> None:
        if self.main.editor is not None:
            self.main.editor.changed.connect(self._changed)
        self.refresh()

    def _changed(self, change: Change) -> None:
        if change.views is not None:
            self.refresh()

    def refresh(self) -> None:
        """Show the board's views (plain text), keeping the chosen row where it can."""
        row = self.list.currentRow()
        self.list.clear()
        for view in self.saved.views():
            self.list.addItem(QListWidgetItem(view.name))  # item text is plain, never markup
        if self.list.count():
            self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        self._enable()

    def _enable(self) -> None:
        board = self.main.editor is not None
        writable = board and self.main.editor is not None and not self.main.editor.read_only
        row = self.list.currentRow()
        chosen = row >= 0
        self.buttons["save"].setEnabled(writable)
        self.buttons["show"].setEnabled(chosen)
        self.buttons["rename"].setEnabled(writable and chosen)
        self.buttons["delete"].setEnabled(writable and chosen)
        self.buttons["up"].setEnabled(writable and row > 0)
        self.buttons["down"].setEnabled(writable and chosen and row < self.list.count() - 1)

    def ask_save(self) -> None:
        suggestion = f"View {len(self.saved.views()) + 1}"
        name, ok = QInputDialog.getText(self, "Save View", "Name of the view (what it shows):",
                                        QLineEdit.EchoMode.Normal, suggestion)
        if ok and self.saved.save_current(name):
            self.list.setCurrentRow(self.list.count() - 1)

    def show_chosen(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.saved.show(row)

    def ask_rename(self) -> None:
        row = self.list.currentRow()
        views = self.saved.views()
        if not 0 <= row < len(views):
            return
        name, ok = QInputDialog.getText(self, "Rename View", "New name:", QLineEdit.EchoMode.Normal,
                                        views[row].name)
        if ok:
            self.saved.rename(row, name)

    def move_chosen(self, delta: int) -> None:
        row = self.list.currentRow()
        if self.saved.move(row, delta):
            self.list.setCurrentRow(row + delta)

    def delete_chosen(self) -> None:
        self.saved.delete(self.list.currentRow())
