"""The one call that exports a board: the picture, its pages, the render, the file."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from dmuboard.gui.export.findings import Line
from dmuboard.gui.export.options import ExportOptions
from dmuboard.gui.export.pages import PageSet
from dmuboard.gui.export.picture import BoardPicture
from dmuboard.gui.export.writers import Progress, render, save
from dmuboard.model.board import Board

if TYPE_CHECKING:
    from dmuboard.analysis import Analysis


def render_bytes(board: Board, options: ExportOptions, *, layers: Iterable[str] | None = None,
                 badges: Mapping[str, str] | None = None, analysis: Analysis | None = None,
                 progress: Progress | None = None, changes: list[Line] | None = None) -> bytes:
    """The exported file's contents, without touching the disk (``changes``: "Changes since" pages)."""
    if options.format == "pptx":
        from dmuboard.gui.export.pptx_writer import render_pptx

        return render_pptx(board, options, layers=layers, badges=badges, analysis=analysis, progress=progress)
    picture = BoardPicture(board, options, layers, badges)
    try:
        return render(PageSet(picture, options, analysis=analysis, changes=changes), progress)
    finally:
        picture.close()


def export_board(board: Board, path: str | Path, options: ExportOptions, *, layers: Iterable[str] | None = None,
                 badges: Mapping[str, str] | None = None, analysis: Analysis | None = None,
                 progress: Progress | None = None, changes: list[Line] | None = None) -> None:
    """Export ``board`` to ``path``, whole or not at all (see :mod:`.writers`)."""
    data = render_bytes(board, options, layers=layers, badges=badges, analysis=analysis, progress=progress,
                        changes=changes)
    save(Path(path), data)
