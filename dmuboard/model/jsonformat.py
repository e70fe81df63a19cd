"""The JSON interchange format, version 2 (shared/spec/board-format.md; version 1 is read too).

:func:`board_from_document` refuses a whole document on the first broken rule, with
a message that names the place (``people[3].stance: 'enemy' is not one of ...``).
:func:`board_to_document` writes every field, so a board read back from its own
output is equal to the original. :func:`read_document` and :func:`write_document`
carry the board's ``history`` as well.
"""

from __future__ import annotations

import json
import math
from typing import Any

from dmuboard.model.board import DEFAULT_STALE_DAYS, LAYERS, Board, BoardInfo, Link, Person, View
from dmuboard.model.document import check_board
from dmuboard.model.errors import BoardError
from dmuboard.model.history.entry import Entry, entries_from_json, entry_to_json
from dmuboard.model.history.timeline import Timeline
from dmuboard.model.profile import board_profile_from_json

FORMAT = "dmuboard"
VERSION = 2  # version 2 adds fields (board-format.md); version 1 documents read as before
NEWEST = VERSION  # the newest version this program reads (and writes, for boards that need it)

_INFO_FIELDS = ("title", "customer", "our_company", "deal_value", "currency",
                "purchase_type", "required_roles", "notes", "stale_days",
                "outcome", "outcome_date", "outcome_reason")
_PERSON_FIELDS = ("id", "side", "name", "title", "department", "organisation", "roles",
                  "stance", "influence", "interests", "notes", "x", "y", "pinned")


def _object(value: Any, place: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BoardError(place, f"expected an object, got {type(value).__name__}")
    return value


def _list(value: Any, place: str) -> list[Any]:
    if not isinstance(value, list):
        raise BoardError(place, f"expected a list, got {type(value).__name__}")
    return value


def _pick(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: data[name] for name in names if name in data}


def _need(data: dict[str, Any], name: str, place: str) -> None:
    if name not in data:
        raise BoardError(f"{place}.{name}" if place else name, "is required")


def board_from_document(document: Any) -> Board:
    """Read a parsed JSON document into a board, checking every rule."""
    doc = _object(document, "")
    if doc.get("format") != FORMAT:
        raise BoardError("format", f"expected {FORMAT!r}, got {doc.get('format')!r}: not a DMU Board document")
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise BoardError("version", f"expected a whole number, got {version!r}")
    if version > NEWEST:
        raise BoardError(
            "version",
            f"this document is format version {version}; this program reads version {NEWEST} "
            "and older. Update DMU Board to open it.",
        )
    if version < 1:
        raise BoardError("version", f"{version} is not a format version")

    _need(doc, "board", "")
    info_data = _object(doc["board"], "board")
    _need(info_data, "title", "board")
    try:
        fields = _pick(info_data, _INFO_FIELDS)
        if "outcome_date" in fields and fields["outcome_date"] is None:
            del fields["outcome_date"]  # null: no date
        if "profile" in info_data:
            fields["profile"] = board_profile_from_json(info_data["profile"])
        info = BoardInfo(**fields)
    except BoardError as error:
        raise error.within("board") from None

    people: dict[str, Person] = {}
    for i, item in enumerate(_list(doc.get("people", []), "people")):
        place = f"people[{i}]"
        data = _object(item, place)
        for name in ("id", "side", "name"):
            _need(data, name, place)
        try:
            person = Person(**_pick(data, _PERSON_FIELDS))
        except BoardError as error:
            raise error.within(place) from None
        if person.id in people:
            raise BoardError(f"{place}.id", f"{person.id!r} is used by another person too")
        people[person.id] = person

    links: dict[str, Link] = {}
    places: dict[str, str] = {}
    for i, item in enumerate(_list(doc.get("links", []), "links")):
        place = f"links[{i}]"
        data = _object(item, place)
        for name in ("from", "to", "kind"):
            _need(data, name, place)
        link_id = f"l{i + 1}"
        try:
            link = Link(link_id, data["from"], data["to"], data["kind"],
                        data.get("strength"), data.get("note", ""), data.get("last_contact"))
        except BoardError as error:
            raise error.within(place) from None
        links[link_id] = link
        places[link_id] = place

    views: list[View] = []
    for i, item in enumerate(_list(doc.get("views", []), "views")):
        place = f"views[{i}]"
        data = _object(item, place)
        for name in ("name", "rect"):
            _need(data, name, place)
        try:
            views.append(View(data["name"], data["rect"], data.get("layers", LAYERS)))
        except BoardError as error:
            raise error.within(place) from None

    board = Board(info, people, links, tuple(views))
    check_board(board, lambda link: places[link.id])
    return board


def _number_out(value: float) -> float | int:
    return int(value) if math.isfinite(value) and value.is_integer() and abs(value) < 2**53 else value


def written_version(board: Board, history: list[Entry] | None = None) -> int:
    """The lowest version that holds everything of ``board`` (and its ``history``): a board
    using no field of version 2 is written as version 1, which older programs still read."""
    uses_version_2 = (
        bool(history)
        or board.info.stale_days != DEFAULT_STALE_DAYS
        or any(p.pinned for p in board.people.values())
        or any(link.last_contact is not None for link in board.links.values())
        or board.info.outcome != "open" or bool(board.info.outcome_date) or bool(board.info.outcome_reason)
        or board.info.profile is not None
    )
    return 2 if uses_version_2 else 1


def board_to_document(board: Board) -> dict[str, Any]:
    """The interchange document of ``board``: plain dicts and lists, ready for ``json.dump``."""
    info = board.info
    people = []
    for p in board.people.values():
        item: dict[str, Any] = {
            "id": p.id, "side": p.side, "name": p.name, "title": p.title,
            "department": p.department, "organisation": p.organisation,
            "roles": list(p.roles), "stance": p.stance, "influence": p.influence,
            "interests": p.interests, "notes": p.notes,
        }
        if p.x is not None and p.y is not None:
            item["x"] = p.x
            item["y"] = p.y
        if p.pinned:
            item["pinned"] = True
        people.append(item)
    links = []
    for link in board.links.values():
        entry: dict[str, Any] = {"from": link.source, "to": link.target, "kind": link.kind}
        if link.strength is not None:
            entry["strength"] = link.strength
        entry["note"] = link.note
        if link.last_contact is not None:
            entry["last_contact"] = link.last_contact
        links.append(entry)
    extra: dict[str, Any] = {}
    if info.outcome != "open" or info.outcome_date or info.outcome_reason:
        extra.update(outcome=info.outcome, outcome_date=info.outcome_date or None,
                     outcome_reason=info.outcome_reason)
    if info.profile is not None:
        extra["profile"] = info.profile.to_json()
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": written_version(board),
        "board": {
            "title": info.title,
            "customer": info.customer,
            "our_company": info.our_company,
            "deal_value": None if info.deal_value is None else _number_out(info.deal_value),
            "currency": info.currency,
            "purchase_type": info.purchase_type,
            "required_roles": list(info.required_roles),
            "notes": info.notes,
            **({"stale_days": info.stale_days} if info.stale_days != DEFAULT_STALE_DAYS else {}),
            **extra,
        },
        "people": people,
        "links": links,
    }
    if board.views:
        document["views"] = [
            {"name": v.name, "rect": list(v.rect), "layers": list(v.layers)} for v in board.views
        ]
    return document


