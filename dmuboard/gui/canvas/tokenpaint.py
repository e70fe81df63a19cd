"""Painting a token card: the shape, stance band, figure glyph, role chips, pips, badge.

Only words the program itself chose are painted here (role labels, stance words);
the person's name and title are separate plain-text items of the token.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from dmuboard.gui.canvas.tokenlayout import chips_fit
from dmuboard.model.vocabulary import ROLE_CHIPS, stance_text

if TYPE_CHECKING:
    from dmuboard.gui.canvas.token import TokenItem

BAND = 7.0
RADIUS = 9.0
CUT = 13.0
HANDLE_RADIUS = 8.0
BADGE_MARKS = {"high": "!!", "medium": "!", "low": "i"}
ANTIALIASING = QPainter.RenderHint.Antialiasing
NO_PEN = QPen(Qt.PenStyle.NoPen)
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
HATCH = QBrush(QColor(255, 255, 255, 150), Qt.BrushStyle.BDiagPattern)  # blocker, skeptic: greyscale-safe
SHADOW = QBrush(QColor(0, 0, 0, 28))


def chamfered(rect: QRectF, cut: float) -> QPolygonF:
    """A rectangle with its corners cut off: the shape of our own people."""
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    return QPolygonF(
        [
            QPointF(left + cut, top),
            QPointF(right - cut, top),
            QPointF(right, top + cut),
            QPointF(right, bottom - cut),
            QPointF(right - cut, bottom),
            QPointF(left + cut, bottom),
            QPointF(left, bottom - cut),
            QPointF(left, top + cut),
        ]
    )


def card_path(token: TokenItem, grow: float = 0.0) -> QPainterPath:
    rect = token.card_rect().adjusted(-grow, -grow, grow, grow)
    path = QPainterPath()
    if token.person.side == "ours":
        path.addPolygon(chamfered(rect, CUT + grow * 0.4))
        path.closeSubpath()
    else:
        path.addRoundedRect(rect, RADIUS + grow, RADIUS + grow)
    return path


def paint_token(token: TokenItem, painter: QPainter, near: bool = True) -> None:
    """Paint the card; from far away (``near`` false) only its shape, border and stance band."""
    painter.setRenderHint(ANTIALIASING, True)
    if token.on_path or token.highlighted:
        _outlines(token, painter)
    person = token.person
    ours = person.side == "ours"
    if not near:
        _paint_card(token, painter, ours, border_scale=2.5)  # thicker, so the outline still shows
        return
    theme = token.look.theme
    rect = token.card_rect()
    # a soft shadow, so tokens sit on the table
    painter.setPen(NO_PEN)
    painter.setBrush(SHADOW)
    painter.drawPath(_card_shapes(token, ours)[0].translated(1.5, 2.5))
    _paint_card(token, painter, ours, border_scale=1.0)

    layout = theme.layout
    if layout.figure:
        figure = theme.ours_border if ours else theme.muted_text
        _figure(painter, QPointF(rect.left() + 18.0, rect.top() + 19.0), figure)
    bottom = QRectF(rect.left() + 13.0, rect.bottom() - layout.bottom_inset - layout.bottom_height,
                    rect.width() - 20.0, layout.bottom_height)
    chips_top = rect.top() + layout.chips_top
    chip_row = chips_fit(layout, rect.height())  # left out on a projector card squeezed by close rows
    if ours:
        painter.setFont(theme.small_font)
        painter.setPen(theme.ours_border)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "OUR TEAM")
    else:
        if chip_row:
            _chips(token, painter, card_chips(token))
        if token.look.show_stance:
            painter.setFont(theme.stance_font)
            painter.setPen(_readable(theme.stance[person.stance], theme.text))
            painter.drawText(
                bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, stance_text(person.stance)
            )
    pips_y = chips_top + layout.chip_height / 2 if layout.pips_beside_chips else bottom.center().y()
    if token.look.show_ratings and (chip_row or not layout.pips_beside_chips):
        _pips(token, painter, QPointF(rect.right() - 10.0, pips_y))

    if token.badge and token.look.show_badges:
        _badge(token, painter, QPointF(rect.right() - 2.0, rect.top() + 2.0))
    if token.look.editable and theme.editing_marks and (token.hovered or token.isSelected()):
        _handle(token, painter)


def _outlines(token: TokenItem, painter: QPainter) -> None:
    """The rings around a card on the introduction path or among the find matches."""
    theme = token.look.theme
    for flag, colour in ((token.on_path, theme.path), (token.highlighted, theme.highlight)):
        if flag:
            painter.setPen(QPen(colour, 5.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(card_path(token, 5.0))


def _border(token: TokenItem, ours: bool) -> tuple[QColor, float]:
    theme = token.look.theme
    if token.isSelected() and theme.editing_marks:
        return theme.selection, 3.0
    return (theme.ours_border, 2.2) if ours else (theme.card_border, 1.2)


# From far away a card is a few pixels across, and a big board has thousands of them
# in one paint: cards are drawn from shapes, pens and brushes made once per card size
# and colour, and the far card has no shadow (a fraction of a pixel there). The stance
# band is the card's outline cut to the band, filled: no clip (in a PDF each change of
# clip writes the whole painter state again).
_CARD_SHAPES: dict[tuple[bool, float, float], tuple[QPainterPath, QPainterPath]] = {}
_PENS: dict[tuple[int, float], QPen] = {}
_BRUSHES: dict[int, QBrush] = {}


def _card_shapes(token: TokenItem, ours: bool) -> tuple[QPainterPath, QPainterPath]:
    """The card's outline and its stance band (the band inside the rounded corners)."""
    w, h = token.size
    key = (ours, w, h)
    found = _CARD_SHAPES.get(key)
    if found is None:
        shape = card_path(token)
        rect = token.card_rect()
        band = QPainterPath()
        band.addRect(QRectF(rect.left(), rect.top(), BAND, rect.height()))
        found = _CARD_SHAPES[key] = (shape, band.intersected(shape))
    return found


