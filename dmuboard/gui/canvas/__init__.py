"""The board canvas: the two sides, the tokens, the links, and the view onto them."""

from dmuboard.gui.canvas.scene import BoardScene
from dmuboard.gui.canvas.view import BoardView

__all__ = ["BoardScene", "BoardView"]
