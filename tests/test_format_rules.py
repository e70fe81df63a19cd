"""Every rule of the interchange format, each with a document that keeps it and one
that breaks it, read through the JSON reader (shared/spec/board-format.md).

A broken rule must reject the whole document with one message that names the place,
e.g. ``people[1].stance: 'enemy' is not one of champion, ...``.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from dmuboard.model import jsonformat
from dmuboard.model.errors import BoardError

Doc = dict[str, Any]


def base() -> Doc:
    """A valid document: two customers, one of ours, a link of each kind, one view."""
    return {
        "format": "dmuboard",
        "version": 1,
        "board": {"title": "Deal", "customer": "Acme", "our_company": "Us", "deal_value": 1000,
                  "currency": "EUR", "purchase_type": "new_buy", "required_roles": ["decider"], "notes": ""},
        "people": [
            {"id": "p1", "side": "customer", "name": "Ann", "roles": ["decider"], "stance": "neutral",
             "influence": 5, "x": -100.0, "y": 0.0},
            {"id": "p2", "side": "customer", "name": "Bea", "title": "IT"},
            {"id": "u1", "side": "ours", "name": "Sam"},
            {"id": "u2", "side": "ours", "name": "Eva"},
        ],
        "links": [
            {"from": "p2", "to": "p1", "kind": "reports_to"},
            {"from": "p1", "to": "p2", "kind": "influences"},
            {"from": "u1", "to": "p1", "kind": "relationship", "strength": 4},
            {"from": "p1", "to": "p2", "kind": "conflict"},
        ],
        "views": [{"name": "All", "rect": [-500, -300, 1000, 600], "layers": ["reporting", "stance"]}],
    }


def setting(path: str, value: Any) -> Callable[[Doc], None]:
    """A mutation that sets ``a.b[2].c`` to ``value`` (``...`` removes the key)."""
    def mutate(doc: Doc) -> None:
        parts = path.replace("[", ".[").split(".")
        target: Any = doc
        for part in parts[:-1]:
            target = target[int(part[1:-1])] if part.startswith("[") else target[part]
        last = parts[-1]
        key: Any = int(last[1:-1]) if last.startswith("[") else last
        if value is ...:
            del target[key]
        else:
            target[key] = value
    return mutate


def adding(path: str, item: Any) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        doc[path].append(item)
    return mutate


def both(*mutations: Callable[[Doc], None]) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        for m in mutations:
            m(doc)
    return mutate


OK = None
# (name, mutation, None if the document stays valid, else the exact start of the message)
CASES: list[tuple[str, Callable[[Doc], None], str | None]] = [
    # the document
    ("format right", setting("format", "dmuboard"), OK),
    ("format wrong", setting("format", "trello"), "format: expected 'dmuboard', got 'trello'"),
    ("format missing", setting("format", ...), "format: expected 'dmuboard', got None"),
    ("version 1", setting("version", 1), OK),
    ("version 2", setting("version", 2), OK),
    ("version newer", setting("version", 3),
     "version: this document is format version 3; this program reads version 2"),
    ("version zero", setting("version", 0), "version: 0 is not a format version"),
    ("version text", setting("version", "1"), "version: expected a whole number"),
    ("unknown keys ignored", both(setting("extra", {"x": 1}), setting("board.colour", "red"),
                                  setting("people[0].shoe", 44), setting("links[0].weight", 9),
                                  setting("views[0].zoom", 2)), OK),
    ("board missing", setting("board", ...), "board: is required"),
    ("board not object", setting("board", []), "board: expected an object, got list"),
    ("people not list", setting("people", {}), "people: expected a list, got dict"),
    ("people absent", both(setting("people", ...), setting("links", ...)), OK),
    ("person not object", setting("people[1]", "Bea"), "people[1]: expected an object, got str"),
    # board fields
    ("title trimmed ok", setting("board.title", "  Deal  "), OK),
    ("title missing", setting("board.title", ...), "board.title: is required"),
    ("title blank", setting("board.title", "   "), "board.title: must not be empty"),
    ("title 200", setting("board.title", "t" * 200), OK),
    ("title 201", setting("board.title", "t" * 201), "board.title: must be 1 to 200 characters, got 201"),
    ("customer 200", setting("board.customer", "c" * 200), OK),
    ("customer 201", setting("board.customer", "c" * 201), "board.customer: must be 0 to 200 characters"),
    ("our_company 201", setting("board.our_company", "c" * 201), "board.our_company: must be 0 to 200"),
    ("customer not text", setting("board.customer", 5), "board.customer: expected text, got 5"),
    ("deal_value null", setting("board.deal_value", None), OK),
    ("deal_value zero", setting("board.deal_value", 0), OK),
    ("deal_value negative", setting("board.deal_value", -1), "board.deal_value: must be 0 or more, got -1"),
    ("deal_value text", setting("board.deal_value", "1000"), "board.deal_value: expected a number, got '1000'"),
    ("deal_value boolean", setting("board.deal_value", True), "board.deal_value: expected a number, got True"),
    ("currency USD", setting("board.currency", "USD"), OK),
    ("currency lower", setting("board.currency", "eur"), "board.currency: 'eur' is not a 3-letter ISO 4217 code"),
    ("currency long", setting("board.currency", "EURO"), "board.currency: 'EURO' is not a 3-letter"),
    ("purchase_type each", setting("board.purchase_type", "straight_rebuy"), OK),
    ("purchase_type wrong", setting("board.purchase_type", "rebuy"),
     "board.purchase_type: 'rebuy' is not one of new_buy, modified_rebuy, straight_rebuy"),
    ("required_roles empty", setting("board.required_roles", []), OK),
    ("required_roles unknown", setting("board.required_roles", ["decider", "boss"]),
     "board.required_roles[1]: 'boss' is not one of initiator, user"),
    ("required_roles twice", setting("board.required_roles", ["buyer", "buyer"]),
     "board.required_roles[1]: 'buyer' is listed twice"),
    ("required_roles not list", setting("board.required_roles", "buyer"), "board.required_roles: expected a list"),
    ("board notes 20000", setting("board.notes", "n" * 20000), OK),
    ("board notes 20001", setting("board.notes", "n" * 20001), "board.notes: must be 0 to 20000 characters"),
    # people
    ("id 64", setting("people[3].id", "u" * 64), OK),
    ("id 65", setting("people[2].id", "u" * 65), "people[2].id: must be 1 to 64 characters, got 65"),
    ("id empty", setting("people[2].id", ""), "people[2].id: must not be empty"),
    ("id missing", setting("people[2].id", ...), "people[2].id: is required"),
    ("id twice", setting("people[3].id", "u1"), "people[3].id: 'u1' is used by another person too"),
    ("side missing", setting("people[1].side", ...), "people[1].side: is required"),
    ("side wrong", setting("people[1].side", "theirs"), "people[1].side: 'theirs' is not one of customer, ours"),
    ("name missing", setting("people[1].name", ...), "people[1].name: is required"),
    ("name blank", setting("people[1].name", " \t"), "people[1].name: must not be empty"),
    ("name 201", setting("people[1].name", "n" * 201), "people[1].name: must be 1 to 200 characters"),
    ("name markup kept", setting("people[1].name", "<b>Bea</b>"), OK),
    ("title 201", setting("people[1].title", "t" * 201), "people[1].title: must be 0 to 200"),
    ("department 201", setting("people[1].department", "d" * 201), "people[1].department: must be 0 to 200"),
    ("organisation 200", setting("people[1].organisation", "o" * 200), OK),
    ("organisation 201", setting("people[1].organisation", "o" * 201), "people[1].organisation: must be 0 to 200"),
    ("roles all", setting("people[1].roles", ["initiator", "user", "influencer", "gatekeeper", "buyer",
                                              "decider", "evaluator", "sponsor", "advisor"]), OK),
    ("roles unknown", setting("people[1].roles", ["boss"]), "people[1].roles[0]: 'boss' is not one of"),
    ("roles twice", setting("people[1].roles", ["user", "user"]), "people[1].roles[1]: 'user' is listed twice"),
    ("roles on ours", setting("people[2].roles", ["user"]),
     "people[2].roles: only people on the customer side have DMU roles"),
    ("stance each", setting("people[1].stance", "blocker"), OK),
    ("stance wrong", setting("people[1].stance", "enemy"),
     "people[1].stance: 'enemy' is not one of champion, supporter, neutral, skeptic, blocker, unknown"),
    ("stance on ours", setting("people[2].stance", "champion"),
     "people[2].stance: only people on the customer side have a stance"),
    ("stance unknown on ours", setting("people[2].stance", "unknown"), OK),
    ("influence 1", setting("people[1].influence", 1), OK),
    ("influence 0", setting("people[1].influence", 0), "people[1].influence: must be from 1 to 5, got 0"),
    ("influence 6", setting("people[1].influence", 6), "people[1].influence: must be from 1 to 5, got 6"),
    ("influence 2.5", setting("people[1].influence", 2.5),
     "people[1].influence: expected a whole number from 1 to 5, got 2.5"),
    ("influence text", setting("people[1].influence", "3"), "people[1].influence: expected a whole number"),
    ("interests 2000", setting("people[1].interests", "i" * 2000), OK),
    ("interests 2001", setting("people[1].interests", "i" * 2001), "people[1].interests: must be 0 to 2000"),
    ("notes 20001", setting("people[1].notes", "n" * 20001), "people[1].notes: must be 0 to 20000"),
    ("x without y", setting("people[1].x", 3.0), "people[1].y: x and y go together"),
    ("y without x", setting("people[1].y", 3.0), "people[1].x: x and y go together"),
    ("x text", both(setting("people[1].x", "3"), setting("people[1].y", 1)), "people[1].x: expected a number"),
    ("x NaN", both(setting("people[1].x", float("nan")), setting("people[1].y", 1)),
     "people[1].x: expected a finite number"),
    ("lone surrogate", setting("people[1].notes", "bad \ud800"), "people[1].notes: contains a broken character"),
    # links
    ("link from missing", setting("links[0].from", ...), "links[0].from: is required"),
    ("link kind missing", setting("links[0].kind", ...), "links[0].kind: is required"),
    ("link kind wrong", setting("links[0].kind", "likes"),
     "links[0].kind: 'likes' is not one of reports_to, influences, relationship, conflict"),
    ("link to nobody", setting("links[0].to", "p9"), "links[0].to: no person with id 'p9'"),
    ("link from nobody", setting("links[0].from", "p9"), "links[0].from: no person with id 'p9'"),
    ("link self", setting("links[0].to", "p2"), "links[0].to: a link cannot join a person to themselves"),
    ("reports_to ours", adding("links", {"from": "u2", "to": "u1", "kind": "reports_to"}), OK),
    ("reports_to across", setting("links[0].to", "u1"),
     "links[0].kind: a reporting line joins two people on the same side"),
    ("influences with ours", setting("links[1].from", "u1"),
     "links[1].kind: an influence line joins two people on the customer side"),
    ("conflict with ours", setting("links[3].to", "u1"),
     "links[3].kind: a conflict joins two people on the customer side"),
    ("relationship reversed", both(setting("links[2].from", "p1"), setting("links[2].to", "u1")), OK),
    ("relationship same side", setting("links[2].from", "p2"),
     "links[2].kind: a relationship joins one of ours with one of theirs"),
    ("relationship both ours", setting("links[2].to", "u2"),
     "links[2].kind: a relationship joins one of ours with one of theirs"),
    ("strength default", setting("links[2].strength", ...), OK),
    ("strength 0", setting("links[2].strength", 0), "links[2].strength: must be from 1 to 5, got 0"),
    ("strength 6", setting("links[2].strength", 6), "links[2].strength: must be from 1 to 5, got 6"),
    ("strength on reports_to", setting("links[0].strength", 2),
     "links[0].strength: only relationship links have a strength, not reports_to"),
    ("strength null on conflict", setting("links[3].strength", None), OK),
    ("note 2000", setting("links[0].note", "n" * 2000), OK),
    ("note 2001", setting("links[0].note", "n" * 2001), "links[0].note: must be 0 to 2000 characters"),
    ("twin directed", adding("links", {"from": "p2", "to": "p1", "kind": "reports_to"}),
     "links[4]: these two people already have a link of this kind"),
    ("directed other way is another link", adding("links", {"from": "p2", "to": "p1", "kind": "influences"}), OK),
    ("twin undirected reversed", adding("links", {"from": "p2", "to": "p1", "kind": "conflict"}),
     "links[4]: these two people already have a link of this kind"),
    ("twin relationship reversed", adding("links", {"from": "p1", "to": "u1", "kind": "relationship"}),
     "links[4]: these two people already have a link of this kind"),
    ("same ends other kind", adding("links", {"from": "u2", "to": "p1", "kind": "relationship"}), OK),
    ("reports_to two managers", both(adding("people", {"id": "p3", "side": "customer", "name": "Cy"}),
                                     adding("links", {"from": "p2", "to": "p3", "kind": "reports_to"})), OK),
    ("reports_to cycle of two", adding("links", {"from": "p1", "to": "p2", "kind": "reports_to"}),
     "links[4]: this reporting line would make a cycle"),
    ("reports_to cycle of three", both(
        adding("people", {"id": "p3", "side": "customer", "name": "Cy"}),
        adding("links", {"from": "p1", "to": "p3", "kind": "reports_to"}),
        adding("links", {"from": "p3", "to": "p2", "kind": "reports_to"})),
     "links[5]: this reporting line would make a cycle"),
    ("link not object", adding("links", ["p1", "p2"]), "links[4]: expected an object, got list"),
    # views
    ("views absent", setting("views", ...), OK),
    ("view layers default", setting("views[0].layers", ...), OK),
    ("view name missing", setting("views[0].name", ...), "views[0].name: is required"),
    ("view name blank", setting("views[0].name", ""), "views[0].name: must not be empty"),
    ("view name 201", setting("views[0].name", "v" * 201), "views[0].name: must be 1 to 200 characters"),
    ("view names twice", adding("views", {"name": "All", "rect": [0, 0, 1, 1]}), "views[1].name: 'All' is used twice"),
    ("view rect missing", setting("views[0].rect", ...), "views[0].rect: is required"),
    ("view rect three", setting("views[0].rect", [0, 0, 1]), "views[0].rect: expected [x, y, width, height]"),
    ("view rect zero width", setting("views[0].rect", [0, 0, 0, 1]), "views[0].rect: width and height must be more"),
    ("view rect negative height", setting("views[0].rect", [0, 0, 1, -1]),
     "views[0].rect: width and height must be more than 0"),
    ("view rect text", setting("views[0].rect", [0, "0", 1, 1]), "views[0].rect[1]: expected a number"),
    ("view layer unknown", setting("views[0].layers", ["reporting", "gossip"]),
     "views[0].layers[1]: 'gossip' is not one of reporting, influence, relationship, conflict, stance"),
    ("view layers empty", setting("views[0].layers", []), OK),
    ("view layer twice", setting("views[0].layers", ["stance", "stance"]),
     "views[0].layers[1]: 'stance' is listed twice"),
]


@pytest.mark.parametrize(("mutate", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule(mutate: Callable[[Doc], None], expected: str | None) -> None:
    """A document keeping the rule loads; one breaking it is refused with a message
    that starts with the place and says what is wrong."""
    doc = copy.deepcopy(base())
    mutate(doc)
    text = json.dumps(doc)
    if expected is None:
        board = jsonformat.loads(text)
        assert len(board.people) == len(doc.get("people", []))
        assert len(board.links) == len(doc.get("links", []))
        return
    with pytest.raises(BoardError) as caught:
        jsonformat.loads(text)
    message = str(caught.value)
    assert message.startswith(expected), message
    assert "\n" not in message


def test_base_document_is_valid() -> None:
    """The document every case starts from is itself valid and fully read."""
    board = jsonformat.loads(json.dumps(base()))
    assert list(board.people) == ["p1", "p2", "u1", "u2"]
    assert [link.kind for link in board.links.values()] == ["reports_to", "influences", "relationship", "conflict"]
    assert board.views[0].layers == ("reporting", "stance")


def test_defaults_are_filled_in() -> None:
    """Fields left out take the defaults of the format."""
    board = jsonformat.loads(json.dumps({"format": "dmuboard", "version": 1, "board": {"title": "T"},
                                         "people": [{"id": "a", "side": "customer", "name": "A"}],
                                         "views": [{"name": "v", "rect": [0, 0, 1, 1]}]}))
    info = board.info
    assert (info.customer, info.our_company, info.deal_value, info.currency, info.purchase_type, info.notes) == (
        "", "", None, "EUR", "new_buy", "")
    assert info.required_roles == ("decider", "buyer", "user", "influencer")
    person = board.people["a"]
    assert (person.roles, person.stance, person.influence, person.x, person.y) == ((), "unknown", 3, None, None)
    assert board.views[0].layers == ("reporting", "influence", "relationship", "conflict", "stance")


def test_relationship_strength_defaults_to_three() -> None:
    """A relationship without a strength has strength 3; other links have none."""
    doc = base()
    del doc["links"][2]["strength"]
    board = jsonformat.loads(json.dumps(doc))
    assert [link.strength for link in board.links.values()] == [None, None, 3, None]


def test_name_and_title_are_trimmed_other_text_kept_exactly() -> None:
    """Names and titles lose surrounding spaces; every other text is kept as given."""
    doc = base()
    doc["people"][1].update(name="  Bea  ", title=" IT ", department=" Ops ", notes="  <i>x</i>\n")
    person = jsonformat.loads(json.dumps(doc)).people["p2"]
    assert (person.name, person.title, person.department, person.notes) == ("Bea", "IT", " Ops ", "  <i>x</i>\n")


@pytest.mark.parametrize(("text", "expected"), [
    ("{", "line 1, column 2: not valid JSON"),
    ("[]", "expected an object, got list"),
    (b"\xff\xfe{}", "not valid JSON"),
    ('{"format": "dmuboard", "version": 1, "board": {"title": "T"}, "people": [' + "[" * 100000 + "]}",
     "not valid JSON"),
])
def test_not_json_is_a_one_line_error(text: str | bytes, expected: str) -> None:
    """Text that is not a JSON object is refused with one line, never a traceback."""
    with pytest.raises(BoardError) as caught:
        jsonformat.loads(text)
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("place", ["people[1].x", "board.deal_value", "views[0].rect[2]"])
def test_number_with_hundreds_of_digits_is_refused_plainly(place: str) -> None:
    """A whole number too large for any coordinate or amount is refused with the
    place named, not a crash."""
    doc = base()
    if place == "people[1].x":
        doc["people"][1].update(x=0, y=0)
    text = json.dumps(doc)
    huge = "1" + "0" * 400
    if place == "people[1].x":
        text = text.replace('"x": 0', f'"x": {huge}')
    elif place == "board.deal_value":
        text = text.replace('"deal_value": 1000', f'"deal_value": {huge}')
    else:
        text = text.replace("[-500, -300, 1000, 600]", f"[-500, -300, {huge}, 600]")
    with pytest.raises(BoardError) as caught:
        jsonformat.loads(text)
    assert str(caught.value).startswith(f"{place}: expected a finite number")


@pytest.mark.parametrize("text", [
    b"\xef\xbb\xbf" + json.dumps(base()).encode("utf-8"),
    "\ufeff" + json.dumps(base()),
])
def test_byte_order_mark_is_allowed(text: str | bytes) -> None:
    """A document saved by a Windows editor (with a byte-order mark) reads normally."""
    assert list(jsonformat.loads(text).people) == ["p1", "p2", "u1", "u2"]
