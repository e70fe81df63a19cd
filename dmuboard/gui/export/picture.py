"""The board drawn for an export: a scene of its own, built from the board.

An export never paints the window's scene. It builds a fresh
:class:`~dmuboard.gui.canvas.BoardScene` from the board (for the Proposal profile,
from the customer-safe copy of :mod:`.redact`), with the same tokens, colours and
lines as the screen but no selection, no hover and no grid. Anything that would be
painted invisibly (hidden, transparent) is switched off before painting, so the
file holds only what can be seen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields, replace

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from dmuboard.gui.canvas import BoardScene
from dmuboard.gui.canvas.style import Theme
from dmuboard.gui.common.editor import Editor
from dmuboard.gui.common.qtapp import load_fonts
from dmuboard.gui.export.options import ExportOptions
from dmuboard.gui.export.rasterlines import draw_lines_as_lines
from dmuboard.gui.export.redact import part_of, proposal_board
from dmuboard.model.board import Board
from dmuboard.model.document import Document

PADDING = 12.0  # scene units around the people, for shadows, badges and line ends
HEADER_WIDTH = 320.0  # room kept each side of the divide for the company names
PROPOSAL_HIDDEN_LAYERS = frozenset({"conflict", "stance"})
# Looked up once: going through the enum class costs a Python call, for each of the
# 21,000 items of a board of 2,000 people.
NO_CACHE = QGraphicsItem.CacheMode.NoCache


class BoardPicture:
    """A board ready to be painted onto pages."""

    def __init__(self, board: Board, options: ExportOptions, layers: Iterable[str] | None = None,
                 badges: Mapping[str, str] | None = None) -> None:
        self.source_board = board  # as given, for the findings pages
        if options.proposal:
            board = proposal_board(board)
        if options.area == "selection":
            board = part_of(board, options.selection)
        self.board = board
        self.options = options
        self.editor = Editor(Document(board, read_only_reason="it is being exported"))
        self.scene = BoardScene(self.editor)
        if options.profile != self.scene.profile:  # re-applying it goes over every item
            self.scene.set_profile(options.profile)
        if layers is not None:
            shown = set(layers) - (PROPOSAL_HIDDEN_LAYERS if options.proposal else set())
            self.scene.set_layers(tuple(shown))
        if not options.proposal and badges:
            self.scene.set_badges(dict(badges))
        theme = export_theme(self.scene.look.theme, clear=options.transparent)
        if theme != self.scene.look.theme:  # the command line's app font is already the bundled one
            self.scene.set_theme(theme)
        self.scene.clearSelection()
        self.scene.routes.route_pending_now()  # every line around the cards, as on screen
        drop_invisible(self.scene)
        if options.format == "png":
            draw_lines_as_lines(self.scene)

    def source_rect(self) -> QRectF:
        """The scene area to export, padded; never empty."""
        return area_rect(self.scene, self.options)

    def paint(self, painter: QPainter, target: QRectF, source: QRectF) -> None:
        """Paint ``source`` (scene) into ``target`` (painter coordinates); the scene clips to it."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)
        painter.restore()

    def close(self) -> None:
        self.scene.clear()
        self.editor.close()


def area_rect(scene: BoardScene, options: ExportOptions) -> QRectF:
    """The scene area ``options`` asks for on ``scene``: the whole board with the two
    company names above it, the selected people, or the view; padded, never empty."""
    if options.area == "view" and options.view_rect is not None:
        return QRectF(*options.view_rect)
    rect = QRectF(scene.people_rect(options.selection if options.area == "selection" else None))
    if rect.isEmpty():
        rect = QRectF(-200.0, -120.0, 400.0, 240.0)
    if options.area == "board":
        rect = rect.united(QRectF(-HEADER_WIDTH, scene.header_top, 2 * HEADER_WIDTH, 10.0))
    return rect.adjusted(-PADDING, -PADDING, PADDING, PADDING)


def drop_invisible(scene: QGraphicsScene) -> None:
    """Hide every item that would be painted without being seen (fully transparent),
    and paint the rest directly, never from a cached bitmap, so PDF and SVG stay vector."""
    for item in scene.items():
        if item.isVisible():  # a hidden item is not painted at all
            item.setCacheMode(NO_CACHE)
            if _transparent(item):
                item.setVisible(False)


def export_theme(theme: Theme, *, clear: bool) -> Theme:
    """The canvas theme in the bundled font (so text measures the same on every machine),
    with the table (background and side tints) see-through when ``clear``."""
    family = load_fonts()
    result = replace(theme)
    for item in fields(theme):
        value = getattr(theme, item.name)
        if isinstance(value, QFont):
            font = QFont(value)
            font.setFamily(family)
            setattr(result, item.name, font)
    if clear:
        result.background = result.customer_area = result.ours_area = QColor(0, 0, 0, 0)
    return result


def _transparent(item: QGraphicsItem) -> bool:
    return item.effectiveOpacity() <= 0.001
