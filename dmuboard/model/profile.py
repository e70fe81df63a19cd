"""The DMU profile: the functions or roles we want to know at every customer.

The library's profile (a JSON file, docs/spec/profile.md) is a list of entries; each
has a label and title keywords (Dutch and English: "CEO": ceo, algemeen directeur,
managing director) and/or a buying role. A board can add entries of its own and leave
entries of the library out by label (the board field ``profile``).

An entry matches a customer person whose title or department contains one of its
keywords (as whole words, case and spacing ignored) or who holds its role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from dmuboard.model.board import ROLES, _choice, _show, _text
from dmuboard.model.errors import BoardError

MAX_ENTRIES = 100
MAX_KEYWORDS = 50


_NOT_WORD = re.compile(r"\W+")


def _words(text: str) -> str:
    """``text`` as space-separated words with a space on each side, for whole-word matching."""
    return " " + " ".join(w for w in _NOT_WORD.split(fold(text)) if w) + " "


def fold(text: str) -> str:
    """Lower case, spacing collapsed: how titles and keywords are compared."""
    return " ".join(text.casefold().split())


@dataclass(frozen=True, slots=True)
class ProfileEntry:
    """One function or role of the profile."""

    label: str
    keywords: tuple[str, ...] = ()
    role: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", _text(self.label, "label", 1, 100, trim=True))
        words = self.keywords
        if isinstance(words, str) or not isinstance(words, (list, tuple)):
            raise BoardError("keywords", f"expected a list, got {_show(words)}")
        if len(words) > MAX_KEYWORDS:
            raise BoardError("keywords", f"at most {MAX_KEYWORDS} keywords, got {len(words)}")
        kept = []
        for i, word in enumerate(words):
            folded = fold(_text(word, f"keywords[{i}]", 1, 100, trim=True))
            if folded not in kept:
                kept.append(folded)
        object.__setattr__(self, "keywords", tuple(kept))
        if self.role is not None:
            _choice(self.role, "role", ROLES)
        if not kept and self.role is None:
            raise BoardError("", "an entry needs title keywords, a role, or both")

    def matches(self, title: str, roles: tuple[str, ...], department: str = "") -> bool:
        """Whether a person with this title, roles and department is what the entry asks for."""
        if self.role is not None and self.role in roles:
            return True
        if not self.keywords:
            return False
        words = _words(title) + _words(department)
        return any(_words(k) in words for k in self.keywords)

    def to_json(self) -> dict[str, Any]:
        item: dict[str, Any] = {"label": self.label, "keywords": list(self.keywords)}
        if self.role is not None:
            item["role"] = self.role
        return item


def entry_from_json(data: Any, place: str) -> ProfileEntry:
    if not isinstance(data, dict):
        raise BoardError(place, f"expected an object, got {type(data).__name__}")
    if "label" not in data:
        raise BoardError(f"{place}.label", "is required")
    try:
        return ProfileEntry(data["label"], data.get("keywords", ()), data.get("role"))
    except BoardError as error:
        raise error.within(place) from None


def entries_from_json(data: Any, place: str) -> tuple[ProfileEntry, ...]:
    if not isinstance(data, list):
        raise BoardError(place, f"expected a list, got {type(data).__name__}")
    if len(data) > MAX_ENTRIES:
        raise BoardError(place, f"at most {MAX_ENTRIES} entries, got {len(data)}")
    entries: list[ProfileEntry] = []
    for i, item in enumerate(data):
        entry = entry_from_json(item, f"{place}[{i}]")
        if any(fold(e.label) == fold(entry.label) for e in entries):
            raise BoardError(f"{place}[{i}].label", f"{entry.label!r} is listed twice")
        entries.append(entry)
    return tuple(entries)


@dataclass(frozen=True, slots=True)
class BoardProfile:
    """What one board changes of the library's profile: entries added, labels left out."""

    add: tuple[ProfileEntry, ...] = ()
    omit: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not all(isinstance(e, ProfileEntry) for e in self.add):
            raise BoardError("add", "expected profile entries")
        omit = self.omit
        if isinstance(omit, str) or not isinstance(omit, (list, tuple)):
            raise BoardError("omit", f"expected a list, got {_show(omit)}")
        if len(omit) > MAX_ENTRIES:
            raise BoardError("omit", f"at most {MAX_ENTRIES} labels, got {len(omit)}")
        object.__setattr__(self, "omit", tuple(_text(label, f"omit[{i}]", 1, 100, trim=True)
                                               for i, label in enumerate(omit)))

    @property
    def empty(self) -> bool:
        return not self.add and not self.omit

    def apply(self, library: tuple[ProfileEntry, ...]) -> tuple[ProfileEntry, ...]:
        """The profile this board is checked against."""
        left_out = {fold(label) for label in self.omit}
        kept = [e for e in library if fold(e.label) not in left_out]
        known = {fold(e.label) for e in kept}
        return (*kept, *(e for e in self.add if fold(e.label) not in known and fold(e.label) not in left_out))

    def to_json(self) -> dict[str, Any]:
        return {"add": [e.to_json() for e in self.add], "omit": list(self.omit)}


def board_profile_from_json(data: Any, place: str = "profile") -> BoardProfile:
    if isinstance(data, BoardProfile):
        return data
    if not isinstance(data, dict):
        raise BoardError(place, f"expected an object, got {type(data).__name__}")
    add = entries_from_json(data.get("add", []), f"{place}.add")
    try:
        return BoardProfile(add, data.get("omit", []))
    except BoardError as error:
        raise error.within(place) from None
