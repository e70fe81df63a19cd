"""Opening a board reads it with the standard sqlite3 module; SQLAlchemy comes in with
the first change written. These tests check that the plain description of the tables
agrees with the SQLAlchemy mappings, that opening really does not import SQLAlchemy,
and that a board opened that way is written and read back exactly.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from dmuboard.model.board import Board, BoardInfo, Link, Person
from dmuboard.model.document import Change
from dmuboard.sample import sample_board
from dmuboard.store import BoardFile, schema, tables, write_new

ROOT = Path(__file__).resolve().parents[1]


def test_the_plain_tables_match_the_mappings() -> None:
    """Every table the mappings declare is listed with the same columns in the same order,
    and the file constants are the same objects in both modules."""
    declared = {t.name: tuple(c.name for c in t.columns) for t in schema.Base.metadata.sorted_tables}
    assert declared == tables.COLUMNS
    assert set(declared) | {"alembic_version"} == tables.KNOWN_TABLES
    assert (schema.APPLICATION_ID, schema.SCHEMA_VERSION) == (tables.APPLICATION_ID, tables.SCHEMA_VERSION)


def _python(code: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_opening_a_board_does_not_import_sqlalchemy(tmp_path: Path) -> None:
    """Reading the sample board whole (every person and link) leaves SQLAlchemy unimported;
    writing the first change imports it and the change is on disk."""
    path = tmp_path / "sample.dmu"
    write_new(path, sample_board())
    code = f"""
import json, sys
from dataclasses import replace
from dmuboard.model.document import Change
from dmuboard.store import BoardFile
store = BoardFile.open({str(path)!r})
board = store.board
opened = "sqlalchemy" in sys.modules
person = next(iter(board.people.values()))
store.document().apply(Change(people=(replace(person, name="Renamed"),)))
store.close()
print(json.dumps({{"people": len(board.people), "links": len(board.links),
                   "sqlalchemy_on_open": opened, "sqlalchemy_after_write": "sqlalchemy" in sys.modules}}))
"""
    found = _python(code)
    expected = sample_board()
    assert found == {"people": len(expected.people), "links": len(expected.links),
                     "sqlalchemy_on_open": False, "sqlalchemy_after_write": True}
    with BoardFile.open(path) as store:
        assert "Renamed" in {p.name for p in store.board.people.values()}


def test_a_board_read_without_sqlalchemy_is_the_board_written(tmp_path: Path) -> None:
    """Every field of people, links, views and the board's own details comes back as
    written, in the same order, and edits after reopening keep that order."""
    board = sample_board()
    path = tmp_path / "round.dmu"
    write_new(path, board)
    with BoardFile.open(path) as store:
        assert store.board == board
        assert list(store.board.people) == list(board.people)
        assert list(store.board.links) == list(board.links)
        first = next(iter(board.people.values()))
        store.document().apply(Change(people=(replace(first, notes="moved on\nnext line", x=12.5),)))
    with BoardFile.open(path) as store:
        again = store.board.people[first.id]
        assert (again.notes, again.x) == ("moved on\nnext line", 12.5)
        assert list(store.board.people) == list(board.people)


def test_preparing_to_write_a_read_only_board_changes_nothing(tmp_path: Path) -> None:
    """A board opened read-only can be asked to prepare for writing without effect,
    and a new file with one person and one link opens with both."""
    path = tmp_path / "small.dmu"
    small = Board(BoardInfo("Small"))
    small.people["c1"] = Person("c1", "customer", "Ada")
    small.people["o1"] = Person("o1", "ours", "Bo")
    small.links["l1"] = Link("l1", "o1", "c1", "relationship")
    write_new(path, small)
    before = path.read_bytes()
    with BoardFile.open(path, read_only="it is only being read") as store:
        store.prepare_writing()
        assert set(store.board.people) == {"c1", "o1"}
        assert [(k.source, k.target, k.kind) for k in store.board.links.values()] == [("o1", "c1", "relationship")]
    assert path.read_bytes() == before
