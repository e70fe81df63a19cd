"""An upper bound on betweenness for some members of one component, cheaply.

Let ``v`` be a person. Every other member ``s`` reaches ``v`` last through one or
more of ``v``'s neighbours: its entries. A shortest path from ``s`` through ``v`` to
``t`` can only exist when

- ``s`` and ``t`` share no entry (else that neighbour joins them more directly), and
- for every entry ``c`` of ``s``, ``t`` is strictly closer to ``v`` than to ``c`` (else
  the way through ``c`` is at least as short and avoids ``v``), and the same the
  other way round.

Grouping the members by their set of entries, the pairs that pass these tests are
counted group by group, and no pair counts for more than one. The distances come
from a breadth-first sweep run from every member at once, one bit per member
(Python integers as bit sets), kept level by level.
"""

from __future__ import annotations

MAX_CELLS = 4_000_000  # levels x members kept at most; beyond it the caller computes exactly


def pair_bounds(members: list[str], adjacency: dict[str, set[str]], wanted: list[str]) -> dict[str, int] | None:
    """For each id in ``wanted``: at most how many pairs of other members it lies between.

    None when the component is too deep for the sweep to be worth keeping.
    """
    size = len(members)
    index = {pid: i for i, pid in enumerate(members)}
    neighbours = [[index[other] for other in adjacency[pid]] for pid in members]
    reach = [1 << i for i in range(size)]
    levels = [reach]
    while True:
        grown = []
        changed = False
        for u, row in enumerate(neighbours):
            mask = old = reach[u]
            for w in row:
                mask |= reach[w]
            if mask != old:
                changed = True
            grown.append(mask)
        if not changed:
            break
        reach = grown
        levels.append(reach)
        if len(levels) * size > MAX_CELLS:
            return None

    def closer(u: int, w: int) -> int:
        """Members strictly closer to u than to w."""
        found = 0
        for level in levels:
            found |= level[u] & ~level[w]
        return found

    everyone = (1 << size) - 1
    bounds = {}
    for pid in wanted:
        v = index[pid]
        row = neighbours[v]
        toward = [closer(c, v) for c in row]
        beyond = [closer(v, c) for c in row]
        groups = [(0, everyone & ~(1 << v))]
        for i, entering in enumerate(toward):
            split = []
            for mask, group in groups:
                inside = group & entering
                if inside:
                    split.append((mask | 1 << i, inside))
                if group & ~entering:
                    split.append((mask, group & ~entering))
            groups = split
        allowed = []
        for mask, _group in groups:
            common = everyone
            for i in range(len(row)):
                if mask >> i & 1:
                    common &= beyond[i]
            allowed.append(common)
        total = 0
        for g, (mask, group) in enumerate(groups):
            for h in range(g + 1, len(groups)):
                other_mask, other = groups[h]
                if mask & other_mask:
                    continue
                total += (group & allowed[h]).bit_count() * (other & allowed[g]).bit_count()
        bounds[pid] = total
    return bounds
