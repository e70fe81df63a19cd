"""Deciding whether a file is a board we may open, before anything in it is read.

Board files come from colleagues, mail and shares, so they are untrusted. The checks
run in order from cheapest to dearest, and each refusal says which one failed:

1. the 100-byte SQLite header, read as plain bytes: not SQLite, not a board (no
   ``application_id``), made by a newer version, truncated;
2. a read-only connection with ``trusted_schema=OFF`` and ``cell_size_check=ON``:
   only the tables the program creates, with the columns it expects (no triggers,
   views or other tables, whose code is never run);
3. ``PRAGMA quick_check``.

Nothing here writes to the file.
"""

from __future__ import annotations

import os
import sqlite3
import struct
from pathlib import Path
from urllib.parse import quote

from dmuboard.localfiles import open_regular, shown
from dmuboard.model.errors import NotABoardError
from dmuboard.store.drift import difference
from dmuboard.store.tables import APPLICATION_ID, COLUMNS, KNOWN_TABLES, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
# No value or row a board needs comes near this (the longest field is 20,000
# characters); SQLite refuses to read anything larger, so a hostile file cannot make
# the program load gigabytes into memory.
MAX_VALUE_BYTES = 1 << 20


def read_header(path: Path, *, check_size: bool = True) -> tuple[int, int]:
    """Check the header bytes; return (schema version, page size).

    ``check_size=False`` skips comparing the file's size with the header, which a
    change half-written at a crash may have left out of step until it is rolled back.
    """
    name = shown(path.name)
    fd = open_regular(path, "board file")
    try:
        with os.fdopen(fd, "rb") as handle:
            header = handle.read(HEADER_SIZE)
            size = os.fstat(handle.fileno()).st_size
    except OSError as error:
        raise NotABoardError(f"{name} cannot be read: {error.strerror or error}.") from None
    if not header.startswith(SQLITE_MAGIC):
        raise NotABoardError(f"{name} is not a DMU Board file (it is not an SQLite database).")
    if len(header) < HEADER_SIZE:
        raise NotABoardError(f"{name} is damaged: the file is truncated.")
    application_id, = struct.unpack(">I", header[68:72])
    if application_id != APPLICATION_ID:
        raise NotABoardError(f"{name} is an SQLite database, but not a DMU Board file.")
    version, = struct.unpack(">I", header[60:64])
    if version > SCHEMA_VERSION:
        raise NotABoardError(
            f"{name} was made by a newer version of DMU Board (file schema {version}, "
            f"this version reads up to {SCHEMA_VERSION}); update the program to open it."
        )
    if version < 1:
        raise NotABoardError(f"{name} is damaged: it carries no schema version.")
    if header[18] != 1 or header[19] != 1:
        raise NotABoardError(f"{name} is not a board this program wrote (it uses a write-ahead log).")
    page_size, = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise NotABoardError(f"{name} is damaged: its header is invalid.")
    change_counter, page_count, valid_for = struct.unpack(">I", header[24:28]) + struct.unpack(
        ">I", header[28:32]
    ) + struct.unpack(">I", header[92:96])
    if not check_size:
        return version, page_size
    if valid_for == change_counter and size < page_count * page_size:
        raise NotABoardError(f"{name} is damaged: the file is truncated.")
    if size % page_size:
        raise NotABoardError(f"{name} is damaged: the file is truncated.")
    return version, page_size


def connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A connection with SQLite's settings for application files from untrusted sources.

    Transactions are begun explicitly (``isolation_level=None``), so the program and
    not the driver decides where each change starts and ends.
    """
    uri = f"file:{quote(os.fsencode(path.resolve()))}?mode={'ro' if read_only else 'rw'}"
    connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        connection.execute("PRAGMA cell_size_check = ON")
        connection.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            connection.execute("PRAGMA journal_mode = DELETE")
            connection.execute("PRAGMA synchronous = FULL")
    except BaseException:
        connection.close()
        raise
    return connection


def expected_columns() -> dict[str, set[str]]:
    return {table: set(columns) for table, columns in COLUMNS.items()}


def check_contents(connection: sqlite3.Connection, name: str, version: int) -> None:
    """Refuse objects the program did not create, then run ``quick_check``."""
    try:
        objects = connection.execute("SELECT type, name, tbl_name FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError as error:
        raise NotABoardError(f"{name} is damaged: {error}.") from None
    foreign = []
    for kind, object_name, table in objects:
        if kind == "table" and object_name in KNOWN_TABLES:
            continue
        if kind == "index" and str(object_name).startswith("sqlite_autoindex_") and table in KNOWN_TABLES:
            continue
        foreign.append(f"{kind} {object_name!r}")
    if foreign:
        listed = ", ".join(sorted(foreign)[:3]) + (" ..." if len(foreign) > 3 else "")
        raise NotABoardError(
            f"{name} carries things DMU Board did not create ({listed}); it was not opened."
        )
    if version == SCHEMA_VERSION:
        for table, columns in expected_columns().items():
            try:
                found = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
            except sqlite3.DatabaseError as error:  # e.g. a damaged schema that is not UTF-8
                raise NotABoardError(f"{name} is damaged: {error}.") from None
            if found != columns:
                raise NotABoardError(f"{name} is damaged: the table {table!r} is not as expected.")
    try:
        drift = difference(connection)
    except sqlite3.DatabaseError as error:
        raise NotABoardError(f"{name} is damaged: {error}.") from None
    if drift is not None:
        raise NotABoardError(f"{name} is not a board DMU Board made: {drift}; it was not opened.")
    try:
        result = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        raise NotABoardError(f"{name} is damaged: {error}.") from None
    if result != [("ok",)]:
        # SQLite reports several lines ("*** in database main ***", then each problem);
        # a user gets the first problem on one line.
        lines = [line.strip() for row in result for line in str(row[0]).splitlines()]
        problems = [line for line in lines if line and not line.startswith("***")] or ["unknown problem"]
        more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
        raise NotABoardError(f"{name} is damaged: SQLite's integrity check failed ({problems[0]}{more}).")


def inspect(path: Path) -> int:
    """Run every check on ``path`` without changing it; return its schema version."""
    version, _ = read_header(path)
    try:
        connection = connect(path, read_only=True)
    except sqlite3.Error as error:
        raise NotABoardError(f"{shown(path.name)} cannot be opened: {error}.") from None
    try:
        check_contents(connection, shown(path.name), version)
    except UnicodeDecodeError:  # a name in the schema that is not UTF-8 text
        raise NotABoardError(f"{shown(path.name)} is damaged: it holds text that is not valid UTF-8.") from None
    finally:
        connection.close()
    return version
