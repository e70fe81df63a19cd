"""Files that are not boards, or boards that were tampered with, are refused unchanged.

Each hostile file is crafted with sqlite3 from a valid board. Opening it must raise
NotABoardError with one line that says what is wrong, and the file's bytes must be
the same afterwards. Nothing inside a hostile file (triggers, views) may run.
"""

from __future__ import annotations

import os
import sqlite3
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from dmuboard.model.errors import NotABoardError
from dmuboard.store import SCHEMA_VERSION, BoardFile, write_new
from tests.boardkit import sample_board, sha256


def _valid(path: Path) -> Path:
    write_new(path, sample_board())
    return path


def _sql(*statements: str) -> Callable[[Path], None]:
    def craft(path: Path) -> None:
        _valid(path)
        with sqlite3.connect(path) as connection:
            for statement in statements:
                connection.execute(statement)
        connection.close()

    return craft


def _text_file(path: Path) -> None:
    path.write_text("Ingrid Bakker, CFO\nJoris Smit, IT\n", encoding="utf-8")


def _empty_file(path: Path) -> None:
    path.write_bytes(b"")


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def _plain_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE people (name TEXT)")
        connection.execute("INSERT INTO people VALUES ('Ingrid')")
    connection.close()


def _truncated(path: Path) -> None:
    _valid(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _truncated_header(path: Path) -> None:
    _valid(path)
    path.write_bytes(path.read_bytes()[:60])


def _corrupt_page(path: Path) -> None:
    """Flip the bytes of the b-tree page header of the people table."""
    _valid(path)
    with sqlite3.connect(path) as connection:
        root, = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'people'").fetchone()
        page_size, = connection.execute("PRAGMA page_size").fetchone()
    connection.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    for i in range(start, start + 8):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def _wal_mode(path: Path) -> None:
    _valid(path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()


def _huge_name(path: Path) -> None:
    """A 64 MB name: loading it would cost far more than any board needs."""
    _sql("UPDATE people SET name = printf('%.*c', 64000000, 'x') WHERE id = 'p1'")(path)


def _bad_json_roles(path: Path) -> None:
    _sql("UPDATE people SET roles = '{not json' WHERE id = 'p1'")(path)


def _wrong_stance(path: Path) -> None:
    _sql("UPDATE people SET stance = 'enemy' WHERE id = 'p2'")(path)


def _schema_name_not_utf8(path: Path) -> None:
    """Break the UTF-8 of a table's name in the schema (as a flipped byte on a disk does)."""
    _valid(path)
    data = bytearray(path.read_bytes())
    at = data.index(b"tableviewsviews") + len(b"table")
    data[at] = 0xE1
    path.write_bytes(bytes(data))


# (crafting function, words the message must contain)
REFUSED = {
    "text file": (_text_file, "not an SQLite database"),
    "empty file": (_empty_file, "not an SQLite database"),
    "random bytes": (_random_bytes, "not an SQLite database"),
    "SQLite but not a board": (_plain_sqlite, "not a DMU Board file"),
    "no application_id": (_sql("PRAGMA application_id = 0"), "not a DMU Board file"),
    "newer schema": (_sql(f"PRAGMA user_version = {SCHEMA_VERSION + 1}"), "newer version"),
    "no schema version": (_sql("PRAGMA user_version = 0"), "no schema version"),
    "truncated": (_truncated, "truncated"),
    "truncated in the header": (_truncated_header, "truncated"),
    "corrupt page": (_corrupt_page, "damaged"),
    "trigger": (_sql("CREATE TRIGGER t AFTER INSERT ON people BEGIN DELETE FROM links; END"), "trigger 't'"),
    "view": (_sql("CREATE VIEW v AS SELECT name FROM people"), "view 'v'"),
    "recursive view": (
        _sql("CREATE VIEW forever AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
             "SELECT i FROM n"),
        "view 'forever'",
    ),
    "extra table": (_sql("CREATE TABLE secrets (x TEXT)"), "table 'secrets'"),
    "extra index": (_sql("CREATE INDEX by_name ON people (name)"), "index 'by_name'"),
    "extra column": (_sql("ALTER TABLE people ADD COLUMN shoe_size INTEGER"), "'people' is not as expected"),
    "two boards": (_sql("INSERT INTO boards SELECT 2, title, customer, our_company, deal_value, currency, "
                        "purchase_type, required_roles, notes, stale_days, outcome, outcome_date, "
                        "outcome_reason, profile FROM boards"), "2 boards"),
    "huge name": (_huge_name, "far larger than any board field"),
    "roles not JSON": (_bad_json_roles, "roles: is not a list"),
    "stance not allowed": (_wrong_stance, "'enemy' is not one of"),
    "WAL mode": (_wal_mode, "write-ahead log"),
    "schema name not UTF-8": (_schema_name_not_utf8, "not valid UTF-8"),
    "person name not UTF-8": (_sql("UPDATE people SET name = CAST(x'41e1' AS TEXT) WHERE id = 'p1'"),
                              "not valid UTF-8"),
    "roles nested deeply": (_sql("UPDATE people SET roles = printf('%.*c', 100000, '[') || printf('%.*c', 100000, ']') "
                                 "WHERE id = 'p1'"), "person 'p1'.roles"),
    "position as text": (_sql("UPDATE people SET x = 'left' WHERE id = 'p1'"), "person 'p1'.x: expected a number"),
    "view rect not JSON": (_sql("UPDATE views SET rect = 'wide' WHERE position = 0"), "rect: is not a list"),
    # A reporting cycle and a link to nobody are no longer refused: such a board opens
    # read-only to be repaired (issue 15 point 4, tests/test_repair.py).
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_hostile_or_broken_file_is_refused_unchanged(tmp_path: Path, case: str) -> None:
    """Each kind of bad file is refused with one line naming its problem, and its
    bytes are exactly as they were."""
    craft, words = REFUSED[case]
    path = tmp_path / "board.dmu"
    craft(path)
    before = sha256(path)
    with pytest.raises(NotABoardError) as caught:
        BoardFile.open(path)
    message = str(caught.value)
    assert words in message
    assert "\n" not in message
    assert message.startswith("board.dmu ")
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.dmu"]  # no journal or copy left


@pytest.mark.parametrize("case", ["trigger", "view", "extra table"])
def test_hostile_file_is_refused_read_only_too(tmp_path: Path, case: str) -> None:
    """Opening only to read (as convert and check do) refuses the same files."""
    craft, words = REFUSED[case]
    path = tmp_path / "board.dmu"
    craft(path)
    before = sha256(path)
    with pytest.raises(NotABoardError, match=words.replace("'", ".")):
        BoardFile.open(path, read_only="it is only being read")
    assert sha256(path) == before


def test_trigger_in_hostile_file_never_runs(tmp_path: Path) -> None:
    """A trigger that would log itself if fired stays silent: the refusal comes first."""
    path = tmp_path / "board.dmu"
    _sql(
        "PRAGMA foreign_keys = OFF",
        "CREATE TABLE fired (at TEXT)",
        "CREATE TRIGGER spy AFTER UPDATE ON people BEGIN INSERT INTO fired VALUES ('update'); END",
        "CREATE TRIGGER spy2 AFTER INSERT ON people BEGIN INSERT INTO fired VALUES ('insert'); END",
    )(path)
    before = sha256(path)
    with pytest.raises(NotABoardError, match="did not create"):
        BoardFile.open(path)
    assert sha256(path) == before
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM fired").fetchone() == (0,)
    connection.close()


def test_huge_value_is_not_loaded_into_memory(tmp_path: Path) -> None:
    """Refusing a file with a 64 MB name does not bring those 64 MB into Python."""
    path = tmp_path / "board.dmu"
    _huge_name(path)
    tracemalloc.start()
    try:
        with pytest.raises(NotABoardError):
            BoardFile.open(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 2**20


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    """A name that does not exist, or a folder, gets a plain message, not a traceback."""
    with pytest.raises(NotABoardError, match="does not exist"):
        BoardFile.open(tmp_path / "nothing.dmu")
    with pytest.raises(NotABoardError, match="is a folder"):
        BoardFile.open(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_valid_board_opens(tmp_path: Path) -> None:
    """The untouched board the hostile files are made from opens: the refusals above
    are about what was done to it."""
    path = _valid(tmp_path / "board.dmu")
    with BoardFile.open(path) as store:
        assert store.board == sample_board()
