"""The words for roles, in one place: the analysis writes sentences with them, the
GUI shows them as labels, tool tips and legends.

Meanings are verb phrases ("the one who ... "), after the role descriptions of the
board format; the Dutch terms are the ones account managers in the Netherlands use.
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
    "sponsor": "is the executive who can speed the deal up",
    "advisor": "is an outside consultant or partner the customer listens to",
}
