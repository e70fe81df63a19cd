"""Presentation mode: the board on a projector, with spotlight, layers, saved views,
a walk through the findings and a small on-canvas stance menu.

:func:`add_presentation` attaches it all to the main window.
"""

from dmuboard.gui.present.mode import Presentation, add_presentation

__all__ = ["Presentation", "add_presentation"]
