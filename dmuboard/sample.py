"""The built-in sample board: a worked example that teaches the method.

A Dutch machine builder replacing its CRM, with a buying committee of eleven and a
seller who knows only one of them. The board lives in ``resources/sample.json`` and
is read through the interchange format, so it obeys every rule a user's file does.
The packaged file is only ever read; callers that want to edit it write a copy.
"""

from __future__ import annotations

from pathlib import Path

from dmuboard.model import jsonformat
from dmuboard.model.board import Board
from dmuboard.model.errors import NotABoardError
from dmuboard.resources import resource

SAMPLE_NAME = "sample.json"


def sample_path() -> Path:
    """Where the packaged sample document is."""
    return resource(SAMPLE_NAME)


def sample_board() -> Board:
    """A fresh copy of the sample board (a new object on every call)."""
    path = sample_path()
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NotABoardError(
            f"The built-in sample board is missing ({path}: {error.strerror or error}); reinstall DMU Board."
        ) from None
    return jsonformat.loads(data)
