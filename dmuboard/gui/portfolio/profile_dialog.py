"""Settings > DMU Profile: the library's list of functions and roles we want to know."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dmuboard.model.board import ROLES
from dmuboard.model.errors import BoardError, UserError
from dmuboard.model.profile import ProfileEntry
from dmuboard.model.vocabulary import ROLE_LABELS
from dmuboard.portfolio.patterns import Group, proposals


def _plain_message(parent: QWidget, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, "DMU Profile", text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # labels are the user's text
    box.exec()


class ProfileDialog(QDialog):
    """Edit the entries; "Make Profile from Won Deals" adds the proposals, for the user to keep or remove."""

    def __init__(self, entries: tuple[ProfileEntry, ...], won: Group, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("DMU Profile")
        self.won = won
        self.entries: tuple[ProfileEntry, ...] = entries
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(["Label", "Title keywords (comma separated, Dutch and English)",
                                              "Buying role"])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for entry in entries:
            self.add_row(entry)
        add = QPushButton("Add Entry", self)
        add.clicked.connect(lambda: self.add_row(None))
        remove = QPushButton("Remove Entry", self)
        remove.clicked.connect(self.remove_row)
        self.propose = QPushButton("Make Profile from Won Deals", self)
        self.propose.setToolTip(f"Functions that took part in most of the {won.boards} won deals")
        self.propose.clicked.connect(self.add_proposals)
        self.propose.setEnabled(won.boards > 0)
        buttons = QHBoxLayout()
        for button in (add, remove, self.propose):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel("The functions or roles we want to know and influence at every customer. A person matches "
                      "an entry by a keyword in their title or department, or by the buying role.", self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(box)
        self.resize(760, 420)

    def add_row(self, entry: ProfileEntry | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(entry.label if entry else ""))
        self.table.setItem(row, 1, QTableWidgetItem(", ".join(entry.keywords) if entry else ""))
        role = QComboBox(self.table)
        role.addItem("(any)", None)
        for name in ROLES:
            role.addItem(ROLE_LABELS[name], name)
        role.setCurrentIndex(role.findData(entry.role) if entry and entry.role else 0)
        self.table.setCellWidget(row, 2, role)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def add_proposals(self) -> None:
        found = proposals(self.won, existing=self.read_entries(strict=False))
        for entry in found:
            self.add_row(entry)
        if not found:
            _plain_message(self, "No function took part in most won deals that the profile does not have already.")

    def read_entries(self, strict: bool = True) -> tuple[ProfileEntry, ...]:
        entries = []
        for row in range(self.table.rowCount()):
            label_item, words_item = self.table.item(row, 0), self.table.item(row, 1)
            label = label_item.text() if label_item else ""
            words = [w.strip() for w in (words_item.text() if words_item else "").split(",") if w.strip()]
            combo = self.table.cellWidget(row, 2)
            role = combo.currentData() if isinstance(combo, QComboBox) else None
            if not label.strip() and not words and role is None:
                continue
            try:
                entries.append(ProfileEntry(label, tuple(words), role))
            except BoardError as error:
                if strict:
                    raise UserError(f"Row {row + 1}: {error.message}") from None
        return tuple(entries)

    def accept(self) -> None:
        try:
            self.entries = self.read_entries()
        except UserError as error:
            _plain_message(self, error.message)
            return
        super().accept()
