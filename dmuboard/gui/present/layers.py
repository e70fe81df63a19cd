"""Layer switches: one checkable action and one key per layer, in View > Layers.

The actions belong to the window itself as well as to the menu, so their keys work
while presenting, when the menu bar is hidden.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from dmuboard.gui.canvas.note import CanvasNote
from dmuboard.gui.common.feature import ActionSpec, FeatureContext, MenuSpec
from dmuboard.model.board import LAYERS

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

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context)
        self.context = context
        self._note: CanvasNote | None = None  # what the layers hide, said on the canvas
        context.boardChanged.connect(self.apply)

    def specs(self) -> list[ActionSpec | MenuSpec]:
        """View > Layers and its switches (on the window too, for their keys)."""
        specs: list[ActionSpec | MenuSpec] = [MenuSpec("view/layers", "&Layers", "view", "2_window", 30)]
        for i, layer in enumerate(LAYERS):
            words = LAYER_TITLES[layer].replace("&", "").lower()
            specs.append(ActionSpec(f"layer_{layer}", LAYER_TITLES[layer], self._toggled, "view/layers", "", i,
                                    (LAYER_KEYS[layer],), f"Show or hide {words} ({LAYER_KEYS[layer]})",
                                    checkable=True, checked=True, window_key=True))
        return specs

    @property
    def actions(self) -> dict[str, QAction]:
        """The switch of each layer, by layer."""
        return {layer: self.context.action(f"layer_{layer}") for layer in LAYERS}

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
        if self.context.scene is not None:
            self.context.scene.set_layers(shown)
        self._say_hidden(shown)
        self.changed.emit(shown)

    def _say_hidden(self, shown: frozenset[str]) -> None:
        view = self.context.view
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
