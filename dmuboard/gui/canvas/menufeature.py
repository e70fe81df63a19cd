"""Right-click on the canvas: the menu of the card, the line or the empty spot under the
pointer (see :mod:`dmuboard.gui.canvas.cardmenu`). A right-click on something not
selected selects it first, as in any diagram tool, so Delete removes what was clicked."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QMenu

from dmuboard.gui.canvas.cardmenu import canvas_menu, card_menu, line_menu
from dmuboard.gui.canvas.linkitem import LinkItem
from dmuboard.gui.canvas.view import BoardView
from dmuboard.gui.common.feature import Feature, FeatureContext

LINE_REACH = 4  # pixels either side of a line that still count as on it


class CanvasMenus(QObject, Feature):
    """The canvas's context menus in one window (set aside while presenting)."""

    def __init__(self, context: FeatureContext) -> None:
        QObject.__init__(self, context.window)
        Feature.__init__(self, context)
        self.suspended = False  # presentation has its own small menu
        self._view: BoardView | None = None
        context.boardChanged.connect(self._board_changed)

    def _board_changed(self) -> None:
        if self._view is not None:
            with contextlib.suppress(RuntimeError):  # the old view is already gone
                self._view.viewport().removeEventFilter(self)
        self._view = self.context.view
        if self._view is not None:
            self._view.viewport().installEventFilter(self)

    def _extra(self) -> dict[str, QAction]:
        actions = self.context.named_actions()
        return {name: actions[name] for name in ("warm_path", "paste") if name in actions}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() != QEvent.Type.ContextMenu or not isinstance(event, QContextMenuEvent)
                or self.suspended or self._view is None):
            return False
        menu = self.menu_at(event.pos())
        if menu is None:
            return False
        self.open(menu, event.globalPos())
        return True

    def menu_at(self, at: QPoint) -> QMenu | None:
        """The menu for what is under this viewport point (selecting it when it was not)."""
        view = self._view
        assert view is not None
        scene = view.board_scene
        if scene.linking:
            scene.cancel_link()
            return None
        pos = view.mapToScene(at)
        token = scene.token_at(pos)
        if token is not None:
            if not token.isSelected():
                scene.select([token.pid])
            return card_menu(scene, token.pid, lambda: view.center_on([token.pid]), self._extra())
        near = view.mapToScene(QRect(at - QPoint(LINE_REACH, LINE_REACH), QSize(2 * LINE_REACH, 2 * LINE_REACH)))
        for item in scene.items(near):  # a line is thin: a few pixels beside it count
            owner = item
            while owner is not None and not isinstance(owner, LinkItem):
                owner = owner.parentItem()
            if isinstance(owner, LinkItem) and owner.isVisible():
                if not owner.isSelected():
                    scene.select(links=[owner.lid])
                return line_menu(scene, owner.lid)
        return canvas_menu(scene, pos, self._extra())

    def open(self, menu: QMenu, at: QPoint) -> None:
        menu.exec(at)
        menu.deleteLater()
