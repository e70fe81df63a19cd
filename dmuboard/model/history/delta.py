"""One recorded step as what it changed: each field's value before and after.

A :class:`Delta` is both a change and its undo, so the board of any moment can be
reached from the board of now by applying deltas backwards, and a step that only
moved a card costs a few dozen bytes (only the fields that changed are kept).

People are named by id. Links are named by their ends and kind (``from``, ``to``,
``kind``), as the interchange format names them: the program's link ids are not
part of the format, so a history read back from JSON still finds its links.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from dmuboard.model.board import Board, BoardInfo, Link, Person, View
from dmuboard.model.document import Change
from dmuboard.model.errors import BoardError

PERSON_FIELDS = ("side", "name", "title", "department", "organisation", "roles", "stance",
                 "influence", "interests", "notes", "x", "y", "pinned")
LINK_FIELDS = ("strength", "note", "last_contact")
INFO_FIELDS = ("title", "customer", "our_company", "deal_value", "currency", "purchase_type",
               "required_roles", "notes", "stale_days", "outcome", "outcome_date", "outcome_reason")

Fields = dict[str, Any]
LinkKey = tuple[str, str, str]  # from, to, kind as given (see key_of for the undirected order)


@dataclass(frozen=True, slots=True)
class PersonStep:
    id: str
    before: Fields | None  # None: the person was added
    after: Fields | None  # None: the person was removed


@dataclass(frozen=True, slots=True)
class LinkStep:
    ends: LinkKey
    before: Fields | None
    after: Fields | None


@dataclass(frozen=True, slots=True)
class Delta:
    people: tuple[PersonStep, ...] = ()
    links: tuple[LinkStep, ...] = ()
    info: tuple[Fields, Fields] | None = None
    views: tuple[list[Any], list[Any]] | None = None


def _value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def person_fields(p: Person) -> Fields:
    return {name: _value(getattr(p, name)) for name in PERSON_FIELDS}


def link_fields(link: Link) -> Fields:
    return {name: getattr(link, name) for name in LINK_FIELDS}


def info_fields(info: BoardInfo) -> Fields:
    return {name: _value(getattr(info, name)) for name in INFO_FIELDS}


def views_value(views: tuple[View, ...]) -> list[Any]:
    return [{"name": v.name, "rect": list(v.rect), "layers": list(v.layers)} for v in views]


def _changed(old: Fields, new: Fields) -> tuple[Fields, Fields]:
    names = [name for name in new if old.get(name) != new[name]]
    return {n: old.get(n) for n in names}, {n: new[n] for n in names}


def key_of(kind: str, source: str, target: str) -> tuple[str, str, str]:
    """The link's identity on a board: its kind and ends (unordered when undirected)."""
    return Link("probe", source, target, kind, 3 if kind == "relationship" else None).key


def delta_of(board: Board, change: Change) -> Delta:
    """What ``change`` does to ``board`` (the board before it)."""
    people: dict[str, PersonStep] = {}
    for pid in change.removed_people:
        old = board.people.get(pid)
        if old is not None:
            people[pid] = PersonStep(pid, person_fields(old), None)
    for p in change.people:
        was = people.pop(p.id, None)
        old = board.people.get(p.id)
        if old is None:
            people[p.id] = PersonStep(p.id, None, person_fields(p))
        else:
            before, after = _changed(was.before if was and was.before else person_fields(old), person_fields(p))
            if after:
                people[p.id] = PersonStep(p.id, before, after)
    gone = {lid: board.links[lid] for lid in change.removed_links if lid in board.links}
    put = {link.id: link for link in change.links}
    olds = {**gone, **{lid: board.links[lid] for lid in put if lid in board.links}}
    new_links = list(put.values())
    return _delta(people, list(olds.values()), new_links, board, change)


def _delta(people: dict[str, PersonStep], old_links: list[Link], new_links: list[Link],
           board: Board, change: Change) -> Delta:
    info = None
    if change.info is not None:
        before, after = _changed(info_fields(board.info), info_fields(change.info))
        info = (before, after) if after else None
    views = None
    if change.views is not None and change.views != board.views:
        views = (views_value(board.views), views_value(change.views))
    return Delta(tuple(people.values()), _link_steps(old_links, new_links), info, views)


def _link_steps(old_links: list[Link], new_links: list[Link]) -> tuple[LinkStep, ...]:
    """Links before and after, matched by their ends and kind."""
    olds = {link.key: link for link in old_links}
    news = {link.key: link for link in new_links}
    steps = []
    for key, old in olds.items():
        new = news.get(key)
        ends = (old.source, old.target, old.kind)
        if new is None:
            steps.append(LinkStep(ends, link_fields(old), None))
            continue
        before, after = _changed(link_fields(old), link_fields(new))
        if new.source != old.source:  # an undirected link drawn the other way round
            steps.append(LinkStep(ends, link_fields(old), None))
            steps.append(LinkStep((new.source, new.target, new.kind), None, link_fields(new)))
        elif after:
            steps.append(LinkStep(ends, before, after))
    for key, new in news.items():
        if key not in olds:
            steps.append(LinkStep((new.source, new.target, new.kind), None, link_fields(new)))
    return tuple(steps)


