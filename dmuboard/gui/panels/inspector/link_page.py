"""The inspector page for one link: its kind (only kinds its ends allow), strength,
last contact (relationships) and note."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from dmuboard.gui.canvas.aging import touched_today
from dmuboard.gui.canvas.connect import kinds_between
from dmuboard.gui.panels.inspector.fields import ChoiceField, LineField, TextField, plain_tooltip
from dmuboard.gui.panels.inspector.page import Page
from dmuboard.model.board import Link
from dmuboard.model.document import Change
from dmuboard.model.vocabulary import LINK_LABELS, STRENGTH_LABELS


class LinkPage(Page):
    """From, to, kind, strength (relationships only) and note; directed links can be reversed."""

    def __init__(self) -> None:
        super().__init__()
        self.link_id: str | None = None
        self.ends: list[QLabel] = []
        for caption in ("From", "To"):
            label = QLabel(self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.form.addRow(f"{caption}:", label)
            self.ends.append(label)
        self.add_field("kind", "Kind", ChoiceField((), self))
        strengths = [(text, value) for value, text in STRENGTH_LABELS.items()]
        self.add_field("strength", "Strength", ChoiceField(strengths, self),
                       "How well our person knows theirs: 1 (aware of each other) to 5 (trusted advisor)")
        last = LineField(self, 10)
        last.setPlaceholderText("YYYY-MM-DD")
        self.add_field("last_contact", "Last contact", last,
                       "The day of the last real contact (ISO date); empty when unknown")
        self.touched = QPushButton("Touched Today", self)
        self.touched.setToolTip("Set the last contact to today")
        self.touched.clicked.connect(self.touch_today)
        self.form.addRow("", self.touched)
        self.add_field("note", "Note", TextField(self, 2000, 4))
        self.reverse = QPushButton("Reverse direction", self)
        self.reverse.setToolTip("Swap the two ends of this line")
        self.reverse.clicked.connect(self.reverse_direction)
        self.form.addRow("", self.reverse)

    def link(self) -> Link | None:
        board = self.board
        if board is None or self.link_id is None:
            return None
        return board.links.get(self.link_id)

    def refresh(self) -> None:
        link, board = self.link(), self.board
        if link is None or board is None:
            return
        source, target = board.people[link.source], board.people[link.target]
        for label, person in zip(self.ends, (source, target), strict=True):
            text = f"{person.name} — {person.title}" if person.title else person.name
            label.setText(text)
            label.setToolTip(plain_tooltip(text))
        kind = self.fields["kind"]
        kind.set_items([(LINK_LABELS[k], k) for k in kinds_between(source, target)])
        kind.show_value(link.kind)
        self.fields["strength"].show_value(link.strength)
        self.fields["note"].show_value(link.note)
        self.fields["last_contact"].show_value(link.last_contact or "")
        self.set_row_visible("strength", link.kind == "relationship")
        self.set_row_visible("last_contact", link.kind == "relationship")
        self.form.setRowVisible(self.touched, link.kind == "relationship")
        self.touched.setEnabled(self.editable)
        self.form.setRowVisible(self.reverse, link.directed)
        self.reverse.setEnabled(self.editable)

    def set_editable(self, editable: bool) -> None:
        super().set_editable(editable)
        self.reverse.setEnabled(editable)
        self.touched.setEnabled(editable)

    def change_for(self, name: str, value: Any) -> Change | None:
        link = self.link()
        if link is None:
            return None
        if name == "kind":
            strength = (link.strength or 3) if value == "relationship" else None
            last = link.last_contact if value == "relationship" else None
            changed = replace(link, kind=value, strength=strength, last_contact=last)
        elif name == "last_contact":
            changed = replace(link, last_contact=value.strip() or None)
        else:
            changed = replace(link, **{name: value})
        if changed == link:
            return None
        label = {"kind": "Change link kind", "strength": "Change strength", "note": "Change link note",
                 "last_contact": "Change last contact"}[name]
        return Change(links=(changed,), label=label)

    def touch_today(self) -> None:
        link = self.link()
        if link is None or self.editor is None or link.kind != "relationship":
            return
        self.editor.submit(touched_today(link))

    def reverse_direction(self) -> None:
        link = self.link()
        if link is None or self.editor is None:
            return
        turned = replace(link, source=link.target, target=link.source)
        self.editor.submit(Change(links=(turned,), label="Reverse link"))
