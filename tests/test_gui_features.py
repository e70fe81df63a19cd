"""The shape of a feature: one class declares its actions and dock as data, the window
places them, and the feature follows the open board through its context."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from dmuboard.gui.common.feature import ActionSpec, DockSpec, Feature, FeatureContext, MenuSpec
from dmuboard.gui.shell import features
from dmuboard.gui.shell.mainwindow import MainWindow
from tests.gui_window_kit import QT_NOISE, WindowKit

pytestmark = QT_NOISE


class Notes(Feature):
    """A made-up feature: File > Export Notes… between Export and Export for Proposal, and a
    Notes dock, hidden behind the inspector, that shows the open board's title."""

    built = 0

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context)
        self.boards: list[str] = []
        self.exported = 0
        context.boardChanged.connect(self._board_changed)

    def actions(self) -> Sequence[ActionSpec | MenuSpec]:
        return (ActionSpec("export_notes", "Export &Notes…", self.export, "file", "4_export", 15, ("Ctrl+Alt+N",),
                           "Write the notes of the board"),)

    def docks(self) -> Sequence[DockSpec]:
        return (DockSpec("notes", "Notes", self._build, Qt.DockWidgetArea.RightDockWidgetArea, order=50,
                         tab_with="inspector"),)

    def _build(self) -> QWidget:
        Notes.built += 1
        editor = self.context.editor
        return QLabel(editor.document.board.info.title if editor is not None else "")

    def export(self) -> None:
        self.exported += 1
        self.context.say("Notes exported.")

    def _board_changed(self) -> None:
        editor = self.context.editor
        self.boards.append(editor.document.board.info.title if editor is not None else "")


@pytest.fixture
def notes_window(kit: WindowKit, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(features, "FEATURES", (*features.FEATURES, Notes))
    Notes.built = 0
    return kit.window(kit.board())


def test_a_feature_s_action_is_placed_by_menu_group_and_order(notes_window: MainWindow) -> None:
    """The new entry sits in its group of the File menu, in its order, with its key and
    its status tip; triggering it runs the feature's handler, which speaks in the status bar."""
    window = notes_window
    texts = [a.text() for a in window.menus["file"].actions() if not a.isSeparator()]
    at = texts.index("&Export…")
    assert texts[at:at + 3] == ["&Export…", "Export &Notes…", "Export for &Proposal…"]
    action = window.action("export_notes")
    assert action.shortcut().toString() == "Ctrl+Alt+N"
    action.trigger()
    assert window.feature(Notes).exported == 1
    assert window.statusBar().currentMessage() == "Notes exported."


def test_a_feature_follows_the_open_board_and_its_hidden_dock_is_built_when_first_shown(
        notes_window: MainWindow, kit: WindowKit, qtbot: Any) -> None:
    """The feature hears of every board put in the window (and of the old one leaving).
    A dock the user had closed stays unmade in the next window until it is shown again."""
    window = notes_window
    notes = window.feature(Notes)
    assert notes.boards[-1] == "Acme BV - CRM replacement"
    assert window.dock("notes").toggleViewAction() in window.panels_menu.actions()
    assert window.new_board()
    assert notes.boards[-2:] == ["", "Untitled board"]
    window.dock("notes").hide()
    window.close()  # the layout is kept, with the Notes dock closed

    Notes.built = 0
    again = kit.window()
    qtbot.waitExposed(again)
    dock = again.dock("notes")
    assert not dock.isVisible()
    assert Notes.built == 0
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(dock.isVisible)
    assert Notes.built == 1
    label = dock.widget()
    assert isinstance(label, QLabel) and label.text() == "Untitled board"
