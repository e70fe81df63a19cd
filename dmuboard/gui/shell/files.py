"""The main window's file commands: start-up, New, Open, Open Recent, Save a Copy As.

Boards are saved as you work, so these never ask "save changes?". A refused file
(not a board, newer, damaged, tampered) is reported in one plain sentence and the
window keeps the board it had. The dialogs are methods (``ask_open_path``,
``ask_save_path``, ``ask_yes_no``, ``show_error``, ``inform``) so tests can answer
them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from dmuboard.boardio import kind_of, write_board
from dmuboard.boardlock import held_elsewhere
from dmuboard.gui.panels.inspector.fields import plain_tooltip
from dmuboard.gui.shell.session import (
    LAST_KEY,
    OpenBoard,
    boards_dir,
    convert_beside,
    make_new_board,
    make_sample_copy,
    open_board,
)
from dmuboard.localfiles import shown
from dmuboard.model.errors import UserError

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMenu

    from dmuboard.gui.common.editor import Editor
    from dmuboard.gui.common.feature import FeatureContext
    from dmuboard.gui.panels.inspector import Inspector
    from dmuboard.gui.shell.session import Recent

BOARD_FILTER = "Boards (*.dmu *.json);;DMU Board files (*.dmu);;Board documents, JSON (*.json);;All files (*)"
COPY_FILTER = "DMU Board file (*.dmu);;Board document, JSON (*.json)"


class WindowFiles(QMainWindow):
    """A main window with the file commands; :class:`~dmuboard.gui.shell.mainwindow.MainWindow`
    builds on it and provides what is declared here."""

    if TYPE_CHECKING:
        settings: QSettings
        recent: Recent
        opened: OpenBoard | None
        context: FeatureContext

        @property
        def editor(self) -> Editor | None: ...
        @property
        def inspector(self) -> Inspector: ...
        @property
        def recent_menu(self) -> QMenu: ...
        def install(self, opened: OpenBoard) -> None: ...
        def release_board(self) -> None: ...
        def say(self, text: str) -> None: ...

    # -- start-up ----------------------------------------------------------------------

    def start(self, file: Path | None) -> None:
        """Open what ``dmuboard [FILE]`` should: FILE, else the last board, else (first
        run) a fresh copy of the sample board. Raises :class:`UserError` when FILE
        cannot be opened."""
        if file is not None:
            path = Path(file)
            if path.suffix.lower() == ".json":
                converted = convert_beside(path)
                self.install(open_board(converted))
                self.say(f"{path.name} was made into a new board file beside it: {converted.name}.")
            else:
                self.install(open_board(path))
                self._say_opened()
            return
        last = self.recent.last()
        if last is not None:
            try:
                self.install(open_board(last))
                self._say_opened()
                return
            except UserError as error:
                problem = f"The last board could not be opened ({error.message}) "
        elif self.settings.contains(LAST_KEY):
            problem = "The last board is no longer there, so "
        else:
            problem = ""
        copy = make_sample_copy()
        self.install(open_board(copy))
        if problem:
            self.say(f"{problem}a fresh copy of the sample board was opened: {copy.name}.")
        else:
            self.say(f"Welcome! This is your own copy of the sample board ({copy.name}); change it freely.")

    def _say_opened(self) -> None:
        if self.opened is None:
            return
        reason = self.opened.read_only_reason
        name = self.opened.path.name
        self.say(f"Opened {name} read-only: {reason}." if reason else f"Opened {name}.")

    # -- New, Open, Open Recent ---------------------------------------------------------

    def new_board(self) -> bool:
        """A new board, already a file in the data folder; its title field gets the keyboard."""
        try:
            path = make_new_board()
            opened = open_board(path)
        except (UserError, OSError) as error:
            self.show_error("New board", _message(error))
            return False
        self.install(opened)
        self.say(f"New board {path.name}, kept safe as you work (in {path.parent}).")
        title = self.inspector.board_page.fields["title"]
        title.setFocus()
        title.selectAll()
        return True

    def open_dialog(self) -> bool:
        path = self.ask_open_path(self._folder())
        return self.open_path(path) if path is not None else False

    def open_path(self, path: Path) -> bool:
        """Open ``path`` in this window; on refusal say why and keep the current board."""
        path = Path(path).absolute()
        if self.opened is not None and path.resolve() == self.opened.path.resolve():
            self.say(f"{path.name} is already open.")
            return True
        if path.is_file() and kind_of(path) == "json":
            question = (f"{path.name} is a board document (JSON). Make a new board file from it, "
                        f"beside it, and open that? {path.name} itself stays as it is.")
            if not self.ask_yes_no("Open a board document", question):
                return False
            try:
                path = convert_beside(path)
            except (UserError, OSError) as error:
                self.show_error("Cannot open the board", _message(error))
                return False
        try:
            opened = open_board(path)
        except (UserError, OSError) as error:
            self.show_error("Cannot open the board", _message(error))
            return False
        self.install(opened)
        self._say_opened()
        return True

    def repair_board(self) -> None:
        """Show the smallest fix for a board that breaks a rule, and make it if the user
        agrees: a copy of the file as it was is kept beside it, then the board is opened
        again, now whole and writable."""
        opened = self.opened
        if opened is None or opened.store.repair is None or opened.store.original is None:
            return
        repair = opened.store.repair
        backup = _free_name(opened.path.with_name(f"{opened.path.stem} (before repair){opened.path.suffix}"))
        question = (f"{opened.path.name} breaks a rule: {repair.problem}.\n\n"
                    f"Repair removes from the file:\n{repair.describe(opened.store.original)}\n\n"
                    f"Nothing else changes. The board as it is now is kept as {backup.name}, "
                    "so the repair can be undone by opening that copy. Repair the board?")
        if not self.ask_yes_no("Repair the board", question):
            return
        path = opened.path
        try:
            opened.store.apply_repair(backup)
        except (UserError, OSError) as error:
            self.show_error("Cannot repair the board", _message(error))
            return
        self.release_board()
        try:
            self.install(open_board(path))
        except (UserError, OSError) as error:
            self.show_error("Cannot open the board", _message(error))
            return
        removed = len(repair.removed)
        self.say(f"Repaired {path.name}: {removed} link{'s' if removed > 1 else ''} removed; "
                 f"the board as it was is kept as {backup.name}.")

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.recent.files()  # files that are gone are dropped here
        for number, path in enumerate(files, 1):
            label = path.name.replace("&", "&&")
            action = menu.addAction(f"&{number} {label}" if number < 10 else label)
            action.setToolTip(plain_tooltip(str(path)))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, path=path: self.open_path(path))
        if not files:
            menu.addAction("No recent boards").setEnabled(False)
            return
        menu.addSeparator()
        menu.addAction("Clear Menu").triggered.connect(self.recent.clear)

    # -- Save a Copy As -----------------------------------------------------------------

    def save_copy_dialog(self) -> bool:
        if self.opened is None:
            return False
        folder = self.opened.path.parent
        if not os.access(folder, os.W_OK):
            folder = boards_dir()
        path = self.ask_save_path(folder / f"{self.opened.path.stem} copy.dmu")
        return self.save_copy_to(path) if path is not None else False

    def save_copy_to(self, path: Path) -> bool:
        """Write a copy of the board to ``path``. A .dmu copy becomes the board you work
        on (the original stays as it was); a .json copy is an export and you stay put."""
        if self.opened is None or self.editor is None:
            return False
        path = Path(path).absolute()
        if not path.suffix:
            path = path.with_suffix(".dmu")
        suffix = path.suffix.lower()
        if suffix not in (".dmu", ".json"):
            self.show_error("Save a copy", f"{path.name}: a copy must end in .dmu or .json.")
            return False
        if path.resolve() == self.opened.path.resolve():
            self.say(f"{path.name} is this board's own file, and it is already saved.")
            return False
        self.context.flush_typing()
        original = self.opened.path.name
        try:
            if suffix == ".json":
                write_board(path, self.editor.document.board, force=True)
                self.say(f"Saved a copy as {path.name}. You are still working on {original}.")
                return True
            if _held_elsewhere(path):
                raise UserError(f"{path.name} is open in another DMU Board window; close it there first.")
            self.opened.store.save_copy(path)
            opened: OpenBoard = open_board(path)
        except (UserError, OSError) as error:
            self.show_error("Save a copy", _message(error))
            return False
        self.install(opened)
        self.say(f"Saved a copy as {path.name}; you are now working on the copy. {original} stays as it was.")
        return True

    # -- dialogs (tests answer these) -------------------------------------------------

    def _folder(self) -> Path:
        return self.opened.path.parent if self.opened is not None else boards_dir()

    def ask_open_path(self, folder: Path) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, "Open a board", str(folder), BOARD_FILTER)
        return Path(name) if name else None

    def ask_save_path(self, suggested: Path) -> Path | None:
        name, chosen = QFileDialog.getSaveFileName(self, "Save a copy as", str(suggested), COPY_FILTER)
        if not name:
            return None
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".json" if "json" in chosen else ".dmu")
        return path

    def ask_yes_no(self, title: str, text: str) -> bool:
        box = _box(self, QMessageBox.Icon.Question, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        return box.exec() == QMessageBox.StandardButton.Yes

    def show_error(self, title: str, text: str) -> None:
        self.say(text)
        _box(self, QMessageBox.Icon.Warning, title, text).exec()

    def inform(self, title: str, text: str) -> None:
        _box(self, QMessageBox.Icon.Information, title, text).exec()


def _box(parent: QWidget, kind: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(kind, shown(title), shown(text), QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names and reasons are shown as they are
    return box


def _message(error: BaseException) -> str:
    if isinstance(error, UserError):
        return error.message
    if isinstance(error, OSError):
        name = Path(error.filename).name if error.filename else "the file"
        return f"{name}: {error.strerror or error}."
    return str(error)


def _free_name(path: Path) -> Path:
    """``path``, or ``path`` with a number added, whichever does not exist yet."""
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} {number}{path.suffix}")
        number += 1
    return candidate


def _held_elsewhere(path: Path) -> bool:
    """Is ``path`` a board another DMU Board window has open (so must not be replaced)?"""
    return held_elsewhere(path)
