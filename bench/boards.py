"""The benchmark boards: generated with fixed seeds, written once per run."""

from __future__ import annotations

from pathlib import Path

from dmuboard.model.generate import generate_board
from dmuboard.store import write_new

SIZES = (20, 300, 2000)
SEED = 2026


def board_file(folder: Path, people: int) -> Path:
    path = folder / f"board-{people}.dmu"
    if not path.exists():
        write_new(path, generate_board(people, seed=SEED))
    return path
