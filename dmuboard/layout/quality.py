"""How well a drawing reads: the measures of the layout benchmark and tests."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from dmuboard.layout.cards import Point, Rect, overlaps
from dmuboard.layout.route import Router

Polyline = Sequence[Point]


@dataclass(frozen=True)
class Quality:
    across_cards: int  # lines that cross a card they do not end on
    overlapping: int  # pairs of cards that overlap
    crossings: int  # pairs of line segments that cross
    up: int  # reporting lines whose manager is higher than the report
    reporting: int  # reporting lines


def measure(cards: Mapping[str, Rect], lines: Iterable[tuple[str, str, str, Polyline]]) -> Quality:
    """``lines``: (from, to, kind, points) each."""
    router = Router()
    for pid, rect in cards.items():
        router.put(pid, rect)
    lines = list(lines)
    across = sum(1 for a, b, _, pts in lines
                 if any(router.blocked(p, q, (a, b), clear=-0.5) for p, q in pairwise(pts)))
    ids = sorted(cards, key=lambda pid: cards[pid][0])
    overlapping = 0
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if cards[b][0] >= cards[a][2]:
                break
            overlapping += overlaps(cards[a], cards[b])
    reporting = [(a, b) for a, b, kind, _ in lines if kind == "reports_to"]
    up = sum(1 for a, b in reporting if (cards[b][1] + cards[b][3]) < (cards[a][1] + cards[a][3]))
    return Quality(across, overlapping, crossings([pts for _, _, _, pts in lines]), up, len(reporting))


def crossings(polylines: Sequence[Polyline]) -> int:
    """Points where two different polylines cross (segments hashed by grid cell)."""
    cell = 64.0
    buckets: dict[tuple[int, int], list[int]] = {}
    segments: list[tuple[int, Point, Point]] = []
    for k, pts in enumerate(polylines):
        for p, q in pairwise(pts):
            index = len(segments)
            segments.append((k, p, q))
            for i in range(math.floor(min(p[0], q[0]) / cell), math.floor(max(p[0], q[0]) / cell) + 1):
                for j in range(math.floor(min(p[1], q[1]) / cell), math.floor(max(p[1], q[1]) / cell) + 1):
                    buckets.setdefault((i, j), []).append(index)
    seen: set[tuple[int, int]] = set()
    count = 0
    for members in buckets.values():
        for x, a in enumerate(members):
            for b in members[x + 1:]:
                if segments[a][0] == segments[b][0] or (a, b) in seen:
                    continue
                seen.add((a, b))
                if _cross(segments[a][1], segments[a][2], segments[b][1], segments[b][2]):
                    count += 1
    return count


def _orient(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    d1, d2 = _orient(c, d, a), _orient(c, d, b)
    d3, d4 = _orient(a, b, c), _orient(a, b, d)
    return (d1 > 0 > d2 or d1 < 0 < d2) and (d3 > 0 > d4 or d3 < 0 < d4)
