"""The portfolio in the window: the start page when no board is open, View > Portfolio
as a window of its own, Settings > DMU Profile, and following every change.

``add_portfolio(window)`` is the one hook in the main window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from dmuboard.gui.portfolio.export import write_csv, write_pdf
from dmuboard.gui.portfolio.library import Library
from dmuboard.gui.portfolio.page import PortfolioPage
from dmuboard.gui.portfolio.profile_dialog import ProfileDialog
from dmuboard.gui.portfolio.views import closed_groups
from dmuboard.gui.session import open_board
from dmuboard.model.errors import UserError
from dmuboard.portfolio.people import name_key

if TYPE_CHECKING:
    from dmuboard.gui.mainwindow import MainWindow


class PortfolioFeature:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.library = Library(window.settings, window)
        self.start_page = self._page(None)
        self.separate: QWidget | None = None
        # The start page takes the place of "No board is open": the window shows and hides it as before.
        layout = window.central_layout
        index = layout.indexOf(window.placeholder)
        layout.removeWidget(window.placeholder)
        window.placeholder.hide()
        window.placeholder.deleteLater()
        layout.insertWidget(index, self.start_page, 1)
        window.placeholder = self.start_page  # type: ignore[assignment]
        window.board_opened.connect(self._board_opened)
        self._actions()
        self.library.refresh()

    def _page(self, parent: QWidget | None) -> PortfolioPage:
        page = PortfolioPage(self.library, parent)
        page.open_requested.connect(self.open_account)
        page.profile_requested.connect(self.edit_profile)
        page.export_requested.connect(self.export)
        return page

    def _actions(self) -> None:
        window = self.window
        show = QAction("&Portfolio", window)
        show.setObjectName("portfolio")
        show.setShortcut(QKeySequence("Ctrl+Shift+O"))
        show.setStatusTip("Every board of the library on one screen")
        show.triggered.connect(self.show_window)
        profile = QAction("DMU &Profile…", window)
        profile.setObjectName("dmu_profile")
        profile.triggered.connect(self.edit_profile)
        add = QAction("Add Board to Library", window)
        add.setObjectName("add_to_library")
        add.triggered.connect(self.add_open_board)
        edit_closed = QAction("Edit Closed Deal", window)
        edit_closed.setObjectName("edit_closed")
        edit_closed.triggered.connect(self.edit_closed)
        folders = QAction("Library &Folders…", window)
        folders.setObjectName("library_folders")
        folders.triggered.connect(self.add_folder)
        for action in (show, profile, add, edit_closed, folders):
            window.actions[action.objectName()] = action
        window.menus["view"].addAction(show)
        window.menus["board"].addActions([add, edit_closed])
        settings = QMenu("&Settings", window)
        window.menuBar().insertMenu(window.menus["help"].menuAction(), settings)
        settings.addActions([profile, folders])
        window.menus["settings"] = settings

    # -- following the open board ------------------------------------------------------

    def _board_opened(self) -> None:
        editor, opened = self.window.editor, self.window.opened
        if editor is not None and opened is not None:
            path = str(opened.path)
            editor.changed.connect(lambda _change: self.library.file_changed(path))

    # -- actions -----------------------------------------------------------------------

    def show_window(self) -> None:
        if self.separate is None:
            self.separate = self._page(None)
            self.separate.setWindowTitle("Portfolio — DMU Board")
            self.separate.resize(1300, 700)
        self.library.refresh()
        self.separate.show()
        self.separate.raise_()
        self.separate.activateWindow()

    def open_account(self, path: Path, our_person: str) -> None:
        window = self.window
        if not window.open_path(path):
            return
        if our_person and window.editor is not None and window.scene is not None:
            key = name_key(our_person)
            ids = [p.id for p in window.editor.document.board.ours() if name_key(p.name) == key]
            window.scene.select(people=ids)

    def edit_profile(self) -> None:
        dialog = ProfileDialog(self.library.profile or (), closed_groups(self.library.rows)["won"], self.window)
        if dialog.exec():
            try:
                self.library.save_profile(dialog.entries)
            except UserError as error:
                self.window.show_error("Cannot save the DMU profile", error.message)

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.window, "Export the portfolio", str(self.library.home /
                                              "portfolio.pdf"), "PDF (*.pdf);;CSV (*.csv)")
        if not name:
            return
        path = Path(name)
        try:
            if path.suffix.lower() == ".csv":
                write_csv(path, self.library.rows)
            else:
                write_pdf(path.with_suffix(".pdf") if path.suffix.lower() != ".pdf" else path, self.library.rows)
        except (UserError, OSError) as error:
            self.window.show_error("Cannot export the portfolio", getattr(error, "message", None) or str(error))
            return
        self.window.say(f"The portfolio is in {path.name}.")

    def add_open_board(self) -> None:
        if self.window.opened is not None:
            self.library.add_board(self.window.opened.path)
            self.window.say(f"{self.window.opened.path.name} is in the library now.")

    def add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Add a folder of boards to the library")
        if folder:
            self.library.set_folders([*self.library.folders(), Path(folder)])

    def edit_closed(self) -> None:
        window = self.window
        opened = window.opened
        if opened is None or window.editor is None or not window.editor.document.board.info.closed:
            window.say("Only the board of a closed deal opens read-only for being closed.")
            return
        path = opened.path
        window.release_board()
        try:
            window.install(open_board(path, edit_closed=True))
        except UserError as error:
            window.show_error("Cannot open the board", error.message)


def add_portfolio(window: MainWindow) -> PortfolioFeature:
    return PortfolioFeature(window)
