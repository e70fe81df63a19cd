"""The status bar's sentences: those that describe a state last as long as the state,
the others go after a while.

"Connect mode: drag ..." is true while Connect mode is on, a warm path's sentence while
that path is highlighted: they are shown without a time limit and taken away when their
state ends (unless another sentence has replaced them). Everything else is shown for
ten seconds, long enough to read.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStatusBar

TIMEOUT_MS = 10000


class StatusLine:
    """The sentences of one window's status bar."""

    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self._states: dict[str, str] = {}

    def say(self, text: str) -> None:
        """A passing sentence: it goes after a while."""
        self.bar.showMessage(text, TIMEOUT_MS)

    def state(self, owner: str, text: str) -> None:
        """A sentence describing the state ``owner``: it stays until :meth:`end`."""
        self._states[owner] = text
        self.bar.showMessage(text)

    def end(self, owner: str) -> None:
        """The state ``owner`` is over: its sentence goes, if it is still the one shown."""
        text = self._states.pop(owner, None)
        if text is not None and self.bar.currentMessage() == text:
            self.bar.clearMessage()
