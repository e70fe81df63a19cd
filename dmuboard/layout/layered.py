"""A layered (Sugiyama) drawing of an org chart: managers above their reports.

1. Layers: everyone one layer below the lowest of their managers (dotted lines
   included), so every reporting line points up. Reports who manage nobody are
   stacked a few side by side under their manager, row below row, so that a big
   organisation does not become a ribbon many times wider than it is high.
2. A line spanning more than one layer gets a thin dummy node in each layer between,
   which keeps a channel free for it.
3. Crossing reduction: layer by layer sweeps down and up, each node at the barycentre
   of its neighbours in the layer just fixed; the order with the fewest crossings wins.
4. Coordinates: alternating sweeps put each node at the mean of its neighbours, the
   layer kept in order and apart by an exact least-squares fit (pool adjacent
   violators), so a manager sits centred over the reports and long lines run straight.

Pure Python: 300 people take a few tens of milliseconds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

from dmuboard.layout.cards import Point, Size

H_GAP = 36.0  # between cards side by side
DUMMY_W = 14.0  # the channel a line through a layer keeps free
DUMMY_GAP = 14.0  # between a channel and its neighbours
V_GAP = 70.0  # between rows (room for the lines to turn)
SWEEPS = 24


class Layered:
    """The layered drawing of ``sizes`` (id -> card size) with reporting ``lines`` (report, manager)."""

    def __init__(self, sizes: Mapping[str, Size], lines: Sequence[tuple[str, str]], leaf_columns: int) -> None:
        self.sizes = dict(sizes)
        managers: dict[str, list[str]] = {pid: [] for pid in sizes}
        reports: dict[str, list[str]] = {pid: [] for pid in sizes}
        for low, high in lines:
            if low in managers and high in managers and high not in managers[low]:
                managers[low].append(high)
                reports[high].append(low)
        self.layer = _depths(list(sizes), managers)
        for pid in sizes:  # stack the reports who manage nobody
            leaves = [r for r in reports[pid] if not reports[r] and managers[r] == [pid]]
            if len(leaves) > leaf_columns:
                for i, leaf in enumerate(leaves):
                    self.layer[leaf] = self.layer[pid] + 1 + i // leaf_columns
        self.up: dict[str, list[str]] = {}
        self.down: dict[str, list[str]] = {}
        self.dummy: set[str] = set()
        for pid in sizes:
            self.up.setdefault(pid, [])
            self.down.setdefault(pid, [])
        for low in sizes:
            for high in managers[low]:
                self._chain(low, high)
        depth = max(self.layer.values(), default=-1) + 1
        self.layers: list[list[str]] = [[] for _ in range(depth)]
        self._first_order(managers)

    def _chain(self, low: str, high: str) -> None:
        """The line from ``low`` up to ``high``, through a dummy in each layer between."""
        previous = high
        for level in range(self.layer[high] + 1, self.layer[low]):
            node = f"\0{low}\0{high}\0{level}"
            self.dummy.add(node)
            self.layer[node] = level
            self.up[node], self.down[node] = [previous], []
            self.down[previous].append(node)
            previous = node
        self.down[previous].append(low)
        self.up[low].append(previous)

    def _first_order(self, managers: Mapping[str, list[str]]) -> None:
        """Depth first from the top people: a tree comes out without crossings."""
        seen: set[str] = set()
        roots = [pid for pid in self.sizes if not managers[pid]]
        for root in roots:
            stack = [root]
            while stack:
                node = stack.pop()
                if node in seen:
                    continue
                seen.add(node)
                self.layers[self.layer[node]].append(node)
                stack.extend(reversed(self.down[node]))

    # -- crossing reduction ------------------------------------------------------------------

    def order(self) -> int:
        """Sweep until no better order turns up; returns the crossings of the order kept."""
        best = [list(layer) for layer in self.layers]
        best_count = self.crossings()
        stale = 0
        for sweep in range(SWEEPS):
            down = sweep % 2 == 0
            rng = range(1, len(self.layers)) if down else range(len(self.layers) - 2, -1, -1)
            for i in rng:
                fixed = self.layers[i - 1] if down else self.layers[i + 1]
                where = {node: k for k, node in enumerate(fixed)}
                near = self.up if down else self.down
                layer = self.layers[i]
                keys = {}
                for k, node in enumerate(layer):
                    spots = [where[n] for n in near[node] if n in where]
                    keys[node] = (sum(spots) / len(spots)) if spots else float(k) * len(fixed) / max(1, len(layer))
                layer.sort(key=lambda n: keys[n])
            count = self.crossings()
            if count < best_count:
                best, best_count, stale = [list(layer) for layer in self.layers], count, 0
            else:
                stale += 1
                if stale >= 6 or best_count == 0:
                    break
        self.layers = best
        return best_count

    def crossings(self) -> int:
        total = 0
        for upper, lower in zip(self.layers, self.layers[1:], strict=False):
            where = {node: k for k, node in enumerate(lower)}
            ends = [where[n] for node in upper for n in sorted(self.down[node], key=lambda n: where.get(n, 0))
                    if n in where]
            total += _inversions(ends, len(lower))
        return total

    # -- coordinates ---------------------------------------------------------------------------

    def coordinates(self, passes: int = 6) -> dict[str, Point]:
        """Centres of every node (dummies included), the top layer's centres at y = 0."""
        x: dict[str, float] = {}
        for layer in self.layers:
            left = 0.0
            for i, node in enumerate(layer):
                if i:
                    left += self._gap(layer[i - 1], node)
                x[node] = left
        for sweep in range(passes * 2 + 1):
            last = sweep == passes * 2
            down = sweep % 2 == 0
            order = range(len(self.layers)) if down else range(len(self.layers) - 1, -1, -1)
            for i in order:
                layer = self.layers[i]
                wanted = []
                weights = []
                for node in layer:
                    near = (self.up[node] + self.down[node]) if last else (self.up[node] if down else self.down[node])
                    spots = [x[n] for n in near]
                    wanted.append(sum(spots) / len(spots) if spots else x[node])
                    weights.append((4.0 if node in self.dummy else 1.0) if spots else 0.05)
                gaps = [self._gap(a, b) for a, b in pairwise(layer)]
                for node, value in zip(layer, _fit(wanted, weights, gaps), strict=True):
                    x[node] = value
        out: dict[str, Point] = {}
        y = 0.0
        previous_half = 0.0
        for i, layer in enumerate(self.layers):
            half = max((self.sizes[n][1] / 2 for n in layer if n not in self.dummy), default=0.0)
            if i:
                y += previous_half + V_GAP + half
            for node in layer:
                out[node] = (x[node], y)
            previous_half = half
        return out

    def _width(self, node: str) -> float:
        return DUMMY_W if node in self.dummy else self.sizes[node][0]

    def _gap(self, a: str, b: str) -> float:
        space = DUMMY_GAP if a in self.dummy or b in self.dummy else H_GAP
        return (self._width(a) + self._width(b)) / 2 + space


