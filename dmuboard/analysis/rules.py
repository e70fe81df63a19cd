"""The findings of shared/spec/analysis.md, exactly as its table defines them.

Each rule returns findings without wording; :mod:`dmuboard.analysis.advice` adds the
message and what to do.
"""

from __future__ import annotations

import functools

from dmuboard.analysis.centrality import central_people
from dmuboard.analysis.facts import Facts
from dmuboard.analysis.metrics import expected_dmu, roles_held
from dmuboard.analysis.paths import reaches_any
from dmuboard.analysis.profile import gaps
from dmuboard.analysis.result import Finding
from dmuboard.model.board import Board
from dmuboard.model.profile import ProfileEntry

SWAY_ROLES = frozenset({"influencer", "decider", "sponsor"})
HEAVY_ROLES = frozenset({"decider", "sponsor"})
KEY_ROLES = frozenset({"decider", "buyer", "sponsor"})
COVERED_STANCES = frozenset({"blocker", "skeptic"})


def findings(board: Board, facts: Facts, profile: tuple[ProfileEntry, ...] | None = None) -> list[Finding]:
    """Every finding of the board, in the spec's order; ``profile`` is the library's DMU profile."""
    found = [*_access(facts), *_people(board, facts), *_roles(board, facts), *_reach(board, facts)]
    found.extend(_hidden_influencers(board, facts))
    found.extend(_sizes(board, facts))
    found.extend(gaps(board, facts, profile))
    found.sort(key=Finding.sort_key)
    return found


def _access(facts: Facts) -> list[Finding]:
    """How our access is spread: no relationships, one contact, one owner."""
    found = []
    customers = len(facts.customers)
    if customers and facts.relationships == 0:
        found.append(Finding("no_relationships", "high", ()))
    contacts = facts.contacts
    if len(contacts) == 1 and customers >= 2:
        found.append(Finding("single_threaded", "high", (contacts[0],)))
    holders = [uid for uid, count in facts.held.items() if count]
    if len(facts.ours) >= 2 and facts.relationships and len(holders) == 1:
        found.append(Finding("single_owner", "medium", (holders[0],)))
    return found


def _people(board: Board, facts: Facts) -> list[Finding]:
    """Rules about one customer person at a time."""
    found = []
    several = len(facts.customers) >= 2
    people, partnered, linked, influencing = board.people, facts.partners, facts.linked, facts.influencing
    for pid in facts.customers:
        person = people[pid]
        partners = partnered.get(pid)
        roles = person.roles
        if not partners:
            if not SWAY_ROLES.isdisjoint(roles) or pid in influencing or person.influence >= 4:
                heavy = person.influence >= 4 or not HEAVY_ROLES.isdisjoint(roles)
                found.append(Finding("unconnected_influencer", "high" if heavy else "medium", (pid,)))
            if person.stance in COVERED_STANCES:
                found.append(Finding("uncovered_blocker", "high", (pid,)))
        elif len(partners) == 1 and not KEY_ROLES.isdisjoint(roles):
            found.append(Finding("key_person_single_thread", "medium", (pid, partners[0])))
        if several and pid not in linked:
            found.append(Finding("isolated_person", "low", (pid,)))
    return found


def _roles(board: Board, facts: Facts) -> list[Finding]:
    """Required roles that nobody on the customer side holds."""
    held = roles_held(board, facts)
    return [
        Finding("missing_role", "high" if role == "decider" else "medium", (), role=role)
        for role in board.info.required_roles
        if role not in held
    ]


def _reach(board: Board, facts: Facts) -> list[Finding]:
    """Deciders that no warm path of ours reaches."""
    deciders = sorted(pid for pid in facts.customers if "decider" in board.people[pid].roles)
    if not deciders:
        return []
    if reaches_any(board, facts.warm, deciders):
        return []
    return [Finding("decider_unreachable", "high", tuple(deciders))]


def _hidden_influencers(board: Board, facts: Facts) -> list[Finding]:
    """People who hold the customer's network together without a title that says so."""
    if len(facts.customers) < 4:
        return []
    people = board.people
    candidates = {
        pid for pid in facts.customers if SWAY_ROLES.isdisjoint(people[pid].roles) and people[pid].influence <= 3
    }
    central = _central(tuple(facts.customers), tuple(facts.customer_edges), frozenset(candidates))
    return [Finding("hidden_influencer", "medium", (pid,)) for pid in sorted(central)]


@functools.lru_cache(maxsize=4)
def _central(customers: tuple[str, ...], edges: tuple[tuple[str, str], ...],
             candidates: frozenset[str]) -> frozenset[str]:
    """:func:`central_people`, remembered: two moments of a board compared, or a board
    analysed again after an edit that left its customer network alone, cost one sweep."""
    return frozenset(central_people(list(customers), list(edges), set(candidates)))


def _sizes(board: Board, facts: Facts) -> list[Finding]:
    """A customer side smaller than deals like this one usually involve."""
    low, high = expected_dmu(board.info)
    if len(facts.customers) < low:
        return [Finding("dmu_size_gap", "medium", (), expected=(low, high))]
    return []
