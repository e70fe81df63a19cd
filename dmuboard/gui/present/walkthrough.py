"""Walking the room through the findings, one at a time: the finding's people are
spotlit and brought into view, and its sentence is shown in large type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt

from dmuboard.gui.panels.findings import FindingsFeature
from dmuboard.gui.present.caption import Caption
from dmuboard.gui.present.spotlight import Spotlight

if TYPE_CHECKING:
    from dmuboard.analysis import Finding
    from dmuboard.gui.common.feature import FeatureContext


CLOSE_UP = (880.0, 620.0)  # the least of the board (scene units) a finding's close-up shows


class FindingsWalk:
    """Steps through the findings of the findings panel's latest analysis."""

    def __init__(self, context: FeatureContext, spotlight: Spotlight, caption: Caption) -> None:
        self.context = context
        self.spotlight = spotlight
        self.caption = caption
        self.index = -1

    @property
    def active(self) -> bool:
        return self.index >= 0

    def findings(self) -> tuple[Finding, ...]:
        panel = self.context.feature(FindingsFeature).panel
        if panel.editor is None:
            return ()
        if panel.analysis is None or panel.timer.isActive():
            panel.refresh()  # the board changed and the panel is still waiting: analyse now
        return tuple(panel.analysis.findings) if panel.analysis is not None else ()

    def step(self, delta: int) -> Finding | None:
        """Show the next (+1) or previous (-1) finding; past the last one the walk ends."""
        findings = self.findings()
        if not findings:
            self.stop()
            self.caption.show_text("Nothing to flag on this board.", self.context.view, seconds=3.0)
            return None
        index = self.index + delta if self.active else (0 if delta > 0 else len(findings) - 1)
        if not 0 <= index < len(findings):
            self.stop()
            self.caption.show_text("End of the findings.", self.context.view, seconds=2.5)
            return None
        self.index = index
        finding = findings[index]
        self.show(finding, index, len(findings))
        return finding

    def show(self, finding: Finding, index: int, count: int) -> None:
        view = self.context.view
        people = [pid for pid in finding.people if view is None or pid in view.board_scene.tokens]
        if people:
            self.spotlight.on_people(people)
            if view is not None:
                self.close_up(people)
        else:  # about the board as a whole
            self.spotlight.clear()
            if view is not None:
                view.fit()
        self.caption.show_text(f"{index + 1} of {count} · {finding.message}", view)

    def close_up(self, people: list[str]) -> None:
        """Zoom in on the finding's people, with some of the board around them for
        context, large enough to read from the back of the room."""
        view = self.context.view
        if view is None:
            return
        rect = view.board_scene.people_rect(people)
        centre = rect.center()
        width = max(rect.width() + 160.0, CLOSE_UP[0])
        height = max(rect.height() + 260.0, CLOSE_UP[1])  # room for the caption below
        area = QRectF(centre.x() - width / 2, centre.y() - height / 2 + 60.0, width, height)
        view.fitInView(area, Qt.AspectRatioMode.KeepAspectRatio)
        view.board_scene.set_detail(view.zoom())

    def stop(self) -> None:
        """End the walk: no spotlight, no caption."""
        if self.active:
            self.spotlight.clear()
        self.index = -1
        self.caption.clear()
