"""Document.apply: every kind of change, its inverse, refusals and listeners.

Each kind of change is applied to a document backed by a real .dmu file; the
returned inverse must bring memory and file back exactly. A refused change must
leave both untouched and call no listener; an accepted one calls each listener once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from dmuboard.model.board import BoardInfo, Link, Person, View
from dmuboard.model.document import Change, Document
from dmuboard.model.errors import BoardError
from dmuboard.store import BoardFile, write_new
from tests.boardkit import same_board, sample_board, sha256


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[tuple[BoardFile, Document, list[Change]]]:
    path = tmp_path / "board.dmu"
    write_new(path, sample_board())
    with BoardFile.open(path) as store:
        doc = store.document()
        heard: list[Change] = []
        doc.subscribe(heard.append)
        yield store, doc, heard


def _reopened(store: BoardFile) -> BoardFile:
    return BoardFile.open(store.path, read_only="checking")


Maker = Callable[[Document], Change]
board0 = sample_board()
p1, p2, p3, p4, u1 = (board0.people[i] for i in ("p1", "p2", "p3", "p4", "u1"))

KINDS: dict[str, Maker] = {
    "add customer": lambda d: Change(people=(Person(d.new_person_id("customer"), "customer", "New", x=-5.0, y=5.0),)),
    "add unplaced ours": lambda d: Change(people=(Person(d.new_person_id("ours"), "ours", "Colleague"),)),
    "edit fields": lambda d: Change(people=(replace(p2, name="Joris S.", stance="blocker", roles=("user",),
                                                    notes="<b>watch</b>", influence=1),)),
    "move": lambda d: Change(people=(replace(p1, x=-1.5, y=2.25),)),
    "move several": lambda d: Change(people=(replace(p1, x=0.0, y=0.0), replace(u1, x=10.0, y=10.0))),
    "unplace": lambda d: Change(people=(replace(p1, x=None, y=None),)),
    "change side without links": lambda d: Change(people=(replace(p4, side="ours", roles=(), stance="unknown"),)),
    "delete with links": lambda d: d.removal(["p1"]),
    "delete two sharing a link": lambda d: d.removal(["p2", "p3"]),
    "delete without links": lambda d: d.removal(["p4"]),
    "add link": lambda d: Change(links=(Link(d.new_link_id(), "p4", "p1", "influences"),)),
    "add person and link together": lambda d: Change(
        people=(Person("p9", "customer", "Nine"),), links=(Link("l9", "p9", "p1", "reports_to"),)),
    "edit link note": lambda d: Change(links=(replace(d.board.links["l1"], note="golf", strength=5),)),
    "turn link round": lambda d: Change(links=(replace(d.board.links["l4"], source="p3", target="p2"),)),
    "swap two links' keys": lambda d: Change(links=(
        Link("l4", "p3", "p2", "influences"), Link("l8", "p2", "p3", "influences"))),
    "remove link": lambda d: Change(removed_links=("l5",)),
    "replace link with twin in one step": lambda d: Change(
        removed_links=("l5",), links=(Link("l10", "p2", "p3", "conflict", note="new"),)),
    "board details": lambda d: Change(info=BoardInfo("Renamed", "Acme", deal_value=5.0, currency="USD",
                                                      purchase_type="straight_rebuy", required_roles=())),
    "views": lambda d: Change(views=(View("Only", (0.0, 0.0, 10.0, 10.0), ("stance",)),)),
    "no views": lambda d: Change(views=()),
    "everything at once": lambda d: Change(
        people=(replace(p1, name="Ingrid B."), Person("p9", "customer", "Nine")),
        removed_people=("p4",), links=(Link("l9", "p9", "p2", "conflict"),), removed_links=("l7",),
        info=BoardInfo("All"), views=()),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_change_and_its_inverse(opened: tuple[BoardFile, Document, list[Change]], kind: str) -> None:
    """Each kind of change is kept in memory and in the file; its inverse brings both
    back exactly; each apply calls the listener once with the change."""
    store, doc, heard = opened
    change = KINDS[kind](doc)
    undo = doc.apply(change)
    after = doc.board.copy()
    assert not same_board(after, sample_board())
    assert heard == [change]
    with _reopened(store) as again:
        assert again.board == after
    redo = doc.apply(undo)
    assert doc.board == sample_board()
    assert heard == [change, undo]
    with _reopened(store) as again:
        assert again.board == sample_board()
    doc.apply(redo)
    assert doc.board == after


REFUSED: dict[str, tuple[Maker, str]] = {
    "person with links deleted alone": (lambda d: Change(removed_people=("p1",)), "person: Ingrid Bakker still has"),
    "unknown person removed": (lambda d: Change(removed_people=("nobody",)), "person: no person with id 'nobody'"),
    "unknown link removed": (lambda d: Change(removed_links=("l99",)), "link: no link with id 'l99'"),
    "link to a deleted person": (lambda d: Change(removed_people=("p4",), links=(Link("l9", "p4", "p1", "conflict"),)),
                                 "person: Consultant still has links"),
    "twin link": (lambda d: Change(links=(Link("l9", "p1", "u1", "relationship"),)),
                  "link l9: these two people already have"),
    "twin inside one change": (lambda d: Change(links=(Link("l8", "p1", "p4", "conflict"),
                                                       Link("l9", "p4", "p1", "conflict"))),
                               "link l9: these two people already have"),
    "reporting cycle": (lambda d: Change(links=(Link("l9", "p1", "p3", "reports_to"),)),
                        "link l9: this reporting line would make a cycle"),
    "side change against a link": (lambda d: Change(people=(replace(p2, side="ours", roles=(), stance="unknown"),)),
                                   "side: Joris Smit cannot change side while a link says"),
    "relationship between customers": (lambda d: Change(links=(Link("l9", "p1", "p4", "relationship"),)),
                                       "link l9.kind: a relationship joins one of ours"),
    "views with one name twice": (lambda d: Change(views=(View("A", (0, 0, 1, 1)), View("A", (0, 0, 2, 2)))),
                                  "views[1].name: 'A' is used twice"),
    "good part and bad part": (lambda d: Change(people=(replace(p1, x=0.0, y=0.0),),
                                                links=(Link("l9", "p1", "p1x", "conflict"),)),
                               "link l9.to: no person with id 'p1x'"),
}


@pytest.mark.parametrize("kind", list(REFUSED))
def test_refused_change_leaves_model_and_file(opened: tuple[BoardFile, Document, list[Change]], kind: str) -> None:
    """A change that breaks a rule is refused as a whole with a message naming the
    problem; memory, file and listeners see nothing."""
    store, doc, heard = opened
    maker, words = REFUSED[kind]
    before = sha256(store.path)
    with pytest.raises(BoardError) as caught:
        doc.apply(maker(doc))
    assert str(caught.value).startswith(words), str(caught.value)
    assert same_board(doc.board, sample_board())
    assert heard == []
    assert sha256(store.path) == before
    assert len(doc.links_of("p1")) == 3
    doc.apply(Change(removed_links=("l5",)))  # and the document still works
    assert heard and "l5" not in doc.board.links


def test_empty_change_touches_nothing(opened: tuple[BoardFile, Document, list[Change]]) -> None:
    """An empty change is no change: no listener call, no write."""
    store, doc, heard = opened
    before = sha256(store.path)
    assert doc.apply(Change()).empty
    assert heard == []
    assert sha256(store.path) == before


def test_each_listener_called_once_and_unsubscribe(opened: tuple[BoardFile, Document, list[Change]]) -> None:
    """Several listeners each hear each change once; one that left hears no more."""
    _, doc, heard = opened
    other: list[Change] = []
    doc.subscribe(other.append)
    first = Change(removed_links=("l5",))
    doc.apply(first)
    doc.unsubscribe(other.append)
    second = Change(removed_links=("l4",))
    doc.apply(second)
    assert heard == [first, second]
    assert other == [first]


def test_listener_sees_the_new_board(opened: tuple[BoardFile, Document, list[Change]]) -> None:
    """When a listener is called, the document already shows the change."""
    _, doc, _ = opened
    seen: list[float | None] = []
    doc.subscribe(lambda change: seen.append(doc.board.people["p1"].x))
    doc.apply(Change(people=(replace(p1, x=7.0, y=7.0),)))
    assert seen == [7.0]


def test_find_link_either_order_for_undirected(opened: tuple[BoardFile, Document, list[Change]]) -> None:
    """find_link finds undirected links from either end, directed ones only forwards,
    and nothing between a person and themselves."""
    _, doc, _ = opened
    assert doc.find_link("conflict", "p2", "p3") == doc.board.links["l5"]
    assert doc.find_link("relationship", "p1", "u1") == doc.board.links["l1"]
    assert doc.find_link("reports_to", "p2", "p1") == doc.board.links["l2"]
    assert doc.find_link("reports_to", "p1", "p2") is None
    assert doc.find_link("conflict", "p1", "p1") is None


def test_indexes_follow_swapped_links(opened: tuple[BoardFile, Document, list[Change]]) -> None:
    """After two links trade ends in one change, each is found under its new ends."""
    _, doc, _ = opened
    doc.apply(KINDS["swap two links' keys"](doc))
    assert doc.find_link("influences", "p3", "p2") == doc.board.links["l4"]
    assert doc.find_link("influences", "p2", "p3") == doc.board.links["l8"]
    with pytest.raises(BoardError, match="already have"):
        doc.apply(Change(links=(Link("l9", "p2", "p3", "influences"),)))


def test_new_ids_are_fresh(opened: tuple[BoardFile, Document, list[Change]]) -> None:
    """New ids never collide with ids in the board, whatever their form."""
    _, doc, _ = opened
    assert doc.new_person_id("customer") == "p5"
    assert doc.new_person_id("ours") == "u3"
    assert doc.new_link_id() == "l8"
    doc.apply(Change(people=(Person("p41", "customer", "Far"), Person("p007", "customer", "Bond"))))
    assert doc.new_person_id("customer") not in doc.board.people


def test_remove_and_put_a_new_id_in_one_change_is_an_add(
    opened: tuple[BoardFile, Document, list[Change]],
) -> None:
    """Removing and putting an id the board does not have yet (removals go first)
    adds the person, and the inverse takes them away again."""
    store, doc, _ = opened
    nine = Person("p9", "customer", "Nine")
    undo = doc.apply(Change(people=(nine,), removed_people=("p9",)))
    assert doc.board.people["p9"] == nine
    doc.apply(undo)
    assert same_board(doc.board, sample_board())
    with _reopened(store) as again:
        assert same_board(again.board, sample_board())
