"""Boards with a recorded history, shared by the history tests."""

from __future__ import annotations

import datetime
import sqlite3
from dataclasses import replace
from pathlib import Path

from dmuboard.model.board import Link
from dmuboard.model.document import Change
from dmuboard.store import BoardFile, write_new
from tests.boardkit import ChangeStream, sample_board


def set_times(path: Path, *times: str) -> None:
    """Give the entries of ``path``, oldest first, these times (the rest keep theirs)."""
    with sqlite3.connect(path) as connection:
        seqs = [row[0] for row in connection.execute("SELECT seq FROM history ORDER BY seq")]
        for seq, at in zip(seqs, times, strict=False):
            seconds = int(datetime.datetime.fromisoformat(at.replace("Z", "+00:00")).timestamp())
            connection.execute("UPDATE history SET at = ? WHERE seq = ?", (seconds, seq))
    connection.close()


def reviewed_board(path: Path) -> Path:
    """The test sample board with a kick-off mark, then a review's worth of changes:
    Fatima (p3) turns from skeptic to supporter, a new person joins with a relationship,
    the consultant (p4) leaves, and Sam's relationship with Ingrid gets stronger."""
    write_new(path, sample_board())
    with BoardFile.open(path) as store:
        store.author = "Sam de Wit"
        doc = store.document()
        store.add_mark("Kick-off")
        p3 = doc.board.people["p3"]
        doc.apply(Change(people=(replace(p3, stance="supporter"),), label="Stance"))
        new = replace(p3, id="p9", name="Noor Visser", title="COO", roles=("decider",), stance="neutral",
                      notes="", x=-600.0, y=-300.0)
        doc.apply(Change(people=(new,), links=(Link("l20", "u2", "p9", "relationship", 2),), label="Add"))
        doc.apply(doc.removal(["p4"], label="Delete"))
        doc.apply(Change(links=(replace(doc.board.links["l1"], strength=4),), label="Strength"))
        store.add_mark("QBR Q3")
    return path


def streamed_board(path: Path, changes: int, seed: int = 3) -> Path:
    """The sample board after ``changes`` random changes, with marks along the way."""
    write_new(path, sample_board())
    with BoardFile.open(path) as store:
        stream = ChangeStream(store.document(), seed)
        done = 0
        while done < changes:
            if stream.step():
                done += 1
                if done % 10 == 0:
                    store.add_mark(f"mark {done}")
    return path
