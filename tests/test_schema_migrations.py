"""The typed mappings in dmuboard/store/schema.py match what the migrations create.

Files are made only by the Alembic migrations; the program reads and writes them
through the SQLAlchemy mappings. If the two drifted apart, boards would fail to
open or lose fields, so every column is compared: name, type, NULL, key.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine
from sqlalchemy.dialects import sqlite as sqlite_dialect

from dmuboard.model.board import Board, BoardInfo
from dmuboard.store import APPLICATION_ID, SCHEMA_VERSION, write_new
from dmuboard.store.migrate import MIGRATIONS
from dmuboard.store.schema import KNOWN_TABLES, Base


def _fresh(tmp_path: Path) -> Path:
    path = tmp_path / "fresh.dmu"
    write_new(path, Board(BoardInfo("Fresh")))
    return path


def test_columns_match_the_mappings(tmp_path: Path) -> None:
    """Each table of a new file has exactly the mapped columns, with the same type,
    NULL rule and primary key."""
    path = _fresh(tmp_path)
    dialect = sqlite_dialect.dialect()
    with sqlite3.connect(path) as connection:
        for table in Base.metadata.sorted_tables:
            found = {row[1]: (row[2].upper(), bool(row[3]), row[5])
                     for row in connection.execute(f"PRAGMA table_info({table.name})")}
            keys = [c.name for c in table.primary_key.columns]
            expected = {c.name: (c.type.compile(dialect=dialect).upper(), not c.nullable,
                                 keys.index(c.name) + 1 if c.name in keys else 0)
                        for c in table.columns}
            assert found == expected, table.name
    connection.close()


def test_foreign_keys_match_the_mappings(tmp_path: Path) -> None:
    """The links between tables in the file are those the mappings declare."""
    path = _fresh(tmp_path)
    with sqlite3.connect(path) as connection:
        for table in Base.metadata.sorted_tables:
            rows = connection.execute(f"PRAGMA foreign_key_list({table.name})").fetchall()
            found = {(row[2], row[3], row[4]) for row in rows}
            expected = {(fk.column.table.name, fk.parent.name, fk.column.name) for fk in table.foreign_keys}
            assert found == expected, table.name
    connection.close()


def test_alembic_finds_no_difference(tmp_path: Path) -> None:
    """Alembic's own comparison of the migrated file with the mappings is empty."""
    path = _fresh(tmp_path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_file_is_marked_as_a_board_of_this_schema(tmp_path: Path) -> None:
    """A new file says "DMUB" in application_id, carries the schema version, is at the
    newest migration, and holds only the tables the program knows."""
    path = _fresh(tmp_path)
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA application_id").fetchone() == (0x444D5542,)
        assert APPLICATION_ID == 0x444D5542
        assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [(head,)]
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    connection.close()
    assert tables == KNOWN_TABLES
    assert path.read_bytes()[68:72] == b"DMUB"


def test_every_migration_has_a_schema_version(tmp_path: Path) -> None:
    """The newest migration sets user_version to SCHEMA_VERSION, and the chain of
    migrations has one head, so files and program agree on what "newer" means."""
    script = ScriptDirectory(str(MIGRATIONS))
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    # Revision ids are the schema versions they make ("0003" makes 3); while a branch
    # waits for a version made in parallel, the chain may skip its number.
    assert int(revisions[0].revision) == SCHEMA_VERSION
    assert [int(r.revision) for r in revisions] == sorted((int(r.revision) for r in revisions), reverse=True)
    newest = Path(revisions[0].path).read_text(encoding="utf-8")
    assert f"PRAGMA user_version = {SCHEMA_VERSION}" in newest
