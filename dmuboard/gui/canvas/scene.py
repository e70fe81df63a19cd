"""The board as a scene: the two sides, the tokens and the links.

The scene never changes an item for a model change by hand: every gesture becomes a
:class:`~dmuboard.model.document.Change` given to ``editor.submit``, and the scene
follows ``editor.changed`` to add, remove and update items. Undo and redo come back
through the same path, so the canvas always shows the model.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from dmuboard.gui.canvas.aging import faded
from dmuboard.gui.canvas.arranging import Arranger
from dmuboard.gui.canvas.background import draw_background
from dmuboard.gui.canvas.connect import LinkMaker
from dmuboard.gui.canvas.interaction import SceneGestures
from dmuboard.gui.canvas.items import SceneItems
from dmuboard.gui.canvas.legend import LegendItem
from dmuboard.gui.canvas.routing import SceneRoutes
from dmuboard.gui.canvas.style import MAX_TOKEN_SIZE, Theme
from dmuboard.gui.canvas.token import FAR, CanvasLook, TokenItem
from dmuboard.gui.common.editor import Editor
from dmuboard.model.board import LAYERS, Person
from dmuboard.model.document import Change
from dmuboard.model.errors import BoardError
from dmuboard.model.vocabulary import deletion_sentence

if TYPE_CHECKING:
    from dmuboard.gui.canvas.linkitem import LinkItem

LAYER_OF_KIND = {
    "reports_to": "reporting",
    "influences": "influence",
    "relationship": "relationship",
    "conflict": "conflict",
}
PROFILES = ("internal", "proposal")
BSP_DEPTH = 8  # 256 cells across the board: found quickest for dragging on 2,000 people
PREPARE_STEP = 0.008  # seconds of background work between events


class BoardScene(SceneGestures, LinkMaker, SceneItems, QGraphicsScene):
    """The canvas of one open board."""

    message = Signal(str)  # refusals and hints for the status bar
    dismissed = Signal()  # Esc, or a click on empty canvas: highlights should go

    def __init__(self, editor: Editor, parent: QObject | None = None, *, near: bool | None = True) -> None:
        """``near``: whether the board will first be seen near enough to read (exports,
        tests); None when a view will say so by its zoom before it first paints (the
        window, which opens a board fitted)."""
        QGraphicsScene.__init__(self, parent)
        self.editor = editor
        self.look = CanvasLook(editable=not editor.read_only, near=near)
        self.look.faded = lambda link: faded(link, editor.document.board)
        self._layers: set[str] = set(LAYERS)
        self._profile = "internal"
        self._highlighted: set[str] = set()
        self._badges: dict[str, str] = {}
        self._path: list[str] = []
        self.connect_mode = False
        self.header_top = -200.0
        self.legend: LegendItem | None = None
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        # A shallow tree: Qt sizes it from the scene's area, and on a big board a deep
        # tree puts every long link line into hundreds of cells, so each move of a
        # card re-filed its lines at a cost of tens of milliseconds per frame.
        self.setBspTreeDepth(BSP_DEPTH)
        self.routes = SceneRoutes()
        self.arranger = Arranger(self)
        SceneItems.__init__(self)
        SceneGestures.__init__(self)
        LinkMaker.__init__(self)
        self._lit_links: set[str] = set()
        self.build()
        editor.changed.connect(self.follow)
        self.selectionChanged.connect(self._show_link_selection)

    # -- reading the selection ---------------------------------------------------------

    def selected_people(self) -> list[str]:
        return [item.pid for item in self.selectedItems() if isinstance(item, TokenItem)]

    def selected_links(self) -> list[str]:
        from dmuboard.gui.canvas.linkitem import LinkItem

        return [item.lid for item in self.selectedItems() if isinstance(item, LinkItem)]

    def select(self, people: Iterable[str] = (), links: Iterable[str] = ()) -> None:
        """Replace the selection with these people and links (unknown ids are skipped)."""
        self.clearSelection()
        for pid in people:
            if pid in self.tokens:
                self.tokens[pid].setSelected(True)
        for lid in links:
            item = self.links.get(lid)
            if item is not None and item.isVisible():
                item.setSelected(True)

    def _show_link_selection(self) -> None:
        """Light up newly selected links and put out the ones no longer selected."""
        chosen = set(self.selected_links())
        for lid in chosen ^ self._lit_links:
            item = self.links.get(lid)
            if item is not None:
                item.show_state()
        self._lit_links = chosen

    def select_all(self) -> None:
        self.select(self.tokens, [lid for lid, item in self.links.items() if item.isVisible()])

    def person_item(self, pid: str) -> QGraphicsItem | None:
        return self.tokens.get(pid)

    def people_rect(self, pids: Iterable[str] | None = None) -> QRectF:
        """The bounding rectangle of these tokens' cards (all tokens when None)."""
        chosen = self.tokens.values() if pids is None else [self.tokens[p] for p in pids if p in self.tokens]
        rect = QRectF()
        for token in chosen:
            rect = rect.united(token.card_rect().translated(token.pos()))
        return rect

    # -- edits -------------------------------------------------------------------------------

    def refuse_if_read_only(self) -> bool:
        """Say so and return True when the board cannot be changed."""
        if self.editor.read_only:
            reason = self.editor.document.read_only_reason
            self.message.emit(f"This board is read-only: {reason}." if reason else "This board is read-only.")
            return True
        return False

    def submit(self, change: Change, refusal: str = "") -> bool:
        """Check and submit ``change`` as one undo step; say why when it is refused."""
        if self.refuse_if_read_only():
            return False
        try:
            self.editor.document.check(change)
        except BoardError as error:
            self.message.emit(f"{refusal}{error.problem}" if refusal else error.message)
            return False
        return self.editor.submit(change)

    def delete_selection(self) -> None:
        people, links = self.selected_people(), self.selected_links()
        if not people and not links:
            return
        what = f"{len(people)} people" if len(people) != 1 else "a person"
        label = f"Delete {what}" if people else "Delete links"
        doc = self.editor.document
        change = doc.removal(people, links, label=label)
        gone = set(change.removed_people)
        names = [p.name for pid, p in doc.board.people.items() if pid in gone]  # in board order
        if self.submit(change):
            undo_key = QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)
            self.message.emit(deletion_sentence(names, len(change.removed_links), undo_key))

    def add_person_at(self, pos: QPointF, side: str | None = None, role: str | None = None) -> str | None:
        """Add a person at ``pos`` (one undo step) and start typing their name."""
        if self.refuse_if_read_only():
            return None
        side = side or ("customer" if pos.x() < 0 else "ours")
        if role is not None and side == "ours":
            self.message.emit("DMU roles are for the customer's people; drop a role on the customer's side.")
            return None
        width = MAX_TOKEN_SIZE[0] / 2 + 12.0
        x = pos.x()
        if (side == "customer") != (x < 0):
            x = -x  # the point was on the other side: use its mirror image
        x = min(x, -width) if side == "customer" else max(x, width)
        doc = self.editor.document
        pid = doc.new_person_id(side)
        name = f"New {role}" if role else ("New person" if side == "customer" else "New team member")
        person = Person(pid, side, name, roles=(role,) if role else (), x=x, y=pos.y())
        if not self.submit(Change(people=(person,), label=f"Add {name.lower()}")):
            return None
        self.select([pid])
        self.edit_name(pid)
        return pid

    def auto_layout(self) -> None:
        """Board > Auto-Layout: one undo step, the cards glide to their places, the view is fitted."""
        self.arranger.arrange()

    def tidy_selection(self) -> None:
        """Auto-Layout of the selected people only, where they are (pinned ones stay)."""
        self.arranger.arrange(self.selected_people())

    # -- display switches --------------------------------------------------------------------

    def set_snap_to_grid(self, on: bool) -> None:
        self.look.snap = on
        self.update()

    def set_detail(self, scale: float) -> None:
        """The view's zoom: too far out to read, names, titles and the marks on lines
        are not drawn at all (and not even made until the board is first seen near)."""
        near = scale >= FAR
        if near != self.look.near:
            self.look.near = near
            for token in self.tokens.values():
                token.set_near(near)
            for link in self.links.values():
                link.set_marks_shown(near)

    def prepare_near_parts(self) -> None:
        """Make the names and line marks not made yet, in steps of a few milliseconds
        between events: a big board opens fitted, far out, without them, and the first
        zoom in would otherwise make them all at once (over half a second on 2,000 people).
        A board seen near from the start has them all already."""
        if self.look.near:
            return
        pending: Iterator[TokenItem | LinkItem] = iter([*self.tokens.values(), *self.links.values()])

        def step() -> None:
            end = time.perf_counter() + PREPARE_STEP
            for item in pending:
                if item.scene() is self:  # not removed meanwhile
                    if isinstance(item, TokenItem):
                        item.prepare_text()
                    else:
                        item.prepare_marks()
                if time.perf_counter() > end:
                    QTimer.singleShot(0, self, step)
                    return

        QTimer.singleShot(0, self, step)

    def set_connect_mode(self, on: bool) -> None:
        self.connect_mode = on

    def set_highlighted(self, pids: Iterable[str]) -> None:
        self._highlighted = set(pids)
        for pid, token in self.tokens.items():
            if token.highlighted != (pid in self._highlighted):
                token.highlighted = pid in self._highlighted
                token.update()

    def set_badges(self, badges: dict[str, str]) -> None:
        self._badges = dict(badges)
        for pid, token in self.tokens.items():
            if token.badge != self._badges.get(pid):
                token.badge = self._badges.get(pid)
                token.refresh_text()
                token.update()

    def set_path(self, pids: Sequence[str]) -> None:
        self._path = list(pids)
        self.refresh_path()

    def set_layers(self, layers: Iterable[str]) -> None:
        self._layers = {layer for layer in layers if layer in LAYERS}
        self.refresh_display()

    def set_profile(self, profile: str) -> None:
        if profile not in PROFILES:
            raise ValueError(f"unknown profile {profile!r}")
        self._profile = profile
        self.refresh_display()

    def set_theme(self, theme: Theme) -> None:
        self.look.theme = theme
        self.look._metrics.clear()
        for token in self.tokens.values():
            token.restyle_text()
            token.refresh_text()
            token.update()
        for item in self.links.values():
            item.restyle()
        self._configure_legend()
        self.update()

    @property
    def profile(self) -> str:
        return self._profile

    @property
    def layers(self) -> frozenset[str]:
        return frozenset(self._layers)

    def link_shown(self, kind: str) -> bool:
        if kind == "conflict" and self._profile == "proposal":
            return False
        return LAYER_OF_KIND[kind] in self._layers

    def refresh_display(self) -> None:
        """Apply layers and profile to every token and link."""
        proposal = self._profile == "proposal"
        self.look.show_stance = "stance" in self._layers and not proposal
        self.look.show_badges = not proposal
        ratings_changed = self.look.show_ratings == proposal
        self.look.show_ratings = not proposal
        for token in self.tokens.values():
            if ratings_changed:
                token.restyle_text()  # the card size follows; its links end at the new edge
            token.update()
        for item in self.links.values():
            if ratings_changed:
                item.restyle()
                item.adjust()  # the strength pill comes or goes
            shown = self.link_shown(item.link.kind)
            item.setVisible(shown)
            if not shown and item.isSelected():
                item.setSelected(False)
        self._configure_legend()

    def set_legend_visible(self, on: bool) -> None:
        """Show the legend (roles, stance, influence, lines) below the board."""
        if on and self.legend is None:
            self.legend = LegendItem(self.look.theme)
            self.addItem(self.legend)
            self._configure_legend()
            self.update_rect()
        elif not on and self.legend is not None:
            self.removeItem(self.legend)
            self.legend = None
            self.update_rect()

    def place_legend(self) -> None:
        if self.legend is not None:
            content = self.people_rect()
            left = content.left() if not content.isNull() else -400.0
            bottom = content.bottom() if not content.isNull() else 0.0
            self.legend.setPos(left, bottom + 60.0)

    def _configure_legend(self) -> None:
        if self.legend is not None:
            kinds = tuple(kind for kind in LAYER_OF_KIND if self.link_shown(kind))
            self.legend.configure(self.look.theme, self.look.show_stance, kinds, self.look.show_ratings)

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        draw_background(self, painter, QRectF(rect))
