"""Layer switches: one checkable action and one key per layer, in View > Layers.

The actions belong to the window itself as well as to the menu, so their keys work
while presenting, when the menu bar is hidden.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from dmuboard.gui.canvas.note import CanvasNote
from dmuboard.model.board import LAYERS

if TYPE_CHECKING:
    from dmuboard.gui.mainwindow import MainWindow

LAYER_TITLES = {
    "reporting": "&Reporting Lines",
    "influence": "&Influence Lines",
    "relationship": "Our R&elationships",
    "conflict": "&Conflicts",
    "stance": "&Stances",
}
LAYER_KEYS = {layer: str(i) for i, layer in enumerate(LAYERS, start=1)}
HIDDEN_WORDS = {
    "reporting": "reporting lines",
    "influence": "influence lines",
    "relationship": "our relationships",
    "conflict": "conflicts",
    "stance": "stances",
}


class Layers(QObject):
    """The layers shown on the window's canvas, kept by checkable actions."""

    changed = Signal(frozenset)  # the layers now shown

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        menu = window.menus["view"].addMenu("&Layers")
        for layer in LAYERS:
            action = QAction(LAYER_TITLES[layer], window)
            action.setObjectName(f"layer_{layer}")
            action.setCheckable(True)
            action.setChecked(True)
            action.setShortcut(QKeySequence(LAYER_KEYS[layer]))
            words = LAYER_TITLES[layer].replace("&", "").lower()
            action.setStatusTip(f"Show or hide {words} ({LAYER_KEYS[layer]})")
            action.toggled.connect(self._toggled)
            menu.addAction(action)
            window.addAction(action)  # the key works with the menu bar hidden
            window.actions[action.objectName()] = action
            self.actions[layer] = action
        self.menu = menu
        self._note: CanvasNote | None = None
        window.board_opened.connect(self.apply)

    def shown(self) -> frozenset[str]:
        return frozenset(layer for layer, action in self.actions.items() if action.isChecked())

    def set_shown(self, layers: Iterable[str]) -> None:
        """Show exactly these layers (one update of the canvas)."""
        wanted = set(layers)
        for layer, action in self.actions.items():
            action.blockSignals(True)
            action.setChecked(layer in wanted)
            action.blockSignals(False)
        self.apply()

    def _toggled(self, _on: bool) -> None:
        self.apply()

    def apply(self) -> None:
        """Give the canvas the layers the actions say, and say on it what is hidden."""
        shown = self.shown()
        if self.window.scene is not None:
            self.window.scene.set_layers(shown)
        self._say_hidden(shown)
        self.changed.emit(shown)

    def _say_hidden(self, shown: frozenset[str]) -> None:
        view = self.window.view
        if view is None:
            return
        if self._note is None or self._note.view is not view:
            self._note = CanvasNote(view, 1)
        hidden = [layer for layer in LAYERS if layer not in shown]
        if not hidden:
            self._note.say("")
            return
        words = ", ".join(HIDDEN_WORDS[layer] for layer in hidden)
        keys = ", ".join(LAYER_KEYS[layer] for layer in hidden)
        again = "key {} shows it again" if len(hidden) == 1 else "keys {} show them again"
        self._note.say(f"Hidden: {words} ({again.format(keys)})")
