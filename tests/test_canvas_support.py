"""Shared set-up for the canvas tests: a real board file, editor, scene and view.

The fixtures open a small board from a .dmu file in a temporary folder and show it
in a :class:`BoardView`; helpers drive the viewport with QTest as a person would.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from dmuboard.gui.canvas import BoardScene, BoardView
from dmuboard.gui.common.editor import Editor
from dmuboard.model.board import Board, BoardInfo, Link, Person
from dmuboard.store.boardfile import BoardFile, write_new


def small_board() -> Board:
    """Three of their people (one reporting to another), two of ours, one relationship."""
    people = [
        Person("p1", "customer", "Ingrid Bakker", "CFO", roles=("decider",), stance="neutral", influence=5,
               x=-400.0, y=0.0),
        Person("p2", "customer", "Piet Jansen", "Controller", roles=("buyer",), stance="blocker", x=-400.0, y=220.0),
        Person("p3", "customer", "Anna de Vries", "IT lead", roles=("user", "evaluator"), stance="champion",
               x=-750.0, y=220.0),
        Person("u1", "ours", "Sam de Wit", "Account manager", x=400.0, y=0.0),
        Person("u2", "ours", "Lotte Smit", "Solution consultant", x=400.0, y=220.0),
    ]
    links = [
        Link("l1", "p2", "p1", "reports_to"),
        Link("l2", "u1", "p1", "relationship", 2),
    ]
    return Board(
        BoardInfo("Acme - CRM", customer="Acme BV", our_company="Northwind"),
        {p.id: p for p in people},
        {link.id: link for link in links},
    )


@dataclass
class Canvas:
    """An open board on screen, with the messages the scene gave."""

    path: Path
    file: BoardFile
    editor: Editor
    scene: BoardScene
    view: BoardView
    messages: list[str] = field(default_factory=list)

    def point(self, scene_pos: QPointF) -> QPoint:
        return self.view.mapFromScene(scene_pos)

    def at(self, pid: str) -> QPoint:
        """The viewport point at the centre of a token."""
        token = self.scene.tokens[pid]
        return self.point(token.pos())

    def handle(self, pid: str) -> QPoint:
        token = self.scene.tokens[pid]
        return self.point(token.mapToScene(token.handle_centre()))

    def saved(self) -> Board:
        """The board as the file on disk has it now."""
        with BoardFile.open(self.path, read_only="checked by a test") as other:
            return other.board


def open_canvas(qtbot: object, path: Path, board: Board, read_only: str | None = None) -> Canvas:
    write_new(path, board)
    file = BoardFile.open(path, read_only=read_only)
    editor = Editor(file.document())
    scene = BoardScene(editor)
    view = BoardView(scene)
    view.resize(1200, 800)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.show()
    qtbot.waitExposed(view)  # type: ignore[attr-defined]
    view.scale(0.8, 0.8)
    view.centerOn(QPointF(-100.0, 120.0))
    canvas = Canvas(path, file, editor, scene, view)
    scene.message.connect(canvas.messages.append)
    editor.message.connect(canvas.messages.append)
    return canvas


@pytest.fixture
def canvas(qtbot: object, tmp_path: Path) -> Iterator[Canvas]:
    opened = open_canvas(qtbot, tmp_path / "board.dmu", small_board())
    yield opened
    opened.editor.close()
    opened.file.close()


def drag(
    view: BoardView,
    start: QPoint,
    end: QPoint,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    steps: int = 6,
) -> None:
    """Press, move in a few steps, and release the left button on the viewport."""
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifiers, start)
    for i in range(1, steps + 1):
        x = start.x() + (end.x() - start.x()) * i // steps
        y = start.y() + (end.y() - start.y()) * i // steps
        QTest.mouseMove(viewport, QPoint(x, y))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifiers, end)
