"""The board's history in the window: review marks, the History timeline, a past
moment shown read-only, and "Compare with..." drawn on the canvas.

:func:`add_history` attaches it all to the main window (one call).
"""

from dmuboard.gui.history.feature import HistoryFeature, add_history

__all__ = ["HistoryFeature", "add_history"]