def read_document(document: Any) -> tuple[Board, list[Entry]]:
    """The board of a parsed document and its history (empty when it has none).

    The history is checked against the board: every step must agree with the board it
    meets when walked back from now, or the whole document is refused.
    """
    board = board_from_document(document)
    if "history" not in document:
        return board, []
    entries = entries_from_json(document["history"])
    Timeline(board, entries, "the document")
    return board, entries


def write_document(board: Board, history: list[Entry] | None = None) -> dict[str, Any]:
    """:func:`board_to_document` with the ``history`` (left out when there is none)."""
    document = board_to_document(board)
    if history:
        document["version"] = written_version(board, history)
        document["history"] = [entry_to_json(entry) for entry in history]
    return document


def loads(text: str | bytes) -> Board:
    """Parse JSON text into a board; a JSON syntax error is a :class:`BoardError` too."""
    return loads_with_history(text)[0]


def loads_with_history(text: str | bytes) -> tuple[Board, list[Entry]]:
    """Parse JSON text into a board and its history; a syntax error is a :class:`BoardError` too.

    A leading byte-order mark (as Windows editors write) is allowed.
    """
    if isinstance(text, bytes) and text.startswith(b"\xef\xbb\xbf"):
        text = text[3:]
    elif isinstance(text, str) and text.startswith("\ufeff"):
        text = text[1:]
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BoardError(f"line {error.lineno}, column {error.colno}", f"not valid JSON ({error.msg})") from None
    except UnicodeDecodeError:
        raise BoardError("", "not valid JSON (the text is not UTF-8)") from None
    except (ValueError, RecursionError) as error:  # e.g. a number with thousands of digits
        raise BoardError("", f"not valid JSON ({error})") from None
    return read_document(document)


def dumps(board: Board, history: list[Entry] | None = None) -> str:
    return json.dumps(write_document(board, history), ensure_ascii=False, indent=2) + "\n"
