"""hidden_influencer: betweenness in the customer's influence and reporting graph."""

from __future__ import annotations

import itertools
import random
from typing import Any

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from dmuboard.analysis.bounds import Sweep
from dmuboard.analysis.centrality import central_people
from dmuboard.model.board import Board
from tests.test_analysis_rules import found, make, quiet


def star(centre: dict[str, Any], leaves: int, loners: int, kind: str = "reports_to", **extra: Any) -> Board:
    """A centre with ``leaves`` people reporting to it and ``loners`` customer people on their own."""
    people: dict[str, dict[str, Any]] = {"p0": dict(centre)}
    links = []
    for i in range(1, leaves + 1):
        people[f"p{i}"] = {}
        links.append((f"p{i}", "p0", kind))
    for i in range(leaves + 1, leaves + loners + 1):
        people[f"p{i}"] = {}
    return make(people, links, **{**quiet(), **extra})


def test_exactly_030_fires() -> None:
    """Three leaves and two loners: the centre lies between 3 of 10 pairs, exactly 0.30, and fires."""
    board = star({"influence": 3}, leaves=3, loners=2)
    assert [(f.severity, f.people) for f in found(board, "hidden_influencer")] == [("medium", ("p0",))]


def test_just_under_030_misses() -> None:
    """One more loner: 3 of 15 pairs (0.20), no finding; isolated people count in the normalization."""
    assert found(star({"influence": 3}, leaves=3, loners=3), "hidden_influencer") == []


def test_influence_lines_count_in_either_direction() -> None:
    """Influence lines are edges too, whatever their direction."""
    board = star({"influence": 2}, leaves=3, loners=2, kind="influences")
    assert [f.people for f in found(board, "hidden_influencer")] == [("p0",)]


def test_influence_4_or_a_sway_role_is_not_hidden() -> None:
    """An influence of 4, or the role influencer, decider or sponsor, means the board already shows it."""
    for centre in ({"influence": 4}, {"roles": ("influencer",)}, {"roles": ("decider",)}, {"roles": ("sponsor",)}):
        assert found(star(centre, leaves=4, loners=0), "hidden_influencer") == []


def test_other_roles_do_not_hide_a_hidden_influencer() -> None:
    """A buyer at the centre with influence 1 is still hidden."""
    board = star({"roles": ("buyer", "gatekeeper"), "influence": 1}, leaves=4, loners=0)
    assert [f.people for f in found(board, "hidden_influencer")] == [("p0",)]


def test_fewer_than_four_customer_people_never_fire() -> None:
    """A line of three customer people: the middle one lies between the only other pair, but C < 4."""
    assert found(star({}, leaves=2, loners=0), "hidden_influencer") == []
    assert [f.people for f in found(star({}, leaves=3, loners=0), "hidden_influencer")] == [("p0",)]


def test_conflicts_relationships_and_our_people_are_not_edges() -> None:
    """Only influences and reports_to between customer people count: a hub of conflicts or of ours is not."""
    people = {"p0": {}, "p1": {}, "p2": {}, "p3": {}, "p4": {}, "u1": {}, "u2": {}, "u3": {}}
    links = [("p0", f"p{i}", "conflict") for i in range(1, 5)]
    links += [("u1", f"p{i}", "relationship") for i in range(0, 5)]
    links += [("u2", "u1", "reports_to"), ("u3", "u1", "reports_to")]
    assert found(make(people, links, **quiet()), "hidden_influencer") == []


def full_networkx(n: int, edges: list[tuple[int, int]]) -> set[str]:
    graph = nx.Graph()
    graph.add_nodes_from(f"c{i}" for i in range(n))
    graph.add_edges_from((f"c{a}", f"c{b}") for a, b in edges)
    scores = nx.betweenness_centrality(graph, normalized=True)
    return {node for node, score in scores.items() if score >= 0.30}


