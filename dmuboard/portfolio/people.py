"""Our people across the accounts: where each holds relationships, and where alone.

People are matched by name across boards with case and spacing ignored ("Sanne de
Vries" and "sanne  de vries " are one person). An account is a board where the
person holds at least one relationship; it is their *only thread* when nobody else
of ours holds any relationship on that board.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from dmuboard.portfolio.summary import BoardSummary


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


@dataclass(slots=True)
class OurPerson:
    name: str  # as first met
    accounts: list[str] = field(default_factory=list)  # board paths
    only_thread: list[str] = field(default_factory=list)  # board paths

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "accounts": len(self.accounts), "only_thread": len(self.only_thread),
                "boards": list(self.accounts), "only_thread_boards": list(self.only_thread)}


def our_people(rows: Iterable[BoardSummary]) -> list[OurPerson]:
    """Everyone of ours who holds a relationship somewhere: most only-threads first, then most accounts."""
    found: dict[str, OurPerson] = {}
    for row in rows:
        if row.error is not None:
            continue
        holding: dict[str, str] = {}
        for holder in row.holders:
            if holder.relationships:
                key = name_key(holder.name)
                holding.setdefault(key, holder.name)
        for key, name in holding.items():
            person = found.setdefault(key, OurPerson(name))
            person.accounts.append(row.path)
            if len(holding) == 1:
                person.only_thread.append(row.path)
    return sorted(found.values(), key=lambda p: (-len(p.only_thread), -len(p.accounts), name_key(p.name)))
