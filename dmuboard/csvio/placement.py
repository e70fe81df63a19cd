"""Where imported people go: free slots of a grid on their own side of the board.

Tokens are about 170 by 80 scene units, positioned by their centre. The customer
side is left of x = 0, ours is right of it. New people fill a grid that starts below
the lowest token already on their side (or around y = 0 on an empty side), from the
middle line outwards; a slot that would touch any token already there, on either
side, is passed over. So imported tokens never cover anyone.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from dmuboard.model.board import Person

TOKEN_WIDTH = 170.0
TOKEN_HEIGHT = 80.0
STEP_X = 200.0  # a token and a gap of 30
STEP_Y = 110.0
INNER_X = 165.0  # centre of the grid column nearest the middle line: its token ends 80 from x = 0
MARGIN = 10.0  # tokens closer than this count as touching


def _columns(count: int) -> int:
    if count <= 3:
        return max(count, 1)
    return min(6, max(3, math.ceil(math.sqrt(count))))


def _touches(x: float, y: float, taken: list[tuple[float, float]]) -> bool:
    return any(
        abs(x - ox) < TOKEN_WIDTH + MARGIN and abs(y - oy) < TOKEN_HEIGHT + MARGIN for ox, oy in taken
    )


def free_slots(people: Iterable[Person], side: str, count: int) -> list[tuple[float, float]]:
    """``count`` token centres on ``side`` that overlap none of ``people`` nor each other."""
    if count <= 0:
        return []
    taken = [(p.x, p.y) for p in people if p.x is not None and p.y is not None]
    own = [p.y for p in people if p.side == side and p.y is not None]
    columns = _columns(count)
    rows = math.ceil(count / columns)
    # Below the lowest token of this side; on an empty side, centred around y = 0.
    top = max(own) + STEP_Y if own else -round((rows - 1) * STEP_Y / 2 / 10) * 10.0
    sign = -1.0 if side == "customer" else 1.0
    slots: list[tuple[float, float]] = []
    row = 0
    while len(slots) < count:
        y = top + row * STEP_Y
        for column in range(columns):
            x = sign * (INNER_X + column * STEP_X)
            if not _touches(x, y, taken):
                slots.append((x, y))
                taken.append((x, y))
                if len(slots) == count:
                    break
        row += 1
    return slots
