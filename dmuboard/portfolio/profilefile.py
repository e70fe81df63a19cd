"""The library's DMU profile file, ``dmu-profile.json`` in the library folder.

Its form is documented in docs/spec/profile.md::

    {"format": "dmuboard-profile", "version": 1,
     "entries": [{"label": "CEO", "keywords": ["ceo", "algemeen directeur", "managing director"]},
                 {"label": "Procurement", "keywords": ["inkoop", "procurement"], "role": "buyer"}]}

A board in a folder without one behaves as before (no ``profile_gap`` findings).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dmuboard.boardio import write_text_atomically
from dmuboard.model.errors import BoardError, NotABoardError
from dmuboard.model.profile import ProfileEntry, entries_from_json
from dmuboard.portfolio.library import PROFILE_FILE

FORMAT = "dmuboard-profile"
VERSION = 1
MAX_BYTES = 1 << 20


def profile_path(folder: Path) -> Path:
    return folder / PROFILE_FILE


def from_document(document: Any) -> tuple[ProfileEntry, ...]:
    if not isinstance(document, dict):
        raise BoardError("", "expected a JSON object")
    if document.get("format") != FORMAT:
        raise BoardError("format", f"expected {FORMAT!r}, got {document.get('format')!r}: not a DMU profile")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise BoardError("version", f"expected a whole number, got {version!r}")
    if version > VERSION:
        raise BoardError("version", f"this profile is version {version}; this program reads version {VERSION}")
    return entries_from_json(document.get("entries", []), "entries")


def to_document(entries: tuple[ProfileEntry, ...]) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "entries": [e.to_json() for e in entries]}


def read_profile(path: Path) -> tuple[ProfileEntry, ...]:
    """The entries of the profile file at ``path``; :class:`NotABoardError` with a sentence if it is bad."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise NotABoardError(f"{path.name} is too large for a DMU profile.")
        text = path.read_bytes()
    except OSError as error:
        raise NotABoardError(f"{path.name} cannot be read: {error.strerror or error}.") from None
    try:
        return from_document(json.loads(text))
    except (ValueError, RecursionError) as error:
        if isinstance(error, BoardError):
            raise NotABoardError(f"{path.name}: {error}") from None
        raise NotABoardError(f"{path.name} is not valid JSON.") from None


def library_profile(folder: Path) -> tuple[ProfileEntry, ...] | None:
    """The profile of the library ``folder``, or None when it has none."""
    path = profile_path(folder)
    return read_profile(path) if path.exists() else None


def write_profile(path: Path, entries: tuple[ProfileEntry, ...]) -> None:
    """Write the profile whole or not at all."""
    text = json.dumps(to_document(entries), ensure_ascii=False, indent=2) + "\n"
    write_text_atomically(path, text, replace=True)
