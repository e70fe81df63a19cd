"""The ``history`` table of a .dmu file: one row per recorded step or review mark.

A step's row holds ``at``, ``by`` and, in ``data``, the step as compact JSON (what it
was, its label, and each changed field before and after); a mark's row holds its name
in ``mark`` and no ``data``. Opening a board never reads this table: the history is
read only when it is asked for.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from dmuboard.model.errors import BoardError
from dmuboard.model.history.delta import delta_to_json, dumps_compact
from dmuboard.model.history.entry import Entry, entry_from_json
from dmuboard.model.history.timeline import HistoryError

if TYPE_CHECKING:
    from sqlalchemy import Connection


def row_of(board_id: int, entry: Entry) -> dict[str, Any]:
    data = None
    if entry.mark is None:
        item: dict[str, Any] = {}
        if entry.step != "edit":
            item["step"] = entry.step
        if entry.label:
            item["label"] = entry.label
        item["change"] = delta_to_json(entry.delta) if entry.delta is not None else {}
        data = dumps_compact(item)
    return {"board_id": board_id, "at": entry.at, "by": entry.by, "mark": entry.mark, "data": data}


def insert(conn: Connection, board_id: int, entries: Iterable[Entry]) -> None:
    from sqlalchemy import insert as sql_insert

    from dmuboard.store.schema import HistoryRow

    rows = [row_of(board_id, entry) for entry in entries]
    if rows:
        conn.execute(sql_insert(HistoryRow), rows)


def read(raw: sqlite3.Connection, board_id: int, name: str) -> list[Entry]:
    """Every entry, oldest first; :class:`HistoryError` when a row is damaged."""
    try:
        rows = raw.execute(
            "SELECT seq, at, by, mark, data FROM history WHERE board_id = ? ORDER BY seq", (board_id,)
        ).fetchall()
    except (sqlite3.Error, UnicodeDecodeError) as error:
        raise HistoryError("", f"the history of {name} cannot be read: {error}") from None
    entries = []
    previous = ""
    for number, (seq, at, by, mark, data) in enumerate(rows, 1):
        place = f"entry {number}"
        try:
            if mark is not None and data is not None:
                raise BoardError(place, "is both a mark and a change")
            item: dict[str, Any] = {"at": at, "by": by}
            if mark is not None:
                item["mark"] = mark
            else:
                if not isinstance(data, str):
                    raise BoardError(place, "has neither a mark nor a change")
                try:
                    decoded = json.loads(data)
                except (ValueError, RecursionError):
                    raise BoardError(place, "its change is not valid JSON") from None
                if not isinstance(decoded, dict):
                    raise BoardError(place, "its change is not an object")
                item.update({k: decoded[k] for k in ("step", "label", "change") if k in decoded})
            entry = entry_from_json(item, place)
        except BoardError as error:
            raise HistoryError("", f"the history of {name} is damaged: {error}") from None
        if entry.at < previous:
            raise HistoryError("", f"the history of {name} is damaged: {place} is earlier than the one before")
        previous = entry.at
        entries.append(Entry(entry.at, entry.by, entry.mark, entry.delta, entry.step, entry.label, seq))
    return entries


def mark_names(raw: sqlite3.Connection, board_id: int) -> list[str]:
    rows = raw.execute("SELECT mark FROM history WHERE board_id = ? AND mark IS NOT NULL ORDER BY seq", (board_id,))
    return [row[0] for row in rows]


def count(raw: sqlite3.Connection, board_id: int) -> int:
    return int(raw.execute("SELECT count(*) FROM history WHERE board_id = ?", (board_id,)).fetchone()[0])
