"""History in words, for the command line and the timeline: one line per entry, and a
change of a field as "skeptic → supporter"."""

from __future__ import annotations

from typing import Any

from dmuboard.model.history.delta import Delta
from dmuboard.model.history.entry import Entry


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def delta_summary(delta: Delta) -> str:
    """``2 people added, 1 link removed, 1 person changed`` (moves count as changes)."""
    parts = []
    for steps, one, many in ((delta.people, "person", "people"), (delta.links, "link", "links")):
        added = sum(1 for s in steps if s.before is None)
        removed = sum(1 for s in steps if s.after is None)
        changed = len(steps) - added - removed
        for number, what in ((added, "added"), (removed, "removed"), (changed, "changed")):
            if number:
                parts.append(f"{_count(number, one, many)} {what}")
    if delta.info is not None:
        parts.append("deal details changed")
    if delta.views is not None:
        parts.append("saved views changed")
    return ", ".join(parts) or "nothing"


def entry_line(entry: Entry) -> str:
    """``2026-12-03 16:32:11  sam  mark: QBR Q3`` or ``... sam  undo Move: 1 person changed``."""
    when = entry.at.replace("T", " ").rstrip("Z")
    if entry.mark is not None:
        return f"{when}  {entry.by}  mark: {entry.mark}"
    what = entry.label or "Edit"
    if entry.step != "edit":
        what = f"{entry.step} {what}"
    return f"{when}  {entry.by}  {what}: {delta_summary(entry.delta or Delta())}"


def shown(value: Any) -> str:
    """A field's value in a sentence: lists joined, nothing as "—"."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def before_after(before: Any, after: Any) -> str:
    return f"{shown(before)} → {shown(after)}"
