"""Find (Ctrl+F): type part of a name or title; matches light up and the first is selected
and centred as you type, Enter goes to the next.

The bar sits under the canvas. Shift+Enter goes back; Esc closes it and clears the
highlight. It follows the model, so a renamed person drops in or out of the matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QStyle, QToolButton, QWidget

from dmuboard.gui.common.editor import Editor
from dmuboard.gui.common.feature import ActionSpec, Feature, FeatureContext, MenuSpec
from dmuboard.model.board import Board, Person
from dmuboard.model.document import Change


def find_people(board: Board, text: str) -> list[str]:
    """Ids of the people whose name or title holds ``text`` (any case), in reading order:
    the customer's side first, each side top to bottom, left to right."""
    needle = text.strip().casefold()
    if not needle:
        return []

    def order(person: Person) -> tuple[int, float, float]:
        return (0 if person.is_customer else 1, person.y or 0.0, person.x or 0.0)

    found = [p for p in board.people.values() if needle in p.name.casefold() or needle in p.title.casefold()]
    return [p.id for p in sorted(found, key=order)]


class _Field(QLineEdit):
    """The search field: Enter, Shift+Enter and Esc go to the bar."""

    step = Signal(int)
    leave = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step.emit(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.leave.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """The find bar; :meth:`bind` it to the open board's editor, scene and view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor: Editor | None = None
        self.scene: Any = None
        self.view: Any = None
        self.matches: list[str] = []
        self.index = -1
        layout = self.row = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        caption = QLabel("Find:", self)
        layout.addWidget(caption)
        self.field = _Field(self)
        self.field.setPlaceholderText("Part of a name or title")
        self.field.setClearButtonEnabled(True)
        self.field.setMaximumWidth(320)
        caption.setBuddy(self.field)
        layout.addWidget(self.field)
        style = self.style()
        self.previous = self._button(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp), "Previous (Shift+Enter)")
        self.previous.clicked.connect(lambda: self.go(-1))
        self.next = self._button(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown), "Next (Enter)")
        self.next.clicked.connect(lambda: self.go(1))
        self.count = QLabel(self)
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setMinimumWidth(90)
        layout.addWidget(self.count)
        layout.addStretch(1)
        close = self._button(style.standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton), "Close (Esc)")
        close.clicked.connect(self.close_bar)
        self.field.textChanged.connect(self._typed)
        self.field.step.connect(self.go)
        self.field.leave.connect(self.close_bar)
        self.hide()

    def _button(self, icon: Any, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        self.row.addWidget(button)
        return button

    def bind(self, editor: Editor | None, scene: Any, view: Any) -> None:
        """Search another board (the matches of the old one are dropped)."""
        if self.editor is not None:
            self.editor.changed.disconnect(self._model_changed)
        self.editor, self.scene, self.view = editor, scene, view
        if editor is not None:
            editor.changed.connect(self._model_changed)
        self.matches, self.index = [], -1
        if self.isVisible():
            self.search()

    def open_bar(self) -> None:
        """Show the bar with the field focused and its text selected."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.search()

    def close_bar(self) -> None:
        """Hide the bar and clear the highlight; the canvas gets the keyboard back."""
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.matches, self.index = [], -1
        self._highlight([])
        self.hide()
        if self.view is not None:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def search(self) -> None:
        board = self.editor.document.board if self.editor is not None else None
        self.matches = find_people(board, self.field.text()) if board is not None else []
        self.index = -1
        self._highlight(self.matches)
        self._say()

    def _typed(self) -> None:
        """Each key typed: light every match, and select and centre the first of them."""
        self.search()
        if self.matches:
            self.go(1)

    def go(self, step: int) -> None:
        """Centre the next (or, with ``step`` -1, the previous) match and select it."""
        if not self.matches:
            self._say()
            return
        self.index = (self.index + step) % len(self.matches) if self.index >= 0 else (0 if step > 0 else -1)
        self.index %= len(self.matches)
        person = self.matches[self.index]
        if self.scene is not None:
            self.scene.select(people=[person], links=[])
        if self.view is not None:
            self.view.center_on([person])
        self._say()

    def _model_changed(self, _change: Change) -> None:
        if not self.isVisible() or not self.field.text().strip():
            return
        current = self.matches[self.index] if 0 <= self.index < len(self.matches) else None
        self.search()
        if current in self.matches:
            self.index = self.matches.index(current)
            self._say()

    def _highlight(self, people: list[str]) -> None:
        if self.scene is not None:
            self.scene.set_highlighted(people)

    def _say(self) -> None:
        text = self.field.text().strip()
        if not text:
            self.count.setText("")
        elif not self.matches:
            self.count.setText("No match")
        elif self.index < 0:
            self.count.setText("1 match" if len(self.matches) == 1 else f"{len(self.matches)} matches")
        else:
            self.count.setText(f"{self.index + 1} of {len(self.matches)}")
        self.count.setStyleSheet("color: #b3261e;" if text and not self.matches else "")


class FindFeature(Feature):
    """Edit > Find… and the bar under the canvas."""

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context)
        self.bar = FindBar()
        context.boardChanged.connect(lambda: self.bar.bind(context.editor, context.scene, context.view))

    def actions(self) -> Sequence[ActionSpec | MenuSpec]:
        return (ActionSpec("find", "&Find…", self.bar.open_bar, "edit", "3_find", 10,
                           (QKeySequence.StandardKey.Find,), "Find people by part of their name or title", "find",
                           toolbar="5_find", toolbar_order=10),)

    def bars(self) -> Sequence[QWidget]:
        return (self.bar,)
