"""Auto-layout, free spots and side changes: pure geometry over the board model."""

from __future__ import annotations

import random

from dmuboard.model.board import Board, BoardInfo, Link, Person
from dmuboard.model.document import check_board
from dmuboard.model.layout import (
    DIVIDE_GAP,
    TOKEN_SIZE,
    auto_layout,
    place_unplaced,
    side_change,
)


def org_board(customers: int, ours: int, seed: int = 7) -> Board:
    """A customer organisation as a random tree with some dotted lines, and our team knowing some of them."""
    rng = random.Random(seed)
    people: dict[str, Person] = {}
    links: dict[str, Link] = {}
    for i in range(customers):
        people[f"p{i}"] = Person(f"p{i}", "customer", f"Customer {i}")
    for i in range(ours):
        people[f"u{i}"] = Person(f"u{i}", "ours", f"Colleague {i}")
    n = 0
    for i in range(1, customers):
        if rng.random() < 0.08:
            continue  # someone without a manager
        links[f"l{n}"] = Link(f"l{n}", f"p{i}", f"p{rng.randrange(max(1, i // 3), i) if i > 3 else 0}", "reports_to")
        n += 1
    for i in range(10, customers, 17):  # dotted lines to someone higher up
        links[f"l{n}"] = Link(f"l{n}", f"p{i}", f"p{rng.randrange(0, i // 4)}", "reports_to")
        n += 1
    for i in range(ours):
        for _ in range(3):
            links[f"l{n}"] = Link(f"l{n}", f"u{i}", f"p{rng.randrange(customers)}", "relationship", 3)
            n += 1
    board = Board(BoardInfo("Big"), people, {})
    seen = set()
    for lid, link in links.items():
        if link.key not in seen:
            seen.add(link.key)
            board.links[lid] = link
    check_board(board)
    return board


def overlapping(spots: dict[str, tuple[float, float]], size: tuple[float, float]) -> list[tuple[str, str]]:
    w, h = size
    items = sorted(spots.items(), key=lambda kv: kv[1][0])
    clashes = []
    for i, (a, (ax, ay)) in enumerate(items):
        for b, (bx, by) in items[i + 1 :]:
            if bx - ax >= w:
                break
            if abs(ay - by) < h:
                clashes.append((a, b))
    return clashes


def test_auto_layout_of_300_people_has_no_overlapping_tokens() -> None:
    """Every one of 300 people gets a place, and no two tokens overlap."""
    board = org_board(270, 30)
    spots = auto_layout(board, TOKEN_SIZE)
    assert set(spots) == set(board.people)
    assert overlapping(spots, TOKEN_SIZE) == []


def test_auto_layout_puts_every_manager_above_their_reports_including_dotted_lines() -> None:
    """Each reporting line, dotted ones too, runs upwards on the page."""
    board = org_board(270, 30)
    spots = auto_layout(board)
    lines = [link for link in board.links.values() if link.kind == "reports_to"]
    assert len(lines) > 200
    for link in lines:
        assert spots[link.target][1] < spots[link.source][1], link


def test_auto_layout_keeps_each_side_on_its_own_side_of_the_divide() -> None:
    """Their people end up left of the divide, ours right of it, clear of it."""
    board = org_board(40, 6)
    spots = auto_layout(board)
    w = TOKEN_SIZE[0]
    for pid, (x, _) in spots.items():
        if board.people[pid].side == "customer":
            assert x + w / 2 <= -DIVIDE_GAP + 1e-6
        else:
            assert x - w / 2 >= DIVIDE_GAP - 1e-6


def test_people_without_any_reporting_line_sit_in_a_row_below_the_chart() -> None:
    """Loners are lined up under the org chart, at one height."""
    people = {
        "boss": Person("boss", "customer", "Boss"),
        "a": Person("a", "customer", "A"),
        "x": Person("x", "customer", "X"),
        "y": Person("y", "customer", "Y"),
    }
    links = {"l1": Link("l1", "a", "boss", "reports_to")}
    spots = auto_layout(Board(BoardInfo("t"), people, links))
    assert spots["x"][1] == spots["y"][1] > spots["a"][1] > spots["boss"][1]


def test_our_team_faces_the_people_they_know() -> None:
    """One of ours who knows someone low in the chart sits lower than one who knows the top."""
    people = {
        "top": Person("top", "customer", "Top"),
        "mid": Person("mid", "customer", "Mid"),
        "low": Person("low", "customer", "Low"),
        "u1": Person("u1", "ours", "Knows low"),
        "u2": Person("u2", "ours", "Knows top"),
    }
    links = {
        "l1": Link("l1", "mid", "top", "reports_to"),
        "l2": Link("l2", "low", "mid", "reports_to"),
        "l3": Link("l3", "u1", "low", "relationship", 3),
        "l4": Link("l4", "u2", "top", "relationship", 3),
    }
    spots = auto_layout(Board(BoardInfo("t"), people, links))
    assert spots["u2"][1] < spots["u1"][1]
    assert spots["top"][1] < spots["u2"][1] < spots["mid"][1]


def test_our_managers_stand_further_out_just_above_their_reports() -> None:
    """Our sales director sits in a column beyond the people reporting to her, just
    above them, so that our reporting lines point up as theirs do."""
    people = {
        "c": Person("c", "customer", "Client"),
        "boss": Person("boss", "ours", "Director"),
        "u1": Person("u1", "ours", "Seller"),
        "u2": Person("u2", "ours", "Consultant"),
    }
    links = {
        "l1": Link("l1", "u1", "boss", "reports_to"),
        "l2": Link("l2", "u2", "boss", "reports_to"),
        "l3": Link("l3", "u1", "c", "relationship", 3),
    }
    spots = auto_layout(Board(BoardInfo("t"), people, links))
    assert spots["boss"][0] > spots["u1"][0] == spots["u2"][0]
    assert spots["boss"][1] < min(spots["u1"][1], spots["u2"][1])


def test_side_change_mirrors_the_position_and_drops_customer_only_fields() -> None:
    """A customer person moved to our side lands at the mirrored x, without roles or stance."""
    person = Person("p1", "customer", "Ann", roles=("decider",), stance="blocker", x=-420.0, y=80.0)
    ours = side_change(person, "ours")
    assert (ours.side, ours.x, ours.y, ours.roles, ours.stance) == ("ours", 420.0, 80.0, (), "unknown")
    back = side_change(ours, "customer")
    assert (back.side, back.x) == ("customer", -420.0)
    assert side_change(person, "customer") is person
    unplaced = side_change(Person("p2", "customer", "Bo"), "ours")
    assert unplaced.x is None and unplaced.side == "ours"


def test_unplaced_people_get_free_spots_on_their_side_clear_of_everyone() -> None:
    """Spots for 150 unplaced people overlap neither each other nor the placed ones."""
    board = org_board(120, 30)
    for i, pid in enumerate(list(board.people)[:20]):
        p = board.people[pid]
        sign = -1 if p.side == "customer" else 1
        board.people[pid] = Person(p.id, p.side, p.name, x=sign * (300.0 + 40 * i), y=30.0 * i)
    spots = place_unplaced(board)
    assert len(spots) == 130
    everyone = {pid: (p.x, p.y) for pid, p in board.people.items() if p.x is not None}
    everyone.update(spots)
    clashes = overlapping(everyone, TOKEN_SIZE)  # type: ignore[arg-type]
    assert [pair for pair in clashes if pair[0] in spots or pair[1] in spots] == []
    for pid, (x, _) in spots.items():
        assert (x < 0) == (board.people[pid].side == "customer")
