"""Is a file's schema exactly what the program's own migrations create?

A board may carry nothing the program did not make: a CHECK constraint, a generated
column, a DEFAULT with a function, a WITHOUT ROWID table, a COLLATE on a key or an
index hidden under an ``sqlite_autoindex_`` name all change what later writes do. So
the whole schema of a file is compared with a reference: the SQL text of every object
in ``sqlite_master`` and what ``PRAGMA table_xinfo``, ``index_list`` and
``index_xinfo`` say of it.

The reference is not written down anywhere: it is what the Alembic migrations
(:mod:`dmuboard.store.migrations`) create in an in-memory database, at every revision
(a file not yet migrated is compared with the schema of its own revision). Running them
takes about a second, so the result is kept once per process and on disk in the
user's cache, under a key made from the migrations' source text and the SQLite
version: a new or changed migration makes a new reference.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

from dmuboard.store.migrate import MIGRATIONS

Fingerprint = dict[str, list[Any]]


def fingerprint(connection: sqlite3.Connection) -> Fingerprint:
    """Everything SQLite says about the schema of ``connection``'s main database."""
    objects = connection.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    found: Fingerprint = {"objects": [list(row) for row in objects]}
    for kind, name, _, _ in objects:
        if kind != "table":
            continue
        quoted = '"' + str(name).replace('"', '""') + '"'
        found[f"table {name}"] = [list(r) for r in connection.execute(f"PRAGMA table_xinfo({quoted})")]
        indexes = sorted(connection.execute(f"PRAGMA index_list({quoted})").fetchall(), key=lambda r: str(r[1]))
        found[f"indexes {name}"] = [list(r[1:]) for r in indexes]
        for index in indexes:
            index_name = '"' + str(index[1]).replace('"', '""') + '"'
            found[f"index {index[1]}"] = [list(r) for r in connection.execute(f"PRAGMA index_xinfo({index_name})")]
    return found


def _key() -> str:
    digest = hashlib.sha256(sqlite3.sqlite_version.encode())
    for source in sorted([MIGRATIONS / "env.py", *(MIGRATIONS / "versions").glob("*.py")]):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:24]


def _cache_file(key: str) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dmuboard"
    return base / f"schema-{key}.json"


def _made_by_migrations() -> dict[str, Fingerprint]:
    """Each revision's fingerprint, by running the migrations one by one in memory."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from dmuboard.store.boardfile import _engine
    from dmuboard.store.migrate import upgrade

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    revisions = [script.revision for script in ScriptDirectory.from_config(config).walk_revisions()]
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    engine = _engine(memory, write=True)
    made: dict[str, Fingerprint] = {}
    try:
        with engine.connect() as connection:
            for revision in reversed(revisions):  # walk_revisions goes from the head down
                upgrade(connection, revision)
                made[revision] = fingerprint(memory)
    finally:
        engine.dispose()
        memory.close()
    return made


def _stored(key: str) -> dict[str, Fingerprint] | None:
    with contextlib.suppress(OSError, ValueError):
        data = json.loads(_cache_file(key).read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("key") == key and isinstance(data.get("revisions"), dict):
            return dict(data["revisions"])
    return None


@cache
def references() -> dict[str, Fingerprint]:
    """The schema of every revision, keyed by revision id (kept once per process)."""
    key = _key()
    found = _stored(key)
    if found is None and not getattr(sys, "frozen", False) and "sqlalchemy" not in sys.modules:
        # Made by a child process, so that opening a board does not import SQLAlchemy here.
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run([sys.executable, "-m", "dmuboard.store.drift"], capture_output=True, timeout=120,
                           check=False)
        found = _stored(key)
    return found if found is not None else _remember(key)


def _remember(key: str) -> dict[str, Fingerprint]:
    stored = _cache_file(key)
    made = _made_by_migrations()
    with contextlib.suppress(OSError):
        stored.parent.mkdir(parents=True, exist_ok=True)
        temporary = stored.with_name(f"{stored.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps({"key": key, "revisions": made}), encoding="utf-8")
        os.replace(temporary, stored)
    return made


def difference(connection: sqlite3.Connection) -> str | None:
    """What in the schema of ``connection`` no migration made, in a few words; or None."""
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError:
        return "it has no schema revision"
    if len(rows) != 1 or not isinstance(rows[0][0], str):
        return "its schema revision is not readable"
    revision = rows[0][0]
    expected = references().get(revision)
    if expected is None:
        return f"its schema revision {revision!r} is not one this version of DMU Board made"
    found = json.loads(json.dumps(fingerprint(connection)))  # lists and JSON types, as the reference
    for part in sorted(expected.keys() | found.keys()):
        if expected.get(part) != found.get(part):
            return _name(part, expected.get(part), found.get(part))
    return None


def _name(part: str, expected: Any, found: Any) -> str:
    if part == "objects":
        want = {tuple(row[:2]): row[3] for row in expected or []}
        have = {tuple(row[:2]): row[3] for row in found or []}
        for key in sorted(have.keys() | want.keys(), key=str):
            if want.get(key, 0) != have.get(key, 0):
                return f"the {key[0]} {key[1]!r} is not as DMU Board creates it"
    kind, _, name = part.partition(" ")
    what = {"table": "table", "indexes": "indexes of the table", "index": "index"}[kind]
    return f"the {what} {name!r} is not as DMU Board creates it"


if __name__ == "__main__":
    _remember(_key())
