"""The Patterns and Our people views of the portfolio."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from dmuboard.analysis.metrics import BENCHMARK_CONTACTS, BENCHMARK_DMU
from dmuboard.model.errors import UserError
from dmuboard.portfolio.patterns import Group, compare, patterns
from dmuboard.portfolio.people import our_people
from dmuboard.portfolio.summary import BoardSummary, read_untouched

PATH_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_ROLE = Qt.ItemDataRole.UserRole + 3


def closed_groups(rows: list[BoardSummary]) -> dict[str, Group]:
    boards = []
    for row in rows:
        if row.error is None and row.outcome in ("won", "lost"):
            try:
                boards.append(read_untouched(Path(row.path)))
            except UserError:
                continue
    return patterns(boards)


def _top(counter: dict[str, int] | dict[int, int], boards: int, limit: int = 8) -> str:
    items = sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))[:limit]
    return ", ".join(f"{k} ({v} of {boards})" for k, v in items) or "none"


def patterns_text(groups: dict[str, Group]) -> str:
    """The Patterns view as plain text (also a page of the PDF)."""
    lines = []
    for name in ("won", "lost"):
        g = groups[name]
        lines.append(f"{name.upper()} DEALS: {g.boards}")
        if not g.boards:
            lines.append("  (none yet: set the outcome of closed deals in the board inspector)")
            lines.append("")
            continue
        lines += [
            f"  Functions that took part: {_top(dict(g.functions), g.boards)}",
            f"  On the org chart but not involved: {_top(dict(g.not_involved), g.boards)}",
            f"  Roles that took part: {', '.join(f'{k} ({v})' for k, v in g.roles.most_common()) or 'none'}",
            f"  Levels that took part: {', '.join(f'level {k}: {v}' for k, v in sorted(g.levels.items())) or 'none'}",
            f"  Outsiders with a say: {g.outsiders}",
            f"  DMU size {g.average_dmu} on average (benchmark {BENCHMARK_DMU}); "
            f"contacts {g.average_contacts} (benchmark {BENCHMARK_CONTACTS})",
            "",
        ]
    codes = sorted(set(groups["won"].findings_at_close) | set(groups["lost"].findings_at_close))
    if codes:
        lines.append("FINDINGS OPEN AT CLOSE")
        lines += [f"  {compare(groups, code)}" for code in codes]
    return "\n".join(lines)


class PatternsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        self.groups: dict[str, Group] = patterns([])

    def show_rows(self, rows: list[BoardSummary]) -> None:
        self.groups = closed_groups(rows)
        self.text.setPlainText(patterns_text(self.groups))


class PeopleView(QTreeWidget):
    """Each of our people, with the accounts where they hold relationships under them.
    Clicking an account opens it with that person selected."""

    def __init__(self, open_account: Callable[[Path, str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels(["Our person / account", "Accounts", "Only thread"])
        self._open = open_account
        self.itemClicked.connect(self._clicked)

    def show_rows(self, rows: list[BoardSummary]) -> None:
        self.clear()
        titles = {r.path: (r.customer or r.title) for r in rows}
        for person in our_people(rows):
            top = QTreeWidgetItem([person.name, str(len(person.accounts)), str(len(person.only_thread))])
            if person.only_thread:
                top.setToolTip(0, f"If {person.name} leaves, {len(person.only_thread)} account"
                                  f"{'s lose' if len(person.only_thread) != 1 else ' loses'} its only thread.")
            for path in person.accounts:
                alone = "only thread" if path in person.only_thread else ""
                child = QTreeWidgetItem([titles.get(path, Path(path).name), "", alone])
                child.setData(0, PATH_ROLE, path)
                child.setData(0, NAME_ROLE, person.name)
                top.addChild(child)
            self.addTopLevelItem(top)
        self.resizeColumnToContents(0)

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        path = item.data(0, PATH_ROLE)
        if isinstance(path, str):
            self._open(Path(path), str(item.data(0, NAME_ROLE)))
