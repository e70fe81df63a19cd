"""The main window's parts as the features, the file commands and the tests reach them:
actions and menus by id, docks, the features, the open board.

:class:`~dmuboard.gui.shell.mainwindow.MainWindow` builds on this and makes what is
declared here; it implements the :class:`~dmuboard.gui.common.feature.Host` the
feature context asks for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QToolBar, QWidget

from dmuboard.gui.common.feature import F
from dmuboard.gui.panels.findbar import FindBar, FindFeature
from dmuboard.gui.panels.findings import FindingsFeature, FindingsPanel
from dmuboard.gui.panels.inspector import Inspector
from dmuboard.gui.panels.inspector.feature import InspectorFeature
from dmuboard.gui.panels.palette import Palette
from dmuboard.gui.present import Presentation
from dmuboard.gui.shell.files import WindowFiles
from dmuboard.gui.shell.menus import MENUS

if TYPE_CHECKING:
    from dmuboard.gui.canvas.scene import BoardScene
    from dmuboard.gui.canvas.view import BoardView
    from dmuboard.gui.common.editor import Editor
    from dmuboard.gui.common.feature import FeatureContext
    from dmuboard.gui.shell.docks import Docks
    from dmuboard.gui.shell.menus import Placer


class WindowParts(WindowFiles):
    """The parts of a main window, by id."""

    if TYPE_CHECKING:
        context: FeatureContext
        placer: Placer
        docks_of: Docks
        toolbar: QToolBar
        _bars: list[QWidget]

    def action(self, name: str) -> QAction:
        """The window's action called ``name`` (its id)."""
        return self.placer.actions[name]

    def named_actions(self) -> dict[str, QAction]:
        """Every action of the window and its features, by id."""
        return dict(self.placer.actions)

    def menu(self, name: str) -> QMenu:
        return self.placer.menus[name]

    @property
    def menus(self) -> dict[str, QMenu]:
        """The menu bar's menus by id: "file", "edit", "view", "board", "help" (submenus: :meth:`menu`)."""
        return {name: self.placer.menus[name] for name, _text in MENUS}

    @property
    def recent_menu(self) -> QMenu:
        return self.placer.menus["file/recent"]

    @property
    def panels_menu(self) -> QMenu:
        return self.placer.menus["view/panels"]

    @property
    def docks(self) -> dict[str, QDockWidget]:
        return self.docks_of.docks

    def dock(self, name: str) -> QDockWidget:
        return self.docks_of.docks[name]

    def dock_content(self, name: str) -> QWidget:
        return self.docks_of.content(name)

    def chrome(self) -> list[QWidget]:
        parts: list[QWidget] = [self.menuBar(), self.statusBar(), *self._bars, self.toolbar]
        return parts + list(self.docks_of.docks.values())

    def feature(self, kind: type[F]) -> F:
        return self.context.feature(kind)

    @property
    def findings_dock(self) -> QDockWidget:
        return self.dock("findings")

    @property
    def findings(self) -> FindingsPanel:
        return self.feature(FindingsFeature).panel

    @property
    def inspector(self) -> Inspector:
        return self.feature(InspectorFeature).inspector

    @property
    def findbar(self) -> FindBar:
        return self.feature(FindFeature).bar

    @property
    def token_palette(self) -> Palette:
        palette = self.dock_content("palette")
        assert isinstance(palette, Palette)
        return palette

    @property
    def presentation(self) -> Presentation:
        return self.feature(Presentation)

    @property
    def editor(self) -> Editor | None:
        return self.context.editor

    @property
    def scene(self) -> BoardScene | None:
        return self.context.scene

    @property
    def view(self) -> BoardView | None:
        return self.context.view

    def dialog_parent(self) -> QWidget:
        return self
