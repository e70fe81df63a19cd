"""A board that breaks a rule still opens: read-only, with a banner naming what is
wrong, and a Repair that shows the smallest fix before making it (issue 15, point 4)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from dmuboard.store import BoardFile
from tests.clikit import digest, one_error_line, run
from tests.gui_window_kit import QT_NOISE, WindowKit, board_on_disk

pytestmark = QT_NOISE

CYCLE = "INSERT INTO links VALUES (1, 'l99', 99, 'p1', 'p2', 'reports_to', NULL, '', NULL)"  # p2 reports to p1 already
DANGLING = ("PRAGMA foreign_keys = OFF",
            "INSERT INTO links VALUES (1, 'l98', 98, 'p3', 'gone', 'relationship', 2, '', NULL)")




def _broken(kit: WindowKit, *statements: str) -> Path:
    path = kit.board("acme.dmu")
    connection = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        connection.execute(statement)
    connection.close()
    return path


def test_a_board_with_a_reporting_cycle_opens_read_only_naming_it(kit: WindowKit) -> None:
    path = _broken(kit, CYCLE)
    before = digest(path)
    window = kit.window(path)
    assert window.opened is not None
    reason = window.opened.read_only_reason or ""
    assert "link l99" in reason and "cycle" in reason
    assert window.banner.isVisible() and "cycle" in window.banner.text()
    assert window.banner.repair_button.isVisible()
    assert "l99" not in window.editor.document.board.links  # shown as the repair would leave it
    assert digest(path) == before


def test_repair_shows_the_fix_first_and_makes_only_that(kit: WindowKit, qtbot: Any,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = _broken(kit, CYCLE)
    window = kit.window(path)
    asked: list[str] = []

    def answer(title: str, text: str) -> bool:
        asked.append(text)
        return True

    window.ask_yes_no = answer  # type: ignore[method-assign]
    qtbot.mouseClick(window.banner.repair_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert "Ingrid Bakker reports to Joost Visser (link l99)" in asked[0]
    assert window.opened is not None and window.opened.read_only_reason is None
    assert not window.banner.isVisible()
    on_disk = board_on_disk(path)
    assert "l99" not in on_disk.links and set(on_disk.links) == {"l1", "l2"}
    assert run(capsys, "check", path)[0] == 0
    backup = path.with_name("acme (before repair).dmu")
    with BoardFile.open(backup, read_only="the test reads it") as store:
        assert store.repair is not None and store.original is not None and "l99" in store.original.links
    assert "before repair" in window.statusBar().currentMessage()


def test_saying_no_to_repair_changes_nothing(kit: WindowKit, qtbot: Any) -> None:
    path = _broken(kit, CYCLE)
    before = digest(path)
    window = kit.window(path)
    window.ask_yes_no = lambda title, text: False  # type: ignore[method-assign]
    qtbot.mouseClick(window.banner.repair_button, Qt.MouseButton.LeftButton)
    assert digest(path) == before
    assert window.opened is not None and window.opened.read_only_reason is not None
    assert sorted(p.name for p in path.parent.iterdir() if p.suffix == ".dmu") == ["acme.dmu"]


def test_a_link_to_a_person_who_is_gone_is_repaired_too(kit: WindowKit, qtbot: Any) -> None:
    path = _broken(kit, *DANGLING)
    window = kit.window(path)
    assert window.opened is not None and "l98" in (window.opened.read_only_reason or "")
    window.ask_yes_no = lambda title, text: True  # type: ignore[method-assign]
    qtbot.mouseClick(window.banner.repair_button, Qt.MouseButton.LeftButton)
    assert "l98" not in board_on_disk(path).links


def test_check_still_refuses_a_board_that_breaks_a_rule(kit: WindowKit, capsys: pytest.CaptureFixture[str]) -> None:
    path = _broken(kit, CYCLE)
    code, _, err = run(capsys, "check", path)
    assert code == 1
    line = one_error_line(err)
    assert "breaks a rule" in line and "cycle" in line and "repair" in line
