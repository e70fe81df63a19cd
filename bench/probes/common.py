"""What the GUI probes share: a QApplication offscreen, waiting for the first paint."""

from __future__ import annotations

import json
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


class FirstPaint(QObject):
    """Notes when ``widget`` has painted for the first time and (``quit``) quits the event
    loop then. Qt 6 closes the windows on quit."""

    def __init__(self, widget: QWidget, *, quit: bool = True) -> None:
        super().__init__()
        self.when: float | None = None
        self.quit = quit
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.when is None:
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        self.when = time.time()
        if self.quit:
            QApplication.quit()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(**figures: float) -> None:
    print(json.dumps(figures), flush=True)
