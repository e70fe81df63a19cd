"""The history feature of the main window: its actions (Board > Mark Review…, Compare
with…, Export Changes Since…, Compact History…, Your Name in the History…; View >
History), the History dock, a past moment shown read-only and the comparison.

Everything of the window it uses comes through the
:class:`~dmuboard.gui.common.feature.FeatureContext`: the open board's store (its
history and marks), the canvas's place for a past moment, the status bar, dialogs.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog, QInputDialog, QWidget

from dmuboard.analysis.changes import Changes, changes_between
from dmuboard.gui.common.feature import ActionSpec, DockSpec, Feature, FeatureContext, MenuSpec
from dmuboard.gui.history.marks import MarkActions
from dmuboard.gui.history.moments import describe
from dmuboard.gui.history.overlay import CompareOverlay
from dmuboard.gui.history.panel import HistoryPanel
from dmuboard.gui.history.past import PastView
from dmuboard.model.board import Board
from dmuboard.model.document import Change
from dmuboard.model.errors import UserError
from dmuboard.model.history import Timeline

DOCK = "history"
GROUP = "5_history"  # in the Board menu, after the board's own commands


class HistoryFeature(MarkActions, Feature):
    """The board's past: marks, the timeline, a past moment, "Compare with…"."""

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context)
        self.context = context
        self._timeline: Timeline | None = None
        self.problem: str | None = None
        self.shown_index: int | None = None  # the past moment on screen; None: now
        self.comparing = False
        self.last_changes: Changes | None = None
        self._before: Board | None = None
        self._compared: tuple[int, str, datetime.date | None] | None = None
        self._panel: HistoryPanel | None = None
        self.past = PastView(context)
        self.past.banner.back.connect(self.back_to_now)
        self.overlay: CompareOverlay | None = None
        context.boardChanged.connect(self._board_changed)

    # -- what the window places ------------------------------------------------------------

    def actions(self) -> Sequence[ActionSpec | MenuSpec]:
        a = ActionSpec
        return [
            a("history", "&History", menu="view", group="2_window", order=50, shortcuts=("Ctrl+Shift+H",),
              tip="Show the board's past: its days and review marks", make=self._dock_toggle),
            a("mark_review", "Mark &Review…", self.ask_mark, "board", GROUP, 10,
              tip="Name the board as it is now (for example “QBR Q3”)"),
            a("compare", "&Compare with…", self.ask_compare, "board", GROUP, 20,
              tip="Draw on the canvas what changed since a review mark or a date"),
            a("export_changes", "Export Changes Since… (PDF)", self.ask_export_changes, "board", GROUP, 30,
              tip="The board and the changes since a review mark or a date, as a PDF"),
            a("compact_history", "Compact &History…", self.ask_compact, "board", GROUP, 40,
              tip="Keep the review marks and merge the changes between them"),
            a("history_name", "Your Name in the History…", self.ask_name, "board", GROUP, 50,
              tip="The name the board's history records for your changes"),
        ]

    def docks(self) -> Sequence[DockSpec]:
        return [DockSpec(DOCK, "History", self._build_panel, Qt.DockWidgetArea.RightDockWidgetArea, order=60,
                         shown=False)]

    def bars_above(self) -> Sequence[QWidget]:
        return [self.past.banner]

    def _dock_toggle(self, _parent: QObject) -> QAction:
        toggle = self.dock.toggleViewAction()
        toggle.setText("&History")
        return toggle

    def _build_panel(self) -> QWidget:
        self._panel = HistoryPanel(self)
        self.dock.visibilityChanged.connect(self._dock_visible)
        self._panel.refresh()
        return self._panel

    def _dock_visible(self, shown: bool) -> None:
        if shown and self._panel is not None:
            self._panel.refresh()

    @property
    def dock(self) -> QDockWidget:
        return self.context.dock(DOCK)

    @property
    def panel(self) -> HistoryPanel:
        """The History panel (made now if the dock was never shown)."""
        panel = self.context.dock_content(DOCK)
        assert isinstance(panel, HistoryPanel)
        return panel

    def _refresh(self) -> None:
        """The panel lists the history again, when it is on screen."""
        if self._panel is not None and self.dock.isVisible():
            self._panel.refresh()

    def _panel_at(self, index: int | None, text: str) -> None:
        if self._panel is not None:
            self._panel.moved_to(index, text)

    # -- the open board ----------------------------------------------------------------

    def _board_changed(self) -> None:
        self.back_to_now()
        self._end_overlay()
        self._timeline = None
        if self.context.store is not None:
            self.context.store.author = self.author_name()
        if self.context.editor is not None:
            self.context.editor.changed.connect(self._changed)
        self._refresh()

    def _changed(self, _change: Change) -> None:
        self._timeline = None
        if self.comparing and self._compared is not None:
            self._compare(*self._compared)
        self._refresh()

    def writable(self) -> bool:
        return self.context.store is not None and self.context.read_only_reason is None

    def timeline(self) -> Timeline | None:
        """The open board's timeline, read when first asked for after a change."""
        store = self.context.store
        if store is None:
            self.problem = None
            return None
        if self._timeline is None:
            try:
                self._timeline = store.timeline()
                self.problem = None
            except UserError as error:
                self.problem = error.message[:1].upper() + error.message[1:] + "."
                return None
        return self._timeline

    def _history_changed(self) -> None:
        """A mark was added, renamed or deleted, or the history compacted."""
        self._timeline = None
        if self._panel is not None:
            self._panel.refresh()

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
            self.context.say(error.message)
            return
        self.shown_index = index
        self.past.show(board, describe(timeline, index))
        self._panel_at(index, f"Showing {describe(timeline, index)}")

    def back_to_now(self) -> None:
        self.past.back_to_now()
        self.shown_index = None
        self._panel_at(None, "Now")

    # -- comparing ---------------------------------------------------------------------------

    def ask_compare(self) -> None:
        timeline = self.timeline()
        if timeline is None:
            self.context.say(self.problem or "No board is open.")
            return
        marks = [e.mark for _, e in reversed(timeline.marks()) if e.mark is not None]
        text, ok = QInputDialog.getItem(self.context.dialog_parent(), "Compare with…",
                                        "A review mark, or a date (2026-11-30):", marks or [""], 0, True)
        if ok and text.strip():
            self.compare_with_moment(text.strip())

    def compare_with_moment(self, text: str) -> bool:
        timeline = self.timeline()
        if timeline is None:
            return False
        try:
            moment = timeline.resolve(text)
        except UserError as error:
            self.context.say(error.message)
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
        scene = self.context.scene
        if timeline is None or scene is None:
            return False
        self.back_to_now()
        try:
            before = timeline.board_at(index)
        except UserError as error:
            self.context.say(error.message)
            return False
        changes = changes_between(before, timeline.now, since=label, until="now", since_day=day)
        if self.overlay is None or self.overlay.scene is not scene:
            self._end_overlay()
            self.overlay = CompareOverlay(scene)
        self.overlay.show(changes, before)
        self.comparing, self.last_changes, self._compared = True, changes, (index, label, day)
        self._before = before
        self.dock.show()
        panel = self.panel
        panel.show_findings([f.message for f in changes.new], [f.message for f in changes.gone])
        panel.moved_to(None, f"Comparing now with {label}")
        diff = changes.board
        self.context.say(f"Since {label}: {len(diff.people_added)} added, {len(diff.people_removed)} removed, "
                         f"{len(diff.people_changed)} changed; {len(changes.new)} findings appeared, "
                         f"{len(changes.gone)} disappeared.")
        return True

    def ask_export_changes(self) -> None:
        if not self.comparing:
            self.ask_compare()
            if not self.comparing:
                return
        editor = self.context.editor
        if editor is None:
            return
        folder = Path(str(self.context.settings.value("export/folder", str(Path.home()))))
        suggested = folder / f"{editor.document.board.info.title} - changes.pdf".replace("/", "-")
        name, _ = QFileDialog.getSaveFileName(self.context.dialog_parent(), "Export the changes as PDF",
                                              str(suggested), "PDF (*.pdf)")
        if name:
            self.export_changes(Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf"))

    def export_changes(self, path: Path) -> bool:
        """The board now, then "Changes since ..." pages of the comparison shown, as a PDF."""
        from dmuboard.gui.export.changes import changes_lines
        from dmuboard.gui.export.entry import export_board
        from dmuboard.gui.export.options import ExportOptions

        editor, scene = self.context.editor, self.context.scene
        if self.last_changes is None or self._before is None or editor is None or scene is None:
            self.context.say("Compare with a review mark or a date first (Board > Compare with…).")
            return False
        board = editor.document.board
        lines = changes_lines(self.last_changes, self._before, board)
        try:
            export_board(board, path, ExportOptions(format="pdf"), layers=scene.layers, changes=lines)
        except UserError as error:
            self.context.say(error.message)
            return False
        self.context.say(f"Exported the changes since {self.last_changes.since} to {path}.")
        return True

    def end_comparison(self) -> None:
        self._end_overlay()
        if self._panel is not None:
            self._panel.hide_findings()
        self._panel_at(self.shown_index, "Now")

    def _end_overlay(self) -> None:
        if self.overlay is not None:
            self.overlay.clear()
        self.overlay = None
        self.comparing, self.last_changes, self._compared = False, None, None