def delta_between(old: Board, new: Board) -> Delta:
    """Everything that differs between two boards, as one step from ``old`` to ``new``."""
    people: dict[str, PersonStep] = {}
    for pid, p in old.people.items():
        if pid not in new.people:
            people[pid] = PersonStep(pid, person_fields(p), None)
    for pid, p in new.people.items():
        was = old.people.get(pid)
        if was is None:
            people[pid] = PersonStep(pid, None, person_fields(p))
        elif was != p:
            before, after = _changed(person_fields(was), person_fields(p))
            if after:
                people[pid] = PersonStep(pid, before, after)
    change = Change(info=new.info, views=new.views)
    return _delta(people, list(old.links.values()), list(new.links.values()), old, change)


# -- applying --------------------------------------------------------------------------


class Replay:
    """A board being walked through its history, with its links found by their ends."""

    def __init__(self, board: Board) -> None:
        self.board = board.copy()
        self._by_key: dict[tuple[str, str, str], str] = {link.key: lid for lid, link in board.links.items()}
        self._made = 0

    def apply(self, delta: Delta, *, backwards: bool) -> None:
        """Take ``delta`` forwards or backwards; :class:`BoardError` if the board is not
        where the delta says it starts (a damaged history)."""
        board = self.board
        for step in delta.people:
            start, end = (step.after, step.before) if backwards else (step.before, step.after)
            current = board.people.get(step.id)
            if start is None:
                if current is not None:
                    raise BoardError(f"person {step.id!r}", "is added, but is already there")
                board.people[step.id] = _person(step.id, end or {})
                continue
            if current is None:
                raise BoardError(f"person {step.id!r}", "is changed or removed, but is not there")
            _agree_with(current, start, f"person {step.id!r}")
            if end is None:
                del board.people[step.id]
            else:
                board.people[step.id] = _moved(current, end) or _person(step.id, {**person_fields(current), **end})
        for link_step in reversed(delta.links) if backwards else delta.links:
            self._link(link_step, backwards)
        if delta.info is not None:
            start_info, end_info = delta.info[::-1] if backwards else delta.info
            _agree(info_fields(board.info), start_info, "board")
            try:
                board.info = replace(board.info, **_info_values(end_info))
            except (BoardError, TypeError) as error:
                raise BoardError("board", str(error)) from None
        if delta.views is not None:
            start_views, end_views = delta.views[::-1] if backwards else delta.views
            if views_value(board.views) != start_views:
                raise BoardError("views", "are not what the step says they were")
            board.views = _views(end_views)

    def _link(self, step: LinkStep, backwards: bool) -> None:
        board = self.board
        start, end = (step.after, step.before) if backwards else (step.before, step.after)
        source, target, kind = step.ends
        place = f"link {source} -> {target} ({kind})"
        try:
            key = key_of(kind, source, target)
        except BoardError as error:
            raise error.within(place) from None
        lid = self._by_key.get(key)
        if start is None:
            if lid is not None:
                raise BoardError(place, "is added, but is already there")
            self._made += 1
            lid = f"h{self._made}"
            while lid in board.links:
                self._made += 1
                lid = f"h{self._made}"
            board.links[lid] = _link(lid, step.ends, end or {}, place)
            self._by_key[key] = lid
            return
        if lid is None:
            raise BoardError(place, "is changed or removed, but is not there")
        current = board.links[lid]
        _agree(link_fields(current), start, place)
        if end is None:
            del board.links[lid]
            del self._by_key[key]
        else:
            board.links[lid] = _link(lid, (current.source, current.target, kind), {**link_fields(current), **end},
                                     place)


def _agree_with(current: Person, start: Mapping[str, Any], place: str) -> None:
    for name, value in start.items():
        if name not in PERSON_FIELDS or _value(getattr(current, name)) != value:
            raise BoardError(f"{place}.{name}", "is not what the step says it was")


def _moved(current: Person, end: Mapping[str, Any]) -> Person | None:
    """The person moved to the place ``end`` gives, when that is all it gives (most steps
    are moves): the new position checked as Person checks it, the rest kept as it is.
    None for any other step (built and checked whole by :func:`_person`)."""
    if end.keys() != {"x", "y"}:
        return None
    x, y = end["x"], end["y"]
    if not all(type(v) in (int, float) and math.isfinite(v) for v in (x, y)):
        return None  # let Person say what is wrong (or place nobody: both None)
    moved = copy.copy(current)
    object.__setattr__(moved, "x", float(x))
    object.__setattr__(moved, "y", float(y))
    return moved


