"""Boards survive every trip between memory, .dmu files and JSON without loss.

model -> .dmu -> model gives an equal board; JSON -> .dmu -> JSON gives the same
document (compared parsed); people and links keep their order; undoing a delete
brings the links back, in the file too.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dmuboard.model import jsonformat
from dmuboard.model.board import Board, BoardInfo, Person
from dmuboard.model.document import Document
from dmuboard.store import BoardFile, write_new
from tests.boardkit import ChangeStream, big_board, same_board, sample_board


def _through_file(board: Board, path: Path) -> Board:
    write_new(path, board, replace=True)
    with BoardFile.open(path) as store:
        return store.board.copy()


def test_model_to_file_to_model_is_equal(tmp_path: Path) -> None:
    """A board written to a .dmu file and read back is equal, in the same order."""
    board = sample_board()
    assert same_board(_through_file(board, tmp_path / "b.dmu"), board)


def test_json_to_file_to_json_is_the_same_document(tmp_path: Path) -> None:
    """A JSON document converted to .dmu and back is the same document, field by field."""
    document = jsonformat.board_to_document(sample_board())
    text = json.dumps(document)
    board = jsonformat.loads(text)
    again = jsonformat.board_to_document(_through_file(board, tmp_path / "b.dmu"))
    assert json.loads(jsonformat.dumps(jsonformat.board_from_document(again))) == json.loads(text)
    assert again == document


def test_spec_example_round_trips(tmp_path: Path) -> None:
    """The example in the format description comes back with every field as given,
    defaults filled in where it left them out."""
    text = json.dumps({
        "format": "dmuboard", "version": 1,
        "board": {"title": "Acme BV - CRM replacement", "customer": "Acme BV", "our_company": "Northwind",
                  "deal_value": 180000, "currency": "EUR", "purchase_type": "new_buy",
                  "required_roles": ["decider", "buyer", "user", "influencer"], "notes": ""},
        "people": [
            {"id": "p1", "side": "customer", "name": "Ingrid Bakker", "title": "CFO", "department": "Finance",
             "organisation": "", "roles": ["decider", "buyer"], "stance": "neutral", "influence": 5,
             "interests": "keep the cost base flat", "notes": "", "x": -420.0, "y": -180.0},
            {"id": "u1", "side": "ours", "name": "Sam de Wit", "title": "Account manager", "x": 380.0, "y": 0.0},
        ],
        "links": [{"from": "u1", "to": "p1", "kind": "relationship", "strength": 2, "note": ""}],
    })
    out = jsonformat.board_to_document(_through_file(jsonformat.loads(text), tmp_path / "b.dmu"))
    given_doc = json.loads(text)
    assert out["board"] == given_doc["board"]
    assert out["people"][0] == given_doc["people"][0]
    assert out["people"][1] == {**given_doc["people"][1], "department": "", "organisation": "", "roles": [],
                                "stance": "unknown", "influence": 3, "interests": "", "notes": ""}
    assert out["links"] == given_doc["links"]
    assert "views" not in out


def test_order_of_people_and_links_is_kept(tmp_path: Path) -> None:
    """People and links come back in the order of the document, not sorted by id."""
    board = big_board(40, 5, 60)
    shuffled = Board(board.info, dict(reversed(board.people.items())), dict(reversed(board.links.items())))
    back = _through_file(shuffled, tmp_path / "b.dmu")
    assert list(back.people) == list(shuffled.people)
    assert list(back.links) == list(shuffled.links)
    document = jsonformat.board_to_document(back)
    assert [p["id"] for p in document["people"]] == list(shuffled.people)


def test_order_is_kept_after_edits_and_reopening(tmp_path: Path) -> None:
    """Editing people (names, positions) does not move them in the order."""
    path = tmp_path / "b.dmu"
    write_new(path, sample_board())
    with BoardFile.open(path) as store:
        doc = store.document()
        stream = ChangeStream(doc, seed=3, undo=True)
        for _ in range(150):
            stream.step()
        expected = doc.board.copy()
    with BoardFile.open(path) as store:
        assert same_board(store.board, expected)


def test_undo_of_delete_restores_links_in_file(tmp_path: Path) -> None:
    """Deleting a person takes their links along; undoing it brings person and links
    back, in memory and in the file."""
    path = tmp_path / "b.dmu"
    write_new(path, sample_board())
    with BoardFile.open(path) as store:
        doc = store.document()
        undo = doc.apply(doc.removal(["p1"]))
        assert "p1" not in doc.board.people
        assert all("p1" not in (link.source, link.target) for link in doc.board.links.values())
        doc.apply(undo)
    with BoardFile.open(path) as store:
        board = store.board
        assert board.people == sample_board().people
        assert board.links == sample_board().links
        assert {link.id for link in store.document().links_of("p1")} == {"l1", "l2", "l3"}


text_st = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=text_st.filter(lambda s: s.strip() != ""),
    notes=text_st,
    x=st.floats(min_value=-1e6, max_value=1e6),  # the format's coordinate range (issue 15.8)
    deal=st.none() | st.floats(min_value=0, allow_infinity=False),
)
def test_any_text_and_number_round_trip(tmp_path: Path, name: str, notes: str, x: float, deal: float | None) -> None:
    """Any characters and any finite numbers come back exactly, through .dmu and JSON."""
    board = Board(BoardInfo("T", deal_value=deal, notes=notes),
                  {"a": Person("a", "customer", name, notes=notes, x=x, y=-x)})
    back = _through_file(board, tmp_path / "b.dmu")
    assert same_board(back, board)
    assert same_board(jsonformat.loads(jsonformat.dumps(back)), board)


def test_big_board_round_trips(tmp_path: Path) -> None:
    """A 2,000-person board with 5,000 links comes back whole."""
    board = big_board(1800, 200, 5000)
    assert same_board(_through_file(board, tmp_path / "b.dmu"), board)
    doc = Document(board.copy())
    assert len(doc.links_of("p1")) == sum(1 for link in board.links.values() if "p1" in (link.source, link.target))
