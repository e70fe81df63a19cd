"""Mutators that turn a valid board file into a damaged or hostile one.

Every mutator takes a :class:`random.Random`, so a case is reproduced from its seed
alone. Three families:

* :func:`mutate_bytes` works on raw bytes of either format: flips, inserts, deletes,
  truncations and splices, also aimed at the SQLite header and page starts;
* :func:`mutate_json` works on the parsed interchange document: keys dropped,
  duplicated or retyped, wrong types, huge numbers, NaN, deep nesting, odd unicode;
* :func:`mutate_dmu` edits a copy of a ``.dmu`` file through SQL: wrong column
  types, NULLs, bad JSON lists, dangling link ends, duplicate ids, reporting cycles,
  out-of-range influence, 100,000-character names.
"""

from __future__ import annotations

import contextlib
import json
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Values of every JSON type and of shapes a reader must not trust.
ODD_VALUES: tuple[Any, ...] = (
    None, True, False, 0, -1, 2**63, -(2**70), 1e308, -1e308, 0.5, "", "x" * 100_000,
    "\u202egnp.exe", "\u200d\U0001f468\u200d\U0001f469", "\x00", "<img src=x>", "=1+1",
    [], [None], {}, {"": ""}, [[[[[]]]]], float("nan"), float("inf"), float("-inf"),
)
ODD_TEXT = ("\ud800", "\udfff", "\ufeff", "\u202e", "\x7f", "\U0010ffff", "\u0000")


# -- bytes -----------------------------------------------------------------------------

def _flip(data: bytearray, rng: random.Random, at: int) -> None:
    data[at] ^= 1 << rng.randrange(8)


def _set_byte(data: bytearray, rng: random.Random, at: int) -> None:
    data[at] = rng.choice((0, 1, 0x7F, 0x80, 0xFF, rng.randrange(256)))


def _set_word(data: bytearray, rng: random.Random, at: int) -> None:
    word = rng.choice((0, 1, 0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, rng.randrange(2**32)))
    data[at:at + 4] = word.to_bytes(4, "big")


