"""What won deals teach: across the won (and, apart, the lost) boards, who took part.

For each group of closed boards: which functions (departments), roles and levels took
part and on how many boards; which were on the org chart but not involved; how many
outsiders had a say; the DMU size and contact count against the 6.8 / 2.7 benchmark;
and which findings were open at close ("single-threaded at close: 6 of 8 lost, 1 of 9
won"). :func:`proposals` turns the functions of most won deals into profile entries.

"Took part" means a customer person with a DMU role or a relationship with one of us;
"on the org chart but not involved" is someone with neither. A person's *level* is
read from the reporting lines: 1 for someone who reports to nobody on the board, 2
for who reports to them, and so on. An *outsider* is a customer person with an
``organisation`` (a consultant, a partner).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from dmuboard.analysis import facts as _facts
from dmuboard.analysis import rules as _rules
from dmuboard.analysis.metrics import BENCHMARK_CONTACTS, BENCHMARK_DMU
from dmuboard.model.board import Board
from dmuboard.model.profile import ProfileEntry, fold


@dataclass(slots=True)
class Group:
    """The figures of one group of boards (won, or lost)."""

    outcome: str
    boards: int = 0
    functions: Counter[str] = field(default_factory=Counter)  # boards where the department took part
    not_involved: Counter[str] = field(default_factory=Counter)  # boards where it was only on the chart
    roles: Counter[str] = field(default_factory=Counter)
    levels: Counter[int] = field(default_factory=Counter)
    outsiders: int = 0  # outsiders who took part, over all boards of the group
    dmu_sizes: list[int] = field(default_factory=list)
    contacts: list[int] = field(default_factory=list)
    findings_at_close: Counter[str] = field(default_factory=Counter)  # boards where the code was open

    @property
    def average_dmu(self) -> float:
        return round(sum(self.dmu_sizes) / len(self.dmu_sizes), 1) if self.dmu_sizes else 0.0

    @property
    def average_contacts(self) -> float:
        return round(sum(self.contacts) / len(self.contacts), 1) if self.contacts else 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "outcome": self.outcome, "boards": self.boards, "functions": dict(self.functions.most_common()),
            "not_involved": dict(self.not_involved.most_common()), "roles": dict(self.roles.most_common()),
            "levels": {str(k): v for k, v in sorted(self.levels.items())}, "outsiders": self.outsiders,
            "average_dmu": self.average_dmu, "average_contacts": self.average_contacts,
            "benchmark": {"dmu": BENCHMARK_DMU, "contacts": BENCHMARK_CONTACTS},
            "findings_at_close": dict(self.findings_at_close.most_common()),
        }


def levels(board: Board) -> dict[str, int]:
    """Each customer person's level in the reporting lines (1: reports to nobody on the board)."""
    managers: dict[str, list[str]] = {}
    for link in board.links.values():
        if link.kind == "reports_to" and board.people[link.source].side == "customer":
            managers.setdefault(link.source, []).append(link.target)
    found: dict[str, int] = {}

    def level(pid: str, seen: frozenset[str]) -> int:
        if pid in found:
            return found[pid]
        above = [m for m in managers.get(pid, ()) if m not in seen]
        value = 1 + min((level(m, seen | {pid}) for m in above), default=0)
        found[pid] = value
        return value

    for pid in (p.id for p in board.customers()):
        level(pid, frozenset())
    return found


def add_board(group: Group, board: Board) -> None:
    facts = _facts.gather(board)
    group.boards += 1
    depth = levels(board)
    took_part: set[str] = set()
    on_chart: set[str] = set()
    for pid in facts.customers:
        person = board.people[pid]
        function = person.department.strip() or "(no department)"
        involved = bool(person.roles) or bool(facts.partners.get(pid))
        if involved:
            took_part.add(function)
            group.roles.update(person.roles)
            group.levels[depth.get(pid, 1)] += 1
            if person.organisation.strip():
                group.outsiders += 1
        else:
            on_chart.add(function)
    group.functions.update(took_part)
    group.not_involved.update(on_chart - took_part)
    group.dmu_sizes.append(len(facts.customers))
    group.contacts.append(len(facts.contacts))
    group.findings_at_close.update({f.code for f in _rules.findings(board, facts)})


def patterns(boards: Iterable[Board]) -> dict[str, Group]:
    """The won and the lost groups of ``boards`` (open and no-decision boards are left out)."""
    groups = {"won": Group("won"), "lost": Group("lost")}
    for board in boards:
        group = groups.get(board.info.outcome)
        if group is not None:
            add_board(group, board)
    return groups


def compare(groups: dict[str, Group], code: str) -> str:
    """One line such as "single_threaded at close: 6 of 8 lost, 1 of 9 won"."""
    lost, won = groups["lost"], groups["won"]
    return (f"{code.replace('_', '-')} at close: {lost.findings_at_close[code]} of {lost.boards} lost, "
            f"{won.findings_at_close[code]} of {won.boards} won")


def proposals(won: Group, share: float = 0.5, existing: tuple[ProfileEntry, ...] = ()) -> list[ProfileEntry]:
    """Profile entries for the functions that took part in more than ``share`` of the won
    deals, most frequent first, leaving out labels the profile has already."""
    known = {fold(e.label) for e in existing} | {k for e in existing for k in e.keywords}
    found = []
    for function, count in sorted(won.functions.items(), key=lambda item: (-item[1], fold(item[0]))):
        if function == "(no department)" or won.boards == 0 or count / won.boards <= share:
            continue
        if fold(function) in known:
            continue
        found.append(ProfileEntry(function, (function,)))
    return found
