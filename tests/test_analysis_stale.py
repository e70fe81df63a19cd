"""Relationships age: no contact for the board's stale_days makes a relationship stale."""

from __future__ import annotations

import datetime
import json
from dataclasses import replace
from pathlib import Path

import pytest

from dmuboard.analysis import analyze
from dmuboard.model import jsonformat
from dmuboard.model.board import Board, BoardInfo, Link, Person
from dmuboard.model.errors import BoardError
from tests.clikit import run

DAY = datetime.date(2026, 12, 1)


def _board(last_contact: str | None, *, decider: bool = True, second: bool = False) -> Board:
    people = [Person("p1", "customer", "Ingrid", roles=("decider",) if decider else ("user",)),
              Person("p2", "customer", "Joris"),
              Person("u1", "ours", "Sam"), Person("u2", "ours", "Eva")]
    links = [Link("l1", "u1", "p1", "relationship", 4, last_contact=last_contact),
             Link("l2", "p2", "p1", "reports_to"), Link("l3", "u2", "p2", "relationship")]
    if second:
        links.append(Link("l4", "u2", "p1", "relationship"))
    return Board(BoardInfo("Deal"), {p.id: p for p in people}, {link.id: link for link in links})


def _stale(board: Board, day: datetime.date = DAY) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.severity, f.people) for f in analyze(board, day).findings if f.code == "stale_relationship"]


def test_ninety_days_without_contact_is_stale() -> None:
    """90 days after the last contact the relationship is stale; 89 days it is not."""
    assert _stale(_board("2026-09-02")) == [("high", ("p1", "u1"))]  # 90 days, the only thread to a decider
    assert _stale(_board("2026-09-03")) == []
    assert _stale(_board(None)) == []


def test_severity_is_medium_unless_only_thread_to_a_decider() -> None:
    assert _stale(_board("2026-01-01", second=True)) == [("medium", ("p1", "u1"))]
    assert _stale(_board("2026-01-01", decider=False)) == [("medium", ("p1", "u1"))]


def test_the_days_are_a_setting_of_the_board() -> None:
    board = _board("2026-11-01")
    board.info = replace(board.info, stale_days=30)
    assert _stale(board) == [("high", ("p1", "u1"))]
    message = next(f for f in analyze(board, DAY).findings if f.code == "stale_relationship").message
    assert message == "Sam last spoke with Ingrid 30 days ago (2026-11-01). It is the only thread to a decider."


def test_stale_counts_as_weak_on_the_warm_path() -> None:
    """A warm path prefers a fresh strength-3 line to a stale strength-5 one."""
    people = [Person("p1", "customer", "Target", roles=("influencer",)), Person("p2", "customer", "A"),
              Person("p3", "customer", "B"), Person("u1", "ours", "Sam")]
    links = [Link("l1", "u1", "p2", "relationship", 5, last_contact="2025-01-01"),
             Link("l2", "u1", "p3", "relationship", 3), Link("l3", "p2", "p1", "influences"),
             Link("l4", "p3", "p1", "influences")]
    board = Board(BoardInfo("Deal"), {p.id: p for p in people}, {link.id: link for link in links})
    advice = next(f for f in analyze(board, DAY).findings if f.code == "unconnected_influencer").advice
    assert "ask B" in advice
    fresh = next(f for f in analyze(board, datetime.date(2025, 2, 1)).findings if f.code == "unconnected_influencer")
    assert "ask A" in fresh.advice


def test_last_contact_is_checked_and_kept_in_json() -> None:
    doc = jsonformat.board_to_document(_board("2026-11-30"))
    assert doc["links"][0]["last_contact"] == "2026-11-30"
    assert jsonformat.board_from_document(doc).links["l1"].last_contact == "2026-11-30"
    with pytest.raises(BoardError, match="last_contact: expected an ISO date"):
        Link("l1", "u1", "p1", "relationship", last_contact="30-11-2026")
    with pytest.raises(BoardError, match="only relationship links have a last contact"):
        Link("l1", "p2", "p1", "reports_to", last_contact="2026-11-30")


def test_analyze_as_of_is_reproducible(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "board.json"
    path.write_text(jsonformat.dumps(_board("2026-06-01")), encoding="utf-8")
    code, out, _ = run(capsys, "analyze", path, "--json", "--as-of", "2026-06-30")
    assert code == 0 and "stale_relationship" not in out
    code, out, _ = run(capsys, "analyze", path, "--json", "--as-of", "2026-12-01")
    found = [f for f in json.loads(out)["findings"] if f["code"] == "stale_relationship"]
    assert found == [{"code": "stale_relationship", "severity": "high", "people": ["p1", "u1"],
                      "message": found[0]["message"]}]
