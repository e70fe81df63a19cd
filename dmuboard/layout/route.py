"""Lines routed around cards: straight where the way is clear, else orthogonal.

As in libavoid (Inkscape's connector router) and draw.io's orthogonal connectors, a
line that would cross a card it does not end on is routed on the orthogonal
visibility grid: the lines just outside every card's edges (and through the ports
of the two ends), searched with A* for the shortest path with the fewest bends.
A line leaves and enters its cards at the middle of a side, preferring the sides
that face the other card. Lines between the same two people get a lane each: the
straight ones are drawn apart side by side, the routed ones keep a different
distance from the cards they pass. Cards are hashed by grid cell, so checking a
straight line costs only the cells it passes through.
"""

from __future__ import annotations

import heapq
import math
import time
from collections.abc import Iterable
from itertools import pairwise

from dmuboard.layout.cards import Point, Rect

CELL = 200.0
GAP = 4.0  # between a line's end and its card
CLEAR = 3.0  # a straight line keeps at least this far from other cards
PAD = 16.0  # a routed line keeps this far from the cards it passes
BEND = 50.0  # cost of a bend, in units of length
AWAY = 300.0  # cost of leaving by a side that faces away from the other card
REACH = 360.0  # the search first looks this far around the two cards
SEARCH_LIMIT = 2500  # steps of the search before a line is drawn straight after all
WEIGHT = 2.0  # how greedily the search heads for the goal (1: shortest routes, slowest)
DIRS = ((1, 0), (-1, 0), (0, 1), (0, -1))


