"""A link on a slide: a connector glued to its two cards, drawn as the canvas draws it.

Reporting lines are solid with an arrow at the manager, influence lines dashed with an
arrow, relationships thicker by their strength with the strength as dots in a pill at
the middle, conflicts red with the crossed disc at the middle. Each connector starts
where the canvas line starts and is glued to the nearest connection site of each
card, so moving a card in PowerPoint keeps its lines on it. (A connector cannot
zigzag, so the conflict line is straight; its mark tells it apart, as in greyscale.)

Under the Proposal profile a relationship is one width for all and has no pill: the
strength is not written anywhere.
"""

from __future__ import annotations

from typing import Any

from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor

from dmuboard.gui.canvas.linkdraw import EMPTY_DOT, PILL, line_width
from dmuboard.gui.canvas.style import Theme
from dmuboard.gui.canvas.tokenpaint import CUT
from dmuboard.gui.export.pptx_cards import PIPS, WHITE
from dmuboard.gui.export.pptx_geometry import CardShape, LineShape, Point
from dmuboard.gui.export.pptx_shapes import Frame, box, emu, rgb
from dmuboard.gui.export.pptx_stamp import Sheet, place, shape_id
from dmuboard.gui.export.pptx_xml import arrow_head, glue, xml_text
from dmuboard.model.vocabulary import LINK_VERBS

PROPOSAL_RELATIONSHIP_WIDTH = 3.0  # scene units: every relationship alike, whatever its strength
CROSS = 3.8


def draw_line(shapes: Any, line: LineShape, ends: tuple[CardShape, CardShape], bodies: tuple[Any, Any],
              frame: Frame, theme: Theme, *, internal: bool) -> Any:
    """Add ``line`` between the two card shapes ``bodies``; returns the connector."""
    link = line.link
    (x1, y1), (x2, y2) = line.points[0], line.points[-1]
    source, target = ends
    width = line_width(link) if internal or link.kind != "relationship" else PROPOSAL_RELATIONSHIP_WIDTH
    connector = connect(shapes, (frame.x(x1), frame.y(y1)), (frame.x(x2), frame.y(y2)), theme.link[link.kind],
                        width * theme.line_scale * frame.scale,
                        f"{source.person.name} {LINK_VERBS[link.kind]} {target.person.name}",
                        dashed=link.kind == "influences", arrow=link.directed)
    glue(connector, (shape_id(bodies[0]), site(source, line.points[0])),
         (shape_id(bodies[1]), site(target, line.points[-1])))
    middle = QPointF((x1 + x2) / 2, (y1 + y2) / 2)
    if link.kind == "relationship" and internal:
        _pill(shapes, middle, link.strength or 3, frame, theme)
    elif link.kind == "conflict":
        _cross(shapes, middle, frame, theme)
    return connector


def connect(shapes: Any, begin: Point, end: Point, colour: QColor, width: float, name: str, *,
            dashed: bool = False, arrow: bool = False) -> Any:
    """A straight connector from ``begin`` to ``end`` (slide points); returns its element."""
    (x1, y1), (x2, y2) = begin, end

    def make() -> Any:
        connector = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, emu(x1), emu(y1), emu(x2), emu(y2))
        pen = connector.line
        pen.color.rgb = rgb(colour)
        pen.width = emu(width)
        if dashed:
            pen.dash_style = MSO_LINE_DASH_STYLE.DASH
        if arrow:
            arrow_head(pen)
        return connector

    key = ("line", colour.rgba(), round(width, 3), dashed, arrow)
    if not isinstance(shapes, Sheet):
        element = make()._element
    else:
        where = (emu(min(x1, x2)), emu(min(y1, y2)), emu(abs(x2 - x1)), emu(abs(y2 - y1)))
        element = shapes.stamp(key, make, where, name)
        place(element, *where, flip_h=x1 > x2, flip_v=y1 > y2)
    element[0][0].set("name", xml_text(name))
    return element


def sites(card: CardShape) -> list[Point]:
    """The connection sites of a card's shape, in PowerPoint's order, in scene units:
    the middles of the four sides of a rounded rectangle (top, left, bottom, right);
    the ends of the four straight sides of an octagon (from the right side's top on)."""
    r = card.rect
    left, top, right, bottom = r.left(), r.top(), r.right(), r.bottom()
    if card.person.side != "ours":
        return [(r.center().x(), top), (left, r.center().y()), (r.center().x(), bottom), (right, r.center().y())]
    c = CUT
    return [(right, top + c), (right, bottom - c), (right - c, bottom), (left + c, bottom),
            (left, bottom - c), (left, top + c), (left + c, top), (right - c, top)]


def site(card: CardShape, point: Point) -> int:
    """The index of the card's connection site nearest to ``point``."""
    x, y = point
    found = sites(card)
    return min(range(len(found)), key=lambda i: (found[i][0] - x) ** 2 + (found[i][1] - y) ** 2)


def _pill(shapes: Any, centre: QPointF, strength: int, frame: Frame, theme: Theme) -> None:
    """The strength as dots in a white pill."""
    w, h = PILL
    colour = theme.link["relationship"]
    box(shapes, MSO_SHAPE.ROUNDED_RECTANGLE, frame.rect(QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)),
        WHITE, colour, 1.2 * frame.scale, f"Strength {strength} of 5", adjust=0.5,
        label=((PIPS[:strength], colour), (PIPS[strength:], EMPTY_DOT)), size=12.0 * frame.scale)


def _cross(shapes: Any, centre: QPointF, frame: Frame, theme: Theme) -> None:
    """The conflict mark: a white disc with a red X."""
    colour = theme.link["conflict"]
    disc = QRectF(centre.x() - 8.0, centre.y() - 8.0, 16.0, 16.0)
    box(shapes, MSO_SHAPE.OVAL, frame.rect(disc), WHITE, colour, 1.6 * frame.scale, "Conflict")
    for dy in (-CROSS, CROSS):
        connect(shapes, (frame.x(centre.x() - CROSS), frame.y(centre.y() + dy)),
                (frame.x(centre.x() + CROSS), frame.y(centre.y() - dy)), colour, 2.4 * frame.scale, "Conflict")
