"""Each finding of shared/spec/analysis.md: cases that fire and cases that just miss."""

from __future__ import annotations

from typing import Any

import pytest

from dmuboard.analysis import Finding, analyze
from dmuboard.model.board import Board, BoardInfo, Link, Person
from dmuboard.model.document import check_board

ALL_ROLES = ("decider", "buyer", "user", "influencer")


def make(people: dict[str, dict[str, Any]], links: list[tuple[Any, ...]] = (), **info: Any) -> Board:
    """A board from short descriptions: ids starting with ``u`` or ``a`` are ours, the rest customers.

    A link is (from, to, kind) or (from, to, kind, strength).
    """
    made = {}
    for pid, fields in people.items():
        side = "ours" if pid[0] in "ua" else "customer"
        made[pid] = Person(pid, side, fields.pop("name", f"Person {pid}"), **fields)
    made_links = {}
    for i, (source, target, kind, *strength) in enumerate(links, start=1):
        made_links[f"l{i}"] = Link(f"l{i}", source, target, kind, strength[0] if strength else None)
    board = Board(BoardInfo(info.pop("title", "Test deal"), **info), made, made_links)
    check_board(board)
    return board


def found(board: Board, code: str) -> list[Finding]:
    return [f for f in analyze(board).findings if f.code == code]


def people_of(board: Board, code: str) -> list[tuple[str, ...]]:
    return [f.people for f in found(board, code)]


def quiet() -> dict[str, Any]:
    """Board details under which no board-level rule fires by accident (a straight rebuy)."""
    return {"purchase_type": "straight_rebuy", "required_roles": ()}


# -- no_relationships -------------------------------------------------------------


def test_no_relationships_fires_when_customers_exist_and_nobody_knows_them() -> None:
    """One customer person and no relationship at all is a high finding naming nobody."""
    board = make({"p1": {}, "u1": {}}, **quiet())
    assert [(f.severity, f.people) for f in found(board, "no_relationships")] == [("high", ())]


def test_no_relationships_misses_with_one_relationship_or_no_customers() -> None:
    """A single relationship, or an empty customer side, is not 'no relationships'."""
    assert found(make({"p1": {}, "u1": {}}, [("u1", "p1", "relationship")], **quiet()), "no_relationships") == []
    assert found(make({"u1": {}}, **quiet()), "no_relationships") == []


# -- single_threaded ----------------------------------------------------------------


def test_single_threaded_names_the_only_contact() -> None:
    """Two customer people and one contact: all access runs through that contact."""
    board = make({"p1": {}, "p2": {}, "u1": {}, "u2": {}},
                 [("u1", "p2", "relationship"), ("u2", "p2", "relationship")], **quiet())
    assert [(f.severity, f.people) for f in found(board, "single_threaded")] == [("high", ("p2",))]


def test_single_threaded_misses_with_one_customer_or_two_contacts() -> None:
    """A customer side of one person, or a second contact, is not single-threaded."""
    alone = make({"p1": {}, "u1": {}}, [("u1", "p1", "relationship")], **quiet())
    two = make({"p1": {}, "p2": {}, "u1": {}}, [("u1", "p1", "relationship"), ("u1", "p2", "relationship")],
               **quiet())
    assert found(alone, "single_threaded") == []
    assert found(two, "single_threaded") == []


# -- unconnected_influencer --------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "severity"),
    [
        ({"influence": 4}, "high"),
        ({"influence": 5}, "high"),
        ({"roles": ("decider",), "influence": 1}, "high"),
        ({"roles": ("sponsor",), "influence": 2}, "high"),
        ({"roles": ("influencer",), "influence": 3}, "medium"),
        ({"roles": ("user", "influencer"), "influence": 1}, "medium"),
        ({"influence": 3}, None),
        ({"roles": ("buyer", "evaluator", "gatekeeper"), "influence": 3}, None),
    ],
)
def test_unconnected_influencer_by_sway_and_severity(fields: dict[str, Any], severity: str | None) -> None:
    """Sway comes from the roles influencer/decider/sponsor or influence 4-5; high for 4+, decider, sponsor."""
    board = make({"p1": dict(fields), "p2": {}, "u1": {}}, [("u1", "p2", "relationship")], **quiet())
    expected = [] if severity is None else [(severity, ("p1",))]
    assert [(f.severity, f.people) for f in found(board, "unconnected_influencer")] == expected


