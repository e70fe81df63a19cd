"""The main window: the canvas in the middle, the palette, the inspector, the findings
panel, a find bar and a status bar.

The window holds one open board at a time (:class:`~dmuboard.gui.shell.session.OpenBoard`)
with its editor, scene and view. Opening another board first opens it, and only
when that worked lets go of the old one, so a refused file leaves the window as it
was. Every change is already on disk, so closing has nothing to save: it releases
the lock and closes the store. File commands live in :mod:`.files`;
the features (:mod:`.features`) bring the rest, through a
:class:`~dmuboard.gui.common.feature.FeatureContext`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoGroup
from PySide6.QtWidgets import QApplication, QLabel, QToolBar, QVBoxLayout, QWidget

from dmuboard import __version__
from dmuboard.gui.canvas.scene import BoardScene
from dmuboard.gui.canvas.view import BoardView
from dmuboard.gui.common.editor import Editor
from dmuboard.gui.common.feature import Feature, FeatureContext
from dmuboard.gui.common.firstpaint import after_first_paint
from dmuboard.gui.shell.banner import ReadOnlyBanner
from dmuboard.gui.shell.docks import Docks
from dmuboard.gui.shell.features import make_features
from dmuboard.gui.shell.menus import Placer, panel_actions, window_actions
from dmuboard.gui.shell.parts import WindowParts
from dmuboard.gui.shell.session import OpenBoard, Recent, boards_dir, open_board
from dmuboard.localfiles import shown
from dmuboard.model.document import Change
from dmuboard.model.errors import UserError

APP_NAME = "DMU Board"


class MainWindow(WindowParts):
    """One window on one board."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.recent = Recent(settings)
        self.opened: OpenBoard | None = None
        self.undo_group = QUndoGroup(self)
        self.context = FeatureContext(self, self, settings)
        self.setWindowTitle(APP_NAME)
        self.setDockNestingEnabled(True)
        self.setAcceptDrops(True)  # a .dmu or .json file dropped on the window opens it

        central = QWidget(self)
        self.central_layout = QVBoxLayout(central)
        self.central_layout.setContentsMargins(0, 0, 0, 0)
        self.central_layout.setSpacing(0)
        self.banner = ReadOnlyBanner(central)
        self.central_layout.addWidget(self.banner)
        self.banner.repair_button.clicked.connect(self.repair_board)
        self.placeholder: QWidget = QLabel("No board is open.", central)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.central_layout.addWidget(self.placeholder, 1)
        self.setCentralWidget(central)

        self.features: list[Feature] = make_features(self.context)
        self._bars: list[QWidget] = []
        self._instead_of_canvas: QWidget | None = None
        above = 0
        for feature in self.features:
            for bar in feature.bars_above():  # over the read-only banner, in the features' order
                self.central_layout.insertWidget(above, bar)
                above += 1
            for bar in feature.bars():
                self.central_layout.addWidget(bar)
                self._bars.append(bar)
        self.docks_of = Docks(self)
        self.docks_of.add([spec for feature in self.features for spec in feature.docks()])
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)

        self.counts = QLabel(self)
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.counts)
        self.placer = Placer(self)
        self.placer.add(window_actions(self, self.undo_group))
        for feature in self.features:
            self.placer.add(feature.actions())
        self.toolbar: QToolBar = self.placer.build()
        panel_actions(self.menu("view/panels"), self.docks_of.docks.values(), self.toolbar)
        for feature in self.features:
            feature.placed()
        self.restore_layout()

    # -- panels and layout -------------------------------------------------------------

    def restore_layout(self) -> None:
        """Window size, position and panels as the user left them (a sensible start otherwise)."""
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = QApplication.primaryScreen()
            available = screen.availableGeometry() if screen is not None else None
            width = min(1400, available.width() - 40) if available is not None else 1280
            height = min(900, available.height() - 60) if available is not None else 800
            self.resize(max(width, 800), max(height, 560))
        state = self.settings.value("window/state")
        if state is None or not self.restoreState(state):
            self.docks_of.first_sizes()

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()

    # -- the open board --------------------------------------------------------------

    def install(self, opened: OpenBoard) -> None:
        """Put ``opened`` in the window, letting go of the board that was there."""
        self.release_board()
        editor = Editor(opened.store.document(), self)
        scene = BoardScene(editor, near=None)  # the view's fit decides, before the first paint
        view = BoardView(scene)
        self.opened = opened
        self.placeholder.hide()
        self.central_layout.insertWidget(self.central_layout.indexOf(self.placeholder), view, 1)
        self.undo_group.addStack(editor.undo_stack)
        self.undo_group.setActiveStack(editor.undo_stack)
        editor.message.connect(self.say)
        scene.message.connect(self.say)
        editor.changed.connect(self._model_changed)
        self.context.set_board(editor, scene, view, opened.path, opened.store)
        self.banner.show_reason(opened.read_only_reason)
        self.banner.offer_repair(opened.store.can_repair)
        self.recent.add(opened.path, sync=False)  # the settings file is written after the first paint
        self.update_title()
        self.update_counts()
        view.setFocus()
        QTimer.singleShot(0, view, view.fit)  # once the window has its size
        after_first_paint(view.viewport(), lambda: self._prepare_writing(opened))
        after_first_paint(view.viewport(), scene.prepare_near_parts)
        after_first_paint(view.viewport(), self.recent.sync)

    def show_instead_of_canvas(self, widget: QWidget | None) -> None:
        """Show ``widget`` in the canvas's place, the canvas hidden (None: the canvas again)."""
        if self._instead_of_canvas is not None:
            self.central_layout.removeWidget(self._instead_of_canvas)
        self._instead_of_canvas = widget
        live = self.view
        if widget is not None:
            place = self.central_layout.indexOf(live if live is not None else self.placeholder)
            self.central_layout.insertWidget(place, widget, 1)
            widget.show()
            if live is not None:
                live.hide()
        elif live is not None:
            live.show()
            live.setFocus()

    def set_start_page(self, widget: QWidget) -> None:
        """``widget`` takes the place of "No board is open": shown while no board is."""
        index = self.central_layout.indexOf(self.placeholder)
        self.central_layout.removeWidget(self.placeholder)
        self.placeholder.hide()
        self.placeholder.deleteLater()
        self.central_layout.insertWidget(index, widget, 1)
        self.placeholder = widget
        widget.setVisible(self.opened is None)

    def reopen_editable(self) -> None:
        """Open the open board again, editable although its deal is closed."""
        if self.opened is None:
            return
        path = self.opened.path
        self.release_board()
        try:
            self.install(open_board(path, edit_closed=True))
        except UserError as error:
            self.show_error("Cannot open the board", error.message)

    def _prepare_writing(self, opened: OpenBoard) -> None:
        """Once the board is on screen: make the first change as quick as the next ones."""
        if self.opened is opened:
            opened.store.prepare_writing()

    def release_board(self) -> None:
        """Let go of the open board: pending inspector text is kept first, then the lock
        and the file are released. Nothing needs saving."""
        if self.opened is None:
            return
        editor, scene, view = self.editor, self.scene, self.view
        self.context.set_board(None, None, None)  # the inspector commits what is typed but not yet committed
        if editor is not None:
            self.undo_group.removeStack(editor.undo_stack)
            editor.close()
        if view is not None:
            self.central_layout.removeWidget(view)
            view.setParent(None)
            view.deleteLater()
        if scene is not None:
            scene.deleteLater()
        if editor is not None:
            editor.deleteLater()
        self.opened.close()
        self.opened = None
        self.placeholder.show()
        self.banner.show_reason(None)
        self.update_title()
        self.update_counts()

    def _model_changed(self, change: Change) -> None:
        if change.info is not None:
            self.update_title()
        if change.people or change.removed_people or change.links or change.removed_links:
            self.update_counts()

    def update_title(self) -> None:
        """"<board title> — <file name> — DMU Board", and " [read-only]" when it is."""
        if self.opened is None or self.editor is None:
            self.setWindowTitle(APP_NAME)
            return
        title = f"{self.editor.document.board.info.title} — {shown(self.opened.path.name)} — {APP_NAME}"
        if self.opened.read_only_reason is not None:
            title += " [read-only]"
        self.setWindowTitle(title)

    def update_counts(self) -> None:
        if self.editor is None:
            self.counts.setText("")
            return
        board = self.editor.document.board
        theirs, ours = len(board.customers()), len(board.ours())
        links = len(board.links)
        self.counts.setText(f"{theirs} theirs · {ours} ours · {links} link{'s' if links != 1 else ''}")

    def say(self, text: str) -> None:
        """A sentence in the status bar (long enough to read)."""
        self.context.status.say(shown(text))  # a file name that is not UTF-8, readable

    # -- board actions -----------------------------------------------------------------

    def start_presentation(self) -> None:
        """Presentation mode from the start (`dmuboard FILE --present`): full screen for a projector."""
        self.presentation.start()

    def set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.WindowStateChange:  # full screen left by other means too
            placer = getattr(self, "placer", None)  # None while the window is being made
            action = placer.actions.get("full_screen") if placer is not None else None
            if action is not None:
                action.blockSignals(True)
                action.setChecked(self.isFullScreen())
                action.blockSignals(False)
        super().changeEvent(event)

    def about(self) -> None:
        self.inform(
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\nLay out a customer's buying committee (DMU) opposite your own "
            "team, and see what the layout hides: who you do not know, who decides, who blocks.\n\n"
            f"Boards are saved as you work. New boards are kept in {boards_dir()}.",
        )

    def quit_app(self) -> None:
        QApplication.closeAllWindows()

    # -- board files dropped on the window ------------------------------------------------

    @staticmethod
    def _dropped_board(event: QDropEvent | QDragEnterEvent) -> Path | None:
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile()) if url.isLocalFile() else None
            if path is not None and path.suffix.lower() in (".dmu", ".json"):
                return path
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_board(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_board(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        QTimer.singleShot(0, self, lambda: self.open_path(path))  # not inside the drag's own loop

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.release_board()
        event.accept()
