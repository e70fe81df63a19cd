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
LEAF_COLUMNS = 5  # reports of one manager laid side by side before wrapping
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
    chart = _Chart(people, managers, w, h)
    local: dict[str, Point] = {}
    cursor = 0.0
    for root in chart.roots:
        chart.place(root, cursor, local)
        cursor += chart.widths[root] + 2 * H_GAP
    chart_bottom = max((y + h / 2 for _, y in local.values()), default=-V_GAP - h / 2)
    per_row = ROW_LENGTH
    if chart.roots:
        row_width = max(cursor - 2 * H_GAP, ROW_LENGTH * (w + H_GAP) - H_GAP)
        per_row = max(1, int((row_width + H_GAP) // (w + H_GAP)))
    top = chart_bottom + V_GAP + h / 2
    for i, pid in enumerate(chart.loners):
        row, col = divmod(i, per_row)
        local[pid] = (col * (w + H_GAP) + w / 2, top + row * (h + LEAF_GAP))
    if not local:
        return {}
    right = max(x for x, _ in local.values()) + w / 2
    shift = -DIVIDE_GAP - right
    return {pid: (x + shift, y) for pid, (x, y) in local.items()}


class _Chart:
    """An org chart as a tree: each person under their lowest-ranked manager.

    Reports who manage nobody (not even by a dotted line) are laid out as a grid
    under their manager; everyone else heads a subtree on their own row. Subtrees
    take disjoint column spans, so nothing overlaps.
    """

    def __init__(self, people: list[str], managers: Mapping[str, list[str]], w: float, h: float) -> None:
        self.w, self.h = w, h
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
        self.widths = self._widths(people)

    def split(self, pid: str) -> tuple[list[str], list[str]]:
        """A manager's reports: those who manage nobody (a grid) and the others (subtrees)."""
        leaves = [c for c in self.children[pid] if c not in self.managing]
        inner = [c for c in self.children[pid] if c in self.managing]
        return leaves, inner

    def grid_width(self, count: int) -> float:
        columns = min(count, LEAF_COLUMNS)
        return columns * self.w + (columns - 1) * H_GAP if count else 0.0

    def blocks(self, pid: str, widths: Mapping[str, float]) -> list[tuple[str | None, float]]:
        leaves, inner = self.split(pid)
        blocks: list[tuple[str | None, float]] = [(c, widths[c]) for c in inner]
        if leaves:
            blocks.insert(0, (None, self.grid_width(len(leaves))))
        return blocks

    def _widths(self, people: list[str]) -> dict[str, float]:
        widths: dict[str, float] = {}
        for start in people:
            stack = [start]
            while stack:
                pid = stack[-1]
                if pid in widths:
                    stack.pop()
                    continue
                waiting = [c for c in self.children[pid] if c not in widths]
                if waiting:
                    stack.extend(waiting)
                    continue
                widths[pid] = max(self.w, _span(self.blocks(pid, widths)))
                stack.pop()
        return widths

    def place(self, root: str, left: float, out: dict[str, Point]) -> None:
        w, h = self.w, self.h
        pitch = h + V_GAP
        todo = [(root, left)]
        while todo:
            pid, start = todo.pop()
            out[pid] = (start + self.widths[pid] / 2, self.depth[pid] * pitch)
            blocks = self.blocks(pid, self.widths)
            cursor = start + (self.widths[pid] - _span(blocks)) / 2
            for child, block in blocks:
                if child is None:
                    row_y = (self.depth[pid] + 1) * pitch
                    for i, leaf in enumerate(self.split(pid)[0]):
                        row, col = divmod(i, LEAF_COLUMNS)
                        out[leaf] = (cursor + col * (w + H_GAP) + w / 2, row_y + row * (h + LEAF_GAP))
                else:
                    todo.append((child, cursor))
                cursor += block + H_GAP


def _span(blocks: list[tuple[str | None, float]]) -> float:
    return sum(b for _, b in blocks) + H_GAP * (len(blocks) - 1) if blocks else 0.0


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
    if not people:
        return {}
    members = set(people)
    contacts: dict[str, list[float]] = {pid: [] for pid in people}
    for link in links:
        if link.kind != "relationship":
            continue
        ours, theirs = (link.source, link.target) if link.source in members else (link.target, link.source)
        if ours in members and theirs in placed:
            contacts[ours].append(placed[theirs][1])
    ys = [y for _, y in placed.values()]
    top = min(ys, default=0.0)
    height = max(ys, default=0.0) - top + h
    pitch = h + LEAF_GAP
    per_column = max(8, int(height // pitch) + 1)
    columns = max(1, math.ceil(len(people) / per_column))
    if columns > 1:
        per_column = math.ceil(len(people) / columns)
    order = sorted(
        range(len(people)),
        key=lambda i: (not contacts[people[i]], _mean(contacts[people[i]], top), i),
    )
    result: dict[str, Point] = {}
    for column in range(columns):
        chunk = [people[i] for i in order[column * per_column : (column + 1) * per_column]]
        x = DIVIDE_GAP + w / 2 + column * (w + H_GAP)
        previous = -math.inf
        for pid in chunk:
            wanted = _mean(contacts[pid], previous + pitch if previous > -math.inf else top)
            y = max(wanted, previous + pitch)
            result[pid] = (x, y)
            previous = y
    return result


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
