"""Outside Document.apply nothing can change the open board: what the document hands
out raises on every kind of write, and the board, the file and the listeners stay as
they were."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from dmuboard.model.board import Board, BoardInfo, Link
from dmuboard.model.document import Change
from dmuboard.store import BoardFile, write_new
from tests.boardkit import same_board, sample_board, sha256

WRITES: dict[str, Callable[[Board], object]] = {
    "put a person": lambda b: b.people.__setitem__("p1", replace(b.people["p1"], name="X")),
    "delete a person": lambda b: b.people.__delitem__("p1"),
    "pop a person": lambda b: b.people.pop("p1"),
    "clear the links": lambda b: b.links.clear(),
    "update the links": lambda b: b.links.update({"lx": Link("lx", "p1", "p2", "conflict")}),
    "setdefault a link": lambda b: b.links.setdefault("lx", Link("lx", "p1", "p2", "conflict")),
    "popitem": lambda b: b.people.popitem(),
    "merge in": lambda b: b.people.__ior__({}),
    "replace the details": lambda b: setattr(b, "info", BoardInfo("Other")),
    "replace the views": lambda b: setattr(b, "views", ()),
    "replace the people": lambda b: setattr(b, "people", {}),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_writing_through_the_board_the_document_hands_out_raises(
    tmp_path: Path, write: Callable[[Board], object]
) -> None:
    path = tmp_path / "board.dmu"
    write_new(path, sample_board())
    before = sha256(path)
    with BoardFile.open(path) as store:
        doc = store.document()
        heard: list[Change] = []
        doc.subscribe(heard.append)
        with pytest.raises(TypeError, match="read-only"):
            write(doc.board)
        assert same_board(doc.board, sample_board())
        assert heard == []
    assert sha256(path) == before


def test_the_view_follows_apply_and_copies_of_it_are_free_to_change(tmp_path: Path) -> None:
    """The view is live (apply shows in it at once), and a copy is an ordinary board."""
    path = tmp_path / "board.dmu"
    write_new(path, sample_board())
    with BoardFile.open(path) as store:
        doc = store.document()
        view = doc.board
        doc.apply(Change(people=(replace(view.people["p1"], name="Renamed"),)))
        assert view.people["p1"].name == "Renamed"
        for mine in (view.copy(), copy.deepcopy(view)):
            mine.people.pop("p1")
            mine.info = BoardInfo("Mine")
            assert "p1" in view.people and view.info.title != "Mine"
