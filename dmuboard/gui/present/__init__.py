"""Presentation mode: the board on a projector, with spotlight, layers, saved views,
a walk through the findings and a small on-canvas stance menu.

:class:`Presentation` is the window's feature that brings it all.
"""

from dmuboard.gui.present.mode import Presentation

__all__ = ["Presentation"]
