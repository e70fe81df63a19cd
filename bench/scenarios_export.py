"""`dmuboard export` to PDF and to PowerPoint, the whole process from start to finish, as a user runs it."""

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
    return _export(folder, runs, ".pdf", "PDF", ((300, 1.0), (2000, 5.0)))


def export_pptx(folder: Path, runs: int) -> list[Result]:
    """Editable slides of a 300-person board (split into parts, with an overview)."""
    return _export(folder, runs, ".pptx", "PowerPoint", ((300, 2.0),))


def _export(folder: Path, runs: int, suffix: str, name: str, cases: tuple[tuple[int, float], ...]) -> list[Result]:
    results = []
    for people, limit in cases:
        board = board_file(folder, people)
        out = folder / f"export-{people}{suffix}"
        samples = repeat(lambda board=board, out=out: _export_once(board, out), runs)
        median, low, high = summary(samples)
        results.append(Result(f"dmuboard export to {name}, {people} people, whole process", "s", median, low, high,
                              len(samples), f"<= {limit:g} s", median <= limit, samples=samples))
    return results
