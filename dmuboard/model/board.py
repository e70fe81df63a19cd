"""The board: people on two sides and the links between them.

Plain, immutable dataclasses with every rule of the interchange format
(shared/spec/board-format.md) checked on construction. An edit is a new value made
with :func:`dataclasses.replace`, which runs the checks again, so an invalid person,
link or board cannot exist in memory.

Rules that need the whole board (ids unique, link ends present and on the right
sides, no reporting cycles) are checked by :mod:`dmuboard.model.document`.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass, field
from typing import Any

from dmuboard.model.errors import BoardError
from dmuboard.model.readonly import READ_ONLY, ReadOnlyDict

SIDES = ("customer", "ours")
ROLES = (
    "initiator",
    "user",
    "influencer",
    "gatekeeper",
    "buyer",
    "decider",
    "evaluator",
    "sponsor",
    "advisor",
)
STANCES = ("champion", "supporter", "neutral", "skeptic", "blocker", "unknown")
PURCHASE_TYPES = ("new_buy", "modified_rebuy", "straight_rebuy")
LINK_KINDS = ("reports_to", "influences", "relationship", "conflict")
LAYERS = ("reporting", "influence", "relationship", "conflict", "stance")
DIRECTED_KINDS = frozenset({"reports_to", "influences"})
DEFAULT_REQUIRED_ROLES = ("decider", "buyer", "user", "influencer")
DEFAULT_STALE_DAYS = 90
OUTCOMES = ("open", "won", "lost", "no_decision")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

_CURRENCY = re.compile(r"[A-Z]{3}")
# Half of a UTF-16 pair on its own (JSON allows "\\ud800") is not a character: no
# file or export could hold it, so text carrying one is refused up front.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: Any, name: str, low: int, high: int, *, trim: bool = False) -> str:
    if not isinstance(value, str):
        raise BoardError(name, f"expected text, got {_show(value)}")
    if not value.isascii() and _LONE_SURROGATE.search(value):
        raise BoardError(name, "contains a broken character (half of a UTF-16 surrogate pair)")
    if trim:
        value = value.strip()
    if not low <= len(value) <= high:
        if low and not value:
            raise BoardError(name, "must not be empty")
        raise BoardError(name, f"must be {low} to {high} characters, got {len(value)}")
    return value


def _choice(value: Any, name: str, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise BoardError(name, f"{_show(value)} is not one of {', '.join(allowed)}")
    return value


def _choices(value: Any, name: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise BoardError(name, f"expected a list, got {_show(value)}")
    seen: list[str] = []
    for i, item in enumerate(value):
        _choice(item, f"{name}[{i}]", allowed)
        if item in seen:
            raise BoardError(f"{name}[{i}]", f"{_show(item)} is listed twice")
        seen.append(item)
    return tuple(seen)


def _integer(value: Any, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise BoardError(name, f"expected a whole number from {low} to {high}, got {_show(value)}")
    if not low <= value <= high:
        raise BoardError(name, f"must be from {low} to {high}, got {value}")
    return value


# The format's range for places on the board (scene units, 1/96 inch): about 260 m
# either way, far beyond any board and well within what every export can draw.
COORDINATE_LIMIT = 1_000_000.0


def _coordinate(value: Any, name: str, limit: float = COORDINATE_LIMIT) -> float:
    number = _number(value, name)
    if abs(number) > limit:
        raise BoardError(name, f"{_show(value)} is outside the board (at most {limit:,.0f} either way)")
    return number


def _number(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BoardError(name, f"expected a number, got {_show(value)}")
    try:
        number = float(value)
    except OverflowError:  # a whole number with hundreds of digits
        number = math.inf
    if not math.isfinite(number):
        raise BoardError(name, f"expected a finite number, got {_show(value)}")
    return number


def iso_date(value: Any, name: str) -> str:
    """``value`` if it is an ISO calendar date (``2026-11-30``), else a :class:`BoardError`."""
    if not isinstance(value, str) or len(value) != 10:
        raise BoardError(name, f"expected an ISO date like 2026-11-30, got {_show(value)}")
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise BoardError(name, f"expected an ISO date like 2026-11-30, got {_show(value)}") from None
    return value


def _show(value: Any) -> str:
    """A short, safe rendering of a bad value for an error message."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass(frozen=True, slots=True)
