"""Realistic boards of any size from a seed, for benchmarks and large-board tests.

A generated board looks like a real account: a customer organisation as a
reporting tree with roles and stances spread as in practice, a smaller team of
ours, influence lines and a few conflicts inside the customer, and relationships
from our people to some of theirs. About ``links_per_person`` links per person.
The same seed always gives the same board.
"""

from __future__ import annotations

import random

from dmuboard.model.board import ROLES, STANCES, Board, BoardInfo, Link, Person

_FIRST = ("Anna", "Bram", "Chantal", "Daan", "Eva", "Frank", "Gerda", "Hans", "Ilse", "Joost",
          "Karin", "Lars", "Marieke", "Niels", "Oscar", "Petra", "Ruud", "Sanne", "Tim", "Wendy")
_LAST = ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
         "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer")
_TITLES = ("Manager", "Team lead", "Specialist", "Director", "Architect", "Controller",
           "Buyer", "Engineer", "Analyst", "Officer")
_DEPARTMENTS = ("Finance", "Sales", "Marketing", "IT", "Operations", "Procurement", "HR", "Legal")
_STANCE_WEIGHTS = (1, 3, 4, 2, 1, 3)

TOKEN_W, TOKEN_H = 200.0, 130.0  # grid pitch for generated positions


def generate_board(people: int, seed: int = 1, links_per_person: float = 2.5) -> Board:
    """A board of ``people`` persons (about one in eight ours) and about
    ``people * links_per_person`` links."""
    rng = random.Random(seed)
    ours_count = max(1, people // 8)
    customer_count = people - ours_count
    board = Board(BoardInfo(f"Generated board {people}", customer="Generated BV",
                            our_company="Northwind", deal_value=250000.0))
    columns = max(1, int(customer_count**0.5))
    customer_ids: list[str] = []
    for i in range(customer_count):
        pid = f"p{i + 1}"
        roles = tuple(sorted(rng.sample(ROLES, rng.choice((0, 1, 1, 1, 2))), key=ROLES.index))
        board.people[pid] = Person(
            pid, "customer", f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
            title=rng.choice(_TITLES), department=rng.choice(_DEPARTMENTS), roles=roles,
            stance=rng.choices(STANCES, _STANCE_WEIGHTS)[0], influence=rng.randint(1, 5),
            x=-TOKEN_W * (1 + i % columns), y=TOKEN_H * (i // columns),
        )
        customer_ids.append(pid)
    our_ids: list[str] = []
    for i in range(ours_count):
        uid = f"u{i + 1}"
        board.people[uid] = Person(uid, "ours", f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
                                   title="Account manager" if i == 0 else rng.choice(_TITLES),
                                   x=TOKEN_W * (1 + i % 3), y=TOKEN_H * (i // 3))
        our_ids.append(uid)

    target = int(people * links_per_person)
    keys: set[tuple[str, str, str]] = set()

    def add(source: str, target_id: str, kind: str) -> None:
        link = Link(f"l{len(board.links) + 1}", source, target_id, kind,
                    rng.randint(1, 5) if kind == "relationship" else None)
        if link.key not in keys:
            keys.add(link.key)
            board.links[link.id] = link

    # A reporting tree: everyone but the first reports to someone earlier, so no cycles.
    for i, pid in enumerate(customer_ids[1:], start=1):
        add(pid, customer_ids[rng.randrange(max(1, i // 2), i) if i > 1 else 0], "reports_to")
    for uid in our_ids[1:]:
        add(uid, our_ids[0], "reports_to")
    attempts = 0
    while customer_ids and len(board.links) < target and attempts < target * 10:
        attempts += 1
        draw = rng.random()
        if draw < 0.45 and len(customer_ids) > 1:
            a, b = rng.sample(customer_ids, 2)
            add(a, b, "influences")
        elif draw < 0.9 or len(customer_ids) < 2:
            add(rng.choice(our_ids), rng.choice(customer_ids), "relationship")
        else:
            a, b = rng.sample(customer_ids, 2)
            add(a, b, "conflict")
    return board
