"""Spotlight: one person and the people they are linked to stay bright, the rest dims.

Only links of the layers shown count. The spotlight follows the model: a moved token,
a new link or an undo re-applies it. While presenting, a click (a press and release
without movement) on a person spotlights them and a click on empty canvas clears
it; a press that moves is still a drag of the token.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QMouseEvent

from dmuboard.gui.present.watcher import ViewportWatcher

if TYPE_CHECKING:
    from dmuboard.gui.canvas.scene import BoardScene

DIM = 0.15
CLICK_TRAVEL = 4  # pixels: more than this between press and release is a drag


class Spotlight:
    """Which people and links of a scene are lit; everything else is dimmed."""

    def __init__(self) -> None:
        self.scene: BoardScene | None = None
        self.person: str | None = None  # the spotlit person, when one is
        self.group: frozenset[str] | None = None  # or a group (a finding's people)

    @property
    def active(self) -> bool:
        return self.person is not None or self.group is not None

    def bind(self, scene: BoardScene | None) -> None:
        """Follow another scene (its items start undimmed)."""
        self.person, self.group = None, None
        if self.scene is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # the old board's editor is already gone
                self.scene.editor.changed.disconnect(self._model_changed)
        self.scene = scene
        if scene is not None:
            scene.editor.changed.connect(self._model_changed)

    def on_person(self, pid: str) -> None:
        """Light ``pid`` and everyone joined to them by a line that is shown."""
        self.person, self.group = pid, None
        self.apply()

    def on_people(self, pids: Iterable[str]) -> None:
        """Light exactly these people, and every shown line that touches one of them (a
        finding about a single thread is about that person's one line)."""
        self.person, self.group = None, frozenset(pids)
        self.apply()

    def clear(self) -> None:
        self.person, self.group = None, None
        self.apply()

    def lit(self) -> tuple[set[str], set[str]]:
        """(people, link ids) that stay bright."""
        scene = self.scene
        if scene is None:
            return set(), set()
        people: set[str] = set()
        links: set[str] = set()
        if self.person is not None:
            people.add(self.person)
            for lid, item in scene.links.items():
                link = item.link
                if self.person in (link.source, link.target) and scene.link_shown(link.kind):
                    links.add(lid)
                    people.update((link.source, link.target))
        elif self.group is not None:
            people = set(self.group)
            links = {lid for lid, item in scene.links.items()
                     if (item.link.source in people or item.link.target in people)
                     and scene.link_shown(item.link.kind)}
        return people, links

    def apply(self) -> None:
        """Set every item's opacity from the spotlight (all bright when there is none)."""
        scene = self.scene
        if scene is None:
            return
        if self.person is not None and self.person not in scene.tokens:
            self.person = None  # the person was deleted
        if not self.active:
            for token in scene.tokens.values():
                token.setOpacity(1.0)
            for item in scene.links.values():
                item.setOpacity(1.0)
            return
        people, links = self.lit()
        for pid, token in scene.tokens.items():
            token.setOpacity(1.0 if pid in people else DIM)
        for lid, item in scene.links.items():
            item.setOpacity(1.0 if lid in links else DIM)

    def _model_changed(self, _change: object) -> None:
        if self.active:
            self.apply()


class SpotlightClicks(ViewportWatcher):
    """Watches a view's mouse: a click on a person spotlights them, on empty canvas clears."""

    def __init__(self, spotlight: Spotlight, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spotlight = spotlight
        self.enabled = False
        self._pressed_at: QPoint | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.enabled or self.view is None or not isinstance(event, QMouseEvent):
            return False
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        here = event.position().toPoint()
        if event.type() == QEvent.Type.MouseButtonPress:
            self._pressed_at = here
        elif event.type() == QEvent.Type.MouseButtonRelease and self._pressed_at is not None:
            travel = (here - self._pressed_at).manhattanLength()
            self._pressed_at = None
            if travel <= CLICK_TRAVEL:
                self.click(here)
        return False  # the canvas still selects and drags as usual

    def click(self, at: QPoint) -> None:
        """A click at viewport point ``at``: spotlight the person there, or clear on empty canvas."""
        view = self.view
        if view is None:
            return
        scene = view.board_scene
        pos = view.mapToScene(at)
        token = scene.token_at(pos)
        if token is not None:
            self.spotlight.on_person(token.pid)
        elif not scene.items(pos):
            self.spotlight.clear()
