"""Export and print: the board as PNG, PDF or SVG, for the team or for a proposal.

:func:`export_board` is the one entry point for the command line and the dialog:
it builds the board picture (:mod:`.picture`), lays out the pages (:mod:`.layout`,
:mod:`.pages`), renders them (:mod:`.writers`) and saves the file atomically.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from dmuboard.gui.export.options import ExportOptions
from dmuboard.gui.export.writers import Cancelled, Progress, TooLarge
from dmuboard.model.board import Board

__all__ = ["Cancelled", "ExportOptions", "TooLarge", "badges_for", "export_board", "render_bytes"]


def render_bytes(board: Board, options: ExportOptions, *, layers: Iterable[str] | None = None,
                 badges: Mapping[str, str] | None = None, progress: Progress | None = None) -> bytes:
    """The exported file's contents, without touching the disk."""
    from dmuboard.gui.export.pages import PageSet
    from dmuboard.gui.export.picture import BoardPicture
    from dmuboard.gui.export.writers import render

    picture = BoardPicture(board, options, layers, badges)
    try:
        return render(PageSet(picture, options), progress)
    finally:
        picture.close()


def export_board(board: Board, path: str | Path, options: ExportOptions, *, layers: Iterable[str] | None = None,
                 badges: Mapping[str, str] | None = None, progress: Progress | None = None) -> None:
    """Export ``board`` to ``path``, whole or not at all (see :mod:`.writers`)."""
    from dmuboard.gui.export.writers import save

    data = render_bytes(board, options, layers=layers, badges=badges, progress=progress)
    save(Path(path), data)


def badges_for(board: Board) -> dict[str, str]:
    """The badge of each flagged person: the highest severity among their findings."""
    try:
        from dmuboard.analysis import analyze
    except ImportError:
        return {}
    rank = {"high": 3, "medium": 2, "low": 1}
    badges: dict[str, str] = {}
    for finding in analyze(board).findings:
        severity = getattr(finding, "severity", None) or finding["severity"]
        people = getattr(finding, "people", None)
        for pid in people if people is not None else finding["people"]:
            if rank.get(severity, 0) > rank.get(badges.get(pid, ""), 0):
                badges[pid] = severity
    return badges
