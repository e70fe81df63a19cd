"""While presenting, a small menu on the canvas to change a customer person's stance: a
right-click on their token (the entries are the card menu's, see canvas.cardmenu). The choice is one undoable
change, so the room can change its mind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QContextMenuEvent, QFont
from PySide6.QtWidgets import QMenu

from dmuboard.gui.canvas.cardmenu import add_heading, add_stances, set_stance
from dmuboard.gui.present.watcher import ViewportWatcher

if TYPE_CHECKING:
    from dmuboard.gui.canvas.scene import BoardScene

__all__ = ["StanceMenus", "set_stance", "stance_menu"]


def stance_menu(scene: BoardScene, pid: str, large: bool = False) -> QMenu | None:
    """The menu of stances for a customer person (None for our own people)."""
    person = scene.editor.document.person(pid)
    if person is None or person.side != "customer":
        return None
    menu = QMenu()
    menu.setObjectName("stanceMenu")
    if large:  # readable on the projector too
        font = QFont(menu.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        menu.setFont(font)
    add_heading(menu, person.name)
    add_stances(menu, scene, pid)
    menu.setEnabled(not scene.editor.read_only)
    return menu


class StanceMenus(ViewportWatcher):
    """Opens the stance menu on a right-click on a customer token of the watched view."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.large = False
        self.enabled = False  # while presenting (else the canvas's own menus answer)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ContextMenu or not isinstance(event, QContextMenuEvent):
            return False
        if self.view is None or not self.enabled:
            return False
        scene = self.view.board_scene
        token = scene.token_at(self.view.mapToScene(event.pos()))
        menu = stance_menu(scene, token.pid, self.large) if token is not None else None
        if menu is None:
            return False
        self.open(menu, event.globalPos())
        return True

    def open(self, menu: QMenu, at: QPoint) -> None:
        menu.exec(at)
        menu.deleteLater()