@st.composite
def graphs(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]]]:
    n = draw(st.integers(3, 40))
    shape = draw(st.sampled_from(["sparse", "dense", "tree", "hubs", "chain"]))
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] != p[1])
    if shape == "tree":
        edges = [(i, draw(st.integers(0, i - 1))) for i in range(1, draw(st.integers(1, n - 1)) + 1)]
    elif shape == "chain":  # long distances: a line, maybe closed into a ring, with a few shortcuts
        edges = [(i, i + 1) for i in range(n - 1)] + draw(st.lists(pairs, max_size=3))
        if draw(st.booleans()):
            edges.append((n - 1, 0))
    elif shape == "hubs":
        hubs = draw(st.integers(1, 3))
        edges = [(i, draw(st.integers(0, hubs - 1))) for i in range(hubs, n)]
        edges += draw(st.lists(pairs, max_size=n // 3))
    else:
        edges = draw(st.lists(pairs, max_size=n if shape == "sparse" else n * 3))
    return n, edges


@settings(max_examples=300, deadline=None)
@given(graphs(), st.data())
def test_the_fast_decision_equals_networkx_on_the_whole_graph(
    graph: tuple[int, list[tuple[int, int]]], data: st.DataObject
) -> None:
    """Whatever the shape (trees, hubs, long chains, sparse or dense, several components), the people at 0.30 or
    more are exactly those of networkx's normalized betweenness over the whole graph, among everyone or
    among some candidates."""
    n, edges = graph
    nodes = [f"c{i}" for i in range(n)]
    named = [(f"c{a}", f"c{b}") for a, b in edges]
    candidates = set(nodes) if data.draw(st.booleans()) else set(data.draw(st.lists(st.sampled_from(nodes))))
    assert central_people(nodes, named, candidates) == full_networkx(n, edges) & candidates


@st.composite
def organisations(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]]]:
    """Larger graphs like a customer's: a reporting tree (maybe several), influence lines across it."""
    n = draw(st.integers(60, 160))
    spread = draw(st.integers(1, 8))  # how far back a manager may be: small gives long chains
    edges = [(i, draw(st.integers(max(0, i - spread), i - 1))) for i in range(1, n) if draw(st.integers(0, 30))]
    edges += [tuple(draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True)))
              for _ in range(draw(st.integers(0, n)))]
    return n, edges  # type: ignore[return-value]


@settings(max_examples=30, deadline=None)
@given(organisations())
def test_the_fast_decision_equals_networkx_on_larger_organisations(graph: tuple[int, list[tuple[int, int]]]) -> None:
    """Components of 60 to 160 people, where the sweep's bounds do most of the deciding: same answer."""
    n, edges = graph
    nodes = [f"c{i}" for i in range(n)]
    named = [(f"c{a}", f"c{b}") for a, b in edges]
    assert central_people(nodes, named, set(nodes)) == full_networkx(n, edges)


def test_only_candidates_are_reported() -> None:
    """People outside the candidate set are never returned, central or not."""
    nodes = [f"c{i}" for i in range(6)]
    edges = [("c0", f"c{i}") for i in range(1, 6)]
    assert central_people(nodes, edges, {"c0"}) == {"c0"}
    assert central_people(nodes, edges, {"c1", "c2"}) == set()


def _largest_component_swept(
    graph: tuple[int, list[tuple[int, int]]],
) -> tuple[nx.Graph, set[int], list[str], Sweep, dict[int, dict[int, int]]]:
    """The graph, its largest component's people and their ids, its sweep, and networkx's distances."""
    n, edges = graph
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    biggest = max(nx.connected_components(g), key=len)
    members = [f"c{i}" for i in sorted(biggest)]
    sweep = Sweep(members, {f"c{i}": {f"c{j}" for j in g[i]} for i in biggest})
    return g, biggest, members, sweep, dict(nx.all_pairs_shortest_path_length(g.subgraph(biggest)))


@settings(max_examples=200, deadline=None)
@given(graphs())
def test_both_bounds_are_never_below_the_true_count(graph: tuple[int, list[tuple[int, int]]]) -> None:
    """The bounds may over-count the pairs a person lies between, never under-count them; the through
    count is never above the entry bound."""
    g, biggest, _members, sweep, _distance = _largest_component_swept(graph)
    raw = nx.betweenness_centrality(g.subgraph(biggest), normalized=False)
    for i in biggest:
        assert sweep.entry_bound(f"c{i}") >= sweep.through_bound(f"c{i}") >= raw[i] - 1e-9


