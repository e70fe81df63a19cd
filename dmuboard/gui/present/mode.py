"""Entering and leaving presentation mode, and its keys.

Entering notes everything the window shows (geometry, window state, docks, bars,
the view's zoom and scroll, the canvas theme and layers), then goes full screen
with only the canvas, in the projector theme, with the board fitted. Leaving puts
every one of those back. While presenting: Space or Right and Left step through
the saved views, F and Shift+F through the findings, a click spotlights, a
right-click on a person changes their stance, and undo keeps working.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QTransform
from PySide6.QtWidgets import QWidget

from dmuboard.gui.canvas.menufeature import CanvasMenus
from dmuboard.gui.canvas.style import Theme
from dmuboard.gui.common.feature import ActionSpec, DockSpec, Feature, FeatureContext, MenuSpec
from dmuboard.gui.present.caption import Caption
from dmuboard.gui.present.layers import Layers
from dmuboard.gui.present.projector import projector_theme_for
from dmuboard.gui.present.spotlight import Spotlight, SpotlightClicks
from dmuboard.gui.present.stancemenu import StanceMenus
from dmuboard.gui.present.views import SavedViews
from dmuboard.gui.present.viewsdock import ViewsPanel
from dmuboard.gui.present.walkthrough import FindingsWalk

KEYS = (  # the keys while presenting: on the window only, enabled while presenting
    ("present_leave", ("Esc",)),
    ("present_next_view", ("Space", "Right", "PgDown")),
    ("present_previous_view", ("Left", "PgUp")),
    ("present_next_finding", ("F",)),
    ("present_previous_finding", ("Shift+F",)),
)


@dataclass
class Before:
    """What the window looked like before presenting."""

    geometry: QByteArray
    rect: QRect
    state: QByteArray
    window_state: Qt.WindowState
    shown: dict[QWidget, bool]
    transform: QTransform | None = None
    scroll: tuple[int, int] = (0, 0)
    theme: Theme | None = None
    scroll_bars: tuple[Qt.ScrollBarPolicy, Qt.ScrollBarPolicy] = (
        Qt.ScrollBarPolicy.ScrollBarAsNeeded, Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    layers: frozenset[str] = field(default_factory=frozenset)


class Presentation(QObject, Feature):
    """Presentation mode of one main window, with its layers, saved views and Views dock."""

    def __init__(self, context: FeatureContext) -> None:
        QObject.__init__(self, context.window)
        Feature.__init__(self, context)
        window = context.window
        self.window = window
        self.before: Before | None = None
        self.layers = Layers(context)
        self.spotlight = Spotlight()
        self.clicks = SpotlightClicks(self.spotlight, self)
        self.stances = StanceMenus(self)
        self.views = SavedViews(context, self.layers)
        self.caption = Caption(window, 22.0)
        self.name_caption = Caption(window, 20.0, at_top=True)
        self.walk = FindingsWalk(context, self.spotlight, self.caption)
        self.layers.changed.connect(lambda _shown: self.spotlight.apply())
        self.keys: dict[str, QAction] = {}
        self._added: list[QAction] = []
        self.fit_on_leave = False  # presenting from the start: leave to a board fitted to the window
        self.settled = False  # whether the full-screen step after entering has run
        context.boardChanged.connect(self._board_opened)

    @property
    def active(self) -> bool:
        return self.before is not None

    @property
    def views_panel(self) -> ViewsPanel:
        """The Views dock's panel (made now, if the dock has not been shown yet)."""
        panel = self.context.dock_content("views")
        assert isinstance(panel, ViewsPanel)
        return panel

    def docks(self) -> Sequence[DockSpec]:
        return (DockSpec("views", "Views", lambda: ViewsPanel(self.context, self.views),
                         Qt.DockWidgetArea.RightDockWidgetArea, order=40, tab_with="inspector"),)

    def actions(self) -> Sequence[ActionSpec | MenuSpec]:
        steps = {
            "present_leave": self.escape,
            "present_next_view": lambda: self.step_view(1),
            "present_previous_view": lambda: self.step_view(-1),
            "present_next_finding": lambda: self.walk.step(1),
            "present_previous_finding": lambda: self.walk.step(-1),
        }
        return (
            *self.layers.specs(),
            ActionSpec("save_view", "Save Current &View…", lambda: self.views_panel.ask_save(), "view", "2_window", 40,
                       ("Ctrl+Shift+V",), "Save the area shown and the layers as a named view, for presenting"),
            ActionSpec("present", "&Present", self.toggle, "view", "3_present", 10, ("F5",),
                       "Show the board full screen for a projector (Esc leaves)", window_key=True),
            *(ActionSpec(name, name, steps[name], shortcuts=keys, enabled=False,
                         shortcut_context=Qt.ShortcutContext.WindowShortcut) for name, keys in KEYS),
        )

    def placed(self) -> None:
        self.keys = {name: self.context.action(name) for name, _keys in KEYS}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While the whole board is presented, keep it fitted whenever the view changes size
        (going full screen takes a while on a busy machine or a slow window manager)."""
        if (event.type() == QEvent.Type.Resize and self.active and not self.walk.active
                and self.views.current == -1):
            QTimer.singleShot(0, self, self.fit)
        return False

    def _board_opened(self) -> None:
        self.walk.stop()
        self.name_caption.clear()
        self.views.current = -1
        context = self.context
        self.spotlight.bind(context.scene)
        self.clicks.watch(context.view)
        if context.view is not None:
            context.view.viewport().installEventFilter(self)
        self.stances.watch(context.view)
        if self.active and context.scene is not None:
            context.scene.set_theme(projector_theme_for(context.scene))
            QTimer.singleShot(0, self, self.fit)

    # -- entering and leaving ----------------------------------------------------------------

    def start(self) -> None:
        """Present as the program starts (`--present`): once the window has been laid out."""
        self.fit_on_leave = True
        QTimer.singleShot(0, self, self.enter)

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def _chrome(self) -> list[QWidget]:
        return self.context.chrome()

    def enter(self) -> None:
        """Full screen, only the canvas, projector theme, the board fitted."""
        w = self.window
        if self.active:
            return
        view = self.context.view
        scene = self.context.scene
        self.before = Before(
            geometry=w.saveGeometry(),
            rect=w.geometry(),
            state=w.saveState(),
            window_state=w.windowState(),
            shown={part: part.isVisible() for part in self._chrome()},
            transform=view.transform() if view is not None else None,
            scroll=(view.horizontalScrollBar().value(), view.verticalScrollBar().value()) if view else (0, 0),
            theme=scene.look.theme if scene is not None else None,
            scroll_bars=(view.horizontalScrollBarPolicy(), view.verticalScrollBarPolicy()) if view else (
                Qt.ScrollBarPolicy.ScrollBarAsNeeded, Qt.ScrollBarPolicy.ScrollBarAsNeeded),
            layers=self.layers.shown(),
        )
        for part in self._chrome():
            part.hide()
        for action in self.keys.values():
            action.setEnabled(True)
        # the window's own actions keep their keys (undo, redo, delete…) with the menu bar hidden
        have = set(QWidget.actions(w))
        self._added = [a for a in self.context.named_actions().values() if a not in have]
        w.addActions(self._added)
        self.clicks.enabled = True
        self.stances.large = self.stances.enabled = True
        self.context.feature(CanvasMenus).suspended = True
        if scene is not None:
            scene.set_theme(projector_theme_for(scene))  # no selection frames nor handles
            scene.select(people=scene.selected_people())  # nor selected lines' glow
        if view is not None:
            view.bars_locked = True
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        w.showFullScreen()
        self.fit()
        self.settled = False
        QTimer.singleShot(50, self, self._fill_screen)  # once the window has its full-screen size
        if view is not None:
            view.setFocus()
        self.name_caption.show_text("Presenting · Esc to leave", view, seconds=2.5)
        self.context.say("Presenting: Esc leaves, Space steps through the views, F through the findings.")

    def _fill_screen(self) -> None:
        """Without a window manager (a kiosk, a bare X server) full screen is only asked
        for: then the window covers the screen itself. Then the board is fitted again."""
        w = self.window
        screen = w.screen()
        if self.active and screen is not None and w.geometry() != screen.geometry():
            w.setGeometry(screen.geometry())
        if not self.walk.active and self.views.current == -1:  # a view or finding already shown stays
            self.fit()
        self.caption.replace_over()
        self.name_caption.replace_over()
        self.settled = True

    def fit(self) -> None:
        view = self.context.view
        if view is None or not self.active:
            return
        rect = view.board_scene.people_rect()
        if rect.isNull():
            view.fit()
            return
        view.fitInView(rect.adjusted(-24.0, -24.0, 24.0, 24.0), Qt.AspectRatioMode.KeepAspectRatio)
        view.board_scene.set_detail(view.zoom())

    def leave(self) -> None:
        """Back to the window exactly as it was."""
        w = self.window
        before, self.before = self.before, None
        if before is None:
            return
        refit, self.fit_on_leave = self.fit_on_leave, False
        self.walk.stop()
        self.spotlight.clear()
        self.views.glide.stop()
        self.caption.clear()
        self.name_caption.clear()
        self.clicks.enabled = False
        self.stances.large = self.stances.enabled = False
        self.context.feature(CanvasMenus).suspended = False
        for action in self.keys.values():
            action.setEnabled(False)
        for action in self._added:
            w.removeAction(action)
        self._added = []
        scene = self.context.scene
        if scene is not None and before.theme is not None:
            scene.set_theme(before.theme)
        if self.layers.shown() != before.layers:
            self.layers.set_shown(before.layers)
        w.setWindowState(before.window_state)
        if before.window_state & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            w.restoreGeometry(before.geometry)
        else:
            w.setGeometry(before.rect)  # exactly where it was (restoreGeometry may add the frame)
        w.restoreState(before.state)
        for part, shown in before.shown.items():
            part.setVisible(shown)
        w.statusBar().clearMessage()
        self._restore_view(before, refit)
        for delay in (0, 150):  # again once the window has its old size back (a window manager may lag)
            QTimer.singleShot(delay, self, lambda: self._restore_view(before, refit))

    def _restore_view(self, before: Before, refit: bool) -> None:
        view = self.context.view
        if view is None or before.transform is None or self.active:
            return
        view.bars_locked = False
        view.setHorizontalScrollBarPolicy(before.scroll_bars[0])
        view.setVerticalScrollBarPolicy(before.scroll_bars[1])
        if refit:  # the window had not shown the board before presenting
            view.fit()
            return
        view.setTransform(before.transform)
        view.board_scene.set_detail(view.zoom())
        view.horizontalScrollBar().setValue(before.scroll[0])
        view.verticalScrollBar().setValue(before.scroll[1])

    # -- keys while presenting --------------------------------------------------------------

    def escape(self) -> None:
        """Esc: cancel the name being typed or the line being drawn, else leave presentation
        at once (a findings walk or spotlight ends with it: no second key is needed)."""
        scene = self.context.scene
        if scene is not None and scene.name_editor is not None:
            scene.name_editor.finish(False)
        elif scene is not None and scene.linking:
            scene.cancel_link()
        else:
            self.leave()

    def step_view(self, delta: int) -> None:
        if self.walk.active:
            self.walk.stop()
        shown = self.views.step(delta)
        if shown is None:
            self.name_caption.show_text("No saved views yet: save them in the Views panel (View > Panels).",
                                        self.context.view, seconds=3.0)
        else:
            self.spotlight.clear()
            self.name_caption.show_text(shown.name, self.context.view, seconds=2.0)
