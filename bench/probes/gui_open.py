"""Opening a large board in the GUI: from the open command to the first painted board,
and the process's peak memory with it open.

The time is taken when the first paint is done. The board then stays open until the
work deferred past the first paint (the findings, and the names and line marks made in
the background) is done, and the peak is read after that.

argv: FILE
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop

from bench.probes.common import FirstPaint, application, peak_mb, report
from dmuboard.gui.shell.app import open_settings
from dmuboard.gui.shell.mainwindow import MainWindow

app = application()
window = MainWindow(open_settings())
window.resize(1280, 800)
window.show()
app.processEvents()
baseline_mb = peak_mb()
start = time.time()  # FirstPaint notes the wall clock
window.start(Path(sys.argv[1]))
assert window.view is not None and window.scene is not None
watcher = FirstPaint(window.view.viewport(), quit=False)
while watcher.when is None:
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
opened = watcher.when - start
scene = window.scene
end = time.perf_counter() + 30.0
while time.perf_counter() < end and not all(token.text_made for token in scene.tokens.values()):
    app.processEvents()
end = time.perf_counter() + 2.0  # the lines' marks come after the names
while time.perf_counter() < end:
    app.processEvents()
report(seconds=opened, peak_mb=peak_mb(), before_open_mb=baseline_mb)
