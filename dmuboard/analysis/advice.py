"""The findings in plain words: what is wrong and what to do about it.

Where a warm path reaches a person nobody of ours knows, the advice names it: the
person who can introduce us and how they are linked to the target.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import cached_property

from dmuboard.analysis.paths import WarmPath, WarmPaths
from dmuboard.analysis.result import Finding
from dmuboard.model.board import Board, Link
from dmuboard.model.vocabulary import LINK_VERBS, ROLE_MEANINGS


class Wording:
    """Turns findings of one board into sentences; warm paths are found once, when first needed
    (over ``adjacency``, the warm graph, when the caller has it already)."""

    def __init__(self, board: Board, adjacency: dict[str, list[Link]] | None = None,
                 today: datetime.date | None = None) -> None:
        self.board = board
        self.today = today or datetime.date.today()
        self._adjacency = adjacency
        self._paths: WarmPaths | None = None
        self._introductions: dict[str, str] = {}  # a person both unconnected and a blocker is advised twice
        self.org = board.info.customer or "the customer"

    @cached_property
    def customers(self) -> int:
        """How many of the customer's people are on the board."""
        return sum(1 for p in self.board.people.values() if p.side == "customer")

    def name(self, pid: str) -> str:
        person = self.board.people.get(pid)
        return person.name if person else pid

    def path(self, pid: str) -> WarmPath | None:
        if self._paths is None:
            self._paths = WarmPaths(self.board, self._adjacency)
        return self._paths.path_to(pid)

    def step(self, link: Link) -> str:
        """One link of a chain in words."""
        source, target = self.name(link.source), self.name(link.target)
        if link.kind == "relationship" and self.board.people[link.source].side != "ours":
            source, target = target, source  # "ours knows theirs", whichever way it was drawn
        return f"{source} {LINK_VERBS[link.kind]} {target}"

    def introduction(self, pid: str) -> str:
        """How to reach ``pid`` through people we know, or what to do when nobody leads there."""
        known = self._introductions.get(pid)
        if known is None:
            known = self._introductions[pid] = self._introduction(pid)
        return known

    def _introduction(self, pid: str) -> str:
        path = self.path(pid)
        if path is None or len(path.people) < 3:
            return (f"No chain of people we know leads to {self.name(pid)}: ask your contacts who "
                    f"works with {self.name(pid)}, or request a meeting through their office.")
        go_between = path.people[-2]
        if len(path.people) == 3:
            return (f"{self.step(path.links[-1])}; {self.step(path.links[0])}: "
                    f"ask {self.name(go_between)} for an introduction.")
        chain = " → ".join(self.name(p) for p in path.people)
        first, second = self.name(path.people[1]), self.name(path.people[2])
        return (f"Warm path: {chain}. {self.name(path.people[0])} knows {first}: "
                f"ask {first} to introduce you to {second}.")

    def sway(self, pid: str) -> str:
        person = self.board.people[pid]
        heavy = ("influencer", "decider", "sponsor")
        reasons = [f"is {_article(role)} {role}" for role in person.roles if role in heavy]
        if person.influence >= 4:
            reasons.append(f"has influence {person.influence} of 5")
        if not reasons:
            reasons.append("influences others")
        return " and ".join(reasons)

    def word(self, finding: Finding) -> Finding:
        """``finding`` with its message and advice (made directly: dataclasses.replace costs twice as much)."""
        message, advice = _TEXTS[finding.code](self, finding)
        return Finding(code=finding.code, severity=finding.severity, people=finding.people, message=_tidy(message),
                       role=finding.role, expected=finding.expected, advice=_tidy(advice),
                       label=finding.label, state=finding.state)


def _tidy(text: str) -> str:
    """One full stop at the end, even when a name ends in one ("Acme B.V.")."""
    return text[:-1] if text.endswith("..") and not text.endswith("...") else text


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _no_relationships(w: Wording, f: Finding) -> tuple[str, str]:
    return (f"None of our people has a relationship with anyone at {w.org}.",
            "Draw who of us knows whom; if nobody does, plan first meetings with the decider and the influencers.")


def _single_threaded(w: Wording, f: Finding) -> tuple[str, str]:
    contact = w.name(f.people[0])
    return (f"All access to {w.org} runs through {contact}.",
            f"Build a second thread: ask {contact} to introduce you to the others in the decision.")


def _unconnected_influencer(w: Wording, f: Finding) -> tuple[str, str]:
    pid = f.people[0]
    return (f"{w.name(pid)} {w.sway(pid)}, but none of us has a relationship with them.", w.introduction(pid))


def _uncovered_blocker(w: Wording, f: Finding) -> tuple[str, str]:
    pid = f.people[0]
    stance = w.board.people[pid].stance
    return (f"{w.name(pid)} is {_article(stance)} {stance} and none of us has a relationship with them.",
            f"Hear their objections before they harden. {w.introduction(pid)}")


