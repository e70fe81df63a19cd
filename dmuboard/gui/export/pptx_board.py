"""The board on a slide: the two sides and their headings, the lines, the cards, and
the title block above them; and the overview of a board split over several slides.

Everything is drawn from :class:`~.pptx_geometry.SceneGeometry`, through a
:class:`~.pptx_shapes.Frame` that maps the slide's part of the scene onto its body.
"""

from __future__ import annotations

from typing import Any

from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from dmuboard.gui.canvas.background import CAPTIONS
from dmuboard.gui.canvas.style import Theme
from dmuboard.gui.export import decor
from dmuboard.gui.export.pptx_cards import draw_card
from dmuboard.gui.export.pptx_geometry import CardShape, SceneGeometry
from dmuboard.gui.export.pptx_lines import draw_line, site
from dmuboard.gui.export.pptx_shapes import SLIDE_WIDTH, Frame, box, emu, rgb, runs, text
from dmuboard.gui.export.pptx_xml import glue
from dmuboard.model.board import BoardInfo

MARGIN = 24.0  # points around a slide's contents
TITLE_HEIGHT = 50.0
HEADER_GAP = 40.0  # scene units between the divide and a company name, as on the canvas


def body_rect(with_title: bool, height: float) -> QRectF:
    """The part of a slide the board is drawn in."""
    top = MARGIN + (TITLE_HEIGHT if with_title else 0.0)
    return QRectF(MARGIN, top, SLIDE_WIDTH - 2 * MARGIN, height - top - MARGIN)


def draw_title(shapes: Any, title: decor.TitleText) -> None:
    """Board title and customer on the left; date, page and (internal) the warning on the right."""
    right_w = 260.0
    left_w = SLIDE_WIDTH - 2 * MARGIN - right_w - 12.0
    text(shapes, QRectF(MARGIN, MARGIN - 6.0, left_w, 26.0), title.title, decor.INK, 20.0, bold=True,
         name="Board title")
    if title.subtitle:
        text(shapes, QRectF(MARGIN, MARGIN + 20.0, left_w, 16.0), title.subtitle, decor.MUTED, 11.0,
             name="Customer")
    right = " · ".join(part for part in (title.date, title.page) if part)
    text(shapes, QRectF(SLIDE_WIDTH - MARGIN - right_w, MARGIN - 4.0, right_w, 14.0), right, decor.MUTED, 9.0,
         align=PP_ALIGN.RIGHT, name="Date and page")
    if title.internal:
        mark = box(shapes, MSO_SHAPE.RECTANGLE, QRectF(SLIDE_WIDTH - MARGIN - 170.0, MARGIN + 14.0, 170.0, 15.0),
                   None, QColor("#8a1c22"), 0.9, "Internal mark")
        runs(mark, [(decor.INTERNAL_MARK, QColor("#8a1c22"))], 8.0, bold=True, align=PP_ALIGN.CENTER,
             anchor=MSO_ANCHOR.MIDDLE)
    rule = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, emu(MARGIN), emu(MARGIN + TITLE_HEIGHT - 8.0),
                                emu(SLIDE_WIDTH - MARGIN), emu(MARGIN + TITLE_HEIGHT - 8.0))
    rule.name = "Rule"
    rule.line.color.rgb = rgb(decor.RULE)
    rule.line.width = emu(0.75)


def draw_sides(shapes: Any, frame: Frame, theme: Theme, info: BoardInfo, header_top: float, profile: str) -> None:
    """The two tinted sides, the divide between them, and each side's name and caption."""
    area = frame.source
    if area.left() < 0:
        box(shapes, MSO_SHAPE.RECTANGLE, frame.rect(QRectF(area.left(), area.top(), min(0.0, area.right())
                                                          - area.left(), area.height())),
            theme.customer_area, name="Their side")
    if area.right() > 0:
        left = max(0.0, area.left())
        box(shapes, MSO_SHAPE.RECTANGLE, frame.rect(QRectF(left, area.top(), area.right() - left, area.height())),
            theme.ours_area, name="Our side")
    if area.left() < 0 < area.right():
        divide = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, emu(frame.x(0.0)), emu(frame.y(area.top())),
                                      emu(frame.x(0.0)), emu(frame.y(area.bottom())))
        divide.name = "Divide"
        divide.line.color.rgb = rgb(theme.divide)
        divide.line.width = emu(1.5)
    head_h = theme.header_font.pointSizeF() * 96 / 72 * 1.3
    if not frame.shows(QRectF(area.left(), header_top, area.width(), head_h + 30.0)):
        return
    theirs, ours = CAPTIONS.get(profile, CAPTIONS["internal"])
    sides = ((-1, info.customer or "Customer", theirs), (1, info.our_company or "Our company", ours))
    for sign, name, caption in sides:
        room = (-HEADER_GAP - area.left()) if sign < 0 else (area.right() - HEADER_GAP)
        if room <= 0:
            continue
        x = -HEADER_GAP - room if sign < 0 else HEADER_GAP
        align = PP_ALIGN.RIGHT if sign < 0 else PP_ALIGN.LEFT
        text(shapes, frame.rect(QRectF(x, header_top, room, head_h)), name, theme.header,
             frame.font(theme.header_font.pointSizeF()), bold=True, align=align, anchor=MSO_ANCHOR.MIDDLE,
             name="Their company" if sign < 0 else "Our company")
        text(shapes, frame.rect(QRectF(x, header_top + head_h + 2.0, room, 22.0)), caption, theme.header_caption,
             frame.font(theme.caption_font.pointSizeF()), align=align, name="Caption")


