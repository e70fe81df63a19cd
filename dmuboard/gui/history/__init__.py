"""The board's history in the window: review marks, the History timeline, a past
moment shown read-only, and "Compare with..." drawn on the canvas.

:class:`HistoryFeature` is one of the window's features (``dmuboard.gui.shell.features``).
"""

from dmuboard.gui.history.feature import HistoryFeature

__all__ = ["HistoryFeature"]
