"""Where the link handle can be grabbed, and what the pointer shows over it.

The handle is the small plus on the edge of a card that faces the other side. It is
grabbed by the whole drawn circle and a margin around it measured in screen pixels,
so it is as easy to hit with a touchpad at 50 % as at 125 %, whatever the card's size.
The test does not ask the token's shape (half of the handle lies on the card, and a
press there must still start a link, not a move); it looks for the nearest handle
within reach of the press. Seen from too far to draw a handle, or on a projector
(which shows no editing marks), there is none to grab.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from dmuboard.gui.canvas.token import FAR, TokenItem
from dmuboard.gui.canvas.tokenpaint import HANDLE_RADIUS

if TYPE_CHECKING:
    from dmuboard.gui.canvas.scene import BoardScene

MARGIN_PX = 8.0  # beyond the drawn circle, in screen pixels: room for a touchpad
LEAST_PX = 14.0  # the grab radius is never smaller than this on screen
BOUNDING = Qt.ItemSelectionMode.IntersectsItemBoundingRect
LINK_CURSOR = Qt.CursorShape.CrossCursor


def reach(zoom: float) -> float:
    """The grab radius around a handle's centre, in scene units, at this zoom."""
    zoom = max(zoom, 1e-6)
    return max(HANDLE_RADIUS + 1.0 + MARGIN_PX / zoom, LEAST_PX / zoom)


def zoom_of(widget: QWidget | None) -> float:
    """The zoom of the view whose viewport is ``widget`` (1.0 when there is none)."""
    view = widget.parentWidget() if widget is not None else None
    return view.transform().m11() if isinstance(view, QGraphicsView) else 1.0


def handle_at(scene: QGraphicsScene, pos: QPointF, zoom: float) -> TokenItem | None:
    """The token whose link handle is nearest ``pos`` and within reach, if any."""
    if zoom < FAR:
        return None  # too far out: handles are not drawn
    r = reach(zoom)
    best: TokenItem | None = None
    best_d = r * r
    for item in scene.items(QRectF(pos.x() - r, pos.y() - r, 2 * r, 2 * r), BOUNDING):
        if not isinstance(item, TokenItem) or not item.isVisible():
            continue
        if not item.look.editable or not item.look.theme.editing_marks:
            continue
        d = item.mapToScene(item.handle_centre()) - pos
        d2 = d.x() * d.x() + d.y() * d.y()
        if d2 <= best_d:
            best, best_d = item, d2
    return best


class HandleHover:
    """Over a handle the pointer becomes a cross and the card shows its handle, also in
    the margin just outside the card where the card itself is not hovered."""

    def __init__(self, viewport: QWidget) -> None:
        self.viewport = viewport
        self.over: TokenItem | None = None

    def follow(self, scene: BoardScene, pos: QPointF, zoom: float) -> None:
        """The pointer moved to scene point ``pos`` with no button held."""
        token = None if scene.linking else handle_at(scene, pos, zoom)
        if token is not None and not token.hovered:
            token.hovered = True  # also where the margin lies outside the card's own hover
            token.update()
        if token is self.over:
            return
        if self.over is not None and self.over.scene() is scene and not self.over.isUnderMouse():
            self.over.hovered = False
            self.over.update()
        self.over = token
        if token is not None:
            self.viewport.setCursor(LINK_CURSOR)
        else:
            self.viewport.unsetCursor()

    def forget(self) -> None:
        """The pointer left, or a pan took over the cursor."""
        self.over = None
