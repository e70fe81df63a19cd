"""The features' docks in the main window: made empty at once (so the window's saved
layout finds them), with their content built when first shown, unless the feature
needs it at once."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from dmuboard.gui.common.feature import DockSpec

HORIZONTAL = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)


class Docks(QObject):
    """The docks of one window, by id, in the order of View > Panels."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.specs: dict[str, DockSpec] = {}
        self.docks: dict[str, QDockWidget] = {}

    def add(self, specs: Sequence[DockSpec]) -> None:
        for spec in sorted(specs, key=lambda s: s.order):
            if spec.id in self.docks:
                raise ValueError(f"two docks are called {spec.id!r}")
            dock = QDockWidget(spec.title, self.window)
            dock.setObjectName(f"{spec.id}Dock")
            self.specs[spec.id] = spec
            self.docks[spec.id] = dock
            self.window.addDockWidget(spec.area, dock)
            if not spec.shown:
                dock.hide()
            if spec.lazy:
                dock.setWidget(QWidget(dock))  # a stand-in until it is first shown
                dock.installEventFilter(self)
            else:
                self.content(spec.id)
        for spec in self.specs.values():
            if spec.tab_with and spec.tab_with in self.docks and spec.id in {s.id for s in specs}:
                self.window.tabifyDockWidget(self.docks[spec.tab_with], self.docks[spec.id])
                self.docks[spec.tab_with].raise_()
        self.docks = dict(sorted(self.docks.items(), key=lambda item: self.specs[item[0]].order))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A dock with a stand-in is being shown: its content is made now, before it paints."""
        if event.type() == QEvent.Type.Show and isinstance(watched, QDockWidget):
            watched.removeEventFilter(self)
            name = next((n for n, dock in self.docks.items() if dock is watched), None)
            if name is not None:
                self.content(name)
        return False

    def content(self, name: str) -> QWidget:
        """The content of dock ``name``, built now if it was not yet."""
        dock = self.docks[name]
        spec = self.specs[name]
        if dock.property("built"):
            widget = dock.widget()
            assert widget is not None
            return widget
        dock.setProperty("built", True)
        stand_in = dock.widget()
        widget = spec.build()
        dock.setWidget(widget)
        if stand_in is not None and stand_in is not widget:
            stand_in.deleteLater()
        return widget

    def first_sizes(self) -> None:
        """The sizes of a first start (no layout saved yet)."""
        for orientation, wanted in ((Qt.Orientation.Horizontal, True), (Qt.Orientation.Vertical, False)):
            chosen = [(self.docks[s.id], s.size) for s in self.specs.values()
                      if s.size and (s.area in HORIZONTAL) == wanted]
            if chosen:
                self.window.resizeDocks([d for d, _ in chosen], [size for _, size in chosen], orientation)