def _paint_band(token: TokenItem, painter: QPainter, band: QPainterPath) -> None:
    """The stance colour down the card's edge; hatched as well for a blocker or skeptic,
    so that greyscale prints still tell them apart."""
    stance = token.person.stance if token.look.show_stance else "unknown"
    painter.setPen(NO_PEN)
    painter.setBrush(_brush(token.look.theme.stance[stance]))
    painter.drawPath(band)
    if stance in ("blocker", "skeptic"):
        painter.setBrush(HATCH)
        painter.drawPath(band)


def _pen(colour: QColor, width: float) -> QPen:
    key = (colour.rgba(), width)
    pen = _PENS.get(key)
    if pen is None:
        pen = _PENS[key] = QPen(colour, width)
    return pen


def _brush(colour: QColor) -> QBrush:
    key = colour.rgba()
    brush = _BRUSHES.get(key)
    if brush is None:
        brush = _BRUSHES[key] = QBrush(colour)
    return brush


def _paint_card(token: TokenItem, painter: QPainter, ours: bool, border_scale: float) -> None:
    """The card itself: filled, its stance band (theirs only), and its border."""
    theme = token.look.theme
    shape, band = _card_shapes(token, ours)
    painter.setPen(NO_PEN)
    painter.setBrush(_brush(theme.ours_card if ours else theme.card))
    painter.drawPath(shape)
    if not ours:
        _paint_band(token, painter, band)
    border, width = _border(token, ours)
    painter.setPen(_pen(border, width * border_scale))
    painter.setBrush(NO_BRUSH)
    painter.drawPath(shape)


def _readable(colour: QColor, fallback: QColor) -> QColor:
    """The stance colour for text, darkened when it is too light to read on white."""
    return fallback if colour.lightness() > 170 else colour.darker(115)


