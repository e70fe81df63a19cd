"""Auto-Layout of a whole board or of a selection: positions only, nothing written.

Their side is the layered org chart of :mod:`.layered`. People with no reporting
line who sway or clash with someone in the chart join the row of the people they
are linked with, next to them; the others line up below the chart. Our team faces
it across the divide, each at the height of the people they know (in the gap
below that row, so the line runs between cards, not through a row); our managers
stand a column further out, just above their topmost report (reporting lines
point up on both sides). Pinned people stay where
they are and whoever would overlap them moves to the nearest free place.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping
from itertools import pairwise

from dmuboard.layout.cards import Point, Size, card_rect, token_size
from dmuboard.layout.free import DIVIDE_GAP, Spaces
from dmuboard.layout.layered import H_GAP, V_GAP, Layered, _fit
from dmuboard.model.board import Board, Person

V_STACK = 24.0  # between our people one above the other
ROW_LENGTH = 8  # unlinked people per row below the chart

SizeOf = Callable[[Person], Size]


def card_size(person: Person) -> Size:
    return token_size(person.influence)


def auto_layout(board: Board, size_of: SizeOf = card_size, keep_pinned: bool = True) -> dict[str, Point]:
    """New centres for everyone: their org chart on the left, our team facing it."""
    sizes = {pid: size_of(p) for pid, p in board.people.items()}
    spots = _customer_side(board, sizes)
    spots.update(_our_side(board, sizes, spots))
    if keep_pinned:
        pinned = {pid for pid, p in board.people.items() if p.pinned and p.x is not None and p.y is not None}
        if pinned:
            spots = _around_pinned(board, sizes, spots, pinned)
    return spots


def tidy(board: Board, chosen: Collection[str], size_of: SizeOf = card_size) -> dict[str, Point]:
    """Auto-Layout of the ``chosen`` people only, in the place they took (per side), clear
    of everyone else; pinned people among them stay."""
    part = Board(board.info, {pid: board.people[pid] for pid in chosen if pid in board.people},
                 {lid: link for lid, link in board.links.items() if link.source in chosen and link.target in chosen})
    spots = auto_layout(part, size_of, keep_pinned=False)
    out: dict[str, Point] = {}
    for side in ("customer", "ours"):
        ids = [pid for pid in spots if part.people[pid].side == side and not part.people[pid].pinned]
        placed = [part.people[pid] for pid in ids if part.people[pid].x is not None]
        if not ids or not placed:
            out.update({pid: spots[pid] for pid in ids})
            continue
        # the tidied group keeps the corner nearest the divide where the people were
        near_x = max if side == "customer" else min
        dx = near_x(p.x for p in placed if p.x is not None) - near_x(spots[pid][0] for pid in ids)
        dy = min(p.y for p in placed if p.y is not None) - min(spots[pid][1] for pid in ids)
        out.update({pid: (spots[pid][0] + dx, spots[pid][1] + dy) for pid in ids})
    taken = Spaces()
    for pid, p in board.people.items():
        if pid not in out and p.x is not None and p.y is not None:
            taken.add(card_rect((p.x, p.y), size_of(p)))
    for pid, spot in out.items():
        out[pid] = taken.nearest(spot, size_of(board.people[pid]), board.people[pid].side)
    return out


def _customer_side(board: Board, sizes: Mapping[str, Size]) -> dict[str, Point]:
    customers = [p.id for p in board.customers()]
    members = set(customers)
    lines = [(k.source, k.target) for k in board.links.values()
             if k.kind == "reports_to" and k.source in members and k.target in members]
    charted = {pid for line in lines for pid in line}
    chart_ids = [pid for pid in customers if pid in charted]
    leaf_columns = 4 if len(customers) <= 40 else 3 if len(customers) <= 120 else 2
    drawing = Layered({pid: sizes[pid] for pid in chart_ids}, lines, leaf_columns)
    drawing.order()
    spots = drawing.coordinates()
    row_y = [spots[layer[0]][1] for layer in drawing.layers if layer]
    # people with no reporting line: beside the people they are linked with
    friends: dict[str, list[str]] = {pid: [] for pid in customers if pid not in charted}
    for k in board.links.values():
        if k.kind in ("influences", "conflict"):
            for a, b in ((k.source, k.target), (k.target, k.source)):
                if a in friends and b in charted:
                    friends[a].append(b)
    joining: dict[int, list[tuple[str, float]]] = {}
    for pid, near in friends.items():
        if near:
            layer = round(_median(drawing.layer[n] for n in near))
            joining.setdefault(layer, []).append((pid, sum(spots[n][0] for n in near) / len(near)))
    for layer, newcomers in joining.items():
        nodes = drawing.layers[layer]
        row = sorted([(n, spots[n][0], 1.0) for n in nodes] + [(pid, x, 0.5) for pid, x in newcomers],
                     key=lambda item: item[1])
        drawing.layers[layer] = [n for n, _, _ in row]
        for pid, _ in newcomers:
            drawing.sizes[pid] = sizes[pid]
        gaps = [drawing._gap(a[0], b[0]) for a, b in pairwise(row)]
        for (node, _, _), x in zip(row, _fit([x for _, x, _ in row], [w for _, _, w in row], gaps), strict=True):
            spots[node] = (x, row_y[layer])
    spots = {pid: spot for pid, spot in spots.items() if pid not in drawing.dummy}
    alone = [pid for pid, near in friends.items() if not near]
    if alone:
        xs = [x - sizes[pid][0] / 2 for pid, (x, _) in spots.items()]
        left = min(xs, default=0.0)
        top = max((y + sizes[pid][1] / 2 for pid, (_, y) in spots.items()), default=-V_GAP) + V_GAP
        pitch_x = max(sizes[pid][0] for pid in alone) + H_GAP
        pitch_y = max(sizes[pid][1] for pid in alone) + V_STACK
        width = (max((x + sizes[pid][0] / 2 for pid, (x, _) in spots.items()), default=0.0) - left)
        per_row = max(ROW_LENGTH, int((width + H_GAP) // pitch_x))
        for i, pid in enumerate(alone):
            line, column = divmod(i, per_row)
            spots[pid] = (left + column * pitch_x + pitch_x / 2, top + line * pitch_y + pitch_y / 2)
    if not spots:
        return {}
    right = max(x + sizes[pid][0] / 2 for pid, (x, _) in spots.items())
    top = min(y - sizes[pid][1] / 2 for pid, (_, y) in spots.items())
    return {pid: (x - right - DIVIDE_GAP, y - top) for pid, (x, y) in spots.items()}


def _our_side(board: Board, sizes: Mapping[str, Size], placed: Mapping[str, Point]) -> dict[str, Point]:
    ours = [p.id for p in board.ours()]
    if not ours:
        return {}
    members = set(ours)
    contacts: dict[str, list[float]] = {pid: [] for pid in ours}
    reports: dict[str, list[str]] = {pid: [] for pid in ours}
    for k in board.links.values():
        if k.kind == "reports_to" and k.source in members and k.target in members:
            reports[k.target].append(k.source)
        elif k.kind == "relationship":
            mine, theirs = (k.source, k.target) if k.source in members else (k.target, k.source)
            if mine in members and theirs in placed:
                contacts[mine].append(placed[theirs][1])
    ys = [spot[1] for spot in placed.values()]
    top = min(ys, default=0.0)
    bottom = max(ys, default=0.0)
    band = (max((h for _, h in sizes.values()), default=0.0) + V_GAP) / 2 if placed else 0.0
    wanted = {pid: (sum(c) / len(c) + band) if c else math.nan for pid, c in contacts.items()}
    height: dict[str, int] = {}

    def rank(pid: str, seen: frozenset[str] = frozenset()) -> int:  # 0: manages nobody of ours
        if pid not in height:
            below = [rank(r, seen | {pid}) for r in reports[pid] if r not in seen]
            height[pid] = 1 + max(below) if below else 0
        return height[pid]

    out: dict[str, Point] = {}
    column = 0
    for level in range(max(rank(pid) for pid in ours) + 1):
        group = [pid for pid in ours if height[pid] == level]
        if level:  # managers: just above their topmost report, pushed up (never down) to fit
            for pid in group:
                below = [out[r][1] - sizes[r][1] / 2 for r in reports[pid] if r in out]
                wanted[pid] = min(below) - sizes[pid][1] / 2 - V_STACK if below else math.nan
        column = _columns(group, wanted, sizes, out, column, top, bottom, upward=level > 0)
    return out


def _columns(people: list[str], wanted: dict[str, float], sizes: Mapping[str, Size], out: dict[str, Point],
             first: int, top: float, bottom: float, upward: bool = False) -> int:
    """``people`` in columns by the divide, each as near its wanted height as the others
    allow (``upward``: moved only up from it); returns the next free column."""
    if not people:
        return first
    pitch = max(sizes[pid][1] for pid in people) + V_STACK
    room = max(bottom - top + pitch, 8 * pitch)
    count = max(1, math.ceil(len(people) * pitch / room))
    fallback = top
    for pid in people:  # the people who know nobody: after the others
        if math.isnan(wanted[pid]):
            fallback = max((v for v in wanted.values() if not math.isnan(v)), default=top) + pitch
            wanted[pid] = fallback
    order = sorted(people, key=lambda pid: wanted[pid])
    width = max(sizes[pid][0] for pid in people)
    for c in range(count):
        column = order[c::count]
        x = DIVIDE_GAP + width / 2 + (first + c) * (width + H_GAP)
        gaps = [(sizes[a][1] + sizes[b][1]) / 2 + V_STACK for a, b in pairwise(column)]
        if upward:
            ys = [wanted[column[-1]]] if column else []
            for pid, gap in zip(reversed(column[:-1]), reversed(gaps), strict=True):
                ys.append(min(wanted[pid], ys[-1] - gap))
            ys.reverse()
        else:
            ys = _fit([wanted[p] for p in column], [1.0] * len(column), gaps)
        for pid, y in zip(column, ys, strict=True):
            out[pid] = (x, y)
    return first + count


def _around_pinned(board: Board, sizes: Mapping[str, Size], spots: dict[str, Point],
                   pinned: set[str]) -> dict[str, Point]:
    taken = Spaces()
    out: dict[str, Point] = {}
    for pid in pinned:
        p = board.people[pid]
        assert p.x is not None and p.y is not None
        out[pid] = (p.x, p.y)
        taken.add(card_rect(out[pid], sizes[pid]))
    rest = sorted((pid for pid in spots if pid not in pinned), key=lambda pid: (spots[pid][1], spots[pid][0]))
    for pid in rest:
        rect = card_rect(spots[pid], sizes[pid])
        if taken.free(rect):
            taken.add(rect)
            out[pid] = spots[pid]
        else:
            out[pid] = taken.nearest(spots[pid], sizes[pid], board.people[pid].side)
    return out


def _median(values: Iterable[float]) -> float:
    """The median, as ``statistics.median`` gives it (that module costs start-up time)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
