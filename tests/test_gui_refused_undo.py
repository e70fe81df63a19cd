"""A change the file refuses never leaves the undo stack, the model, the scene and the
file out of step: not on push, not on undo, not on redo, not for a single signal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from dmuboard.gui.shell.mainwindow import MainWindow
from tests.clikit import digest
from tests.gui_window_kit import QT_NOISE, WindowKit, board_on_disk

pytestmark = QT_NOISE




def _file_refuses(window: MainWindow, refuse: bool) -> None:
    """The board file can (no longer) be written, as with a share turned read-only."""
    assert window.opened is not None
    window.opened.store._raw.execute(f"PRAGMA query_only = {'ON' if refuse else 'OFF'}")


def _state(window: MainWindow, path: Path) -> tuple[int, int, bool, bool, str | None]:
    """Stack index and size, whether Sanne is in the model and on the scene, the file."""
    assert window.editor is not None and window.scene is not None
    stack = window.editor.undo_stack
    in_model = "p3" in window.editor.document.board.people
    on_scene = "p3" in window.scene.tokens
    return stack.index(), stack.count(), in_model, on_scene, digest(path)


def test_a_refused_undo_and_redo_leave_stack_model_scene_and_file_together(
    kit: WindowKit, qtbot: Any
) -> None:
    """Delete Sanne; the file turns read-only; Undo is refused with a message and
    nothing moves: the stack stays where it was (it never even signals a move), Sanne
    stays deleted in the model, on the canvas and in the file. Once the file can be
    written, Undo works; turned read-only again, Redo is refused the same way."""
    path = kit.board()
    window = kit.window(path)
    assert window.editor is not None and window.scene is not None
    stack = window.editor.undo_stack
    moves: list[int] = []
    stack.indexChanged.connect(moves.append)
    messages: list[str] = []
    window.editor.message.connect(messages.append)

    window.scene.select(people=["p3"])
    window.action("delete").trigger()
    deleted = _state(window, path)
    assert deleted[:4] == (1, 1, False, False)
    moves.clear()

    _file_refuses(window, True)
    window.action("undo").trigger()
    assert _state(window, path) == deleted
    assert moves == []
    assert messages and "can no longer be written" in messages[-1]
    assert window.action("undo").isEnabled() and not window.action("redo").isEnabled()
    QCoreApplication.processEvents()  # let any queued event run: still nothing moves
    assert _state(window, path) == deleted and moves == []

    _file_refuses(window, False)
    window.action("undo").trigger()
    restored = _state(window, path)
    assert restored[:4] == (0, 1, True, True)
    assert "p3" in board_on_disk(path).people
    moves.clear()

    _file_refuses(window, True)
    window.action("redo").trigger()
    assert _state(window, path) == restored
    assert moves == []
    assert window.action("redo").isEnabled() and not window.action("undo").isEnabled()


def test_a_refused_change_leaves_no_undo_step(kit: WindowKit) -> None:
    """A delete the file refuses is not on the undo stack: Undo stays as it was."""
    path = kit.board()
    window = kit.window(path)
    assert window.editor is not None and window.scene is not None
    before = _state(window, path)
    _file_refuses(window, True)
    window.scene.select(people=["p3"])
    window.action("delete").trigger()
    assert _state(window, path) == before
    assert not window.action("undo").isEnabled()
