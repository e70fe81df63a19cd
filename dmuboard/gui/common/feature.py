"""The one shape of every feature of the window: actions and docks declared as data,
and a small context to reach the open board.

A feature is a class built with a :class:`FeatureContext`. It offers its actions
(:class:`ActionSpec`: id, text, shortcuts, menu, group and order, handler), its
docks (:class:`DockSpec`, built when first shown) and the bars under (and above) the canvas;
the window places them all. It never imports the window: what it needs of it comes
through the context, which says by :attr:`FeatureContext.boardChanged` when another
board is put in the window (or taken out). Adding a feature is one module with such
a class and one line in ``dmuboard.gui.shell.features.FEATURES``.

Menus are named by id: ``file``, ``edit``, ``view``, ``board``, ``settings``, ``help`` and the
submenus ``file/recent``, ``view/panels``, ``view/layers``. Within a menu, actions
are sorted by group (a string, compared as text; a separator between groups) and
then by order. The groups in use:

    file   1_open (New 10, Open 20, Open Recent 30), 2_save (Save a Copy 10, Import
           People 20, Export Data 30), 4_export (Export 10, for Proposal 20, Print 30),
           9_close (Close Window 10, Quit 20)
    edit   1_undo, 2_select (Copy 5, Paste 6, Delete 10, Select All 20), 3_find
    view   1_zoom, 2_window (Panels 10, Full Screen 20, Layers 30, Save View 40, History 50), 3_present
    view   4_portfolio (Portfolio 10)
    board  1_board (Connect 10, Snap 20, Auto-Layout 30, Tidy Selection 31, Warm Path 40,
           Clear Highlight 41), 5_history (Mark Review 10,
           Compare 20, Export Changes Since 30, Compact History 40, Your Name in the History 50),
           6_library (Add Board to Library 10, Edit Closed Deal 20)
    settings 1_library (DMU Profile 10, Library Folders 20)
    help   1_help

Toolbar groups: 1_file, 2_edit, 3_zoom, 4_board, 5_find.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from dmuboard.gui.common.statusline import StatusLine

if TYPE_CHECKING:
    from dmuboard.gui.canvas.scene import BoardScene
    from dmuboard.gui.canvas.view import BoardView
    from dmuboard.gui.common.editor import Editor
    from dmuboard.store import BoardFile

Key = str | QKeySequence.StandardKey
F = TypeVar("F", bound="Feature")


@dataclass(frozen=True)
class ActionSpec:
    """One action of a feature, as data; the window makes the QAction and places it.

    ``handler`` is called on ``triggered`` (with no argument), or with the new state on
    ``toggled`` when ``checkable``. ``menu`` empty: the action is only on the window
    (its keys work even with the menu bar hidden, as while presenting). ``window_key``:
    on the window as well as in its menu. ``toolbar``: a toolbar group (sorted as text,
    separators between), empty for none. ``make``: builds the QAction instead (for
    Qt's own, such as QUndoGroup's undo and redo).
    """

    id: str
    text: str
    handler: Callable[..., Any] | None = None
    menu: str = ""
    group: str = ""
    order: int = 0
    shortcuts: tuple[Key, ...] = ()
    tip: str = ""
    icon: str = ""
    checkable: bool = False
    checked: bool = False
    enabled: bool = True
    window_key: bool = False
    shortcut_context: Qt.ShortcutContext | None = None
    toolbar: str = ""
    toolbar_order: int = 0
    make: Callable[[QObject], QAction] | None = None


@dataclass(frozen=True)
class MenuSpec:
    """A submenu, placed in ``menu`` like an action (by group and order)."""

    id: str
    text: str
    menu: str
    group: str = ""
    order: int = 0
    about_to_show: Callable[[], Any] | None = None


@dataclass(frozen=True)
class DockSpec:
    """A dock of a feature. ``build`` makes its content when the dock is first shown
    (at once when ``lazy`` is False: the content works while hidden, too). ``order``
    places its switch in View > Panels; ``tab_with``: tabified behind that dock;
    ``shown`` False: hidden until the user shows it (on a first start, with no saved layout)."""

    id: str
    title: str
    build: Callable[[], QWidget]
    area: Qt.DockWidgetArea
    order: int = 0
    tab_with: str = ""
    lazy: bool = True
    size: int = 0  # the first width (left and right) or height (top and bottom), 0 for Qt's
    shown: bool = True


class Feature:
    """Base of every feature: override what the feature has."""

    context: FeatureContext

    def __init__(self, context: FeatureContext | None = None) -> None:
        if context is not None:  # None: a QObject base's cooperative call, before the feature's own
            self.context = context

    def actions(self) -> Sequence[ActionSpec | MenuSpec]:
        return ()

    def docks(self) -> Sequence[DockSpec]:
        return ()

    def bars(self) -> Sequence[QWidget]:
        """Widgets under the canvas (the find bar)."""
        return ()

    def bars_above(self) -> Sequence[QWidget]:
        """Widgets above the canvas (the banner of a past moment)."""
        return ()

    def placed(self) -> None:
        """Called once the window has made and placed every feature's actions and docks."""


class BoardAccess(Protocol):
    """Anything that shows an open board: the context, or the window itself (tests)."""

    @property
    def editor(self) -> Editor | None: ...
    @property
    def scene(self) -> BoardScene | None: ...
    @property
    def view(self) -> BoardView | None: ...
    @property
    def settings(self) -> QSettings: ...
    def say(self, text: str) -> None: ...
    def dialog_parent(self) -> QWidget: ...


