"""Page geometry: where the title block, the board and the legend go, and tiling.

Everything here is arithmetic on rectangles; nothing is painted. Page coordinates
are points (1/72 inch) with the origin at the page's top-left corner; the board's
area is in scene units (see :mod:`dmuboard.gui.export.options`).

A page is laid out top to bottom: margin, title block, board, legend, margin. On a
``fit`` page the page is made as large as the board at natural size (one scene
unit = 0.75 point) plus those bands. On a fixed paper size the board is either
shrunk to fit one page (never enlarged past natural size) or tiled: cut into a grid
of pages at ``tile_scale`` with at least :data:`TILE_OVERLAP` overlap between
neighbours, the grid centred on the board.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF

from dmuboard.gui.export.options import POINTS_PER_UNIT, TILE_OVERLAP, ExportOptions, paper_points

FIT_MARGIN = 18.0  # points, = 24 scene units
PAPER_MARGIN = 10.0 / 25.4 * 72.0  # 10 mm
HEADER_HEIGHT = 46.0
BAND_GAP = 8.0
MIN_DECORATED_WIDTH = 480.0  # a fit page with a title block or legend is at least this wide
MAX_PDF_SIDE = 14400.0  # points: 200 inches, the largest page PDF readers accept
MIN_BODY = 36.0  # points: the least height the board itself gets on a page
ROW_ALLOWANCE = 13.0  # points per legend row kept free when a huge fit page is shrunk

LegendHeight = Callable[[float], float]


@dataclass(frozen=True, slots=True)
class Tile:
    """One piece of the board on one page: ``source`` (scene) drawn into ``target`` (page)."""

    source: QRectF
    target: QRectF
    row: int = 1
    column: int = 1
    rows: int = 1
    columns: int = 1

    @property
    def label(self) -> str:
        return f"row {self.row}, column {self.column}" if self.rows * self.columns > 1 else ""


@dataclass(frozen=True, slots=True)
class PagePlan:
    """The geometry shared by all board pages of one export, and their tiles."""

    width: float
    height: float
    header: QRectF | None
    body: QRectF
    legend: QRectF | None
    tiles: tuple[Tile, ...]
    scale: float  # points per scene unit

    @property
    def pages(self) -> int:
        return len(self.tiles)


def plan_pages(source: QRectF, options: ExportOptions, legend_height: LegendHeight,
               paper: tuple[float, float] | None = None) -> PagePlan:
    """Lay out ``source`` (scene units) on pages as ``options`` say.

    ``legend_height(width)`` gives the legend's height in points for a band of
    ``width`` points (the legend wraps). ``paper`` overrides the paper size in
    points, as a printer does.
    """
    header_h = HEADER_HEIGHT + BAND_GAP if options.with_title_block else 0.0
    if paper is None and options.page == "fit":
        margin = FIT_MARGIN
        scale = POINTS_PER_UNIT
        if options.format == "pdf":  # PDF readers refuse pages larger than 200 inches
            room = MAX_PDF_SIDE - 2 * margin - header_h - 4 * ROW_ALLOWANCE
            scale = min(scale, room / source.width(), room / source.height())
        width = source.width() * scale + 2 * margin
        if options.with_title_block or options.with_legend:
            width = max(width, MIN_DECORATED_WIDTH)
        inner_w = width - 2 * margin
        legend_h = legend_height(inner_w) + BAND_GAP if options.with_legend else 0.0
        # A board far wider than high (one person far off) still gets a body to draw in.
        height = header_h + max(source.height() * scale, MIN_BODY) + legend_h + 2 * margin
    else:
        margin = PAPER_MARGIN
        width, height = paper or paper_points(options.page, options.orientation)
        inner_w = width - 2 * margin
        legend_h = legend_height(inner_w) + BAND_GAP if options.with_legend else 0.0
    body = QRectF(margin, margin + header_h, inner_w, height - 2 * margin - header_h - legend_h)
    if body.height() < MIN_BODY:
        raise ValueError("the page is too small for the board")
    header = QRectF(margin, margin, inner_w, HEADER_HEIGHT) if options.with_title_block else None
    legend = (QRectF(margin, body.bottom() + BAND_GAP, inner_w, legend_h - BAND_GAP)
              if options.with_legend else None)
    if options.is_tiled or (paper is not None and options.tiled):
        scale = POINTS_PER_UNIT * options.tile_scale
        tiles = tile_grid(source, body, scale)
    else:
        tiles = (fit_tile(source, body),)
        scale = tiles[0].target.width() / source.width()
    return PagePlan(width, height, header, body, legend, tiles, scale)


def fit_tile(source: QRectF, body: QRectF) -> Tile:
    """All of ``source`` shrunk into ``body`` (never past natural size), centred at its top."""
    scale = min(body.width() / source.width(), body.height() / source.height(), POINTS_PER_UNIT)
    return Tile(source, _top_centre(body, source.width() * scale, source.height() * scale))


def tile_grid(source: QRectF, body: QRectF, scale: float) -> tuple[Tile, ...]:
    """Cut ``source`` into a grid of pages of ``body`` size at ``scale`` points per unit."""
    tile_w, tile_h = body.width() / scale, body.height() / scale
    xs = _spans(source.left(), source.width(), tile_w)
    ys = _spans(source.top(), source.height(), tile_h)
    tiles = []
    for r, y in enumerate(ys, start=1):
        for c, x in enumerate(xs, start=1):
            tiles.append(Tile(QRectF(x, y, tile_w, tile_h), QRectF(body), r, c, len(ys), len(xs)))
    return tuple(tiles)


def _spans(start: float, length: float, tile: float) -> list[float]:
    """Starts of tiles of size ``tile`` covering ``length``, overlapping by at least 10 %."""
    if length <= tile:
        return [start - (tile - length) / 2]
    step_max = tile * (1 - TILE_OVERLAP)
    count = 1 + math.ceil((length - tile) / step_max - 1e-9)
    step = (length - tile) / (count - 1)
    return [start + i * step for i in range(count)]


def _top_centre(box: QRectF, width: float, height: float) -> QRectF:
    """A rectangle of that size centred across the top of ``box``."""
    return QRectF(box.center().x() - width / 2, box.top(), width, height)


def pixel_size(width_points: float, height_points: float, dpi: float) -> tuple[int, int]:
    """The pixel size of a picture of a page of that many points at ``dpi``."""
    return (max(1, round(width_points * dpi / 72.0)), max(1, round(height_points * dpi / 72.0)))
