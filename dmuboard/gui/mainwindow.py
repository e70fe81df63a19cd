"""The main window: the canvas in the middle, the palette, the inspector, the findings
panel, a find bar and a status bar.

The window holds one open board at a time (:class:`~dmuboard.gui.session.OpenBoard`)
with its editor, scene and view. Opening another board first opens it, and only
when that worked lets go of the old one, so a refused file leaves the window as it
was. Every change is already on disk, so closing has nothing to save: it releases
the lock and closes the store. File commands live in :mod:`.window_files`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QUndoGroup
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMenu, QToolBar, QVBoxLayout, QWidget

from dmuboard import __version__
from dmuboard.gui.banner import ReadOnlyBanner
from dmuboard.gui.canvas.scene import BoardScene
from dmuboard.gui.canvas.view import BoardView
from dmuboard.gui.editor import Editor
from dmuboard.gui.export.actions import add_export_actions
from dmuboard.gui.findbar import FindBar
from dmuboard.gui.findings import add_findings_panel
from dmuboard.gui.firstpaint import after_first_paint
from dmuboard.gui.import_wizard import add_data_actions
from dmuboard.gui.inspector import Inspector
from dmuboard.gui.palette import Palette
from dmuboard.gui.portfolio import add_portfolio
from dmuboard.gui.present import add_presentation
from dmuboard.gui.session import OpenBoard, Recent, boards_dir
from dmuboard.gui.window_actions import build_actions, panel_actions
from dmuboard.gui.window_files import WindowFiles
from dmuboard.model.document import Change

APP_NAME = "DMU Board"


class MainWindow(WindowFiles):
    """One window on one board."""

    board_opened = Signal()  # a board was put in the window: editor, scene and view are new

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.recent = Recent(settings)
        self.opened: OpenBoard | None = None
        self.editor: Editor | None = None
        self.scene: BoardScene | None = None
        self.view: BoardView | None = None
        # Named actions for every part of the program (this hides QWidget.actions(), on purpose).
        self.actions: dict[str, QAction] = {}  # type: ignore[assignment]
        self.menus: dict[str, QMenu] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.toolbar: QToolBar
        self.recent_menu: QMenu
        self.panels_menu: QMenu
        self.undo_group = QUndoGroup(self)
        self.setWindowTitle(APP_NAME)
        self.setDockNestingEnabled(True)
        self.setAcceptDrops(True)  # a .dmu or .json file dropped on the window opens it

        central = QWidget(self)
        self.central_layout = QVBoxLayout(central)
        self.central_layout.setContentsMargins(0, 0, 0, 0)
        self.central_layout.setSpacing(0)
        self.banner = ReadOnlyBanner(central)
        self.central_layout.addWidget(self.banner)
        self.placeholder = QLabel("No board is open.", central)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.central_layout.addWidget(self.placeholder, 1)
        self.findbar = FindBar(central)
        self.central_layout.addWidget(self.findbar)
        self.setCentralWidget(central)

        self.token_palette = Palette()
        self.token_palette.activated.connect(self.add_token_in_view)
        self.inspector = Inspector()
        findings = QLabel("The board's findings appear here.")
        findings.setAlignment(Qt.AlignmentFlag.AlignCenter)
        findings.setWordWrap(True)
        self._dock("palette", "Palette", self.token_palette, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock("inspector", "Inspector", self.inspector, Qt.DockWidgetArea.RightDockWidgetArea)
        self._dock("findings", "Findings", findings, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)

        self.counts = QLabel(self)
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.counts)
        build_actions(self)
        panel_actions(self, self.panels_menu)
        add_data_actions(self)
        self.findings = add_findings_panel(self)
        add_export_actions(self)
        self.presentation = add_presentation(self)
        self.portfolio = add_portfolio(self)
        self.actions["snap"].setChecked(bool(self.settings.value("board/snap", False, type=bool)))
        self.restore_layout()

    # -- panels and layout -------------------------------------------------------------

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{name}Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[name] = dock
        return dock

    @property
    def findings_dock(self) -> QDockWidget:
        """The findings panel; the analysis fills it with ``setWidget``."""
        return self.docks["findings"]

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
            self.resizeDocks([self.docks["palette"], self.docks["inspector"]], [190, 320],
                             Qt.Orientation.Horizontal)
            self.resizeDocks([self.docks["findings"]], [130], Qt.Orientation.Vertical)

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
        self.opened, self.editor, self.scene, self.view = opened, editor, scene, view
        self.placeholder.hide()
        self.central_layout.insertWidget(1, view, 1)
        self.undo_group.addStack(editor.undo_stack)
        self.undo_group.setActiveStack(editor.undo_stack)
        editor.message.connect(self.say)
        scene.message.connect(self.say)
        editor.changed.connect(self._model_changed)
        scene.selectionChanged.connect(self._selection_changed)
        scene.set_snap_to_grid(self.actions["snap"].isChecked())
        scene.set_connect_mode(self.actions["connect"].isChecked())
        self.inspector.set_editor(editor)
        self.findbar.bind(editor, scene, view)
        self.banner.show_reason(opened.read_only_reason)
        self.recent.add(opened.path)
        self.update_title()
        self.update_counts()
        view.setFocus()
        QTimer.singleShot(0, view, view.fit)  # once the window has its size
        after_first_paint(view.viewport(), lambda: self._prepare_writing(opened))
        after_first_paint(view.viewport(), scene.prepare_near_parts)
        self.board_opened.emit()

    def _prepare_writing(self, opened: OpenBoard) -> None:
        """Once the board is on screen: make the first change as quick as the next ones."""
        if self.opened is opened:
            opened.store.prepare_writing()

    def release_board(self) -> None:
        """Let go of the open board: pending inspector text is kept first, then the lock
        and the file are released. Nothing needs saving."""
        if self.opened is None:
            return
        self.inspector.set_editor(None)  # commits what is typed but not yet committed
        self.findbar.bind(None, None, None)
        if self.editor is not None:
            self.undo_group.removeStack(self.editor.undo_stack)
            self.editor.close()
        if self.view is not None:
            self.central_layout.removeWidget(self.view)
            self.view.setParent(None)
            self.view.deleteLater()
        if self.scene is not None:
            self.scene.deleteLater()
        if self.editor is not None:
            self.editor.deleteLater()
        self.opened.close()
        self.opened, self.editor, self.scene, self.view = None, None, None, None
        self.placeholder.show()
        self.banner.show_reason(None)
        self.update_title()
        self.update_counts()

    def _model_changed(self, change: Change) -> None:
        if change.info is not None:
            self.update_title()
        if change.people or change.removed_people or change.links or change.removed_links:
            self.update_counts()

    def _selection_changed(self) -> None:
        if self.scene is not None:
            self.inspector.show_selection(self.scene.selected_people(), self.scene.selected_links())

    def update_title(self) -> None:
        """"<board title> — <file name> — DMU Board", and " [read-only]" when it is."""
        if self.opened is None or self.editor is None:
            self.setWindowTitle(APP_NAME)
            return
        title = f"{self.editor.document.board.info.title} — {self.opened.path.name} — {APP_NAME}"
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
        self.statusBar().showMessage(text, 10000)

    # -- board actions -----------------------------------------------------------------

    def set_snap_to_grid(self, on: bool) -> None:
        self.settings.setValue("board/snap", on)
        if self.scene is not None:
            self.scene.set_snap_to_grid(on)

    def set_connect_mode(self, on: bool) -> None:
        if self.scene is not None:
            self.scene.set_connect_mode(on)

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
            named = self.actions if isinstance(self.actions, dict) else {}  # not yet made: Qt's method
            action = named.get("full_screen")
            if action is not None:
                action.blockSignals(True)
                action.setChecked(self.isFullScreen())
                action.blockSignals(False)
        super().changeEvent(event)

    def add_token_in_view(self, side: str, role: str | None) -> None:
        """A palette token double-clicked: a new person in the middle of the view."""
        if self.scene is None or self.view is None:
            return
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        pid = self.scene.add_person_at(centre, side, role)
        if pid is not None:
            self.scene.select(people=[pid])

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
