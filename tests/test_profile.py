"""Our DMU profile: the functions we want to know at every customer, checked on each board."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from dmuboard.analysis import analyze
from dmuboard.boardio import write_board
from dmuboard.model.board import Board, BoardInfo, Link, Person
from dmuboard.model.errors import BoardError
from dmuboard.model.profile import BoardProfile, ProfileEntry
from dmuboard.portfolio.profilefile import profile_path, read_profile, write_profile
from tests.clikit import one_error_line, run

CEO = ProfileEntry("CEO", ("ceo", "algemeen directeur", "Managing  Director"))
LD = ProfileEntry("L&D", ("learning", "opleidingen"))
SALES = ProfileEntry("Sales", ("sales", "verkoop"))
BUYER = ProfileEntry("Procurement", (), "buyer")
PROFILE = (CEO, LD, SALES, BUYER)


def _board() -> Board:
    people = [
        Person("p1", "customer", "Ingrid", title="Algemeen Directeur"),
        Person("p2", "customer", "Kees", title="Manager Opleidingen"),
        Person("p3", "customer", "Joost", title="Inkoper", roles=("buyer",)),
        Person("p4", "customer", "Saleha", title="Wholesale planner"),  # "sales" only inside a word
        Person("u1", "ours", "Sanne de Vries"),
    ]
    links = [Link("l1", "u1", "p1", "relationship"), Link("l2", "u1", "p3", "relationship")]
    return Board(BoardInfo("Deal", customer="Acme"), {p.id: p for p in people}, {x.id: x for x in links})


def test_entries_match_dutch_and_english_titles_as_whole_words_or_by_role() -> None:
    assert CEO.matches("Managing director Benelux", ())
    assert CEO.matches("ALGEMEEN   directeur", ())
    assert not SALES.matches("Wholesale planner", ())
    assert SALES.matches("Head of Sales", ())
    assert BUYER.matches("", ("buyer",)) and not BUYER.matches("Buyer", ())


def test_each_entry_is_missing_unknown_or_covered_and_gaps_are_findings() -> None:
    """CEO and Procurement are covered, L&D is on the board but unknown to us, Sales is missing."""
    found = [f for f in analyze(_board(), profile=PROFILE).findings if f.code == "profile_gap"]
    assert [(f.label, f.state, f.people, f.severity) for f in found] == [
        ("Sales", "missing", (), "medium"), ("L&D", "unknown", ("p2",), "medium")]  # the spec's order: by people
    assert "Sales" in found[0].message and "Kees" in found[1].message


def test_a_board_without_a_library_profile_behaves_as_before() -> None:
    board = _board()
    board.info = replace(board.info, profile=BoardProfile((SALES,), ()))
    assert not [f for f in analyze(board).findings if f.code == "profile_gap"]


def test_a_board_adds_to_the_profile_and_leaves_entries_out() -> None:
    board = _board()
    works_council = ProfileEntry("Works council", ("ondernemingsraad",))
    board.info = replace(board.info, profile=BoardProfile((works_council,), ("sales",)))
    labels = [f.label for f in analyze(board, profile=PROFILE).findings if f.code == "profile_gap"]
    assert labels == ["Works council", "L&D"]


def test_analyze_and_portfolio_use_the_library_profile_and_agree(capsys: pytest.CaptureFixture[str],
                                                                   tmp_path: Path) -> None:
    """The profile file in the folder makes profile_gap findings in both commands, with the same counts."""
    write_board(tmp_path / "acme.dmu", _board())
    write_profile(profile_path(tmp_path), PROFILE)
    assert read_profile(profile_path(tmp_path)) == PROFILE
    _, out, _ = run(capsys, "analyze", tmp_path / "acme.dmu", "--json")
    gaps = [f for f in json.loads(out)["findings"] if f["code"] == "profile_gap"]
    assert [(f["label"], f["state"]) for f in gaps] == [("Sales", "missing"), ("L&D", "unknown")]
    _, out, _ = run(capsys, "portfolio", tmp_path, "--json")
    row = json.loads(out)["boards"][0]
    assert row["profile_gaps"] == 2
    assert row["profile"] == [{"label": "CEO", "state": "covered"}, {"label": "L&D", "state": "unknown"},
                              {"label": "Sales", "state": "missing"}, {"label": "Procurement", "state": "covered"}]
    assert row["findings"]["medium"] == sum(1 for f in json.loads(
        run(capsys, "analyze", tmp_path / "acme.dmu", "--json")[1])["findings"] if f["severity"] == "medium")
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "dmuboard-profile", "version": 1, "entries": [
        {"label": "Sales", "keywords": ["sales"]}]}), encoding="utf-8")
    _, out, _ = run(capsys, "portfolio", tmp_path / "acme.dmu", "--json", "--profile", other)
    assert json.loads(out)["boards"][0]["profile"] == [{"label": "Sales", "state": "missing"}]


@pytest.mark.parametrize(("text", "words"), [
    ("{broken", "not valid JSON"),
    ('{"format": "dmuboard-profile", "version": 1, "entries": [{"label": "X"}]}', "keywords, a role"),
    ('{"format": "dmuboard-profile", "version": 1, "entries": [{"label": "X", "role": "boss"}]}', "'boss'"),
    ('{"format": "dmuboard-profile", "version": 9, "entries": []}', "version 9"),
    ('{"format": "other"}', "not a DMU profile"),
])
def test_a_bad_profile_file_is_one_line_that_says_what_is_wrong(capsys: pytest.CaptureFixture[str],
                                                                 tmp_path: Path, text: str, words: str) -> None:
    write_board(tmp_path / "acme.dmu", _board())
    profile_path(tmp_path).write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "analyze", tmp_path / "acme.dmu")
    assert code == 1 and words in one_error_line(err)


def test_an_entry_needs_keywords_or_a_role() -> None:
    with pytest.raises(BoardError, match="keywords, a role, or both"):
        ProfileEntry("Nothing")
