"""The inspector: every field of the selected person or link, or of the board.

It follows the model through ``editor.changed`` (undo, redo, edits on the canvas),
so what it shows is always what the file holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from dmuboard.gui.common.editor import Editor
from dmuboard.gui.panels.inspector.board_page import BoardPage
from dmuboard.gui.panels.inspector.heading import Heading
from dmuboard.gui.panels.inspector.link_page import LinkPage
from dmuboard.gui.panels.inspector.page import Page
from dmuboard.gui.panels.inspector.person_page import PersonPage
from dmuboard.model.document import Change
from dmuboard.model.vocabulary import LINK_LABELS

__all__ = ["Inspector"]

P = TypeVar("P", bound=Page)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class Inspector(QWidget):
    """The panel: a heading and the page for what is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor: Editor | None = None
        self.people: tuple[str, ...] = ()
        self.links: tuple[str, ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.heading = Heading(self)
        layout.addWidget(self.heading)
        self.board_page = BoardPage()
        self._person_page: PersonPage | None = None  # made when a person is first selected
        self._link_page: LinkPage | None = None  # and a link
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setWordWrap(True)
        self.pages = QStackedWidget()
        for shown in (self.board_page, self.summary):
            self.pages.addWidget(shown)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.pages)
        layout.addWidget(scroll, 1)
        self._show()

    @property
    def person_page(self) -> PersonPage:
        if self._person_page is None:
            self._person_page = self._made(PersonPage())
        return self._person_page

    @property
    def link_page(self) -> LinkPage:
        if self._link_page is None:
            self._link_page = self._made(LinkPage())
        return self._link_page

    def _made(self, page: P) -> P:
        """A page made on first use, bound like the others."""
        page.editor = self.editor
        page.set_editable(self.editor is not None and not self.editor.read_only)
        self.pages.addWidget(page)
        return page

    # -- what it is bound to ---------------------------------------------------------

    def set_editor(self, editor: Editor | None) -> None:
        """Follow another open board (or none)."""
        if self.editor is not None:
            self.current_page_flush()
            self.editor.changed.disconnect(self._model_changed)
        self.editor = editor
        self.people, self.links = (), ()
        for page in self.form_pages():
            page.editor = editor
            page.set_editable(editor is not None and not editor.read_only)
        if editor is not None:
            editor.changed.connect(self._model_changed)
        self._show()

    def form_pages(self) -> tuple[Page, ...]:
        made = (self._person_page, self._link_page)
        return (self.board_page, *(page for page in made if page is not None))

    def current_page_flush(self) -> None:
        page = self.pages.currentWidget()
        if isinstance(page, Page):
            page.flush()

    # -- what it shows -------------------------------------------------------------

    def show_selection(self, people: Sequence[str], links: Sequence[str]) -> None:
        """Show the selected person or link, a summary of several, or the board."""
        people, links = tuple(people), tuple(links)
        if (people, links) == (self.people, self.links):
            return
        self.current_page_flush()  # text typed but not committed goes to what it was typed for
        self.people, self.links = people, links
        self._show()

    def _model_changed(self, _change: Change) -> None:
        self._show()

    def _show(self) -> None:
        board = self.editor.document.board if self.editor is not None else None
        people = [p for p in self.people if board is not None and p in board.people]
        links = [lid for lid in self.links if board is not None and lid in board.links]
        if board is None:
            self._heading("No board open")
            self.summary.setText("")
            self.pages.setCurrentWidget(self.summary)
        elif len(people) == 1 and not links:
            person = board.people[people[0]]
            self._heading(person.name)
            self.person_page.person_id = person.id
            self.person_page.refresh()
            self.pages.setCurrentWidget(self.person_page)
        elif len(links) == 1 and not people:
            self._heading(LINK_LABELS[board.links[links[0]].kind])
            self.link_page.link_id = links[0]
            self.link_page.refresh()
            self.pages.setCurrentWidget(self.link_page)
        elif people or links:
            parts = [_plural(len(people), "person").replace("persons", "people")] if people else []
            parts += [_plural(len(links), "link")] if links else []
            self._heading(" and ".join(parts) + " selected")
            self.summary.setText("Select one person or link to edit it, or nothing to edit the board.")
            self.pages.setCurrentWidget(self.summary)
        else:
            self._heading("Board")
            self.board_page.refresh()
            self.pages.setCurrentWidget(self.board_page)

    def _heading(self, text: str) -> None:
        self.heading.show_text(text)
