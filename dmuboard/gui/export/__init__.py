"""Export and print: the board as PNG, PDF or SVG, for the team or for a proposal.

:func:`export_board` is the entry point for the dialog: it builds the board picture
(:mod:`.picture`), lays out the pages (:mod:`.layout`, :mod:`.pages`), renders them
(:mod:`.writers`) and saves the file atomically. ``dmuboard export`` puts the same
pieces together itself, so that it can end the process with the picture still standing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from dmuboard.gui.export.options import ExportOptions
from dmuboard.gui.export.pages import PageSet
from dmuboard.gui.export.picture import BoardPicture
from dmuboard.gui.export.writers import Cancelled, Progress, TooLarge, render, save
from dmuboard.model.board import Board

if TYPE_CHECKING:
    from dmuboard.analysis import Analysis

__all__ = ["Cancelled", "ExportOptions", "TooLarge", "export_board", "render_bytes"]


def render_bytes(board: Board, options: ExportOptions, *, layers: Iterable[str] | None = None,
                 badges: Mapping[str, str] | None = None, analysis: Analysis | None = None,
                 progress: Progress | None = None) -> bytes:
    """The exported file's contents, without touching the disk."""
    picture = BoardPicture(board, options, layers, badges)
    try:
        return render(PageSet(picture, options, analysis=analysis), progress)
    finally:
        picture.close()


def export_board(board: Board, path: str | Path, options: ExportOptions, *, layers: Iterable[str] | None = None,
                 badges: Mapping[str, str] | None = None, analysis: Analysis | None = None,
                 progress: Progress | None = None) -> None:
    """Export ``board`` to ``path``, whole or not at all (see :mod:`.writers`)."""
    data = render_bytes(board, options, layers=layers, badges=badges, analysis=analysis, progress=progress)
    save(Path(path), data)

