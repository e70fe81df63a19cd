"""The canvas's commands in the window: delete, select all, zoom, fit, connect mode,
snap to grid and auto-layout.

They reach the board open at the moment they are triggered, so they keep working
after another board is opened; connect mode and snapping carry over to the next board.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QKeySequence

from dmuboard.gui.canvas.clipboard import copy_selection, paste
from dmuboard.gui.canvas.scene import BoardScene
from dmuboard.gui.canvas.view import BoardView
from dmuboard.gui.common.feature import ActionSpec, Feature, FeatureContext, MenuSpec

Keys = QKeySequence.StandardKey
SNAP_KEY = "board/snap"


class CanvasCommands(Feature):
    """Edit > Delete and Select All, View > Zoom and Fit, the Board menu's switches."""

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context)
        context.boardChanged.connect(self._board_changed)

    def _on_scene(self, call: Callable[[BoardScene], object]) -> Callable[[], None]:
        def run() -> None:
            if self.context.scene is not None:
                call(self.context.scene)

        return run

    def _on_view(self, call: Callable[[BoardView], object]) -> Callable[[], None]:
        def run() -> None:
            if self.context.view is not None:
                call(self.context.view)

        return run

    def actions(self) -> Sequence[ActionSpec | MenuSpec]:
        a = ActionSpec
        snap = bool(self.context.settings.value(SNAP_KEY, False, type=bool))
        return (
            a("delete", "&Delete", self._on_scene(BoardScene.delete_selection), "edit", "2_select", 10,
              (Keys.Delete, "Backspace"), "Delete the selected people (with their links) and links", "delete",
              toolbar="2_edit", toolbar_order=30),
            a("copy", "&Copy", self._on_scene(copy_selection), "edit", "2_select", 5, (Keys.Copy,),
              "Copy the selected people, with the links among them"),
            a("paste", "&Paste", self._on_scene(paste), "edit", "2_select", 6, (Keys.Paste,),
              "Paste people copied on this or another board"),
            a("select_all", "Select &All", self._on_scene(BoardScene.select_all), "edit", "2_select", 20,
              (Keys.SelectAll,), "Select every person and link"),
            a("zoom_in", "Zoom &In", self._on_view(BoardView.zoom_in), "view", "1_zoom", 10,
              (Keys.ZoomIn, "Ctrl+="), "Zoom in", "zoom_in", toolbar="3_zoom", toolbar_order=10),
            a("zoom_out", "Zoom &Out", self._on_view(BoardView.zoom_out), "view", "1_zoom", 20, (Keys.ZoomOut,),
              "Zoom out", "zoom_out", toolbar="3_zoom", toolbar_order=20),
            a("fit", "&Fit Board", self._on_view(BoardView.fit), "view", "1_zoom", 30, ("Ctrl+0",),
              "Show the whole board", "fit", toolbar="3_zoom", toolbar_order=30),
            a("connect", "&Connect Mode", self.set_connect_mode, "board", "1_board", 10, ("L",),
              "Draw links: drag from one person to another", "connect", checkable=True,
              toolbar="4_board", toolbar_order=10),
            a("snap", "&Snap to Grid", self.set_snap_to_grid, "board", "1_board", 20, (),
              "Tokens snap to the grid when dragged", "snap", checkable=True, checked=snap,
              toolbar="4_board", toolbar_order=20),
            a("auto_layout", "&Auto-Layout", self._on_scene(BoardScene.auto_layout), "board", "1_board", 30,
              ("Ctrl+Shift+L",), "Arrange the customer's side as an org chart and our team facing it",
              "auto_layout", toolbar="4_board", toolbar_order=30),
            a("tidy_selection", "&Tidy Selection", self._on_scene(BoardScene.tidy_selection), "board", "1_board", 31,
              (), "Lay out only the selected people, the rest of the board staying where it is"),
        )

    def set_snap_to_grid(self, on: bool) -> None:
        self.context.settings.setValue(SNAP_KEY, on)
        if self.context.scene is not None:
            self.context.scene.set_snap_to_grid(on)

    def set_connect_mode(self, on: bool) -> None:
        if self.context.scene is not None:
            self.context.scene.set_connect_mode(on)
        if on:
            self.context.state("connect", "Connect mode: drag from one person to another to link them.")
        else:
            self.context.end_state("connect")

    def _board_changed(self) -> None:
        scene = self.context.scene
        if scene is not None:
            scene.set_snap_to_grid(self.context.action("snap").isChecked())
            scene.set_connect_mode(self.context.action("connect").isChecked())
