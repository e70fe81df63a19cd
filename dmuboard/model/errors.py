"""Errors that are the user's to read: each carries a message fit to show as it is.

The command line prints them on one line and exits 1; the GUI shows them in the
status bar or a message box. Anything else escaping is a bug in the program.
"""

from __future__ import annotations


class UserError(Exception):
    """Something about the user's input or files that the user can act on."""

    @property
    def message(self) -> str:
        return str(self)


class BoardError(UserError, ValueError):
    """A rule of the board format is broken. ``place`` names the field, e.g. ``people[3].stance``."""

    def __init__(self, place: str, problem: str) -> None:
        self.place = place
        self.problem = problem
        super().__init__(f"{place}: {problem}" if place else problem)

    def within(self, prefix: str) -> BoardError:
        """The same error, placed inside ``prefix`` (``people[3]`` + ``stance``)."""
        if not self.place:
            return BoardError(prefix, self.problem)
        joiner = "" if self.place.startswith("[") else "."
        return BoardError(f"{prefix}{joiner}{self.place}", self.problem)


class ReadOnlyError(UserError):
    """The board is open read-only (read-only file, or open in another instance)."""


class StoreError(UserError):
    """The file could not be written or read; nothing on disk was changed."""


class NotABoardError(UserError):
    """A file was refused on opening; the file is left untouched."""
