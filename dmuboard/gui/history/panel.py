"""The History panel (View > History): the board's days and review marks, a slider
through every change, the marks' rename and delete, and the findings that appeared
or disappeared in a comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from dmuboard.gui.history.moments import Row, rows

if TYPE_CHECKING:
    from dmuboard.gui.history.feature import HistoryFeature


def _label(parent: QWidget, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class HistoryPanel(QWidget):
    def __init__(self, feature: HistoryFeature) -> None:
        super().__init__()
        self.feature = feature
        self.rows: list[Row] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.problem = _label(self)
        self.problem.hide()
        layout.addWidget(self.problem)
        self.list = QListWidget(self)
        self.list.setToolTip("Double-click a day or a review mark to see the board as it was then")
        self.list.itemActivated.connect(lambda _item: self.show_chosen())
        self.list.itemDoubleClicked.connect(lambda _item: self.show_chosen())
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        layout.addWidget(self.list, 1)
        self.where = _label(self, "Now")
        layout.addWidget(self.where)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setToolTip("Scrub through every recorded change")
        self.slider.valueChanged.connect(self._slid)
        layout.addWidget(self.slider)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, (name, text, slot) in enumerate((
            ("show", "Show", self.show_chosen), ("now", "Back to Now", feature.back_to_now),
            ("compare", "Compare with Now", self.compare_chosen), ("end", "End Comparison", feature.end_comparison),
            ("rename", "Rename Mark…", self.rename_chosen), ("delete", "Delete Mark", self.delete_chosen),
        )):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            grid.addWidget(button, i // 2, i % 2)
            self.buttons[name] = button
        layout.addLayout(grid)
        self.findings_title = _label(self)
        layout.addWidget(self.findings_title)
        self.findings = QListWidget(self)
        self.findings.setWordWrap(True)
        layout.addWidget(self.findings, 1)
        self.findings_title.hide()
        self.findings.hide()
        self._quiet = False

    def refresh(self) -> None:
        """Read the history again (a damaged one is said in one line, and nothing is listed)."""
        timeline = self.feature.timeline()
        chosen = self.list.currentRow()
        self.list.clear()
        self.rows = []
        if timeline is None:
            self.problem.setText(self.feature.problem or "No board is open.")
            self.problem.show()
            self._set_slider(0, 0)
            self._enable()
            return
        self.problem.hide()
        self.rows = rows(timeline)
        for row in self.rows:
            self.list.addItem(QListWidgetItem(row.text))  # plain text
        if self.rows:
            self.list.setCurrentRow(min(max(chosen, 0), len(self.rows) - 1))
        self._set_slider(timeline.end, self.feature.shown_index if self.feature.shown_index is not None
                         else timeline.end)
        self._enable()

    def _set_slider(self, end: int, value: int) -> None:
        self._quiet = True
        self.slider.setRange(0, end)
        self.slider.setValue(value)
        self._quiet = False

    def _slid(self, value: int) -> None:
        if not self._quiet:
            self.feature.show_moment(value)

    def chosen(self) -> Row | None:
        row = self.list.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def show_chosen(self) -> None:
        row = self.chosen()
        if row is not None:
            self.feature.show_moment(row.index)

    def compare_chosen(self) -> None:
        row = self.chosen()
        if row is not None:
            self.feature.compare_with(row.index)

    def rename_chosen(self) -> None:
        row = self.chosen()
        if row is not None and row.mark is not None:
            self.feature.ask_rename_mark(row.mark)

    def delete_chosen(self) -> None:
        row = self.chosen()
        if row is not None and row.mark is not None:
            self.feature.delete_mark(row.mark)

    def moved_to(self, index: int | None, text: str) -> None:
        """The window now shows moment ``index`` (None: now)."""
        self.where.setText(text)
        self._quiet = True
        self.slider.setValue(self.slider.maximum() if index is None else index)
        self._quiet = False
        self._enable()

    def show_findings(self, new: list[str], gone: list[str]) -> None:
        self.findings.clear()
        for text in new:
            self.findings.addItem(QListWidgetItem(f"appeared: {text}"))
        for text in gone:
            self.findings.addItem(QListWidgetItem(f"disappeared: {text}"))
        self.findings_title.setText(f"Findings since then: {len(new)} appeared, {len(gone)} disappeared")
        self.findings_title.show()
        self.findings.show()

    def hide_findings(self) -> None:
        self.findings.clear()
        self.findings_title.hide()
        self.findings.hide()

    def _enable(self) -> None:
        row = self.chosen()
        writable = self.feature.writable()
        self.buttons["show"].setEnabled(row is not None)
        self.buttons["compare"].setEnabled(row is not None)
        self.buttons["now"].setEnabled(self.feature.shown_index is not None)
        self.buttons["end"].setEnabled(self.feature.comparing)
        for name in ("rename", "delete"):
            self.buttons[name].setEnabled(row is not None and row.mark is not None and writable)
