"""PySide6 must survive many calls of methods that return nothing.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on each such call and
aborts the process after a few thousand (shared/notes/pyside6-python311.md); a
board with a few hundred tokens hits that within seconds of dragging. The loop runs
in a child process, so a crash fails this test instead of ending the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 50_000

LOOP = f"""
from PySide6 import QtCore, QtWidgets
app = QtWidgets.QApplication([])
item = QtWidgets.QGraphicsRectItem(0, 0, 1, 1)
obj = QtCore.QObject()
for _ in range({CALLS}):
    item.setPos(1.0, 2.0)
    obj.setObjectName("x")
print("ok", item.pos().x(), obj.objectName())
"""


def test_many_void_calls_do_not_crash() -> None:
    """50,000 calls each of setPos and setObjectName end normally and print "ok"."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", LOOP], capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["ok", "1.0", "x"]
