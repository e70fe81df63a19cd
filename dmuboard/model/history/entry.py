"""The entries of a board's history: recorded steps and review marks, oldest first.

Each entry has ``at`` (UTC, to the second, ``2026-12-03T16:32:11Z``) and ``by`` (who
made it). A step carries its :class:`~dmuboard.model.history.delta.Delta` and what
it was (``edit``, or the ``undo`` or ``redo`` of one, with the edit's label); a mark
carries only its name: it names the board as it was at that point.
"""

from __future__ import annotations

import datetime
import getpass
from dataclasses import dataclass
from typing import Any

from dmuboard.model.errors import BoardError
from dmuboard.model.history.delta import Delta, delta_from_json, delta_to_json

STEPS = ("edit", "undo", "redo")
MAX_BY = 200
MAX_MARK = 200


@dataclass(frozen=True, slots=True)
class Entry:
    at: str
    by: str
    mark: str | None = None
    delta: Delta | None = None
    step: str = "edit"
    label: str = ""
    seq: int = 0  # its row in a .dmu file (0: not stored)

    @property
    def is_mark(self) -> bool:
        return self.mark is not None

    @property
    def day(self) -> str:
        return self.at[:10]


def now_utc() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def system_user() -> str:
    """The name of whoever runs the program, for entries made without a profile name."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name to be found (some containers)
        name = ""
    return name.strip()[:MAX_BY] or "unknown"


def parse_at(value: Any, place: str = "at") -> str:
    """An entry's time in the one form kept (``2026-12-03T16:32:11Z``); anything ISO
    with a zone is accepted and turned into UTC."""
    if not isinstance(value, str):
        raise BoardError(place, f"expected an ISO date-time in UTC, got {value!r:.40}")
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise BoardError(place, f"{value[:40]!r} is not an ISO date-time") from None
    if moment.tzinfo is None:
        raise BoardError(place, f"{value[:40]!r} has no time zone (write it in UTC, ending in Z)")
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def mark_name(value: Any, place: str = "mark") -> str:
    if not isinstance(value, str) or not value.strip():
        raise BoardError(place, "a review mark needs a name")
    name = value.strip()
    if len(name) > MAX_MARK:
        raise BoardError(place, f"must be 1 to {MAX_MARK} characters, got {len(name)}")
    return name


def entry_to_json(entry: Entry) -> dict[str, Any]:
    item: dict[str, Any] = {"at": entry.at, "by": entry.by}
    if entry.mark is not None:
        item["mark"] = entry.mark
        return item
    if entry.step != "edit":
        item["step"] = entry.step
    if entry.label:
        item["label"] = entry.label
    item["change"] = delta_to_json(entry.delta or Delta())
    return item


def entry_from_json(data: Any, place: str) -> Entry:
    """One entry of a document's ``history``, its shape checked; :class:`BoardError` names the place."""
    if not isinstance(data, dict):
        raise BoardError(place, "expected an object")
    return entry_at(parse_at(data.get("at"), f"{place}.at"), data, place)


def entry_at(at: str, data: dict[str, Any], place: str) -> Entry:
    """:func:`entry_from_json` for an entry whose time ``at`` is already in the kept form."""
    by = data.get("by")
    if not isinstance(by, str) or not 1 <= len(by) <= MAX_BY:
        raise BoardError(f"{place}.by", f"expected a name of 1 to {MAX_BY} characters")
    if "mark" in data:
        if "change" in data:
            raise BoardError(place, "has both a mark and a change")
        return Entry(at, by, mark=mark_name(data["mark"], f"{place}.mark"))
    if "change" not in data:
        raise BoardError(place, "needs either a mark or a change")
    step = data.get("step", "edit")
    if step not in STEPS:
        raise BoardError(f"{place}.step", f"{step!r:.40} is not one of {', '.join(STEPS)}")
    label = data.get("label", "")
    if not isinstance(label, str) or len(label) > MAX_MARK:
        raise BoardError(f"{place}.label", f"expected text of up to {MAX_MARK} characters")
    try:
        delta = delta_from_json(data["change"])
    except BoardError as error:
        raise error.within(f"{place}.change") from None
    return Entry(at, by, delta=delta, step=step, label=label)


def entries_from_json(data: Any, place: str = "history") -> list[Entry]:
    if not isinstance(data, list):
        raise BoardError(place, "expected a list of entries")
    entries = [entry_from_json(item, f"{place}[{i}]") for i, item in enumerate(data)]
    for i in range(1, len(entries)):
        if entries[i].at < entries[i - 1].at:
            raise BoardError(f"{place}[{i}].at", "is earlier than the entry before it (oldest first)")
    return entries
