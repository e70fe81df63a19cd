"""A link between two tokens, drawn so each kind is told apart without colour.

reporting: solid with an arrow at the manager; influence: dashed with an arrow;
relationship: thicker with its strength as dots in a pill at the middle; conflict: a
zigzag with a cross. The item keeps its two end tokens and re-routes when they move
(the tokens call :meth:`LinkItem.adjust`), like the edges of Qt's Elastic Nodes; the
route goes around the cards in the way (:mod:`dmuboard.gui.canvas.routing`).
The pill and the cross are too small to read from far away: they are made the first
time the line is seen near, and hidden while the view is far out.

The link item itself paints nothing: it is the selectable, clickable line (its shape
is the line with a wide invisible pen). What shows is drawn by plain child path
items, so repainting the board never calls back into Python for a link: on a big
board with long lines crossing everything, that is what keeps a drag smooth.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsSceneContextMenuEvent, QMenu

from dmuboard.gui.canvas.aging import STALE_OPACITY, touched_today
from dmuboard.gui.canvas.linkdraw import (
    EMPTY_DOT,
    cross_paths,
    dots_path,
    draw_arrow,
    draw_cross,
    draw_strength,
    line_width,
    pill_path,
    zigzag_path,
)
from dmuboard.gui.canvas.parts import SceneParts
from dmuboard.gui.canvas.routing import polyline_path
from dmuboard.gui.canvas.zigzag import ZigzagItem
from dmuboard.model.board import Link, Person
from dmuboard.model.vocabulary import LINK_VERBS

if TYPE_CHECKING:
    from dmuboard.gui.canvas.style import Theme
    from dmuboard.gui.canvas.token import CanvasLook, TokenItem

# The painter versions of the shapes live in linkdraw; they are named here too for
# the palette and exports that drew links before that module existed.
__all__ = ["LinkItem", "draw_arrow", "draw_cross", "draw_strength", "link_tooltip", "zigzag_path"]

LANE = 8.0  # distance between two links joining the same pair (as dmuboard.layout.geometry)
GAP = 4.0  # between a line's end and the card (as dmuboard.layout.route)
CLICK_WIDTH = 12.0
CLICK_PEN = QPen(Qt.GlobalColor.transparent, CLICK_WIDTH)  # a wide shape to click, never drawn


# Enum members looked up once: each lookup through the class costs a Python call.
NO_BUTTON = Qt.MouseButton.NoButton
LINK_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
FLAT = Qt.PenCapStyle.FlatCap
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
NO_PEN = QPen(Qt.PenStyle.NoPen)
EMPTY = QPainterPath()
WHITE = QBrush(QColor("white"))


def _part(parent: QGraphicsItem, z: float) -> QGraphicsPathItem:
    """A drawn part of a line. The scene makes it, so it is a plain Qt item: Qt draws
    an item that Python made only after asking Python whether it overrides the call,
    and a paint of a big board draws thousands of these."""
    scene = parent.scene()
    item = scene.addPath(EMPTY) if scene is not None else QGraphicsPathItem()
    item.setParentItem(parent)
    item.setAcceptedMouseButtons(NO_BUTTON)
    if z:
        item.setZValue(z)
    return item


class LinkItem(QGraphicsPathItem):
    """One link; its path is the routed line between the two cards, in scene coordinates."""

    def __init__(self, link: Link, source: TokenItem, target: TokenItem, look: CanvasLook) -> None:
        """Made in the scene of its two tokens (its drawn parts are made by that scene)."""
        super().__init__()
        self.link = link
        self.source = source
        self.target = target
        self.look = look
        self.lane = 0.0
        self.on_path = False
        self._p1 = QPointF()
        self._p2 = QPointF()
        self.route: list[tuple[float, float]] = []  # the drawn polyline, card edge to card edge
        self._mark_at: QPointF | None = None
        self.setFlags(LINK_FLAGS)
        self.setPen(CLICK_PEN)
        scene = source.scene()
        if scene is not None:
            scene.addItem(self)
        self.body = ZigzagItem(self) if link.kind == "conflict" else _part(self, 0.0)
        # made only when needed: most links of a big board are plain reporting lines
        self._glow: QGraphicsPathItem | None = None
        self._marks: tuple[QGraphicsPathItem, QGraphicsPathItem, QGraphicsPathItem] | None = None
        self._marks_shape: tuple[str, int | None] | None = None  # what the marks' paths show
        self._marks_shown = look.near is True
        source.links.append(self)
        target.links.append(self)
        self.restyle()
        self.adjust()

    @property
    def lid(self) -> str:
        return self.link.id

    def detach(self) -> None:
        """Forget the end tokens (before the item leaves the scene)."""
        for token in (self.source, self.target):
            if self in token.links:
                token.links.remove(self)

    def set_link(self, link: Link) -> None:
        self.link = link
        self.restyle()
        self.adjust()

    def ends(self) -> tuple[QPointF, QPointF]:
        return QPointF(self._p1), QPointF(self._p2)

    # -- geometry ------------------------------------------------------------------------

    def adjust(self) -> None:
        """Re-route around the cards (called when either end moves): the route of
        :mod:`dmuboard.layout.route`, the same every export and the geometry file draw."""
        scene = self.source.scene()
        assert isinstance(scene, SceneParts)  # a line is only routed on a board's scene
        points, mark = scene.routes.route(self)
        self._set_route(points, mark)

    def _set_route(self, points: list[tuple[float, float]], mark: tuple[float, float] | None) -> None:
        self.route = points
        self._mark_at = QPointF(*mark) if mark is not None else None
        if len(points) < 2:  # the cards overlap: nothing to draw between them
            a = self.source.pos()
            self._p1 = self._p2 = QPointF(a)
            self.setPath(EMPTY)
            if self._glow is not None:
                self._glow.setPath(EMPTY)
            if self.link.kind == "conflict":
                zigzag = self._body_for(True)
                assert isinstance(zigzag, ZigzagItem)
                zigzag.set_polyline(None)
            else:
                self._body_for(False).setPath(EMPTY)
            if self._marks_shown:
                self._place_marks()
            return
        self._p1, self._p2 = QPointF(*points[0]), QPointF(*points[-1])
        path = polyline_path(points, False)
        self.setPath(path)
        if self._glow is not None:
            self._glow.setPath(path)
        if self.link.kind == "conflict":
            zigzag = self._body_for(True)
            assert isinstance(zigzag, ZigzagItem)
            zigzag.set_polyline([QPointF(x, y) for x, y in points])
        else:
            self._body_for(False).setPath(polyline_path(points, True) if self.link.directed else path)
        if self._marks_shown:
            self._place_marks()

    def prepare_marks(self) -> None:
        """Make the pill or cross now (hidden while the view is far out)."""
        if self._marks is None:
            self._place_marks()

    def set_marks_shown(self, shown: bool) -> None:
        """Show the pill or cross (near enough to read), or hide it (far out)."""
        if shown == self._marks_shown:
            return
        self._marks_shown = shown
        if shown:
            self._place_marks()
        if self._marks is not None:
            for item in self._marks:
                item.setVisible(shown)

    def _place_marks(self) -> None:
        """The pill or cross at the middle of the line, made when first needed."""
        kind = self.link.kind
        marked = kind == "conflict" or (kind == "relationship" and self.look.show_ratings)
        if marked and self._p1 != self._p2:
            # The marks are drawn around their own origin once, and moved to the
            # middle of the line: a drag moves them instead of rebuilding them.
            marks = self._mark_parts()
            shape = (kind, self.link.strength)
            if self._marks_shape != shape:
                self._marks_shape = shape
                origin = QPointF()
                if kind == "relationship":
                    strength = self.link.strength or 3
                    paths = (pill_path(origin), dots_path(origin, strength), dots_path(origin, 5, strength))
                else:
                    disc, cross = cross_paths(origin)
                    paths = (disc, cross, EMPTY)
                for item, drawn in zip(marks, paths, strict=True):
                    item.setPath(drawn)
            middle = self._mark_at if self._mark_at is not None else QLineF(self._p1, self._p2).center()
            for item in marks:
                item.setPos(middle)
        elif self._marks is not None and self._marks_shape is not None:
            self._marks_shape = None
            for item in self._marks:
                item.setPath(EMPTY)

    def _body_for(self, conflict: bool) -> QGraphicsPathItem:
        """The item that draws the line; a conflict's draws only the teeth that show."""
        if isinstance(self.body, ZigzagItem) != conflict:  # the kind was changed
            old = self.body
            self.body = ZigzagItem(self) if conflict else _part(self, 0.0)
            self.body.setPen(old.pen())
            self.body.setBrush(old.brush())
            # let go first: deleting a child still held crashes PySide
            old.setParentItem(None)  # type: ignore[arg-type]
            scene = old.scene()
            if scene is not None:
                scene.removeItem(old)
            if not shiboken6.ownedByPython(old):
                shiboken6.delete(old)  # made by the scene: Python would never free it
        return self.body

    def _mark_parts(self) -> tuple[QGraphicsPathItem, QGraphicsPathItem, QGraphicsPathItem]:
        """The pill or disc at the middle, and the dots or cross on it."""
        if self._marks is None:
            self._marks = (_part(self, 1.0), _part(self, 2.0), _part(self, 2.0))
            for item in self._marks:
                item.setVisible(self._marks_shown)  # hidden from the start while far out
            self._style_marks()
        return self._marks

    # -- looks ---------------------------------------------------------------------------

    def restyle(self) -> None:
        """Pens and brushes for the kind, the theme, selection and path highlight."""
        strength = self.link.strength if self.look.show_ratings else None  # None: one width
        pen, brush = _body_style(self.look.theme, self.link.kind, strength)
        self.body.setPen(pen)
        self.body.setBrush(brush)
        self.setOpacity(STALE_OPACITY if self.link.last_contact and self.look.faded(self.link) else 1.0)
        if self._marks is not None:
            self._style_marks()
        if self.on_path or self._glow is not None:
            self.show_state()

    def _style_marks(self) -> None:
        if self._marks is None:
            return
        mark, dots, blank = self._marks
        colour = self.look.theme.link[self.link.kind]
        mark.setBrush(WHITE)
        if self.link.kind == "conflict":
            mark.setPen(QPen(colour, 1.6))
            dots.setPen(QPen(colour, 2.4))
            dots.setBrush(NO_BRUSH)
        else:
            mark.setPen(QPen(colour, 1.2))
            dots.setPen(NO_PEN)
            dots.setBrush(QBrush(colour))
            blank.setPen(NO_PEN)
            blank.setBrush(QBrush(EMPTY_DOT))

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        """A relationship's menu: "Touched Today" sets its last contact to today."""
        scene = self.scene()
        if self.link.kind != "relationship" or scene is None or not hasattr(scene, "submit"):
            event.ignore()
            return
        menu = QMenu()
        touched = menu.addAction("Touched Today")
        touched.setEnabled(self.look.editable)
        link = self.link
        touched.triggered.connect(lambda: scene.submit(touched_today(link)))
        menu.exec(event.screenPos())
        event.accept()

    def show_state(self) -> None:
        """The glow under the line: the introduction path, else the selection."""
        theme = self.look.theme
        lit = self.on_path or self.isSelected()
        if not lit:
            if self._glow is not None:
                self._glow.setVisible(False)
            return
        if self._glow is None:
            self._glow = _part(self, -1.0)
            self._glow.setPath(self.path())
        colour = QColor(theme.path if self.on_path else theme.selection)
        colour.setAlpha(120)
        pen = QPen(colour, line_width(self.link) + (10.0 if self.on_path else 7.0))
        pen.setCapStyle(FLAT)
        self._glow.setPen(pen)
        self._glow.setVisible(True)


