"""Upper bounds on betweenness, cheaply, from one bit-parallel breadth-first sweep.

The sweep runs from every member of a component at once, one bit per member
(Python integers as bit sets): ``levels[d][u]`` holds the members within distance
``d`` of ``u``, and ``residues[r][u]`` the members whose distance from ``u`` is ``r``
modulo 3. Two bounds on how many pairs of other members a person ``v`` lies between
follow from it, each an over-count, never an under-count:

``entry_bound`` (cheap). Every other member ``s`` reaches ``v`` last through one or
more of ``v``'s neighbours, its entries. A shortest path from ``s`` through ``v`` to
``t`` needs that ``s`` and ``t`` share no entry (that neighbour would join them more
directly) and that for every entry ``c`` of ``s``, ``t`` is strictly closer to ``v``
than to ``c`` (else the way through ``c`` is at least as short and avoids ``v``), and
the same the other way round. Each member is put with a single one of its entries:
the neighbours are taken widest first (most members entering through them) and a
member joins the first of its entries in that order, which clears far more people
than an arbitrary order. The pairs of members of two groups that pass the test for
those two entries are counted group by group.
Distances from two neighbours differ by at most one, so which of ``v`` and ``c`` a
member is closer to follows from the two distances modulo 3: a few operations per
neighbour instead of one per level.

``through_bound`` (dearer, exact for "on some shortest path", so never above the
entry bound). The pairs ``s``, ``t`` with ``d(s, v) + d(v, t) = d(s, t)``, counted
ring by ring around ``v`` from the members of the smaller ring.
"""

from __future__ import annotations

MAX_BITS = 1 << 29  # levels x members x members kept at most (64 MB); deeper sweeps stop incomplete


class Sweep:
    """Distances between all members of one component, as bit sets per level and per residue
    modulo 3 (both whole only when ``complete``; the bounds need that)."""

    def __init__(self, members: list[str], adjacency: dict[str, set[str]]) -> None:
        self.size = len(members)
        self.index = {pid: i for i, pid in enumerate(members)}
        self.neighbours = [[self.index[other] for other in adjacency[pid]] for pid in members]
        reach = [1 << i for i in range(self.size)]
        full = (1 << self.size) - 1
        # residues[r][u]: the members at a distance from u that is r modulo 3 (all of them once complete)
        self.residues = (list(reach), [0] * self.size, [0] * self.size)
        self.levels = [reach]
        self.complete = True
        while True:
            grown = []
            changed = False
            ring = self.residues[len(self.levels) % 3]
            for u, row in enumerate(self.neighbours):
                mask = old = reach[u]
                if old != full:
                    for w in row:
                        mask |= reach[w]
                    if mask != old:
                        changed = True
                        ring[u] |= mask ^ old
                grown.append(mask)
            if not changed:
                break
            reach = grown
            self.levels.append(reach)
            if len(self.levels) * self.size * self.size > MAX_BITS:
                self.complete = False
                break

    def _sides(self, v: int) -> list[tuple[int, int]]:
        """For each neighbour c of v: the members closer to c than to v (they enter v
        through c), and the members closer to v than to c."""
        at0, at1, at2 = self.residues
        mine0, mine1, mine2 = at0[v], at1[v], at2[v]
        sides = []
        for c in self.neighbours[v]:
            theirs0, theirs1, theirs2 = at0[c], at1[c], at2[c]
            # d(s, c) = d(s, v) - 1, and the other way round, told apart modulo 3
            sides.append((mine0 & theirs2 | mine1 & theirs0 | mine2 & theirs1,
                          theirs0 & mine2 | theirs1 & mine0 | theirs2 & mine1))
        return sides

    def entry_bound(self, pid: str) -> int:
        v = self.index[pid]
        if len(self.neighbours[v]) < 2:
            return 0  # a leaf is between nobody
        sides = self._sides(v)
        sides.sort(key=_width, reverse=True)  # stable: ties keep their order
        # groups: (the members put with this entry, the members beyond it)
        groups = []
        taken = 0
        for entering, behind in sides:
            groups.append((entering & ~taken, behind))
            taken |= entering
        total = 0
        for g, (group, allowed) in enumerate(groups):
            for other, other_allowed in groups[g + 1 :]:
                total += (group & other_allowed).bit_count() * (other & allowed).bit_count()
        return total

    def through_bound(self, pid: str) -> int:
        """How many pairs of other members have ``pid`` on some shortest path between them."""
        v = self.index[pid]
        levels = self.levels
        last = len(levels) - 1  # the diameter: everyone reaches everyone within it
        rings = [levels[0][v]] + [levels[d][v] & ~levels[d - 1][v] for d in range(1, last + 1)]
        members = [_members(ring) for ring in rings]
        once = twice = 0
        # s at distance i and t at distance j from v: v is on a shortest path between them iff
        # d(s, t) = i + j (never more), which needs i + j <= last; the pairs of two rings are
        # counted from the members of the smaller one
        for i in range(1, last + 1):
            for j in range(i, last + 1 - i):
                near, far = (i, j) if len(members[i]) <= len(members[j]) else (j, i)
                ball, far_ring = levels[i + j - 1], rings[far]
                found = len(members[far]) * len(members[near])
                for x in members[near]:
                    found -= (far_ring & ball[x]).bit_count()
                if i < j:
                    once += found
                else:
                    twice += found  # both orders of the pair are met
        return once + twice // 2


def _width(side: tuple[int, int]) -> int:
    """How many members enter through a neighbour."""
    return side[0].bit_count()


def _members(bits: int) -> list[int]:
    """The positions of the set bits of ``bits`` (read from its binary text, faster than bit by bit)."""
    text = bin(bits)
    top = len(text) - 1
    found = []
    at = text.find("1", 2)
    while at >= 0:
        found.append(top - at)
        at = text.find("1", at + 1)
    return found
