"""Opening a large board in the GUI: from the open command to the first painted board,
and the process's peak memory with it open.

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
start = time.perf_counter()
window.start(Path(sys.argv[1]))
assert window.view is not None
watcher = FirstPaint(window.view.viewport())
app.exec()
opened = time.perf_counter() - start
# Let the deferred work (findings, fitting) run, then read the peak.
end = time.perf_counter() + 1.0
while time.perf_counter() < end:
    app.processEvents()
report(seconds=opened, peak_mb=peak_mb(), before_open_mb=baseline_mb)
