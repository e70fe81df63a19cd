"""Reporting lines may not go round in a circle. A board being read, or any change
that puts many lines at once, is checked for cycles all together; these tests compare
that with following each line upwards one by one, on many random boards, and check a
board with a very long chain of managers."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from dmuboard.model import document
from dmuboard.model.board import Board, BoardInfo, Link, Person
from dmuboard.model.document import Change, Document, check_board
from dmuboard.model.errors import BoardError


def _random_board(rng: random.Random) -> Board:
    board = Board(BoardInfo("Random"))
    n = rng.randint(2, 9)
    for i in range(n):
        board.people[f"p{i}"] = Person(f"p{i}", "customer", f"Person {i}")
    pairs: set[tuple[int, int, str]] = set()
    for j in range(rng.randint(0, 16)):
        a, b = rng.sample(range(n), 2)
        kind = rng.choice(["reports_to", "reports_to", "influences"])
        if (a, b, kind) in pairs:
            continue
        pairs.add((a, b, kind))
        board.links[f"l{j}"] = Link(f"l{j}", f"p{a}", f"p{b}", kind)
    return board


def _verdict(check: Callable[[], None]) -> str | None:
    try:
        check()
    except BoardError as error:
        return str(error)
    return None


def test_checking_together_finds_the_same_cycles_as_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """For 2,000 random boards, whole and as a change on top of half of their lines, the
    check that takes every line at once refuses exactly what the line-by-line check
    refuses, blaming the same line."""
    rng = random.Random(20261122)
    for _ in range(2000):
        board = _random_board(rng)
        links = list(board.links.values())
        half = rng.randint(0, len(links))
        base = Board(board.info, dict(board.people), {k.id: k for k in links[:half]}, ())
        change = Change(links=tuple(links[half:]))
        verdicts = []
        for few in (10**6, 0):  # only one by one, then always all together
            monkeypatch.setattr(document, "_FEW_LINES", few)
            whole = _verdict(lambda b=board: check_board(b))
            added = None
            if _verdict(lambda b=base: check_board(b)) is None:
                added = _verdict(lambda b=base, c=change: Document(b).check(c))
            verdicts.append((whole, added))
        assert verdicts[0] == verdicts[1]


def test_a_long_chain_of_managers_is_read_and_a_closing_line_refused() -> None:
    """Five thousand people each reporting to the next is a valid board; one more line
    from the top back to the bottom is refused as a cycle and named."""
    board = Board(BoardInfo("Chain"))
    for i in range(5000):
        board.people[f"p{i}"] = Person(f"p{i}", "customer", f"Person {i}")
    for i in range(4999):
        board.links[f"l{i}"] = Link(f"l{i}", f"p{i}", f"p{i + 1}", "reports_to")
    check_board(board)
    board.links["back"] = Link("back", "p4999", "p0", "reports_to")
    with pytest.raises(BoardError, match=r"link back.*cycle"):
        check_board(board)
