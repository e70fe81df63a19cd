"""The window onto the board: zoom around the cursor, pan, fit, and selection by mouse.

Ctrl+wheel and pinch zoom around the point under the fingers; the middle button, or
the left button with Space held, pans; Shift+click adds to the selection like
Ctrl+click (rubber band included).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QNativeGestureEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGestureEvent, QGraphicsView, QPinchGesture, QWidget

from dmuboard.gui.canvas.handle import HandleHover
from dmuboard.gui.canvas.scene import BoardScene
from dmuboard.gui.canvas.token import FAR

SIDE_ROOM = 300.0  # a fitted board shows at least this far into each side: both headings
MIN_ZOOM = 0.04
MAX_ZOOM = 4.0
FIT_MAX_ZOOM = 1.25
STEP = 1.25
BIG_BOARD_LINKS = 600
PAINT = QEvent.Type.Paint


class BoardView(QGraphicsView):
    """A view of a :class:`BoardScene`."""

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.board_scene = scene
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._pan_from: QPoint | None = None
        self._pan_button = Qt.MouseButton.NoButton
        self._space = False
        self._dragging = False
        self._handle_hover = HandleHover(self.viewport())
        self._bars_hidden = False  # by a fit, until the next zoom
        self.bars_locked = False  # presentation sets the scroll bars itself

    # -- zoom ------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        """Scale by ``factor`` keeping the scene point under ``anchor`` (viewport pixels) still."""
        target = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom() * factor))
        if abs(target / self.zoom() - 1.0) < 1e-9:
            return
        self._set_scroll_bars(True)
        self._zoom_to(target, anchor)

    def _zoom_to(self, target: float, anchor: QPoint | None = None) -> None:
        anchor = anchor if anchor is not None else self.viewport().rect().center()
        factor = target / self.zoom()
        fixed = self.mapToScene(anchor)
        self.scale(factor, factor)
        self._zoom_changed()
        drift = self.mapFromScene(fixed) - anchor
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + drift.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + drift.y())

    def _zoom_changed(self) -> None:
        self.board_scene.set_detail(self.zoom())
        self._set_quality()

    def _set_quality(self) -> None:
        """Smooth lines, except on a big board while dragging or seen from far away: there
        hundreds of long antialiased lines cost a tenth of a second per frame, and the
        picture is smoothed again as soon as the hand stops."""
        big = len(self.board_scene.links) > BIG_BOARD_LINKS
        rough = big and (self._dragging or self.zoom() < FAR)
        smooth = not rough
        if bool(self.renderHints() & QPainter.RenderHint.Antialiasing) != smooth:
            self.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
            self.viewport().update()

    def zoom_in(self) -> None:
        self.zoom_by(STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / STEP)

    def fit(self) -> None:
        """Show the whole board, both sides with their headings (not bigger than a little
        over life size). Fitted, there is nothing to scroll to: the scroll bars go until
        the next zoom, so they take no room from the board."""
        rect = self.board_scene.people_rect()
        if rect.isNull():
            rect = QRectF(-400.0, -300.0, 800.0, 600.0)
        rect = rect.united(QRectF(-SIDE_ROOM, rect.top(), 2 * SIDE_ROOM, 1.0)) if self._one_sided() else rect
        legend = self.board_scene.legend
        if legend is not None:
            rect = rect.united(legend.sceneBoundingRect())
        self._set_scroll_bars(False)
        self._show_rect(rect.adjusted(-60.0, -150.0, 60.0, 60.0))

    def _one_sided(self) -> bool:
        """Whether the people stand on one side only (or none): then the fit reaches into
        the other side too, so that both headings show."""
        rect = self.board_scene.people_rect()
        return rect.isNull() or rect.left() > -SIDE_ROOM or rect.right() < SIDE_ROOM

    def _set_scroll_bars(self, shown: bool) -> None:
        """Scroll bars off while fitted, back (as needed) once zoomed; presentation keeps
        its own (none) while ``bars_locked``."""
        if self.bars_locked or shown != self._bars_hidden:
            return
        self._bars_hidden = not shown
        policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded if shown else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)

    def center_on(self, pids: Iterable[str]) -> None:
        """Bring these people into view, zooming out only if they do not fit."""
        rect = self.board_scene.people_rect(pids)
        if rect.isNull():
            return
        rect = rect.adjusted(-40.0, -40.0, 40.0, 40.0)
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if rect.width() > visible.width() or rect.height() > visible.height():
            self._show_rect(rect)
        else:
            self.centerOn(rect.center())

    def _show_rect(self, rect: QRectF) -> None:
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._zoom_changed()
        if self.zoom() > FIT_MAX_ZOOM:
            self._zoom_to(FIT_MAX_ZOOM)
            self.centerOn(rect.center())
        elif self.zoom() < MIN_ZOOM:
            self._zoom_to(MIN_ZOOM)
            self.centerOn(rect.center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            self.zoom_by(1.15**steps, event.position().toPoint())
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == PAINT and self.board_scene.look.near is None:
            self.board_scene.set_detail(self.zoom())  # painted before any zoom was set
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                centre = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom_by(pinch.scaleFactor(), centre)
                event.accept()
                return True
        if (
            event.type() == QEvent.Type.NativeGesture
            and isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom_by(1.0 + event.value(), event.position().toPoint())
            return True
        return super().viewportEvent(event)

    # -- pan and selection ---------------------------------------------------------------------

    def _as_ctrl(self, event: QMouseEvent) -> QMouseEvent:
        """Shift+click acts like Ctrl+click: it adds to the selection."""
        if not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            return event
        modifiers = event.modifiers() | Qt.KeyboardModifier.ControlModifier
        return QMouseEvent(
            event.type(), event.position(), event.globalPosition(), event.button(), event.buttons(), modifiers
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (button == Qt.MouseButton.LeftButton and self._space):
            self._pan_from = event.position().toPoint()
            self._pan_button = button
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if button == Qt.MouseButton.LeftButton:
            self._dragging = True
            self._set_quality()
        super().mousePressEvent(self._as_ctrl(event))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            here = event.position().toPoint()
            delta = here - self._pan_from
            self._pan_from = here
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(self._as_ctrl(event))
        if event.buttons() == Qt.MouseButton.NoButton and not self._space:
            self._handle_hover.follow(self.board_scene, self.mapToScene(event.position().toPoint()), self.zoom())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None and event.button() == self._pan_button:
            self._pan_from = None
            self._pan_button = Qt.MouseButton.NoButton
            self._set_pan_cursor()
            event.accept()
            return
        super().mouseReleaseEvent(self._as_ctrl(event))
        if event.button() == Qt.MouseButton.LeftButton and self._dragging:
            self._dragging = False
            self._set_quality()
        event.accept()  # the board handled it, even when it ended a rubber band over nothing

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self.board_scene.focusItem() is None:
            if not event.isAutoRepeat():
                self._space = True
                self._set_pan_cursor()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self._space:
            if not event.isAutoRepeat():
                self._space = False
                self._set_pan_cursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _set_pan_cursor(self) -> None:
        self._handle_hover.forget()
        if self._space:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.viewport().unsetCursor()

    def scene_point(self, point: QPointF) -> QPointF:
        """The scene point under a viewport point (for callers placing things at the cursor)."""
        return self.mapToScene(point.toPoint())
