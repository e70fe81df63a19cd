"""Where the program's own files (sample board, icons) are: in the source tree, or
beside the frozen executable (PyInstaller ships the folder as data)."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def resource(name: str) -> Path:
    return resource_dir() / name
