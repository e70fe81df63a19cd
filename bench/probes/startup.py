"""Start-up to the first painted board, or (``bare``) to a bare PySide6 window's first paint.

argv: MODE STARTED [FILE] — STARTED is the parent's wall clock when it started us.
"""

from __future__ import annotations

import sys
import time

started = float(sys.argv[2])
mode = sys.argv[1]

from bench.probes.common import FirstPaint, application, report  # noqa: E402

app = application()
if mode == "bare":
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    window.resize(1280, 800)
    watcher = FirstPaint(window)
    window.show()
else:
    from pathlib import Path

    from dmuboard.gui.shell.app import open_settings
    from dmuboard.gui.shell.mainwindow import MainWindow

    window = MainWindow(open_settings())
    window.resize(1280, 800)
    window.start(Path(sys.argv[3]))
    assert window.view is not None
    watcher = FirstPaint(window.view.viewport())
    window.show()
app.exec()
assert watcher.when is not None
report(seconds=watcher.when - started, python_start=time.time() - started)
