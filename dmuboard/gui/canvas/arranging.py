"""Board > Auto-Layout and Tidy Selection on the canvas, and making room on a drop.

The new places come from :mod:`dmuboard.layout.arrange` (no Qt) and go to the model
as one change (one undo step). The scene follows the change at once; the cards are
then shown gliding from where they were in about 300 ms (lines drawn straight while
they glide, routed around the cards when they land), and the view is fitted.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEasingCurve, QObject, QPointF, QVariantAnimation

from dmuboard.layout.arrange import auto_layout, card_size, tidy
from dmuboard.layout.cards import Size, card_rect
from dmuboard.layout.free import Spaces
from dmuboard.model.board import Person
from dmuboard.model.document import Change

if TYPE_CHECKING:
    from dmuboard.gui.canvas.parts import SceneParts
    from dmuboard.gui.canvas.scene import BoardScene

GLIDE_MS = 300


class Arranger(QObject):
    """Runs Auto-Layout or Tidy Selection for one scene, and the glide after it."""

    def __init__(self, scene: BoardScene) -> None:
        super().__init__(scene)
        self.scene = scene
        self.animation: QVariantAnimation | None = None
        self._from: dict[str, QPointF] = {}
        self._to: dict[str, QPointF] = {}

    def size_of(self, person: Person) -> Size:
        token = self.scene.tokens.get(person.id)
        return token.size if token is not None else card_size(person)

    def arrange(self, chosen: list[str] | None = None) -> bool:
        """Lay out the board (``chosen``: only those people); False when refused or nothing moved."""
        scene = self.scene
        if scene.refuse_if_read_only():
            return False
        self.finish()
        board = scene.editor.document.board
        if chosen is not None and len(chosen) < 2:
            scene.message.emit("Select two or more people to tidy them.")
            return False
        spots = tidy(board, chosen, self.size_of) if chosen else auto_layout(board, self.size_of)
        moved = tuple(replace(p, x=round(spots[p.id][0], 1), y=round(spots[p.id][1], 1))
                      for p in board.people.values()
                      if p.id in spots and (p.x, p.y) != (round(spots[p.id][0], 1), round(spots[p.id][1], 1)))
        if not moved:
            self.fit()
            return False
        start = {p.id: QPointF(scene.tokens[p.id].pos()) for p in moved if p.id in scene.tokens}
        label = "Tidy selection" if chosen else "Auto-Layout"
        if not scene.submit(Change(people=moved, label=label)):
            return False
        self._glide(start)
        return True

    def _glide(self, start: dict[str, QPointF]) -> None:
        scene = self.scene
        self._from = start
        self._to = {pid: QPointF(scene.tokens[pid].pos()) for pid in start if pid in scene.tokens}
        animation = QVariantAnimation(self)
        animation.setStartValue(0.0)
        animation.setEndValue(1.0)
        animation.setDuration(GLIDE_MS)
        animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        animation.valueChanged.connect(self._step)
        animation.finished.connect(self.finish)
        self.animation = animation
        scene.routes.defer = True
        self._step(0.0)
        animation.start()

    def _step(self, value: object) -> None:
        t = float(value)  # type: ignore[arg-type]
        scene = self.scene
        lines: dict[object, None] = {}
        for pid, end in self._to.items():
            token = scene.tokens.get(pid)
            if token is None:
                continue
            begin = self._from[pid]
            token.setPos(begin + (end - begin) * t)
            scene.routes.track(token)
            lines.update(dict.fromkeys(token.links))
        for line in lines:
            line.adjust()  # type: ignore[attr-defined]

    def finish(self) -> None:
        """End the glide now: every card where the model has it, lines routed, view fitted."""
        animation, self.animation = self.animation, None
        if animation is None:
            return
        animation.stop()
        scene = self.scene
        scene.routes.defer = False
        board = scene.editor.document.board
        for pid in self._to:
            token = scene.tokens.get(pid)
            person = board.people.get(pid)
            if token is not None and person is not None and person.x is not None and person.y is not None:
                token.setPos(person.x, person.y)
                token.adjust_links()
        scene.routes.route_pending_now()
        self._to, self._from = {}, {}
        self.fit()

    def fit(self) -> None:
        for view in self.scene.views():
            fit = getattr(view, "fit", None)
            if fit is not None:
                fit()


def make_room(scene: SceneParts, moved: list[tuple[str, QPointF]]) -> list[tuple[str, QPointF]]:
    """The moved cards, each one dropped on another card put in the nearest free place."""
    mine = {pid for pid, _ in moved}
    taken = Spaces(margin=8.0)
    for pid, token in scene.tokens.items():
        if pid not in mine:
            taken.add(card_rect((token.pos().x(), token.pos().y()), token.size))
    out = []
    for pid, pos in moved:
        token = scene.tokens[pid]
        rect = card_rect((pos.x(), pos.y()), token.size)
        if taken.free(rect):
            taken.add(rect)
            out.append((pid, pos))
        else:
            x, y = taken.nearest((pos.x(), pos.y()), token.size, token.person.side, step=12.0)
            out.append((pid, QPointF(x, y)))
    return out
