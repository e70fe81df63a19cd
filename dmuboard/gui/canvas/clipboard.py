"""Copy and paste of people with the links among them (issue 16.16), within a board and
between windows: the clipboard holds a small board in the board format under a mime
type of ours. Pasted people get fresh ids and land beside the originals (or at the
point of a right-click), clear of every card; the paste is one undo step."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QPointF, QRectF
from PySide6.QtGui import QGuiApplication

from dmuboard.gui.canvas.style import MAX_TOKEN_SIZE
from dmuboard.model.board import Board, Link, Person
from dmuboard.model.document import Change
from dmuboard.model.errors import BoardError
from dmuboard.model.jsonformat import dumps, loads

if TYPE_CHECKING:
    from dmuboard.gui.canvas.scene import BoardScene

PEOPLE_MIME = "application/x-dmuboard-people"
STEP = 40.0  # how far a paste lands from what was copied, again until it is clear


def copy_selection(scene: BoardScene) -> int:
    """Put the selected people, and the links among them, on the clipboard."""
    board = scene.editor.document.board
    chosen = [pid for pid in scene.selected_people() if pid in board.people]
    if not chosen:
        scene.message.emit("Select the people to copy first.")
        return 0
    keep = set(chosen)
    part = Board(board.info, {pid: board.people[pid] for pid in chosen},
                 {lid: link for lid, link in board.links.items() if {link.source, link.target} <= keep})
    data = QMimeData()
    data.setData(PEOPLE_MIME, dumps(part).encode())
    data.setText("\n".join(board.people[pid].name for pid in chosen))
    QGuiApplication.clipboard().setMimeData(data)
    scene.message.emit(f"Copied {len(chosen)} {'person' if len(chosen) == 1 else 'people'}.")
    return len(chosen)


def _fresh(prefix: str, taken: set[str]) -> str:
    numbers = [int(m.group(1)) for key in taken if (m := re.fullmatch(rf"{prefix}(\d+)", key))]
    fresh = f"{prefix}{max(numbers, default=0) + 1}"
    taken.add(fresh)
    return fresh


def _clear_offset(scene: BoardScene, people: Sequence[Person], start: QPointF) -> QPointF:
    """The first offset from ``start`` in steps of STEP at which no pasted card covers another."""
    cards = [token.card_rect().translated(token.pos()) for token in scene.tokens.values()]
    w, h = MAX_TOKEN_SIZE[0] + 16.0, MAX_TOKEN_SIZE[1] + 16.0  # any card, with a margin
    offset = QPointF(start)
    for _ in range(200):
        if not any(QRectF((p.x or 0.0) + offset.x() - w / 2, (p.y or 0.0) + offset.y() - h / 2, w, h).intersects(card)
                   for p in people for card in cards):
            break
        offset += QPointF(0.0, STEP)
    return offset


def paste(scene: BoardScene, at: QPointF | None = None) -> list[str]:
    """Paste the people on the clipboard (one undo step); return their new ids."""
    data = QGuiApplication.clipboard().mimeData()
    if data is None or not data.hasFormat(PEOPLE_MIME):
        scene.message.emit("Nothing to paste: copy people on a board first (Ctrl+C).")
        return []
    try:
        part = loads(bytes(data.data(PEOPLE_MIME).data()))
    except BoardError as error:
        scene.message.emit(f"Cannot paste: {error.message}")
        return []
    doc = scene.editor.document
    taken_people, taken_links = set(doc.board.people), set(doc.board.links)
    people = [p if p.placed else replace(p, x=-200.0 if p.is_customer else 200.0, y=0.0)
              for p in part.people.values()]
    if at is not None:
        first = people[0]
        start = QPointF(at.x() - (first.x or 0.0), at.y() - (first.y or 0.0))
    else:
        start = QPointF(STEP, STEP)
    offset = _clear_offset(scene, people, start)
    ids = {p.id: _fresh("p" if p.is_customer else "u", taken_people) for p in people}
    put = []
    for p in people:
        x = (p.x or 0.0) + offset.x()
        x = min(x, -120.0) if p.is_customer else max(x, 120.0)  # never across the divide
        put.append(replace(p, id=ids[p.id], x=x, y=(p.y or 0.0) + offset.y()))
    links = tuple(Link(_fresh("l", taken_links), ids[link.source], ids[link.target], link.kind, link.strength,
                       link.note) for link in part.links.values())
    what = "a person" if len(put) == 1 else f"{len(put)} people"
    if not scene.submit(Change(people=tuple(put), links=links, label=f"Paste {what}")):
        return []
    scene.select([p.id for p in put])
    joined = "" if not links else f" and {len(links)} link{'' if len(links) == 1 else 's'}"
    scene.message.emit(f"Pasted {what}{joined}.")
    return [p.id for p in put]
