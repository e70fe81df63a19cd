"""The library: the folders whose boards the portfolio lists, and boards added from elsewhere.

The default folder is "DMU Boards" in the user's documents (``$DMUBOARD_LIBRARY``
overrides it, as tests do). Settings add more folders; a board opened from somewhere
else can be added by its path. Only the folder itself is listed, not its subfolders;
hidden and temporary files (the store's ``.name.tmp``) are left out.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

LIBRARY_VARIABLE = "DMUBOARD_LIBRARY"
FOLDER_NAME = "DMU Boards"
PROFILE_FILE = "dmu-profile.json"
BOARD_SUFFIXES = (".dmu", ".json")


def documents_folder() -> Path:
    """The user's documents folder (XDG ``user-dirs.dirs`` on Linux, else ~/Documents)."""
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "user-dirs.dirs"
    try:
        for line in config.read_text(encoding="utf-8").splitlines():
            if line.startswith("XDG_DOCUMENTS_DIR="):
                value = line.split("=", 1)[1].strip().strip('"').replace("$HOME", str(Path.home()))
                if value:
                    return Path(value)
    except OSError:
        pass
    return Path.home() / "Documents"


def default_folder() -> Path:
    chosen = os.environ.get(LIBRARY_VARIABLE)
    return Path(chosen) if chosen else documents_folder() / FOLDER_NAME


def board_paths(folders: Iterable[Path], extra: Iterable[Path] = ()) -> list[Path]:
    """Every board file in ``folders`` and each of ``extra``, sorted, each once.

    A folder that does not exist or cannot be read adds nothing (the caller says so).
    """
    found: dict[str, Path] = {}
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name.startswith(".") or not name.lower().endswith(BOARD_SUFFIXES):
                continue
            if name.lower() == PROFILE_FILE:
                continue
            try:
                if not entry.is_file():
                    continue
            except OSError:
                continue
            found.setdefault(os.path.realpath(entry.path), Path(entry.path))
    for path in extra:
        found.setdefault(os.path.realpath(path), Path(path))
    return sorted(found.values(), key=lambda p: (str(p.parent), p.name.casefold()))
