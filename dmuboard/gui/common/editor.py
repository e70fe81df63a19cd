"""Gestures become undoable changes here, and nowhere else.

The scene, the inspector, the palette and imports call :meth:`Editor.submit` with a
:class:`~dmuboard.model.document.Change`. The change is applied to the document
(which writes it to the file in one transaction) and then pushed on the undo stack
as a :class:`ChangeCommand`. Undo and redo apply the inverse or the change again
through the same document, so the screen follows the model through the document's
listeners, never by hand.

When applying fails (a broken rule, a read-only board, a full disk) nothing has
changed; the editor says why through :attr:`Editor.message`.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from dmuboard.model.document import Change, Document
from dmuboard.model.errors import UserError


class ChangeCommand(QUndoCommand):
    """One undo step: a change already applied, and the change that undoes it."""

    def __init__(self, editor: Editor, change: Change, inverse: Change) -> None:
        super().__init__(change.label or "Edit")
        self._editor = editor
        self._change = change
        self._inverse = inverse
        self._applied = True  # submit() applied it before pushing

    def redo(self) -> None:
        if self._applied:
            return
        if self._editor._apply_quietly(replace(self._change, step="redo"), self, undoing=False):
            self._applied = True

    def undo(self) -> None:
        if not self._applied:
            return
        if self._editor._apply_quietly(replace(self._inverse, step="undo"), self, undoing=True):
            self._applied = False


class Editor(QObject):
    """The open document with its undo stack."""

    message = Signal(str)  # a sentence for the status bar
    changed = Signal(object)  # the Change just applied (after the scene has followed it)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = QUndoStack(self)
        self._listener = self.changed.emit
        document.subscribe(self._listener)

    @property
    def read_only(self) -> bool:
        return self.document.read_only

    def submit(self, change: Change) -> bool:
        """Apply ``change`` as one undo step. Returns False (and says why) if it was refused."""
        if change.empty:
            return True
        try:
            inverse = self.document.apply(change)
        except UserError as error:
            self.message.emit(error.message)
            return False
        self.undo_stack.push(ChangeCommand(self, change, inverse))
        return True

    def _apply_quietly(self, change: Change, command: ChangeCommand, *, undoing: bool) -> bool:
        """Apply for undo or redo. If it fails, put the stack back where the model is."""
        try:
            self.document.apply(change)
            return True
        except UserError as error:
            self.message.emit(error.message)
            # The stack has already moved; step it back without touching the model.
            step = self.undo_stack.redo if undoing else self.undo_stack.undo
            QTimer.singleShot(0, step)
            return False

    def close(self) -> None:
        self.document.unsubscribe(self._listener)
