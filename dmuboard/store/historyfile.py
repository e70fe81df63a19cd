"""The history operations of an open .dmu file: reading it, review marks, compacting.

:class:`HistoryOfFile` is a part of :class:`~dmuboard.store.boardfile.BoardFile`; the
recording of each change happens in ``BoardFile.write``, in the change's own transaction.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from dmuboard.model.board import Board
from dmuboard.model.errors import BoardError
from dmuboard.model.history.entry import Entry, mark_name, now_utc
from dmuboard.model.history.timeline import HistoryError, Timeline
from dmuboard.store import historyrows

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from dmuboard.store.boardfile import RowWriter


class HistoryOfFile:
    """Mixed into BoardFile: what it needs from it is declared here."""

    path: Path
    author: str
    rows: RowWriter
    _raw: sqlite3.Connection

    @property
    def _board_now(self) -> Board:
        raise NotImplementedError

    def _writing(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def history(self) -> list[Entry]:
        """Every recorded step and mark, oldest first (read from the file now)."""
        return historyrows.read(self._raw, self.rows.board_id, self.path.name)

    def timeline(self) -> Timeline:
        """The history checked against the board of now; :class:`HistoryError` if damaged."""
        return Timeline(self._board_now, self.history(), self.path.name)

    def add_mark(self, name: str) -> Entry:
        """Name the board as it is now (a review mark); names are unique."""
        name = self._free_mark_name(name)
        entry = Entry(now_utc(), self.author, mark=name)
        with self._writing() as connection:
            historyrows.insert(connection, self.rows.board_id, [entry])
        return entry

    def rename_mark(self, old: str, new: str) -> None:
        from sqlalchemy import update

        from dmuboard.store.schema import HistoryRow

        self._known_mark(old)
        new = self._free_mark_name(new, allow=old)
        with self._writing() as connection:
            connection.execute(update(HistoryRow).where(HistoryRow.board_id == self.rows.board_id,
                                                        HistoryRow.mark == old).values(mark=new))

    def delete_mark(self, name: str) -> None:
        from sqlalchemy import delete

        from dmuboard.store.schema import HistoryRow

        self._known_mark(name)
        with self._writing() as connection:
            connection.execute(delete(HistoryRow).where(HistoryRow.board_id == self.rows.board_id,
                                                        HistoryRow.mark == name))

    def compact_history(self) -> int:
        """Keep the marks and merge the steps between them; the number of entries removed."""
        from sqlalchemy import delete

        from dmuboard.store.schema import HistoryRow

        timeline = self.timeline()
        kept = timeline.compacted()
        with self._writing() as connection:
            connection.execute(delete(HistoryRow).where(HistoryRow.board_id == self.rows.board_id))
            historyrows.insert(connection, self.rows.board_id, kept)
        return timeline.end - len(kept)

    def _known_mark(self, name: str) -> None:
        if name not in historyrows.mark_names(self._raw, self.rows.board_id):
            raise HistoryError("", f"{self.path.name} has no review mark named {name!r}")

    def _free_mark_name(self, name: str, allow: str | None = None) -> str:
        try:
            name = mark_name(name)
        except BoardError as error:
            raise HistoryError("", f"review mark: {error.problem}") from None
        if name != allow and name in historyrows.mark_names(self._raw, self.rows.board_id):
            raise HistoryError("", f"{self.path.name} already has a review mark named {name!r}")
        return name

