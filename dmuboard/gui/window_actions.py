"""The main window's menus, toolbar and shortcuts.

Actions reach the open board through the window at the moment they are triggered
(``window.scene``, ``window.view``), so they keep working after another board is
opened. Other parts of the program add to the menus through ``window.menus``
("file", "edit", "view", "board", "help") and to ``window.toolbar``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from dmuboard.gui.window_icons import icon

if TYPE_CHECKING:
    from dmuboard.gui.mainwindow import MainWindow

Keys = QKeySequence.StandardKey


def _action(window: MainWindow, name: str, text: str, slot: Callable[..., Any] | None = None,
            keys: list[QKeySequence] | None = None, tip: str = "", icon_name: str = "",
            checkable: bool = False) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if keys:
        action.setShortcuts(keys)
    if tip:
        action.setStatusTip(tip)
        shortcut = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
    if icon_name:
        action.setIcon(icon(icon_name))
    action.setCheckable(checkable)
    if slot is not None:
        (action.toggled if checkable else action.triggered).connect(slot)
    window.actions[name] = action
    return action


def insert_actions(window: MainWindow, menu: QMenu, before: QAction | None,
                   entries: tuple[tuple[str, str, str, str, Callable[[], Any]], ...]) -> None:
    """Add (name, text, keys, tip, slot) actions to ``menu`` ahead of ``before`` (at the end
    when it is None or not in the menu), named in ``window.actions`` like the window's own."""
    if before not in menu.actions():
        before = None
    for name, text, keys, tip, slot in entries:
        action = _action(window, name, text, slot, [QKeySequence(keys)] if keys else None, tip)
        if before is not None:
            menu.insertAction(before, action)
        else:
            menu.addAction(action)


def _on_scene(window: MainWindow, method: str, *args: Any) -> Callable[..., None]:
    """A slot that calls ``method`` on the scene of the board open at that moment."""

    def call(*_ignored: Any) -> None:
        if window.scene is not None:
            getattr(window.scene, method)(*args)

    return call


def _on_view(window: MainWindow, method: str) -> Callable[..., None]:
    def call(*_ignored: Any) -> None:
        if window.view is not None:
            getattr(window.view, method)()

    return call


def build_actions(window: MainWindow) -> None:
    """Create every action, the menus and the toolbar of ``window``."""
    k = QKeySequence
    a = _action
    a(window, "new", "&New Board", window.new_board, [k(Keys.New)],
      "Make a new, empty board (kept safe from the first edit)", "new")
    a(window, "open", "&Open…", window.open_dialog, [k(Keys.Open)], "Open a board file", "open")
    a(window, "save_copy", "Save a &Copy As…", window.save_copy_dialog, [k(Keys.SaveAs)],
      "Write a copy of this board to another file and go on working on the copy", "save_copy")
    a(window, "close", "&Close Window", window.close, [k(Keys.Close)],
      "Close this window (the board is already saved)")
    a(window, "quit", "&Quit", window.quit_app, [k("Ctrl+Q")], "Quit DMU Board")

    undo = window.undo_group.createUndoAction(window, "&Undo")
    undo.setShortcuts([k(Keys.Undo)])
    undo.setIcon(icon("undo"))
    redo = window.undo_group.createRedoAction(window, "&Redo")
    redo.setShortcuts([k("Ctrl+Shift+Z"), k("Ctrl+Y")])
    redo.setIcon(icon("redo"))
    for name, action, tip in (("undo", undo, "Undo the last change"), ("redo", redo, "Redo what was undone")):
        action.setObjectName(name)
        action.setStatusTip(tip)
        window.actions[name] = action
    a(window, "delete", "&Delete", _on_scene(window, "delete_selection"), [k(Keys.Delete), k("Backspace")],
      "Delete the selected people (with their links) and links", "delete")
    a(window, "select_all", "Select &All", _on_scene(window, "select_all"), [k(Keys.SelectAll)],
      "Select every person and link")
    a(window, "find", "&Find…", window.findbar.open_bar, [k(Keys.Find)],
      "Find people by part of their name or title", "find")

    a(window, "zoom_in", "Zoom &In", _on_view(window, "zoom_in"), [k(Keys.ZoomIn), k("Ctrl+=")],
      "Zoom in", "zoom_in")
    a(window, "zoom_out", "Zoom &Out", _on_view(window, "zoom_out"), [k(Keys.ZoomOut)], "Zoom out", "zoom_out")
    a(window, "fit", "&Fit Board", _on_view(window, "fit"), [k("Ctrl+0")], "Show the whole board", "fit")
    a(window, "full_screen", "F&ull Screen", window.set_full_screen, [k("F11")], "Use the whole screen",
      "full_screen", checkable=True)

    a(window, "connect", "&Connect Mode", window.set_connect_mode, [k("L")],
      "Draw links: drag from one person to another", "connect", checkable=True)
    a(window, "snap", "&Snap to Grid", window.set_snap_to_grid, None,
      "Tokens snap to the grid when dragged", "snap", checkable=True)
    a(window, "auto_layout", "&Auto-Layout", _on_scene(window, "auto_layout"), [k("Ctrl+Shift+L")],
      "Arrange the customer's side as an org chart and our team facing it", "auto_layout")
    a(window, "tidy_selection", "&Tidy Selection", _on_scene(window, "tidy_selection"), None,
      "Auto-Layout of the selected people only, where they are", "auto_layout")
    a(window, "about", "&About DMU Board", window.about, None, "Version and purpose of DMU Board")

    _menus(window)
    _toolbar(window)


def _menus(window: MainWindow) -> None:
    bar = window.menuBar()
    acts = window.actions
    file = bar.addMenu("&File")
    file.addActions([acts["new"], acts["open"]])
    window.recent_menu = file.addMenu("Open &Recent")
    window.recent_menu.aboutToShow.connect(window.fill_recent_menu)
    file.addSeparator()
    file.addAction(acts["save_copy"])
    file.addSeparator()
    file.addActions([acts["close"], acts["quit"]])

    edit = bar.addMenu("&Edit")
    edit.addActions([acts["undo"], acts["redo"]])
    edit.addSeparator()
    edit.addActions([acts["delete"], acts["select_all"]])
    edit.addSeparator()
    edit.addAction(acts["find"])

    view = bar.addMenu("&View")
    view.addActions([acts["zoom_in"], acts["zoom_out"], acts["fit"]])
    view.addSeparator()
    window.panels_menu = view.addMenu("&Panels")
    view.addAction(acts["full_screen"])

    board = bar.addMenu("&Board")
    board.addActions([acts["connect"], acts["snap"], acts["auto_layout"], acts["tidy_selection"]])

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(acts["about"])
    window.menus = {"file": file, "edit": edit, "view": view, "board": board, "help": help_menu}


def _toolbar(window: MainWindow) -> None:
    toolbar = QToolBar("Toolbar", window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    acts = window.actions
    for group in (
        ("new", "open", "save_copy"),
        ("undo", "redo", "delete"),
        ("zoom_in", "zoom_out", "fit"),
        ("connect", "snap", "auto_layout"),
        ("find",),
    ):
        toolbar.addActions([acts[name] for name in group])
        toolbar.addSeparator()
    window.addToolBar(toolbar)
    window.toolbar = toolbar


def panel_actions(window: MainWindow, menu: QMenu) -> None:
    """The panels' show/hide actions in View > Panels (and the toolbar's)."""
    menu.clear()
    for dock in window.docks.values():
        menu.addAction(dock.toggleViewAction())
    menu.addSeparator()
    menu.addAction(window.toolbar.toggleViewAction())
