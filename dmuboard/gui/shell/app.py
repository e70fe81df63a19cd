"""Starting the GUI: `dmuboard [FILE] [--present]`.

Where there is no display the GUI says so in one line and exits 1, naming the
commands that work without one, before Qt could abort. With a display (or with
``QT_QPA_PLATFORM`` chosen, e.g. ``offscreen`` in tests) it opens FILE, the last
board, or on the first run a fresh copy of the sample board.

Settings live in QSettings under "dmuboard" (``$DMUBOARD_SETTINGS`` names an .ini
file instead, as tests and screenshots do); boards made by the app live in its data
folder (``$DMUBOARD_DATA_DIR`` overrides it).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dmuboard.gui.common.display import display_missing

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

SETTINGS_VARIABLE = "DMUBOARD_SETTINGS"
HEADLESS_COMMANDS = "demo, convert, check, analyze, export, import-csv"
NO_DISPLAY = (
    "dmuboard: there is no display, so the window cannot open; "
    f"these commands work without one: {HEADLESS_COMMANDS} (see dmuboard --help)."
)


def missing_system_library() -> str | None:
    """A library Qt's X11 platform needs and cannot do without, when it is not installed.

    Qt 6.5 and later abort on start without libxcb-cursor; we say so in a line instead.
    """
    if not sys.platform.startswith("linux"):
        return None
    import ctypes.util  # here, not at start-up: only Linux needs it

    platform = os.environ.get("QT_QPA_PLATFORM", "").strip()
    uses_xcb = platform.startswith("xcb") or (not platform and not os.environ.get("WAYLAND_DISPLAY"))
    if uses_xcb and ctypes.util.find_library("xcb-cursor") is None:
        return "libxcb-cursor0"
    return None


def run_gui(file: Path | None, present: bool = False) -> int:
    """Run the GUI until its window closes; the exit code for the command line."""
    if display_missing():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    library = missing_system_library()
    if library is not None:
        print(f"dmuboard: the window cannot open because the system library {library} is missing; "
              f"install it (e.g. apt install {library}). These commands work without it: {HEADLESS_COMMANDS}.",
              file=sys.stderr)
        return 1
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from dmuboard.gui.shell.mainwindow import MainWindow
    from dmuboard.resources import resource

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "dmuboard"])
    assert isinstance(app, QApplication)
    app.setApplicationName("dmuboard")
    app.setDesktopFileName("dmuboard")
    icon = resource("dmuboard.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    settings = open_settings()
    window = MainWindow(settings)
    window.start(file)  # a FILE that cannot be opened: one line on stderr (cli), exit 1
    window.show()
    if present and hasattr(window, "start_presentation"):
        window.start_presentation()
    before = _close_on_signals(app)
    try:
        return int(app.exec())
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


def _close_on_signals(app: QApplication) -> dict[int, Any]:
    """Ctrl+C in the terminal, or a polite kill, closes the windows the normal way, so the
    lock files are released (every change is already saved)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def close(_number: int, _frame: object) -> None:
        QApplication.closeAllWindows()

    before: dict[int, Any] = {n: signal.signal(n, close) for n in (signal.SIGINT, signal.SIGTERM)}
    ticks = QTimer(app)  # Python handles signals only when it runs: let it run now and then
    ticks.timeout.connect(lambda: None)
    ticks.start(250)
    return before


def open_settings() -> QSettings:
    """The user's settings, or the .ini file ``$DMUBOARD_SETTINGS`` names."""
    from PySide6.QtCore import QSettings

    chosen = os.environ.get(SETTINGS_VARIABLE)
    if chosen:
        return QSettings(chosen, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "dmuboard", "dmuboard")
