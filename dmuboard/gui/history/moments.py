"""The rows of the History panel: each day with changes and each review mark, as
moments of the board's timeline (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass

from dmuboard.model.history import Timeline


@dataclass(frozen=True, slots=True)
class Row:
    index: int  # the moment: entries in effect
    text: str
    mark: str | None = None


def rows(timeline: Timeline) -> list[Row]:
    """Oldest first: a row per day (the board at the end of that day) and per mark."""
    out: list[Row] = []
    entries = timeline.entries
    count = 0
    for i, entry in enumerate(entries):
        if entry.mark is not None:
            out.append(Row(i, f"★ {entry.mark} — {entry.day}", entry.mark))
            continue
        count += 1
        last_of_day = i + 1 == len(entries) or entries[i + 1].day != entry.day or entries[i + 1].mark is not None
        if last_of_day:
            out.append(Row(i + 1, f"{entry.day} — {count} change{'s' if count != 1 else ''}"))
            count = 0
    return out


def describe(timeline: Timeline, index: int) -> str:
    """How the banner names a moment: the mark made there, else the time of its last step."""
    if index >= timeline.end:
        return "now"
    marks = [e.mark for e in timeline.entries[index:index + 1] if e.mark is not None]
    if marks:
        return f"“{marks[0]}”"
    if index == 0:
        return "the start of its history"
    at = timeline.entries[index - 1].at
    return f"{at[:10]} {at[11:16]} UTC (after change {index} of {timeline.end})"
