"""Watching the events of the board view's viewport, across boards being opened."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from dmuboard.gui.canvas.view import BoardView


class ViewportWatcher(QObject):
    """An event filter on the current view's viewport; :meth:`watch` moves it to a new view."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view: BoardView | None = None

    def watch(self, view: BoardView | None) -> None:
        if self.view is not None:
            with contextlib.suppress(RuntimeError):  # the old view is already gone
                self.view.viewport().removeEventFilter(self)
        self.view = view
        if view is not None:
            view.viewport().installEventFilter(self)