class Host(Protocol):
    """What the window offers the context (the window implements it)."""

    def action(self, name: str) -> QAction: ...
    def named_actions(self) -> dict[str, QAction]: ...
    def dock(self, name: str) -> QDockWidget: ...
    def dock_content(self, name: str) -> QWidget: ...
    def chrome(self) -> list[QWidget]: ...
    def show_error(self, title: str, text: str) -> None: ...
    def ask_yes_no(self, title: str, text: str) -> bool: ...
    def show_instead_of_canvas(self, widget: QWidget | None) -> None: ...
    def set_start_page(self, widget: QWidget) -> None: ...
    def open_path(self, path: Any) -> bool: ...
    def reopen_editable(self) -> None: ...


class FeatureContext(QObject):
    """The open board, the status bar, the settings and the window's parts, for features."""

    boardChanged = Signal()  # another board is in the window (or none): editor, scene and view are new
    flushRequested = Signal()  # commit what is typed but not yet committed (the inspector)

    def __init__(self, window: QMainWindow, host: Host, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.status = StatusLine(window.statusBar())
        self._host = host
        self._editor: Editor | None = None
        self._scene: BoardScene | None = None
        self._view: BoardView | None = None
        self._path: Any = None
        self._store: BoardFile | None = None
        self._features: dict[type, Feature] = {}

    # -- the open board ---------------------------------------------------------------------

    @property
    def editor(self) -> Editor | None:
        return self._editor

    @property
    def scene(self) -> BoardScene | None:
        return self._scene

    @property
    def view(self) -> BoardView | None:
        return self._view

    @property
    def path(self) -> Any:
        """The open board's file (a Path), or None."""
        return self._path

    @property
    def store(self) -> BoardFile | None:
        """The open board's file (history, marks), or None."""
        return self._store

    @property
    def read_only_reason(self) -> str | None:
        """Why the open board cannot be changed, or None (also when none is open)."""
        return self._store.read_only_reason if self._store is not None else None

    def set_board(self, editor: Editor | None, scene: BoardScene | None, view: BoardView | None,
                  path: Any = None, store: BoardFile | None = None) -> None:
        """The window puts a board in (or takes it out, with Nones): every feature hears it."""
        self._editor, self._scene, self._view, self._path, self._store = editor, scene, view, path, store
        self.boardChanged.emit()

    # -- the window ------------------------------------------------------------------------

    def say(self, text: str) -> None:
        """A passing sentence in the status bar (long enough to read)."""
        self.status.say(text)

    def state(self, owner: str, text: str) -> None:
        """A sentence that describes the state ``owner`` (Connect mode, a highlight): it
        stays in the status bar until :meth:`end_state`."""
        self.status.state(owner, text)

    def end_state(self, owner: str) -> None:
        self.status.end(owner)

    def dialog_parent(self) -> QWidget:
        """The widget dialogs belong to (the window)."""
        return self.window

    def show_error(self, title: str, text: str) -> None:
        """A refusal in a dialog (and the status bar)."""
        self._host.show_error(title, text)

    def ask_yes_no(self, title: str, text: str) -> bool:
        """A question the user answers Yes or No."""
        return self._host.ask_yes_no(title, text)

    def show_instead_of_canvas(self, widget: QWidget | None) -> None:
        """Show ``widget`` where the canvas is, the canvas hidden (None: the canvas again).
        The widget stays the caller's: the window only places it."""
        self._host.show_instead_of_canvas(widget)

    def set_start_page(self, widget: QWidget) -> None:
        """Show ``widget`` instead of "No board is open" while no board is open."""
        self._host.set_start_page(widget)

    def open_path(self, path: Any) -> bool:
        """Open the board at ``path`` in the window (False, the user told why, when it cannot)."""
        return self._host.open_path(path)

    def reopen_editable(self) -> None:
        """Open the open board again, editable although its deal is closed."""
        self._host.reopen_editable()

    def flush_typing(self) -> None:
        """What is typed in a panel belongs in what is read next (an export, a copy)."""
        self.flushRequested.emit()

    def action(self, name: str) -> QAction:
        return self._host.action(name)

    def named_actions(self) -> dict[str, QAction]:
        return self._host.named_actions()

    def dock(self, name: str) -> QDockWidget:
        return self._host.dock(name)

    def dock_content(self, name: str) -> QWidget:
        """The content of a dock, built now if it was not yet."""
        return self._host.dock_content(name)

    def chrome(self) -> list[QWidget]:
        """Everything of the window but the canvas: menu bar, status bar, toolbars, docks, bars."""
        return self._host.chrome()

    # -- the other features ----------------------------------------------------------------

    def add_feature(self, feature: Feature) -> None:
        self._features[type(feature)] = feature

    def feature(self, kind: type[F]) -> F:
        """The window's feature of this class (features that work together find each other so)."""
        found = self._features.get(kind)
        if found is None:
            found = next((f for f in self._features.values() if isinstance(f, kind)), None)
        if not isinstance(found, kind):
            raise LookupError(f"no {kind.__name__} in this window")
        return found

    def features(self) -> Sequence[Feature]:
        return tuple(self._features.values())
