"""What differs between two boards: people and links added, removed and changed.

People are matched by id, links by their ends and kind. Positions on the canvas (and
whether a card is pinned there) are left out: moving a card is tidying, not news for a
review.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dmuboard.model.board import Board, Link
from dmuboard.model.history.delta import LINK_FIELDS, PERSON_FIELDS, person_fields

COMPARED_PERSON_FIELDS = tuple(f for f in PERSON_FIELDS if f not in ("x", "y", "pinned"))


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(slots=True)
class BoardDiff:
    people_added: list[str] = field(default_factory=list)
    people_removed: list[str] = field(default_factory=list)
    # person id -> what changed, in field order
    people_changed: dict[str, list[FieldChange]] = field(default_factory=dict)
    links_added: list[Link] = field(default_factory=list)  # as on the later board
    links_removed: list[Link] = field(default_factory=list)  # as on the earlier board
    links_changed: list[tuple[Link, list[FieldChange]]] = field(default_factory=list)  # the later link

    @property
    def empty(self) -> bool:
        return not (self.people_added or self.people_removed or self.people_changed or self.links_added
                    or self.links_removed or self.links_changed)


def compare(before: Board, after: Board) -> BoardDiff:
    diff = BoardDiff()
    old_people, new_people = before.people, after.people
    for pid in old_people:
        if pid not in new_people:
            diff.people_removed.append(pid)
    for pid, person in new_people.items():
        old = old_people.get(pid)
        if old is None:
            diff.people_added.append(pid)
        elif old != person:
            a, b = person_fields(old), person_fields(person)
            changes = [FieldChange(f, a[f], b[f]) for f in COMPARED_PERSON_FIELDS if a[f] != b[f]]
            if changes:
                diff.people_changed[pid] = changes
    old_links = {link.key: link for link in before.links.values()}
    new_links = {link.key: link for link in after.links.values()}
    for key, link in old_links.items():
        if key not in new_links:
            diff.links_removed.append(link)
    for key, link in new_links.items():
        old_link = old_links.get(key)
        if old_link is None:
            diff.links_added.append(link)
            continue
        changes = [FieldChange(f, getattr(old_link, f), getattr(link, f)) for f in LINK_FIELDS
                   if getattr(old_link, f) != getattr(link, f)]
        if changes:
            diff.links_changed.append((link, changes))
    return diff


def link_json(link: Link) -> dict[str, str]:
    return {"from": link.source, "to": link.target, "kind": link.kind}


def diff_to_json(diff: BoardDiff) -> dict[str, Any]:
    """The ``people`` and ``links`` parts of ``dmuboard diff --json`` (cli.md)."""
    changed_people = [{"id": pid, "field": c.field, "before": c.before, "after": c.after}
                      for pid, changes in diff.people_changed.items() for c in changes]
    changed_links = [{**link_json(link), "field": c.field, "before": c.before, "after": c.after}
                     for link, changes in diff.links_changed for c in changes]
    return {
        "people": {"added": list(diff.people_added), "removed": list(diff.people_removed),
                   "changed": changed_people},
        "links": {"added": [link_json(link) for link in diff.links_added],
                  "removed": [link_json(link) for link in diff.links_removed],
                  "changed": changed_links},
    }
