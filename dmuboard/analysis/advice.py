"""The findings in plain words: what is wrong and what to do about it.

Where a warm path reaches a person nobody of ours knows, the advice names it: the
person who can introduce us and how they are linked to the target.
"""

from __future__ import annotations

from collections.abc import Callable

from dmuboard.analysis.paths import WarmPath, WarmPaths
from dmuboard.analysis.result import Finding
from dmuboard.model.board import Board, Link
from dmuboard.model.vocabulary import ROLE_MEANINGS


class Wording:
    """Turns findings of one board into sentences; warm paths are found once, when first needed
    (over ``adjacency``, the warm graph, when the caller has it already)."""

    def __init__(self, board: Board, adjacency: dict[str, list[Link]] | None = None) -> None:
        self.board = board
        self._adjacency = adjacency
        self._paths: WarmPaths | None = None
        self._introductions: dict[str, str] = {}  # a person both unconnected and a blocker is advised twice
        self.org = board.info.customer or "the customer"

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
        if link.kind == "reports_to":
            return f"{source} reports to {target}"
        if link.kind == "influences":
            return f"{source} influences {target}"
        ours, theirs = (source, target) if self.board.people[link.source].side == "ours" else (target, source)
        return f"{ours} knows {theirs}"

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
    return (f"Nobody on the board is the {role} (the one who {ROLE_MEANINGS.get(role, 'holds this role')}).",
            f"Find out who the {role} is at {w.org} and add them to the board.")


def _decider_unreachable(w: Wording, f: Finding) -> tuple[str, str]:
    names = _names(w, f.people)
    return (f"No chain of people we know reaches {names}, who decide{'s' if len(f.people) == 1 else ''}.",
            f"Find a route: ask your contacts who reports to or advises {names}, and draw those lines.")


def _hidden_influencer(w: Wording, f: Finding) -> tuple[str, str]:
    pid = f.people[0]
    person = w.board.people[pid]
    return (f"Many reporting and influence lines at {w.org} run through {person.name}, "
            f"yet the board gives them no influencer role and influence {person.influence}.",
            f"Check whether {person.name} sways more than the title says; if so, add the role and win them over.")


def _dmu_size_gap(w: Wording, f: Finding) -> tuple[str, str]:
    low, high = f.expected or (0, 0)
    count = sum(1 for p in w.board.people.values() if p.side == "customer")
    return (f"Only {count} people of {w.org} are on the board; deals like this usually involve {low} to {high}.",
            "Find out who else takes part: users, procurement, evaluators, outside advisors.")


def _isolated_person(w: Wording, f: Finding) -> tuple[str, str]:
    name = w.name(f.people[0])
    return (f"{name} has no line to anyone on the board.",
            f"Draw whom {name} reports to and who knows them, or remove them if they play no part.")


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
    "profile_gap": _profile_gap,
}


def path_in_words(board: Board, path: WarmPath) -> str:
    """A warm path as a sentence: "Sam de Wit knows Linda; Linda reports to Rob."."""
    wording = Wording(board)
    return "; ".join(wording.step(link) for link in path.links) + "."
