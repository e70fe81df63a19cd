"""The title block above the board and the legend below it.

Both are painted in page coordinates (points) with the bundled font, as plain text
(``QPainter.drawText`` never reads markup). The legend uses the canvas's own
colours, chip labels and stance symbols, so the page explains what the board shows;
under the Proposal profile it leaves out stances and conflict lines.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from dmuboard.gui.canvas.linkdraw import draw_line_sample
from dmuboard.gui.canvas.style import Theme
from dmuboard.gui.common.qtapp import export_font, measure
from dmuboard.model.board import ROLES, STANCES, BoardInfo
from dmuboard.model.vocabulary import ROLE_CHIPS, STANCE_SYMBOLS

INK = QColor("#1d232c")
MUTED = QColor("#5d6673")
RULE = QColor("#9aa3b0")
INTERNAL_MARK = "INTERNAL – not for the customer"

LEGEND_SIZE = 7.0  # points
ROW_HEIGHT = 13.0
SAMPLE_WIDTH = 26.0


@dataclass(frozen=True, slots=True)
class TitleText:
    """What the title block says."""

    title: str
    subtitle: str
    date: str
    page: str  # "Page 2 of 6 · row 1, column 2", or ""
    internal: bool


def title_text(info: BoardInfo, date: str, page: str, internal: bool) -> TitleText:
    parts = [info.customer.strip()]
    if info.our_company.strip():
        parts.append(f"prepared by {info.our_company.strip()}")
    return TitleText(info.title, " · ".join(p for p in parts if p), date, page, internal)


def paint_title_block(painter: QPainter, box: QRectF, text: TitleText) -> None:
    """Board title and customer on the left, date and page on the right, a rule below."""
    painter.save()
    small = export_font(8.5)
    metrics = measure(small)
    right_lines = [line for line in (text.date, text.page) if line]
    right_w = max([metrics.horizontalAdvance(line) for line in right_lines] + [_mark_width() if text.internal else 0.0])
    right_w = min(right_w + 2.0, box.width() * 0.45)
    left = QRectF(box.left(), box.top(), box.width() - right_w - 12.0, box.height())
    right = QRectF(box.right() - right_w, box.top(), right_w, box.height())
    title_font = _title_font(text.title, left.width())
    painter.setFont(title_font)
    painter.setPen(INK)
    title = measure(title_font).elidedText(text.title, Qt.TextElideMode.ElideRight, left.width())
    painter.drawText(QRectF(left.left(), left.top(), left.width(), 20.0),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
    painter.setFont(small)
    painter.setPen(MUTED)
    subtitle = metrics.elidedText(text.subtitle, Qt.TextElideMode.ElideRight, left.width())
    painter.drawText(QRectF(left.left(), left.top() + 22.0, left.width(), 14.0), Qt.AlignmentFlag.AlignLeft,
                     subtitle)
    for i, line in enumerate(right_lines):
        painter.drawText(QRectF(right.left(), right.top() + 2.0 + 12.0 * i, right.width(), 12.0),
                         Qt.AlignmentFlag.AlignRight, metrics.elidedText(line, Qt.TextElideMode.ElideLeft,
                                                                         right.width()))
    if text.internal:
        _paint_internal_mark(painter, right)
    painter.setPen(QPen(RULE, 0.75))
    painter.drawLine(QPointF(box.left(), box.bottom() - 1.0), QPointF(box.right(), box.bottom() - 1.0))
    painter.restore()


def _title_font(title: str, width: float) -> QFont:
    """The board title's font: 14 points, smaller for a long title (elided below 10)."""
    for size in (14.0, 12.5, 11.0, 10.0):
        font = export_font(size, bold=True)
        if measure(font).horizontalAdvance(title) <= width:
            break
    return font


def _mark_width() -> float:
    return measure(export_font(7.0, bold=True)).horizontalAdvance(INTERNAL_MARK) + 10.0


def _paint_internal_mark(painter: QPainter, right: QRectF) -> None:
    width = _mark_width()
    mark = QRectF(right.right() - width, right.top() + 27.0, width, 12.0)
    painter.setFont(export_font(7.0, bold=True))
    painter.setPen(QPen(QColor("#8a1c22"), 0.9))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(mark)
    painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, INTERNAL_MARK)


# -- legend ------------------------------------------------------------------------

Sample = Callable[[QPainter, QRectF, Theme], None]


@dataclass(frozen=True, slots=True)
class Entry:
    """One legend entry: a small drawing and its words. A heading has no drawing."""

    text: str
    sample: Sample | None = None
    bold: bool = False


