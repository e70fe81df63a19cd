""""Compare with...": the difference from a past moment drawn on the live canvas.

People added get a "new" tag, changed people a line under their card ("stance:
skeptic → supporter"), removed people a ghost card where they were, and removed links
a dashed grey ghost line. Everything drawn here is plain text on items of its own,
taken away again by :meth:`CompareOverlay.clear`.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from dmuboard.analysis.changes import Changes
from dmuboard.gui.canvas.scene import BoardScene
from dmuboard.model.board import Board
from dmuboard.model.history.words import before_after

NEW = QColor("#1b7f3b")
CHANGED = QColor("#8a4b00")
GHOST = QColor(120, 120, 120, 150)
Z = 50.0  # above cards and lines


def _text(scene: QGraphicsScene, text: str, colour: QColor, at: QPointF, *, bold: bool = False,
          box: QColor | None = None) -> QGraphicsItem:
    item = QGraphicsSimpleTextItem(text)  # never markup
    font = QFont()
    font.setPointSizeF(9.0)
    font.setBold(bold)
    item.setFont(font)
    item.setBrush(QBrush(colour))
    rect = item.boundingRect()
    if box is None:
        item.setPos(at)
        item.setZValue(Z)
        scene.addItem(item)
        return item
    frame = QGraphicsRectItem(QRectF(0, 0, rect.width() + 8, rect.height() + 4))
    frame.setBrush(QBrush(box))
    frame.setPen(QPen(colour, 1.0))
    item.setParentItem(frame)
    item.setPos(4, 2)
    frame.setPos(at)
    frame.setZValue(Z)
    scene.addItem(frame)
    return frame


class CompareOverlay:
    """The drawn difference on one scene."""

    def __init__(self, scene: BoardScene) -> None:
        self.scene = scene
        self.items: list[QGraphicsItem] = []
        self.tags: dict[str, str] = {}  # person id -> what their tag says (for tests and the legend)

    def show(self, changes: Changes, before: Board) -> None:
        self.clear()
        scene = self.scene
        diff = changes.board
        for pid in diff.people_added:
            rect = self._card(pid)
            if rect is not None:
                self._add(_text(scene, "new", NEW, rect.topRight() + QPointF(-30, -12), bold=True,
                                box=QColor("#e3f6e8")), pid, "new")
        for pid, field_changes in diff.people_changed.items():
            rect = self._card(pid)
            if rect is None:
                continue
            lines = [f"{c.field}: {before_after(c.before, c.after)}" for c in field_changes][:3]
            self._add(_text(scene, "\n".join(lines), CHANGED, rect.bottomLeft() + QPointF(0, 4),
                            box=QColor("#fff4e0")), pid, "; ".join(lines))
        spare = scene.people_rect().topLeft() + QPointF(90, -140)  # where ghosts without a place go
        for pid in diff.people_removed:
            person = before.people[pid]
            x, y = (person.x, person.y) if person.x is not None and person.y is not None else (spare.x(), spare.y())
            if person.x is None:
                spare += QPointF(200, 0)
            ghost = QGraphicsRectItem(QRectF(x - 90, y - 42, 180, 84))
            ghost.setPen(QPen(GHOST, 2.0, Qt.PenStyle.DashLine))
            ghost.setBrush(QBrush(QColor(200, 200, 200, 60)))
            ghost.setZValue(Z - 1)
            scene.addItem(ghost)
            self._add(ghost, pid, "removed")
            name = _text(scene, f"{person.name}\n(removed)", GHOST, QPointF(x - 80, y - 30))
            self.items.append(name)
        for link in diff.links_removed:
            ends = [before.people.get(link.source), before.people.get(link.target)]
            if any(p is None or p.x is None or p.y is None for p in ends):
                continue
            a, b = ends
            assert a is not None and b is not None and a.x is not None and a.y is not None
            assert b.x is not None and b.y is not None
            line = QGraphicsLineItem(QLineF(a.x, a.y, b.x, b.y))
            line.setPen(QPen(GHOST, 3.0, Qt.PenStyle.DashLine))
            line.setZValue(Z - 2)
            scene.addItem(line)
            self.items.append(line)

    def _card(self, pid: str) -> QRectF | None:
        token = self.scene.person_item(pid)
        return None if token is None else token.sceneBoundingRect()

    def _add(self, item: QGraphicsItem, pid: str, tag: str) -> None:
        self.items.append(item)
        self.tags[pid] = tag

    def clear(self) -> None:
        for item in self.items:
            if item.scene() is not None:
                item.scene().removeItem(item)
        self.items.clear()
        self.tags.clear()
