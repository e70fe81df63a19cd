"""The history feature of the main window: its actions, the History dock, the past
view and the comparison. One call, :func:`add_history`, attaches it."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog, QInputDialog, QLineEdit

from dmuboard.analysis.changes import Changes, changes_between
from dmuboard.gui.history.moments import describe
from dmuboard.gui.history.overlay import CompareOverlay
from dmuboard.gui.history.panel import HistoryPanel
from dmuboard.gui.history.past import PastView
from dmuboard.model.board import Board
from dmuboard.model.document import Change
from dmuboard.model.errors import UserError
from dmuboard.model.history import Timeline, system_user

if TYPE_CHECKING:
    from dmuboard.gui.mainwindow import MainWindow

PROFILE_NAME = "profile/name"  # the name the history records; the system user name when unset


class HistoryFeature:
    def __init__(self, window: MainWindow) -> None:
        self.main = window
        self._timeline: Timeline | None = None
        self.problem: str | None = None
        self.shown_index: int | None = None  # the past moment on screen; None: now
        self.comparing = False
        self.last_changes: Changes | None = None
        self._before: Board | None = None
        self._compared: tuple[int, str, datetime.date | None] | None = None
        self.past = PastView(window)
        self.past.banner.back.connect(self.back_to_now)
        self.overlay: CompareOverlay | None = None
        self.panel = HistoryPanel(self)
        self.dock = QDockWidget("History", window)
        self.dock.setObjectName("historyDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.docks["history"] = self.dock
        self.dock.hide()
        self.dock.visibilityChanged.connect(lambda shown: shown and self.panel.refresh())
        toggle = self.dock.toggleViewAction()
        toggle.setText("&History")
        toggle.setShortcut("Ctrl+Shift+H")
        self.actions = {"history": toggle}
        for name, text, slot in (
            ("mark_review", "Mark &Review…", self.ask_mark),
            ("compare", "&Compare with…", self.ask_compare),
            ("compact_history", "Compact &History…", self.ask_compact),
            ("export_changes", "Export Changes Since… (PDF)", self.ask_export_changes),
            ("history_name", "Your Name in the History…", self.ask_name),
        ):
            action = QAction(text, window)
            action.triggered.connect(slot)
            self.actions[name] = action
        window.menus["view"].addAction(toggle)
        board = window.menus["board"]
        board.addSeparator()
        for name in ("mark_review", "compare", "export_changes", "compact_history", "history_name"):
            board.addAction(self.actions[name])
        window.actions.update(self.actions)
        window.board_opened.connect(self._board_opened)

    # -- the open board ----------------------------------------------------------------

    def _board_opened(self) -> None:
        self.past.back_to_now()
        self.shown_index = None
        self._end_overlay()
        self._timeline = None
        if self.main.opened is not None:
            name = str(self.main.settings.value(PROFILE_NAME, "") or "").strip()
            self.main.opened.store.author = name[:200] or system_user()
        if self.main.editor is not None:
            self.main.editor.changed.connect(self._changed)
        if self.dock.isVisible():
            self.panel.refresh()

    def _changed(self, _change: Change) -> None:
        self._timeline = None
        if self.comparing and self._compared is not None:
            self._compare(*self._compared)
        if self.dock.isVisible():
            self.panel.refresh()

    def writable(self) -> bool:
        return self.main.opened is not None and self.main.opened.read_only_reason is None

    def timeline(self) -> Timeline | None:
        """The open board's timeline, read when first asked for after a change."""
        if self.main.opened is None:
            self.problem = None
            return None
        if self._timeline is None:
            try:
                self._timeline = self.main.opened.store.timeline()
                self.problem = None
            except UserError as error:
                self.problem = error.message[:1].upper() + error.message[1:] + "."
                return None
        return self._timeline

    # -- past moments --------------------------------------------------------------------

    def show_moment(self, index: int) -> None:
        timeline = self.timeline()
        if timeline is None:
            return
        if index >= timeline.end:
            self.back_to_now()
            return
        try:
            board = timeline.board_at(index)
        except UserError as error:
            self.main.say(error.message)
            return
        self.shown_index = index
        self.past.show(board, describe(timeline, index))
        self.panel.moved_to(index, f"Showing {describe(timeline, index)}")

    def back_to_now(self) -> None:
        self.past.back_to_now()
        self.shown_index = None
        self.panel.moved_to(None, "Now")

    # -- marks ------------------------------------------------------------------------------

    def mark(self, name: str) -> bool:
        if self.main.opened is None:
            return False
        try:
            self.main.opened.store.add_mark(name)
        except UserError as error:
            self.main.say(error.message)
            return False
        self._timeline = None
        self.main.say(f"Marked the board as “{name.strip()}”.")
        self.panel.refresh()
        return True

    def ask_mark(self) -> None:
        name, ok = QInputDialog.getText(self.main, "Mark Review", "Name this moment (for example “QBR Q3”):",
                                        QLineEdit.EchoMode.Normal, "")
        if ok:
            self.mark(name)

    def rename_mark(self, old: str, new: str) -> bool:
        if self.main.opened is None:
            return False
        try:
            self.main.opened.store.rename_mark(old, new)
        except UserError as error:
            self.main.say(error.message)
            return False
        self._timeline = None
        self.panel.refresh()
        return True

    def ask_rename_mark(self, old: str) -> None:
        name, ok = QInputDialog.getText(self.main, "Rename Mark", "New name:", QLineEdit.EchoMode.Normal, old)
        if ok:
            self.rename_mark(old, name)

    def delete_mark(self, name: str) -> None:
        if self.main.opened is None:
            return
        try:
            self.main.opened.store.delete_mark(name)
        except UserError as error:
            self.main.say(error.message)
            return
        self._timeline = None
        self.panel.refresh()

    def ask_compact(self) -> None:
        if self.main.opened is None:
            return
        if not self.main.ask_yes_no("Compact History", "Keep the review marks and merge the changes between "
                                    "them into one step each? The steps in between cannot be shown afterwards."):
            return
        try:
            removed = self.main.opened.store.compact_history()
        except UserError as error:
            self.main.say(error.message)
            return
        self._timeline = None
        self.back_to_now()
        self.panel.refresh()
        self.main.say(f"History compacted: {removed} entries fewer.")

    def ask_name(self) -> None:
        current = str(self.main.settings.value(PROFILE_NAME, "") or "")
        name, ok = QInputDialog.getText(self.main, "Your Name", "The name the board's history records for "
                                        "your changes (empty: your system user name):",
                                        QLineEdit.EchoMode.Normal, current)
        if ok:
            self.main.settings.setValue(PROFILE_NAME, name.strip()[:200])
            if self.main.opened is not None:
                self.main.opened.store.author = name.strip()[:200] or system_user()

    # -- comparing ---------------------------------------------------------------------------

    def ask_compare(self) -> None:
        timeline = self.timeline()
        if timeline is None:
            self.main.say(self.problem or "No board is open.")
            return
        marks = [e.mark for _, e in reversed(timeline.marks()) if e.mark is not None]
        text, ok = QInputDialog.getItem(self.main, "Compare with…", "A review mark, or a date (2026-11-30):",
                                        marks or [""], 0, True)
        if ok and text.strip():
            self.compare_with_moment(text.strip())

    def compare_with_moment(self, text: str) -> bool:
        timeline = self.timeline()
        if timeline is None:
            return False
        try:
            moment = timeline.resolve(text)
        except UserError as error:
            self.main.say(error.message)
            return False
        return self._compare(moment.index, moment.label, moment.day)

    def compare_with(self, index: int) -> bool:
        timeline = self.timeline()
        if timeline is None:
            return False
        marks = [e.mark for e in timeline.entries[index:index + 1] if e.mark is not None]
        label = marks[0] if marks else (timeline.entries[index - 1].at if index else "the start")
        return self._compare(index, label, None)

    def _compare(self, index: int, label: str, day: datetime.date | None) -> bool:
        timeline = self.timeline()
        scene = self.main.scene
        if timeline is None or scene is None:
            return False
        self.back_to_now()
        try:
            before = timeline.board_at(index)
        except UserError as error:
            self.main.say(error.message)
            return False
        changes = changes_between(before, timeline.now, since=label, until="now", since_day=day)
        if self.overlay is None or self.overlay.scene is not scene:
            self._end_overlay()
            self.overlay = CompareOverlay(scene)
        self.overlay.show(changes, before)
        self.comparing, self.last_changes, self._compared = True, changes, (index, label, day)
        self._before = before
        self.panel.show_findings([f.message for f in changes.new], [f.message for f in changes.gone])
        if not self.dock.isVisible():
            self.dock.show()
        self.panel.moved_to(None, f"Comparing now with {label}")
        diff = changes.board
        self.main.say(f"Since {label}: {len(diff.people_added)} added, {len(diff.people_removed)} removed, "
                      f"{len(diff.people_changed)} changed; {len(changes.new)} findings appeared, "
                      f"{len(changes.gone)} disappeared.")
        return True

    def ask_export_changes(self) -> None:
        if not self.comparing and not self._ask_compare_first():
            return
        board = self.main.editor.document.board if self.main.editor is not None else None
        if board is None:
            return
        folder = Path(str(self.main.settings.value("export/folder", str(Path.home()))))
        suggested = folder / f"{board.info.title} - changes.pdf".replace("/", "-")
        name, _ = QFileDialog.getSaveFileName(self.main, "Export the changes as PDF", str(suggested), "PDF (*.pdf)")
        if name:
            self.export_changes(Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf"))

    def _ask_compare_first(self) -> bool:
        self.ask_compare()
        return self.comparing

    def export_changes(self, path: Path) -> bool:
        """The board now, then "Changes since ..." pages of the comparison shown, as a PDF."""
        from dmuboard.gui.export.changes import changes_lines
        from dmuboard.gui.export.entry import export_board
        from dmuboard.gui.export.options import ExportOptions

        if self.last_changes is None or self._before is None or self.main.editor is None or self.main.scene is None:
            self.main.say("Compare with a review mark or a date first (Board > Compare with…).")
            return False
        board = self.main.editor.document.board
        lines = changes_lines(self.last_changes, self._before, board)
        try:
            export_board(board, path, ExportOptions(format="pdf"), layers=self.main.scene.layers, changes=lines)
        except UserError as error:
            self.main.say(error.message)
            return False
        self.main.say(f"Exported the changes since {self.last_changes.since} to {path}.")
        return True

    def end_comparison(self) -> None:
        self._end_overlay()
        self.panel.hide_findings()
        self.panel.moved_to(self.shown_index, "Now")

    def _end_overlay(self) -> None:
        if self.overlay is not None:
            self.overlay.clear()
        self.overlay = None
        self.comparing, self.last_changes, self._compared = False, None, None


def add_history(window: MainWindow) -> HistoryFeature:
    return HistoryFeature(window)