def _figure(painter: QPainter, at: QPointF, colour: QColor) -> None:
    """A small person: head and shoulders."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(QPointF(at.x(), at.y() - 5.0), 4.2, 4.2)
    shoulders = QPainterPath()
    shoulders.moveTo(at.x() - 7.5, at.y() + 8.0)
    shoulders.cubicTo(at.x() - 7.5, at.y() - 1.0, at.x() + 7.5, at.y() - 1.0, at.x() + 7.5, at.y() + 8.0)
    shoulders.closeSubpath()
    painter.drawPath(shoulders)


def _chips(token: TokenItem, painter: QPainter, boxes: list[tuple[QRectF, str]]) -> None:
    theme = token.look.theme
    painter.setFont(theme.small_font)
    for rect, label in boxes:
        _chip(painter, rect, label, theme.chip, theme.chip_text)


def card_chips(token: TokenItem) -> list[tuple[QRectF, str]]:
    """The role chips of a customer's card as it shows them (card coordinates); none
    where the layout leaves no room for the chip row (also for exports)."""
    layout = token.look.theme.layout
    rect = token.card_rect()
    if token.person.side == "ours" or not chips_fit(layout, rect.height()):
        return []
    pips_room = 50.0 if layout.pips_beside_chips else 0.0
    return chip_boxes(token, QPointF(rect.left() + 13.0, rect.top() + layout.chips_top),
                      rect.width() - 22.0 - pips_room)


def chip_boxes(token: TokenItem, at: QPointF, room: float) -> list[tuple[QRectF, str]]:
    """The role chips that fit in ``room`` from ``at`` (card coordinates) and their
    labels; the ones that do not fit become one "+N" chip (also for exports)."""
    theme = token.look.theme
    metrics = token.look.metrics(theme.small_font)
    x = at.x()
    height = theme.layout.chip_height
    roles = token.person.roles
    boxes: list[tuple[QRectF, str]] = []
    for i, role in enumerate(roles):
        label = ROLE_CHIPS[role]
        width = metrics.horizontalAdvance(label) + 10.0
        rest = len(roles) - i - 1
        if x + width > at.x() + room or (rest and x + width + 26.0 > at.x() + room):
            label = f"+{len(roles) - i}"
            width = metrics.horizontalAdvance(label) + 10.0
            boxes.append((QRectF(x, at.y(), width, height), label))
            break
        boxes.append((QRectF(x, at.y(), width, height), label))
        x += width + 4.0
    return boxes


def _chip(painter: QPainter, rect: QRectF, label: str, fill: QColor, text: QColor) -> None:
    painter.setPen(QPen(fill.darker(125), 0.8))
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, 4.0, 4.0)
    painter.setPen(text)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)


def _pips(token: TokenItem, painter: QPainter, right_centre: QPointF) -> None:
    """Influence 1-5 as five dots, filled up to the person's influence."""
    theme = token.look.theme
    painter.setPen(Qt.PenStyle.NoPen)
    for i in range(5):
        centre = QPointF(right_centre.x() - (4 - i) * 9.0, right_centre.y())
        on = i < token.person.influence
        painter.setBrush(theme.pip_on if on else theme.pip_off)
        painter.drawEllipse(centre, 3.2 if on else 2.6, 3.2 if on else 2.6)


def _badge(token: TokenItem, painter: QPainter, centre: QPointF) -> None:
    theme = token.look.theme
    level = token.badge or "low"
    colour = theme.badge.get(level, theme.badge["low"])
    painter.setPen(QPen(QColor("white"), 2.0))
    painter.setBrush(colour)
    painter.drawEllipse(centre, 10.0, 10.0)
    painter.setPen(QColor("white"))
    painter.setFont(theme.small_font)
    painter.drawText(QRectF(centre.x() - 10, centre.y() - 10, 20, 20), Qt.AlignmentFlag.AlignCenter,
                     BADGE_MARKS.get(level, "!"))


def _handle(token: TokenItem, painter: QPainter) -> None:
    theme = token.look.theme
    centre = token.handle_centre()
    painter.setPen(QPen(theme.handle, 1.6))
    painter.setBrush(QColor("white"))
    painter.drawEllipse(centre, HANDLE_RADIUS, HANDLE_RADIUS)
    painter.drawLine(QPointF(centre.x() - 4, centre.y()), QPointF(centre.x() + 4, centre.y()))
    painter.drawLine(QPointF(centre.x(), centre.y() - 4), QPointF(centre.x(), centre.y() + 4))
