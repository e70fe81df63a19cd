"""The proposal shows no rating of the customer's people: no influence dots, every card
at one size, no relationship strength. Two boards that differ only in influence and
strength give the same proposal picture, and the canvas in its proposal profile draws
a person of influence 1 exactly as one of influence 5."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage, QPainter

from dmuboard.gui.canvas.scene import BoardScene
from dmuboard.gui.common.editor import Editor
from dmuboard.model import jsonformat
from dmuboard.model.board import Board
from dmuboard.model.document import Document
from dmuboard.sample import sample_board
from tests.clikit import run


def _rated_otherwise(board: Board) -> Board:
    """The same board with every influence and every relationship strength changed."""
    other = board.copy()
    for pid, person in board.people.items():
        other.people[pid] = replace(person, influence=6 - person.influence if person.influence != 3 else 5)
    for lid, link in board.links.items():
        if link.strength is not None:
            other.links[lid] = replace(link, strength=6 - link.strength if link.strength != 3 else 1)
    return other


def test_two_boards_differing_only_in_ratings_give_the_same_proposal_picture(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    board = sample_board()
    other = _rated_otherwise(board)
    assert [p.influence for p in board.people.values()] != [p.influence for p in other.people.values()]
    pictures = []
    for name, which in (("a", board), ("b", other)):
        source = tmp_path / f"{name}.json"
        source.write_text(jsonformat.dumps(which), encoding="utf-8")
        code, _out, err = run(capsys, "export", source, tmp_path / f"{name}.png", "--profile", "proposal")
        assert code == 0, err
        image = QImage(str(tmp_path / f"{name}.png"))
        assert not image.isNull()
        pictures.append(image)
    assert pictures[0] == pictures[1]
    # ... while the internal export does show the ratings
    for name in ("a", "b"):
        run(capsys, "export", tmp_path / f"{name}.json", tmp_path / f"{name}-internal.png")
    assert QImage(str(tmp_path / "a-internal.png")) != QImage(str(tmp_path / "b-internal.png"))


def test_the_proposal_canvas_draws_no_influence_and_one_card_size(qtbot: Any) -> None:
    """A card of influence 1 and one of influence 5 look alike in the proposal profile:
    same size, same pixels (no dots); in the internal profile they differ."""
    board = sample_board()
    pid = next(p.id for p in board.customers())
    grabs: dict[tuple[str, int], tuple[tuple[float, float], QImage]] = {}
    for influence in (1, 5):
        copy = board.copy()
        copy.people[pid] = replace(copy.people[pid], influence=influence)
        scene = BoardScene(Editor(Document(copy)))
        for profile in ("internal", "proposal"):
            scene.set_profile(profile)
            token = scene.tokens[pid]
            image = QImage(200, 120, QImage.Format.Format_ARGB32)
            image.fill(0)
            painter = QPainter(image)
            painter.translate(100, 60)
            token.paint(painter, None, None)  # type: ignore[arg-type]
            painter.end()
            grabs[(profile, influence)] = (token.size, image)
    assert grabs[("proposal", 1)][0] == grabs[("proposal", 5)][0]
    assert grabs[("proposal", 1)][1] == grabs[("proposal", 5)][1]
    assert grabs[("internal", 1)][0] != grabs[("internal", 5)][0]
