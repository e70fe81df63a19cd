"""`dmuboard layout IN OUT [--geometry GEOM.json]` as shared/spec/cli.md describes it."""

from __future__ import annotations

import json
import math
from itertools import pairwise
from pathlib import Path

import pytest

from dmuboard.layout.quality import measure
from dmuboard.model import jsonformat
from tests.clikit import digest, one_error_line, run


@pytest.fixture
def sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "sample.json"
    assert run(capsys, "demo", path)[0] == 0
    return path


def test_layout_writes_the_laid_out_board_and_what_is_drawn(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, geom = tmp_path / "out.dmu", tmp_path / "geom.json"
    code, said, err = run(capsys, "layout", sample, out, "--geometry", geom)
    assert (code, err) == (0, ""), err
    assert str(out) in said
    board = json.loads(geom.read_text(encoding="utf-8"))
    assert set(board) == {"cards", "lines", "divide_x"} and board["divide_x"] == 0.0
    before = jsonformat.loads(sample.read_text(encoding="utf-8"))
    assert {c["id"] for c in board["cards"]} == set(before.people)
    assert len(board["lines"]) == len(before.links)
    cards = {c["id"]: (c["x"], c["y"], c["x"] + c["w"], c["y"] + c["h"]) for c in board["cards"]}
    for line in board["lines"]:
        points = line["points"]
        assert len(points) >= 2
        assert all(math.dist(a, b) > 0 for a, b in pairwise(points))
    q = measure(cards, [(k["from"], k["to"], k["kind"], [tuple(p) for p in k["points"]]) for k in board["lines"]])
    assert (q.across_cards, q.overlapping, q.up) == (0, 0, q.reporting)
    code, said, _ = run(capsys, "check", out)
    assert code == 0 and said.startswith("ok")


def test_layout_refuses_to_replace_a_file_without_force(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    out.write_text("keep me", encoding="utf-8")
    kept = digest(out)
    code, _, err = run(capsys, "layout", sample, out)
    assert code == 1 and "already exists" in one_error_line(err)
    assert digest(out) == kept
    assert run(capsys, "layout", sample, out, "--force")[0] == 0


def test_layout_of_a_file_that_is_not_a_board_says_so_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "layout", bad, tmp_path / "out.json")
    assert code == 1
    one_error_line(err)
    assert not (tmp_path / "out.json").exists()


def test_layout_with_a_geometry_file_not_ending_in_json_is_a_usage_error(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "layout", sample, tmp_path / "out.json", "--geometry", tmp_path / "g.txt")
    assert code == 2 and "GEOM" in one_error_line(err)
