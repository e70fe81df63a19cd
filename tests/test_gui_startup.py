"""The window shows a board before it pays for what only later work needs: networkx
(the analysis) and SQLAlchemy (writing changes) are imported after the first paint,
and both are ready soon after it, so the findings appear and edits are kept.

Each test starts a fresh Python, since modules imported by other tests would hide
what the window itself imports.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from dmuboard.sample import sample_board
from dmuboard.store import BoardFile, write_new

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from dmuboard.gui.shell.app import open_settings
from dmuboard.gui.shell.mainwindow import MainWindow

seen = {}

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen["networkx"] = "networkx" in sys.modules
            seen["sqlalchemy"] = "sqlalchemy" in sys.modules
            QTimer.singleShot(3000, later)
        return False

def later():
    seen["findings_shown"] = window.findings.analysis is not None
    seen["ready_to_write"] = "sqlalchemy" in sys.modules
    seen["kept"] = window.scene.add_person_at(window.view.mapToScene(0, 0), "ours", None) is not None
    QApplication.quit()

window = MainWindow(open_settings())
window.resize(1000, 700)
window.start(Path(sys.argv[1]))
watch = Watch()
window.view.viewport().installEventFilter(watch)
window.show()
app.exec()
window.close()
print(json.dumps(seen))
"""


def test_first_paint_comes_before_networkx_and_sqlalchemy(tmp_path: Path) -> None:
    """At the board's first paint neither networkx nor SQLAlchemy is loaded; a moment
    later the findings are shown, writing is ready, and a person added is in the file."""
    path = tmp_path / "sample.dmu"
    write_new(path, sample_board())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DMUBOARD_SETTINGS=str(tmp_path / "settings.ini"),
               DMUBOARD_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", PROBE, str(path)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"networkx": False, "sqlalchemy": False, "findings_shown": True, "ready_to_write": True,
                    "kept": True}
    with BoardFile.open(path) as store:
        assert len(store.board.people) == len(sample_board().people) + 1
