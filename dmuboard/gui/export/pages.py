"""The pages of an export, and how each one is painted.

:class:`PageSet` puts the pieces together: the board picture, the page plan of
:mod:`.layout`, the title block and legend of :mod:`.decor` and, for an Internal
PDF, the findings pages. Every writer (PDF, SVG, PNG, printer) asks it for the
page sizes and has it paint page after page onto a painter in points.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from dmuboard.gui.canvas.style import Theme
from dmuboard.gui.export import decor, findings
from dmuboard.gui.export.layout import BAND_GAP, HEADER_HEIGHT, PAPER_MARGIN, PagePlan, Tile, plan_pages
from dmuboard.gui.export.options import ExportOptions, paper_points
from dmuboard.gui.export.picture import BoardPicture
from dmuboard.gui.qtapp import export_font, measure

if TYPE_CHECKING:
    from dmuboard.analysis import Analysis


@dataclass(frozen=True, slots=True)
class Page:
    """One page: a tile of the board, or a page of findings lines."""

    width: float
    height: float
    tile: Tile | None = None
    lines: tuple[findings.Line, ...] = ()


class PageSet:
    """All pages of one export, in order."""

    def __init__(self, picture: BoardPicture, options: ExportOptions,
                 paper: tuple[float, float] | None = None, analysis: Analysis | None = None) -> None:
        self.picture = picture
        self.options = options
        self.theme = Theme()
        proposal = options.proposal
        self.plan: PagePlan = plan_pages(picture.source_rect(), options,
                                         lambda width: decor.legend_height(width, proposal), paper)
        self.pages: list[Page] = [Page(self.plan.width, self.plan.height, tile) for tile in self.plan.tiles]
        if options.with_findings or (paper is not None and options.findings_page and not proposal):
            self.pages += self._findings_pages(paper, analysis)
        self.date = options.date_text or datetime.date.today().isoformat()

    def _findings_pages(self, paper: tuple[float, float] | None, analysis: Analysis | None) -> list[Page]:
        if paper is None:
            page = self.options.page if self.options.page != "fit" else "A4"
            paper = paper_points(page, "portrait" if self.options.page == "fit" else self.options.orientation)
        width, height = paper
        top = PAPER_MARGIN + HEADER_HEIGHT + BAND_GAP
        box = QRectF(PAPER_MARGIN, top, width - 2 * PAPER_MARGIN, height - top - PAPER_MARGIN)
        chunks = findings.paginate(findings.analysis_lines(self.picture.source_board, analysis), box)
        return [Page(width, height, lines=tuple(chunk)) for chunk in chunks]

    def __len__(self) -> int:
        return len(self.pages)

    def paint(self, painter: QPainter, index: int) -> None:
        """Paint page ``index`` onto ``painter``, whose units are points from the page's corner."""
        page = self.pages[index]
        options = self.options
        if page.tile is not None:
            if self.plan.header is not None:
                decor.paint_title_block(painter, self.plan.header, self._title(index, page.tile))
            self.picture.paint(painter, page.tile.target, page.tile.source)
            if page.tile.label:
                _paint_tile_label(painter, page.tile)
            if self.plan.legend is not None:
                decor.paint_legend(painter, self._legend_box(page.tile), options.proposal, self.theme)
            return
        header = QRectF(PAPER_MARGIN, PAPER_MARGIN, page.width - 2 * PAPER_MARGIN, HEADER_HEIGHT)
        decor.paint_title_block(painter, header, self._title(index, None))
        top = header.bottom() + BAND_GAP
        findings.paint_lines(painter, QRectF(header.left(), top, header.width(), page.height - top - PAPER_MARGIN),
                             list(page.lines))

    def _legend_box(self, tile: Tile) -> QRectF:
        """Right below the board when it leaves room on the page; at the foot of tiled pages."""
        legend = QRectF(self.plan.legend) if self.plan.legend is not None else QRectF()
        if self.plan.pages == 1:
            legend.moveTop(min(legend.top(), tile.target.bottom() + 2 * BAND_GAP))
        return legend

    def _title(self, index: int, tile: Tile | None) -> decor.TitleText:
        count = len(self.pages)
        page = f"Page {index + 1} of {count}" if count > 1 else ""
        if tile is not None and tile.label:
            page += f" · {tile.label}"
        return decor.title_text(self.picture.board.info, self.date, page, not self.options.proposal)


def _paint_tile_label(painter: QPainter, tile: Tile) -> None:
    """A small tag in the tile's top-left corner, for putting the printed pages together."""
    painter.save()
    font = export_font(7.0, bold=True)
    text = f"Row {tile.row} of {tile.rows}, column {tile.column} of {tile.columns}"
    box = QRectF(tile.target.left() + 2.0, tile.target.top() + 2.0, measure(font).horizontalAdvance(text) + 10.0,
                 12.0)
    painter.setFont(font)
    painter.setPen(QPen(QColor("#5d6673"), 0.5))
    painter.setBrush(QColor(255, 255, 255, 230))
    painter.drawRect(box)
    painter.setPen(QColor("#1d232c"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
