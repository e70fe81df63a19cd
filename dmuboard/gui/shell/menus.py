"""The main window's menus, toolbar and shortcuts, made from the features' action specs.

Every action of the window is declared as data (:class:`~dmuboard.gui.common.feature.ActionSpec`),
by the window itself (:func:`window_actions`: files, undo, full screen, about) and by
its features. :class:`Placer` makes the QActions and puts them in the menus by menu
id, group and order, and on the toolbar by toolbar group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar

from dmuboard.gui.common.feature import ActionSpec, Key, MenuSpec
from dmuboard.gui.shell.icons import icon

Keys = QKeySequence.StandardKey
MENUS = (("file", "&File"), ("edit", "&Edit"), ("view", "&View"), ("board", "&Board"), ("settings", "&Settings"),
         ("help", "&Help"))


def _keys(keys: Iterable[Key]) -> list[QKeySequence]:
    return [QKeySequence(key) for key in keys]


def make_action(parent: QObject, spec: ActionSpec) -> QAction:
    """The QAction for ``spec`` (named by its id)."""
    action = spec.make(parent) if spec.make is not None else QAction(spec.text, parent)
    action.setObjectName(spec.id)
    keys = _keys(spec.shortcuts)
    if keys:
        action.setShortcuts(keys)
    if spec.shortcut_context is not None:
        action.setShortcutContext(spec.shortcut_context)
    if spec.tip:
        action.setStatusTip(spec.tip)
        if spec.make is None:
            shortcut = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
            action.setToolTip(f"{spec.tip} ({shortcut})" if shortcut else spec.tip)
    if spec.icon:
        action.setIcon(icon(spec.icon))
    if spec.checkable:
        action.setCheckable(True)
        action.setChecked(spec.checked)
    if not spec.enabled:
        action.setEnabled(False)
    if spec.handler is not None:
        handler = spec.handler
        if spec.checkable:
            action.toggled.connect(handler)
        else:
            action.triggered.connect(lambda _checked=False: handler())
    return action


class Placer:
    """Makes the window's actions and menus from specs, and places them."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self._entries: dict[str, list[tuple[str, int, int, ActionSpec | MenuSpec]]] = {}
        self._toolbar: list[tuple[str, int, int, str]] = []

    def add(self, specs: Sequence[ActionSpec | MenuSpec]) -> None:
        for spec in specs:
            if spec.id in self.actions or spec.id in self._entries:
                raise ValueError(f"two actions or menus are called {spec.id!r}")
            number = len(self.actions) + len(self._toolbar) + sum(map(len, self._entries.values()))
            if isinstance(spec, MenuSpec):
                self._entries[spec.id] = []
                self._entries.setdefault(spec.menu, []).append((spec.group, spec.order, number, spec))
                continue
            action = make_action(self.window, spec)
            self.actions[spec.id] = action
            if spec.menu:
                self._entries.setdefault(spec.menu, []).append((spec.group, spec.order, number, spec))
            if not spec.menu or spec.window_key:
                self.window.addAction(action)  # its keys work with the menu bar hidden
            if spec.toolbar:
                self._toolbar.append((spec.toolbar, spec.toolbar_order, number, spec.id))

    def build(self) -> QToolBar:
        """Fill the menu bar and make the toolbar; returns the toolbar."""
        bar = self.window.menuBar()
        for name, text in MENUS:
            self.menus[name] = bar.addMenu(text)
            self._fill(name)
        toolbar = QToolBar("Toolbar", self.window)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        group = None
        for toolbar_group, _order, _number, name in sorted(self._toolbar):
            if group is not None and toolbar_group != group:
                toolbar.addSeparator()
            group = toolbar_group
            toolbar.addAction(self.actions[name])
        if group is not None:
            toolbar.addSeparator()
        self.window.addToolBar(toolbar)
        return toolbar

    def _fill(self, name: str) -> None:
        menu = self.menus[name]
        group = None
        for entry_group, _order, _number, spec in sorted(self._entries.get(name, []), key=lambda e: e[:3]):
            if group is not None and entry_group != group:
                menu.addSeparator()
            group = entry_group
            if isinstance(spec, MenuSpec):
                sub = menu.addMenu(spec.text)
                self.menus[spec.id] = sub
                if spec.about_to_show is not None:
                    sub.aboutToShow.connect(spec.about_to_show)
                self._fill(spec.id)
            else:
                menu.addAction(self.actions[spec.id])


def panel_actions(menu: QMenu, docks: Iterable[QDockWidget], toolbar: QToolBar) -> None:
    """The panels' show/hide actions in View > Panels (and the toolbar's)."""
    menu.clear()
    for dock in docks:
        menu.addAction(dock.toggleViewAction())
    menu.addSeparator()
    menu.addAction(toolbar.toggleViewAction())


def window_actions(window: Any, undo_group: QUndoGroup) -> list[ActionSpec | MenuSpec]:
    """The window's own actions: files, undo and redo, the panels and full screen, about."""
    a = ActionSpec

    def step(method: str) -> None:
        if window.editor is not None:
            getattr(window.editor.undo_stack, method)()

    def stepping(method: str, create: Callable[[QObject, str], QAction], text: str) -> Callable[[QObject], QAction]:
        """The group's action (its text and enabled state follow the active stack), stepping
        through the open board's EditorStack instead of the group's own C++ slot: the
        EditorStack takes a refused step back before anyone sees it."""

        def make(parent: QObject) -> QAction:
            action = create(parent, text)
            action.triggered.disconnect()
            action.triggered.connect(lambda *_: step(method))
            return action

        return make

    undo = stepping("undo", undo_group.createUndoAction, "&Undo")
    redo = stepping("redo", undo_group.createRedoAction, "&Redo")
    return [
        a("new", "&New Board", window.new_board, "file", "1_open", 10, (Keys.New,),
          "Make a new, empty board (kept safe from the first edit)", "new", toolbar="1_file", toolbar_order=10),
        a("open", "&Open…", window.open_dialog, "file", "1_open", 20, (Keys.Open,), "Open a board file", "open",
          toolbar="1_file", toolbar_order=20),
        MenuSpec("file/recent", "Open &Recent", "file", "1_open", 30, about_to_show=window.fill_recent_menu),
        a("save_copy", "Save a &Copy As…", window.save_copy_dialog, "file", "2_save", 10, (Keys.SaveAs,),
          "Write a copy of this board to another file and go on working on the copy", "save_copy",
          toolbar="1_file", toolbar_order=30),
        a("close", "&Close Window", window.close, "file", "9_close", 10, (Keys.Close,),
          "Close this window (the board is already saved)"),
        a("quit", "&Quit", window.quit_app, "file", "9_close", 20, ("Ctrl+Q",), "Quit DMU Board"),
        a("undo", "&Undo", None, "edit", "1_undo", 10, (Keys.Undo,), "Undo the last change", "undo",
          make=undo, toolbar="2_edit", toolbar_order=10),
        a("redo", "&Redo", None, "edit", "1_undo", 20, ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo what was undone", "redo",
          make=redo, toolbar="2_edit", toolbar_order=20),
        MenuSpec("view/panels", "&Panels", "view", "2_window", 10),
        a("full_screen", "F&ull Screen", window.set_full_screen, "view", "2_window", 20, ("F11",),
          "Use the whole screen", "full_screen", checkable=True),
        a("about", "&About DMU Board", window.about, "help", "1_help", 10, tip="Version and purpose of DMU Board"),
    ]
