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

import shiboken6
from PySide6.QtCore import QPointF, QTimer
from PySide6.QtGui import QPainterPath

from dmuboard.gui.canvas.linkdraw import add_arrow_head
from dmuboard.layout.cards import Point, Rect
from dmuboard.layout.geometry import Marks, mark_size, search_budget
from dmuboard.layout.route import Router

if TYPE_CHECKING:
    from dmuboard.gui.canvas.linkitem import LinkItem
    from dmuboard.gui.canvas.token import TokenItem

STEP = 0.008  # seconds of background routing between events
FRAME = 0.006  # seconds a frame of a drag may spend finding ways around cards
CHANGE = 0.15  # seconds a change (a drop, an undo) may spend on its lines before painting


class SceneRoutes:
    """Card rectangles, marks and pending routes of one scene."""

    def __init__(self) -> None:
        self.router = Router()
        self.marks = Marks(self.router)
        self.defer = False  # while cards glide: straight lines, routed when they land
        self._pending: dict[LinkItem, None] = {}
        self._timer: QTimer | None = None
        self._retrying = False  # routing a line left straight: tried once, not queued again

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
        if not self._retrying and router.needs_search(link.source, link.target, points):
            self._pending[line] = None
        else:
            self._pending.pop(line, None)
        size = mark_size(link.kind)
        return points, (self.marks.place(link.id, points, size) if size else None)

    def budget(self, seconds: float, search: bool = True) -> None:
        """From now on, look for ways around cards for ``seconds`` (A* only if
        ``search``); the lines left straight then are routed in the background."""
        now = time.perf_counter()
        self.router.cheap_until = now + seconds
        self.router.search_until = now + seconds if search else now

    def for_board(self, lines: int) -> None:
        """The budget of a whole board being built (as :func:`board_geometry` has)."""
        seconds = search_budget(lines)
        self.budget(2 * seconds)
        if seconds != float("inf"):
            self.router.search_until -= seconds

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
        """Route the lines left straight, within the budget of a whole board (an export)."""
        self.defer = False
        self.for_board(len(self._pending))
        self._retrying = True
        while self._pending:
            line = next(iter(self._pending))
            self._pending.pop(line)
            if shiboken6.isValid(line) and line.scene() is not None:
                line.adjust()
        self._retrying = False

    def _step(self) -> None:
        end = time.perf_counter() + STEP
        self.budget(STEP)
        self._retrying = True
        while self._pending and time.perf_counter() < end:
            line = next(iter(self._pending))
            self._pending.pop(line)
            if shiboken6.isValid(line) and line.scene() is not None:
                line.adjust()
        self._retrying = False
        if self._pending and self._timer is not None:
            self._timer.start(0)
        else:
            self._timer = None


def polyline_path(points: list[Point], arrow: bool) -> QPainterPath:
    """The polyline, with an arrow head at its end when ``arrow``. The item that draws
    an arrow also fills (the head), and a fill closes every open part of a path: so
    there each leg is a part of its own, which has no area to fill."""
    path = QPainterPath(QPointF(*points[0]))
    for (x0, y0), (x, y) in itertools.pairwise(points):
        if arrow:
            path.moveTo(x0, y0)
        path.lineTo(x, y)
    if arrow:
        (x1, y1), (x2, y2) = points[-2], points[-1]
        add_arrow_head(path, x1, y1, x2, y2)
    return path
