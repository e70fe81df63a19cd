"""Words the GUI uses for roles, stances, sides, link kinds and purchase types.

Role explanations follow the board format (shared/spec/board-format.md), in English
with the Dutch term that account managers in the Netherlands use.
"""

from __future__ import annotations

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
    "sponsor": "executive sponsor who can speed the deal up",
    "advisor": "outside consultant or partner the customer listens to",
}

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
