"""The warm-path highlight on the canvas, kept true to the board.

Board > Show Warm Path (or a double click on a finding) marks the chain of
introductions to one customer person. The mark follows the board: after every change
(undo included) the path is looked for again, and it is redrawn when it runs another
way, or cleared, with a sentence saying why, when no path is left. Esc, a click on
empty canvas, Board > Clear Highlight and the "Clear highlight" button of the note
on the canvas clear it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal

from dmuboard.analysis import path_in_words, warm_path
from dmuboard.gui.canvas.note import CanvasNote

if TYPE_CHECKING:
    from dmuboard.gui.canvas.scene import BoardScene
    from dmuboard.gui.canvas.view import BoardView
    from dmuboard.gui.common.editor import Editor


class PathMark(QObject):
    """The warm path shown on one window's canvas, and the note that offers to clear it."""

    message = Signal(str)  # a passing sentence
    described = Signal(str)  # the sentence that describes the path shown ("" when it no longer does)
    shown = Signal(bool)  # a path is highlighted (or no longer)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor: Editor | None = None
        self.scene: BoardScene | None = None
        self.view: BoardView | None = None
        self.note: CanvasNote | None = None
        self.target: str | None = None
        self.people: tuple[str, ...] = ()

    def bind(self, editor: Editor | None, scene: BoardScene | None, view: BoardView | None) -> None:
        self.target, self.people = None, ()
        self.editor, self.scene, self.view = editor, scene, view
        self.note = CanvasNote(view, 0, "Clear highlight", self.clear) if view is not None else None
        if editor is not None:
            editor.changed.connect(self.follow)
        if scene is not None:
            scene.dismissed.connect(self.clear)
            scene.selectionChanged.connect(self._selection_changed)
        self.shown.emit(False)

    @property
    def active(self) -> bool:
        return self.target is not None

    def show_to(self, pid: str) -> str:
        """Highlight the warm path to ``pid``; return (and announce) it in words."""
        if self.editor is None or self.scene is None:
            return ""
        board = self.editor.document.board
        person = board.people.get(pid)
        if person is None:
            return ""
        if person.side != "customer":
            self.clear()
            text = f"{person.name} is one of ours: select a customer person to see the way to them."
        else:
            path = warm_path(board, pid)
            if path is None:
                self.clear()
                text = (f"No warm path to {person.name}: no relationship, reporting or influence line "
                        "leads there from our team.")
            else:
                self._mark(pid, tuple(path.people))
                if self.view is not None:
                    self.view.center_on(path.people)
                text = f"Warm path to {person.name}: {path_in_words(board, path)}"
                self.described.emit(text)
                return text
        self.message.emit(text)
        return text

    def _selection_changed(self) -> None:
        """Someone else selected (Find, a click): the sentence about the path's person goes;
        the highlight and its note on the canvas stay."""
        if self.target is not None and self.scene is not None and shiboken6.isValid(self.scene):
            chosen = self.scene.selected_people()
            if chosen and self.target not in chosen:
                self.described.emit("")

    def _mark(self, pid: str, people: tuple[str, ...]) -> None:
        assert self.scene is not None and self.editor is not None
        self.target, self.people = pid, people
        self.scene.set_path(list(people))
        name = self.editor.document.board.people[pid].name
        if self.note is not None:
            self.note.say(f"Warm path to {name} highlighted")
        self.shown.emit(True)

    def clear(self) -> None:
        """Take the highlight off the canvas."""
        was = self.target is not None
        self.target, self.people = None, ()
        if self.scene is not None:
            self.scene.set_path([])
        if self.note is not None:
            self.note.say("")
        if was:
            self.described.emit("")
            self.shown.emit(False)

    def follow(self, _change: object = None) -> None:
        """The board changed: find the path again, and redraw or clear it."""
        if self.target is None or self.editor is None:
            return
        board = self.editor.document.board
        person = board.people.get(self.target)
        path = warm_path(board, self.target) if person is not None else None
        if person is None:
            self.clear()
            self.message.emit("Highlight cleared: that person is no longer on the board.")
        elif path is None:
            self.clear()
            self.message.emit(f"Highlight cleared: no warm path leads to {person.name} any more.")
        elif tuple(path.people) != self.people:
            self._mark(self.target, tuple(path.people))
            self.described.emit(f"The warm path to {person.name} now runs: {path_in_words(board, path)}")