_STYLES: dict[tuple[int, float, str, int | None], tuple[QPen, QBrush]] = {}


def _body_style(theme: Theme, kind: str, strength: int | None) -> tuple[QPen, QBrush]:
    """The pen and brush of a line, made once per theme, kind and strength."""
    colour = theme.link[kind]
    key = (colour.rgba(), theme.line_scale, kind, strength)
    style = _STYLES.get(key)
    if style is None:
        pen = QPen(colour, line_width(Link("-", "a", "b", kind, strength)) * theme.line_scale)
        # Flat ends: the raster engine strokes round-capped wide lines ten times slower.
        pen.setCapStyle(FLAT)
        if kind == "influences":
            pen.setDashPattern([4.0, 3.0])
        style = _STYLES[key] = (pen, QBrush(colour) if kind in ("reports_to", "influences") else NO_BRUSH)
    return style




def link_tooltip(link: Link, source: Person | None, target: Person | None) -> str:
    """The hover text of a link; names and note are escaped."""
    e = html.escape
    a = e(source.name) if source else e(link.source)
    b = e(target.name) if target else e(link.target)
    text = f"{a} <i>{LINK_VERBS[link.kind]}</i> {b}"
    if link.kind == "relationship":
        text += f"<br>Strength {link.strength} of 5"
        if link.last_contact:
            text += f"<br>Last contact {e(link.last_contact)}"
    if link.note:
        text += "<br>" + e(link.note[:240])
    return text
