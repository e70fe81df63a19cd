"""Who holds the customer's network together: betweenness for ``hidden_influencer``.

The spec's measure is networkx's normalized betweenness centrality on the undirected
graph over all customer people, with the ``influences`` and ``reports_to`` links
between them as edges. Only whether a candidate reaches 0.30 matters, so the work is
kept to what can change that answer:

- a component whose size makes 0.30 impossible (betweenness counts only pairs of its
  own members) is skipped, and so is a component without a candidate;
- a tree is counted exactly from subtree sizes;
- otherwise upper bounds from one bit-parallel breadth-first sweep
  (:mod:`dmuboard.analysis.bounds`), the cheapest first, clear every
  candidate they can, and networkx runs on the component only when some candidate
  remains in doubt (a real hub, or a component too deep for the sweep).

Every shortcut decides only values that are clear of 0.30 by far more than rounding
could move them; the rest is networkx itself, so the findings are those of the full
computation.
"""

from __future__ import annotations

from collections.abc import Iterable

from dmuboard.analysis.bounds import Sweep

THRESHOLD = 0.30
MARGIN = 1e-9  # relative; far above float error, far below any real difference


def _components(nodes: list[str], edges: Iterable[tuple[str, str]]) -> list[tuple[list[str], dict[str, set[str]]]]:
    adjacency: dict[str, set[str]] = {pid: set() for pid in nodes}
    for a, b in edges:
        adjacency[a].add(b)
        adjacency[b].add(a)
    seen: set[str] = set()
    found = []
    for start in nodes:
        if start in seen:
            continue
        seen.add(start)
        members = [start]
        todo = [start]
        while todo:
            for other in adjacency[todo.pop()]:
                if other not in seen:
                    seen.add(other)
                    members.append(other)
                    todo.append(other)
        found.append((members, {pid: adjacency[pid] for pid in members}))
    return found


def _tree_pairs(members: list[str], adjacency: dict[str, set[str]]) -> dict[str, int]:
    """For a tree: how many pairs of other members each member lies between."""
    root = members[0]
    order = [root]
    parent = {root: ""}
    for current in order:
        for other in adjacency[current]:
            if other != parent[current]:
                parent[other] = current
                order.append(other)
    size = dict.fromkeys(members, 1)
    for current in reversed(order):
        if parent[current]:
            size[parent[current]] += size[current]
    total = len(members)
    pairs = {}
    for current in members:
        branches = [size[child] for child in adjacency[current] if child != parent[current]]
        if parent[current]:
            branches.append(total - size[current])
        outside = total - 1
        pairs[current] = (outside * outside - sum(b * b for b in branches)) // 2
    return pairs


def central_people(nodes: list[str], edges: list[tuple[str, str]], candidates: set[str]) -> set[str]:
    """The candidates whose normalized betweenness in the graph (nodes, edges) is 0.30 or more."""
    n = len(nodes)
    if n < 3 or not candidates:
        return set()
    all_pairs = (n - 1) * (n - 2) / 2  # normalization: the pairs of the other n - 1 people
    needed = THRESHOLD * all_pairs
    low, high = needed * (1 - MARGIN), needed * (1 + MARGIN)
    central: set[str] = set()
    for members, adjacency in _components(nodes, edges):
        k = len(members)
        wanted = [pid for pid in members if pid in candidates]
        if k < 3 or not wanted or (k - 1) * (k - 2) / 2 < low:
            continue
        edge_count = sum(len(others) for others in adjacency.values()) // 2
        if edge_count == k - 1:
            pairs = _tree_pairs(members, adjacency)
            if all(pairs[pid] < low or pairs[pid] > high for pid in wanted):
                central.update(pid for pid in wanted if pairs[pid] > high)
                continue
        else:
            sweep = Sweep(members, adjacency)
            if sweep.complete and all(_cleared(sweep, pid, low) for pid in wanted):
                continue
        central.update(_exact(nodes, edges, members, wanted, n))
    return central


def _cleared(sweep: Sweep, pid: str, low: float) -> bool:
    """Is ``pid`` proven below the threshold? The cheapest bound first."""
    return sweep.entry_bound(pid) < low or sweep.through_bound(pid) < low


def _exact(nodes: list[str], edges: list[tuple[str, str]], members: list[str], wanted: list[str], n: int) -> set[str]:
    """networkx on one component (built in the whole graph's order), scaled to the whole graph."""
    import networkx as nx  # only here: a second of start-up the window does not pay for

    inside = set(members)
    graph = nx.Graph()
    graph.add_nodes_from(pid for pid in nodes if pid in inside)
    graph.add_edges_from((a, b) for a, b in edges if a in inside)
    raw = nx.betweenness_centrality(graph, normalized=False)  # pairs, each counted once
    scale = 2 / ((n - 1) * (n - 2))
    return {pid for pid in wanted if raw[pid] * scale >= THRESHOLD}
