"""Killing the program at any moment loses at most the change in flight, and the
board's history always agrees with the board (a change and its record are one).

A child process (``tests/crash_child.py``) applies a seeded stream of random changes
through Document and BoardFile, exactly as the GUI does, and says ``done N`` after
each apply returns. The test kills it with SIGKILL at a random moment, then opens
the file the normal way and compares it with the board the same stream gives after
N or N + 1 changes, recomputed here in memory.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from dmuboard.model.document import Document
from dmuboard.store import BoardFile, write_new
from tests import summary
from tests.boardkit import run_stream, same_board, same_content, sample_board

CHILD = Path(__file__).with_name("crash_child.py")
TRIALS = int(os.environ.get("DMUBOARD_KILL_TRIALS", "20"))


def _run_and_kill(path: Path, seed: int, delay: float) -> int:
    """Start the child on ``path``, kill it ``delay`` seconds after it is ready; return N."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), str(seed)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert child.stdout is not None
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line.strip())
            if line.startswith("ready"):
                ready.set()
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    ready.wait(timeout=60)
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    reader.join(timeout=30)
    errors = child.stderr.read() if child.stderr else ""
    assert "ready" in lines, f"the child did not start: {errors}"
    assert child.returncode == -signal.SIGKILL, f"the child ended by itself ({child.returncode}): {errors}"
    done = [int(line.split()[1]) for line in lines if line.startswith("done ")]
    return done[-1] if done else 0


def _trial(folder: Path, seed: int) -> str | None:
    """One kill; None when the file is as it should be, else what was wrong."""
    path = folder / f"trial-{seed}.dmu"
    write_new(path, sample_board())
    delay = random.Random(seed).uniform(0.0, 0.4)
    acknowledged = _run_and_kill(path, seed, delay)
    expected = run_stream(Document(sample_board()), seed, acknowledged + 1)
    try:
        with BoardFile.open(path) as store:
            found = store.board.copy()
            timeline = store.timeline()
    except Exception as error:  # a refusal after a crash is exactly the failure sought
        return f"seed {seed}: after {acknowledged} changes the file or its history did not open: {error}"
    with sqlite3.connect(path) as check:
        integrity = check.execute("PRAGMA quick_check").fetchall()
    check.close()
    if integrity != [("ok",)]:
        return f"seed {seed}: quick_check says {integrity}"
    for n in (acknowledged, acknowledged + 1):
        board, people, links = expected[n]
        if same_board(found, board) and list(found.people) == people and list(found.links) == links:
            if timeline.end != n:
                return f"seed {seed}: the board has {n} changes, its history {timeline.end}"
            if not same_content(timeline.board_at(0), sample_board()):
                return f"seed {seed}: the history does not lead back to the board the changes began on"
            return None
    return f"seed {seed}: the file matches neither change {acknowledged} nor {acknowledged + 1}"


def test_killed_writer_leaves_last_acknowledged_or_next_board(tmp_path: Path) -> None:
    """After SIGKILL at a random moment the file opens, passes quick_check, and holds
    the board after exactly the acknowledged changes or one more."""
    failures = []
    for trial in range(TRIALS):
        seed = 1000 + trial
        problem = _trial(tmp_path, seed)
        if problem:
            failures.append(problem)
        for leftover in tmp_path.glob(f"trial-{seed}.dmu*"):
            leftover.unlink()
    summary.record("crash-safety", TRIALS, len(failures), unit="trials")
    assert not failures, "\n".join(failures)


def test_stream_replays_identically() -> None:
    """The stream the parent recomputes is deterministic: two runs give the same boards."""
    first = run_stream(Document(sample_board()), 7, 60)
    second = run_stream(Document(sample_board()), 7, 60)
    assert [shot[1:] for shot in first] == [shot[1:] for shot in second]
    assert all(same_board(a[0], b[0]) for a, b in zip(first, second, strict=True))
    assert not same_board(first[0][0], first[-1][0])


def _crashed_copy(source: Path, folder: Path) -> Path:
    """A copy of ``source`` as a crash in the middle of a change leaves it: the file
    with half of the change's pages written and the hot journal beside it."""
    crashed = folder / "crashed.dmu"
    writer = sqlite3.connect(source, isolation_level=None)
    writer.execute("PRAGMA cache_size = 1")  # spill changed pages into the file before commit
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE people SET notes = ? ", ("half-written " * 1000,))
    writer.execute("DELETE FROM links")
    crashed.write_bytes(source.read_bytes())
    (folder / "crashed.dmu-journal").write_bytes(source.with_name(source.name + "-journal").read_bytes())
    writer.execute("ROLLBACK")
    writer.close()
    return crashed


def test_file_left_with_hot_journal_opens_with_last_committed_board(tmp_path: Path) -> None:
    """A board whose writer died mid-change opens (no "damaged" refusal) and holds the
    board as it was before that change; the journal is gone afterwards."""
    source = tmp_path / "board.dmu"
    write_new(source, sample_board())
    crashed = _crashed_copy(source, tmp_path)
    assert (tmp_path / "crashed.dmu-journal").stat().st_size > 0
    with BoardFile.open(crashed) as store:
        assert same_board(store.board, sample_board())
    assert not (tmp_path / "crashed.dmu-journal").exists()


def test_file_left_with_hot_journal_opens_for_reading_too(tmp_path: Path) -> None:
    """Opening a crashed board only to read it (as convert and check do) works as well."""
    source = tmp_path / "board.dmu"
    write_new(source, sample_board())
    crashed = _crashed_copy(source, tmp_path)
    with BoardFile.open(crashed, read_only="it is only being read") as store:
        assert same_board(store.board, sample_board())
        assert store.document().read_only
