"""Where imported people go: free slots of a grid on their own side of the board.

Positions are token centres; the customer side is left of x = 0, ours is right of it.
Slots are sized for the largest token the canvas draws (the board layout module's
``TOKEN_SIZE``, with its gaps), so no influence level makes a token spill over its
neighbour. New people fill a grid that starts below the lowest token already on
their side (or around y = 0 on an empty side), from the divide outwards; a slot that
would touch any token already there, on either side, is passed over. So imported
tokens never cover anyone.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from dmuboard.model.board import Person
from dmuboard.model.layout import DIVIDE_GAP, H_GAP, LEAF_GAP, TOKEN_SIZE, Occupancy

TOKEN_WIDTH, TOKEN_HEIGHT = TOKEN_SIZE
STEP_X = TOKEN_WIDTH + H_GAP
STEP_Y = TOKEN_HEIGHT + LEAF_GAP
INNER_X = DIVIDE_GAP + TOKEN_WIDTH / 2  # centre of the grid column nearest the divide
MARGIN = 12.0  # tokens closer than this count as touching (hashed by grid cell, so thousands stay quick)


def _columns(count: int) -> int:
    if count <= 3:
        return max(count, 1)
    return min(8, max(3, math.ceil(math.sqrt(count))))


def free_slots(people: Iterable[Person], side: str, count: int) -> list[tuple[float, float]]:
    """``count`` token centres on ``side`` that overlap none of ``people`` nor each other."""
    if count <= 0:
        return []
    people = list(people)
    taken = Occupancy(TOKEN_SIZE, MARGIN)
    for p in people:
        if p.x is not None and p.y is not None:
            taken.add((p.x, p.y))
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
            if taken.free((x, y)):
                slots.append((x, y))
                taken.add((x, y))
                if len(slots) == count:
                    break
        row += 1
    return slots
