"""A board's past: the board of any moment of its history, and moments by name.

A *moment* is a number of entries: moment ``k`` is the board after the first ``k``
entries (marks change nothing), moment ``len(entries)`` is now. The board of a past
moment is the board of now with the later steps undone, newest first. Loading the
timeline walks the whole history back once, which checks that every step agrees with
the board it meets (a damaged history is refused whole), and keeps a copy of the
board every :data:`SNAPSHOT_EVERY` steps, so that any moment is then a short walk
from the nearest copy.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from dmuboard.model.board import Board
from dmuboard.model.document import check_board
from dmuboard.model.errors import BoardError
from dmuboard.model.history.delta import Replay, delta_between
from dmuboard.model.history.entry import Entry

SNAPSHOT_EVERY = 256


class HistoryError(BoardError):
    """The history of a board is damaged or a moment cannot be found."""


@dataclass(frozen=True, slots=True)
class Moment:
    index: int  # entries in effect
    label: str  # how a person named it: the mark, the date, "now"
    day: datetime.date | None = None  # its calendar day (UTC); None: today


class Timeline:
    """The entries of a board, oldest first, and the board of now."""

    def __init__(self, now: Board, entries: Sequence[Entry], name: str = "the board") -> None:
        self.now = now
        self.entries = list(entries)
        self._name = name
        self._snapshots: dict[int, Board] = {}
        self._check_and_snapshot()

    def _check_and_snapshot(self) -> None:
        replay = Replay(self.now)
        count = len(self.entries)
        self._snapshots[count] = replay.board.copy()
        for index in range(count - 1, -1, -1):
            entry = self.entries[index]
            if entry.delta is not None:
                self._back(replay, index, entry)
            if index % SNAPSHOT_EVERY == 0:
                self._snapshots[index] = replay.board.copy()
        try:
            check_board(replay.board)
        except BoardError as error:
            raise HistoryError("", f"the history of {self._name} is damaged: at its start, {error}") from None

    def _back(self, replay: Replay, index: int, entry: Entry) -> None:
        assert entry.delta is not None
        try:
            replay.apply(entry.delta, backwards=True)
        except BoardError as error:
            raise HistoryError(
                "", f"the history of {self._name} is damaged: entry {index + 1} ({entry.at}): {error}"
            ) from None

    @property
    def end(self) -> int:
        return len(self.entries)

    def marks(self) -> list[tuple[int, Entry]]:
        return [(i, e) for i, e in enumerate(self.entries) if e.mark is not None]

    def board_at(self, index: int) -> Board:
        """The board after the first ``index`` entries (a new board, free to keep)."""
        index = max(0, min(index, self.end))
        start = min(k for k in self._snapshots if k >= index)
        replay = Replay(self._snapshots[start])
        for i in range(start - 1, index - 1, -1):
            entry = self.entries[i]
            if entry.delta is not None:
                self._back(replay, i, entry)
        try:
            check_board(replay.board)
        except BoardError as error:
            raise HistoryError("", f"the history of {self._name} is damaged: at entry {index}, {error}") from None
        return replay.board

    # -- naming moments ----------------------------------------------------------------

    def resolve(self, text: str, *, until: bool = False) -> Moment:
        """The moment a review mark's name or a date names.

        A mark is the board as it was when it was made. A date (``2026-11-30``) is the
        start of that day (UTC) for ``--since`` and its end for ``--until``; a
        date-time (``2026-11-30T14:00:00Z``) is the end of that second.
        """
        wanted = text.strip()
        for i, entry in reversed(list(enumerate(self.entries))):
            if entry.mark == wanted:
                return Moment(i, wanted, datetime.date.fromisoformat(entry.day))
        if wanted.lower() == "now":
            return Moment(self.end, "now")
        cut = _cut(wanted, until)
        if cut is None:
            known = [e.mark for e in self.entries if e.mark is not None]
            hint = f" (its marks: {', '.join(repr(m) for m in known[:5])})" if known else " (it has no review marks)"
            raise HistoryError(
                "", f"{text!r} is neither a review mark of {self._name}{hint} nor a date like 2026-11-30"
            )
        index = sum(1 for e in self.entries if e.at < cut)
        return Moment(index, wanted, datetime.date.fromisoformat(wanted[:10]))

    # -- compacting ----------------------------------------------------------------------

    def compacted(self) -> list[Entry]:
        """The marks, each with the steps since the one before merged into one step;
        the steps before the first mark are dropped (their start is no longer needed)."""
        out: list[Entry] = []
        marks = self.marks()
        if not marks:
            return []
        bounds = [i for i, _ in marks] + [self.end]
        previous = self.board_at(bounds[0])
        for n, (index, mark) in enumerate(marks):
            out.append(mark)
            group = [e for e in self.entries[index + 1:bounds[n + 1]] if e.delta is not None]
            if not group:
                continue
            board = self.board_at(bounds[n + 1])
            delta = delta_between(previous, board)
            previous = board
            if delta.people or delta.links or delta.info or delta.views:
                authors = list(dict.fromkeys(e.by for e in group))
                out.append(Entry(group[-1].at, ", ".join(authors)[:200], delta=delta,
                                 label=f"{len(group)} changes"))
        return out


def _cut(text: str, until: bool) -> str | None:
    """The first time that is no longer included, in the entries' own form."""
    try:
        day = datetime.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None
    if day is not None:
        if until:
            day += datetime.timedelta(days=1)
        return f"{day.isoformat()}T00:00:00Z"
    try:
        moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    moment = moment.astimezone(datetime.UTC) + datetime.timedelta(seconds=1)  # that second included
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
