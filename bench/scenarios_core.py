"""Scenarios without a window: writing one change, analysis."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

from bench.boards import board_file
from bench.harness import Result, interleaved, repeat, summary, timed
from dmuboard.model.document import Change
from dmuboard.store import BoardFile


def change_write(folder: Path, runs: int) -> list[Result]:
    """One move written to the file: a 2,000-person board against a 20-person board."""
    big = BoardFile.open(board_file(folder, 2000))
    small = BoardFile.open(board_file(folder, 20))
    counter = itertools.count()

    def mover(store: BoardFile):
        document = store.document()
        person = next(p for p in document.board.people.values() if p.side == "customer")

        def move() -> float:
            step = next(counter)
            moved = replace(document.board.people[person.id], x=-300.0 - step % 50, y=float(step % 7))
            change = Change(people=(moved,))
            return timed(lambda: document.apply(change))

        return move

    batch = 20

    def many(move):
        return lambda: sum(move() for _ in range(batch)) / batch

    ours, base = interleaved(many(mover(big)), many(mover(small)), runs)
    big.close()
    small.close()
    median, low, high = summary(ours)
    base_median = summary(base)[0]
    ratio = median / base_median
    return [Result("one change written, 2,000 vs 20 people", "ms", median * 1e3, low * 1e3, high * 1e3, runs,
                   "ratio <= 1.5", ratio <= 1.5, base_median * 1e3, ratio, samples=ours)]


def analysis(folder: Path, runs: int) -> list[Result]:
    try:
        from dmuboard.analysis import analyze
    except ImportError as error:
        return [Result("analysis", "ms", 0, 0, 0, 0, "", False, note=f"could not run: {error}")]
    results = []
    for people, limit in ((300, 30), (2000, 200)):
        with BoardFile.open(board_file(folder, people), read_only="benchmark") as store:
            board = store.board
        samples = repeat(lambda b=board: timed(lambda: analyze(b)), runs * 3)
        median, low, high = (v * 1e3 for v in summary(samples))
        results.append(Result(f"analysis, {people} people", "ms", median, low, high, len(samples),
                              f"<= {limit} ms", median <= limit, samples=samples))
    return results
