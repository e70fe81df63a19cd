"""The board's metrics and the expected size of the buying committee."""

from __future__ import annotations

from dmuboard.analysis.facts import Facts
from dmuboard.analysis.result import Metrics
from dmuboard.model.board import Board, BoardInfo

# Gartner's research, as the seed articles quote it: 6.8 people take part in a B2B
# decision on average, while sellers know about 2.7 of them.
BENCHMARK_DMU = 6.8
BENCHMARK_CONTACTS = 2.7


def expected_dmu(info: BoardInfo) -> tuple[int, int]:
    """How many customer people a deal like this one usually involves: (low, high)."""
    if info.purchase_type == "straight_rebuy":
        return (1, 3)
    if info.purchase_type == "modified_rebuy":
        return (3, 6)
    value = info.deal_value
    if value is None or value < 100_000:
        return (6, 10)
    if value < 1_000_000:
        return (10, 14)
    return (14, 19)


def roles_held(board: Board, facts: Facts) -> set[str]:
    """Every DMU role held by someone on the customer side."""
    held: set[str] = set()
    for pid in facts.customers:
        held.update(board.people[pid].roles)
    return held


def compute(board: Board, facts: Facts) -> Metrics:
    """The metrics of the spec."""
    customers = len(facts.customers)
    contacts = len(facts.contacts)
    required = board.info.required_roles
    held = roles_held(board, facts)
    return Metrics(
        customer_people=customers,
        our_people=len(facts.ours),
        contacts=contacts,
        relationships=facts.relationships,
        coverage=round(contacts / customers, 3) if customers else 0.0,
        expected_dmu=expected_dmu(board.info),
        required_roles_covered=(sum(1 for role in required if role in held), len(required)),
    )