def test_an_outgoing_influence_line_gives_sway_but_an_incoming_one_does_not() -> None:
    """Whoever influences someone has sway (medium at influence 3); the one influenced gains none."""
    board = make({"p1": {}, "p2": {}, "p3": {}, "u1": {}},
                 [("p1", "p2", "influences"), ("u1", "p3", "relationship")], **quiet())
    assert [(f.severity, f.people) for f in found(board, "unconnected_influencer")] == [("medium", ("p1",))]


def test_a_relationship_clears_the_unconnected_influencer() -> None:
    """A decider that one of ours knows is not unconnected."""
    board = make({"p1": {"roles": ("decider",), "influence": 5}, "u1": {}}, [("p1", "u1", "relationship")], **quiet())
    assert found(board, "unconnected_influencer") == []


# -- uncovered_blocker --------------------------------------------------------------


@pytest.mark.parametrize(("stance", "fires"), [("blocker", True), ("skeptic", True), ("neutral", False),
                                                 ("unknown", False), ("champion", False), ("supporter", False)])
def test_uncovered_blocker_by_stance(stance: str, fires: bool) -> None:
    """Blockers and skeptics nobody of ours knows are high findings; other stances are not."""
    board = make({"p1": {"stance": stance, "influence": 1}, "p2": {}, "u1": {}}, [("u1", "p2", "relationship")],
                 **quiet())
    assert people_of(board, "uncovered_blocker") == ([("p1",)] if fires else [])
    assert all(f.severity == "high" for f in found(board, "uncovered_blocker"))


def test_a_known_blocker_is_covered() -> None:
    """A blocker with a relationship does not fire."""
    board = make({"p1": {"stance": "blocker"}, "u1": {}}, [("u1", "p1", "relationship")], **quiet())
    assert found(board, "uncovered_blocker") == []


# -- key_person_single_thread ---------------------------------------------------------


@pytest.mark.parametrize("role", ["decider", "buyer", "sponsor"])
def test_key_person_single_thread_names_the_customer_first(role: str) -> None:
    """A key person known through exactly one of ours: [that person, our person], not sorted."""
    board = make({"p9": {"roles": (role,)}, "a1": {}}, [("a1", "p9", "relationship")], **quiet())
    assert [(f.severity, f.people) for f in found(board, "key_person_single_thread")] == [("medium", ("p9", "a1"))]


def test_key_person_single_thread_misses_with_two_relationships_none_or_another_role() -> None:
    """Two relationships, no relationship, or a role outside decider/buyer/sponsor do not fire."""
    two = make({"p1": {"roles": ("decider",)}, "u1": {}, "u2": {}},
               [("u1", "p1", "relationship"), ("u2", "p1", "relationship")], **quiet())
    none = make({"p1": {"roles": ("buyer",)}, "p2": {}, "u1": {}}, [("u1", "p2", "relationship")], **quiet())
    other = make({"p1": {"roles": ("influencer", "evaluator")}, "u1": {}}, [("u1", "p1", "relationship")],
                 **quiet())
    for board in (two, none, other):
        assert found(board, "key_person_single_thread") == []


# -- single_owner ------------------------------------------------------------------------


def test_single_owner_when_one_of_two_holds_every_relationship() -> None:
    """With two of ours, one holding all relationships is a medium finding naming them."""
    board = make({"p1": {}, "p2": {}, "u1": {}, "u2": {}},
                 [("u2", "p1", "relationship"), ("u2", "p2", "relationship")], **quiet())
    assert [(f.severity, f.people) for f in found(board, "single_owner")] == [("medium", ("u2",))]


