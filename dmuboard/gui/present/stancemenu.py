"""A small menu on the canvas to change a customer person's stance: a right-click on
their token. The choice is one undoable change, so the room can change its mind."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QActionGroup, QContextMenuEvent, QFont
from PySide6.QtWidgets import QMenu

from dmuboard.gui.present.watcher import ViewportWatcher
from dmuboard.model.board import STANCES
from dmuboard.model.document import Change
from dmuboard.model.vocabulary import stance_text

if TYPE_CHECKING:
    from dmuboard.gui.canvas.scene import BoardScene


def set_stance(scene: BoardScene, pid: str, stance: str) -> bool:
    """Change one person's stance as one undo step."""
    person = scene.editor.document.person(pid)
    if person is None or person.stance == stance:
        return False
    return scene.submit(Change(people=(replace(person, stance=stance),), label=f"Stance: {stance}"))


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
    title = menu.addAction(person.name.replace("&", "&&"))  # plain text; && keeps an ampersand literal
    bold = QFont(menu.font())
    bold.setBold(True)
    title.setFont(bold)  # a heading in full black (a disabled entry is too pale on a projector)
    menu.addSeparator()
    group = QActionGroup(menu)
    for stance in STANCES:
        action = menu.addAction(stance_text(stance))
        action.setCheckable(True)
        action.setChecked(stance == person.stance)
        action.setData(stance)
        group.addAction(action)
        action.triggered.connect(lambda _on=False, s=stance: set_stance(scene, pid, s))
    menu.setEnabled(not scene.editor.read_only)
    return menu


class StanceMenus(ViewportWatcher):
    """Opens the stance menu on a right-click on a customer token of the watched view."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.large = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ContextMenu or not isinstance(event, QContextMenuEvent):
            return False
        if self.view is None:
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
