"""File > Import People...: a CSV file's people onto the board, in one undo step.

One dialog, top to bottom: the file (and how it was read), the side the people go
on, a preview of the first rows with a field chooser above each column (guessed from
the headers, English or Dutch), "skip bad rows", and a summary that follows every
choice: "12 new people, 3 already on the board, 1 bad row (row 7, column Rol: ...)".
Import is possible only when the file has no bad rows or the user chose to skip
them. The people are added through ``Editor.submit``: one transaction, one undo step.

Everything from the file is shown as plain text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dmuboard.csvio import FIELDS, IGNORE, ImportPlan, Table, guess_mapping, plan_import, read_table
from dmuboard.gui.common.editor import Editor
from dmuboard.gui.common.feature import FeatureContext
from dmuboard.model.errors import UserError

PREVIEW_ROWS = 8
CSV_FILTER = "CSV files (*.csv *.txt *.tsv);;All files (*)"
LEAVE_OUT = "— leave out —"
SIDES_TITLE = "Put the people on"
BAD_CELL = QBrush(QColor("#f6c9c4"))
LEFT_OUT = QBrush(QColor("#9a9a9a"))


def _plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _shown(cell: str) -> str:
    """A cell for the preview: one line, not too long."""
    text = " ↵ ".join(cell.strip().splitlines())
    return text if len(text) <= 120 else text[:117] + "..."


class ImportDialog(QDialog):
    """Choose a CSV file, map its columns, see what would happen, import."""

    def __init__(self, editor: Editor, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import People")
        self.resize(900, 620)
        self.editor = editor
        self.folder = folder or Path.home()
        self.table: Table | None = None
        self.plan: ImportPlan | None = None
        self.imported: tuple[str, ...] = ()  # ids of the people added, once imported
        self.combos: list[QComboBox] = []
        layout = QVBoxLayout(self)

        file_row = QHBoxLayout()
        file_row.addWidget(QLabel("CSV file:"))
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText("Choose a file exported from your CRM or spreadsheet")
        file_row.addWidget(self.path_edit, 1)
        choose = QPushButton("Choose…", self)
        choose.clicked.connect(self.choose_file)
        file_row.addWidget(choose)
        layout.addLayout(file_row)
        self.info = _plain_label("UTF-8, UTF-16 and Windows-1252; commas, semicolons or tabs.", self)
        layout.addWidget(self.info)

        sides = self.sides = QGroupBox(SIDES_TITLE, self)
        side_row = QHBoxLayout(sides)
        self.customer_button = QRadioButton("the customer's side (their buying committee)", sides)
        self.ours_button = QRadioButton("our side (our own team)", sides)
        self.customer_button.setChecked(True)
        for button in (self.customer_button, self.ours_button):
            button.toggled.connect(self.refresh)
            side_row.addWidget(button)
        side_row.addStretch(1)
        layout.addWidget(sides)

        layout.addWidget(_plain_label("Which field does each column fill? (first rows of the file below)", self))
        self.preview = QTableWidget(self)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        layout.addWidget(self.preview, 1)

        self.skip_box = QCheckBox("Skip bad rows and import the others", self)
        self.skip_box.toggled.connect(self.refresh)
        layout.addWidget(self.skip_box)
        self.summary = _plain_label("", self)
        layout.addWidget(self.summary)
        self.problems = QPlainTextEdit(self)
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(90)
        self.problems.hide()
        layout.addWidget(self.problems)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.refresh()

    # -- choosing -------------------------------------------------------------------------

    def ask_csv_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, "Import people from a CSV file", str(self.folder), CSV_FILTER)
        return Path(name) if name else None

    def choose_file(self) -> None:
        path = self.ask_csv_path()
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> bool:
        """Read ``path`` and show it; on refusal, say why and show nothing to import."""
        self.path_edit.setText(str(path))
        self.folder = Path(path).parent
        try:
            table = read_table(path)
        except UserError as error:
            self.table = None
            self.info.setText(error.message)
            self._fill_preview()
            self.refresh()
            return False
        self.table = table
        self.info.setText(f"{table.name}: {table.describe()}.")
        self._fill_preview()
        self.refresh()
        return True

    def set_side(self, side: str) -> None:
        (self.customer_button if side == "customer" else self.ours_button).setChecked(True)

    @property
    def side(self) -> str:
        return "customer" if self.customer_button.isChecked() else "ours"

    def set_field(self, column: int, field: str) -> None:
        """Let column ``column`` fill ``field`` (or :data:`IGNORE`), as the user would in its chooser."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(field))

    def mapping(self) -> dict[int, str]:
        return {i: combo.currentData() for i, combo in enumerate(self.combos) if combo.currentData() != IGNORE}

    # -- showing ------------------------------------------------------------------------

    def _fill_preview(self) -> None:
        table = self.table
        self.preview.clear()
        self.combos = []
        if table is None:
            self.preview.setRowCount(0)
            self.preview.setColumnCount(0)
            return
        rows = table.rows[:PREVIEW_ROWS]
        self.preview.setColumnCount(len(table.header))
        self.preview.setRowCount(len(rows) + 1)
        self.preview.setHorizontalHeaderLabels(list(table.labels))
        self.preview.setVerticalHeaderLabels(["Field", *(str(row.number) for row in rows)])
        guessed = guess_mapping(table.header)
        for column in range(len(table.header)):
            combo = QComboBox(self.preview)
            combo.addItem(LEAVE_OUT, IGNORE)
            for field, label in FIELDS.items():
                combo.addItem(label, field)
            combo.setCurrentIndex(combo.findData(guessed.get(column, IGNORE)))
            combo.currentIndexChanged.connect(lambda _index, column=column: self._field_chosen(column))
            self.preview.setCellWidget(0, column, combo)
            self.combos.append(combo)
            for r, row in enumerate(rows, 1):
                self.preview.setItem(r, column, QTableWidgetItem(_shown(row.cells[column])))
        self.preview.resizeColumnsToContents()
        for column in range(len(table.header)):
            width = self.preview.columnWidth(column)
            self.preview.setColumnWidth(column, min(max(width, 130), 260))

    def _field_chosen(self, column: int) -> None:
        """A field fills from one column: choosing it here takes it from any other column."""
        field = self.combos[column].currentData()
        if field != IGNORE:
            for other, combo in enumerate(self.combos):
                if other != column and combo.currentData() == field:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(combo.findData(IGNORE))
                    combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Work out the import again and show what it would do."""
        self.plan = None
        self.problems.hide()
        by_row = "side" in self.mapping().values()
        self.sides.setTitle(SIDES_TITLE + (" (where the side column is empty)" if by_row else ""))
        if self.table is None:
            self.summary.setText("")
            self.import_button.setEnabled(False)
            return
        try:
            self.plan = plan_import(self.editor.document.board, self.table, self.mapping(), self.side, place=False)
        except UserError as error:
            self.summary.setText(error.message[:1].upper() + error.message[1:])
            self.import_button.setEnabled(False)
            return
        plan = self.plan
        self.summary.setText(plan.summary()[:1].upper() + plan.summary()[1:] + ".")
        self._tint_cells()
        if plan.problems:
            self.problems.setPlainText("\n".join(str(p) for p in plan.problems))
            self.problems.show()
        ready = bool(plan.people) and (not plan.problems or self.skip_box.isChecked())
        if plan.people and not ready:
            self.summary.setText(self.summary.text() + " Fix the file, or tick “Skip bad rows” to import the others.")
        self.import_button.setEnabled(ready)
        count = len(plan.people)
        self.import_button.setText(f"Import {count} {'Person' if count == 1 else 'People'}" if count else "Import")

    def _tint_cells(self) -> None:
        """Grey out the columns left out; tint the cells a problem is about (the row when no column is named)."""
        if self.table is None or self.plan is None:
            return
        labels = self.table.labels
        rows = {row.number: r for r, row in enumerate(self.table.rows[:PREVIEW_ROWS], 1)}
        bad: set[tuple[int, int]] = set()
        for problem in self.plan.problems:
            r = rows.get(problem.row)
            if r is not None:
                columns = [labels.index(problem.column)] if problem.column in labels else range(len(labels))
                bad.update((r, c) for c in columns)
        used = self.mapping()
        for r in range(1, self.preview.rowCount()):
            for c in range(self.preview.columnCount()):
                item = self.preview.item(r, c)
                if item is not None:
                    item.setBackground(BAD_CELL if (r, c) in bad else QBrush())
                    item.setForeground(QBrush() if c in used else LEFT_OUT)

    # -- importing ------------------------------------------------------------------------

    def accept(self) -> None:
        """Add the new people in one undo step; stay open and say why if that is refused."""
        self.refresh()
        if self.plan is None or self.table is None or not self.import_button.isEnabled():
            return
        plan = plan_import(self.editor.document.board, self.table, self.mapping(), self.side)
        self.plan = plan
        refusals: list[str] = []
        self.editor.message.connect(refusals.append)
        try:
            done = self.editor.submit(plan.change)
        finally:
            self.editor.message.disconnect(refusals.append)
        if not done:
            self.summary.setText("Nothing was imported: " + (refusals[-1] if refusals else "the board refused it."))
            return
        self.imported = tuple(p.id for p in plan.people)
        super().accept()


def import_people(context: FeatureContext) -> bool:
    """Run the import dialog on the window's board; select and show the people it added."""
    editor = context.editor
    if editor is None:
        context.say("Open a board first, then import people into it.")
        return False
    reason = editor.document.read_only_reason
    if reason is not None:
        context.show_error("Import People", f"This board is read-only ({reason}); nobody can be imported into it.")
        return False
    folder = Path(str(context.settings.value("import/folder", str(Path.home()))))
    dialog = ImportDialog(editor, context.dialog_parent(), folder)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    context.settings.setValue("import/folder", str(dialog.folder))
    if not accepted or not dialog.imported:
        return False
    if context.scene is not None and context.view is not None:
        context.scene.select(people=dialog.imported)
        context.view.center_on(dialog.imported)
    plan = dialog.plan
    context.say(f"Imported from {plan.source}: {plan.summary()}." if plan is not None else "Imported.")
    return True
