"""Free places: card rectangles already taken, and the nearest spot where a card fits."""

from __future__ import annotations

import math

from dmuboard.layout.cards import Point, Rect, Size, card_rect, overlaps

CELL = 256.0
MARGIN = 16.0  # free space kept around a card
DIVIDE_GAP = 90.0  # the nearest a card's edge comes to the divide after a layout


class Spaces:
    """Taken rectangles, hashed by grid cell."""

    def __init__(self, margin: float = MARGIN) -> None:
        self.margin = margin
        self._cells: dict[tuple[int, int], list[Rect]] = {}

    def _keys(self, rect: Rect) -> list[tuple[int, int]]:
        m = self.margin
        x0, y0 = math.floor((rect[0] - m) / CELL), math.floor((rect[1] - m) / CELL)
        x1, y1 = math.floor((rect[2] + m) / CELL), math.floor((rect[3] + m) / CELL)
        return [(i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]

    def add(self, rect: Rect) -> None:
        for key in self._keys(rect):
            self._cells.setdefault(key, []).append(rect)

    def free(self, rect: Rect) -> bool:
        for key in self._keys(rect):
            for other in self._cells.get(key, ()):
                if overlaps(rect, other, self.margin):
                    return False
        return True

    def nearest(self, centre: Point, size: Size, side: str | None = None, step: float = 24.0) -> Point:
        """The free spot nearest ``centre`` for a card of ``size`` (kept on ``side`` of the
        divide when given); the spot is taken."""
        limit = size[0] / 2 + 12.0
        cx, cy = centre
        if side == "customer":
            cx = min(cx, -limit)
        elif side == "ours":
            cx = max(cx, limit)
        for ring in range(0, 4000):
            spots = []
            for i in range(-ring, ring + 1):
                for j in (-ring, ring) if abs(i) != ring else range(-ring, ring + 1):
                    spots.append((cx + i * step, cy + j * step * 0.75))
            spots.sort(key=lambda p: math.hypot(p[0] - cx, p[1] - cy))
            for spot in spots:
                if (side == "customer" and spot[0] > -limit) or (side == "ours" and spot[0] < limit):
                    continue
                rect = card_rect(spot, size)
                if self.free(rect):
                    self.add(rect)
                    return spot
        raise AssertionError("no free spot")  # pragma: no cover - the plane is unbounded
