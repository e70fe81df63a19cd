"""The portfolio's rows as a Qt table model, and the filter over it (search, outcome)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from dmuboard.gui.panels.inspector.board_page import OUTCOME_LABELS, show_amount
from dmuboard.model.vocabulary import PURCHASE_LABELS
from dmuboard.portfolio.summary import BoardSummary

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


def _yes(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _changed(ns: int) -> str:
    return datetime.datetime.fromtimestamp(ns / 1e9).strftime("%Y-%m-%d %H:%M") if ns else ""


def _holders(row: BoardSummary) -> str:
    return ", ".join(h.name for h in sorted(row.holders, key=lambda h: -h.relationships) if h.relationships)


# (header, shown text, sort value) per column
COLUMNS: tuple[tuple[str, Callable[[BoardSummary], str], Callable[[BoardSummary], Any]], ...] = (
    ("Customer", lambda r: r.customer, lambda r: r.customer.casefold()),
    ("Deal", lambda r: r.title, lambda r: r.title.casefold()),
    ("Value", lambda r: show_amount(r.deal_value), lambda r: -1.0 if r.deal_value is None else r.deal_value),
    ("Currency", lambda r: r.currency, lambda r: r.currency),
    ("Purchase", lambda r: PURCHASE_LABELS.get(r.purchase_type, r.purchase_type), lambda r: r.purchase_type),
    ("Outcome", lambda r: OUTCOME_LABELS.get(r.outcome, r.outcome), lambda r: r.outcome),
    ("People / expected", lambda r: f"{r.customer_people} / {r.expected_dmu[0]}–{r.expected_dmu[1]}",
     lambda r: r.customer_people),
    ("Coverage", lambda r: f"{r.coverage:.0%}", lambda r: r.coverage),
    ("High", lambda r: str(r.findings.get("high", 0)), lambda r: r.findings.get("high", 0)),
    ("Medium", lambda r: str(r.findings.get("medium", 0)), lambda r: r.findings.get("medium", 0)),
    ("Low", lambda r: str(r.findings.get("low", 0)), lambda r: r.findings.get("low", 0)),
    ("Single-threaded", lambda r: _yes(r.single_threaded), lambda r: r.single_threaded),
    ("Decider reached", lambda r: _yes(r.decider_reached), lambda r: -1 if r.decider_reached is None
     else int(r.decider_reached)),
    ("Profile gaps", lambda r: str(r.profile_gaps) if r.profile else "", lambda r: r.profile_gaps),
    ("Our relationships", _holders, lambda r: _holders(r).casefold()),
    ("Changed", lambda r: _changed(r.changed_ns), lambda r: r.changed_ns),
)


class PortfolioModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[BoardSummary] = []

    def set_rows(self, rows: Sequence[BoardSummary]) -> None:
        rows = list(rows)
        if [r.path for r in rows] == [r.path for r in self.rows]:
            changed = [i for i, (a, b) in enumerate(zip(rows, self.rows, strict=True)) if a != b]
            self.rows = rows
            for i in changed:
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == PATH_ROLE:
            return row.path
        if row.error is not None:
            if role == Qt.ItemDataRole.DisplayRole:
                return {0: Path(row.path).name, 1: row.error}.get(index.column(), "")
            if role == SORT_ROLE:
                return {0: Path(row.path).name.casefold(), 1: row.error}.get(index.column(), -2)
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.error  # tool tips are plain text here: Qt only guesses rich text with tags
            return None
        _, shown, sort = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(row)
        if role == SORT_ROLE:
            return sort(row)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (0, 1):
            return row.path
        return None


class PortfolioFilter(QSortFilterProxyModel):
    """Rows whose customer, deal or people match the search, and of the chosen outcome."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self._search = ""
        self._outcome = ""

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._search = " ".join(text.casefold().split())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_outcome(self, outcome: str) -> None:
        self.beginFilterChange()
        self._outcome = outcome
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, PortfolioModel)
        row = model.rows[source_row]
        if self._outcome and (row.error is not None or row.outcome != self._outcome):
            return False
        if not self._search:
            return True
        search = self._search
        if row.error is not None:
            return search in Path(row.path).name.casefold()
        if search in " ".join(row.customer.casefold().split()) or search in " ".join(row.title.casefold().split()):
            return True
        return any(search in " ".join(line.split()) for line in row.people_text.split("\n"))

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if type(a) is not type(b):
            return str(type(a)) < str(type(b))
        return bool(a < b)
