"""The main window: what it opens, what it remembers, and how it treats files it refuses."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QGraphicsItem

from dmuboard.gui.canvas.token import FAR
from dmuboard.gui.shell.session import OTHER_WINDOW
from dmuboard.model.document import Change
from dmuboard.model.generate import generate_board
from dmuboard.sample import sample_path
from dmuboard.store import write_new
from tests.clikit import digest
from tests.gui_window_kit import QT_NOISE, WindowKit, board_on_disk, small_board

pytestmark = QT_NOISE





def test_first_run_opens_a_copy_of_the_sample_in_the_data_folder(kit: WindowKit) -> None:
    """With no file and no last board, the window opens a fresh copy of the sample board in
    the data folder; the packaged sample is not touched, and the title names board and file."""
    before = digest(sample_path())
    window = kit.window()
    assert window.opened is not None
    copy = window.opened.path
    assert copy.parent == kit.boards_dir.absolute()
    assert copy.suffix == ".dmu"
    title = window.editor.document.board.info.title
    assert window.windowTitle() == f"{title} — {copy.name} — DMU Board"
    assert "sample" in window.statusBar().currentMessage()
    assert window.editor.submit(Change(info=window.editor.document.board.info.__class__(
        "Our own deal"), label="Rename"))
    assert board_on_disk(copy).info.title == "Our own deal"
    assert digest(sample_path()) == before


def test_the_next_start_opens_the_last_board(kit: WindowKit) -> None:
    """A second start with the same settings opens the board of the first, not another sample copy."""
    first = kit.window()
    path = first.opened.path
    first.close()
    second = kit.window()
    assert second.opened.path == path
    assert len(list(kit.boards_dir.glob("*.dmu"))) == 1


def test_a_file_on_the_command_line_is_opened(kit: WindowKit) -> None:
    """`dmuboard FILE.dmu` opens that board, with its title and file name in the window title."""
    path = kit.board("acme.dmu")
    window = kit.window(path)
    assert window.opened.path == path.absolute()
    assert window.windowTitle() == "Acme BV - CRM replacement — acme.dmu — DMU Board"
    assert window.counts.text() == "3 theirs · 1 ours · 2 links"


def test_geometry_panels_and_recent_files_persist(kit: WindowKit, qtbot: Any) -> None:
    """Window size, a hidden panel and the recent files come back in the next window."""
    one, two = kit.board("one.dmu"), kit.board("two.dmu")
    window = kit.window(one)
    window.resize(730, 540)
    window.docks["palette"].hide()
    assert window.open_path(two)
    window.close()

    again = kit.window()
    assert again.opened.path == two.absolute()
    assert (again.width(), again.height()) == (730, 540)
    assert not again.docks["palette"].isVisible()
    assert again.docks["inspector"].isVisible()
    again.fill_recent_menu()
    names = [action.text() for action in again.recent_menu.actions() if action.text()]
    assert names[:2] == ["&1 two.dmu", "&2 one.dmu"]


def test_open_recent_drops_files_that_are_gone(kit: WindowKit) -> None:
    """A recent board that was deleted is no longer offered."""
    one, two = kit.board("one.dmu"), kit.board("two.dmu")
    window = kit.window(one)
    window.open_path(two)
    window.open_path(one)
    two.unlink()
    window.fill_recent_menu()
    texts = [action.text() for action in window.recent_menu.actions()]
    assert "&1 one.dmu" in texts
    assert not any("two.dmu" in text for text in texts)
    assert kit.settings().value("files/recent") == [str(one.absolute())]


def test_a_refused_file_shows_why_and_keeps_the_current_board(kit: WindowKit) -> None:
    """Opening a file that is not a board shows the reason in a message and changes nothing."""
    path = kit.board("acme.dmu")
    window = kit.window(path)
    junk = kit.root / "notes.dmu"
    junk.write_text("just some notes, not a board")
    shown: list[tuple[str, str]] = []
    window.show_error = lambda title, text: shown.append((title, text))  # type: ignore[method-assign]
    title = window.windowTitle()

    assert not window.open_path(junk)

    assert len(shown) == 1
    assert "notes.dmu" in shown[0][1] and "\n" not in shown[0][1]
    assert window.opened.path == path.absolute()
    assert window.windowTitle() == title
    assert junk.read_text() == "just some notes, not a board"
    assert window.editor.submit(Change(people=(), removed_links=("l1",), label="Delete link"))
    assert "l1" not in board_on_disk(path).links


def _sql(*statements: str) -> Any:
    def craft(path: Path) -> None:
        with contextlib.closing(sqlite3.connect(path)) as connection:
            for statement in statements:
                connection.execute(statement)
            connection.commit()

    return craft


REFUSED = {
    "newer version": (_sql("PRAGMA user_version = 99"), "newer version"),
    "tampered": (_sql("CREATE TRIGGER t AFTER INSERT ON people BEGIN DELETE FROM links; END"), "trigger"),
    # A link to a person who is gone no longer refuses the board: it opens read-only to be
    # repaired (issue 15 point 4, tests/test_repair.py). A field that cannot be read still does.
    "damaged": (_sql("UPDATE people SET roles = 'nobody' WHERE id = 'p1'"), "roles"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_newer_damaged_or_tampered_boards_are_refused_unchanged(kit: WindowKit, case: str) -> None:
    """A board from a newer version, a damaged one and a tampered one are each refused with a
    one-line reason; the file stays byte for byte as it was, and no lock is left beside it."""
    craft, words = REFUSED[case]
    window = kit.window(kit.board("acme.dmu"))
    bad = kit.board("bad.dmu")
    craft(bad)
    before = bad.read_bytes()
    shown: list[str] = []
    window.show_error = lambda title, text: shown.append(text)  # type: ignore[method-assign]
    assert not window.open_path(bad)
    assert len(shown) == 1 and words in shown[0] and "\n" not in shown[0]
    assert bad.read_bytes() == before
    assert not Path(str(bad) + ".lock").exists()
    assert window.opened.path.name == "acme.dmu"


def test_a_second_window_on_the_same_board_is_read_only(kit: WindowKit) -> None:
    """While one window has a board, a second opens it read-only: banner, title, disabled
    inspector, and an edit is refused with a message and leaves the file as it was."""
    path = kit.board("acme.dmu")
    first = kit.window(path)
    second = kit.window(path)
    assert first.opened.read_only_reason is None
    assert second.opened.read_only_reason == OTHER_WINDOW
    assert second.banner.isVisible()
    assert OTHER_WINDOW in second.banner.text()
    assert second.windowTitle().endswith(" [read-only]")
    assert second.inspector.board_page.fields["title"].isReadOnly()
    assert not second.inspector.board_page.fields["purchase_type"].isEnabled()

    second.scene.select(people=["p3"])
    second.action("delete").trigger()
    assert "read-only" in second.statusBar().currentMessage()
    assert "p3" in second.editor.document.board.people
    assert "p3" in board_on_disk(path).people

    first.close()
    third = kit.window(path)
    assert third.opened.read_only_reason is None
    assert not third.banner.isVisible()


def test_opening_a_json_document_offers_a_new_board_file_beside_it(kit: WindowKit) -> None:
    """A .json board document is turned into a new .dmu beside it when the user agrees;
    the .json file stays as it was."""
    from dmuboard.model import jsonformat

    document = kit.root / "deal.json"
    document.write_text(jsonformat.dumps(small_board("From JSON")))
    before = document.read_text()
    window = kit.window(kit.board("acme.dmu"))
    answers = [False, True]
    window.ask_yes_no = lambda title, text: answers.pop(0)  # type: ignore[method-assign]

    assert not window.open_path(document)
    assert window.opened.path.name == "acme.dmu"
    assert window.open_path(document)
    assert window.opened.path == (kit.root / "deal.dmu").absolute()
    assert window.editor.document.board.info.title == "From JSON"
    assert document.read_text() == before


def test_new_board_is_a_real_file_from_the_start(kit: WindowKit, qtbot: Any) -> None:
    """New makes "Untitled board" in the data folder at once; typing its title is kept."""
    window = kit.window(kit.board("acme.dmu"))
    assert window.new_board()
    path = window.opened.path
    assert path == (kit.boards_dir / "Untitled board.dmu").absolute()
    title = window.inspector.board_page.fields["title"]
    title.selectAll()
    qtbot.keyClicks(title, "Globex renewal")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert board_on_disk(path).info.title == "Globex renewal"
    assert window.windowTitle().startswith("Globex renewal — Untitled board.dmu")
    window.new_board()
    assert window.opened.path.name == "Untitled board 2.dmu"


def test_save_a_copy_switches_to_the_copy_and_leaves_the_original(kit: WindowKit) -> None:
    """Save a Copy As writes the copy and the window goes on with it; later edits reach the
    copy only. A .json copy is an export: the window stays on its board."""
    original = kit.board("acme.dmu")
    window = kit.window(original)
    copy = kit.root / "elsewhere" / "acme copy.dmu"
    copy.parent.mkdir()
    window.ask_save_path = lambda suggested: copy  # type: ignore[method-assign]
    assert window.save_copy_dialog()
    assert window.opened.path == copy.absolute()
    assert "copy" in window.statusBar().currentMessage()
    window.scene.select(people=["p3"])
    window.scene.delete_selection()
    assert "p3" not in board_on_disk(copy).people
    assert "p3" in board_on_disk(original).people

    exported = kit.root / "acme.json"
    assert window.save_copy_to(exported)
    assert exported.is_file()
    assert window.opened.path == copy.absolute()


def test_menus_toolbar_and_shortcuts_are_there(kit: WindowKit) -> None:
    """The usual menus, a toolbar, and the shortcuts the issue names (Redo has two)."""
    window = kit.window(kit.board())
    assert set(window.menus) == {"file", "edit", "view", "board", "settings", "help"}
    assert window.toolbar.actions()
    keys = {name: [s.toString() for s in action.shortcuts()] for name, action in window.named_actions().items()}
    assert keys["undo"] == ["Ctrl+Z"]
    assert keys["redo"] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert keys["find"] == ["Ctrl+F"]
    assert keys["fit"] == ["Ctrl+0"]
    assert keys["full_screen"] == ["F11"]
    assert keys["connect"] == ["L"]
    assert QKeySequence(QKeySequence.StandardKey.ZoomIn).toString() in keys["zoom_in"]
    view_menu = [action.text() for action in window.panels_menu.actions()]
    assert {"Palette", "Inspector", "Findings"} <= set(view_menu)


def test_undo_and_redo_actions_follow_the_open_board(kit: WindowKit) -> None:
    """Edit > Undo undoes the last change of the board now open; Redo does it again."""
    path = kit.board()
    window = kit.window(path)
    window.scene.select(people=["p3"])
    window.action("delete").trigger()
    assert "p3" not in board_on_disk(path).people
    assert window.action("undo").isEnabled()
    window.action("undo").trigger()
    assert "p3" in board_on_disk(path).people
    window.action("redo").trigger()
    assert "p3" not in board_on_disk(path).people
    window.open_path(kit.board("other.dmu"))
    assert not window.action("undo").isEnabled()


def test_settings_stay_in_the_test_file(kit: WindowKit) -> None:
    """The window writes to the settings it was given (the test's own file)."""
    window = kit.window(kit.board())
    window.close()
    stored = QSettings(str(kit.root / "settings.ini"), QSettings.Format.IniFormat)
    assert stored.value("files/last") == str((kit.root / "acme.dmu").absolute())
    assert stored.contains("window/geometry")


def test_full_screen_and_back(kit: WindowKit) -> None:
    """F11's action puts the window in full screen and back, and its check mark follows."""
    window = kit.window(kit.board())
    window.action("full_screen").trigger()
    assert window.isFullScreen() and window.action("full_screen").isChecked()
    window.showNormal()
    assert not window.action("full_screen").isChecked()


def test_a_board_file_dropped_on_the_window_opens(kit: WindowKit, qtbot: Any) -> None:
    """Dropping a .dmu file from the file manager onto the window opens that board."""
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    window = kit.window(kit.board("one.dmu"))
    other = kit.board("two.dmu")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(other))])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPointF(50, 50).toPoint(), Qt.DropAction.CopyAction, data, buttons, keys)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, data, buttons, keys))
    qtbot.waitUntil(lambda: window.opened.path == other.absolute())

    text = QMimeData()
    text.setUrls([QUrl.fromLocalFile(str(kit.root / "notes.txt"))])
    refused = QDragEnterEvent(QPointF(50, 50).toPoint(), Qt.DropAction.CopyAction, text, buttons, keys)
    QApplication.sendEvent(window, refused)
    assert not refused.isAccepted()


