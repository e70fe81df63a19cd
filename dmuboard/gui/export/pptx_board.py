"""The board on a slide: the two sides and their headings, the lines, the cards, and
the title block above them; and the overview of a board split over several slides.

Everything is drawn from :class:`~.pptx_geometry.SceneGeometry`, through a
:class:`~.pptx_shapes.Frame` that maps the slide's part of the scene onto its body.
"""

from __future__ import annotations

from typing import Any

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from dmuboard.gui.canvas.background import CAPTIONS
from dmuboard.gui.canvas.style import Theme
from dmuboard.gui.export import decor
from dmuboard.gui.export.pptx_cards import draw_card
from dmuboard.gui.export.pptx_geometry import CardShape, SceneGeometry
from dmuboard.gui.export.pptx_lines import connect, draw_line, site
from dmuboard.gui.export.pptx_shapes import SLIDE_WIDTH, Frame, box, text
from dmuboard.gui.export.pptx_stamp import shape_id
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
        box(shapes, MSO_SHAPE.RECTANGLE, QRectF(SLIDE_WIDTH - MARGIN - 170.0, MARGIN + 14.0, 170.0, 15.0),
            None, QColor("#8a1c22"), 0.9, "Internal mark", label=((decor.INTERNAL_MARK, QColor("#8a1c22")),),
            size=8.0, bold=True)
    connect(shapes, (MARGIN, MARGIN + TITLE_HEIGHT - 8.0), (SLIDE_WIDTH - MARGIN, MARGIN + TITLE_HEIGHT - 8.0),
            decor.RULE, 0.75, "Rule")


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
        connect(shapes, (frame.x(0.0), frame.y(area.top())), (frame.x(0.0), frame.y(area.bottom())), theme.divide,
                1.5, "Divide")
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
        first = next(iter(bodies.values()))
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
    line = connect(shapes, (frame.x(x1), frame.y(y1)), (frame.x(x2), frame.y(y2)), theme.link["reports_to"], 0.5,
                   f"{ends[0].person.name} – {ends[1].person.name}")
    glue(line, (shape_id(bodies[0]), site(ends[0], points[0])), (shape_id(bodies[1]), site(ends[1], points[-1])))


def draw_grid(shapes: Any, frame: Frame, parts: list[tuple[QRectF, int]]) -> None:
    """On the overview: the outline of each slide's part of the board and its number."""
    for source, number in parts:
        outline = frame.rect(source)
        box(shapes, MSO_SHAPE.RECTANGLE, outline, None, QColor(29, 35, 44), 0.8, f"Slide {number}")
        box(shapes, MSO_SHAPE.RECTANGLE, QRectF(outline.left() + 2.0, outline.top() + 2.0, 52.0, 14.0),
            QColor("white"), decor.MUTED, 0.5, f"Label of slide {number}", label=((f"Slide {number}", decor.INK),),
            size=8.0, bold=True)
