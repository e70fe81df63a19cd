"""File > Export Data...: the board's people and links for a CRM, a spreadsheet or a network tool.

A small dialog picks the format (people as CSV, links as CSV, the network as GraphML
for Gephi and yEd, the board as JSON) and, for CSV, the separator: commas, or
semicolons for Excel in Dutch and other languages that use a decimal comma. Then a
save dialog picks the file, which is written whole or not at all.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dmuboard.csvio.export import FORMATS, export_data
from dmuboard.model.board import Board
from dmuboard.model.errors import UserError

if TYPE_CHECKING:
    from dmuboard.gui.common.feature import FeatureContext

DELIMITERS = (
    (",", "Commas (most programs and CRMs)"),
    (";", "Semicolons (Excel in Dutch, German, French…)"),
    ("\t", "Tabs"),
)
_SUFFIX_NAMES = {"people-csv": " people", "links-csv": " links", "graphml": "", "json": ""}


class ExportDataDialog(QDialog):
    """Choose a format (and separator), then a file; the board is written there."""

    def __init__(self, board: Board, folder: Path, stem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Data")
        self.board = board
        self.folder = folder
        self.stem = stem
        self.written: Path | None = None
        layout = QVBoxLayout(self)
        counts = QLabel(f"Export the board's {len(board.people)} people and {len(board.links)} links as:", self)
        counts.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(counts)
        self.group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        for fmt, (label, suffix) in FORMATS.items():
            button = QRadioButton(f"{label} ({suffix})", self)
            self.group.addButton(button)
            self.format_buttons[fmt] = button
            button.toggled.connect(self._format_changed)
            layout.addWidget(button)
        form = QFormLayout()
        self.delimiter_box = QComboBox(self)
        for delimiter, label in DELIMITERS:
            self.delimiter_box.addItem(label, delimiter)
        form.addRow("Separate values with:", self.delimiter_box)
        layout.addLayout(form)
        self.error = QLabel("", self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.format_buttons["people-csv"].setChecked(True)

    @property
    def format(self) -> str:
        return next(fmt for fmt, button in self.format_buttons.items() if button.isChecked())

    def set_format(self, fmt: str, delimiter: str = ",") -> None:
        self.format_buttons[fmt].setChecked(True)
        self.delimiter_box.setCurrentIndex(self.delimiter_box.findData(delimiter))

    def _format_changed(self) -> None:
        self.delimiter_box.setEnabled(self.format.endswith("csv"))

    def suggested_path(self) -> Path:
        fmt = self.format
        return self.folder / f"{self.stem}{_SUFFIX_NAMES[fmt]}{FORMATS[fmt][1]}"

    def ask_path(self, suggested: Path) -> Path | None:
        """The file to write (the save dialog asks before replacing one)."""
        label, suffix = FORMATS[self.format]
        name, _ = QFileDialog.getSaveFileName(self, "Export data", str(suggested), f"{label} (*{suffix})")
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(suffix)

    def export_to(self, path: Path) -> bool:
        """Write the chosen format to ``path``; say why in the dialog when it cannot be written."""
        try:
            export_data(self.board, path, self.format, delimiter=self.delimiter_box.currentData(), replace=True)
        except (UserError, OSError) as error:
            self.error.setText(error.message if isinstance(error, UserError) else f"{path.name}: {error}")
            return False
        self.written = path
        return True

    def accept(self) -> None:
        path = self.ask_path(self.suggested_path())
        if path is not None and self.export_to(path):
            super().accept()


def export_data_dialog(context: FeatureContext) -> bool:
    """Run the export dialog on the window's board."""
    if context.editor is None or context.path is None:
        context.say("Open a board first, then export its data.")
        return False
    context.flush_typing()  # what is typed in the inspector belongs in the export
    path = Path(context.path)
    folder = path.parent
    if not os.access(folder, os.W_OK):
        folder = Path.home()
    dialog = ExportDataDialog(context.editor.document.board, folder, path.stem, context.dialog_parent())
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.written is None:
        return False
    context.say(f"Exported to {dialog.written} ({FORMATS[dialog.format][0].lower()}).")
    return True
