"""Drawing a link: drag from a token's handle (or anywhere on it in connect mode) and
drop on another token.

Between our side and theirs the link is a relationship; within a side a small menu
asks which kind. The menu is :attr:`LinkMaker.choose_link_kind`, a plain callable,
so tests (and other front ends) can answer without a popup. A link the format
forbids is refused with a message and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QLineF, QPoint, QPointF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsLineItem, QMenu

from dmuboard.gui.canvas.parts import SceneParts
from dmuboard.gui.canvas.token import TokenItem
from dmuboard.model.board import Link, Person
from dmuboard.model.document import Change
from dmuboard.model.vocabulary import LINK_VERBS

SAME_SIDE_KINDS = ("reports_to", "influences", "conflict")
CUSTOMER_ONLY = frozenset({"influences", "conflict"})



def kinds_between(source: Person, target: Person) -> tuple[str, ...]:
    """The link kinds the format allows between these two people."""
    if source.side != target.side:
        return ("relationship",)
    if source.is_customer:
        return SAME_SIDE_KINDS
    return ("reports_to",)


KindChooser = Callable[[Person, Person, Sequence[str], QPoint], "str | None"]


def _menu_text(text: str) -> str:
    return text.replace("&", "&&")  # a plain '&' would become a keyboard shortcut


def menu_chooser(source: Person, target: Person, kinds: Sequence[str], at: QPoint) -> str | None:
    """Ask with a small popup menu which kind of link joins two people of one side."""
    menu = QMenu()
    menu.setToolTipsVisible(True)
    a, b = _menu_text(source.name), _menu_text(target.name)
    texts = {
        "reports_to": f"{a} {LINK_VERBS['reports_to']} {b}",
        "influences": f"{a} {LINK_VERBS['influences']} {b}",
        "conflict": f"Conflict between {a} and {b}",
    }
    for kind in kinds:
        action = menu.addAction(texts[kind])
        action.setData(kind)
        if kind in CUSTOMER_ONLY and source.side != "customer":
            action.setEnabled(False)
            action.setToolTip("Only between the customer's people")
    chosen = menu.exec(at)
    return str(chosen.data()) if chosen is not None else None


class LinkMaker(SceneParts):
    """The link-drawing gesture of :class:`BoardScene`."""

    def __init__(self) -> None:
        self.choose_link_kind: KindChooser = menu_chooser
        self._link_from: TokenItem | None = None
        self._link_line: QGraphicsLineItem | None = None
        self._link_over: TokenItem | None = None
        self.link_by_click = False  # Connect to…: the line follows the pointer to the next click

    @property
    def linking(self) -> bool:
        return self._link_from is not None

    def start_link(self, token: TokenItem, pos: QPointF) -> None:
        self._link_from = token
        line = QGraphicsLineItem(QLineF(token.pos(), pos))
        pen = QPen(self.look.theme.handle, 2.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        line.setPen(pen)
        line.setZValue(5.0)
        line.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._link_line = line
        self.addItem(line)

    def start_link_by_click(self, token: TokenItem) -> None:
        """Connect to… (the card's menu): a line from ``token`` follows the pointer, and
        the next click on a person links them (Esc or a click elsewhere cancels)."""
        if self.refuse_if_read_only():
            return
        self.start_link(token, token.pos())
        self.link_by_click = True
        self.message.emit(f"Click the person to connect {token.person.name} to (Esc cancels).")

    def drag_link(self, pos: QPointF) -> None:
        if self._link_from is None or self._link_line is None:
            return
        self._link_line.setLine(QLineF(self._link_from.pos(), pos))
        over = self.token_at(pos, skip=self._link_from)
        if over is not self._link_over:
            for token, flag in ((self._link_over, False), (over, True)):
                if token is not None:
                    token.hovered = flag
                    token.update()
            self._link_over = over

    def cancel_link(self) -> None:
        if self._link_line is not None:
            self.removeItem(self._link_line)
        if self._link_over is not None:
            self._link_over.hovered = False
            self._link_over.update()
        self._link_from = self._link_line = self._link_over = None
        self.link_by_click = False

    def finish_link(self, pos: QPointF, screen_pos: QPoint) -> None:
        source = self._link_from
        target = self.token_at(pos, skip=source)
        self.cancel_link()
        if source is None:
            return
        if target is None:
            self.message.emit("To link two people, drop the line on the second person.")
            return
        self.create_link(source.pid, target.pid, screen_pos)

    def create_link(self, source: str, target: str, at: QPoint | None = None) -> str | None:
        """Link two people (one undo step); the kind comes from their sides or the menu."""
        if self.refuse_if_read_only():
            return None
        doc = self.editor.document
        a, b = doc.person(source), doc.person(target)
        if a is None or b is None or a.id == b.id:
            return None
        if a.side != b.side:
            kind: str | None = "relationship"
        else:
            kind = self.choose_link_kind(a, b, SAME_SIDE_KINDS, at if at is not None else QPoint())
        if kind is None:
            return None
        link = Link(doc.new_link_id(), a.id, b.id, kind, 3 if kind == "relationship" else None)
        label = {"reports_to": "Add reporting line", "influences": "Add influence", "conflict": "Add conflict"}
        refusal = f"Cannot link {a.name} and {b.name}: "
        if self.submit(Change(links=(link,), label=label.get(kind, "Add relationship")), refusal):
            return link.id
        return None