def draw_board(shapes: Any, geometry: SceneGeometry, frame: Frame, theme: Theme, *, internal: bool,
               brief: bool = False) -> dict[str, Any]:
    """The lines and cards of ``geometry`` that ``frame`` shows; returns the card shapes
    by person. ``brief`` (an overview) draws each card as its outline only."""
    shown = {pid: card for pid, card in geometry.cards.items() if frame.shows(card.rect)}
    bodies: dict[str, Any] = {}
    for pid, card in shown.items():
        if brief:
            bodies[pid] = _outline(shapes, card, frame, theme)
        else:
            bodies[pid] = draw_card(shapes, card, frame, theme, show_stance=geometry.show_stance, internal=internal)
    tree = shapes._spTree
    before = set(tree)
    for line in geometry.lines:
        a, b = line.link.source, line.link.target
        if a in bodies and b in bodies:
            if brief:
                _plain_line(shapes, line.points, (shown[a], shown[b]), (bodies[a], bodies[b]), frame, theme)
            else:
                draw_line(shapes, line, (shown[a], shown[b]), (bodies[a], bodies[b]), frame, theme,
                          internal=internal)
    if bodies:  # the lines go under the cards, as on the canvas
        first = next(iter(bodies.values()))._element
        first = first.getparent() if first.getparent() is not tree else first
        for element in [child for child in tree if child not in before]:
            first.addprevious(element)
    return bodies


def _outline(shapes: Any, card: CardShape, frame: Frame, theme: Theme) -> Any:
    ours = card.person.side == "ours"
    preset = MSO_SHAPE.OCTAGON if ours else MSO_SHAPE.ROUNDED_RECTANGLE
    return box(shapes, preset, frame.rect(card.rect), theme.ours_card if ours else theme.card,
               theme.ours_border if ours else theme.card_border, 0.5, card.person.name)


def _plain_line(shapes: Any, points: tuple[tuple[float, float], ...], ends: tuple[CardShape, CardShape],
                bodies: tuple[Any, Any], frame: Frame, theme: Theme) -> None:
    (x1, y1), (x2, y2) = points[0], points[-1]
    line = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, emu(frame.x(x1)), emu(frame.y(y1)),
                                emu(frame.x(x2)), emu(frame.y(y2)))
    line.line.color.rgb = rgb(theme.link["reports_to"])
    line.line.width = emu(0.5)
    glue(line, (bodies[0].shape_id, site(ends[0], points[0])), (bodies[1].shape_id, site(ends[1], points[-1])))


def draw_grid(shapes: Any, frame: Frame, parts: list[tuple[QRectF, int]]) -> None:
    """On the overview: the outline of each slide's part of the board and its number."""
    for source, number in parts:
        outline = box(shapes, MSO_SHAPE.RECTANGLE, frame.rect(source), None, QColor(29, 35, 44), 0.8,
                      f"Slide {number}")
        outline.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        corner = frame.rect(source)
        label = box(shapes, MSO_SHAPE.RECTANGLE, QRectF(corner.left() + 2.0, corner.top() + 2.0, 52.0, 14.0),
                    QColor("white"), decor.MUTED, 0.5, f"Label of slide {number}")
        runs(label, [(f"Slide {number}", decor.INK)], 8.0, bold=True, align=PP_ALIGN.CENTER,
             anchor=MSO_ANCHOR.MIDDLE)
