"""Gestures become undoable changes here, and nowhere else.

The scene, the inspector, the palette and imports call :meth:`Editor.submit` with a
:class:`~dmuboard.model.document.Change`. It is pushed on the undo stack as a
:class:`ChangeCommand`, whose ``redo`` applies the change to the document (which writes
it to the file in one transaction); pushing runs that first ``redo``. Undo and redo
apply the inverse or the change again through the same document, so the screen follows
the model through the document's listeners, never by hand.

When applying fails (a broken rule, a read-only board, a full disk) nothing has
changed, and neither has the undo stack: a refused push leaves no command behind, and a
refused undo or redo is stepped back inside :class:`EditorStack` before any of the
stack's signals are sent. The editor says why through :attr:`Editor.message`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from dmuboard.model.document import Change, Document
from dmuboard.model.errors import UserError


class EditorStack(QUndoStack):
    """An undo stack whose undo and redo never move past a refused change.

    ``QUndoStack`` moves its index after the command ran, whatever happened. When a
    command reports a refusal, the stack's signals are held while the step is taken
    back, so nothing outside ever sees the stack and the model disagree. Undo and redo
    must come through these methods (the window's Undo and Redo actions do).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._refused = False
        self._stepping = False

    def refuse(self) -> None:
        """Called by a command whose undo or redo was refused (model unchanged)."""
        self._refused = True
        if self._stepping:
            self.blockSignals(True)

    @property
    def restoring(self) -> bool:
        """True while a refused step is taken back: the command must not apply anything."""
        return self._refused and self._stepping

    def undo(self) -> None:
        self._step(super().undo, super().redo)

    def redo(self) -> None:
        self._step(super().redo, super().undo)

    def _step(self, step: Callable[[], None], back: Callable[[], None]) -> None:
        self._refused = False
        self._stepping = True
        try:
            step()
            if self._refused:
                back()
        finally:
            self._stepping = False
            self._refused = False
            self.blockSignals(False)


class ChangeCommand(QUndoCommand):
    """One undo step: a change and the change that undoes it."""

    def __init__(self, editor: Editor, change: Change, merge: int = -1) -> None:
        super().__init__(change.label or "Edit")
        self._editor = editor
        self._change = change
        self._inverse: Change | None = None
        self._merge = merge

    def id(self) -> int:
        return self._merge  # -1: never merged

    def mergeWith(self, other: QUndoCommand) -> bool:
        """The next commit of the same field edit (see the inspector's fields): one undo
        step from before the edit to its last value. The inverse stays this command's,
        which puts back what was there before the edit began."""
        if not isinstance(other, ChangeCommand) or not (self.applied and other.applied):
            return False
        self._change = other._change
        return True

    @property
    def applied(self) -> bool:
        """Whether the change has been applied at least once (False: refused on push)."""
        return self._inverse is not None

    def redo(self) -> None:
        stack = self._editor.undo_stack
        if stack.restoring:  # a refused undo is being taken back: the model never moved
            return
        # The history records a redo as what it is; the first run (by push) is the change itself.
        change = self._change if self._inverse is None else replace(self._change, step="redo")
        inverse = self._editor._apply(change)
        if inverse is None:
            if self._inverse is None:  # the first redo, run by push: leave no command
                self.setObsolete(True)
            else:
                stack.refuse()
        else:
            self._inverse = inverse

    def undo(self) -> None:
        stack = self._editor.undo_stack
        if stack.restoring or self._inverse is None:
            return
        if self._editor._apply(replace(self._inverse, step="undo")) is None:
            stack.refuse()


class Editor(QObject):
    """The open document with its undo stack."""

    message = Signal(str)  # a sentence for the status bar
    changed = Signal(object)  # the Change just applied (after the scene has followed it)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = EditorStack(self)
        self._listener = self.changed.emit
        document.subscribe(self._listener)

    @property
    def read_only(self) -> bool:
        return self.document.read_only

    def submit(self, change: Change, *, merge: int = -1) -> bool:
        """Apply ``change`` as one undo step. Returns False (and says why) if it was refused.

        Changes submitted with the same ``merge`` id (other than -1) one after another
        are one undo step (the commits of one field edit)."""
        if change.empty:
            return True
        command = ChangeCommand(self, change, merge)
        self.undo_stack.push(command)  # runs command.redo(); a refusal leaves no command
        return command.applied

    def _apply(self, change: Change) -> Change | None:
        """Apply ``change``; its inverse, or None (and a message) when it was refused."""
        try:
            return self.document.apply(change)
        except UserError as error:
            self.message.emit(error.message)
            return None

    def close(self) -> None:
        self.document.unsubscribe(self._listener)
