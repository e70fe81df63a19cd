"""Words the GUI uses for roles, stances, sides, link kinds and purchase types.

Role explanations follow the board format (shared/spec/board-format.md), in English
with the Dutch term that account managers in the Netherlands use.
"""

from __future__ import annotations

from dmuboard.model.vocabulary import ROLE_DUTCH, ROLE_LABELS, ROLE_MEANINGS

STANCE_LABELS = {
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