def _key_person_single_thread(w: Wording, f: Finding) -> tuple[str, str]:
    pid, ours = f.people
    roles = " and ".join(r for r in w.board.people[pid].roles if r in ("decider", "buyer", "sponsor"))
    return (f"{w.name(pid)} ({roles}) is known only through {w.name(ours)}.",
            f"Add a second relationship: bring another of our people to the next meeting with {w.name(pid)}.")


def _single_owner(w: Wording, f: Finding) -> tuple[str, str]:
    ours = w.name(f.people[0])
    return (f"{ours} holds every relationship with {w.org}.",
            f"Spread the account: introduce colleagues to {ours}'s contacts, so the deal does not hang on one person.")


def _profile_gap(w: Wording, f: Finding) -> tuple[str, str]:
    label = f.label or ""
    if f.state == "missing":
        return (f"Our DMU profile asks for {label}, and nobody on the board is {label}.",
                f"Find out who the {label} is at {w.org} and add them to the board.")
    names = _names(w, f.people)
    return (f"{names} ({label} in our DMU profile) {'is' if len(f.people) == 1 else 'are'} on the board, "
            "but none of us has a relationship there.",
            f"Build a relationship with {names}: {w.introduction(f.people[0])}")


def _missing_role(w: Wording, f: Finding) -> tuple[str, str]:
    role = f.role or ""
    what = f"Nobody on the board is the {role} (the one who {ROLE_MEANINGS.get(role, 'holds this role')})."
    if not w.customers:
        return what, f"First add the people of {w.org} who take part in the decision, then mark who the {role} is."
    return what, f"Find out who the {role} is at {w.org} and add them to the board."


def _decider_unreachable(w: Wording, f: Finding) -> tuple[str, str]:
    names = _names(w, f.people)
    return (f"No chain of people we know reaches {names}, who decide{'s' if len(f.people) == 1 else ''}.",
            f"Find a route: ask your contacts who reports to or advises {names}, and draw those lines.")


def _hidden_influencer(w: Wording, f: Finding) -> tuple[str, str]:
    pid = f.people[0]
    person = w.board.people[pid]
    return (f"{person.name} sits on the paths between many of their colleagues at {w.org}, "
            f"yet the board gives them no influencer role and influence {person.influence}.",
            f"Check whether {person.name} sways more than the title says; if so, add the role and win them over.")


def _dmu_size_gap(w: Wording, f: Finding) -> tuple[str, str]:
    low, high = f.expected or (0, 0)
    count = w.customers
    if count == 0:
        return (f"Nobody of {w.org} is on the board yet; deals like this usually involve {low} to {high} of their "
                "people.",
                f"Start here: add the people of {w.org} who take part in the decision (who decides, who buys, "
                "who will use it), on the left side of the board.")
    people = "1 person" if count == 1 else f"{count} people"
    return (f"Only {people} of {w.org} {'is' if count == 1 else 'are'} on the board; deals like this usually "
            f"involve {low} to {high}.",
            "Find out who else takes part: users, procurement, evaluators, outside advisors.")


def _isolated_person(w: Wording, f: Finding) -> tuple[str, str]:
    name = w.name(f.people[0])
    return (f"{name} has no line to anyone on the board.",
            f"Draw whom {name} reports to and who knows them, or remove them if they play no part.")


def _stale_relationship(w: Wording, f: Finding) -> tuple[str, str]:
    theirs, ours = f.people
    since = next((link.last_contact for link in w.board.links.values() if link.kind == "relationship"
                  and {link.source, link.target} == {theirs, ours} and link.last_contact), None)
    days = (w.today - datetime.date.fromisoformat(since)).days if since else 0
    only = " It is the only thread to a decider." if f.severity == "high" else ""
    return (f"{w.name(ours)} last spoke with {w.name(theirs)} {days} days ago ({since}).{only}",
            f"{w.name(ours)}: call {w.name(theirs)} this week, and note the date of the contact on the line.")


def _names(w: Wording, people: tuple[str, ...]) -> str:
    names = [w.name(p) for p in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


_TEXTS: dict[str, Callable[[Wording, Finding], tuple[str, str]]] = {
    "no_relationships": _no_relationships,
    "single_threaded": _single_threaded,
    "unconnected_influencer": _unconnected_influencer,
    "uncovered_blocker": _uncovered_blocker,
    "key_person_single_thread": _key_person_single_thread,
    "single_owner": _single_owner,
    "missing_role": _missing_role,
    "decider_unreachable": _decider_unreachable,
    "hidden_influencer": _hidden_influencer,
    "dmu_size_gap": _dmu_size_gap,
    "isolated_person": _isolated_person,
    "stale_relationship": _stale_relationship,
    "profile_gap": _profile_gap,
}


def path_in_words(board: Board, path: WarmPath) -> str:
    """A warm path as a sentence: "Sam de Wit knows Linda; Linda reports to Rob."."""
    wording = Wording(board)
    return "; ".join(wording.step(link) for link in path.links) + "."