def test_single_owner_misses_alone_shared_or_without_relationships() -> None:
    """One of ours only, relationships shared between two, or none at all: no finding."""
    alone = make({"p1": {}, "u1": {}}, [("u1", "p1", "relationship")], **quiet())
    shared = make({"p1": {}, "p2": {}, "u1": {}, "u2": {}},
                  [("u1", "p1", "relationship"), ("u2", "p2", "relationship")], **quiet())
    empty = make({"p1": {}, "u1": {}, "u2": {}}, **quiet())
    for board in (alone, shared, empty):
        assert found(board, "single_owner") == []


# -- missing_role -----------------------------------------------------------------------


def test_missing_role_once_per_role_high_for_the_decider() -> None:
    """Each required role nobody holds is one finding carrying the role; decider high, others medium."""
    board = make({"p1": {"roles": ("user",)}, "u1": {}}, [("u1", "p1", "relationship")],
                 purchase_type="straight_rebuy", required_roles=ALL_ROLES)
    assert [(f.severity, f.role, f.people) for f in found(board, "missing_role")] == [
        ("high", "decider", ()), ("medium", "buyer", ()), ("medium", "influencer", ())]


def test_missing_role_misses_when_the_role_is_held_or_not_required() -> None:
    """A held role, or one the board does not require, is not missing."""
    board = make({"p1": {"roles": ("decider", "buyer")}, "p2": {"roles": ("user", "influencer")}, "u1": {}},
                 [("u1", "p1", "relationship"), ("u1", "p2", "relationship")],
                 purchase_type="straight_rebuy", required_roles=ALL_ROLES)
    assert found(board, "missing_role") == []
    only = make({"p1": {"roles": ("user",)}}, purchase_type="straight_rebuy", required_roles=("user",))
    assert found(only, "missing_role") == []


# -- decider_unreachable ------------------------------------------------------------------


def test_decider_unreachable_names_every_decider() -> None:
    """No decider in the warm graph of ours: one high finding listing all deciders, sorted."""
    board = make({"p3": {"roles": ("decider",)}, "p2": {"roles": ("decider",)}, "p1": {}, "u1": {}},
                 [("u1", "p1", "relationship"), ("p1", "p2", "conflict")], **quiet())
    assert [(f.severity, f.people) for f in found(board, "decider_unreachable")] == [("high", ("p2", "p3"))]


@pytest.mark.parametrize("kind", ["reports_to", "influences"])
def test_a_warm_line_to_one_decider_is_enough(kind: str) -> None:
    """Reporting and influence lines carry warmth in either direction; one reached decider clears it."""
    board = make({"p1": {}, "p2": {"roles": ("decider",)}, "p3": {"roles": ("decider",)}, "u1": {}},
                 [("u1", "p1", "relationship"), ("p2", "p1", kind)], **quiet())
    assert found(board, "decider_unreachable") == []


def test_our_own_reporting_lines_are_part_of_the_warm_graph() -> None:
    """A decider known to our manager is reached by the team through our reporting line."""
    board = make({"p1": {"roles": ("decider",)}, "u1": {}, "u2": {}},
                 [("u1", "u2", "reports_to"), ("u2", "p1", "relationship")], **quiet())
    assert found(board, "decider_unreachable") == []


def test_no_decider_means_no_unreachable_decider() -> None:
    """Without a decider the rule has nothing to say."""
    assert found(make({"p1": {}, "u1": {}}, **quiet()), "decider_unreachable") == []


def test_without_any_of_ours_every_decider_is_unreachable() -> None:
    """A board with no team of ours reaches nobody."""
    board = make({"p1": {"roles": ("decider",)}}, **quiet())
    assert people_of(board, "decider_unreachable") == [("p1",)]
