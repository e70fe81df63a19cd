"""The words for roles, stances, sides and link kinds, in one place: the analysis
writes sentences with them, the GUI shows them as labels, chips, tool tips and legends,
the exports print them. (What people may *write* in a CSV is csvio.words: a reader's
list of synonyms, not labels.)

Meanings are verb phrases ("the one who ... "), after the role descriptions of the
board format; the Dutch terms are the ones account managers in the Netherlands use.
"""

from __future__ import annotations

from dmuboard.model.board import ROLES, STANCES

ROLE_LABELS = {
    "initiator": "Initiator",
    "user": "User",
    "influencer": "Influencer",
    "gatekeeper": "Gatekeeper",
    "buyer": "Buyer",
    "decider": "Decider",
    "evaluator": "Evaluator",
    "sponsor": "Sponsor",
    "advisor": "Advisor",
}

ROLE_DUTCH = {
    "initiator": "initiatiefnemer",
    "user": "gebruiker",
    "influencer": "beïnvloeder",
    "gatekeeper": "poortwachter",
    "buyer": "inkoper",
    "decider": "beslisser",
    "evaluator": "beoordelaar",
    "sponsor": "sponsor",
    "advisor": "adviseur",
}

ROLE_MEANINGS = {
    "initiator": "spots the need and starts the purchase",
    "user": "works with the product or service every day",
    "influencer": "advises on specifications and options",
    "gatekeeper": "controls information and access to the others",
    "buyer": "negotiates price and contract (procurement)",
    "decider": "has the final say and the budget",
    "evaluator": "researches and compares the vendors",
    "sponsor": "is the executive who can speed the deal up",
    "advisor": "is an outside consultant or partner the customer listens to",
}

# Role chips: a short label on the token, the full word and meaning in the legend.
ROLE_CHIPS: dict[str, str] = {
    "initiator": "INIT",
    "user": "USER",
    "influencer": "INFL",
    "gatekeeper": "GATE",
    "buyer": "BUY",
    "decider": "DEC",
    "evaluator": "EVAL",
    "sponsor": "SPON",
    "advisor": "ADV",
}

# Stance: a symbol and a word next to the colour, never the colour alone.
STANCE_SYMBOLS: dict[str, str] = {
    "champion": "▲▲",
    "supporter": "▲",
    "neutral": "●",
    "skeptic": "▼",
    "blocker": "▼▼",
    "unknown": "?",
}

LINK_LEGEND: dict[str, str] = {
    "reports_to": "reports to (arrow to the manager)",
    "influences": "influences (dashed arrow)",
    "relationship": "our relationship (thicker with strength)",
    "conflict": "conflict (red zigzag)",
}

# A link as the verb of a sentence: "Sam <knows> Ingrid" (tool tips, warm paths).
LINK_VERBS: dict[str, str] = {
    "reports_to": "reports to",
    "influences": "influences",
    "relationship": "knows",
    "conflict": "is in conflict with",
}

STANCE_LABELS: dict[str, str] = {
    "champion": "Champion",
    "supporter": "Supporter",
    "neutral": "Neutral",
    "skeptic": "Skeptic",
    "blocker": "Blocker",
    "unknown": "Unknown",
}

SIDE_LABELS = {"customer": "Customer (their DMU)", "ours": "Ours (our team)"}

LINK_LABELS = {
    "reports_to": "Reports to",
    "influences": "Influences",
    "relationship": "Relationship",
    "conflict": "Conflict",
}

PURCHASE_LABELS = {
    "new_buy": "New buy",
    "modified_rebuy": "Modified rebuy",
    "straight_rebuy": "Straight rebuy",
}

STRENGTH_LABELS = {
    1: "1 – aware of each other",
    2: "2 – have met",
    3: "3 – regular contact",
    4: "4 – good relationship",
    5: "5 – trusted advisor",
}


def role_tip(role: str) -> str:
    """One line for a role: "Decider (beslisser): has the final say and the budget."."""
    return f"{ROLE_LABELS[role]} ({ROLE_DUTCH[role]}): {ROLE_MEANINGS[role]}."


def stance_text(stance: str) -> str:
    """The stance as a card shows it: symbol and word ("▲▲ champion")."""
    return f"{STANCE_SYMBOLS[stance]} {stance}"


def role_legend() -> list[tuple[str, str, str]]:
    """(role, chip label, meaning) for every role, in the format's order."""
    return [(role, ROLE_CHIPS[role], ROLE_MEANINGS[role]) for role in ROLES]


def stance_legend() -> list[tuple[str, str]]:
    """(stance, symbol) for every stance, in the format's order."""
    return [(stance, STANCE_SYMBOLS[stance]) for stance in STANCES]


def deletion_sentence(names: list[str], links: int, undo_key: str) -> str:
    """What a deletion did and how to get it back, for the status bar:
    "Deleted Fatima El Idrissi and 3 links. Ctrl+Z brings them back."."""
    parts = list(names) if len(names) <= 2 else [f"{len(names)} people"]
    if links:
        parts.append(f"{links} link" if links == 1 else f"{links} links")
    what = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    it = "it" if not names and links == 1 else "them"
    return f"Deleted {what}. {undo_key} brings {it} back."
