"""One pass over the board that gathers what every rule and metric needs."""

from __future__ import annotations

from dataclasses import dataclass, field

from dmuboard.analysis.paths import warm_adjacency
from dmuboard.model.board import Board, Link


@dataclass(slots=True)
class Facts:
    """Counts and indexes of a board, built once per analysis."""

    customers: list[str] = field(default_factory=list)
    ours: list[str] = field(default_factory=list)
    # customer id -> our people they have a relationship with (in link order)
    partners: dict[str, list[str]] = field(default_factory=dict)
    # our id -> number of relationships they hold
    held: dict[str, int] = field(default_factory=dict)
    relationships: int = 0
    linked: set[str] = field(default_factory=set)
    influencing: set[str] = field(default_factory=set)
    # influences and reports_to links between two customer people (the hidden-influencer graph)
    customer_edges: list[tuple[str, str]] = field(default_factory=list)
    # each person's links in the warm graph (paths.warm_adjacency)
    warm: dict[str, list[Link]] = field(default_factory=dict)

    @property
    def contacts(self) -> list[str]:
        return [pid for pid in self.customers if self.partners.get(pid)]


def gather(board: Board) -> Facts:
    """Everything the rules need, in one pass over people and links."""
    facts = Facts()
    people = board.people
    facts.warm = warm_adjacency(board)
    for pid, person in people.items():
        (facts.customers if person.side == "customer" else facts.ours).append(pid)
    for link in board.links.values():
        facts.linked.add(link.source)
        facts.linked.add(link.target)
        kind = link.kind
        if kind == "relationship":
            facts.relationships += 1
            source_is_customer = people[link.source].side == "customer"
            customer, our = (link.source, link.target) if source_is_customer else (link.target, link.source)
            facts.partners.setdefault(customer, []).append(our)
            facts.held[our] = facts.held.get(our, 0) + 1
        elif kind == "influences" or kind == "reports_to":
            if kind == "influences":
                facts.influencing.add(link.source)
            if people[link.source].side == "customer" and people[link.target].side == "customer":
                facts.customer_edges.append((link.source, link.target))
    return facts
