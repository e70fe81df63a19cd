"""Where tokens go on the canvas: auto-layout, free spots, and mirroring on a side change.

Pure geometry over the board model (no Qt), so the canvas, imports and tests share it.
Positions are token centres in scene coordinates; the customer's side is left of
x = 0 and ours is right of it.

The auto-layout itself lives in :mod:`dmuboard.layout` (a layered org chart, our
team facing it, lines routed around cards).
"""

from __future__ import annotations

import math
from dataclasses import replace

from dmuboard.model.board import Board, Person

Point = tuple[float, float]
Size = tuple[float, float]

TOKEN_SIZE: Size = (220.0, 94.0)  # the largest token the canvas draws
DIVIDE_GAP = 90.0  # free space between the divide (x = 0) and the nearest token edge
H_GAP = 36.0  # between tokens side by side
V_GAP = 80.0  # between rows of an org chart (room for the reporting lines)
LEAF_GAP = 24.0  # between rows of a grid of reports without reports of their own
LEAF_COLUMNS = ((40, 5), (120, 2))  # (up to this many customers, reports side by side); more: 1
ROW_LENGTH = 8  # people without any reporting line, per row


def side_sign(side: str) -> int:
    """-1 for the customer's side (left), +1 for ours (right)."""
    return -1 if side == "customer" else 1


def side_change(person: Person, new_side: str) -> Person:
    """``person`` moved to ``new_side``: the token mirrored across the divide.

    Our people have no DMU roles and no stance, so those are cleared when a customer
    person joins our side.
    """
    if person.side == new_side:
        return person
    x = None if person.x is None else -person.x
    if new_side == "ours":
        return replace(person, side=new_side, x=x, roles=(), stance="unknown")
    return replace(person, side=new_side, x=x)


def auto_layout(board: Board, token_size: Size = TOKEN_SIZE) -> dict[str, Point]:
    """New centres for every person (see :mod:`dmuboard.layout.arrange`), every card
    taken as ``token_size``. Pinned people stay."""
    from dmuboard.layout.arrange import auto_layout as arrange

    return arrange(board, lambda _person: token_size)


# -- free spots for people without a position --------------------------------------------


class Occupancy:
    """Token rectangles already on the canvas, hashed by grid cell for quick overlap tests."""

    def __init__(self, token_size: Size = TOKEN_SIZE, margin: float = 12.0) -> None:
        self.w, self.h = token_size
        self.margin = margin
        self._cells: dict[tuple[int, int], list[Point]] = {}

    def _cell(self, x: float, y: float) -> tuple[int, int]:
        return (math.floor(x / (self.w + self.margin)), math.floor(y / (self.h + self.margin)))

    def add(self, point: Point) -> None:
        self._cells.setdefault(self._cell(*point), []).append(point)

    def free(self, point: Point) -> bool:
        cx, cy = self._cell(*point)
        reach_x, reach_y = self.w + self.margin, self.h + self.margin
        for i in (cx - 1, cx, cx + 1):
            for j in (cy - 1, cy, cy + 1):
                for ox, oy in self._cells.get((i, j), ()):
                    if abs(ox - point[0]) < reach_x and abs(oy - point[1]) < reach_y:
                        return False
        return True


def free_spot(occupancy: Occupancy, side: str, near: Point | None = None) -> Point:
    """The nearest spot on ``side`` (to ``near``, else to the top of the divide) where a
    token overlaps nobody. The spot is recorded in ``occupancy``."""
    sign = side_sign(side)
    w, h = occupancy.w, occupancy.h
    nearest_x = sign * (DIVIDE_GAP + w / 2)
    x0, y0 = near if near is not None else (nearest_x, 0.0)
    if sign * x0 < sign * nearest_x:
        x0 = nearest_x
    step_x, step_y = w + H_GAP, h + LEAF_GAP
    for ring in range(0, 10_000):
        candidates = []
        for i in range(0, ring + 1):
            for j in range(-ring, ring + 1):
                if max(i, abs(j)) != ring:
                    continue
                candidates.append((x0 + sign * i * step_x, y0 + j * step_y))
        candidates.sort(key=lambda p: (abs(p[0] - x0) + abs(p[1] - y0), p[1]))
        for spot in candidates:
            if occupancy.free(spot):
                occupancy.add(spot)
                return spot
    raise AssertionError("no free spot found")  # pragma: no cover - the plane is infinite


def place_unplaced(board: Board, token_size: Size = TOKEN_SIZE) -> dict[str, Point]:
    """Spots for the people without x and y, clear of everyone else (nothing is written).

    They fill columns from the divide outwards, skipping occupied places, so a board
    imported without any positions comes up as a tidy grid on each side.
    """
    occupancy = Occupancy(token_size)
    placed_ys = []
    for p in board.people.values():
        if p.x is not None and p.y is not None:
            occupancy.add((p.x, p.y))
            placed_ys.append(p.y)
    waiting: dict[str, list[str]] = {"customer": [], "ours": []}
    for p in board.people.values():
        if p.x is None:
            waiting[p.side].append(p.id)
    w, h = token_size
    top = min(placed_ys, default=0.0)
    spots: dict[str, Point] = {}
    for side, pids in waiting.items():
        if not pids:
            continue
        sign = side_sign(side)
        rows = max(6, math.ceil(math.sqrt(len(pids) * 1.5)))
        cell = 0
        for pid in pids:
            while True:
                column, row = divmod(cell, rows)
                cell += 1
                spot = (sign * (DIVIDE_GAP + w / 2 + column * (w + H_GAP)), top + row * (h + LEAF_GAP))
                if occupancy.free(spot):
                    occupancy.add(spot)
                    spots[pid] = spot
                    break
    return spots
