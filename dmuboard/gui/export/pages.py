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

from dmuboard.gui.common.qtapp import export_font, measure
from dmuboard.gui.export import decor, findings
from dmuboard.gui.export.layout import (
    BAND_GAP,
    HEADER_HEIGHT,
    PAPER_MARGIN,
    PagePlan,
    Tile,
    fit_tile,
    pixel_size,
    plan_pages,
)
from dmuboard.gui.export.options import (
    MM_PER_INCH,
    POINTS_PER_INCH,
    POINTS_PER_UNIT,
    ExportOptions,
    paper_points,
)
from dmuboard.gui.export.picture import BoardPicture

if TYPE_CHECKING:
    from dmuboard.analysis import Analysis


@dataclass(frozen=True, slots=True)
class Page:
    """One page: a tile of the board, the overview of a tiled board, or findings lines."""

    width: float
    height: float
    tile: Tile | None = None
    lines: tuple[findings.Line, ...] = ()
    overview: bool = False


class PageSet:
    """All pages of one export, in order."""

    def __init__(self, picture: BoardPicture, options: ExportOptions,
                 paper: tuple[float, float] | None = None, analysis: Analysis | None = None,
                 changes: list[findings.Line] | None = None) -> None:
        """``changes``: the lines of "Changes since ..." pages, added after the board (PDF only)."""
        self.picture = picture
        self.options = options
        self.theme = picture.scene.look.theme
        proposal = options.proposal
        self.plan: PagePlan = plan_pages(picture.source_rect(), options,
                                         lambda width: decor.legend_height(width, proposal), paper)
        self.pages: list[Page] = [Page(self.plan.width, self.plan.height, tile) for tile in self.plan.tiles]
        if self.plan.pages > 1:
            # A map of the whole board with the page grid first, for putting the pages together.
            overview = fit_tile(self.plan.tiles[0].source.united(self.plan.tiles[-1].source), self.plan.body)
            self.pages.insert(0, Page(self.plan.width, self.plan.height, overview, overview=True))
        if options.with_findings:
            self.pages += self._findings_pages(paper, analysis)
        if changes and options.format == "pdf" and not proposal:
            self.pages += self._line_pages(paper, changes)
        self.date = options.date_text or datetime.date.today().isoformat()

    def _findings_pages(self, paper: tuple[float, float] | None, analysis: Analysis | None) -> list[Page]:
        return self._line_pages(paper, findings.analysis_lines(self.picture.source_board, analysis))

    def _line_pages(self, paper: tuple[float, float] | None, lines: list[findings.Line]) -> list[Page]:
        if paper is None:
            page = self.options.page if self.options.page != "fit" else "A4"
            paper = paper_points(page, "portrait" if self.options.page == "fit" else self.options.orientation)
        width, height = paper
        top = PAPER_MARGIN + HEADER_HEIGHT + BAND_GAP
        box = QRectF(PAPER_MARGIN, top, width - 2 * PAPER_MARGIN, height - top - PAPER_MARGIN)
        return [Page(width, height, lines=tuple(chunk)) for chunk in findings.paginate(lines, box)]

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
            if page.overview:
                self._paint_grid(painter, page.tile)
            elif page.tile.label:  # for putting the printed pages together
                tile = page.tile
                _tag(painter, tile.target,
                     f"Row {tile.row} of {tile.rows}, column {tile.column} of {tile.columns}", 7.0)
            if self.plan.legend is not None:
                decor.paint_legend(painter, self._legend_box(page.tile), options.proposal, self.theme)
            return
        header = QRectF(PAPER_MARGIN, PAPER_MARGIN, page.width - 2 * PAPER_MARGIN, HEADER_HEIGHT)
        decor.paint_title_block(painter, header, self._title(index, None))
        top = header.bottom() + BAND_GAP
        findings.paint_lines(painter, QRectF(header.left(), top, header.width(), page.height - top - PAPER_MARGIN),
                             list(page.lines))

    def _paint_grid(self, painter: QPainter, overview: Tile) -> None:
        """The outline and number of every tiled page over the overview."""
        scale = overview.target.width() / overview.source.width()
        painter.save()
        for number, tile in enumerate(self.plan.tiles, start=2):  # the overview is page 1
            box = QRectF(overview.target.left() + (tile.source.left() - overview.source.left()) * scale,
                         overview.target.top() + (tile.source.top() - overview.source.top()) * scale,
                         tile.source.width() * scale, tile.source.height() * scale)
            painter.setPen(QPen(QColor(29, 35, 44, 170), 0.8, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box)
            _tag(painter, box, f"p. {number} · {tile.row}/{tile.column}", 9.0)
        painter.restore()

    def _legend_box(self, tile: Tile) -> QRectF:
        """Right below the board when it leaves room on the page; at the foot of tiled pages."""
        legend = QRectF(self.plan.legend) if self.plan.legend is not None else QRectF()
        if self.plan.pages == 1 or self.pages[0].tile is tile:
            legend.moveTop(min(legend.top(), tile.target.bottom() + 2 * BAND_GAP))
        return legend

    def _title(self, index: int, tile: Tile | None) -> decor.TitleText:
        count = len(self.pages)
        page = f"Page {index + 1} of {count}" if count > 1 else ""
        if tile is not None and self.pages[index].overview:
            page += f" · overview of {self.plan.pages} pages"
        elif tile is not None and tile.label:
            page += f" · {tile.label}"
        return decor.title_text(self.picture.board.info, self.date, page, not self.options.proposal)


def describe(source: QRectF, options: ExportOptions) -> str:
    """What the export of ``source`` will be, in a few words: pixels, pages or size."""
    if options.format == "pptx":
        from dmuboard.gui.export.pptx_writer import describe_slides

        return describe_slides(source, options)
    plan = plan_pages(source, options, lambda width: decor.legend_height(width, options.proposal))
    if options.format == "png":
        width, height = pixel_size(plan.width, plan.height, options.dpi)
        return f"{width:,} × {height:,} pixels".replace(",", " ")
    to_mm = MM_PER_INCH / POINTS_PER_INCH
    size = f"{plan.width * to_mm:.0f} × {plan.height * to_mm:.0f} mm"
    if options.format == "svg":
        return f"A drawing of {size}"
    count = plan.pages + (1 if plan.pages > 1 else 0)
    text = f"{count} page{'s' if count > 1 else ''} of {size}"
    if plan.pages > 1:
        text += f" (an overview and {plan.pages} tiles)"
    elif plan.scale < POINTS_PER_UNIT * 0.999:
        text += f", the board at {plan.scale / POINTS_PER_UNIT:.0%} of natural size"
    if options.with_findings:
        text += ", then the findings"
    return text


def _tag(painter: QPainter, corner: QRectF, text: str, size: float) -> None:
    """A small white label in the top-left corner of ``corner``."""
    painter.save()
    font = export_font(size, bold=True)
    box = QRectF(corner.left() + 2.0, corner.top() + 2.0, measure(font).horizontalAdvance(text) + 10.0,
                 size + 5.0)
    painter.setFont(font)
    painter.setPen(QPen(decor.MUTED, 0.5))
    painter.setBrush(QColor(255, 255, 255, 230))
    painter.drawRect(box)
    painter.setPen(decor.INK)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
