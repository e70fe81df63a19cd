"""Findings in words a person would use, on an empty board and on a small one."""

from __future__ import annotations

from dmuboard.analysis import analyze
from dmuboard.model.board import Board, BoardInfo, Link, Person


def _messages(board: Board) -> dict[str, list[str]]:
    said: dict[str, list[str]] = {}
    for f in analyze(board).findings:
        said.setdefault(f.code, []).append(f"{f.message} {f.advice}")
    return said


def test_an_empty_board_says_to_add_the_customers_people_first() -> None:
    findings = analyze(Board(BoardInfo("New deal", customer="Acme BV"))).findings
    text = " ".join(f"{f.message} {f.advice}" for f in findings)
    assert "0 people" not in text and "Only" not in text
    size = next(f for f in findings if f.code == "dmu_size_gap")
    assert size.message.startswith("Nobody of Acme BV is on the board yet")
    assert size.advice.startswith("Start here: add the people of Acme BV")
    # the first finding shown already says what to do first
    assert "First add the people of Acme BV" in findings[0].advice


def test_one_person_is_one_person() -> None:
    board = Board(BoardInfo("Deal", customer="Acme BV"))
    board.people["p1"] = Person("p1", "customer", "Ingrid Bakker", roles=("decider",))
    size = _messages(board)["dmu_size_gap"][0]
    assert size.startswith("Only 1 person of Acme BV is on the board;")


def test_the_hidden_influencer_sentence_claims_no_lines_that_are_not_there() -> None:
    """Rob manages only Ann, yet sits between Ann and the two above him: the sentence
    says what the measure means, not that many lines run through him."""
    board = Board(BoardInfo("Deal", customer="Acme BV"))
    for pid, name in (("p1", "Ann"), ("p2", "Rob"), ("p3", "Carla"), ("p4", "Dirk")):
        board.people[pid] = Person(pid, "customer", name, roles=("user",))
    for lid, a, b in (("l1", "p1", "p2"), ("l2", "p2", "p3"), ("l3", "p3", "p4")):
        board.links[lid] = Link(lid, a, b, "reports_to")
    said = [m for m in _messages(board)["hidden_influencer"] if m.startswith("Rob")]
    assert said, "Rob is the hidden influencer of this chain"
    assert "lines" not in said[0] and "Many" not in said[0]
    assert said[0].startswith("Rob sits on the paths between many of their colleagues at Acme BV")
