"""What the history commands share: the timeline of a board named on the command line,
and dates given as arguments."""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

from dmuboard.boardio import read_board_with_history
from dmuboard.model.history.timeline import Timeline


def open_timeline(path: Path) -> Timeline:
    """The history of the board in ``path`` (.dmu or .json), checked against the board."""
    board, entries = read_board_with_history(path)
    return Timeline(board, entries, path.name)


def iso_day(text: str) -> datetime.date:
    """An argparse type: a calendar date written as 2026-11-30."""
    try:
        if len(text) != 10:
            raise ValueError
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-30") from None
