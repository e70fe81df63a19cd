"""Metrics, the expected DMU size, dmu_size_gap, isolated_person, ordering and warm paths."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dmuboard import sample
from dmuboard.analysis import SEVERITIES, analyze, expected_dmu, warm_path
from dmuboard.model.board import ROLES, STANCES, Board, BoardInfo, Link
from dmuboard.model.generate import generate_board
from tests.test_analysis_rules import found, make, quiet


@pytest.mark.parametrize(
    ("purchase_type", "deal_value", "expected"),
    [
        ("straight_rebuy", None, (1, 3)),
        ("straight_rebuy", 5_000_000.0, (1, 3)),
        ("modified_rebuy", 2_000_000.0, (3, 6)),
        ("new_buy", None, (6, 10)),
        ("new_buy", 0.0, (6, 10)),
        ("new_buy", 99_999.99, (6, 10)),
        ("new_buy", 100_000.0, (10, 14)),
        ("new_buy", 999_999.0, (10, 14)),
        ("new_buy", 999_999.99, (10, 14)),
        ("new_buy", 1_000_000.0, (14, 19)),
        ("new_buy", 25_000_000.0, (14, 19)),
    ],
)
def test_expected_dmu_size_by_purchase_type_and_deal_value(
    purchase_type: str, deal_value: float | None, expected: tuple[int, int]
) -> None:
    """The table of analysis.md, with each deal-value boundary on both sides."""
    assert expected_dmu(BoardInfo("Deal", deal_value=deal_value, purchase_type=purchase_type)) == expected
    board = make({"p1": {}}, deal_value=deal_value, purchase_type=purchase_type)
    assert analyze(board).metrics.expected_dmu == expected


def test_dmu_size_gap_fires_below_the_low_end_only() -> None:
    """Five customer people on a small new buy (6 to 10) is a gap carrying the range; six is not."""
    five = make({f"p{i}": {} for i in range(1, 6)}, required_roles=())
    assert [(f.severity, f.people, f.expected) for f in found(five, "dmu_size_gap")] == [("medium", (), (6, 10))]
    six = make({f"p{i}": {} for i in range(1, 7)}, required_roles=())
    assert found(six, "dmu_size_gap") == []


def test_an_empty_customer_side_is_a_gap_even_for_a_rebuy() -> None:
    """A straight rebuy expects at least one person."""
    assert [f.expected for f in found(make({"u1": {}}, **quiet()), "dmu_size_gap")] == [(1, 3)]


def test_isolated_person_is_a_customer_without_any_link() -> None:
    """A customer person with no line at all is low; a conflict is a line; one customer alone is not isolated."""
    board = make({"p1": {}, "p2": {}, "p3": {}, "p4": {}, "u1": {}},
                 [("u1", "p1", "relationship"), ("p2", "p3", "conflict")], **quiet())
    assert [(f.severity, f.people) for f in found(board, "isolated_person")] == [("low", ("p4",))]
    assert found(make({"p1": {}, "u1": {}}, **quiet()), "isolated_person") == []


def test_metrics_count_contacts_relationships_and_roles() -> None:
    """Contacts are customer people with a relationship; coverage is rounded to 3 decimals."""
    board = make({"p1": {"roles": ("decider",)}, "p2": {"roles": ("user",)}, "p3": {}, "u1": {}, "u2": {}},
                 [("u1", "p1", "relationship"), ("u2", "p1", "relationship"), ("p2", "p3", "reports_to")],
                 required_roles=("decider", "buyer", "user"))
    m = analyze(board).metrics
    assert (m.customer_people, m.our_people, m.contacts, m.relationships) == (3, 2, 1, 2)
    assert m.coverage == 0.333
    assert m.required_roles_covered == (2, 3)


@pytest.mark.parametrize(("contacts", "customers", "coverage"), [(0, 1, 0.0), (2, 3, 0.667), (1, 7, 0.143),
                                                                  (3, 3, 1.0), (1, 8, 0.125)])
def test_coverage_rounding(contacts: int, customers: int, coverage: float) -> None:
    """Coverage is contacts over customer people, rounded to 3 decimals."""
    people = {f"p{i}": {} for i in range(1, customers + 1)} | {"u1": {}}
    links = [("u1", f"p{i}", "relationship") for i in range(1, contacts + 1)]
    assert analyze(make(people, links)).metrics.coverage == coverage


def test_no_customers_means_zero_coverage() -> None:
    """With nobody on the customer side coverage is 0, not a division error."""
    m = analyze(make({"u1": {}})).metrics
    assert (m.customer_people, m.coverage) == (0, 0)


def random_board(seed: int) -> Board:
    rng = random.Random(seed)
    board = generate_board(rng.randint(2, 40), seed=seed, links_per_person=rng.uniform(0.0, 3.0))
    people = {
        pid: replace(p, roles=tuple(rng.sample(ROLES, rng.randint(0, 2))), stance=rng.choice(STANCES))
        if p.side == "customer" else p
        for pid, p in board.people.items()
    }
    info = replace(board.info, required_roles=tuple(rng.sample(ROLES, rng.randint(0, 4))),
                   deal_value=rng.choice([None, 50_000.0, 100_000.0, 2_000_000.0]))
    return Board(info, people, board.links)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000))
def test_findings_are_in_the_order_of_the_spec(seed: int) -> None:
    """Severity, then code, then people as a list, then role; people sorted except key_person_single_thread."""
    findings = analyze(random_board(seed)).findings
    keys = [(SEVERITIES.index(f.severity), f.code, list(f.people), f.role or "") for f in findings]
    assert keys == sorted(keys)
    for f in findings:
        if f.code == "key_person_single_thread":
            assert len(f.people) == 2
        else:
            assert list(f.people) == sorted(f.people)
        assert f.message and f.advice


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.data())
def test_a_new_relationship_never_adds_an_unconnected_influencer(seed: int, data: st.DataObject) -> None:
    """Getting to know someone can only clear their unconnected_influencer finding, never create it."""
    board = random_board(seed)
    customers = [p.id for p in board.customers()]
    ours = [p.id for p in board.ours()]
    target = data.draw(st.sampled_from(customers)) if customers else None
    if target is None:
        return
    ours_id = data.draw(st.sampled_from(ours))
    if any(link.key == ("relationship", *sorted((ours_id, target))) for link in board.links.values()):
        return
    before = {f.people for f in analyze(board).findings if f.code == "unconnected_influencer"}
    links = dict(board.links)
    links["new"] = Link("new", ours_id, target, "relationship")
    after = {f.people for f in analyze(Board(board.info, board.people, links)).findings
             if f.code == "unconnected_influencer"}
    assert (target,) not in after
    assert after <= before


def test_warm_path_is_the_chain_of_introductions() -> None:
    """Our person, then each customer person along the way, with the link between each pair."""
    board = make({"p1": {}, "p2": {}, "p3": {}, "u1": {}, "u2": {}},
                 [("u1", "p1", "relationship", 2), ("u2", "p1", "relationship", 5),
                  ("p1", "p2", "reports_to"), ("p3", "p2", "influences"), ("p3", "p1", "conflict")])
    path = warm_path(board, "p3")
    assert path is not None
    assert path.people == ("u2", "p1", "p2", "p3")  # the stronger relationship wins a tie
    assert [link.kind for link in path.links] == ["relationship", "reports_to", "influences"]


def test_no_warm_path_through_a_conflict() -> None:
    """A conflict is not a way in: someone reached only by a conflict has no warm path."""
    board = make({"p1": {}, "p2": {}, "u1": {}}, [("u1", "p1", "relationship"), ("p1", "p2", "conflict")])
    assert warm_path(board, "p2") is None


def test_unconnected_influencer_advice_names_the_go_between() -> None:
    """The advice says who reports to the influencer and that we can ask them for an introduction."""
    board = make({"p1": {"name": "Ingrid Bakker", "roles": ("decider",)}, "p2": {"name": "Petra Smit"},
                  "u1": {"name": "Sam de Wit"}},
                 [("u1", "p2", "relationship"), ("p2", "p1", "reports_to")], **quiet())
    [finding] = found(board, "unconnected_influencer")
    assert "Petra Smit reports to Ingrid Bakker" in finding.advice
    assert "ask Petra Smit for an introduction" in finding.advice


def test_the_sample_board_shows_what_the_method_teaches() -> None:
    """The sample: one contact, unconnected deciders with a warm path, a hidden influencer, one owner."""
    board = sample.sample_board()
    analysis = analyze(board)
    codes = {f.code for f in analysis.findings}
    assert {"single_threaded", "unconnected_influencer", "uncovered_blocker", "hidden_influencer",
            "single_owner"} <= codes
    assert "no_relationships" not in codes and "decider_unreachable" not in codes
    [contact] = [p for p in board.customers() if any(
        link.kind == "relationship" and p.id in (link.source, link.target) for link in board.links.values())]
    assert [f.people for f in analysis.findings if f.code == "single_threaded"] == [(contact.id,)]
    deciders = {p.id for p in board.customers() if "decider" in p.roles}
    flagged = {f.people[0] for f in analysis.findings if f.code == "unconnected_influencer"}
    assert deciders <= flagged
    assert all("Warm path" in f.advice or "introduction" in f.advice
               for f in analysis.findings if f.code == "unconnected_influencer")
    m = analysis.metrics
    assert (m.contacts, m.relationships, m.coverage) == (1, 1, round(1 / m.customer_people, 3))


def test_a_customer_name_ending_in_a_full_stop_gives_one_full_stop() -> None:
    """'Acme B.V.' at the end of a sentence does not leave a double full stop."""
    board = make({"p1": {}, "p2": {}, "u1": {}, "u2": {}},
                 [("u1", "p1", "relationship"), ("u1", "p2", "relationship")], customer="Acme B.V.", **quiet())
    [finding] = found(board, "single_owner")
    assert finding.message.endswith("with Acme B.V.")
