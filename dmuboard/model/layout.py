"""Where tokens go on the canvas: auto-layout, free spots, and mirroring on a side change.

Pure geometry over the board model (no Qt), so the canvas, imports and tests share it.
Positions are token centres in scene coordinates; the customer's side is left of
x = 0 and ours is right of it.

The auto-layout draws the customer's side as an org chart: every person sits one
row below the lowest of their managers, so that every manager (dotted-line ones
included) is higher on the page than the people reporting to them. The tree follows
that lowest manager (the direct one); the other reporting lines are drawn as extra
links without disturbing it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import replace

from dmuboard.model.board import Board, Link, Person

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
    """New centres for every person: their org chart on the left, our team facing it."""
    w, h = token_size
    customers = [p.id for p in board.customers()]
    positions = _customer_layout(customers, list(board.links.values()), w, h)
    ours = [p.id for p in board.ours()]
    positions.update(_our_layout(ours, board.links.values(), positions, w, h))
    return positions


# -- the customer's org chart ------------------------------------------------------------


def _customer_layout(people: list[str], links: list[Link], w: float, h: float) -> dict[str, Point]:
    members = set(people)
    managers: dict[str, list[str]] = {pid: [] for pid in people}
    for link in links:
        if link.kind == "reports_to" and link.source in members and link.target in members:
            managers[link.source].append(link.target)
    columns = next((c for size, c in LEAF_COLUMNS if len(people) <= size), 1)
    chart = _Chart(people, managers, w, h, columns)
    local = chart.layout()
    width = (max(x for x, _ in local.values()) - min(x for x, _ in local.values()) + w) if local else 0.0
    per_row = max(ROW_LENGTH, int((width + H_GAP) // (w + H_GAP)))
    bottom = max((y for _, y in local.values()), default=-(h + V_GAP))
    left = min((x for x, _ in local.values()), default=w / 2)
    for i, pid in enumerate(chart.loners):
        row, col = divmod(i, per_row)
        local[pid] = (left + col * (w + H_GAP), bottom + h + V_GAP + row * (h + LEAF_GAP))
    if not local:
        return {}
    right = max(x for x, _ in local.values()) + w / 2
    shift = -DIVIDE_GAP - right
    return {pid: (x + shift, y) for pid, (x, y) in local.items()}


Contour = dict[int, tuple[float, float]]  # row -> (left, right) edges, relative to a centre


class _Chart:
    """An org chart as a tree: each person under their lowest-ranked manager.

    Rows are one apart per reporting level. Reports who manage nobody (not even by a
    dotted line) form a small grid under their manager, one row per line of the grid:
    a row on a small board, a narrow column on a big one, so that a big organisation
    does not become a ribbon many times wider than it is high.
    Subtrees are packed against each other row by row (their outlines, not their
    bounding boxes), as in the Reingold-Tilford drawing of trees, so a wide but
    ragged organisation stays compact and nothing overlaps.
    """

    def __init__(
        self, people: list[str], managers: Mapping[str, list[str]], w: float, h: float, leaf_columns: int
    ) -> None:
        self.w, self.h = w, h
        self.leaf_columns = leaf_columns
        self.depth = _depths(people, managers)
        self.children: dict[str, list[str]] = {pid: [] for pid in people}
        self.managing = {m for ms in managers.values() for m in ms}
        has_parent: set[str] = set()
        for pid in people:
            if managers[pid]:
                # The lowest-ranked manager is the direct one: exactly one row up.
                parent = max(managers[pid], key=lambda m: self.depth[m])
                self.children[parent].append(pid)
                has_parent.add(pid)
        self.roots = [pid for pid in people if pid not in has_parent and pid in self.managing]
        self.loners = [pid for pid in people if pid not in has_parent and pid not in self.managing]
        self.row: dict[str, int] = {}
        self.rel: dict[str, float] = {}  # centre x relative to the manager's centre x

    def layout(self) -> dict[str, Point]:
        contours: dict[str, Contour] = {}
        for pid in self._post_order():
            contours[pid] = self._merge(pid, contours)
        offsets = self._pack([contours[root] for root in self.roots])
        out: dict[str, Point] = {}
        pitch = self.h + V_GAP
        for root, offset in zip(self.roots, offsets, strict=True):
            todo = [(root, offset)]
            while todo:
                pid, x = todo.pop()
                out[pid] = (x, self.row[pid] * pitch)
                todo.extend((child, x + self.rel[child]) for child in self.children[pid])
        return out

    def _post_order(self) -> list[str]:
        order: list[str] = []
        for root in self.roots:
            stack = [(root, False)]
            while stack:
                pid, expanded = stack.pop()
                if expanded:
                    order.append(pid)
                else:
                    stack.append((pid, True))
                    stack.extend((child, False) for child in self.children[pid])
        return order

    def _merge(self, pid: str, contours: Mapping[str, Contour]) -> Contour:
        """Lay out the reports of ``pid`` under it and return the subtree's outline."""
        w = self.w
        level = self.depth[pid]
        self.row[pid] = level
        leaves = [c for c in self.children[pid] if c not in self.managing]
        inner = [c for c in self.children[pid] if c in self.managing]
        blocks: list[tuple[Contour, list[tuple[str, float]]]] = []
        if leaves:
            columns = min(len(leaves), self.leaf_columns)
            span = columns * w + (columns - 1) * H_GAP
            grid: Contour = {}
            members = []
            for i, leaf in enumerate(leaves):
                line, column = divmod(i, columns)
                x = -span / 2 + column * (w + H_GAP) + w / 2
                self.row[leaf] = level + 1 + line
                members.append((leaf, x))
                left, right = grid.get(level + 1 + line, (x - w / 2, x + w / 2))
                grid[level + 1 + line] = (min(left, x - w / 2), max(right, x + w / 2))
            blocks.append((grid, members))
        blocks.extend((contours[child], [(child, 0.0)]) for child in inner)
        outline: Contour = {level: (-w / 2, w / 2)}
        if not blocks:
            return outline
        offsets = self._pack([block for block, _ in blocks])
        centre = (offsets[0] + offsets[-1]) / 2
        for (block, members), offset in zip(blocks, offsets, strict=True):
            shift = offset - centre
            for child, x in members:
                self.rel[child] = x + shift
            for row, (left, right) in block.items():
                old = outline.get(row)
                outline[row] = (left + shift, right + shift) if old is None else (
                    min(old[0], left + shift), max(old[1], right + shift))
        return outline

    @staticmethod
    def _pack(outlines: list[Contour]) -> list[float]:
        """Offsets that put each outline just right of the ones before it, row by row."""
        reach: dict[int, float] = {}
        offsets: list[float] = []
        for outline in outlines:
            shared = [reach[row] + H_GAP - left for row, (left, _) in outline.items() if row in reach]
            offset = max(shared) if shared else (offsets[-1] if offsets else 0.0)
            offsets.append(offset)
            for row, (_, right) in outline.items():
                reach[row] = max(reach.get(row, -math.inf), offset + right)
        return offsets