def _agree(current: Mapping[str, Any], start: Mapping[str, Any], place: str) -> None:
    for name, value in start.items():
        if current.get(name) != value:
            raise BoardError(f"{place}.{name}", "is not what the step says it was")


def _person(pid: str, values: Mapping[str, Any]) -> Person:
    try:
        return Person(id=pid, **{k: v for k, v in values.items() if k in PERSON_FIELDS})
    except BoardError as error:
        raise error.within(f"person {pid!r}") from None
    except TypeError:
        raise BoardError(f"person {pid!r}", "is missing fields") from None


def _link(lid: str, ends: LinkKey, values: Mapping[str, Any], place: str) -> Link:
    try:
        return Link(lid, ends[0], ends[1], ends[2], values.get("strength"), values.get("note", ""),
                    values.get("last_contact"))
    except BoardError as error:
        raise error.within(place) from None


def _info_values(values: Mapping[str, Any]) -> Fields:
    return {k: v for k, v in values.items() if k in INFO_FIELDS}


def _views(values: list[Any]) -> tuple[View, ...]:
    try:
        return tuple(View(v["name"], v["rect"], v["layers"]) for v in values)
    except BoardError as error:
        raise error.within("views") from None
    except (TypeError, KeyError):
        raise BoardError("views", "are not a list of saved views") from None


# -- as JSON ----------------------------------------------------------------------------


def delta_to_json(delta: Delta) -> dict[str, Any]:
    """The ``change`` of a history entry (board-format.md, version 2)."""
    out: dict[str, Any] = {}
    if delta.people:
        out["people"] = [{"id": s.id, "before": s.before, "after": s.after} for s in delta.people]
    if delta.links:
        out["links"] = [{"from": s.ends[0], "to": s.ends[1], "kind": s.ends[2], "before": s.before,
                         "after": s.after} for s in delta.links]
    if delta.info is not None:
        out["board"] = {"before": delta.info[0], "after": delta.info[1]}
    if delta.views is not None:
        out["views"] = {"before": delta.views[0], "after": delta.views[1]}
    return out


def delta_from_json(data: Any) -> Delta:
    """Read a ``change``; :class:`BoardError` naming the place when its shape is wrong.
    The values themselves are checked when the step is applied."""
    if not isinstance(data, dict):
        raise BoardError("change", "expected an object")
    people = tuple(PersonStep(_text(item, "id", f"people[{i}]"), *_sides(item, f"people[{i}]", PERSON_FIELDS))
                   for i, item in enumerate(_items(data, "people")))
    links = []
    for i, item in enumerate(_items(data, "links")):
        place = f"links[{i}]"
        ends = (_text(item, "from", place), _text(item, "to", place), _text(item, "kind", place))
        links.append(LinkStep(ends, *_sides(item, place, LINK_FIELDS)))
    info = None
    if "board" in data:
        before, after = _sides(data["board"], "board", INFO_FIELDS)
        if before is None or after is None:
            raise BoardError("board", "needs both before and after")
        info = (before, after)
    views = None
    if "views" in data:
        item = data["views"]
        if not isinstance(item, dict) or not all(isinstance(item.get(k), list) for k in ("before", "after")):
            raise BoardError("views", "needs the lists before and after")
        views = (item["before"], item["after"])
    return Delta(people, tuple(links), info, views)


def _items(data: dict[str, Any], name: str) -> list[Any]:
    items = data.get(name, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise BoardError(name, "expected a list of objects")
    return items


def _text(item: dict[str, Any], name: str, place: str) -> str:
    value = item.get(name)
    if not isinstance(value, str) or not value:
        raise BoardError(f"{place}.{name}", "expected text")
    return value


_ALLOWED: dict[tuple[str, ...], frozenset[str]] = {
    names: frozenset(names) for names in (PERSON_FIELDS, LINK_FIELDS, INFO_FIELDS)
}


def _sides(item: Any, place: str, allowed: tuple[str, ...]) -> tuple[Fields | None, Fields | None]:
    if not isinstance(item, dict):
        raise BoardError(place, "expected an object")
    sides: list[Fields | None] = []
    for name in ("before", "after"):
        value = item.get(name)
        if value is not None and not isinstance(value, dict):
            raise BoardError(f"{place}.{name}", "expected an object or null")
        if value is not None and not value.keys() <= _ALLOWED[allowed]:
            unknown = sorted(set(value) - set(allowed))
            raise BoardError(f"{place}.{name}", f"{unknown[0]!r} is not a field here")
        sides.append(value)
    if sides[0] is None and sides[1] is None:
        raise BoardError(place, "needs before or after")
    return sides[0], sides[1]


def dumps_compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
