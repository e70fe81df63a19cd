"""The board's history in the window: marks, the timeline, a past moment shown
read-only, and the comparison drawn on the canvas."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import Qt

from dmuboard.gui.history import HistoryFeature
from dmuboard.gui.shell.mainwindow import MainWindow
from dmuboard.model.document import Change
from dmuboard.store import BoardFile
from tests.gui_window_kit import QT_NOISE, WindowKit
from tests.historykit import reviewed_board

pytestmark = QT_NOISE


def _history(window: MainWindow) -> HistoryFeature:
    return window.feature(HistoryFeature)


def _panel_rows(window: MainWindow) -> list[str]:
    listing = _history(window).panel.list
    return [listing.item(i).text() for i in range(listing.count())]


def test_mark_review_names_the_board_and_lists_it(kit: WindowKit, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    """Board > Mark Review… asks a name; the mark is in the file and in the History panel."""
    path = reviewed_board(tmp_path / "board.dmu")
    window = kit.window(path)
    monkeypatch.setattr("dmuboard.gui.history.marks.QInputDialog.getText", lambda *a, **k: ("Deal review", True))
    window.action("mark_review").trigger()
    window.action("history").trigger()
    qtbot.waitUntil(lambda: _history(window).dock.isVisible())
    assert any(row.startswith("★ Deal review") for row in _panel_rows(window))
    window.release_board()
    with BoardFile.open(path) as store:
        assert [e.mark for e in store.history() if e.mark] == ["Kick-off", "QBR Q3", "Deal review"]


def test_marks_are_renamed_and_deleted_from_the_panel(kit: WindowKit, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    path = reviewed_board(tmp_path / "board.dmu")
    window = kit.window(path)
    window.action("history").trigger()
    panel = _history(window).panel
    qtbot.waitUntil(lambda: panel.list.count() > 0)
    panel.list.setCurrentRow(0)  # ★ Kick-off
    monkeypatch.setattr("dmuboard.gui.history.marks.QInputDialog.getText", lambda *a, **k: ("Start", True))
    qtbot.mouseClick(panel.buttons["rename"], Qt.MouseButton.LeftButton)
    assert _panel_rows(window)[0].startswith("★ Start")
    rows = _panel_rows(window)
    panel.list.setCurrentRow(next(i for i, r in enumerate(rows) if r.startswith("★ QBR Q3")))
    qtbot.mouseClick(panel.buttons["delete"], Qt.MouseButton.LeftButton)
    assert not any("QBR Q3" in row for row in _panel_rows(window))


def test_choosing_a_moment_shows_the_past_read_only_and_back_to_now(kit: WindowKit, qtbot: Any,
                                                                   tmp_path: Path) -> None:
    """Double-clicking the kick-off mark shows the board then (the consultant still
    there, Fatima a skeptic), read-only with a banner; Back to now returns to the live board."""
    path = reviewed_board(tmp_path / "board.dmu")
    window = kit.window(path)
    window.action("history").trigger()
    panel = _history(window).panel
    qtbot.waitUntil(lambda: panel.list.count() > 0)
    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.buttons["show"], Qt.MouseButton.LeftButton)
    past = _history(window).past
    assert past.showing and past.view is not None and past.scene is not None
    qtbot.waitUntil(lambda: past.view is not None and past.view.isVisible())
    assert window.view is not None and not window.view.isVisible()
    assert past.banner.isVisible() and "as it was at “Kick-off”" in past.banner.label.text()
    assert "p4" in past.scene.tokens and past.editor is not None
    assert past.editor.document.board.people["p3"].stance == "skeptic"
    assert not past.editor.submit(Change(removed_people=("p4",), removed_links=()))  # read-only
    qtbot.mouseClick(past.banner.button, Qt.MouseButton.LeftButton)
    assert not past.showing and window.view.isVisible() and not past.banner.isVisible()
    assert window.scene is not None and "p4" not in window.scene.tokens


def test_slider_scrubs_through_the_changes(kit: WindowKit, qtbot: Any, tmp_path: Path) -> None:
    path = reviewed_board(tmp_path / "board.dmu")
    window = kit.window(path)
    window.action("history").trigger()
    panel = _history(window).panel
    qtbot.waitUntil(lambda: panel.slider.maximum() == 6)
    panel.slider.setValue(2)  # after the stance change only
    past = _history(window).past
    assert past.editor is not None
    board = past.editor.document.board
    assert board.people["p3"].stance == "supporter" and "p9" not in board.people
    panel.slider.setValue(3)
    assert past.editor is not None and "p9" in past.editor.document.board.people
    panel.slider.setValue(6)
    assert not past.showing


def test_compare_draws_the_difference_and_lists_findings(kit: WindowKit, qtbot: Any,
                                                        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Compare with… the kick-off: Noor is marked new, Fatima carries "stance: skeptic →
    supporter", the consultant is a ghost; findings that disappeared are listed apart."""
    path = reviewed_board(tmp_path / "board.dmu")
    window = kit.window(path)
    monkeypatch.setattr("dmuboard.gui.history.feature.QInputDialog.getItem", lambda *a, **k: ("Kick-off", True))
    window.action("compare").trigger()
    overlay = _history(window).overlay
    assert overlay is not None
    assert overlay.tags["p9"] == "new"
    assert "stance: skeptic → supporter" in overlay.tags["p3"]
    assert overlay.tags["p4"] == "removed"
    assert all(item.scene() is window.scene for item in overlay.items)
    panel = _history(window).panel
    assert panel.findings.isVisible()
    texts = [panel.findings.item(i).text() for i in range(panel.findings.count())]
    assert any(t.startswith("disappeared: Fatima El Amrani is a skeptic") for t in texts)
    items = list(overlay.items)
    qtbot.mouseClick(panel.buttons["end"], Qt.MouseButton.LeftButton)
    assert all(item.scene() is None for item in items) and not panel.findings.isVisible()


def test_a_change_is_recorded_under_the_profile_name(kit: WindowKit, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    path = reviewed_board(tmp_path / "board.dmu")
    window = kit.window(path)
    monkeypatch.setattr("dmuboard.gui.history.marks.QInputDialog.getText", lambda *a, **k: ("Eva Jansen", True))
    window.action("history_name").trigger()
    assert window.editor is not None
    person = window.editor.document.board.people["p1"]
    assert window.editor.submit(Change(people=(replace(person, influence=2),), label="Influence"))
    window.editor.undo_stack.undo()
    window.release_board()
    with BoardFile.open(path) as store:
        last = store.history()[-2:]
    assert [(e.by, e.step, e.label) for e in last] == [("Eva Jansen", "edit", "Influence"),
                                                       ("Eva Jansen", "undo", "Influence")]


def test_changes_since_pages_in_the_pdf(kit: WindowKit, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                                        tmp_path: Path) -> None:
    """Export Changes Since… writes the board and then the "Changes since" page, in words."""
    path = reviewed_board(tmp_path / "board.dmu")
    window = kit.window(path)
    assert _history(window).compare_with_moment("Kick-off")
    out = tmp_path / "changes.pdf"
    assert _history(window).export_changes(out)
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) >= 2
    text = unicodedata.normalize("NFKC", " ".join(" ".join(page.extract_text().split()) for page in reader.pages[1:]))
    assert "Changes since Kick-off" in text
    assert "Fatima El Amrani: stance skeptic → supporter" in text
    assert "Noor Visser" in text and "Findings that disappeared" in text
