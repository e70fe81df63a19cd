"""The ``history`` table of a .dmu file: one row per recorded step or review mark.

A step's row holds ``at`` (seconds since 1970, UTC), ``by`` and, in ``data``, the step as
compact JSON (what it was, its label, and each changed field before and after); a mark's row holds its name
in ``mark`` and no ``data``. Opening a board never reads this table: the history is
read only when it is asked for.
"""

from __future__ import annotations

import datetime
import json
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from dmuboard.model.errors import BoardError
from dmuboard.model.history.delta import delta_to_json, dumps_compact
from dmuboard.model.history.entry import Entry, entry_at
from dmuboard.model.history.timeline import HistoryError

if TYPE_CHECKING:
    from sqlalchemy import Connection


def row_of(board_id: int, entry: Entry) -> dict[str, Any]:
    data = None
    if entry.mark is None:
        data = dumps_compact(_packed(entry))
    return {"board_id": board_id, "at": _seconds(entry.at), "by": entry.by, "mark": entry.mark, "data": data}


# In the file a step is packed tighter than in a JSON document (a move is most of a
# board's history): short keys, and each person or link step as a list.
def _packed(entry: Entry) -> dict[str, Any]:
    change = delta_to_json(entry.delta) if entry.delta is not None else {}
    item: dict[str, Any] = {}
    if entry.step != "edit":
        item["s"] = entry.step
    if entry.label:
        item["l"] = entry.label
    if "people" in change:
        item["p"] = [[s["id"], s["before"], s["after"]] for s in change["people"]]
    if "links" in change:
        item["k"] = [[s["from"], s["to"], s["kind"], s["before"], s["after"]] for s in change["links"]]
    for key, short in (("board", "b"), ("views", "v")):
        if key in change:
            item[short] = [change[key]["before"], change[key]["after"]]
    return item


def _unpacked(item: dict[str, Any]) -> dict[str, Any]:
    """The entry's ``step``, ``label`` and ``change`` as a JSON document has them."""
    def rows(key: str, width: int) -> list[Any]:
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, list) and len(v) == width for v in value):
            raise BoardError(key, "is not a list of steps")
        return value

    change: dict[str, Any] = {}
    if "p" in item:
        change["people"] = [{"id": i, "before": b, "after": a} for i, b, a in rows("p", 3)]
    if "k" in item:
        change["links"] = [{"from": f, "to": t, "kind": k, "before": b, "after": a} for f, t, k, b, a in rows("k", 5)]
    for key, short in (("board", "b"), ("views", "v")):
        if short in item:
            pair = item[short]
            if not isinstance(pair, list) or len(pair) != 2:
                raise BoardError(key, "needs before and after")
            change[key] = {"before": pair[0], "after": pair[1]}
    out: dict[str, Any] = {"change": change}
    if "s" in item:
        out["step"] = item["s"]
    if "l" in item:
        out["label"] = item["l"]
    return out


def _seconds(at: str) -> int:
    return int(datetime.datetime.fromisoformat(at.replace("Z", "+00:00")).timestamp())


def _at(value: Any) -> str:
    if type(value) is not int:
        raise BoardError("at", f"expected a time, got {str(value)[:30]!r}")
    try:
        return datetime.datetime.fromtimestamp(value, datetime.UTC).isoformat()[:19] + "Z"
    except (OverflowError, OSError, ValueError):
        raise BoardError("at", f"{value} is not a time") from None


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
            item: dict[str, Any] = {"at": _at(at), "by": by}
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
                item.update(_unpacked(decoded))
            entry = entry_at(item.pop("at"), item, place)
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
