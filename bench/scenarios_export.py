"""`dmuboard export` to PDF and to PowerPoint, the whole process from start to finish, as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.boards import board_file
from bench.harness import ROOT, Result, repeat, summary


def export_pdf(folder: Path, runs: int) -> list[Result]:
    return _export(folder, runs, ".pdf", "PDF", ((300, 1.0), (2000, 5.0)))


def export_pptx(folder: Path, runs: int) -> list[Result]:
    """Editable slides of a 300-person board (split into parts, with an overview)."""
    return _export(folder, runs, ".pptx", "PowerPoint", ((300, 2.0),))


def _export(folder: Path, runs: int, suffix: str, name: str, cases: tuple[tuple[int, float], ...]) -> list[Result]:
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    results = []
    for people, limit in cases:
        board = board_file(folder, people)
        out = folder / f"export-{people}{suffix}"

        def once(board: Path = board, out: Path = out) -> float:
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "dmuboard", "export", str(board), str(out), "--force"],
                                  cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300)
            elapsed = time.perf_counter() - start
            if done.returncode != 0 or not out.is_file():
                raise RuntimeError(f"export failed: {done.stderr.strip()[-300:]}")
            return elapsed

        samples = repeat(once, runs)
        median, low, high = summary(samples)
        results.append(Result(f"dmuboard export to {name}, {people} people, whole process", "s", median, low, high,
                              len(samples), f"<= {limit:g} s", median <= limit, samples=samples))
    return results
