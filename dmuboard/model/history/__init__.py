"""A board's history: every applied change as a step, review marks, and the board of
any moment. Plain Python, no Qt and no database (the store keeps the entries)."""

from dmuboard.model.history.compare import BoardDiff, FieldChange, compare, diff_to_json
from dmuboard.model.history.delta import Delta, delta_between, delta_of
from dmuboard.model.history.entry import Entry, entries_from_json, entry_to_json, now_utc, system_user
from dmuboard.model.history.timeline import HistoryError, Moment, Timeline

__all__ = [
    "BoardDiff",
    "Delta",
    "Entry",
    "FieldChange",
    "HistoryError",
    "Moment",
    "Timeline",
    "compare",
    "delta_between",
    "delta_of",
    "diff_to_json",
    "entries_from_json",
    "entry_to_json",
    "now_utc",
    "system_user",
]