def test_a_json_document_on_the_command_line_becomes_a_board_file(kit: WindowKit) -> None:
    """`dmuboard deal.json` makes deal.dmu beside it and opens that, saying so."""
    from dmuboard.model import jsonformat

    document = kit.root / "deal.json"
    document.write_text(jsonformat.dumps(small_board("From JSON")))
    window = kit.window(document)
    assert window.opened.path == (kit.root / "deal.dmu").absolute()
    assert "deal.dmu" in window.statusBar().currentMessage()


def test_a_board_reached_through_a_link_is_still_locked(kit: WindowKit) -> None:
    """A second window that reaches the same board through a symbolic link opens it read-only too."""
    path = kit.board("acme.dmu")
    alias = kit.root / "shortcut.dmu"
    alias.symlink_to(path)
    kit.window(path)
    second = kit.window(alias)
    assert second.opened.read_only_reason == OTHER_WINDOW


def test_a_big_board_opens_far_out_and_shows_every_name_once_zoomed_in(kit: WindowKit, qtbot: Any) -> None:
    """A 300-person board opens fitted, too far out to read: cards show no names and lines
    no strength pills. The names are made meanwhile, out of sight, and zooming in shows
    every one of them, and the pills."""
    path = kit.root / "big.dmu"
    write_new(path, generate_board(300, seed=5))
    window = kit.window(path)
    window.resize(1280, 800)
    scene, view = window.scene, window.view
    assert scene is not None and view is not None
    qtbot.waitUntil(lambda: view.zoom() < FAR)  # fitted once shown
    tokens = list(scene.tokens.values())
    relationships = [item for item in scene.links.values() if item.link.kind == "relationship"]

    def shown_parts(item: QGraphicsItem) -> int:
        return sum(1 for child in item.childItems() if child.isVisible())

    qtbot.waitUntil(lambda: all(token.text_made for token in tokens))
    assert not any(token.name_item.isVisible() for token in tokens)
    assert {shown_parts(item) for item in relationships} == {1}  # the line only
    view.zoom_by(1.0 / view.zoom())
    assert all(token.name_item.isVisible() and token.name_item.text() for token in tokens)
    assert {shown_parts(item) for item in relationships} == {4}  # line, pill, its dots
