"""Keeping the scene's items in step with the model.

:meth:`SceneItems.follow` is the only place where items are added, removed or
updated after the first build: it reads a :class:`Change` the document has applied.
People without a position are shown at a free spot, which is not written to the file
until the user moves them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, Qt

from dmuboard.gui.canvas.linkitem import LANE, LinkItem, link_tooltip
from dmuboard.gui.canvas.nameeditor import NameEditor
from dmuboard.gui.canvas.parts import SceneParts
from dmuboard.gui.canvas.routing import CHANGE
from dmuboard.gui.canvas.style import MAX_TOKEN_SIZE
from dmuboard.gui.canvas.token import TokenItem
from dmuboard.model import layout
from dmuboard.model.board import Link, Person
from dmuboard.model.document import Change

MARGIN = 900.0  # room to pan around the board


class SceneItems(SceneParts):
    """The token and link items of a :class:`BoardScene`, by id."""

    def __init__(self) -> None:
        self.tokens: dict[str, TokenItem] = {}
        self.links: dict[str, LinkItem] = {}
        self.name_editor: NameEditor | None = None

    def build(self) -> None:
        board = self.editor.document.board
        spots = layout.place_unplaced(board, MAX_TOKEN_SIZE)
        for person in board.people.values():
            self._add_token(person, spots.get(person.id))
        # Opening may spend as long on routes as a change may; what is left is routed in the
        # background (an export routes everything before it paints).
        self.routes.budget(CHANGE)
        for link in board.links.values():
            self._add_link(link)
        shared = Counter(_pair(item) for item in self.links.values())
        self._set_lanes(item for item in self.links.values() if shared[_pair(item)] > 1)
        self.routes.route_pending_later()
        self.refresh_display()
        self.update_rect()

    # -- following the model -------------------------------------------------------------

    def follow(self, change: Change) -> None:
        """Show what ``change`` did to the model."""
        self.arranger.finish()  # a glide still under way ends where the model was
        self.routes.budget(CHANGE)
        touched: list[LinkItem] = []
        moved: list[TokenItem] = []
        for lid in change.removed_links:
            self._remove_link(lid)
        for pid in change.removed_people:
            token = self.tokens.pop(pid, None)
            if token is not None:
                for item in list(token.links):
                    self._remove_link(item.lid)
                if self.name_editor is not None and self.name_editor.token is token:
                    self.name_editor.finish(False)
                self.routes.forget(pid)
                self.removeItem(token)
        for person in change.people:
            token = self.tokens.get(person.id)
            if token is None:
                self._add_token(person, None)
                continue
            moved_side = token.person.side != person.side
            token.set_person(person)
            if person.x is not None and person.y is not None:
                token.setPos(person.x, person.y)
            elif moved_side:
                token.setPos(self._free_spot(person.side, QPointF(-token.pos().x(), token.pos().y())))
            self.routes.track(token)
            moved.append(token)
            for item in token.links:
                item.adjust()
                touched.append(item)
        for link in change.links:
            line = self.links.get(link.id)
            if line is not None and (line.link.source, line.link.target) != (link.source, link.target):
                self._remove_link(link.id)
                line = None
            if line is None:
                line = self._add_link(link)
            else:
                line.set_link(link)
            if line is not None:
                touched.append(line)
        self._set_lanes(touched)
        self._reroute_under(moved, touched)
        self.refresh_display()
        if self._path:
            self.refresh_path()
        if change.people or change.removed_people or change.info is not None:
            self.update_rect()
        self.routes.route_pending_later()

    def _add_token(self, person: Person, spot: tuple[float, float] | None) -> TokenItem:
        token = TokenItem(person, self.look)
        token.badge = self._badges.get(person.id)
        token.highlighted = person.id in self._highlighted
        if person.x is not None and person.y is not None:
            token.setPos(person.x, person.y)
        elif spot is not None:
            token.setPos(*spot)
        else:
            token.setPos(self._free_spot(person.side, None))
        self.tokens[person.id] = token
        self.addItem(token)
        self.routes.track(token)
        return token

    def _free_spot(self, side: str, near: QPointF | None) -> QPointF:
        occupancy = layout.Occupancy(MAX_TOKEN_SIZE)
        for token in self.tokens.values():
            occupancy.add((token.pos().x(), token.pos().y()))
        x, y = layout.free_spot(occupancy, side, None if near is None else (near.x(), near.y()))
        return QPointF(x, y)

    def _add_link(self, link: Link) -> LinkItem | None:
        source, target = self.tokens.get(link.source), self.tokens.get(link.target)
        if source is None or target is None:
            return None
        item = LinkItem(link, source, target, self.look)  # it joins the tokens' scene
        self.links[link.id] = item
        return item

    def _remove_link(self, lid: str) -> None:
        item = self.links.pop(lid, None)
        if item is not None:
            peers = [other for other in item.source.links if other is not item and _pair(other) == _pair(item)]
            self.routes.drop(item)
            item.detach()
            self.removeItem(item)
            self._set_lanes(peers)

    def _link_tooltip(self, link: Link) -> str:
        people = self.editor.document.board.people
        return link_tooltip(link, people.get(link.source), people.get(link.target))

    def _reroute_under(self, moved: list[TokenItem], done: list[LinkItem]) -> None:
        """Lines of other people that the moved cards now cover go around them."""
        if not moved:
            return
        rects = [self.routes.router.rects[t.pid] for t in moved if t.pid in self.routes.router.rects]
        skip = set(done)
        for line in self.routes.crossing(rects, [item for item in self.links.values() if item not in skip]):
            line.adjust()

    def _set_lanes(self, items: Iterable[LinkItem]) -> None:
        """Spread links that join the same two people side by side."""
        done: set[tuple[str, str]] = set()
        for item in list(items):
            pair = _pair(item)
            if pair in done:
                continue
            done.add(pair)
            group = sorted(
                (other for other in item.source.links if _pair(other) == pair),
                key=lambda other: other.link.kind,
            )
            for i, other in enumerate(group):
                lane = (i - (len(group) - 1) / 2) * LANE
                if other.lane != lane:
                    other.lane = lane
                    other.adjust()

    def refresh_path(self) -> None:
        on_path = set(self._path)
        pairs = {frozenset(pair) for pair in zip(self._path, self._path[1:], strict=False)}
        for pid, token in self.tokens.items():
            if token.on_path != (pid in on_path):
                token.on_path = pid in on_path
                token.update()
        for item in self.links.values():
            flag = frozenset((item.link.source, item.link.target)) in pairs
            if item.on_path != flag:
                item.on_path = flag
                item.show_state()

    def update_rect(self) -> None:
        """Grow the scene with the board, with room to pan; keep the headers above it."""
        content = self.people_rect()
        if content.isNull():
            content = QRectF(-400.0, -100.0, 800.0, 300.0)
        content = content.united(QRectF(-300.0, content.top(), 600.0, 10.0))
        self.header_top = content.top() - 110.0
        area = content.adjusted(-MARGIN, -MARGIN - 120.0, MARGIN, MARGIN)
        if self.legend is not None:
            self.place_legend()
            area = area.united(self.legend.sceneBoundingRect().adjusted(-200, -200, 200, 200))
        self.setSceneRect(area)
        self.update()

    # -- naming in place -----------------------------------------------------------------

    def edit_name(self, pid: str) -> NameEditor | None:
        """Open the in-place name editor over a token (Enter keeps, Esc cancels)."""
        token = self.tokens.get(pid)
        if token is None or self.refuse_if_read_only():
            return None
        if self.name_editor is not None:
            self.name_editor.finish(True)

        def done(text: str | None) -> None:
            self.name_editor = None
            person = self.editor.document.person(pid)
            if text is None or person is None or text == person.name:
                return
            self.submit(Change(people=(replace(person, name=text),), label="Rename"))

        editor = NameEditor(token, done)
        self.addItem(editor)
        self.name_editor = editor
        for view in self.views():  # after a palette drop the keyboard is still with the palette
            view.setFocus(Qt.FocusReason.OtherFocusReason)
        editor.begin()
        return editor


def _pair(item: LinkItem) -> tuple[str, str]:
    """The two people a link joins, in either direction."""
    a, b = item.link.source, item.link.target
    return (a, b) if a < b else (b, a)
