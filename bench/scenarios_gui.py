"""Scenarios with a window (offscreen): start-up, opening a large board, dragging, memory."""

from __future__ import annotations

import time
from pathlib import Path

from bench.boards import board_file
from bench.harness import Result, interleaved, run_probe, summary
from dmuboard.sample import sample_board
from dmuboard.store import write_new


def _environment(folder: Path) -> dict[str, str]:
    return {"DMUBOARD_SETTINGS": str(folder / "bench-settings.ini"), "DMUBOARD_DATA_DIR": str(folder / "data")}


def startup(folder: Path, runs: int) -> list[Result]:
    """Process start to the first painted sample board, against a bare PySide6 window."""
    sample = folder / "sample.dmu"
    if not sample.exists():
        write_new(sample, sample_board())
    env = _environment(folder)

    def board() -> float:
        return run_probe("startup", "board", repr(time.time()), str(sample), env=env)["seconds"]

    def bare() -> float:
        return run_probe("startup", "bare", repr(time.time()), env=env)["seconds"]

    ours, base = interleaved(board, bare, runs)
    median, low, high = summary(ours)
    base_median = summary(base)[0]
    ratio = median / base_median
    return [Result("start-up to the first painted board (sample)", "s", median, low, high, runs,
                   "<= 2x a bare PySide6 window", ratio <= 2.0, base_median, ratio, samples=ours)]


_opened: list[dict[str, float]] = []


def _open_runs(folder: Path, runs: int) -> list[dict[str, float]]:
    if len(_opened) < runs:
        path = board_file(folder, 2000)
        env = _environment(folder)
        _opened.extend(run_probe("gui_open", str(path), env=env) for _ in range(runs - len(_opened)))
    return _opened


def open_large(folder: Path, runs: int) -> list[Result]:
    samples = [r["seconds"] for r in _open_runs(folder, runs)]
    median, low, high = summary(samples)
    return [Result("open a 2,000-person board in the GUI", "s", median, low, high, len(samples),
                   "<= 1.5 s", median <= 1.5, samples=samples)]


def memory(folder: Path, runs: int) -> list[Result]:
    samples = [r["peak_mb"] for r in _open_runs(folder, runs)]
    median, low, high = summary(samples)
    return [Result("peak memory with a 2,000-person board open", "MB", median, low, high, len(samples),
                   "<= 300 MB", high <= 300, note="judged on the highest run", samples=samples)]


def drag(folder: Path, runs: int) -> list[Result]:
    path = str(board_file(folder, 2000))
    results = []
    for selected in (1, 20):
        def board(n: int = selected) -> float:
            figures = run_probe("drag", "board", path, str(n))
            if not figures["moved"]:
                raise RuntimeError("the drag did not move the token")
            return figures["median_ms"]

        def bare(n: int = selected) -> float:
            return run_probe("drag", "bare", path, str(n))["median_ms"]

        ours, base = interleaved(board, bare, runs)
        median, low, high = summary(ours)
        base_median = summary(base)[0]
        ratio = median / base_median
        what = "one token" if selected == 1 else f"a {selected}-token selection"
        results.append(Result(f"drag {what} on 2,000 people: time per frame", "ms", median, low, high, runs,
                              "<= 16 ms and <= 3x bare scene", median <= 16 and ratio <= 3, base_median, ratio,
                              samples=ours))
    return results