class BoardInfo:
    """The deal the board is about."""

    title: str
    customer: str = ""
    our_company: str = ""
    deal_value: float | None = None
    currency: str = "EUR"
    purchase_type: str = "new_buy"
    required_roles: tuple[str, ...] = DEFAULT_REQUIRED_ROLES
    notes: str = ""
    # A relationship with no contact for this many days counts as stale (see the analysis).
    stale_days: int = DEFAULT_STALE_DAYS
    outcome: str = "open"
    outcome_date: str = ""  # ISO date of the close, or "" (open deals, or not known)
    outcome_reason: str = ""
    profile: Any = None  # a dmuboard.model.profile.BoardProfile; None: the library's profile as it is

    @property
    def closed(self) -> bool:
        return self.outcome != "open"

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "title", _text(self.title, "title", 1, 200, trim=True))
        set_(self, "customer", _text(self.customer, "customer", 0, 200))
        set_(self, "our_company", _text(self.our_company, "our_company", 0, 200))
        if self.deal_value is not None:
            value = _number(self.deal_value, "deal_value")
            if value < 0:
                raise BoardError("deal_value", f"must be 0 or more, got {_show(self.deal_value)}")
            set_(self, "deal_value", value)
        if not isinstance(self.currency, str) or not _CURRENCY.fullmatch(self.currency):
            raise BoardError("currency", f"{_show(self.currency)} is not a 3-letter ISO 4217 code")
        _choice(self.purchase_type, "purchase_type", PURCHASE_TYPES)
        set_(self, "required_roles", _choices(self.required_roles, "required_roles", ROLES))
        _text(self.notes, "notes", 0, 20000)
        set_(self, "stale_days", _integer(self.stale_days, "stale_days", 1, 3650))
        _choice(self.outcome, "outcome", OUTCOMES)
        _text(self.outcome_date, "outcome_date", 0, 10)
        if self.outcome_date:
            _check_date(self.outcome_date, "outcome_date")
        _text(self.outcome_reason, "outcome_reason", 0, 2000)
        if self.profile is not None:
            from dmuboard.model.profile import board_profile_from_json

            profile = board_profile_from_json(self.profile)
            set_(self, "profile", None if profile.empty else profile)


def _check_date(value: str, name: str) -> None:
    import datetime

    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        datetime.date.fromisoformat(value)
    except ValueError:
        raise BoardError(name, f"{_show(value)} is not an ISO date (2026-11-30)") from None


@dataclass(frozen=True, slots=True)
class Person:
    """One stakeholder token: someone of the customer's DMU or of our own team."""

    id: str
    side: str
    name: str
    title: str = ""
    department: str = ""
    organisation: str = ""
    roles: tuple[str, ...] = ()
    stance: str = "unknown"
    influence: int = 3
    interests: str = ""
    notes: str = ""
    x: float | None = None
    y: float | None = None
    pinned: bool = False  # Auto-Layout leaves this person where they are

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        _text(self.id, "id", 1, 64)
        _choice(self.side, "side", SIDES)
        set_(self, "name", _text(self.name, "name", 1, 200, trim=True))
        set_(self, "title", _text(self.title, "title", 0, 200, trim=True))
        _text(self.department, "department", 0, 200)
        _text(self.organisation, "organisation", 0, 200)
        set_(self, "roles", _choices(self.roles, "roles", ROLES))
        _choice(self.stance, "stance", STANCES)
        if self.side == "ours":
            if self.roles:
                raise BoardError("roles", "only people on the customer side have DMU roles")
            if self.stance != "unknown":
                raise BoardError("stance", "only people on the customer side have a stance")
        set_(self, "influence", _integer(self.influence, "influence", 1, 5))
        _text(self.interests, "interests", 0, 2000)
        _text(self.notes, "notes", 0, 20000)
        if not isinstance(self.pinned, bool):
            raise BoardError("pinned", f"expected true or false, got {self.pinned!r}")
        if (self.x is None) != (self.y is None):
            raise BoardError("x" if self.x is None else "y", "x and y go together")
        if self.x is not None and self.y is not None:
            set_(self, "x", _coordinate(self.x, "x"))
            set_(self, "y", _coordinate(self.y, "y"))

    @property
    def is_customer(self) -> bool:
        return self.side == "customer"

    @property
    def placed(self) -> bool:
        return self.x is not None


