"""Helpers for the main-window tests: a private settings file and data folder, boards on
disk, and windows that are closed (releasing their locks) at the end of each test."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from dmuboard.gui.shell.mainwindow import MainWindow
from dmuboard.gui.shell.session import DATA_DIR_VARIABLE
from dmuboard.model.board import Board, BoardInfo, Link, Person
from dmuboard.portfolio.library import LIBRARY_VARIABLE
from dmuboard.store import BoardFile, write_new

# The offscreen platform warns about dock widgets it cannot size natively; harmless.
QT_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def small_board(title: str = "Acme BV - CRM replacement") -> Board:
    """Three of theirs, one of ours, one link of each kind the inspector edits."""
    board = Board(BoardInfo(title, customer="Acme BV", our_company="Northwind", deal_value=180000.0))
    for person in (
        Person("p1", "customer", "Ingrid Bakker", "CFO", "Finance", roles=("decider", "buyer"),
               stance="neutral", influence=5, x=-420.0, y=-180.0),
        Person("p2", "customer", "Joost Visser", "IT manager", "IT", roles=("evaluator",),
               stance="supporter", influence=3, x=-420.0, y=60.0),
        Person("p3", "customer", "Sanne de Boer", "Sales lead", "Sales", roles=("user",),
               stance="champion", influence=2, x=-160.0, y=60.0),
        Person("u1", "ours", "Sam de Wit", "Account manager", x=380.0, y=0.0),
    ):
        board.people[person.id] = person
    for link in (
        Link("l1", "p2", "p1", "reports_to"),
        Link("l2", "u1", "p2", "relationship", 2),
    ):
        board.links[link.id] = link
    return board


def board_on_disk(path: Path) -> Board:
    """What the file holds now (read without taking a lock)."""
    with BoardFile.open(path, read_only="the test is only reading it") as store:
        return store.board


@dataclass
class WindowKit:
    """A test's own settings file and data folder, and the windows it opened."""

    root: Path
    qtbot: Any
    windows: list[MainWindow] = field(default_factory=list)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def boards_dir(self) -> Path:
        return self.data_dir / "boards"

    def settings(self) -> QSettings:
        return QSettings(str(self.root / "settings.ini"), QSettings.Format.IniFormat)

    def board(self, name: str = "acme.dmu", board: Board | None = None) -> Path:
        path = self.root / name
        write_new(path, board or small_board())
        return path

    def window(self, file: Path | None = None, *, start: bool = True) -> MainWindow:
        window = MainWindow(self.settings())
        self.qtbot.addWidget(window)
        self.windows.append(window)
        window.show_error = self.refuse_dialog  # type: ignore[method-assign]
        if start:
            window.start(file)
        window.show()
        return window

    @staticmethod
    def refuse_dialog(title: str, text: str) -> None:
        raise AssertionError(f"unexpected error dialog: {title}: {text}")

    def close_all(self) -> None:
        for window in self.windows:
            window.close()


def make_kit(tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[WindowKit]:
    """For a test module's ``kit`` fixture: windows with private settings and data
    folder, closed after the test."""
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path / "data"))
    monkeypatch.setenv(LIBRARY_VARIABLE, str(tmp_path / "library"))  # never the user's own DMU Boards
    made = WindowKit(tmp_path, qtbot)
    yield made
    made.close_all()
