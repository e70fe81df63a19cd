"""The words people write in a CSV for roles, stances, influence and side.

English and Dutch, as account managers write them and as CRMs export them (HubSpot's
"Buying Role" holds "Decision Maker", "Budget Holder", "Champion"...). Each reader
returns the board's own value or raises :class:`ValueError` with a short reason.
"""

from __future__ import annotations

import re

from dmuboard.csvio.fields import simplify
from dmuboard.model.board import ROLES, STANCES

_ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "initiator": ("initiator", "initiatiefnemer", "aanvrager"),
    "user": ("user", "users", "end user", "eindgebruiker", "gebruiker", "employee", "medewerker"),
    "influencer": ("influencer", "beinvloeder"),
    "gatekeeper": ("gatekeeper", "gate keeper", "poortwachter", "legal and compliance"),
    "buyer": ("buyer", "inkoper", "purchaser", "procurement", "purchasing", "inkoop", "koper"),
    "decider": ("decider", "decision maker", "beslisser", "besluitvormer", "eindbeslisser",
                "budget holder", "budgethouder"),
    "evaluator": ("evaluator", "beoordelaar"),
    "sponsor": ("sponsor", "executive sponsor"),
    "advisor": ("advisor", "adviser", "adviseur", "consultant", "raadgever"),
}
_NO_ROLE = ("other", "overig", "overige", "anders", "none", "geen", "n a", "na", "?")

_STANCE_WORDS: dict[str, tuple[str, ...]] = {
    "champion": ("champion", "kampioen", "ambassadeur", "ambassador", "promoter"),
    "supporter": ("supporter", "voorstander", "positive", "positief", "supportive"),
    "neutral": ("neutral", "neutraal"),
    "skeptic": ("skeptic", "sceptic", "skeptical", "sceptical", "scepticus", "skepticus", "sceptisch",
                "skeptisch", "kritisch", "critical", "twijfelaar", "doubtful"),
    "blocker": ("blocker", "tegenstander", "opponent", "blokkeerder", "negative", "negatief", "detractor"),
    "unknown": ("unknown", "onbekend", "?", "n a", "na"),
}

_SIDE_WORDS: dict[str, tuple[str, ...]] = {
    "customer": ("customer", "klant", "theirs", "them", "their side", "customer side", "hun kant"),
    "ours": ("ours", "our", "us", "our side", "our team", "wij", "ons", "onze kant", "eigen", "own",
             "internal", "intern"),
}

_ROLES = {word: role for role, words in _ROLE_WORDS.items() for word in (role, *words)}
_STANCES = {word: stance for stance, words in _STANCE_WORDS.items() for word in (stance, *words)}
_SIDES = {word: side for side, words in _SIDE_WORDS.items() for word in words}
_ROLE_SPLIT = re.compile(r"[,;|/\n]+")

assert set(_ROLES.values()) == set(ROLES) and set(_STANCES.values()) == set(STANCES)


def read_roles(cell: str) -> tuple[tuple[str, ...], str | None]:
    """The roles in a cell (``Beslisser; Inkoper``), and a stance if one was among them.

    HubSpot and others put "Champion" or "Blocker" in the buying-role column; such a
    word becomes the stance instead of an error.
    """
    if simplify(cell) in _NO_ROLE:
        return (), None
    roles: list[str] = []
    stance: str | None = None
    for part in _ROLE_SPLIT.split(cell):
        word = simplify(part)
        if not word or word in _NO_ROLE:
            continue
        if word in _ROLES:
            if _ROLES[word] not in roles:
                roles.append(_ROLES[word])
        elif word in _STANCES and _STANCES[word] != "unknown":
            stance = _STANCES[word]
        else:
            raise ValueError(f"{part.strip()!r} is not a role (roles: {', '.join(ROLES)})")
    return tuple(roles), stance


def read_stance(cell: str) -> str:
    word = simplify(cell)
    if not word:
        return "unknown"
    if word in _STANCES:
        return _STANCES[word]
    raise ValueError(f"{cell.strip()!r} is not a stance (stances: {', '.join(STANCES)})")


def read_influence(cell: str) -> int:
    text = cell.strip().replace(",", ".")
    if not text:
        return 3
    try:
        number = float(text)
    except ValueError:
        number = 0.0
    if number.is_integer() and 1 <= number <= 5:
        return int(number)
    raise ValueError(f"{cell.strip()!r} is not an influence from 1 (little) to 5 (decisive)")


def read_side(cell: str, default: str) -> str:
    word = simplify(cell)
    if not word:
        return default
    if word in _SIDES:
        return _SIDES[word]
    raise ValueError(f"{cell.strip()!r} is not a side (customer or ours)")
