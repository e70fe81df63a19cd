"""The drag payload of the palette: what kind of token is being dropped on the canvas."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

from dmuboard.model.board import ROLES, SIDES

PALETTE_MIME = "application/x-dmuboard-token"


def token_mime(side: str, role: str | None = None) -> QMimeData:
    """Mime data for a palette token: a customer role, or a member of our team (no role)."""
    data = QMimeData()
    data.setData(PALETTE_MIME, json.dumps({"side": side, "role": role}).encode())
    return data


def read_token(data: QMimeData) -> tuple[str, str | None] | None:
    """(side, role) from dropped mime data, or None when it is not a palette token."""
    if not data.hasFormat(PALETTE_MIME):
        return None
    try:
        payload = json.loads(bytes(data.data(PALETTE_MIME).data()).decode())
        side, role = payload["side"], payload.get("role")
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    if side not in SIDES or (role is not None and role not in ROLES):
        return None
    return side, role