class Router:
    """The card rectangles of a board, and routes between them."""

    def __init__(self) -> None:
        self.rects: dict[str, Rect] = {}
        # After this moment (time.perf_counter) no grid search is started: a line with
        # no cheap route is drawn straight. Set by whoever routes a whole board at once.
        self.search_until = math.inf
        self.cheap_until = math.inf  # after this, not even a cheap way around is looked for
        self._cells: dict[tuple[int, int], set[str]] = {}

    # -- the cards -------------------------------------------------------------------------

    def put(self, pid: str, rect: Rect) -> None:
        old = self.rects.get(pid)
        if old == rect:
            return
        if old is not None:
            self.remove(pid)
        self.rects[pid] = rect
        for key in _cells_of(rect):
            self._cells.setdefault(key, set()).add(pid)

    def remove(self, pid: str) -> None:
        rect = self.rects.pop(pid, None)
        if rect is not None:
            for key in _cells_of(rect):
                cell = self._cells.get(key)
                if cell is not None:
                    cell.discard(pid)

    def near(self, area: Rect) -> set[str]:
        """The cards that overlap ``area``."""
        if (area[2] - area[0]) * (area[3] - area[1]) > CELL * CELL * max(16, len(self._cells)):
            return {pid for pid, rect in self.rects.items() if _overlap(rect, area, 0.0)}
        found: set[str] = set()
        for key in _cells_of(area):
            found |= self._cells.get(key, set())
        return {pid for pid in found if _overlap(self.rects[pid], area, 0.0)}

    def blocked(self, a: Point, b: Point, skip: Iterable[str] = (), clear: float = CLEAR) -> str | None:
        """The first card (not in ``skip``) the segment a-b crosses, or None."""
        skipped = set(skip)
        seen: set[str] = set()
        for key in _cells_on(a, b):
            for pid in self._cells.get(key, ()):
                if pid in seen or pid in skipped:
                    continue
                seen.add(pid)
                if _crosses(a, b, self.rects[pid], clear):
                    return pid
        return None

    # -- routes ----------------------------------------------------------------------------

    def route(self, source: str, target: str, lane: float = 0.0, search: bool = True) -> list[Point]:
        """The polyline from ``source``'s edge to ``target``'s edge (``search`` False: the
        straight line even when it crosses a card, for a route to be searched later)."""
        ra, rb = self.rects[source], self.rects[target]
        # the side a lane is on follows the pair, not the direction of each line
        straight = straight_line(ra, rb, -lane if source > target else lane)
        if straight is None:
            return []  # the cards overlap: nothing to draw between them
        if not search or time.perf_counter() > self.cheap_until:
            return straight
        if self.blocked(straight[0], straight[1], (source, target)) is None:
            return straight
        if self._buried(source) or self._buried(target):
            return straight  # an end lies on another card: there is no way around to find
        pad = PAD + lane + 12.0
        for aim in ("course", "target", "source"):
            for across in (False, True):
                way = self._through_gaps(source, target, lane, across, aim)
                if way is not None:
                    return way
        way = self._simple(source, target, pad, lane)
        if way is not None:
            return way
        for reach in (REACH, math.inf):
            if time.perf_counter() > self.search_until:
                break
            area = _around(ra, rb, reach)
            if math.isinf(reach) and len(self.rects) > 400:
                break  # the whole of a big board: too slow to search
            found = _search(self, source, target, area, pad, lane)
            if found is not None:
                return found
        return straight

    def _buried(self, pid: str) -> bool:
        rect = self.rects[pid]
        return any(other != pid for other in self.near(rect))

    def _through_gaps(self, source: str, target: str, lane: float, across: bool, aim: str) -> list[Point] | None:
        """A route through the gaps of the rows between the two cards (``across``: of the
        columns), as Graphviz draws a line through the layers between its ends: the
        line passes each row of cards where the gap nearest its straight course is
        (``aim`` "course"), nearest the target's column (along the first free channel),
        or nearest the source's (straight on, then along the last channel)."""
        ra, rb = self.rects[source], self.rects[target]
        if across:
            ra, rb = _flip(ra), _flip(rb)
        flipped = ra[1] > rb[1]
        if flipped:
            ra, rb = rb, ra
        top, bottom = ra[3] + GAP, rb[1] - GAP
        if bottom - top < 2 * PAD:
            return None
        window = (min(ra[0], rb[0]) - REACH, top, max(ra[2], rb[2]) + REACH, bottom)
        cards = [_flip(self.rects[pid]) if across else self.rects[pid]
                 for pid in self.near(_flip(window) if across else window) if pid not in (source, target)]
        cards = [r for r in cards if r[3] > top and r[1] < bottom and r[2] > window[0] and r[0] < window[2]]
        start = ((ra[0] + ra[2]) / 2 + lane, top)
        end = ((rb[0] + rb[2]) / 2 + lane, bottom)
        points = [start]
        pad = PAD + abs(lane)
        for band_top, band_bottom, blocks in _bands(cards):
            at = points[-1]
            middle = (band_top + band_bottom) / 2
            t = (middle - at[1]) / (end[1] - at[1]) if end[1] != at[1] else 0.0
            ideal = at[0] + (end[0] - at[0]) * t if aim == "course" else end[0] if aim == "target" else start[0]
            if flipped and aim != "course":
                ideal = start[0] if aim == "target" else end[0]
            x = _nearest_gap(blocks, ideal, pad, window)
            if x is None:
                return None
            points.append((x, max(band_top - CHANNEL, at[1])))
            points.append((x, min(band_bottom + CHANNEL, bottom)))
        points.append(end)
        points = simplify(points)
        if across:
            points = [(y, x) for x, y in points]
        if flipped:
            points.reverse()
        skip = (source, target)
        if all(self.blocked(p, q, skip, 1.0) is None for p, q in pairwise(points)):
            return points
        return None

    def _simple(self, source: str, target: str, pad: float, lane: float) -> list[Point] | None:
        """The shortest clear route of one or two bends, if there is one (most lines of
        a layered chart have one: down to the gap between two rows, along it, and down)."""
        ra, rb = self.rects[source], self.rects[target]
        skip = (source, target)
        best: tuple[float, list[Point]] | None = None
        for ea, oa, da, ca in _ports(ra, rb, lane, pad):
            for eb, ob, db, cb in _ports(rb, ra, lane, pad):
                for middle in _middles(oa, da, ob, db, ra, rb, pad):
                    points = simplify([ea, oa, *middle, ob, eb])
                    cost = ca + cb + sum(abs(p[0] - q[0]) + abs(p[1] - q[1]) for p, q in pairwise(points))
                    cost += BEND * (len(points) - 2)
                    if best is not None and cost >= best[0]:
                        continue
                    if all(self.blocked(p, q, skip, 1.0) is None for p, q in pairwise(points)) \
                            and _own_clear(points, ra, rb):
                        best = (cost, points)
        return best[1] if best is not None else None

    def needs_search(self, source: str, target: str, points: list[Point]) -> bool:
        """Whether ``points`` (a straight line drawn for now) crosses a card."""
        return len(points) == 2 and self.blocked(points[0], points[1], (source, target)) is not None


