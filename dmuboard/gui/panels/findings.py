"""The findings panel: a scorecard, then what the board tells the seller.

The analysis runs after the board changed, once the edits have paused for a moment
(a single-shot timer), never inside a gesture (a held mouse button makes it wait): a
drag is one change on release, a move changes no finding and is skipped, and a burst
of changes costs one analysis. Every finding is shown by colour and
word, in plain text, with what to do; a click selects and centres its people, a
double click on a finding about one customer person shows the warm path to them.
Tokens get a badge with the severity of their most serious finding.

:class:`FindingsFeature` is the panel's dock and Board > Show Warm Path (Ctrl+Shift+P).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dmuboard.gui.canvas.style import Theme
from dmuboard.gui.common.editor import Editor
from dmuboard.gui.common.feature import ActionSpec, DockSpec, Feature, FeatureContext, MenuSpec
from dmuboard.gui.common.firstpaint import after_first_paint
from dmuboard.gui.panels.pathmark import PathMark
from dmuboard.model.board import Person
from dmuboard.model.document import Change

if TYPE_CHECKING:
    from dmuboard.analysis import Analysis, Finding
    from dmuboard.gui.canvas.scene import BoardScene
    from dmuboard.gui.canvas.view import BoardView

DELAY_MS = 150  # quiet time after the last change before the analysis runs
PEOPLE_ROLE = Qt.ItemDataRole.UserRole


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def severity_icon(severity: str) -> QIcon:
    """A filled circle in the severity's badge colour (the same colours as on the tokens)."""
    colour = Theme().badge.get(severity, QColor("#6b7482"))
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)