def _depths(people: list[str], managers: Mapping[str, list[str]]) -> dict[str, int]:
    """Rows from the top: one more than the lowest of a person's managers (no cycles)."""
    depth: dict[str, int] = {}
    for start in people:
        stack = [start]
        while stack:
            pid = stack[-1]
            if pid in depth:
                stack.pop()
                continue
            waiting = [m for m in managers[pid] if m not in depth]
            if waiting:
                stack.extend(waiting)
                continue
            depth[pid] = 1 + max((depth[m] for m in managers[pid]), default=-1)
            stack.pop()
    return depth


# -- our team, facing the people they know -------------------------------------------------


def _our_layout(
    people: list[str], links: Iterable[Link], placed: Mapping[str, Point], w: float, h: float
) -> dict[str, Point]:
    """Our people in columns by the divide, each level with the people they know.

    A colleague sits a little below the mean height of their contacts, in the gap
    between two rows of the chart, so their lines run along the gap rather than
    through the cards of a row. Our managers take a column further out, level with
    their reports, so our own reporting lines do not cross our cards either.
    """
    if not people:
        return {}
    members = set(people)
    contacts: dict[str, list[float]] = {pid: [] for pid in people}
    reports: dict[str, list[str]] = {pid: [] for pid in people}
    for link in links:
        if link.kind == "reports_to" and link.source in members and link.target in members:
            reports[link.target].append(link.source)
        if link.kind != "relationship":
            continue
        ours, theirs = (link.source, link.target) if link.source in members else (link.target, link.source)
        if ours in members and theirs in placed:
            contacts[ours].append(placed[theirs][1])
    ys = [y for _, y in placed.values()]
    top = min(ys, default=0.0)
    height = max(ys, default=0.0) - top + h
    band = (h + V_GAP) / 2 if placed else 0.0
    wanted = {pid: _mean(contacts[pid], math.nan) + band for pid in people}
    front = [pid for pid in people if not reports[pid]]
    back = [pid for pid in people if reports[pid]]
    result: dict[str, Point] = {}
    column = _columns(front, wanted, result, 0, top, height, w, h)
    for pid in back:  # managers: level with the middle of their reports
        below = [result[r][1] for r in reports[pid] if r in result]
        if below:
            wanted[pid] = _mean(below, top)
    _columns(back, wanted, result, column, top, height, w, h)
    return result


def _columns(
    people: list[str],
    wanted: Mapping[str, float],
    out: dict[str, Point],
    first_column: int,
    top: float,
    height: float,
    w: float,
    h: float,
) -> int:
    """Stack ``people`` in columns near the heights they want; returns the next free column."""
    if not people:
        return first_column
    pitch = h + LEAF_GAP
    per_column = max(8, int(height // pitch) + 1)
    columns = max(1, math.ceil(len(people) / per_column))
    per_column = math.ceil(len(people) / columns)
    order = sorted(people, key=lambda pid: (math.isnan(wanted[pid]), 0.0 if math.isnan(wanted[pid]) else wanted[pid]))
    for column in range(columns):
        x = DIVIDE_GAP + w / 2 + (first_column + column) * (w + H_GAP)
        previous = -math.inf
        for pid in order[column * per_column : (column + 1) * per_column]:
            y = wanted[pid]
            if math.isnan(y):
                y = top if previous == -math.inf else previous + pitch
            y = max(y, previous + pitch)
            out[pid] = (x, y)
            previous = y
    return first_column + columns


def _mean(values: list[float], default: float) -> float:
    return sum(values) / len(values) if values else default


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
