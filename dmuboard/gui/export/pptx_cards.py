"""A person's card on a slide: one group of native shapes, every word editable.

The group holds the card (a rounded rectangle for the customer's people, an octagon
with cut corners for ours), the stance band (the card's edge in the stance colour,
hatched for a skeptic or blocker), the small figure, the name and title, the role
chips, the stance word or OUR TEAM, the influence pips and a finding's badge, placed
where the canvas places them. What the scene does not show (stance and badges under
the Proposal profile, where the redacted board has no stance and one influence for
all) is not drawn, so it is not in the file.
"""

from __future__ import annotations

from typing import Any

from pptx.enum.dml import MSO_PATTERN
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor

from dmuboard.gui.canvas.style import Theme
from dmuboard.gui.canvas.tokenpaint import BADGE_MARKS, BAND, CUT, RADIUS
from dmuboard.gui.export.pptx_geometry import CardShape
from dmuboard.gui.export.pptx_shapes import Frame, box, emu, text
from dmuboard.gui.export.pptx_xml import group
from dmuboard.model.vocabulary import stance_text

PIPS = "●●●●●"
PIP_SIZE = 14.0  # points per scene unit of scale: a dot every 9 units, as the canvas spaces them
WHITE = QColor("white")


def draw_card(shapes: Any, card: CardShape, frame: Frame, theme: Theme, *, show_stance: bool,
              internal: bool) -> Any:
    """Add ``card`` as a group to ``shapes``; returns the card's own shape (for glue)."""
    person = card.person
    ours = person.side == "ours"
    members = shapes.collecting()
    rect = frame.rect(card.rect)
    k = frame.scale
    if ours:
        body = box(members, MSO_SHAPE.OCTAGON, rect, theme.ours_card, theme.ours_border, 2.2 * k, person.name,
                   adjust=CUT / min(card.rect.width(), card.rect.height()))
    else:
        body = box(members, MSO_SHAPE.ROUNDED_RECTANGLE, rect, theme.card, theme.card_border, 1.2 * k, person.name,
                   adjust=RADIUS / min(card.rect.width(), card.rect.height()))
        if show_stance:
            _band(members, card, frame, theme)
    layout = theme.layout

    def at(dx: float, dy: float, w: float, h: float) -> QRectF:
        return QRectF(rect.left() + dx * k, rect.top() + dy * k, w * k, h * k)

    if layout.figure:
        _figure(members, frame, card.rect.topLeft() + QPointF(18.0, 19.0),
                theme.ours_border if ours else theme.muted_text)
    room = card.rect.width() - layout.text_left - (14.0 if card.badge else 8.0)
    name_lines = card.name.count("\n") + 1
    name_h = theme.name_font.pointSizeF() * 96 / 72 * 1.3 * name_lines
    text(members, at(card.name_at[0], card.name_at[1], room, name_h), card.name, theme.text,
         frame.font(theme.name_font.pointSizeF()), bold=True, name="Name")
    if card.title:
        text(members, at(card.title_at[0], card.title_at[1], room, theme.title_font.pointSizeF() * 96 / 72 * 1.3),
             card.title, theme.muted_text, frame.font(theme.title_font.pointSizeF()), name="Title")
    for chip, label in card.chips:
        box(members, MSO_SHAPE.ROUNDED_RECTANGLE, at(chip.left(), chip.top(), chip.width(), chip.height()),
            theme.chip, theme.chip.darker(125), 0.8 * k, f"Role {label}", adjust=4.0 / chip.height(),
            label=((label, theme.chip_text),), size=frame.font(theme.small_font.pointSizeF()), bold=True)
    bottom = at(13.0, card.rect.height() - layout.bottom_inset - layout.bottom_height,
                card.rect.width() - 20.0, layout.bottom_height)
    if ours:
        text(members, bottom, "OUR TEAM", theme.ours_border, frame.font(theme.small_font.pointSizeF()),
             bold=True, anchor=MSO_ANCHOR.MIDDLE, name="Side")
    elif show_stance:
        colour = theme.stance[person.stance]
        readable = theme.text if colour.lightness() > 170 else colour.darker(115)
        text(members, bottom, stance_text(person.stance), readable, frame.font(theme.stance_font.pointSizeF()),
             bold=True, anchor=MSO_ANCHOR.MIDDLE, name="Stance")
    if internal:
        _pips(members, card, frame, theme, bottom)
    if card.badge:
        _badge(members, card, frame, theme)
    group(shapes, members.made or [], f"Card: {person.name}",
          (emu(rect.left()), emu(rect.top()), emu(rect.width()), emu(rect.height())))
    return body


def _band(shapes: Any, card: CardShape, frame: Frame, theme: Theme) -> None:
    """The stance colour down the card's left edge, its outer corners rounded: a shape
    rounded on two corners of one side, turned so that side is the left."""
    r = card.rect
    centre_x, centre_y = r.left() + BAND / 2, r.center().y()
    unturned = QRectF(centre_x - r.height() / 2, centre_y - BAND / 2, r.height(), BAND)
    stance = card.person.stance
    colour = theme.stance[stance]
    # hatched as on the canvas for a skeptic or blocker, so greyscale prints tell them apart
    hatch = (MSO_PATTERN.WIDE_UPWARD_DIAGONAL, colour.lighter(160)) if stance in ("blocker", "skeptic") else None
    box(shapes, MSO_SHAPE.ROUND_2_SAME_RECTANGLE, frame.rect(unturned), colour, name="Stance band", adjust=0.5,
        rotation=270.0, hatch=hatch)


def _figure(shapes: Any, frame: Frame, at: QPointF, colour: Any) -> None:
    """The small head and shoulders left of the name."""
    head = QRectF(at.x() - 4.2, at.y() - 9.2, 8.4, 8.4)
    box(shapes, MSO_SHAPE.OVAL, frame.rect(head), colour, name="Figure")
    shoulders = QRectF(at.x() - 7.5, at.y() - 0.5, 15.0, 8.5)
    box(shapes, MSO_SHAPE.FLOWCHART_DELAY, frame.rect(shoulders), colour, name="Figure", rotation=270.0)


def _pips(shapes: Any, card: CardShape, frame: Frame, theme: Theme, bottom: QRectF) -> None:
    """Influence 1 to 5 as five dots, filled up to the person's influence."""
    k = frame.scale
    influence = card.person.influence
    rect = frame.rect(card.rect)
    place = QRectF(rect.right() - 52.0 * k, bottom.top(), 48.0 * k, bottom.height())
    if theme.layout.pips_beside_chips:
        chips_top = rect.top() + theme.layout.chips_top * k
        place.moveTop(chips_top + (theme.layout.chip_height * k - place.height()) / 2)
    box(shapes, MSO_SHAPE.RECTANGLE, place, None, None, name=f"Influence {influence} of 5",
        label=((PIPS[:influence], theme.pip_on), (PIPS[influence:], theme.pip_off)), size=PIP_SIZE * k,
        align=PP_ALIGN.RIGHT)


def _badge(shapes: Any, card: CardShape, frame: Frame, theme: Theme) -> None:
    level = card.badge or "low"
    centre = QPointF(card.rect.right() - 2.0, card.rect.top() + 2.0)
    disc = QRectF(centre.x() - 10.0, centre.y() - 10.0, 20.0, 20.0)
    box(shapes, MSO_SHAPE.OVAL, frame.rect(disc), theme.badge.get(level, theme.badge["low"]),
        WHITE, 2.0 * frame.scale, f"Finding: {level}", label=((BADGE_MARKS.get(level, "!"), WHITE),),
        size=frame.font(theme.small_font.pointSizeF()), bold=True)