def straight_line(ra: Rect, rb: Rect, lane: float = 0.0) -> list[Point] | None:
    """Centre to centre, shifted sideways by ``lane``, cut at the two cards' edges."""
    ax, ay = (ra[0] + ra[2]) / 2, (ra[1] + ra[3]) / 2
    bx, by = (rb[0] + rb[2]) / 2, (rb[1] + rb[3]) / 2
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy)
    if length < 1e-6:
        return None
    ux, uy = dx / length, dy / length
    ax, ay, bx, by = ax - uy * lane, ay + ux * lane, bx - uy * lane, by + ux * lane
    t1 = _exit(ux, uy, (ra[2] - ra[0]) / 2 + GAP, (ra[3] - ra[1]) / 2 + GAP)
    t2 = _exit(ux, uy, (rb[2] - rb[0]) / 2 + GAP, (rb[3] - rb[1]) / 2 + GAP)
    if t1 + t2 >= length:
        return None
    return [(ax + ux * t1, ay + uy * t1), (bx - ux * t2, by - uy * t2)]


def _exit(ux: float, uy: float, half_w: float, half_h: float) -> float:
    tx = half_w / abs(ux) if abs(ux) > 1e-9 else math.inf
    ty = half_h / abs(uy) if abs(uy) > 1e-9 else math.inf
    return min(tx, ty)


def _ports(rect: Rect, other: Rect, lane: float, pad: float) -> list[tuple[Point, Point, int, float]]:
    """(edge point, point just outside, outward direction, cost) for the four sides."""
    cx, cy = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
    ox, oy = (other[0] + other[2]) / 2, (other[1] + other[3]) / 2
    x, y = cx + lane, cy + lane
    sides = (
        ((rect[2] + GAP, y), (rect[2] + pad, y), 0, ox > rect[2]),
        ((rect[0] - GAP, y), (rect[0] - pad, y), 1, ox < rect[0]),
        ((x, rect[3] + GAP), (x, rect[3] + pad), 2, oy > rect[3]),
        ((x, rect[1] - GAP), (x, rect[1] - pad), 3, oy < rect[1]),
    )
    return [(edge, out, d, 0.0 if facing else AWAY) for edge, out, d, facing in sides]


CHANNEL = 8.0  # how far beyond a row a line passing through its gap goes straight


def _flip(rect: Rect) -> Rect:
    return (rect[1], rect[0], rect[3], rect[2])


def _bands(cards: list[Rect]) -> list[tuple[float, float, list[tuple[float, float]]]]:
    """The cards grouped into rows whose heights overlap, top to bottom: (top, bottom,
    the x extents of the cards in the row)."""
    out: list[tuple[float, float, list[tuple[float, float]]]] = []
    for rect in sorted(cards, key=lambda r: r[1]):
        if out and rect[1] < out[-1][1] + 2 * CHANNEL:
            band_top, band_bottom, blocks = out[-1]
            blocks.append((rect[0], rect[2]))
            out[-1] = (band_top, max(band_bottom, rect[3]), blocks)
        else:
            out.append((rect[1], rect[3], [(rect[0], rect[2])]))
    return out


def _nearest_gap(blocks: list[tuple[float, float]], ideal: float, pad: float, window: Rect) -> float | None:
    """The x nearest ``ideal`` that keeps ``pad`` from every block."""
    blocks = sorted(blocks)
    merged: list[list[float]] = []
    for left, right in blocks:
        if merged and left - pad < merged[-1][1] + pad:
            merged[-1][1] = max(merged[-1][1], right)
        else:
            merged.append([left, right])
    free = [(-math.inf, merged[0][0] - pad)] if merged else [(-math.inf, math.inf)]
    for (_, r1), (l2, _) in pairwise(merged):
        free.append((r1 + pad, l2 - pad))
    if merged:
        free.append((merged[-1][1] + pad, math.inf))
    best: float | None = None
    for low, high in free:
        x = min(max(ideal, low), high)
        if best is None or abs(x - ideal) < abs(best - ideal):
            best = x
    return best


