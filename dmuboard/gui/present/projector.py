"""The projector theme fitted to one board: its cards grow only as far as the board's
rows leave room, so presenting never puts one card on top of another."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dmuboard.gui.canvas.style import Theme, projector_theme, token_size
from dmuboard.gui.canvas.tokenlayout import room_to_grow

if TYPE_CHECKING:
    from dmuboard.gui.canvas.scene import BoardScene


def projector_theme_for(scene: BoardScene) -> Theme:
    """The projector theme with cards as tall as ``scene``'s positions allow."""
    cards = []
    for token in scene.tokens.values():
        pos = token.pos()
        cards.append((pos.x(), pos.y(), *token_size(token.person.influence)))
    return projector_theme(room_to_grow(cards))