def legend_entries(proposal: bool) -> list[Entry]:
    entries = [Entry("Roles:", bold=True)]
    entries += [Entry(role, _chip(ROLE_CHIPS[role])) for role in ROLES]
    entries.append(Entry("Lines:", bold=True))
    entries += [Entry("reports to", _line("reports_to")),
                Entry("influences", _line("influences")),
                Entry("our relationship", _line("relationship", width=4.0))]
    if not proposal:
        entries.append(Entry("conflict", _line("conflict", width=2.2)))
        entries.append(Entry("Stance:", bold=True))
        entries += [Entry(stance, _stance(stance)) for stance in STANCES]
    entries += [Entry("Sides:", bold=True), Entry("their people", _card(False)), Entry("our team", _card(True))]
    return entries


def _place(entries: list[Entry], width: float) -> list[tuple[Entry, QRectF]]:
    """Flow the entries left to right, wrapping; a heading starts a new group."""
    font = export_font(LEGEND_SIZE)
    bold = export_font(LEGEND_SIZE, bold=True)
    widths = [measure(bold if e.bold else font).horizontalAdvance(e.text)
              + (SAMPLE_WIDTH + 4.0 if e.sample else 0.0) + 10.0 for e in entries]
    x = y = 0.0
    placed = []
    for i, (entry, w) in enumerate(zip(entries, widths, strict=True)):
        if entry.bold and x > 0:
            x += 6.0
        # A heading stays with its first entry.
        needed = w + (widths[i + 1] if entry.bold and i + 1 < len(entries) else 0.0)
        if x + needed > width and x > 0:
            x, y = 0.0, y + ROW_HEIGHT
        placed.append((entry, QRectF(x, y, w, ROW_HEIGHT)))
        x += w
    return placed


def legend_height(width: float, proposal: bool) -> float:
    placed = _place(legend_entries(proposal), width)
    return (placed[-1][1].bottom() if placed else 0.0) + 2.0


def paint_legend(painter: QPainter, box: QRectF, proposal: bool, theme: Theme) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(box.topLeft())
    font, bold = export_font(LEGEND_SIZE), export_font(LEGEND_SIZE, bold=True)
    for entry, rect in _place(legend_entries(proposal), box.width()):
        text_left = rect.left()
        if entry.sample:
            entry.sample(painter, QRectF(rect.left(), rect.top() + 2.0, SAMPLE_WIDTH, ROW_HEIGHT - 4.0), theme)
            text_left += SAMPLE_WIDTH + 4.0
        painter.setFont(bold if entry.bold else font)
        painter.setPen(INK)
        painter.drawText(QRectF(text_left, rect.top(), rect.right() - text_left, ROW_HEIGHT),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), entry.text)
    painter.restore()


def _chip(label: str) -> Sample:
    def paint(painter: QPainter, r: QRectF, theme: Theme) -> None:
        painter.setPen(QPen(theme.card_border, 0.5))
        painter.setBrush(theme.chip)
        painter.drawRoundedRect(r, 2.0, 2.0)
        painter.setFont(export_font(5.5, bold=True))
        painter.setPen(theme.chip_text)
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, label)
    return paint


SAMPLE_SCALE = 0.6  # link samples are drawn with the canvas's own shapes, at this scale


def _line(kind: str, *, width: float = 1.8) -> Sample:
    """A short line drawn as the canvas draws ``kind``: pattern, arrow head, zigzag."""
    def paint(painter: QPainter, r: QRectF, theme: Theme) -> None:
        colour = theme.link[kind]
        painter.save()
        painter.translate(r.left(), r.center().y())
        painter.scale(SAMPLE_SCALE, SAMPLE_SCALE)
        line = QLineF(0.0, 0.0, r.width() / SAMPLE_SCALE, 0.0)
        draw_line_sample(painter, kind, line, colour, width, Qt.PenCapStyle.FlatCap)
        painter.restore()
    return paint


def _stance(stance: str) -> Sample:
    def paint(painter: QPainter, r: QRectF, theme: Theme) -> None:
        painter.setPen(QPen(theme.card_border, 0.5))
        painter.setBrush(theme.stance[stance])
        painter.drawRoundedRect(r, 2.0, 2.0)
        painter.setFont(export_font(5.5, bold=True))
        dark = theme.stance[stance].lightnessF() < 0.55
        painter.setPen(QColor("#ffffff") if dark else INK)
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, STANCE_SYMBOLS[stance])
    return paint


def _card(ours: bool) -> Sample:
    def paint(painter: QPainter, r: QRectF, theme: Theme) -> None:
        painter.setPen(QPen(theme.ours_border if ours else theme.card_border, 0.9))
        painter.setBrush(theme.ours_card if ours else theme.card)
        painter.drawRoundedRect(r, 2.0, 2.0)
    return paint