def _middles(oa: Point, da: int, ob: Point, db: int, ra: Rect, rb: Rect, pad: float) -> list[list[Point]]:
    """The turning points of the one- and two-bend routes between two port stubs."""
    out: list[list[Point]] = []
    vertical_a, vertical_b = da >= 2, db >= 2
    if vertical_a != vertical_b:  # one bend
        out.append([(oa[0], ob[1])] if vertical_a else [(ob[0], oa[1])])
    elif vertical_a:  # along a horizontal channel
        for y in ((oa[1] + ob[1]) / 2, oa[1], ob[1]):
            out.append([(oa[0], y), (ob[0], y)])
    else:  # along a vertical channel
        for x in ((oa[0] + ob[0]) / 2, oa[0], ob[0]):
            out.append([(x, oa[1]), (x, ob[1])])
    return out


def _own_clear(points: list[Point], ra: Rect, rb: Rect) -> bool:
    """The route does not run back over its own cards (past the first and last legs)."""
    inner = points[1:-1]
    return all(not _crosses(p, q, r, -1.0) for p, q in pairwise(inner) for r in (ra, rb))


def _search(router: Router, source: str, target: str, area: Rect, pad: float, lane: float) -> list[Point] | None:
    ra, rb = router.rects[source], router.rects[target]
    ids = router.near(area) | {source, target}
    rects = [router.rects[pid] for pid in ids]
    starts = _ports(ra, rb, lane, pad)
    ends = _ports(rb, ra, lane, pad)
    xs_set = {area[0], area[2]}
    ys_set = {area[1], area[3]}
    for r in rects:
        xs_set.update((r[0] - pad, r[2] + pad))
        ys_set.update((r[1] - pad, r[3] + pad))
    for _, (px, py), _, _ in starts + ends:
        xs_set.add(px)
        ys_set.add(py)
    xs, ys = sorted(xs_set), sorted(ys_set)
    inner = pad - 0.5  # the part of a card grown by the pad that a route may not enter
    grown = [(r[0] - inner, r[1] - inner, r[2] + inner, r[3] + inner) for r in rects]
    local = Router()
    for i, r in enumerate(grown):
        local.put(str(i), r)

    def inside(x: float, y: float) -> bool:
        key = (math.floor(x / CELL), math.floor(y / CELL))
        for pid in local._cells.get(key, ()):
            r = local.rects[pid]
            if r[0] < x < r[2] and r[1] < y < r[3]:
                return True
        return False

    xi = {x: i for i, x in enumerate(xs)}
    yi = {y: i for i, y in enumerate(ys)}
    goal: dict[tuple[int, int], tuple[int, float, Point]] = {}
    for edge, (px, py), d, cost in ends:
        goal[(xi[px], yi[py])] = (d ^ 1, cost, edge)  # arriving against the outward direction
    gx = [xs[k[0]] for k in goal]
    gy = [ys[k[1]] for k in goal]
    heap: list[tuple[float, float, int, int, int, int]] = []
    best: dict[tuple[int, int, int], float] = {}
    back: dict[tuple[int, int, int], tuple[int, int, int] | None] = {}
    first: dict[tuple[int, int, int], Point] = {}
    for edge, (px, py), d, cost in starts:
        state = (xi[px], yi[py], d)
        if inside(px, py):
            continue
        best[state] = cost
        back[state] = None
        first[state] = edge
        heapq.heappush(heap, (cost + _h(px, py, gx, gy), -cost, *state, 0))
    for step in range(SEARCH_LIMIT):
        if not heap or (step % 256 == 255 and time.perf_counter() > router.search_until):
            break
        _, neg_g, ix, iy, d, done = heapq.heappop(heap)
        g = -neg_g
        state = (ix, iy, d)
        hit = goal.get((ix, iy))
        if done and hit is not None:
            return _points(state, back, first, xs, ys, hit[2])
        if best.get(state, math.inf) < g:
            continue
        if hit is not None:  # a way in: finished once nothing cheaper is left
            want, cost, _ = hit
            final = g + cost + (0.0 if d == want else BEND)
            heapq.heappush(heap, (final, -final, ix, iy, d, 1))
        x, y = xs[ix], ys[iy]
        for nd, (sx, sy) in enumerate(DIRS):
            if nd == d ^ 1:
                continue  # no turning back
            jx, jy = ix + sx, iy + sy
            if not (0 <= jx < len(xs) and 0 <= jy < len(ys)):
                continue
            nx, ny = xs[jx], ys[jy]
            if inside(nx, ny) or inside((x + nx) / 2, (y + ny) / 2):
                continue
            ng = g + abs(nx - x) + abs(ny - y) + (BEND if nd != d else 0.0)
            nstate = (jx, jy, nd)
            if ng < best.get(nstate, math.inf):
                best[nstate] = ng
                back[nstate] = state
                heapq.heappush(heap, (ng + _h(nx, ny, gx, gy), -ng, *nstate, 0))
    return None