def _spot(data: bytearray, rng: random.Random, page_size: int) -> int:
    """Where to hit: the header, a page start, or anywhere, weighted to the interesting parts."""
    where = rng.random()
    if where < 0.25:
        return rng.randrange(min(len(data), 100))
    if where < 0.55 and len(data) > page_size:
        page = rng.randrange(len(data) // page_size)
        return min(len(data) - 1, page * page_size + rng.randrange(min(page_size, 16)))
    return rng.randrange(len(data))


def mutate_bytes(original: bytes, rng: random.Random, *, page_size: int = 4096) -> tuple[bytes, str]:
    """``original`` with one to four random byte-level edits; also says what was done."""
    data = bytearray(original)
    done = []
    for _ in range(rng.choice((1, 1, 1, 2, 4))):
        if not data:
            data.extend(rng.randbytes(rng.randrange(1, 64)))
            done.append("filled")
            continue
        at = _spot(data, rng, page_size)
        kind = rng.choice(("flip", "flip", "byte", "word", "insert", "delete", "truncate", "splice", "zero"))
        if kind == "flip":
            _flip(data, rng, at)
        elif kind == "byte":
            _set_byte(data, rng, at)
        elif kind == "word":
            _set_word(data, rng, at)
        elif kind == "insert":
            data[at:at] = rng.randbytes(rng.choice((1, 2, 7, 100)))
        elif kind == "delete":
            del data[at:at + rng.choice((1, 3, 50, 500))]
        elif kind == "truncate":
            del data[rng.randrange(len(data)):]
        elif kind == "splice":
            start = rng.randrange(len(data))
            chunk = bytes(data[start:start + rng.choice((4, 64, page_size))])
            data[at:at + len(chunk)] = chunk
        else:
            data[at:at + rng.choice((16, 256))] = bytes(min(len(data) - at, 16))
        done.append(f"{kind}@{at}")
    return bytes(data), "bytes " + ",".join(done)


# -- JSON structure -------------------------------------------------------------------

def _containers(node: Any, found: list[Any], depth: int = 0) -> list[Any]:
    """The dicts and lists in ``node``, down to 40 levels (below that, nesting made by a mutator)."""
    if isinstance(node, dict | list) and depth < 40:
        found.append(node)
        children = node.values() if isinstance(node, dict) else node
        for child in children:
            _containers(child, found, depth + 1)
    return found


def _odd_value(rng: random.Random) -> Any:
    roll = rng.random()
    if roll < 0.1:
        return rng.choice(ODD_TEXT) * rng.choice((1, 3))
    if roll < 0.15:
        deep: Any = 1
        for _ in range(rng.choice((50, 900, 5000))):
            deep = [deep]
        return deep
    return rng.choice(ODD_VALUES)


def _edit_container(node: Any, rng: random.Random) -> str:
    if isinstance(node, list):
        if not node:
            node.append(_odd_value(rng))
            return "list+odd"
        i = rng.randrange(len(node))
        kind = rng.choice(("drop", "dup", "odd", "swap"))
        if kind == "drop":
            del node[i]
        elif kind == "dup":
            node.insert(i, node[i])  # the same object twice: written out as two copies
        elif kind == "odd":
            node[i] = _odd_value(rng)
        else:
            node[i], node[-1] = node[-1], node[i]
        return f"list {kind}"
    if not node:
        node[rng.choice(("id", "x", ""))] = _odd_value(rng)
        return "dict+odd"
    key = rng.choice(list(node))
    kind = rng.choice(("drop", "odd", "odd", "retype", "rename", "extra"))
    if kind == "drop":
        del node[key]
    elif kind == "odd":
        node[key] = _odd_value(rng)
    elif kind == "retype":
        value = node[key]
        node[key] = [value] if not isinstance(value, list) else {"v": value}
        if isinstance(value, str | int | float) and rng.random() < 0.5:
            node[key] = str(value) if not isinstance(value, str) else len(value)
    elif kind == "rename":
        node[key + rng.choice(("_", "\u200b", "ID"))] = node.pop(key)
    else:
        node[rng.choice(("__proto__", "extra", key.upper()))] = _odd_value(rng)
    return f"dict {kind} {key!r}"


def _duplicate_key(text: str, rng: random.Random) -> str:
    """Text with one key repeated with another value (JSON allows it; the last one wins)."""
    places = [i for i in range(len(text)) if text.startswith('"id":', i) or text.startswith('"source":', i)]
    if not places:
        return text
    at = rng.choice(places)
    try:
        value = json.dumps(_odd_value(rng))
    except RecursionError:  # nesting deeper than the encoder goes
        value = "[" * 5000 + "]" * 5000
    return text[:at] + f'"{text[at + 1:text.index(":", at) - 1]}": {value}, ' + text[at:]


def mutate_json(original: bytes, rng: random.Random) -> tuple[bytes, str]:
    """A structurally changed copy of the JSON document ``original``."""
    document = json.loads(original)
    done = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        containers = _containers(document, [])
        done.append(_edit_container(rng.choice(containers), rng))
    try:
        text = json.dumps(document, ensure_ascii=rng.random() < 0.5, indent=rng.choice((None, 1)))
    except (RecursionError, ValueError):
        text = json.dumps({"format": "dmuboard", "nested": "too deep to write"})
    if rng.random() < 0.15:
        text = _duplicate_key(text, rng)
        done.append("duplicate key")
    return text.encode("utf-8", "surrogatepass"), "json " + "; ".join(done)


# -- .dmu through SQL -----------------------------------------------------------------

SqlEdit = Callable[[sqlite3.Connection, random.Random], str]


def _pick(conn: sqlite3.Connection, sql: str, rng: random.Random) -> Any:
    rows = conn.execute(sql).fetchall()
    return rng.choice(rows)[0] if rows else None


def _wrong_value(rng: random.Random) -> Any:
    return rng.choice((None, -5, 0, 6, 2**62, 1.5, float("nan"), float("inf"), "", "abc", b"\x00\xff",
                       "[1,", '{"a":1}', '["decider","decider"]', '["boss"]', "x" * 100_000, "\u202e<b>"))


def _column(conn: sqlite3.Connection, table: str, rng: random.Random) -> str:
    return str(rng.choice([row[1] for row in conn.execute(f"PRAGMA table_info({table})")]))


def sql_wrong_type(conn: sqlite3.Connection, rng: random.Random) -> str:
    table = rng.choice(("people", "people", "links", "boards", "views"))
    column = _column(conn, table, rng)
    value = _wrong_value(rng)
    conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = (SELECT rowid FROM {table} "
                 f"ORDER BY random() LIMIT 1)", (value,))
    return f"{table}.{column} = {str(value)[:20]!r}"


def sql_bad_roles(conn: sqlite3.Connection, rng: random.Random) -> str:
    value = rng.choice(("[", "null", "{}", '"decider"', "[1,2]", '["decider", null]', "[" * 5000, '["ceo"]'))
    person = _pick(conn, "SELECT id FROM people", rng)
    conn.execute("UPDATE people SET roles = ? WHERE id = ?", (value, person))
    return f"roles of {person} = {value[:20]!r}"


def sql_dangling(conn: sqlite3.Connection, rng: random.Random) -> str:
    end = rng.choice(("source", "target"))
    link = _pick(conn, "SELECT id FROM links", rng)
    conn.execute(f"UPDATE links SET {end} = ? WHERE id = ?", (rng.choice(("nobody", "", "p999999")), link))
    return f"dangling {end} of {link}"


def sql_self_link(conn: sqlite3.Connection, rng: random.Random) -> str:
    link = _pick(conn, "SELECT id FROM links", rng)
    conn.execute("UPDATE links SET target = source WHERE id = ?", (link,))
    return f"self link {link}"


def sql_duplicate(conn: sqlite3.Connection, rng: random.Random) -> str:
    """A second board row, or a person or link copied into another board id."""
    kind = rng.choice(("board", "person", "link", "same-key link"))
    if kind == "board":
        conn.execute("INSERT INTO boards SELECT id + 1, title, customer, our_company, deal_value, currency, "
                     "purchase_type, required_roles, notes, stale_days FROM boards LIMIT 1")
    elif kind == "person":
        conn.execute("UPDATE people SET board_id = board_id + 1 WHERE id = ?",
                     (_pick(conn, "SELECT id FROM people", rng),))
    elif kind == "link":
        conn.execute("INSERT INTO links SELECT board_id, id || 'b', position, source, target, kind, strength, "
                     "note, last_contact FROM links ORDER BY random() LIMIT 1")
    else:
        conn.execute("INSERT INTO links SELECT board_id, id || 'c', position, target, source, kind, strength, "
                     "note, last_contact FROM links WHERE kind = 'relationship' LIMIT 1")
    return f"duplicate {kind}"


def sql_cycle(conn: sqlite3.Connection, rng: random.Random) -> str:
    rows = conn.execute("SELECT id FROM people WHERE side = 'customer' ORDER BY random() LIMIT 3").fetchall()
    ids = [r[0] for r in rows]
    for i, source in enumerate(ids):
        target = ids[(i + 1) % len(ids)]
        conn.execute("INSERT OR IGNORE INTO links VALUES (1, ?, 9999, ?, ?, 'reports_to', NULL, '', NULL)",
                     (f"cyc{i}", source, target))
    return f"reporting cycle over {len(ids)}"


def sql_influence(conn: sqlite3.Connection, rng: random.Random) -> str:
    value = rng.choice((-1, 0, 6, 2**40, -(2**63), 3.7, "3", None))
    conn.execute("UPDATE people SET influence = ? WHERE id = ?", (value, _pick(conn, "SELECT id FROM people", rng)))
    return f"influence {value!r}"


def sql_long_name(conn: sqlite3.Connection, rng: random.Random) -> str:
    column = rng.choice(("name", "title", "notes", "interests"))
    text = rng.choice(("n", "\u202e", "<b>", "😀")) * rng.choice((201, 20_001, 100_000))
    conn.execute(f"UPDATE people SET {column} = ? WHERE id = ?", (text, _pick(conn, "SELECT id FROM people", rng)))
    return f"{column} of {len(text)} chars"


def sql_delete(conn: sqlite3.Connection, rng: random.Random) -> str:
    table = rng.choice(("boards", "people", "alembic_version", "views"))
    conn.execute(f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} ORDER BY random() LIMIT 1)")
    return f"deleted a row of {table}"


