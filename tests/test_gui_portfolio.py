"""The portfolio in the window: the start page, opening boards, following changes, the profile."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from dmuboard.gui.portfolio import PortfolioFeature
from dmuboard.gui.portfolio.profile_dialog import ProfileDialog
from dmuboard.gui.portfolio.table import COLUMNS
from dmuboard.gui.shell.mainwindow import MainWindow
from dmuboard.model.board import Link
from dmuboard.model.document import Change
from dmuboard.portfolio.patterns import patterns
from dmuboard.portfolio.profilefile import library_profile
from dmuboard.store import BoardFile, write_new
from tests.gui_window_kit import QT_NOISE, WindowKit, make_kit, small_board
from tests.test_patterns import deal

pytestmark = QT_NOISE


@pytest.fixture
def kit(tmp_path: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch) -> Iterator[WindowKit]:
    yield from make_kit(tmp_path, qtbot, monkeypatch)


def portfolio(window: MainWindow) -> PortfolioFeature:
    return window.context.feature(PortfolioFeature)


def _library(kit: WindowKit, count: int = 3) -> Path:
    folder = kit.root / "library"
    folder.mkdir(exist_ok=True)
    for i in range(count):
        write_new(folder / f"account-{i}.dmu", small_board(f"Deal {i}"))
    return folder


def _cell(page: object, row: int, header: str) -> str:
    proxy = page.proxy  # type: ignore[attr-defined]
    column = [c[0] for c in COLUMNS].index(header)
    return str(proxy.index(row, column).data())


def test_the_start_page_lists_the_library_and_search_filters_it(kit: WindowKit, qtbot: object) -> None:
    folder = _library(kit)
    (folder / "broken.dmu").write_bytes(b"junk")
    window = kit.window(None, start=False)
    page = portfolio(window).start_page
    assert page.isVisibleTo(window)
    assert page.proxy.rowCount() == 4
    assert "not a DMU Board file" in " ".join(_cell(page, r, "Deal") for r in range(4))
    page.search.setText("joost  VISSER")  # a person on every board
    assert page.proxy.rowCount() == 3
    page.search.setText("Deal 1")
    assert page.proxy.rowCount() == 1 and _cell(page, 0, "Deal") == "Deal 1"
    page.search.clear()
    page.table.sortByColumn([c[0] for c in COLUMNS].index("Deal"), Qt.SortOrder.DescendingOrder)
    assert _cell(page, 0, "Deal") == "Deal 2"


def test_double_click_opens_the_board_and_its_changes_show_without_refresh(kit: WindowKit, qtbot: object) -> None:
    folder = _library(kit)
    window = kit.window(None, start=False)
    page = portfolio(window).start_page
    row = next(r for r in range(page.proxy.rowCount()) if _cell(page, r, "Deal") == "Deal 1")
    index = page.proxy.index(row, 1)
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]
    assert window.opened is not None and window.opened.path.name == "account-1.dmu"
    assert not page.isVisibleTo(window)
    assert window.editor is not None
    assert window.editor.submit(Change(links=(Link("l9", "u1", "p3", "relationship"),), label="link"))
    library = portfolio(window).library
    qtbot.waitUntil(lambda: next(r for r in library.rows if r.title == "Deal 1").contacts == 2)  # type: ignore[attr-defined]
    with BoardFile.open(folder / "account-2.dmu") as store:  # as another program would
        store.write(Change(links=(Link("l9", "u1", "p1", "relationship"),)))
    qtbot.waitUntil(lambda: next(r for r in library.rows if r.title == "Deal 2").contacts == 2)  # type: ignore[attr-defined]


def test_our_people_view_opens_the_account_with_the_person_selected(kit: WindowKit, qtbot: object) -> None:
    _library(kit, 2)
    window = kit.window(None, start=False)
    page = portfolio(window).start_page
    page.tabs.setCurrentWidget(page.people)
    top = page.people.topLevelItem(0)
    assert top.text(0) == "Sam de Wit" and top.text(1) == "2" and top.text(2) == "2"
    child = top.child(0)
    page.people.itemClicked.emit(child, 0)
    assert window.scene is not None
    assert window.scene.selected_people() == ["u1"]


def test_a_closed_deal_opens_read_only_until_edit_closed_deal(kit: WindowKit, qtbot: object) -> None:
    board = small_board("Won deal")
    board.info = replace(board.info, outcome="won", outcome_date="2026-11-30")
    path = kit.board("won.dmu", board)
    window = kit.window(path)
    assert window.opened is not None and window.opened.read_only_reason is not None
    assert "won" in window.opened.read_only_reason
    window.action("edit_closed").trigger()
    assert window.opened is not None and window.opened.read_only_reason is None


def test_the_profile_editor_saves_the_library_profile_and_proposes_from_won_deals(kit: WindowKit,
                                                                                  qtbot: object) -> None:
    _library(kit, 1)
    window = kit.window(None, start=False)
    won = patterns([deal("won", 2), deal("won", 2)])["won"]
    dialog = ProfileDialog((), won, window)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.propose.click()
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["Board", "Operations",
                                                                                          "Sales"]
    dialog.table.removeRow(0)
    dialog.add_row(None)
    dialog.table.item(2, 0).setText("Finance")
    dialog.table.item(2, 1).setText("CFO, financieel directeur")
    combo = dialog.table.cellWidget(2, 2)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("decider"))
    dialog.accept()
    portfolio(window).library.save_profile(dialog.entries)
    saved = library_profile(kit.root / "library")
    assert saved is not None
    assert [(e.label, e.keywords, e.role) for e in saved] == [
        ("Operations", ("operations",), None), ("Sales", ("sales",), None),
        ("Finance", ("cfo", "financieel directeur"), "decider")]
    page = portfolio(window).start_page
    # Operations: nobody matches; Sales (Sanne de Boer) and Finance (Ingrid Bakker) are unknown to us
    assert _cell(page, 0, "Profile gaps") == "3"
    QApplication.processEvents()


def test_the_pdf_has_a_page_per_view_and_shows_names_as_text(kit: WindowKit, qtbot: object) -> None:
    """Boards, patterns and our people each start a page; a name like markup is printed as it is."""
    import subprocess

    from dmuboard.gui.portfolio.export import write_pdf

    folder = _library(kit, 2)
    write_new(folder / "odd.dmu", small_board("<b>Bold</b> & co"))
    window = kit.window(None, start=False)
    out = kit.root / "portfolio.pdf"
    write_pdf(out, portfolio(window).library.rows)
    assert out.read_bytes().startswith(b"%PDF")
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert [line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")] == ["3"]
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "<b>Bold</b> & co" in text and "Our people across accounts" in text and "WON DEALS" in text