def _h(x: float, y: float, gx: list[float], gy: list[float]) -> float:
    """Manhattan distance to the nearest way in, plus a bend when neither coordinate
    lines up, weighted a little so that the search heads for it (near-shortest routes)."""
    return WEIGHT * min(abs(x - a) + abs(y - b) + (BEND if abs(x - a) > 1e-6 and abs(y - b) > 1e-6 else 0.0)
                     for a, b in zip(gx, gy, strict=True))


def _points(state: tuple[int, int, int], back: dict[tuple[int, int, int], tuple[int, int, int] | None],
            first: dict[tuple[int, int, int], Point], xs: list[float], ys: list[float], end: Point) -> list[Point]:
    chain: list[tuple[int, int, int]] = []
    at: tuple[int, int, int] | None = state
    while at is not None:
        chain.append(at)
        previous = back[at]
        if previous is None:
            break
        at = previous
    chain.reverse()
    points = [first[chain[0]]] + [(xs[s[0]], ys[s[1]]) for s in chain] + [end]
    return simplify(points)


def simplify(points: list[Point]) -> list[Point]:
    """Drop points that lie on the straight run between their neighbours."""
    out: list[Point] = []
    for p in points:
        if out and abs(p[0] - out[-1][0]) < 1e-9 and abs(p[1] - out[-1][1]) < 1e-9:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if abs((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) < 1e-6:
                out[-1] = p
                continue
        out.append(p)
    return out


def _around(ra: Rect, rb: Rect, reach: float) -> Rect:
    if math.isinf(reach):
        reach = 1e6
    return (min(ra[0], rb[0]) - reach, min(ra[1], rb[1]) - reach, max(ra[2], rb[2]) + reach, max(ra[3], rb[3]) + reach)


def _overlap(a: Rect, b: Rect, margin: float) -> bool:
    return a[0] - margin < b[2] and b[0] - margin < a[2] and a[1] - margin < b[3] and b[1] - margin < a[3]


def _cells_of(rect: Rect) -> list[tuple[int, int]]:
    x0, y0 = math.floor(rect[0] / CELL), math.floor(rect[1] / CELL)
    x1, y1 = math.floor(rect[2] / CELL), math.floor(rect[3] / CELL)
    return [(i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]


def _cells_on(a: Point, b: Point) -> list[tuple[int, int]]:
    """The grid cells a segment passes through (Amanatides and Woo), with their neighbours
    across a corner the segment grazes."""
    x, y = a
    i, j = math.floor(x / CELL), math.floor(y / CELL)
    ei, ej = math.floor(b[0] / CELL), math.floor(b[1] / CELL)
    dx, dy = b[0] - x, b[1] - y
    step_i = 1 if dx > 0 else -1
    step_j = 1 if dy > 0 else -1
    t_dx = abs(CELL / dx) if dx else math.inf
    t_dy = abs(CELL / dy) if dy else math.inf
    t_x = ((i + (step_i > 0)) * CELL - x) / dx if dx else math.inf
    t_y = ((j + (step_j > 0)) * CELL - y) / dy if dy else math.inf
    cells = [(i, j)]
    for _ in range(100000):
        if (i, j) == (ei, ej):
            break
        if t_x < t_y:
            t_x += t_dx
            i += step_i
        else:
            t_y += t_dy
            j += step_j
        cells.append((i, j))
    return cells


def _crosses(a: Point, b: Point, rect: Rect, clear: float) -> bool:
    """Whether segment a-b passes through ``rect`` grown by ``clear`` (Liang-Barsky)."""
    x0, y0 = a
    dx, dy = b[0] - x0, b[1] - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - (rect[0] - clear)), (dx, rect[2] + clear - x0),
                 (-dy, y0 - (rect[1] - clear)), (dy, rect[3] + clear - y0)):
        if p == 0:
            if q <= 0:
                return False
        else:
            t = q / p
            if p < 0:
                low = max(low, t)
            else:
                high = min(high, t)
            if low >= high:
                return False
    return True
