"""The portfolio page: every board of the library in one sortable, filterable table,
with the Patterns and Our people views beside it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dmuboard.gui.panels.inspector.board_page import OUTCOME_LABELS
from dmuboard.gui.portfolio.library import Library
from dmuboard.gui.portfolio.table import PATH_ROLE, PortfolioFilter, PortfolioModel
from dmuboard.gui.portfolio.views import PatternsView, PeopleView
from dmuboard.model.board import OUTCOMES


class PortfolioPage(QWidget):
    """One library on screen; ``open_requested(path, our person's name or "")``."""

    open_requested = Signal(Path, str)
    profile_requested = Signal()
    export_requested = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search customer, deal or person")
        self.search.setClearButtonEnabled(True)
        self.outcome = QComboBox(self)
        self.outcome.addItem("Every outcome", "")
        for outcome in OUTCOMES:
            self.outcome.addItem(OUTCOME_LABELS[outcome], outcome)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        profile = QPushButton("DMU Profile…", self)
        profile.clicked.connect(self.profile_requested)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.outcome)
        top.addWidget(profile)
        export = QPushButton("Export…", self)
        export.setToolTip("The portfolio as PDF (a page per view) or CSV")
        export.clicked.connect(self.export_requested)
        top.addWidget(export)

        self.model = PortfolioModel()
        self.proxy = PortfolioFilter()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self._double_clicked)
        self.search.textChanged.connect(self.proxy.set_search)
        self.outcome.currentIndexChanged.connect(lambda _i: self.proxy.set_outcome(self.outcome.currentData()))

        self.patterns = PatternsView(self)
        self.people = PeopleView(lambda path, name: self.open_requested.emit(path, name), self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, "Boards")
        self.tabs.addTab(self.patterns, "Patterns")
        self.tabs.addTab(self.people, "Our people")
        self.tabs.currentChanged.connect(lambda _i: self._fill_views())

        layout = QVBoxLayout(self)
        title = QLabel("Portfolio: every account on one screen", self)
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        library.rows_changed.connect(self.show_rows)
        self.show_rows()

    def show_rows(self) -> None:
        rows = self.library.rows
        self.model.set_rows(rows)
        if not self.table.property("sized") and rows:
            self.table.resizeColumnsToContents()
            for column in range(self.model.columnCount()):
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), 280))
            self.table.setProperty("sized", True)
        broken = sum(1 for r in rows if r.error is not None)
        folders = ", ".join(str(f) for f in self.library.folders())
        text = f"{len(rows)} board{'s' if len(rows) != 1 else ''} in {folders}"
        if broken:
            text += f"; {broken} cannot be read (see their rows)"
        if self.library.profile_error:
            text += f". The DMU profile is not used: {self.library.profile_error}"
        self.status.setText(text)
        self._fill_views()

    def _fill_views(self) -> None:
        current = self.tabs.currentWidget()
        if current is self.patterns:
            self.patterns.show_rows(self.library.rows)
        elif current is self.people:
            self.people.show_rows(self.library.rows)

    def _double_clicked(self, index: QModelIndex) -> None:
        path = index.data(PATH_ROLE)
        if isinstance(path, str):
            self.open_requested.emit(Path(path), "")
