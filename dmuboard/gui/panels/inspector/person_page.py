"""The inspector page for one person: every field of the token."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dmuboard.gui.panels.inspector.checkfield import CheckField
from dmuboard.gui.panels.inspector.fields import ChecksField, ChoiceField, LineField, NumberField, TextField
from dmuboard.gui.panels.inspector.page import Page
from dmuboard.model.board import ROLES, SIDES, STANCES, Person
from dmuboard.model.document import Change
from dmuboard.model.layout import side_change
from dmuboard.model.vocabulary import ROLE_LABELS, SIDE_LABELS, STANCE_LABELS, role_tip


def moved_to_side(person: Person, side: str) -> Person:
    """``person`` on the other side: across the divide, without customer-only fields."""
    if side == "ours":
        person = replace(person, roles=(), stance="unknown")
    return side_change(person, side)


class PersonPage(Page):
    """Name, title, department, organisation, side, roles, stance, influence, interests, notes."""

    def __init__(self) -> None:
        super().__init__()
        self.person_id: str | None = None
        self.add_field("name", "Name", LineField(self))
        self.add_field("title", "Title", LineField(self), "Job title, e.g. CFO")
        self.add_field("department", "Department", LineField(self))
        self.add_field("organisation", "Organisation", LineField(self),
                       "An outside firm this person works for (consultant, partner); empty for staff")
        self.add_field("side", "Side", ChoiceField([(SIDE_LABELS[s], s) for s in SIDES], self),
                       "Changing the side moves the token across the divide")
        roles = ChecksField(ROLES, ROLE_LABELS, {r: role_tip(r) for r in ROLES}, self)
        self.add_field("roles", "Roles", roles, "The person's roles in the buying committee (DMU)")
        self.add_field("stance", "Stance", ChoiceField([(STANCE_LABELS[s], s) for s in STANCES], self),
                       "Where this person stands on our offer")
        influence = NumberField(1, 5, self)
        influence.setSuffix(" of 5")
        self.add_field("influence", "Influence", influence, "1 (little) to 5 (decisive)")
        self.add_field("interests", "Interests", TextField(self, 2000, 3),
                       "What this person wants to win personally")
        self.add_field("notes", "Notes", TextField(self, 20000, 5), "Private notes")
        self.add_field("pinned", "Position", CheckField("Pin position", self),
                       "Auto-Layout and Tidy Selection leave a pinned person where they are")

    def person(self) -> Person | None:
        board = self.board
        if board is None or self.person_id is None:
            return None
        return board.people.get(self.person_id)

    def refresh(self) -> None:
        person = self.person()
        if person is None:
            return
        for name in ("name", "title", "department", "organisation", "side", "roles", "stance",
                     "influence", "interests", "notes", "pinned"):
            self.fields[name].show_value(getattr(person, name))
        self.set_row_visible("roles", person.is_customer)
        self.set_row_visible("stance", person.is_customer)

    def change_for(self, name: str, value: Any) -> Change | None:
        person = self.person()
        if person is None:
            return None
        changed = moved_to_side(person, value) if name == "side" else replace(person, **{name: value})
        if changed == person:
            return None
        if name == "pinned":
            return Change(people=(changed,), label="Pin position" if value else "Unpin position")
        return Change(people=(changed,), label=f"Change {self.labels[name].lower()}")
