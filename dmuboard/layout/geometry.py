"""What is drawn for a board: card rectangles, line routes and where the marks go.

One answer for the canvas, PNG, PDF, SVG, print and slides, and the ``--geometry``
file of ``dmuboard layout`` (shared/spec/cli.md, "Geometry").
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from dmuboard.layout.cards import Point, Rect, Size, card_rect, overlaps
from dmuboard.layout.route import Router
from dmuboard.model.board import Board, Link, Person

LANE = 8.0  # between two lines joining the same two people
PILL: Size = (50.0, 14.0)  # the strength pill of a relationship
CROSS: Size = (16.0, 16.0)  # the conflict mark
MARK_CLEAR = 3.0
UNLIMITED = 1500  # a board with up to this many lines is routed whole, however long it takes
MARK_TRIES = 60  # places each side of the middle tried for a mark


def search_budget(lines: int) -> float:
    """Seconds a whole board may spend searching routes (a cramped board of thousands,
    cards nearly on top of each other, would take minutes; after this the lines that
    have no cheap way around are drawn straight)."""
    return math.inf if lines <= UNLIMITED else 0.5 + 0.0006 * lines


def lanes(links: Mapping[str, Link]) -> dict[str, float]:
    """The sideways offset of each line: lines joining the same two people side by side."""
    groups: dict[tuple[str, str], list[Link]] = defaultdict(list)
    for link in links.values():
        groups[_pair(link)].append(link)
    out: dict[str, float] = {}
    for group in groups.values():
        group.sort(key=lambda link: link.kind)
        for i, link in enumerate(group):
            out[link.id] = (i - (len(group) - 1) / 2) * LANE
    return out


def _pair(link: Link) -> tuple[str, str]:
    a, b = link.source, link.target
    return (a, b) if a <= b else (b, a)


def mark_size(kind: str) -> Size | None:
    return PILL if kind == "relationship" else CROSS if kind == "conflict" else None


class Marks:
    """The marks placed so far, so that the next one goes where no card and no mark is."""

    def __init__(self, router: Router) -> None:
        self.router = router
        self.placed: dict[str, Rect] = {}

    def place(self, lid: str, points: list[Point], size: Size) -> Point | None:
        self.placed.pop(lid, None)
        if len(points) < 2:
            return None
        spot = free_mark_spot(points, size, self.router, self.placed.values())
        self.placed[lid] = card_rect(spot, size)
        return spot


def free_mark_spot(points: list[Point], size: Size, router: Router, marks: Any) -> Point:
    """The point of the line nearest its middle where a mark of ``size`` covers no card
    and no other mark (the middle itself when there is no such point)."""
    total = polyline_length(points)
    middle = point_at(points, total / 2)
    step = 6.0
    for k in range(min(int(total / step) + 1, MARK_TRIES)):
        for sign in (1, -1) if k else (1,):
            at = total / 2 + sign * k * step
            if not 0 <= at <= total:
                continue
            spot = point_at(points, at)
            rect = card_rect(spot, size)
            if router.near(_grow(rect, MARK_CLEAR)):
                continue
            if any(overlaps(rect, other, MARK_CLEAR) for other in marks):
                continue
            return spot
    return middle


def _grow(rect: Rect, by: float) -> Rect:
    return (rect[0] - by, rect[1] - by, rect[2] + by, rect[3] + by)


def polyline_length(points: list[Point]) -> float:
    return sum(math.dist(a, b) for a, b in pairwise(points))


def point_at(points: list[Point], at: float) -> Point:
    for a, b in pairwise(points):
        length = math.dist(a, b)
        if at <= length and length > 0:
            t = at / length
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        at -= length
    return points[-1]


@dataclass(frozen=True)
class Line:
    link: Link
    points: list[Point]
    mark: Point | None  # the centre of the pill or cross, if the kind has one


@dataclass(frozen=True)
class Geometry:
    cards: dict[str, Rect]
    lines: list[Line]
    divide_x: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """The ``--geometry`` document of shared/spec/cli.md."""
        return {
            "cards": [{"id": pid, "x": r[0], "y": r[1], "w": r[2] - r[0], "h": r[3] - r[1]}
                      for pid, r in self.cards.items()],
            "lines": [{"from": line.link.source, "to": line.link.target, "kind": line.link.kind,
                       "points": [[x, y] for x, y in line.points]} for line in self.lines],
            "divide_x": self.divide_x,
        }


def board_geometry(board: Board, size_of: Callable[[Person], Size] | None = None) -> Geometry:
    """Card rectangles and routed lines of ``board`` as drawn (people without a position
    where the canvas would put them)."""
    from dmuboard.layout.arrange import card_size
    from dmuboard.model.layout import place_unplaced

    size_of = size_of or card_size
    spots = place_unplaced(board)
    router = Router()
    cards: dict[str, Rect] = {}
    for pid, person in board.people.items():
        centre = (person.x, person.y) if person.x is not None and person.y is not None else spots[pid]
        cards[pid] = card_rect(centre, size_of(person))
        router.put(pid, cards[pid])
    budget = search_budget(len(board.links))
    router.search_until = time.perf_counter() + budget
    router.cheap_until = router.search_until + budget
    offsets = lanes(board.links)
    marks = Marks(router)
    lines = []
    for link in board.links.values():
        points = router.route(link.source, link.target, offsets[link.id])
        size = mark_size(link.kind)
        lines.append(Line(link, points, marks.place(link.id, points, size) if size else None))
    return Geometry(cards, lines)
