"""Review marks and the name the history records, as the History feature asks for them:
Mark Review…, a mark renamed or deleted, Compact History…, Your Name in the History…."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QLineEdit

from dmuboard.model.errors import UserError
from dmuboard.model.history import system_user

if TYPE_CHECKING:
    from dmuboard.gui.common.feature import FeatureContext
    from dmuboard.store import BoardFile

PROFILE_NAME = "profile/name"  # the name the history records; the system user name when unset


class MarkActions:
    """The marks' part of :class:`~dmuboard.gui.history.feature.HistoryFeature`."""

    context: FeatureContext

    def _history_changed(self) -> None:
        raise NotImplementedError

    def back_to_now(self) -> None:
        raise NotImplementedError

    def _store(self) -> BoardFile | None:
        return self.context.store

    def _run(self, operation: Callable[[BoardFile], object]) -> bool:
        """``operation`` on the open board's store; a refusal is said in the status bar."""
        store = self._store()
        if store is None:
            return False
        try:
            operation(store)
        except UserError as error:
            self.context.say(error.message)
            return False
        self._history_changed()
        return True

    def mark(self, name: str) -> bool:
        if not self._run(lambda store: store.add_mark(name)):
            return False
        self.context.say(f"Marked the board as “{name.strip()}”.")
        return True

    def ask_mark(self) -> None:
        name, ok = QInputDialog.getText(self.context.dialog_parent(), "Mark Review",
                                        "Name this moment (for example “QBR Q3”):", QLineEdit.EchoMode.Normal, "")
        if ok:
            self.mark(name)

    def rename_mark(self, old: str, new: str) -> bool:
        return self._run(lambda store: store.rename_mark(old, new))

    def ask_rename_mark(self, old: str) -> None:
        name, ok = QInputDialog.getText(self.context.dialog_parent(), "Rename Mark", "New name:",
                                        QLineEdit.EchoMode.Normal, old)
        if ok:
            self.rename_mark(old, name)

    def delete_mark(self, name: str) -> None:
        self._run(lambda store: store.delete_mark(name))

    def ask_compact(self) -> None:
        store = self._store()
        if store is None:
            return
        if not self.context.ask_yes_no("Compact History", "Keep the review marks and merge the changes between "
                                       "them into one step each? The steps in between cannot be shown afterwards."):
            return
        try:
            removed = store.compact_history()
        except UserError as error:
            self.context.say(error.message)
            return
        self.back_to_now()
        self._history_changed()
        self.context.say(f"History compacted: {removed} entries fewer.")

    def author_name(self) -> str:
        """The name the history records for this user's changes."""
        name = str(self.context.settings.value(PROFILE_NAME, "") or "").strip()
        return name[:200] or system_user()

    def ask_name(self) -> None:
        current = str(self.context.settings.value(PROFILE_NAME, "") or "")
        name, ok = QInputDialog.getText(self.context.dialog_parent(), "Your Name", "The name the board's history "
                                        "records for your changes (empty: your system user name):",
                                        QLineEdit.EchoMode.Normal, current)
        if ok:
            self.context.settings.setValue(PROFILE_NAME, name.strip()[:200])
            store = self._store()
            if store is not None:
                store.author = self.author_name()
