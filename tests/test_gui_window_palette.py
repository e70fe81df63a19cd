"""The palette: role tokens that drag onto the canvas or add a person with a double-click."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDrag

from dmuboard.gui.common.mime import read_token
from dmuboard.model.board import ROLES
from tests.gui_window_kit import QT_NOISE, WindowKit, board_on_disk

pytestmark = QT_NOISE



def test_nine_roles_and_a_team_member_with_explanations(kit: WindowKit) -> None:
    """The palette offers the nine DMU roles for their side and a team member for ours, each
    explained in its tool tip (with the Dutch word)."""
    palette = kit.window(kit.board()).token_palette
    assert [(t.side, t.role) for t in palette.tokens] == [("customer", r) for r in ROLES] + [("ours", None)]
    assert "beslisser" in palette.token("customer", "decider").toolTip()
    assert "final say" in palette.token("customer", "decider").toolTip()
    assert "our own company" in palette.token("ours", None).toolTip()


def test_dragging_a_token_carries_its_side_and_role(kit: WindowKit, qtbot: Any,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Pressing on a token and moving past the drag distance starts a drag of that token."""
    token = kit.window(kit.board()).token_palette.token("customer", "gatekeeper")
    dragged: list[Any] = []

    def fake_exec(drag: QDrag, *actions: Any) -> Qt.DropAction:
        dragged.append(read_token(drag.mimeData()))
        return Qt.DropAction.CopyAction

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    qtbot.mousePress(token, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.mouseMove(token, QPoint(60, 12))
    assert dragged == [("customer", "gatekeeper")]


def test_double_click_adds_a_person_in_the_middle_of_the_view(kit: WindowKit, qtbot: Any) -> None:
    """A double-clicked role token adds a person with that role to the file (one undo step)."""
    path = kit.board()
    window = kit.window(path)
    before = set(window.editor.document.board.people)
    qtbot.mouseDClick(window.token_palette.token("customer", "sponsor"), Qt.MouseButton.LeftButton)
    added = set(board_on_disk(path).people) - before
    assert len(added) == 1
    person = board_on_disk(path).people[added.pop()]
    assert person.side == "customer" and person.roles == ("sponsor",)
    assert window.scene.selected_people() == [person.id]
    window.editor.undo_stack.undo()
    assert set(board_on_disk(path).people) == before


def test_a_read_only_file_opens_read_only_and_says_so(kit: WindowKit, monkeypatch: pytest.MonkeyPatch) -> None:
    """A board file that cannot be written opens read-only with the banner giving that reason.
    (The tests run as root, who may write anything, so the file system's answer is simulated.)"""
    import os

    from dmuboard.store import boardfile

    path = kit.board()
    real_access = os.access

    def access(where: Any, mode: int) -> bool:
        if Path(where) == path.absolute() and mode == os.W_OK:
            return False
        return real_access(where, mode)

    monkeypatch.setattr(boardfile.os, "access", access)
    window = kit.window(path)
    assert window.opened.read_only_reason == "the file is read-only"
    assert "because the file is read-only" in window.banner.text()
    assert window.windowTitle().endswith("[read-only]")
    assert "read-only" in window.statusBar().currentMessage()
