"""Coordinates have a range (|x|, |y| <= 1,000,000, docs/spec/board-format.md); beyond it
readers refuse with the limit named, and every board inside it exports as PNG, PDF and
SVG (issue 15, point 8)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from xml.etree import ElementTree

import pytest

from dmuboard.model import jsonformat
from dmuboard.model.board import Person
from dmuboard.store import write_new
from tests.boardkit import sample_board
from tests.clikit import digest, one_error_line, run


def _far_board(tmp_path: Path, x: float, y: float) -> Path:
    board = sample_board()
    board.people["p1"] = Person("p1", "customer", "Far Away", "CFO", x=x, y=y)
    path = tmp_path / "far.dmu"
    write_new(path, board)
    return path


@pytest.mark.parametrize(("x", "y"), [(150_000.0, 0.0), (1_000_000.0, -1_000_000.0), (-1_000_000.0, 40.0)])
@pytest.mark.parametrize("suffix", [".png", ".pdf", ".svg"])
def test_every_board_that_check_passes_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], x: float, y: float, suffix: str
) -> None:
    path = _far_board(tmp_path, x, y)
    assert run(capsys, "check", path)[0] == 0
    out = tmp_path / f"far{suffix}"
    code, said, err = run(capsys, "export", path, out)
    assert code == 0, err
    assert "Traceback" not in err and out.stat().st_size > 100
    if suffix == ".svg":
        ElementTree.parse(out)
    if suffix == ".png" and abs(x) >= 1_000_000:
        assert "DPI (the board is too large" in said


@pytest.mark.parametrize("value", [1e18, -1_000_001.0, 2e6])
def test_a_json_beyond_the_range_is_refused_with_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: float
) -> None:
    document = json.loads(jsonformat.dumps(sample_board()))
    document["people"][0]["x"] = value
    path = tmp_path / "far.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = run(capsys, "check", path)
    assert code == 1
    line = one_error_line(err)
    assert "outside the board" in line and "1,000,000" in line


def test_a_dmu_beyond_the_range_is_refused_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _far_board(tmp_path, 10.0, 10.0)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE people SET x = 1e18 WHERE id = 'p1'")
    connection.close()
    before = digest(path)
    code, _, err = run(capsys, "check", path)
    assert code == 1 and "outside the board" in one_error_line(err)
    assert digest(path) == before