@dataclass(frozen=True, slots=True)
class Link:
    """A line between two people.

    ``id`` is the program's own handle (stable across edits, never part of the
    interchange format). ``source`` and ``target`` are the ``from`` and ``to`` of
    the format: for ``reports_to`` the subordinate and the manager, for
    ``influences`` the one who sways and the one swayed.
    """

    id: str
    source: str
    target: str
    kind: str
    strength: int | None = None
    note: str = ""
    last_contact: str | None = None  # ISO date of the last real contact (relationships only)

    def __post_init__(self) -> None:
        _text(self.id, "id", 1, 64)
        _text(self.source, "from", 1, 64)
        _text(self.target, "to", 1, 64)
        _choice(self.kind, "kind", LINK_KINDS)
        if self.source == self.target:
            raise BoardError("to", "a link cannot join a person to themselves")
        if self.kind == "relationship":
            strength = 3 if self.strength is None else self.strength
            object.__setattr__(self, "strength", _integer(strength, "strength", 1, 5))
        elif self.strength is not None:
            raise BoardError("strength", f"only relationship links have a strength, not {self.kind}")
        _text(self.note, "note", 0, 2000)
        if self.last_contact is not None:
            if self.kind != "relationship":
                raise BoardError("last_contact", f"only relationship links have a last contact, not {self.kind}")
            iso_date(self.last_contact, "last_contact")

    @property
    def directed(self) -> bool:
        return self.kind in DIRECTED_KINDS

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes a link unique: its kind and its ends (unordered when undirected)."""
        a, b = self.source, self.target
        if not self.directed and b < a:
            a, b = b, a
        return (self.kind, a, b)

    def other(self, person_id: str) -> str:
        return self.target if person_id == self.source else self.source


@dataclass(frozen=True, slots=True)
class View:
    """A saved view for presentation: a visible area of the scene and the layers shown."""

    name: str
    rect: tuple[float, float, float, float]
    layers: tuple[str, ...] = LAYERS

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _text(self.name, "name", 1, 200))
        rect = self.rect
        if isinstance(rect, str) or not isinstance(rect, (list, tuple)) or len(rect) != 4:
            raise BoardError("rect", f"expected [x, y, width, height], got {_show(rect)}")
        numbers = tuple(_coordinate(v, f"rect[{i}]", (2 if i < 2 else 4) * COORDINATE_LIMIT)
                        for i, v in enumerate(rect))
        if numbers[2] <= 0 or numbers[3] <= 0:
            raise BoardError("rect", "width and height must be more than 0")
        object.__setattr__(self, "rect", numbers)
        object.__setattr__(self, "layers", _choices(self.layers, "layers", LAYERS))


@dataclass(slots=True)
class Board:
    """A whole board: the deal, the people, the links and the saved views.

    People and links keep their insertion order (the order of the file).
    """

    info: BoardInfo
    people: dict[str, Person] = field(default_factory=dict)
    links: dict[str, Link] = field(default_factory=dict)
    views: tuple[View, ...] = ()
    _sealed: bool = field(default=False, init=False, repr=False, compare=False)

    def __setattr__(self, name: str, value: object) -> None:
        if getattr(self, "_sealed", False):
            raise TypeError(READ_ONLY)
        object.__setattr__(self, name, value)

    def seal(self) -> None:
        """From now on nothing can change this board but its document (see
        :mod:`dmuboard.model.readonly`); reading it stays as it was."""
        if not self._sealed:
            self.people = ReadOnlyDict(self.people)
            self.links = ReadOnlyDict(self.links)
            self._sealed = True

    def customers(self) -> list[Person]:
        return [p for p in self.people.values() if p.side == "customer"]

    def ours(self) -> list[Person]:
        return [p for p in self.people.values() if p.side == "ours"]

    def copy(self) -> Board:
        """An ordinary board of one's own (people, links and details are immutable)."""
        return Board(self.info, dict(self.people), dict(self.links), self.views)

    __copy__ = copy

    def __deepcopy__(self, _memo: dict[int, object]) -> Board:
        return self.copy()
