"""Saved views: a named visible area and the layers shown, kept in the board file.

Every change to the list (save, rename, reorder, delete) is one undoable change of
the board's ``views``. While presenting, stepping to a view glides the canvas to its
area and shows its layers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEasingCurve, QObject, QRectF, Qt, QVariantAnimation

from dmuboard.model.board import View
from dmuboard.model.document import Change

if TYPE_CHECKING:
    from dmuboard.gui.canvas.view import BoardView
    from dmuboard.gui.common.feature import FeatureContext
    from dmuboard.gui.present.layers import Layers

GLIDE_MS = 400


def visible_rect(view: BoardView) -> QRectF:
    """The part of the scene the view shows now."""
    return view.mapToScene(view.viewport().rect()).boundingRect()


class SavedViews(QObject):
    """Saving, editing and stepping through the open board's views."""

    def __init__(self, context: FeatureContext, layers: Layers) -> None:
        super().__init__(context)
        self.context = context
        self.layers = layers
        self.current = -1  # the view last stepped to
        self.glide = QVariantAnimation(self)
        self.glide.setDuration(GLIDE_MS)
        self.glide.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self.glide.valueChanged.connect(self._show_rect)

    # -- the list ------------------------------------------------------------------------

    def views(self) -> tuple[View, ...]:
        editor = self.context.editor
        return editor.document.board.views if editor is not None else ()

    def _submit(self, views: tuple[View, ...], label: str) -> bool:
        scene, editor = self.context.scene, self.context.editor
        if scene is None or editor is None or scene.refuse_if_read_only():
            return False
        return editor.submit(Change(views=views, label=label))

    def save_current(self, name: str) -> bool:
        """Save what the canvas shows now (area and layers) as a view called ``name``."""
        name = name.strip()
        view = self.context.view
        if view is None:
            return False
        if not name:
            self.context.say("A view needs a name.")
            return False
        rect = visible_rect(view)
        shown = tuple(layer for layer in self.layers.actions if layer in self.layers.shown())
        saved = View(name, (rect.x(), rect.y(), rect.width(), rect.height()), shown)
        return self._submit((*self.views(), saved), "Save view")

    def rename(self, index: int, name: str) -> bool:
        views = list(self.views())
        name = name.strip()
        if not 0 <= index < len(views) or not name or name == views[index].name:
            return False
        old = views[index]
        views[index] = View(name, old.rect, old.layers)
        return self._submit(tuple(views), "Rename view")

    def move(self, index: int, delta: int) -> bool:
        """Move a view up (-1) or down (+1) in the list."""
        views = list(self.views())
        other = index + delta
        if not (0 <= index < len(views) and 0 <= other < len(views)):
            return False
        views[index], views[other] = views[other], views[index]
        return self._submit(tuple(views), "Move view")

    def delete(self, index: int) -> bool:
        views = list(self.views())
        if not 0 <= index < len(views):
            return False
        del views[index]
        return self._submit(tuple(views), "Delete view")

    # -- showing a view --------------------------------------------------------------------

    def show(self, index: int, animate: bool = True) -> View | None:
        """Glide to view ``index`` and show its layers."""
        views = self.views()
        view = self.context.view
        if view is None or not 0 <= index < len(views):
            return None
        chosen = views[index]
        self.current = index
        self.layers.set_shown(chosen.layers)
        target = QRectF(*chosen.rect)
        self.glide.stop()
        if animate:
            self.glide.setStartValue(visible_rect(view))
            self.glide.setEndValue(target)
            self.glide.start()
        else:
            self._show_rect(target)
        return chosen

    def step(self, delta: int) -> View | None:
        """The next (+1) or previous (-1) view, going round at the ends."""
        count = len(self.views())
        if count == 0:
            return None
        index = (self.current + delta) % count if self.current >= 0 else (0 if delta > 0 else count - 1)
        return self.show(index)

    def finish_glide(self) -> None:
        """Jump to the end of a glide under way."""
        if self.glide.state() == QVariantAnimation.State.Running:
            self.glide.setCurrentTime(self.glide.duration())
            self.glide.stop()

    def _show_rect(self, value: object) -> None:
        view = self.context.view
        if view is None or not isinstance(value, QRectF) or value.isEmpty():
            return
        view.fitInView(value, Qt.AspectRatioMode.KeepAspectRatio)
        view.board_scene.set_detail(view.zoom())
