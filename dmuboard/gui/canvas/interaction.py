"""What the mouse and keyboard do on the canvas.

A drag of any number of tokens is one undo step: positions are noted on press and
one change with every moved person is submitted on release. Arrow keys nudge the
selection, Delete removes it, double-clicking empty canvas adds a person and
double-clicking a token renames it in place. Palette tokens dropped on the canvas
become people where they land. Hover text is worded from the model when the pointer
rests on a token or line, instead of being kept ready on thousands of items.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QToolTip,
)

from dmuboard.gui.canvas.arranging import make_room
from dmuboard.gui.canvas.handle import handle_at, zoom_of
from dmuboard.gui.canvas.linkitem import LinkItem
from dmuboard.gui.canvas.parts import SceneParts
from dmuboard.gui.canvas.routing import FRAME
from dmuboard.gui.canvas.token import TokenItem, tooltip
from dmuboard.gui.common.mime import read_token
from dmuboard.model.document import Change

ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
DRAG_START = 4.0  # pixels of travel before a press on a token counts as a drag


class SceneGestures(SceneParts):
    """Mouse, keyboard and drop handling of :class:`BoardScene`."""

    def __init__(self) -> None:
        self._press_positions: dict[str, QPointF] | None = None
        self._press_at: QPointF | None = None
        self._refusal_said = False

    def token_at(self, pos: QPointF, skip: TokenItem | None = None) -> TokenItem | None:
        """The topmost token under a scene point (its text counts as the token)."""
        for item in self.items(pos):
            while item is not None and not isinstance(item, TokenItem):
                item = item.parentItem()
            if isinstance(item, TokenItem) and item is not skip:
                return item
        return None

    # -- mouse ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.linking and self.link_by_click:  # Connect to…: this click ends the line
            if event.button() == Qt.MouseButton.LeftButton:
                self.finish_link(event.scenePos(), event.screenPos())
            else:
                self.cancel_link()
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            pos = event.scenePos()
            # The handle first: half of it lies on the card, and a press there draws a link.
            handle = handle_at(self, pos, zoom_of(event.widget())) if self.look.editable else None
            token = handle if handle is not None and not self.connect_mode else (self.token_at(pos) or handle)
            if token is not None and (self.connect_mode or handle is not None):
                if not self.refuse_if_read_only():
                    self.start_link(token, pos)
                event.accept()
                return
            self._press_at = event.scenePos() if token is not None else None
            self._refusal_said = False
            if token is None and not self.items(pos):
                self.dismissed.emit()  # a click on empty canvas
        QGraphicsScene.mousePressEvent(self, event)
        if event.button() == Qt.MouseButton.LeftButton and self.look.editable:
            self._press_positions = {
                item.pid: QPointF(item.pos()) for item in self.selectedItems() if isinstance(item, TokenItem)
            }
            self.look.user_drag = True

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.linking:
            self.drag_link(event.scenePos())
            event.accept()
            return
        if (
            self._press_at is not None
            and not self.look.editable
            and not self._refusal_said
            and (event.buttons() & Qt.MouseButton.LeftButton)
            and (event.scenePos() - self._press_at).manhattanLength() > DRAG_START
        ):
            self._refusal_said = True
            self.refuse_if_read_only()
        QGraphicsScene.mouseMoveEvent(self, event)
        if self._press_positions and self.mouseGrabberItem() is not None:
            # Each line is re-routed once per frame, even when both its ends are moving.
            lines: dict[LinkItem, None] = {}
            self.routes.budget(FRAME, search=False)  # cheap ways around only: the frame comes first
            for pid in self._press_positions:
                token = self.tokens.get(pid)
                if token is not None:
                    token.keep_on_side()
                    self.routes.track(token)
                    lines.update(dict.fromkeys(token.links))
            for line in lines:
                line.adjust()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.linking and not self.link_by_click and event.button() == Qt.MouseButton.LeftButton:
            self.finish_link(event.scenePos(), event.screenPos())
            event.accept()
            return
        QGraphicsScene.mouseReleaseEvent(self, event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.look.user_drag = False
            self._press_at = None
            before, self._press_positions = self._press_positions, None
            if before:
                self._submit_moves(before)

    def _submit_moves(self, before: dict[str, QPointF]) -> None:
        board = self.editor.document.board
        moved: list[tuple[str, QPointF]] = []
        for pid, old in before.items():
            token = self.tokens.get(pid)
            if token is not None and token.pos() != old and pid in board.people:
                moved.append((pid, token.pos()))
        if not moved:
            return
        moved = make_room(self, moved)  # a card dropped on another goes to the nearest free place
        people = tuple(replace(board.people[pid], x=pos.x(), y=pos.y()) for pid, pos in moved)
        label = "Move a person" if len(people) == 1 else f"Move {len(people)} people"
        if not self.submit(Change(people=people, label=label)):
            for pid, _ in moved:  # refused: put the tokens back where the model has them
                self.tokens[pid].setPos(before[pid])
                self.tokens[pid].adjust_links()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            QGraphicsScene.mouseDoubleClickEvent(self, event)
            return
        token = self.token_at(event.scenePos())
        if token is not None:
            self.edit_name(token.pid)
        elif not self.items(event.scenePos()):
            self.add_person_at(event.scenePos())
        event.accept()

    def tooltip_text(self, item: QGraphicsItem) -> str:
        """The hover text shown over ``item``: its token's or link's (user text escaped)."""
        owner: QGraphicsItem | None = item
        while owner is not None and not isinstance(owner, (TokenItem, LinkItem)):
            owner = owner.parentItem()
        if isinstance(owner, TokenItem):
            return tooltip(owner.person)
        if isinstance(owner, LinkItem):
            return self._link_tooltip(owner.link)
        return item.toolTip()

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        """The pointer rests: show the hover text of the topmost item under it."""
        viewport = event.widget()
        view = viewport.parentWidget() if viewport is not None else None
        transform = view.viewportTransform() if isinstance(view, QGraphicsView) else QTransform()
        text = ""
        for item in self.items(event.scenePos(), Qt.ItemSelectionMode.IntersectsItemShape,
                               Qt.SortOrder.DescendingOrder, transform):
            text = self.tooltip_text(item)
            if text:
                break
        QToolTip.showText(event.screenPos(), text, viewport)  # no text: any tip shown is hidden
        event.setAccepted(bool(text))

    # -- keyboard ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.focusItem() is not None:
            QGraphicsScene.keyPressEvent(self, event)
            return
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selection()
        elif key in ARROWS and not self.selected_people():
            QGraphicsScene.keyPressEvent(self, event)  # nothing to nudge: the view scrolls
            return
        elif key in ARROWS:
            step = self.look.grid if self.look.snap else 5.0
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                step *= 5
            dx, dy = ARROWS[Qt.Key(key)]
            self.nudge(dx * step, dy * step)
        elif key == Qt.Key.Key_Escape:
            if self.linking:
                self.cancel_link()
            else:
                self.clearSelection()
                self.dismissed.emit()
        else:
            QGraphicsScene.keyPressEvent(self, event)
            return
        event.accept()

    def nudge(self, dx: float, dy: float) -> None:
        """Move the selected people by (dx, dy), one undo step, never across the divide."""
        chosen = [self.tokens[pid] for pid in self.selected_people()]
        if not chosen or self.refuse_if_read_only():
            return
        board = self.editor.document.board
        people = []
        for token in chosen:
            target = token.clamp(token.pos() + QPointF(dx, dy))
            if target != token.pos():
                people.append(replace(board.people[token.pid], x=target.x(), y=target.y()))
        if people:
            self.submit(Change(people=tuple(people), label="Nudge"))

    # -- palette drops -------------------------------------------------------------------------

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        event.setAccepted(read_token(event.mimeData()) is not None)

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        token = read_token(event.mimeData())
        if token is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        event.accept()

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        token = read_token(event.mimeData())
        if token is None:
            event.ignore()
            return
        side, role = token
        where = "customer" if event.scenePos().x() < 0 else "ours"
        if side != where:
            if side == "customer":
                self.message.emit("A role belongs to the customer's people: drop it on their side, on the left.")
            else:
                self.message.emit("Our team members go on our side, on the right.")
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.add_person_at(event.scenePos(), side, role)