def _depths(people: list[str], managers: Mapping[str, list[str]]) -> dict[str, int]:
    """Layers from the top: one more than the lowest of a person's managers (cycles ignored)."""
    depth: dict[str, int] = {}
    visiting: set[str] = set()
    for start in people:
        stack = [start]
        while stack:
            pid = stack[-1]
            if pid in depth:
                stack.pop()
                continue
            visiting.add(pid)
            waiting = [m for m in managers[pid] if m not in depth and m not in visiting]
            if waiting:
                stack.extend(waiting)
                continue
            depth[pid] = 1 + max((depth[m] for m in managers[pid] if m in depth), default=-1)
            visiting.discard(pid)
            stack.pop()
    return depth


def _inversions(values: list[int], size: int) -> int:
    """Pairs i < j with values[i] > values[j] (a Fenwick tree)."""
    tree = [0] * (size + 1)
    count = 0
    for seen, value in enumerate(values):
        i = value + 1
        below = 0
        while i > 0:
            below += tree[i]
            i -= i & -i
        count += seen - below
        i = value + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return count


def _fit(wanted: list[float], weights: list[float], gaps: list[float]) -> list[float]:
    """Positions in order, each at least its gap right of the one before, as close to
    ``wanted`` as can be (weighted least squares, by pooling adjacent violators)."""
    shift = [0.0]
    for gap in gaps:
        shift.append(shift[-1] + gap)
    blocks: list[list[float]] = []  # [weighted sum, weight, count]
    for value, weight, offset in zip(wanted, weights, shift, strict=True):
        blocks.append([(value - offset) * weight, weight, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, w, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += w
            blocks[-1][2] += c
    out: list[float] = []
    for s, w, c in blocks:
        level = s / w
        out.extend([level] * int(c))
    return [level + offset for level, offset in zip(out, shift, strict=True)]
