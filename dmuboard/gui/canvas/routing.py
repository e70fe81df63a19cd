"""The routes the canvas draws: :mod:`dmuboard.layout.route` fed with the scene's cards.

The scene keeps a :class:`~dmuboard.layout.route.Router` with every card's
rectangle (updated when a card moves or changes size) and the marks placed so far,
so that a line asks for its route when one of its ends moves: a drag re-routes only
the lines of the moved cards. A board too big to route every line at once while it
opens gets straight lines first, and the ones that cross a card are routed in the
background, a few milliseconds at a time; an export routes them all before it paints.
The same functions make the routes of ``dmuboard layout --geometry``, so the canvas,
every export and that file draw the same lines.
"""

from __future__ import annotations

import itertools
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QTimer
from PySide6.QtGui import QPainterPath

from dmuboard.gui.canvas.linkdraw import _barbs
from dmuboard.layout.cards import Point, Rect
from dmuboard.layout.geometry import Marks, mark_size
from dmuboard.layout.route import Router

if TYPE_CHECKING:
    from dmuboard.gui.canvas.linkitem import LinkItem
    from dmuboard.gui.canvas.token import TokenItem

ROUTE_AT_ONCE = 1500  # lines a board may have for all of them to be routed while it opens
STEP = 0.008  # seconds of background routing between events


class SceneRoutes:
    """Card rectangles, marks and pending routes of one scene."""

    def __init__(self) -> None:
        self.router = Router()
        self.marks = Marks(self.router)
        self.defer = False  # while a big board opens: straight lines, routed later
        self._pending: dict[LinkItem, None] = {}
        self._timer: QTimer | None = None

    def track(self, token: TokenItem) -> None:
        """The card of ``token`` is where the token is now."""
        w, h = token.size
        x, y = token.pos().x(), token.pos().y()
        self.router.put(token.pid, (x - w / 2, y - h / 2, x + w / 2, y + h / 2))

    def forget(self, pid: str) -> None:
        self.router.remove(pid)

    def route(self, line: LinkItem) -> tuple[list[Point], Point | None]:
        """The polyline of ``line`` and where its mark goes."""
        link = line.link
        router = self.router
        if link.source not in router.rects or link.target not in router.rects:
            return [], None
        points = router.route(link.source, link.target, line.lane, search=not self.defer)
        if self.defer and router.needs_search(link.source, link.target, points):
            self._pending[line] = None
        else:
            self._pending.pop(line, None)
        size = mark_size(link.kind)
        return points, (self.marks.place(link.id, points, size) if size else None)

    def drop(self, line: LinkItem) -> None:
        self._pending.pop(line, None)
        self.marks.placed.pop(line.link.id, None)

    def crossing(self, rects: list[Rect], lines: list[LinkItem]) -> list[LinkItem]:
        """The ``lines`` drawn across one of ``rects`` (the cards that just moved)."""
        found = []
        for line in lines:
            points = line.route
            for a, b in itertools.pairwise(points):
                box = (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
                if any(box[0] < r[2] and r[0] < box[2] and box[1] < r[3] and r[1] < box[3] for r in rects):
                    found.append(line)
                    break
        return found

    def route_pending_later(self) -> None:
        """Route the lines drawn straight for now, in small steps between events."""
        self.defer = False
        if not self._pending or self._timer is not None:
            return
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)
        self._timer.start(0)

    def route_pending_now(self) -> None:
        self.defer = False
        while self._pending:
            line = next(iter(self._pending))
            self._pending.pop(line)
            if line.scene() is not None:
                line.adjust()

    def _step(self) -> None:
        end = time.perf_counter() + STEP
        while self._pending and time.perf_counter() < end:
            line = next(iter(self._pending))
            self._pending.pop(line)
            if line.scene() is not None:
                line.adjust()
        if self._pending and self._timer is not None:
            self._timer.start(0)
        else:
            self._timer = None


def polyline_path(points: list[Point], arrow: bool) -> QPainterPath:
    """The polyline, with an arrow head at its end when ``arrow``."""
    path = QPainterPath(QPointF(*points[0]))
    for x, y in points[1:]:
        path.lineTo(x, y)
    if arrow:
        (x1, y1), (x2, y2) = points[-2], points[-1]
        lx, ly, rx, ry = _barbs(x1, y1, x2, y2)
        path.moveTo(x2, y2)
        path.lineTo(lx, ly)
        path.lineTo(rx, ry)
        path.closeSubpath()
    return path
