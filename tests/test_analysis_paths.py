"""Warm paths: the search by distance gives the chains a plain shortest-path search gives."""

from __future__ import annotations

import heapq

from hypothesis import given, settings
from hypothesis import strategies as st

from dmuboard.analysis.paths import WarmPaths, reaches_any, warm_adjacency
from dmuboard.model.board import Board, BoardInfo, Link, Person


@st.composite
def boards(draw: st.DrawFn) -> Board:
    """Our people u0.., customer people p0..; relationships mostly between the sides, and reporting,
    influence and conflict lines anywhere, now and then two lines between the same people.

    A relationship between two customer people breaks a board rule, but it gives weak links
    beyond the first step, where the order of the search matters most."""
    ours = [f"u{i}" for i in range(draw(st.integers(0, 3)))]
    theirs = [f"p{i}" for i in range(draw(st.integers(1, 30)))]
    people = {pid: Person(pid, "ours", pid) for pid in ours}
    people.update({pid: Person(pid, "customer", pid) for pid in theirs})
    everyone = [*ours, *theirs]
    links: dict[str, Link] = {}
    count = draw(st.integers(0, 3 * len(everyone)))
    for i in range(count):
        if ours and draw(st.booleans()):
            source, target = draw(st.sampled_from(ours)), draw(st.sampled_from(theirs))
            if draw(st.booleans()):
                source, target = target, source
            links[f"l{i}"] = Link(f"l{i}", source, target, "relationship", draw(st.integers(1, 5)))
        elif len(everyone) >= 2:
            source, target = draw(st.lists(st.sampled_from(everyone), min_size=2, max_size=2, unique=True))
            kind = draw(st.sampled_from(["reports_to", "influences", "conflict", "relationship"]))
            strength = draw(st.integers(1, 5)) if kind == "relationship" else None
            links[f"l{i}"] = Link(f"l{i}", source, target, kind, strength)
    return Board(BoardInfo("Paths"), people, links)


def shortest_path_parents(board: Board) -> dict[str, tuple[str, Link] | None]:
    """The plain search on (introductions, weakness, id) with a heap, as the rule was first written."""
    adjacency: dict[str, list[tuple[str, Link]]] = {pid: [] for pid in board.people}
    for link in board.links.values():
        if link.kind != "conflict":
            adjacency[link.source].append((link.target, link))
            adjacency[link.target].append((link.source, link))
    parent: dict[str, tuple[str, Link] | None] = {}
    best: dict[str, tuple[int, int]] = {}
    heap: list[tuple[int, int, str]] = []
    for pid, person in board.people.items():
        if person.side == "ours":
            best[pid] = (0, 0)
            parent[pid] = None
            heap.append((0, 0, pid))
    heapq.heapify(heap)
    done: set[str] = set()
    while heap:
        hops, weakness, current = heapq.heappop(heap)
        if current in done:
            continue
        done.add(current)
        for other, link in adjacency[current]:
            if other in done:
                continue
            cost = (hops + 1, weakness + (5 - (link.strength or 5)))
            known = best.get(other)
            if known is None or cost < known:
                best[other] = cost
                parent[other] = (current, link)
                heapq.heappush(heap, (cost[0], cost[1], other))
    return parent


@settings(max_examples=300, deadline=None)
@given(boards())
def test_warm_paths_are_those_of_a_plain_shortest_path_search(board: Board) -> None:
    """Same chain to every person (same people, same links, same tie-breaks), and none where there is none."""
    paths = WarmPaths(board)
    parent = shortest_path_parents(board)
    for pid in board.people:
        path = paths.path_to(pid)
        if pid not in parent:
            assert path is None
            continue
        assert path is not None
        people, links = [pid], []
        step = parent[pid]
        while step is not None:
            people.append(step[0])
            links.append(step[1])
            step = parent[step[0]]
        assert path.people == tuple(reversed(people))
        assert path.links == tuple(reversed(links))


@settings(max_examples=200, deadline=None)
@given(boards(), st.data())
def test_reaches_any_is_true_when_one_target_has_a_warm_path(board: Board, data: st.DataObject) -> None:
    """The early-stopping search answers as the full one: some target is reached from our side."""
    targets = data.draw(st.lists(st.sampled_from(sorted(board.people))))
    reached = shortest_path_parents(board)
    assert reaches_any(board, warm_adjacency(board), targets) == any(pid in reached for pid in targets)


def test_a_tie_goes_to_the_way_in_offered_first_by_the_search() -> None:
    """p2 is two steps away both through p0 and through p1, at the same weakness (2); the plain
    search settles p1 first (weakness 0 before 2), so p1 is the way in, although p0 sorts first."""
    people = {"u0": Person("u0", "ours", "u0"), "p0": Person("p0", "customer", "p0"),
              "p1": Person("p1", "customer", "p1"), "p2": Person("p2", "customer", "p2")}
    links = [Link("l1", "u0", "p0", "relationship", 3), Link("l2", "u0", "p1", "relationship", 5),
             Link("l3", "p0", "p2", "reports_to"), Link("l4", "p1", "p2", "relationship", 3)]
    board = Board(BoardInfo("Tie"), people, {link.id: link for link in links})
    path = WarmPaths(board).path_to("p2")
    assert path is not None and path.people == ("u0", "p1", "p2")
    assert shortest_path_parents(board)["p2"] == ("p1", links[3])
