"""Work that may wait until the board is on screen.

Opening a window should show the board as soon as possible; what is needed only a
moment later (getting the store ready for the first change, for instance) runs once
the canvas has painted for the first time, from the event loop, so it does not hold
that first paint back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Calls ``work`` once, just after ``widget`` has painted for the first time."""

    def __init__(self, widget: QWidget, work: Callable[[], None]) -> None:
        super().__init__(widget)
        self._work: Callable[[], None] | None = work
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._work is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after the paint, not inside it
        return False

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is not None:
            work()


def after_first_paint(widget: QWidget, work: Callable[[], None]) -> AfterFirstPaint:
    """Run ``work`` once ``widget`` is on screen (never, if it is deleted first)."""
    return AfterFirstPaint(widget, work)
