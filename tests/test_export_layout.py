"""Page geometry of exports: fit pages, paper sizes, decorations and tiling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from dmuboard.gui.export.layout import FIT_MARGIN, MAX_PDF_SIDE, Tile, pixel_size, plan_pages
from dmuboard.gui.export.options import POINTS_PER_UNIT, ExportOptions, paper_points


def no_legend(width: float) -> float:
    return 30.0


BOARD = QRectF(-1500.0, -300.0, 3000.0, 1200.0)


def test_a_fit_page_is_the_board_at_natural_size_plus_a_margin() -> None:
    """Without title block and legend, a fit page is the board (1 unit = 1/96 inch) and a margin."""
    plan = plan_pages(BOARD, ExportOptions(format="png"), no_legend)
    assert plan.width == pytest.approx(3000.0 * 0.75 + 2 * FIT_MARGIN)
    assert plan.height == pytest.approx(1200.0 * 0.75 + 2 * FIT_MARGIN)
    assert plan.pages == 1
    assert plan.tiles[0].target.width() == pytest.approx(3000.0 * 0.75)


def test_a_huge_fit_pdf_page_stays_within_what_pdf_readers_open() -> None:
    """A board 40,000 units wide gets a fit PDF page of at most 200 inches, the board shrunk onto it;
    a PNG of it is not limited this way (its limit is in pixels)."""
    huge = QRectF(-20000.0, -5000.0, 40000.0, 10000.0)
    plan = plan_pages(huge, ExportOptions(format="pdf"), no_legend)
    assert max(plan.width, plan.height) <= MAX_PDF_SIDE
    target = plan.tiles[0].target
    assert plan.body.contains(target.adjusted(0.01, 0.01, -0.01, -0.01))
    assert target.width() / target.height() == pytest.approx(4.0)
    picture = plan_pages(huge, ExportOptions(format="png"), no_legend)
    assert picture.width == pytest.approx(40000.0 * 0.75 + 2 * FIT_MARGIN)


def test_paper_sizes_follow_the_orientation() -> None:
    """A4 is 595 by 842 points, turned for landscape; Letter is 612 by 792."""
    assert paper_points("A4", "landscape") == pytest.approx((841.89, 595.28), abs=0.01)
    assert paper_points("A4", "portrait") == pytest.approx((595.28, 841.89), abs=0.01)
    assert paper_points("Letter", "portrait") == pytest.approx((612.0, 792.0), abs=0.01)


def test_a_large_board_is_shrunk_onto_one_page_keeping_its_proportions() -> None:
    """On A4 the whole board fits inside the body, centred, with its aspect ratio kept."""
    plan = plan_pages(BOARD, ExportOptions(format="pdf", page="A4"), no_legend)
    target = plan.tiles[0].target
    assert plan.pages == 1
    assert plan.body.contains(target.adjusted(0.01, 0.01, -0.01, -0.01))
    assert target.width() / target.height() == pytest.approx(BOARD.width() / BOARD.height())
    assert plan.scale < POINTS_PER_UNIT


def test_a_small_board_is_not_blown_up_past_natural_size() -> None:
    """Three tokens on an A3 page stay at natural size instead of filling the sheet."""
    small = QRectF(-300.0, -100.0, 600.0, 200.0)
    plan = plan_pages(small, ExportOptions(format="pdf", page="A3"), no_legend)
    assert plan.scale == pytest.approx(POINTS_PER_UNIT)
    assert plan.body.contains(plan.tiles[0].target)


def test_title_block_board_and_legend_do_not_overlap_and_stay_on_the_page() -> None:
    """The bands are stacked top to bottom inside the page's margins."""
    plan = plan_pages(BOARD, ExportOptions(format="pdf", page="Letter", orientation="portrait"), no_legend)
    assert plan.header is not None and plan.legend is not None
    assert plan.header.bottom() <= plan.body.top()
    assert plan.body.bottom() <= plan.legend.top()
    page = QRectF(0.0, 0.0, plan.width, plan.height)
    for band in (plan.header, plan.body, plan.legend):
        assert page.contains(band)


def _covered(tiles: tuple[Tile, ...], x: float, y: float) -> bool:
    return any(tile.source.contains(x, y) for tile in tiles)


def test_tiles_cover_the_whole_board_with_at_least_ten_percent_overlap() -> None:
    """Every point of the board is on some page, and neighbouring pages share a strip."""
    plan = plan_pages(BOARD, ExportOptions(format="pdf", page="A4", tiled=True), no_legend)
    tiles = plan.tiles
    assert plan.pages > 1
    assert plan.scale == pytest.approx(POINTS_PER_UNIT)
    columns, rows = tiles[0].columns, tiles[0].rows
    assert len(tiles) == rows * columns
    for i in range(31):
        for j in range(31):
            x = BOARD.left() + BOARD.width() * i / 30
            y = BOARD.top() + BOARD.height() * j / 30
            assert _covered(tiles, x, y), (x, y)
    first, second = tiles[0], tiles[1]
    overlap = first.source.right() - second.source.left()
    assert overlap >= 0.1 * first.source.width() - 1e-6
    assert {tile.label for tile in tiles} == {
        f"row {r}, column {c}" for r in range(1, rows + 1) for c in range(1, columns + 1)
    }


def test_a_board_smaller_than_a_page_is_one_tile() -> None:
    """Tiling a board that fits gives one page and no row/column label."""
    small = QRectF(-200.0, -100.0, 400.0, 200.0)
    plan = plan_pages(small, ExportOptions(format="pdf", page="A3", tiled=True), no_legend)
    assert plan.pages == 1
    assert plan.tiles[0].label == ""
    assert plan.tiles[0].source.contains(small)


def test_tiling_applies_to_paged_output_only() -> None:
    """A PNG or SVG is one picture even when tiling was asked for."""
    plan = plan_pages(BOARD, ExportOptions(format="png", page="A4", tiled=True), no_legend)
    assert plan.pages == 1


def test_pixel_size_is_the_page_at_the_resolution() -> None:
    """An A4 landscape page at 100 DPI is 1169 by 827 pixels."""
    width, height = paper_points("A4", "landscape")
    assert pixel_size(width, height, 100) == (1169, 827)


def test_bad_options_are_refused() -> None:
    """Unknown formats and silly resolutions never reach a writer."""
    with pytest.raises(ValueError):
        ExportOptions(format="gif")
    with pytest.raises(ValueError):
        ExportOptions(dpi=5)
    with pytest.raises(ValueError):
        ExportOptions(page="A5")