def sql_position(conn: sqlite3.Connection, rng: random.Random) -> str:
    value = rng.choice((None, -1, 2**63 - 1, "first", 0))
    conn.execute("UPDATE people SET position = ?", (value,))
    return f"every position {value!r}"


SQL_EDITS: tuple[SqlEdit, ...] = (
    sql_wrong_type, sql_wrong_type, sql_wrong_type, sql_bad_roles, sql_dangling, sql_self_link,
    sql_duplicate, sql_cycle, sql_influence, sql_long_name, sql_delete, sql_position,
)


def mutate_dmu(original: Path, copy: Path, rng: random.Random) -> str:
    """Write to ``copy`` the board ``original`` with one to three SQL-level edits."""
    copy.write_bytes(original.read_bytes())
    done = []
    conn = sqlite3.connect(copy, isolation_level=None)
    with contextlib.closing(conn):
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA synchronous = OFF")  # a scratch copy: no need to wait for the disk
        for _ in range(rng.choice((1, 1, 2, 3))):
            edit = rng.choice(SQL_EDITS)
            try:
                done.append(edit(conn, rng))
            except sqlite3.Error as error:  # e.g. a primary key clash: that edit is skipped
                done.append(f"{edit.__name__} refused by sqlite ({error})")
    return "sql " + "; ".join(done)
