"""The app's own folder, for the window and the features that keep files of their own."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths

DATA_DIR_VARIABLE = "DMUBOARD_DATA_DIR"


def data_dir() -> Path:
    """The app's own folder (``$DMUBOARD_DATA_DIR`` when set, as tests do)."""
    chosen = os.environ.get(DATA_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location or Path.home() / ".local" / "share" / "dmuboard")
