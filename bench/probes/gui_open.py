"""Opening a large board in the GUI: from the open command to the first painted board,
and the process's peak memory with it open.

The time is taken when the first paint is done, not when the event loop returns: Qt 6
closes the windows on quit, and tearing the board down is no part of opening it.

argv: FILE
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bench.probes.common import FirstPaint, application, peak_mb, report
from dmuboard.gui.app import open_settings
from dmuboard.gui.mainwindow import MainWindow

app = application()
window = MainWindow(open_settings())
window.resize(1280, 800)
window.show()
app.processEvents()
baseline_mb = peak_mb()
start = time.time()  # FirstPaint notes the wall clock
window.start(Path(sys.argv[1]))
assert window.view is not None
watcher = FirstPaint(window.view.viewport())
app.exec()
assert watcher.when is not None
opened = watcher.when - start
# Let the deferred work (findings, fitting) run, then read the peak.
end = time.perf_counter() + 1.0
while time.perf_counter() < end:
    app.processEvents()
report(seconds=opened, peak_mb=peak_mb(), before_open_mb=baseline_mb)
