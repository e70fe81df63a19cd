"""What won deals teach, against the lost ones."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from dmuboard.boardio import write_board
from dmuboard.model.board import Board, BoardInfo, Link, Person
from dmuboard.portfolio.patterns import compare, levels, patterns, proposals
from tests.clikit import run


def deal(outcome: str, contacts: int, *, outsider: bool = False) -> Board:
    """A CEO over Sales and Operations managers, an L&D person only on the chart; ``contacts`` of them known."""
    people = [
        Person("p1", "customer", "Chief", title="CEO", department="Board", roles=("decider",)),
        Person("p2", "customer", "Seller", title="Sales manager", department="Sales", roles=("influencer",)),
        Person("p3", "customer", "Runner", title="Ops manager", department="Operations", roles=("user",)),
        Person("p4", "customer", "Trainer", title="Trainer", department="L&D"),
        Person("u1", "ours", "Sanne de Vries"),
    ]
    if outsider:
        people.append(Person("p5", "customer", "Consultant", organisation="Advisors BV", roles=("advisor",)))
    links = [Link("r2", "p2", "p1", "reports_to"), Link("r3", "p3", "p1", "reports_to"),
             Link("r4", "p4", "p3", "reports_to")]
    links += [Link(f"c{i}", "u1", f"p{i}", "relationship") for i in range(1, contacts + 1)]
    info = BoardInfo(f"{outcome} deal", customer="Acme", outcome=outcome, outcome_date="2026-10-01")
    return Board(info, {p.id: p for p in people}, {x.id: x for x in links})


def test_levels_follow_the_reporting_lines() -> None:
    assert levels(deal("won", 1)) == {"p1": 1, "p2": 2, "p3": 2, "p4": 3}


def test_won_and_lost_deals_are_counted_apart() -> None:
    boards = [deal("won", 3, outsider=True), deal("won", 2), deal("lost", 1), deal("lost", 1), deal("open", 1)]
    groups = patterns(boards)
    won, lost = groups["won"], groups["lost"]
    assert (won.boards, lost.boards) == (2, 2)
    assert won.functions == {"Board": 2, "Sales": 2, "Operations": 2, "(no department)": 1}
    assert won.not_involved["L&D"] == 2
    assert won.roles["decider"] == 2 and won.levels[2] == 4
    assert (won.outsiders, lost.outsiders) == (1, 0)
    assert (won.average_contacts, lost.average_contacts) == (2.5, 1.0)
    assert compare(groups, "single_threaded") == "single-threaded at close: 2 of 2 lost, 0 of 2 won"


def test_make_profile_from_won_deals_proposes_the_functions_of_most_won_deals() -> None:
    won = patterns([deal("won", 2), deal("won", 2), deal("lost", 1)])["won"]
    labels = [e.label for e in proposals(won)]
    assert labels == ["Board", "Operations", "Sales"]
    assert proposals(won, existing=tuple(proposals(won)[:1])) == proposals(won)[1:]


def test_the_portfolio_command_prints_the_patterns(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for i, board in enumerate([deal("won", 3), deal("lost", 1), deal("lost", 2)]):
        write_board(tmp_path / f"d{i}.dmu", board)
    write_board(tmp_path / "open.json", replace(deal("open", 1)))
    code, out, _ = run(capsys, "portfolio", tmp_path)
    assert code == 0 and "single-threaded at close: 1 of 2 lost, 0 of 1 won" in out
    _, out, _ = run(capsys, "portfolio", tmp_path, "--json")
    document = json.loads(out)
    assert document["patterns"]["won"]["boards"] == 1
    assert document["patterns"]["lost"]["findings_at_close"]["single_threaded"] == 1
    assert [p["label"] for p in document["proposals"]] == ["Board", "Operations", "Sales"]
