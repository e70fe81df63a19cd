"""The format v2 field ``pinned``: in the model, the JSON form and the .dmu file."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from dmuboard.model import jsonformat
from dmuboard.model.board import Board, BoardInfo, Person
from dmuboard.model.errors import BoardError
from dmuboard.store import SCHEMA_VERSION, BoardFile, write_new

FIXTURE = Path(__file__).parent / "data" / "schema-v1.dmu"


def pinned_board() -> Board:
    return Board(BoardInfo("Pins"), {
        "p1": Person("p1", "customer", "Ann", x=-300.0, y=10.0, pinned=True),
        "p2": Person("p2", "customer", "Bo", x=-600.0, y=10.0),
    })


def test_pinned_survives_json_both_ways() -> None:
    """A pinned person is written as "pinned": true and read back pinned; others carry no key."""
    text = jsonformat.dumps(pinned_board())
    people = {p["id"]: p for p in json.loads(text)["people"]}
    assert people["p1"]["pinned"] is True
    assert "pinned" not in people["p2"]
    back = jsonformat.loads(text)
    assert back.people["p1"].pinned and not back.people["p2"].pinned


def test_pinned_must_be_true_or_false() -> None:
    doc = json.loads(jsonformat.dumps(pinned_board()))
    doc["people"][0]["pinned"] = "yes"
    with pytest.raises(BoardError, match=r"people\[0\]\.pinned: expected true or false"):
        jsonformat.loads(json.dumps(doc))


def test_pinned_survives_the_dmu_file_and_a_change(tmp_path: Path) -> None:
    path = tmp_path / "pins.dmu"
    write_new(path, pinned_board())
    with BoardFile.open(path) as store:
        assert store.board.people["p1"].pinned
        doc = store.document()
        from dmuboard.model.document import Change

        doc.apply(Change(people=(replace(doc.board.people["p2"], pinned=True),), label="Pin"))
    with BoardFile.open(path) as store:
        assert store.board.people["p2"].pinned and store.board.people["p1"].pinned


def test_a_version_1_file_opens_with_nobody_pinned_and_is_upgraded(tmp_path: Path) -> None:
    """Migration 0002 adds the column; the old board keeps all its people, none pinned."""
    path = tmp_path / "old.dmu"
    shutil.copy(FIXTURE, path)
    with BoardFile.open(path) as store:
        assert store.board.people
        assert not any(p.pinned for p in store.board.people.values())
    import sqlite3

    with sqlite3.connect(path) as connection:
        # upgraded through 0002 (pinned) to the newest schema (0003 the history, 0004 the outcome)
        assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,) == (4,)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [("0004",)]
    connection.close()
