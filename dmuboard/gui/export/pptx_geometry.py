"""What the slides draw, read from the export's scene: the one place the PowerPoint
export asks where things are.

Cards and lines come from the same scene the PDF and PNG exports paint, so a slide
shows what the canvas shows: each card's rectangle and the texts it shows (the name
wrapped and cut short as on the canvas), each line's drawn route. When the routing
of lines moves into a shared, Qt-free function, only :func:`scene_geometry` changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

from dmuboard.gui.canvas import BoardScene
from dmuboard.gui.canvas.tokenpaint import card_chips
from dmuboard.model.board import Link, Person

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class CardShape:
    """One card as drawn: its rectangle in scene units and what it says."""

    person: Person
    rect: QRectF
    name: str  # as the canvas shows it: wrapped with newlines, cut short with "…"
    title: str
    name_at: Point  # the top-left corners of the two texts, from the card's top-left
    title_at: Point
    chips: tuple[tuple[QRectF, str], ...]  # role chips as shown, from the card's top-left
    badge: str | None  # the finding's severity shown on the card, if any


@dataclass(frozen=True, slots=True)
class LineShape:
    """One line as drawn: its link and its route, from the edge of one card to the other."""

    link: Link
    points: tuple[Point, ...]


@dataclass(frozen=True, slots=True)
class SceneGeometry:
    cards: dict[str, CardShape]
    lines: list[LineShape]
    header_top: float
    show_stance: bool
    show_badges: bool


def scene_geometry(scene: BoardScene) -> SceneGeometry:
    """The cards and the shown lines of ``scene``, in scene coordinates."""
    cards: dict[str, CardShape] = {}
    for pid, token in scene.tokens.items():
        local = token.card_rect()
        corner = local.topLeft()
        name, title = token.name_item, token.title_item
        chips = tuple((box.translated(-corner), label) for box, label in card_chips(token))
        cards[pid] = CardShape(token.person, local.translated(token.pos()), name.text(), title.text(),
                               _offset(name.pos() - corner), _offset(title.pos() - corner), chips,
                               token.badge if scene.look.show_badges else None)
    lines = []
    for item in scene.links.values():
        if not item.isVisible():
            continue
        start, end = item.ends()
        if start == end:  # the cards overlap: the canvas draws nothing between them
            continue
        lines.append(LineShape(item.link, ((start.x(), start.y()), (end.x(), end.y()))))
    return SceneGeometry(cards, lines, scene.header_top, scene.look.show_stance, scene.look.show_badges)


def _offset(point: QPointF) -> Point:
    return (point.x(), point.y())
