"""Export and print: the board as PNG, PDF or SVG, for the team or for a proposal.

:func:`export_board` (in :mod:`.entry`) is the entry point for the dialog: it builds the
board picture (:mod:`.picture`), lays out the pages (:mod:`.layout`, :mod:`.pages`),
renders them (:mod:`.writers`) and saves the file atomically. ``dmuboard export`` puts
the same pieces together itself, so that it can end the process with the picture still
standing.

The names below are found when first asked for: the window imports this package for
its menu entries, and the machinery (fonts, pages, PDF and SVG writers) loads with the
first export or print, not with the window.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dmuboard.gui.export.entry import export_board, render_bytes
    from dmuboard.gui.export.options import ExportOptions
    from dmuboard.gui.export.writers import Cancelled, TooLarge

__all__ = ["Cancelled", "ExportOptions", "TooLarge", "export_board", "render_bytes"]

_HOMES = {
    "Cancelled": "writers",
    "ExportOptions": "options",
    "TooLarge": "writers",
    "export_board": "entry",
    "render_bytes": "entry",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
