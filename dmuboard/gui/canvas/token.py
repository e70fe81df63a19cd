"""A person on the canvas: a card read at a glance, like a figure on a table.

The customer's people are rounded white cards with a stance band (colour, symbol and
word), role chips and influence pips; our people are chamfered navy-edged cards. The
name and title are :class:`QGraphicsSimpleTextItem` children, so whatever a user typed
is drawn as those characters and never read as markup. Near enough to read, the rest
is painted once and cached, and moving a token only moves a cached picture and
re-routes its own links. From far away a card is its shape, border and stance band,
drawn directly; the name and title items are made the first time the card is seen
near, or, for a board that opens far out, in the background once it is on screen.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from dmuboard.gui.canvas.style import ONE_SIZE, Theme, token_size
from dmuboard.gui.canvas.tokenlayout import wrap_lines
from dmuboard.gui.canvas.tokenpaint import HANDLE_RADIUS, paint_token
from dmuboard.model.board import Link, Person
from dmuboard.model.vocabulary import ROLE_CHIPS, stance_text

if TYPE_CHECKING:
    from dmuboard.gui.canvas.linkitem import LinkItem

EDGE = 14.0  # room outside the card for the handle, the badge and outlines
SIDE_MARGIN = 12.0  # a token's edge keeps this far from the divide


# Enum members looked up once: each lookup through the class costs a Python call.
MOVABLE = QGraphicsItem.GraphicsItemFlag.ItemIsMovable
TOKEN_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | MOVABLE
CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
NO_CACHE = QGraphicsItem.CacheMode.NoCache
NO_BUTTON = Qt.MouseButton.NoButton
FAR = 0.3  # below this scale a card is too small to read: only its shape and stance are drawn
ELIDE = Qt.TextElideMode.ElideRight


@dataclass
class CanvasLook:
    """What every token and link of one scene shares: theme, layers and drag state."""

    theme: Theme = field(default_factory=Theme)
    show_stance: bool = True
    show_badges: bool = True
    # Our ratings of people and relationships (influence dots and card size, relationship
    # strength); the proposal profile leaves them out: one card size, no dots, no pills.
    show_ratings: bool = True
    editable: bool = True
    snap: bool = False
    grid: float = 20.0
    user_drag: bool = False  # positions are being changed by the user's mouse
    # Near enough to read names (the view's zoom at or above FAR)? None until a view
    # has said: nothing made for reading yet.
    near: bool | None = True
    # Whether a line is drawn faded (a relationship gone stale); the scene sets it.
    faded: Callable[[Link], bool] = field(default=lambda _link: False)
    _metrics: dict[int, QFontMetricsF] = field(default_factory=dict)

    def metrics(self, font: QFont) -> QFontMetricsF:
        """Font metrics, kept per font object of the theme (measuring is not free)."""
        found = self._metrics.get(id(font))
        if found is None:
            found = self._metrics[id(font)] = QFontMetricsF(font)
        return found


class TokenItem(QGraphicsItem):
    """The token of one person."""

    def __init__(self, person: Person, look: CanvasLook) -> None:
        super().__init__()
        self.look = look
        self.person = person
        self.links: list[LinkItem] = []
        self.badge: str | None = None
        self.highlighted = False
        self.on_path = False
        self.hovered = False
        self._size = self.card_size(person.influence)
        # No itemChange override and no geometry notifications: on a board of
        # thousands, a Python call for every change of every item is what makes
        # opening slow. The scene clamps dragged tokens and re-routes their links.
        self.setFlags(TOKEN_FLAGS)
        self.setAcceptHoverEvents(True)
        self.setZValue(1.0)
        self._texts: tuple[QGraphicsSimpleTextItem, QGraphicsSimpleTextItem] | None = None
        self._near = False
        self.set_person(person)
        self.set_near(look.near is True)

    # -- content ---------------------------------------------------------------------

    @property
    def pid(self) -> str:
        return self.person.id

    @property
    def size(self) -> tuple[float, float]:
        return self._size

    def card_size(self, influence: int) -> tuple[float, float]:
        """The card of a person of this influence, as the theme's layout sizes it (one
        size for everyone when ratings are not shown)."""
        return self.look.theme.layout.card_size(token_size(influence if self.look.show_ratings else ONE_SIZE))

    def card_rect(self) -> QRectF:
        w, h = self._size
        return QRectF(-w / 2, -h / 2, w, h)

    def set_person(self, person: Person) -> None:
        """Show ``person`` (the position is the scene's business)."""
        size = self.card_size(person.influence)
        if size != self._size:
            self.prepareGeometryChange()
            self._size = size
        self.person = person
        self.set_movable(self.look.editable)
        self.refresh_text()
        self.update()

    @property
    def name_item(self) -> QGraphicsSimpleTextItem:
        return self._text_items()[0]

    @property
    def title_item(self) -> QGraphicsSimpleTextItem:
        return self._text_items()[1]

    def _text_items(self) -> tuple[QGraphicsSimpleTextItem, QGraphicsSimpleTextItem]:
        """The name and title items, made and laid out the first time they are wanted."""
        if self._texts is None:
            self._texts = (QGraphicsSimpleTextItem(self), QGraphicsSimpleTextItem(self))
            for child in self._texts:
                child.setAcceptedMouseButtons(NO_BUTTON)
                child.setCacheMode(CACHE)
                child.setVisible(self._near)
            self.restyle_text()
            self.refresh_text()
        return self._texts

    @property
    def text_made(self) -> bool:
        return self._texts is not None

    def prepare_text(self) -> None:
        """Make the name and title now (hidden while far), not on the first zoom in."""
        self._text_items()

    def set_near(self, near: bool) -> None:
        """Near enough to read: the name and title show and the card is cached as a
        picture. From far away neither: the card is drawn directly, which is cheaper
        than filling thousands of tiny caches, and there is no text to read."""
        if near == self._near:
            return
        self._near = near
        self.setCacheMode(CACHE if near else NO_CACHE)
        if near or self._texts is not None:
            for child in self._text_items():
                child.setVisible(near)

    def set_movable(self, movable: bool) -> None:
        if bool(self.flags() & MOVABLE) != movable:
            self.setFlag(MOVABLE, movable)

    def restyle_text(self) -> None:
        """Card size, fonts and colours of the name and title, from the theme."""
        theme = self.look.theme
        size = self.card_size(self.person.influence)
        if size != self._size:
            self.prepareGeometryChange()
            self._size = size
            self.adjust_links()  # they end at the card's edge
        if self._texts is None:
            return  # made with the theme's fonts when first wanted
        name_item, title_item = self._texts
        name_item.setFont(theme.name_font)
        name_item.setBrush(QBrush(theme.text))
        title_item.setFont(theme.title_font)
        title_item.setBrush(QBrush(theme.muted_text))

    def refresh_text(self) -> None:
        """Name and title as the layout places them: a name wraps onto as many lines as
        the layout allows, and whatever still does not fit is cut short with an ellipsis."""
        if self._texts is None:
            return  # laid out when first wanted
        name_item, title_item = self._texts
        theme = self.look.theme
        layout = theme.layout
        rect = self.card_rect()
        left = rect.left() + layout.text_left
        room = rect.width() - layout.text_left - (14.0 if self.badge else 8.0)
        name_metrics = self.look.metrics(theme.name_font)
        name = wrap_lines(self.person.name, name_metrics, room, layout.name_lines)
        name_item.setText(name)
        name_item.setPos(left, rect.top() + layout.name_top)
        title, title_top = self.person.title, rect.top() + layout.title_top
        if layout.title_after_name:
            used = name.count("\n") + 1
            title_top = max(title_top, rect.top() + layout.name_top + used * name_metrics.lineSpacing())
            if used >= layout.name_lines:
                title = ""  # the name needs every line: no room for the title
        metrics = self.look.metrics(theme.title_font)
        if metrics.horizontalAdvance(title) > room:
            title = metrics.elidedText(title, ELIDE, room)
        title_item.setText(title)
        title_item.setPos(left, title_top)

    # -- geometry ------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        w, h = self._size
        return QRectF(-w / 2 - EDGE, -h / 2 - EDGE, w + 2 * EDGE, h + 2 * EDGE)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)  # the half of the handle on the card is no hole
        path.addRect(self.card_rect())
        if self.look.editable:
            path.addEllipse(self.handle_centre(), HANDLE_RADIUS + 2, HANDLE_RADIUS + 2)
        return path

    def handle_centre(self) -> QPointF:
        """The link handle sits on the edge that faces the other side."""
        rect = self.card_rect()
        x = rect.right() if self.person.side == "customer" else rect.left()
        return QPointF(x, 0.0)

    def clamp(self, pos: QPointF) -> QPointF:
        """``pos`` kept on this person's side of the divide (and on the grid when snapping)."""
        x, y = pos.x(), pos.y()
        if self.look.user_drag and self.look.snap:
            g = self.look.grid
            x, y = round(x / g) * g, round(y / g) * g
        limit = self._size[0] / 2 + SIDE_MARGIN
        x = min(x, -limit) if self.person.side == "customer" else max(x, limit)
        return QPointF(x, y)

    def keep_on_side(self) -> None:
        """After the mouse moved this token: stop it at the divide."""
        pos = self.pos()
        kept = self.clamp(pos)
        if kept != pos:
            self.setPos(kept)

    def adjust_links(self) -> None:
        scene = self.scene()
        if scene is not None:
            scene.routes.track(self)  # type: ignore[attr-defined]
        for link in self.links:
            link.adjust()

    # -- hover ---------------------------------------------------------------------------

    def hoverEnterEvent(self, event: Any) -> None:
        self.hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: Any) -> None:
        self.hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    # -- painting ------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        detail = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        paint_token(self, painter, detail >= FAR)


def tooltip(person: Person) -> str:
    """The hover card of a person; every user string is escaped."""
    e = html.escape
    lines = [f"<b>{e(person.name)}</b>"]
    job = " · ".join(t for t in (person.title, person.department) if t)
    if job:
        lines.append(e(job))
    if person.organisation:
        lines.append(f"of {e(person.organisation)}")
    if person.side == "customer":
        if person.roles:
            lines.append("Roles: " + ", ".join(f"{r} ({ROLE_CHIPS[r]})" for r in person.roles))
        lines.append("Stance: " + e(stance_text(person.stance)))
    else:
        lines.append("Our team")
    lines.append(f"Influence: {person.influence} of 5")
    if person.interests:
        lines.append("Wants: " + e(_short(person.interests)))
    if person.notes:
        lines.append("Notes: " + e(_short(person.notes)))
    return "<br>".join(lines)


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
