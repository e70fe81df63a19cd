"""A file whose schema differs in any way from what the program's migrations create is
refused, unchanged (issue 15, point 11). Each variant is made with sqlite3 from a
valid board; the reference the program compares with comes from running its own
migrations, so a file at an older revision is held to that revision's schema."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from dmuboard.model.errors import NotABoardError
from dmuboard.store import BoardFile, write_new
from dmuboard.store.drift import references
from tests.boardkit import same_board, sample_board
from tests.clikit import digest, one_error_line, run

V1 = Path(__file__).parent / "data" / "schema-v1.dmu"


def _edit_sql(table: str, old: str, new: str) -> Callable[[sqlite3.Connection], None]:
    """Rewrite the CREATE statement of ``table`` in place (the rows stay as they are)."""
    def craft(connection: sqlite3.Connection) -> None:
        sql, = connection.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        assert old in sql, sql
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql.replace(old, new, 1), table))
    return craft


def _disguised_index(connection: sqlite3.Connection) -> None:
    connection.execute("CREATE INDEX sneaky ON people (name)")
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute("UPDATE sqlite_master SET name = 'sqlite_autoindex_people_9' WHERE name = 'sneaky'")


def _without_rowid(connection: sqlite3.Connection) -> None:
    sql, = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'views'").fetchone()
    connection.execute(sql.replace("CREATE TABLE views", "CREATE TABLE views_new", 1) + " WITHOUT ROWID")
    connection.execute("INSERT INTO views_new SELECT * FROM views")
    connection.execute("DROP TABLE views")
    connection.execute("ALTER TABLE views_new RENAME TO views")


VARIANTS: dict[str, Callable[[sqlite3.Connection], None]] = {
    "check constraint": _edit_sql("people", "influence INTEGER NOT NULL",
                                  "influence INTEGER NOT NULL CHECK (influence < 3)"),
    "generated column": _edit_sql("people", "y FLOAT,",
                                  "y FLOAT, shout TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL,"),
    "default with a function": _edit_sql("people", "notes TEXT NOT NULL", "notes TEXT NOT NULL DEFAULT (random())"),
    "collate on a key": _edit_sql("links", "source VARCHAR(64) NOT NULL", "source VARCHAR(64) COLLATE NOCASE NOT NULL"),
    "other type": _edit_sql("boards", "currency VARCHAR(3)", "currency BLOB"),
    "disguised autoindex": _disguised_index,
    "without rowid": _without_rowid,
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_a_schema_the_migrations_do_not_make_is_refused_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], variant: str
) -> None:
    path = tmp_path / "board.dmu"
    write_new(path, sample_board())
    connection = sqlite3.connect(path, isolation_level=None)
    VARIANTS[variant](connection)
    connection.close()
    before = digest(path)
    code, _, err = run(capsys, "check", path)
    assert code == 1
    line = one_error_line(err)
    assert "not as DMU Board creates it" in line or "malformed database schema" in line  # SQLite's own refusal
    with pytest.raises(NotABoardError, match=r"board\.dmu"):
        BoardFile.open(path)
    assert digest(path) == before


def test_a_board_at_the_first_revision_is_held_to_that_revision_and_then_migrated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "0001" in references()
    old = tmp_path / "old.dmu"
    shutil.copyfile(V1, old)
    assert run(capsys, "check", old)[0] == 0
    with BoardFile.open(old):
        pass  # migrated to the newest revision in place
    code, _, err = run(capsys, "check", old)
    assert code == 0, err


def test_an_old_board_with_a_foreign_default_is_refused_before_it_is_migrated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.dmu"
    shutil.copyfile(V1, old)
    connection = sqlite3.connect(old, isolation_level=None)
    _edit_sql("people", "notes TEXT NOT NULL", "notes TEXT NOT NULL DEFAULT (random())")(connection)
    connection.close()
    before = digest(old)
    with pytest.raises(NotABoardError, match="not as DMU Board creates it"):
        BoardFile.open(old)
    assert digest(old) == before


def test_an_unknown_revision_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "board.dmu"
    write_new(path, sample_board())
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'zz99'")
    connection.close()
    code, _, err = run(capsys, "check", path)
    assert code == 1 and "'zz99'" in one_error_line(err)


def test_a_board_the_program_wrote_passes_and_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "board.dmu"
    write_new(path, sample_board())
    with BoardFile.open(path) as store:
        assert same_board(store.board, sample_board())
