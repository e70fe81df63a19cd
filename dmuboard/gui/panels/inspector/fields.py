"""Inspector fields that commit when the user pauses and when they are done.

A field remembers the value it last showed from the model. It emits ``committed``
when the user has finished (Enter or leaving a text field, choosing an item, ticking
a box) and its value differs from that one. A text field also commits after a pause
in typing (:data:`PAUSE_MS`), so that what is typed is in the file ("saved as you
work") even if the program is killed; the commits of one edit (from the first
keystroke to leaving the field) share an :attr:`edit_session`, which the undo stack
merges into one step. ``show`` puts a model value in without emitting.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

PAUSE_MS = 1000  # a pause in typing this long commits what is typed
_SESSIONS = itertools.count(1)


class _Typing:
    """The pause timer and the edit session of a text field (mixed into QLineEdit/QPlainTextEdit)."""

    committed: Any
    edit_session: int
    paused: bool

    def _set_up_typing(self, parent: QWidget) -> None:
        self.edit_session = -1  # -1: no edit going on
        self.paused = False  # True while committing because typing paused
        self._pause = QTimer(parent)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self._pause_over)

    def pending(self) -> bool:
        raise NotImplementedError

    def _typed(self, *_: object) -> None:
        if self.edit_session < 0:
            self.edit_session = next(_SESSIONS)
        self._pause.start()

    def _pause_over(self) -> None:
        if self.pending():
            self.paused = True
            try:
                self.committed.emit()
            finally:
                self.paused = False

    def _done(self) -> None:
        """The edit is over (Enter, leaving the field): commit what is left, end the session."""
        self._pause.stop()
        if self.pending():
            self.committed.emit()
        self.edit_session = -1


def plain_tooltip(text: str) -> str:
    """A tool tip that shows ``text`` literally, whatever markup it holds."""
    escaped = html.escape(text).replace("\n", "<br>")
    return f"<qt>{escaped}</qt>"


class LineField(_Typing, QLineEdit):
    """One line of text, committed after a pause in typing, on Enter or on leaving the field.

    Text longer than ``max_length`` is never cut (Qt's own limit would drop what is
    typed or pasted beyond it, silently): the field is marked and says so through
    :attr:`too_long`, and the page keeps the text for the user to shorten.
    """

    committed = Signal()
    too_long = Signal(str)  # "is too long: 230 characters, at most 200. ..."

    def __init__(self, parent: QWidget | None = None, max_length: int = 200) -> None:
        super().__init__(parent)
        self.max_length = max_length
        self._shown = ""
        self._set_up_typing(self)
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._done)
        self._over = False
        self._tip = ""
        self.textChanged.connect(self._check_length)

    def over_length(self) -> bool:
        return len(self.text()) > self.max_length

    def length_problem(self) -> str:
        return (f"is too long: {len(self.text())} characters, at most {self.max_length}. "
                "Shorten it; nothing was cut.")

    def _check_length(self) -> None:
        over = self.over_length()
        if over != self._over:
            self._over = over
            self.setStyleSheet("QLineEdit { border: 2px solid #c0392b; }" if over else "")
            if over:
                self._tip = self.toolTip()
            else:
                self.setToolTip(self._tip)
        if over:
            self.setToolTip(plain_tooltip(f"This text {self.length_problem()}"))
            self.too_long.emit(self.length_problem())

    def value(self) -> str:
        return self.text()

    def show_value(self, value: str) -> None:
        self._shown = value
        if self.text() != value:
            self.blockSignals(True)
            self.setText(value)
            self.setCursorPosition(0)
            self.blockSignals(False)

    def revert(self) -> None:
        self.blockSignals(True)
        self.setText(self._shown)
        self.blockSignals(False)

    def pending(self) -> bool:
        return self.text() != self._shown

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.pending():
            self._pause.stop()
            self.revert()  # Esc drops what was typed since the last commit
            return
        super().keyPressEvent(event)


class TextField(_Typing, QPlainTextEdit):
    """Several lines (notes, interests), committed after a pause in typing and on leaving the field."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None, max_length: int = 20000, lines: int = 4) -> None:
        super().__init__(parent)
        self.max_length = max_length
        self.setTabChangesFocus(True)
        self._shown = ""
        self._set_up_typing(self)
        self.textChanged.connect(self._typed)  # show_value and revert block signals
        height = self.fontMetrics().lineSpacing() * lines + 12
        self.setMinimumHeight(min(height, 60))
        self.setMaximumHeight(height)

    def value(self) -> str:
        return self.toPlainText()

    def show_value(self, value: str) -> None:
        self._shown = value
        if self.toPlainText() != value:
            self.blockSignals(True)
            self.setPlainText(value)
            self.blockSignals(False)

    def revert(self) -> None:
        self.blockSignals(True)
        self.setPlainText(self._shown)
        self.blockSignals(False)

    def pending(self) -> bool:
        return self.toPlainText() != self._shown

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._done()


class ChoiceField(QComboBox):
    """One of a fixed list; each item carries its model value."""

    committed = Signal()

    def __init__(self, items: Sequence[tuple[str, Any]] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: Any = None
        self.set_items(items)
        self.activated.connect(self._chosen)

    def set_items(self, items: Sequence[tuple[str, Any]]) -> None:
        self.blockSignals(True)
        self.clear()
        for label, value in items:
            self.addItem(label, value)
        self.blockSignals(False)

    def value(self) -> Any:
        return self.currentData()

    def show_value(self, value: Any) -> None:
        self._shown = value
        self.blockSignals(True)
        self.setCurrentIndex(self.findData(value))
        self.blockSignals(False)

    def revert(self) -> None:
        self.show_value(self._shown)

    def pending(self) -> bool:
        return bool(self.value() != self._shown)

    def _chosen(self, _index: int) -> None:
        if self.pending():
            self.committed.emit()


class NumberField(QSpinBox):
    """A whole number in a range, committed on Enter, leaving the field, or an arrow step."""

    committed = Signal()

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(low, high)
        self.setKeyboardTracking(False)  # typing "5" is one commit, on Enter or focus out
        self._shown = low
        self.valueChanged.connect(self._changed)

    def show_value(self, value: int) -> None:
        self._shown = value
        self.blockSignals(True)
        self.setValue(value)
        self.blockSignals(False)

    def revert(self) -> None:
        self.show_value(self._shown)

    def pending(self) -> bool:
        return self.value() != self._shown

    def _changed(self, _value: int) -> None:
        if self.pending():
            self.committed.emit()


class ChecksField(QWidget):
    """A set of names as check boxes (roles); the value keeps the order of ``names``."""

    committed = Signal()

    def __init__(self, names: Sequence[str], labels: dict[str, str], tips: dict[str, str],
                 parent: QWidget | None = None, columns: int = 2) -> None:
        super().__init__(parent)
        self.names = tuple(names)
        self._shown: tuple[str, ...] = ()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        for i, name in enumerate(self.names):
            box = QCheckBox(labels.get(name, name), self)
            box.setToolTip(tips.get(name, ""))
            box.toggled.connect(self._toggled)
            layout.addWidget(box, i // columns, i % columns)
            self.boxes[name] = box

    def value(self) -> tuple[str, ...]:
        return tuple(name for name in self.names if self.boxes[name].isChecked())

    def show_value(self, value: Sequence[str]) -> None:
        self._shown = tuple(value)
        for name, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(name in value)
            box.blockSignals(False)

    def revert(self) -> None:
        self.show_value(self._shown)

    def pending(self) -> bool:
        return set(self.value()) != set(self._shown)

    def _toggled(self, _checked: bool) -> None:
        if self.pending():
            self.committed.emit()
