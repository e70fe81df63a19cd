"""The inspector page for the board itself (shown when nothing is selected)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from dmuboard.gui.panels.inspector.fields import ChecksField, ChoiceField, LineField, TextField
from dmuboard.gui.panels.inspector.page import Page
from dmuboard.model.board import OUTCOMES, PURCHASE_TYPES, ROLES, BoardInfo
from dmuboard.model.document import Change
from dmuboard.model.errors import BoardError
from dmuboard.model.vocabulary import PURCHASE_LABELS, ROLE_LABELS, role_tip

OUTCOME_LABELS = {"open": "Open", "won": "Won", "lost": "Lost", "no_decision": "No decision"}
_THOUSANDS = {",": re.compile(r"\d{1,3}(,\d{3})+"), ".": re.compile(r"\d{1,3}(\.\d{3})+")}


def parse_amount(text: str) -> float | None:
    """A deal value as typed: "180000", "180,000", "180.000", "€ 1.250.000,50"; empty is None.

    A separator followed by groups of exactly three digits is read as thousands.
    """
    cleaned = re.sub(r"[\s_'€$£]", "", text)
    if not cleaned:
        return None
    if "," in cleaned and "." in cleaned:
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        cleaned = cleaned.replace(thousands, "").replace(decimal, ".")
    else:
        for separator, grouped in _THOUSANDS.items():
            if separator in cleaned:
                if grouped.fullmatch(cleaned):
                    cleaned = cleaned.replace(separator, "")
                else:
                    cleaned = cleaned.replace(separator, ".")
    try:
        return float(cleaned)
    except ValueError:
        raise BoardError("deal_value", "must be a number such as 180000, or empty") from None


def show_amount(value: float | None) -> str:
    """The deal value as shown: grouped in thousands ("1,250,000"), which :func:`parse_amount` reads back."""
    if value is None:
        return ""
    return f"{int(value):,}" if value.is_integer() else f"{value:,.2f}"


class BoardPage(Page):
    """Title, customer, our company, deal value, currency, purchase type, required roles, notes."""

    def __init__(self) -> None:
        super().__init__()
        self.add_field("title", "Title", LineField(self))
        self.add_field("customer", "Customer", LineField(self), "The customer's organisation")
        self.add_field("our_company", "Our company", LineField(self))
        self.add_field("deal_value", "Deal value", LineField(self, 40), "Leave empty when not known")
        currency = LineField(self, 3)
        currency.setInputMask(">AAA")  # three letters, upper case
        self.add_field("currency", "Currency", currency, "Three-letter ISO 4217 code, e.g. EUR")
        purchase = ChoiceField([(PURCHASE_LABELS[p], p) for p in PURCHASE_TYPES], self)
        self.add_field("purchase_type", "Purchase type", purchase,
                       "New buy, modified rebuy or straight rebuy: sets the expected size of the DMU")
        required = ChecksField(ROLES, ROLE_LABELS, {r: role_tip(r) for r in ROLES}, self)
        self.add_field("required_roles", "Required roles", required,
                       "The roles this deal must have covered on the customer side")
        self.add_field("notes", "Notes", TextField(self, 20000, 6))
        outcome = ChoiceField([(OUTCOME_LABELS[o], o) for o in OUTCOMES], self)
        self.add_field("outcome", "Outcome", outcome,
                       "Open, won, lost or no decision: a closed deal's board opens read-only")
        self.add_field("outcome_date", "Closed on", LineField(self, 10), "The date of the close, as 2026-11-30")
        self.add_field("outcome_reason", "Why", TextField(self, 2000, 3))

    def refresh(self) -> None:
        board = self.board
        if board is None:
            return
        info = board.info
        for name in ("title", "customer", "our_company", "currency", "purchase_type",
                     "required_roles", "notes", "outcome", "outcome_date", "outcome_reason"):
            self.fields[name].show_value(getattr(info, name))
        self.fields["deal_value"].show_value(show_amount(info.deal_value))

    def change_for(self, name: str, value: Any) -> Change | None:
        board = self.board
        if board is None:
            return None
        info = board.info
        if name == "deal_value":
            value = parse_amount(value)
        if name == "outcome_date":
            value = value.strip()
        changed: BoardInfo = replace(info, **{name: value})
        if changed == info:
            return None
        return Change(info=changed, label=f"Change {self.labels[name].lower()}")