@settings(max_examples=200, deadline=None)
@given(graphs())
def test_the_sides_of_each_link_are_those_the_distances_give(graph: tuple[int, list[tuple[int, int]]]) -> None:
    """For each person v and neighbour c, the sweep's sets (read from distances modulo 3) hold exactly
    the members closer to c than to v, and those closer to v than to c."""
    _g, biggest, members, sweep, distance = _largest_component_swept(graph)

    def closer(a: int, b: int) -> int:
        return sum(1 << sweep.index[f"c{s}"] for s in biggest if distance[s][a] < distance[s][b])

    for v in biggest:
        row = sweep.index[f"c{v}"]
        for c, (entering, behind) in zip(sweep.neighbours[row], sweep._sides(row), strict=True):
            c_id = int(members[c][1:])
            assert (entering, behind) == (closer(c_id, v), closer(v, c_id))


@settings(max_examples=150, deadline=None)
@given(graphs())
def test_each_bound_counts_exactly_the_pairs_its_rule_admits(graph: tuple[int, list[tuple[int, int]]]) -> None:
    """Each bound is the number of pairs of other members that pass its test, counted one pair at a
    time from networkx's distances: the grouped, bit-parallel counts add up to exactly that. (The
    cheap bound puts each member with the first of its entries, taking the widest entry first.)"""
    _g, biggest, members, sweep, distance = _largest_component_swept(graph)
    for v in biggest:
        order = [int(members[c][1:]) for c in sweep.neighbours[sweep.index[f"c{v}"]]]
        others = [s for s in biggest if s != v]
        entries = {s: {c for c in order if distance[s][c] < distance[s][v]} for s in others}
        widest = sorted(order, key=lambda c: -sum(c in entries[s] for s in others))
        first = {s: next(c for c in widest if c in entries[s]) for s in others}
        beyond = {c: {t for t in biggest if distance[t][v] < distance[t][c]} for c in order}
        first_pairs = through_pairs = 0
        for s, t in itertools.combinations(others, 2):
            first_pairs += first[s] != first[t] and t in beyond[first[s]] and s in beyond[first[t]]
            through_pairs += distance[s][v] + distance[v][t] == distance[s][t]
        assert sweep.entry_bound(f"c{v}") == first_pairs
        assert sweep.through_bound(f"c{v}") == through_pairs


def _random_edges(rng: random.Random, names: list[str], count: int) -> list[tuple[str, str]]:
    return [tuple(rng.sample(names, 2)) for _ in range(count)]  # type: ignore[misc]


def test_a_hub_between_two_large_clusters_is_found_as_networkx_finds_it() -> None:
    """Two clusters of 60 with cycles inside, joined only through one person: the bounds cannot clear
    that person, networkx decides, and the answer matches the whole-graph computation."""
    rng = random.Random(7)
    left = [f"a{i}" for i in range(60)]
    right = [f"b{i}" for i in range(60)]
    edges = _random_edges(rng, left, 120) + _random_edges(rng, right, 120)
    edges += [(left[i], left[i + 1]) for i in range(59)] + [(right[i], right[i + 1]) for i in range(59)]
    edges += [("hub", left[0]), ("hub", right[0])]
    nodes = ["hub", *left, *right]
    expected = _networkx(nodes, edges)
    assert "hub" in expected
    assert central_people(nodes, edges, set(nodes)) == expected


def test_a_large_sparse_organisation_matches_networkx() -> None:
    """A 250-person reporting tree with random influence lines: same answer as networkx (none here)."""
    rng = random.Random(11)
    nodes = [f"p{i}" for i in range(250)]
    edges = [(nodes[i], nodes[rng.randrange(max(1, i // 2), i) if i > 1 else 0]) for i in range(1, 250)]
    edges += _random_edges(rng, nodes, 150)
    assert central_people(nodes, edges, set(nodes)) == _networkx(nodes, edges)


def _networkx(nodes: list[str], edges: list[tuple[str, str]]) -> set[str]:
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    return {node for node, score in nx.betweenness_centrality(graph, normalized=True).items() if score >= 0.30}