class Scorecard(QFrame):
    """The board's numbers against what deals like this one usually involve."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        self.values: dict[str, QLabel] = {}
        for row, (key, title) in enumerate((("people", "Customer people"), ("contacts", "Contacts"),
                                             ("roles", "Required roles"))):
            caption = _plain(title)
            caption.setStyleSheet("color: palette(placeholder-text);")
            grid.addWidget(caption, row, 0)
            self.values[key] = _plain()
            grid.addWidget(self.values[key], row, 1)
        self.benchmark = _plain()
        self.benchmark.setStyleSheet("color: palette(placeholder-text);")
        grid.addWidget(self.benchmark, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)

    def show_analysis(self, analysis: Analysis | None) -> None:
        if analysis is None:
            for label in self.values.values():
                label.setText("–")
            self.benchmark.setText("")
            return
        m = analysis.metrics
        low, high = m.expected_dmu
        verdict = "fewer than" if m.customer_people < low else "within" if m.customer_people <= high else "more than"
        self.values["people"].setText(f"{m.customer_people} known; deals like this involve {low} to {high} "
                                      f"({verdict} expected)")
        self.values["contacts"].setText(f"{m.contacts} of {m.customer_people} know one of us "
                                        f"({m.coverage:.0%} coverage), {m.relationships} relationship"
                                        f"{'' if m.relationships == 1 else 's'}")
        covered, required = m.required_roles_covered
        self.values["roles"].setText(f"{covered} of {required} covered")
        from dmuboard.analysis import BENCHMARK_CONTACTS, BENCHMARK_DMU

        self.benchmark.setText(f"A typical B2B decision involves {BENCHMARK_DMU} people; sellers know "
                               f"{BENCHMARK_CONTACTS} of them. You know {m.contacts}.")


class FindingsPanel(QWidget):
    """The scorecard and the list of findings of the open board."""

    analysed = Signal(object)  # the Analysis just shown (None without a board)
    message = Signal(str)  # a sentence for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor: Editor | None = None
        self.scene: BoardScene | None = None
        self.view: BoardView | None = None
        self.analysis: Analysis | None = None
        self._seen: dict[str, Person] = {}  # the people as last analysed
        self._painted = True  # has the bound board's view painted yet (the first analysis waits for it)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.scorecard = Scorecard(self)
        layout.addWidget(self.scorecard)
        self.summary = _plain()
        layout.addWidget(self.summary)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemClicked.connect(self.show_finding)
        self.list.itemActivated.connect(self.show_finding)
        self.list.itemDoubleClicked.connect(self.show_finding_path)
        layout.addWidget(self.list, 1)
        self.icons: dict[str, QIcon] = {}  # by severity, painted for the first findings shown
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self._when_idle)
        self.path_mark = PathMark(self)
        self.path_mark.message.connect(self.message)
        self.bind(None, None, None)

    def opening_height(self, findings: int = 3) -> float:
        """How tall the panel opens: the scorecard, the summary and ``findings`` findings of
        three lines each (the sentence wraps once, then what to do), read whole."""
        line = self.list.fontMetrics().lineSpacing()
        rows = findings * (3 * line + 6) + 2 * self.list.frameWidth()
        fixed = self.scorecard.sizeHint().height() + self.summary.sizeHint().height()
        layout = self.layout()
        assert layout is not None  # made in __init__
        margins = layout.contentsMargins()
        return fixed + rows + margins.top() + margins.bottom() + 2 * layout.spacing() + 30  # + the dock title

    def bind(self, editor: Editor | None, scene: BoardScene | None, view: BoardView | None) -> None:
        """Follow this board (None: no board is open)."""
        if self.editor is not None:
            self.editor.changed.disconnect(self.schedule)
            self.editor.destroyed.disconnect(self._editor_gone)
        self.editor, self.scene, self.view = editor, scene, view
        self.path_mark.bind(editor, scene, view)
        if editor is None:
            self.refresh()
            return
        editor.changed.connect(self.schedule)
        editor.destroyed.connect(self._editor_gone)
        # the first analysis waits too, until the board is on screen, so that it appears without delay
        self.analysis = None
        self.list.clear()
        self.summary.setText("Reading the board…")
        if view is not None:
            self._painted = False
            after_first_paint(view.viewport(), self._view_painted)
        self.timer.start()

    def _view_painted(self) -> None:
        self._painted = True

    def _editor_gone(self, _obj: QObject | None = None) -> None:
        self.editor, self.scene, self.view = None, None, None
        self.timer.stop()
        self.refresh()

    def schedule(self, change: object = None) -> None:
        """Analyse once the changes pause (each change restarts the wait). Moves and saved
        views change no finding, so they cost nothing."""
        if isinstance(change, Change) and self._moves_only(change):
            return
        self.timer.start()

    def _moves_only(self, change: Change) -> bool:
        if change.removed_people or change.links or change.removed_links or change.info is not None:
            return False
        for person in change.people:
            seen = self._seen.get(person.id)
            if seen is None or replace(seen, x=person.x, y=person.y) != person:
                return False
        return True

    def _when_idle(self) -> None:
        """Analyse now, unless a gesture is under way (a button held): then wait for its end."""
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self.timer.start()
            return
        if not self._painted and self.view is not None and self.view.isVisible():
            self.timer.start()  # the board is about to be painted: that comes first
            return
        self.refresh()

    def refresh(self) -> None:
        """Analyse the board now and show the result."""
        self.timer.stop()
        board = self.editor.document.board if self.editor is not None else None
        if board is None:
            self.analysis = None
        else:
            from dmuboard.analysis import analyze  # after the first paint: not on the start path

            self.analysis = analyze(board)
        self._seen = dict(board.people) if board is not None else {}
        self.scorecard.show_analysis(self.analysis)
        self.list.clear()
        if self.analysis is None:
            self.summary.setText("No board is open.")
        else:
            self._fill(self.analysis)
        if self.scene is not None:
            self.scene.set_badges(self.analysis.by_person() if self.analysis is not None else {})
        self.analysed.emit(self.analysis)

    def _fill(self, analysis: Analysis) -> None:
        counts = {s: sum(1 for f in analysis.findings if f.severity == s) for s in ("high", "medium", "low")}
        if not analysis.findings:
            self.summary.setText("Nothing to flag: every rule of the analysis is satisfied.")
        else:
            self.summary.setText(f"{len(analysis.findings)} findings: {counts['high']} high, "
                                 f"{counts['medium']} medium, {counts['low']} low")
        for finding in analysis.findings:
            text = f"{finding.severity.upper()}: {finding.message}"
            if finding.advice:
                text += f"\nWhat to do: {finding.advice}"
            if finding.severity not in self.icons:
                self.icons[finding.severity] = severity_icon(finding.severity)
            item = QListWidgetItem(self.icons[finding.severity], text)
            item.setData(PEOPLE_ROLE, finding)
            # tool tips guess rich text: escape the names and force rich text on purpose
            item.setToolTip(f"<p>{html.escape(text).replace(chr(10), '<br>')}</p>")
            self.list.addItem(item)

    def finding_of(self, item: QListWidgetItem) -> Finding:
        from dmuboard.analysis import Finding

        finding = item.data(PEOPLE_ROLE)
        assert isinstance(finding, Finding)
        return finding

    def show_finding(self, item: QListWidgetItem) -> None:
        """Select the finding's people on the canvas and bring them into view."""
        people = list(self.finding_of(item).people)
        if self.scene is None or self.view is None:
            return
        if not people:
            self.message.emit("This finding is about the board as a whole, not about particular people.")
            return
        self.scene.select(people=people)
        self.view.center_on(people)

    def show_finding_path(self, item: QListWidgetItem) -> None:
        people = self.finding_of(item).people
        if people:
            self.show_path_to(people[0])

    def show_path_to(self, pid: str) -> str:
        """Highlight the warm path to ``pid`` on the canvas; return (and announce) it in words."""
        return self.path_mark.show_to(pid)

    def show_path_to_selection(self) -> None:
        """The command: the warm path to the one selected customer person, or what to select."""
        if self.scene is None:
            return
        chosen = self.scene.selected_people()
        if len(chosen) != 1:
            self.path_mark.clear()
            self.message.emit("Select one customer person to see the warm path from our team to them.")
            return
        self.show_path_to(chosen[0])


class FindingsFeature(Feature):
    """The findings dock (made at once: the badges and the presentation need its analysis
    while it is hidden too) and Board > Show Warm Path."""

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context)
        self.panel = FindingsPanel()
        self.panel.message.connect(context.say)
        context.boardChanged.connect(lambda: self.panel.bind(context.editor, context.scene, context.view))
        # The highlight's sentence lasts as long as the highlight.
        self.panel.path_mark.described.connect(
            lambda text: context.state("path", text) if text else context.end_state("path"))

    def docks(self) -> Sequence[DockSpec]:
        return (DockSpec("findings", "Findings", lambda: self.panel, Qt.DockWidgetArea.BottomDockWidgetArea,
                         order=30, lazy=False, size=round(self.panel.opening_height())),)

    def actions(self) -> Sequence[ActionSpec | MenuSpec]:
        return (ActionSpec("warm_path", "Show &Warm Path", self.panel.show_path_to_selection, "board", "1_board", 40,
                           ("Ctrl+Shift+P",),
                           "Highlight the chain of introductions from our team to the selected customer person"),
                ActionSpec("clear_highlight", "&Clear Highlight", self.panel.path_mark.clear, "board", "1_board", 41,
                           tip="Take the warm-path highlight off the board (Esc or a click on empty canvas does too)",
                           enabled=False))

    def placed(self) -> None:
        self.panel.path_mark.shown.connect(self.context.action("clear_highlight").setEnabled)
