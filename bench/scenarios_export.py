"""`dmuboard export` to PDF, the whole process from start to finish, as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.boards import board_file
from bench.harness import ROOT, Result, interleaved, repeat, summary


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}


def _export_once(board: Path, out: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "dmuboard", "export", str(board), str(out), "--force"],
                          cwd=ROOT, env=_environment(), capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - start
    if done.returncode != 0 or not out.is_file():
        raise RuntimeError(f"export failed: {done.stderr.strip()[-300:]}")
    return elapsed


def export_png_vs_pdf(folder: Path, runs: int) -> list[Result]:
    """PNG of a large board within 2x of the PDF of the same board (issue 15 point 13),
    the two alternating in one run."""
    board = board_file(folder, 2000)
    png, pdf = folder / "export-2000.png", folder / "export-2000.pdf"
    png_times, pdf_times = interleaved(lambda: _export_once(board, png), lambda: _export_once(board, pdf),
                                       max(1, runs // 2))
    median, low, high = summary(png_times)
    base, _, _ = summary(pdf_times)
    ratio = median / base
    return [Result("dmuboard export to PNG vs PDF, 2000 people, whole process", "s", median, low, high,
                   len(png_times), "<= 2x PDF", ratio <= 2.0, baseline=base, ratio=ratio, samples=png_times)]


def export_pdf(folder: Path, runs: int) -> list[Result]:
    environment = _environment()
    results = []
    for people, limit in ((300, 1.0), (2000, 5.0)):
        board = board_file(folder, people)
        out = folder / f"export-{people}.pdf"

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
        results.append(Result(f"dmuboard export to PDF, {people} people, whole process", "s", median, low, high,
                              len(samples), f"<= {limit:g} s", median <= limit, samples=samples))
    return results
