"""Auto-Layout and line routing on random boards: what a reader of the board notices.

No two cards overlap, no line is drawn across a card it does not end on, every
reporting line points up to the manager, and pinned people stay where they were.
"""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from dmuboard.layout.arrange import auto_layout, card_size, tidy
from dmuboard.layout.cards import card_rect, overlaps
from dmuboard.layout.geometry import board_geometry
from dmuboard.layout.quality import measure
from dmuboard.layout.route import Router
from dmuboard.model.board import Board, BoardInfo, Link, Person
from dmuboard.model.generate import generate_board


def random_board(seed: int, customers: int, ours: int) -> Board:
    """A reporting forest with dotted lines, people without a manager, influence,
    conflicts and relationships; positions scattered anyhow."""
    rng = random.Random(seed)
    people = {}
    for i in range(customers):
        people[f"p{i}"] = Person(f"p{i}", "customer", f"C{i}", influence=rng.randint(1, 5),
                                 x=-rng.uniform(120, 2000), y=rng.uniform(-900, 900))
    for i in range(ours):
        people[f"u{i}"] = Person(f"u{i}", "ours", f"U{i}", x=rng.uniform(120, 900), y=rng.uniform(-900, 900))
    board = Board(BoardInfo("Random"), people, {})
    keys: set[tuple[str, str, str]] = set()

    def add(a: str, b: str, kind: str) -> None:
        if a == b:
            return
        link = Link(f"l{len(board.links)}", a, b, kind, 3 if kind == "relationship" else None)
        if link.key not in keys:
            keys.add(link.key)
            board.links[link.id] = link

    for i in range(1, customers):
        if rng.random() < 0.8:
            add(f"p{i}", f"p{rng.randrange(i)}", "reports_to")
        if rng.random() < 0.1:
            add(f"p{i}", f"p{rng.randrange(i)}", "reports_to")  # a dotted line, still no cycle
    for i in range(1, ours):
        if rng.random() < 0.5:
            add(f"u{i}", f"u{rng.randrange(i)}", "reports_to")
    for _ in range(customers // 3):
        add(f"p{rng.randrange(customers)}", f"p{rng.randrange(customers)}", rng.choice(("influences", "conflict")))
    if ours:
        for _ in range(customers // 2):
            add(f"u{rng.randrange(ours)}", f"p{rng.randrange(customers)}", "relationship")
    return board


def placed(board: Board, spots: dict[str, tuple[float, float]]) -> Board:
    people = {pid: replace(p, x=spots[pid][0], y=spots[pid][1]) if pid in spots else p
              for pid, p in board.people.items()}
    return Board(board.info, people, board.links)


def quality(board: Board):  # type: ignore[no-untyped-def]
    geometry = board_geometry(board)
    return measure(geometry.cards, [(k.link.source, k.link.target, k.link.kind, k.points) for k in geometry.lines])


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 40), st.integers(0, 6))
def test_auto_layout_overlaps_nothing_crosses_no_card_and_points_reporting_lines_up(
        seed: int, customers: int, ours: int) -> None:
    board = placed(b := random_board(seed, customers, ours), auto_layout(b))
    q = quality(board)
    assert q.overlapping == 0
    assert q.across_cards == 0
    assert q.up == q.reporting
    for person in board.people.values():  # each side on its own side of the divide
        rect = card_rect((person.x or 0.0, person.y or 0.0), card_size(person))
        assert (rect[2] < 0) if person.side == "customer" else (rect[0] > 0)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 30))
def test_lines_on_a_scattered_board_go_around_the_cards_in_their_way(seed: int, customers: int) -> None:
    """Cards put anywhere by hand (not overlapping): every line still misses the cards
    it does not end on."""
    board = random_board(seed, customers, 3)
    taken: list[tuple[float, float, float, float]] = []
    people = {}
    for pid, p in board.people.items():
        rect = card_rect((p.x or 0.0, p.y or 0.0), card_size(p))
        if any(overlaps(rect, other, 8.0) for other in taken):
            continue
        taken.append(rect)
        people[pid] = p
    links = {lid: k for lid, k in board.links.items() if k.source in people and k.target in people}
    assert quality(Board(board.info, people, links)).across_cards == 0


def test_pinned_people_stay_and_nobody_lands_on_them() -> None:
    board = generate_board(60, seed=3)
    pins = ["p1", "p7", "p20"]
    for pid in pins:
        board.people[pid] = replace(board.people[pid], pinned=True)
    spots = auto_layout(board)
    for pid in pins:
        assert spots[pid] == (board.people[pid].x, board.people[pid].y)
    assert quality(placed(board, spots)).overlapping == 0


def test_a_loner_who_sways_someone_sits_in_that_persons_row_next_to_them() -> None:
    """An outside advisor without a reporting line is placed beside the part of the chart
    they influence, not in a far corner."""
    people = {"ceo": Person("ceo", "customer", "CEO"), "cfo": Person("cfo", "customer", "CFO"),
              "cto": Person("cto", "customer", "CTO"), "dev": Person("dev", "customer", "Dev"),
              "adv": Person("adv", "customer", "Advisor", roles=("advisor",))}
    links = {"a": Link("a", "cfo", "ceo", "reports_to"), "b": Link("b", "cto", "ceo", "reports_to"),
             "c": Link("c", "dev", "cto", "reports_to"), "d": Link("d", "adv", "cfo", "influences")}
    spots = auto_layout(Board(BoardInfo("t"), people, links))
    assert spots["adv"][1] == spots["cfo"][1]
    row = sorted((spots[p][0], p) for p in ("cfo", "cto", "adv"))
    assert abs([p for _, p in row].index("adv") - [p for _, p in row].index("cfo")) == 1


def test_tidy_selection_moves_only_the_chosen_and_keeps_them_clear_of_the_rest() -> None:
    board = generate_board(40, seed=5)
    chosen = ["p2", "p3", "p4", "p5"]
    spots = tidy(board, chosen)
    assert set(spots) == set(chosen)
    after = placed(board, spots)
    rects = {pid: card_rect((p.x or 0.0, p.y or 0.0), card_size(p)) for pid, p in after.people.items()}
    assert not [(a, b) for a in chosen for b in rects if a != b and overlaps(rects[a], rects[b])]


def test_parallel_lines_between_the_same_two_people_are_drawn_apart() -> None:
    people = {"a": Person("a", "customer", "A", x=-300.0, y=0.0), "b": Person("b", "customer", "B", x=-300.0, y=300.0)}
    links = {"1": Link("1", "b", "a", "reports_to"), "2": Link("2", "b", "a", "influences"),
             "3": Link("3", "a", "b", "conflict")}
    lines = board_geometry(Board(BoardInfo("t"), people, links)).lines
    xs = sorted(line.points[0][0] for line in lines)
    assert xs[1] - xs[0] >= 6 and xs[2] - xs[1] >= 6


def test_marks_sit_on_no_card_and_no_other_mark() -> None:
    board = placed(b := generate_board(100, seed=9), auto_layout(b))
    geometry = board_geometry(board)
    router = Router()
    for pid, rect in geometry.cards.items():
        router.put(pid, rect)
    marks = [card_rect(line.mark, (50.0, 14.0) if line.link.kind == "relationship" else (16.0, 16.0))
             for line in geometry.lines if line.mark is not None]
    assert len(marks) > 20
    assert not any(router.near(rect) for rect in marks)
    assert not any(overlaps(a, c) for i, a in enumerate(marks) for c in marks[i + 1:])
