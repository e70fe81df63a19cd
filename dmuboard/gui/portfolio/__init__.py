"""The portfolio in the window: the start page when no board is open, View > Portfolio
as a window of its own, Settings > DMU Profile, and following every change.

:class:`PortfolioFeature` is a feature of the window (``dmuboard.gui.shell.features``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from dmuboard.gui.common.feature import ActionSpec, Feature, FeatureContext, MenuSpec
from dmuboard.gui.portfolio.export import write_csv, write_pdf
from dmuboard.gui.portfolio.library import Library
from dmuboard.gui.portfolio.page import PortfolioPage
from dmuboard.gui.portfolio.profile_dialog import ProfileDialog
from dmuboard.gui.portfolio.views import closed_groups
from dmuboard.model.errors import UserError
from dmuboard.portfolio.people import name_key


class PortfolioFeature(Feature):
    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context)
        self.library = Library(context.settings, context.window)
        self.start_page = self._page(None)
        self.separate: QWidget | None = None
        context.boardChanged.connect(self._board_changed)

    def actions(self) -> Sequence[ActionSpec | MenuSpec]:
        return (
            ActionSpec("portfolio", "&Portfolio", self.show_window, "view", "4_portfolio", 10,
                       ("Ctrl+Shift+O",), tip="Every board of the library on one screen"),
            ActionSpec("add_to_library", "Add Board to Library", self.add_open_board, "board", "6_library", 10),
            ActionSpec("edit_closed", "Edit Closed Deal", self.edit_closed, "board", "6_library", 20),
            ActionSpec("dmu_profile", "DMU &Profile…", self.edit_profile, "settings", "1_library", 10),
            ActionSpec("library_folders", "Library &Folders…", self.add_folder, "settings", "1_library", 20),
        )

    def placed(self) -> None:
        # The start page takes the place of "No board is open": the window shows and hides it as before.
        self.context.set_start_page(self.start_page)
        self.library.refresh()

    def _page(self, parent: QWidget | None) -> PortfolioPage:
        page = PortfolioPage(self.library, parent)
        page.open_requested.connect(self.open_account)
        page.profile_requested.connect(self.edit_profile)
        page.export_requested.connect(self.export)
        return page

    # -- following the open board ------------------------------------------------------

    def _board_changed(self) -> None:
        editor, path = self.context.editor, self.context.path
        if editor is not None and path is not None:
            name = str(path)
            editor.changed.connect(lambda _change: self.library.file_changed(name))

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
        context = self.context
        if not context.open_path(path):
            return
        if our_person and context.editor is not None and context.scene is not None:
            key = name_key(our_person)
            ids = [p.id for p in context.editor.document.board.ours() if name_key(p.name) == key]
            context.scene.select(people=ids)

    def edit_profile(self) -> None:
        dialog = ProfileDialog(self.library.profile or (), closed_groups(self.library.rows)["won"],
                               self.context.dialog_parent())
        if dialog.exec():
            try:
                self.library.save_profile(dialog.entries)
            except UserError as error:
                self.context.show_error("Cannot save the DMU profile", error.message)

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.context.dialog_parent(), "Export the portfolio",
                                              str(self.library.home / "portfolio.pdf"), "PDF (*.pdf);;CSV (*.csv)")
        if not name:
            return
        path = Path(name)
        try:
            if path.suffix.lower() == ".csv":
                write_csv(path, self.library.rows)
            else:
                write_pdf(path.with_suffix(".pdf") if path.suffix.lower() != ".pdf" else path, self.library.rows)
        except (UserError, OSError) as error:
            self.context.show_error("Cannot export the portfolio", getattr(error, "message", None) or str(error))
            return
        self.context.say(f"The portfolio is in {path.name}.")

    def add_open_board(self) -> None:
        path = self.context.path
        if path is not None:
            self.library.add_board(path)
            self.context.say(f"{path.name} is in the library now.")

    def add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.context.dialog_parent(), "Add a folder of boards to the library")
        if folder:
            self.library.set_folders([*self.library.folders(), Path(folder)])

    def edit_closed(self) -> None:
        editor = self.context.editor
        if editor is None or not editor.document.board.info.closed:
            self.context.say("Only the board of a closed deal opens read-only for being closed.")
            return
        self.context.reopen_editable()
