"""Damaged histories: every one is shown whole or refused with one clear line.

Seeded cases (``DMUBOARD_FUZZ_CASES`` scales them) start from a board with 40
recorded changes and four marks, as ``.dmu`` and ``.json``, and damage only the
history: rows of the ``history`` table set to wrong values, deleted or swapped, the
JSON of a step edited; in the document, the ``history`` list edited as the structure
fuzzer does. ``dmuboard history`` and ``dmuboard diff`` then exit 0 or 1, never with
a traceback, and a refusal is one line. A history that is accepted shows every one
of its moments.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import sqlite3
from pathlib import Path

import pytest

from dmuboard import boardio
from dmuboard.model.errors import UserError
from dmuboard.model.history import Timeline
from tests import fuzzing, summary
from tests.clikit import run
from tests.historykit import streamed_board

CASES = max(20, int(os.environ.get("DMUBOARD_FUZZ_CASES", "2000")) // 20)


def _damage_rows(path: Path, rng: random.Random) -> str:
    connection = sqlite3.connect(path, isolation_level=None)
    with contextlib.closing(connection):
        seqs = [row[0] for row in connection.execute("SELECT seq FROM history")]
        seq = rng.choice(seqs)
        kind = rng.choice(("value", "value", "json", "json", "delete", "swap"))
        if kind == "value":
            column = rng.choice(("at", "by", "mark", "data", "board_id"))
            value = rng.choice((None, "", 7, -2**62, "2026-13-45T99:00:00Z", "x" * 300, '{"p": 5}', '{"k": [[1]]}',
                                "[", b"\xff"))
            try:
                connection.execute(f"UPDATE history SET {column} = ? WHERE seq = ?", (value, seq))
            except sqlite3.IntegrityError:  # NOT NULL: the file keeps that rule itself
                connection.execute("DELETE FROM history WHERE seq = ?", (seq,))
                return f"history.{column} of {seq} NULL refused by SQLite; deleted it instead"
            return f"history.{column} of {seq} = {str(value)[:20]!r}"
        if kind == "json":
            (data,) = connection.execute("SELECT data FROM history WHERE data IS NOT NULL AND seq >= ? "
                                         "ORDER BY seq LIMIT 1", (seq,)).fetchone()
            text, done = fuzzing.mutate_json(data.encode("utf-8"), rng)
            connection.execute("UPDATE history SET data = ? WHERE data = ?", (text.decode("utf-8", "replace"), data))
            return f"step data: {done}"
        if kind == "delete":
            connection.execute("DELETE FROM history WHERE seq = ?", (seq,))
            return f"deleted entry {seq}"
        other = rng.choice(seqs)
        connection.execute("UPDATE history SET seq = -1 WHERE seq = ?", (seq,))
        connection.execute("UPDATE history SET seq = ? WHERE seq = ?", (seq, other))
        connection.execute("UPDATE history SET seq = ? WHERE seq = -1", (other,))
        return f"swapped entries {seq} and {other}"


def _damage_document(source: Path, target: Path, rng: random.Random) -> str:
    document = json.loads(source.read_text(encoding="utf-8"))
    containers = fuzzing._containers(document["history"], [])
    done = fuzzing._edit_container(rng.choice(containers), rng)
    try:
        target.write_text(json.dumps(document), encoding="utf-8")
    except (RecursionError, ValueError):
        target.write_text("{}", encoding="utf-8")
    return f"document history: {done}"


def _problems(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    found = []
    for argv in (["history", path], ["diff", path, "--since", "mark 10", "--json"]):
        code, _, err = run(capsys, *argv)
        if code not in (0, 1):
            found.append(f"{argv[0]} exited {code}: {err[:200]}")
        if "Traceback" in err or "internal error" in err:
            found.append(f"{argv[0]} crashed: {err[:300]}")
        if code == 1 and not (err.startswith("dmuboard: ") and err.count("\n") == 1):
            found.append(f"{argv[0]} refused without one clear line: {err[:300]!r}")
    try:
        board, entries = boardio.read_board_with_history(path)
    except UserError:
        return found
    timeline = Timeline(board, entries)
    for index in range(timeline.end + 1):
        with contextlib.suppress(UserError):  # refused with a message: never shown half
            timeline.board_at(index)
    return found


def test_damaged_history_is_refused_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed_dmu = streamed_board(tmp_path / "seed.dmu", 40)
    seed_json = tmp_path / "seed.json"
    board, entries = boardio.read_board_with_history(seed_dmu)
    boardio.write_board(seed_json, board, history=entries)
    failures = []
    refused = 0
    for case in range(CASES):
        rng = random.Random(f"history-{case}")
        if case % 2:
            target = tmp_path / "case.dmu"
            target.write_bytes(seed_dmu.read_bytes())
            done = _damage_rows(target, rng)
        else:
            target = tmp_path / "case.json"
            done = _damage_document(seed_json, target, rng)
        problems = _problems(target, capsys)
        failures += [f"case {case} ({done}): {p}" for p in problems]
        try:
            boardio.read_board_with_history(target)
        except UserError:
            refused += 1
    summary.record("history-fuzz", CASES, len(failures))
    assert not failures, "\n".join(failures[:20])
    assert refused > CASES // 4  # the damage is found, not waved through
