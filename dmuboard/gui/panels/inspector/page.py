"""What the inspector's pages share: a form of fields bound to one thing in the model."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from dmuboard.gui.common.editor import Editor
from dmuboard.gui.panels.inspector.fields import LineField
from dmuboard.model.board import Board
from dmuboard.model.document import Change
from dmuboard.model.errors import BoardError


class Field(Protocol):
    """The calls a page makes on its fields (see :mod:`.fields`)."""

    def value(self) -> Any: ...
    def show_value(self, value: Any) -> None: ...
    def revert(self) -> None: ...
    def pending(self) -> bool: ...


class Page(QWidget):
    """A form whose fields each commit one undo step through the editor.

    Subclasses fill the form in ``__init__``, show the model in :meth:`refresh` and
    turn one field's new value into a change in :meth:`change_for`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor: Editor | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        outer.addStretch(1)  # the fields keep their height; free space goes below them
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.fields: dict[str, Any] = {}
        self.labels: dict[str, str] = {}
        self.editable = True

    # -- building --------------------------------------------------------------------

    def add_field(self, name: str, label: str, field: Any, tip: str = "") -> None:
        caption = QLabel(f"{label}:", self)
        caption.setTextFormat(Qt.TextFormat.PlainText)
        caption.setBuddy(field)
        if tip:
            caption.setToolTip(tip)
            field.setToolTip(tip)
        field.setObjectName(name)
        self.form.addRow(caption, field)
        self.fields[name] = field
        self.labels[name] = label
        field.committed.connect(lambda name=name: self.commit(name))
        if isinstance(field, LineField):
            field.too_long.connect(lambda problem, name=name: self._say(f"{self.labels[name]} {problem}"))

    def set_row_visible(self, name: str, visible: bool) -> None:
        self.form.setRowVisible(self.fields[name], visible)

    # -- following the model -----------------------------------------------------------

    @property
    def board(self) -> Board | None:
        return self.editor.document.board if self.editor is not None else None

    def refresh(self) -> None:
        """Show the model's values (fields the model did not change keep what is typed)."""

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        for field in self.fields.values():
            if isinstance(field, (QLineEdit, QPlainTextEdit)):
                field.setReadOnly(not editable)  # text can still be selected and copied
            else:
                field.setEnabled(editable)

    # -- committing -----------------------------------------------------------------

    def change_for(self, name: str, value: Any) -> Change | None:
        """The change that sets field ``name`` to ``value`` (None: nothing to change).

        May raise :class:`BoardError` for a value the model refuses.
        """
        raise NotImplementedError

    def commit(self, name: str) -> None:
        field = self.fields[name]
        if self.editor is None or not field.pending():
            return
        if not self.editable:
            field.revert()
            self.editor.message.emit(self._read_only_message())
            return
        if isinstance(field, LineField) and field.over_length():
            self._say(f"{self.labels[name]} {field.length_problem()}")  # kept for shortening
            return
        paused = getattr(field, "paused", False)  # a pause in typing, not the end of the edit
        try:
            change = self.change_for(name, field.value())
        except BoardError as error:
            if paused:
                return  # half typed: said (and put back) when the edit ends, if still wrong
            field.revert()
            self.editor.message.emit(f"{self.labels[name]} {error.problem}.")
            return
        if change is None:
            self.refresh_field(name)
            return
        if not self.editor.submit(change, merge=getattr(field, "edit_session", -1)):
            field.revert()

    def _say(self, text: str) -> None:
        if self.editor is not None:
            self.editor.message.emit(text)

    def refresh_field(self, name: str) -> None:
        """Put the model's value back in one field (after a refusal or a no-op)."""
        self.fields[name].revert()
        self.refresh()

    def flush(self) -> None:
        """Commit whatever is typed but not yet committed (before the page changes target)."""
        for name, field in self.fields.items():
            if field.pending() and self.editable:
                self.commit(name)

    def _read_only_message(self) -> str:
        reason = self.editor.document.read_only_reason if self.editor is not None else None
        return f"This board is read-only: {reason}." if reason else "This board is read-only."
