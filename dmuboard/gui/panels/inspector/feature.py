"""The inspector's dock: it follows the selection of the open board's canvas."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from dmuboard.gui.common.feature import DockSpec, Feature, FeatureContext
from dmuboard.gui.panels.inspector import Inspector


class InspectorFeature(Feature):
    """The inspector (made at once: a new board's title field gets the keyboard)."""

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context)
        self.inspector = Inspector()
        context.boardChanged.connect(self._board_changed)
        context.flushRequested.connect(self.inspector.current_page_flush)

    def docks(self) -> Sequence[DockSpec]:
        return (DockSpec("inspector", "Inspector", lambda: self.inspector, Qt.DockWidgetArea.RightDockWidgetArea,
                         order=20, lazy=False, size=320),)

    def _board_changed(self) -> None:
        self.inspector.set_editor(self.context.editor)  # the old board's pending text is committed first
        scene = self.context.scene
        if scene is not None:
            scene.selectionChanged.connect(self._selection_changed)

    def _selection_changed(self) -> None:
        scene = self.context.scene
        if scene is not None:
            self.inspector.show_selection(scene.selected_people(), scene.selected_links())
