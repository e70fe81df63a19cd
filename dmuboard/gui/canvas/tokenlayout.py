"""Where the words and marks of a token card go, chosen by the theme.

The ordinary canvas shows a one-line name, the title where the name
leaves room, role chips, and the stance word with the influence pips along the bottom.
A projector needs fewer, larger lines: the projector layout gives the name two lines of
large type, shows the title only where the name leaves room, and moves the pips
up beside the role chips so the stance word can be large. The card's width never
changes (positions in a board file are spaced for it); only its height may grow.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

ELIDE = Qt.TextElideMode.ElideRight
CARD_GAP = 6.0  # grown cards keep at least this far apart
MIN_GROWTH = 14.0  # the least a projector card grows: two name lines and the stance word


@dataclass(frozen=True)
class CardLayout:
    """The placement of a card's contents, in card coordinates (from its top-left)."""

    extra_height: float = 0.0  # added to every card's height
    text_left: float = 30.0  # where name and title start
    figure: bool = True  # the small head-and-shoulders glyph left of the name
    name_top: float = 7.0
    name_lines: int = 1  # a longer name wraps onto this many lines, then is cut short
    title_top: float = 25.0  # where the title goes when it does not follow the name
    title_after_name: bool = False  # title on the line after the name, only when a name line is free
    chips_top: float = 44.0
    chip_height: float = 15.0
    pips_beside_chips: bool = False  # the influence pips at the end of the chip row, not the bottom row
    bottom_inset: float = 5.0  # the stance word's row: this far above the card's bottom edge …
    bottom_height: float = 14.0  # … and this tall

    def card_size(self, size: tuple[float, float]) -> tuple[float, float]:
        """A card of this ordinary size (width, height) as laid out here."""
        return size[0], size[1] + self.extra_height


NORMAL_LAYOUT = CardLayout()

# For the projector: no figure glyph (the name starts just right of the stance band),
# two name lines, the pips moved up beside the chips, a tall bottom row for a large
# stance word. The cards grow by up to 46 units, less where the board's rows are closer
# (see :func:`projector_layout`): rows of the sample board are 150 units apart, so even
# two of the largest cards (94 + 46 = 140) stacked in neighbouring rows keep a gap.
PROJECTOR_LAYOUT = CardLayout(
    extra_height=46.0,
    text_left=14.0,
    figure=False,
    name_top=3.0,
    name_lines=2,
    title_after_name=True,
    chips_top=70.0,
    chip_height=17.0,
    pips_beside_chips=True,
    bottom_inset=4.0,
    bottom_height=28.0,
)


def wrap_lines(text: str, metrics: QFontMetricsF, room: float, lines: int) -> str:
    """``text`` broken between words onto at most ``lines`` lines of width ``room``
    (joined with newlines); what still does not fit is cut short with an ellipsis."""
    if metrics.horizontalAdvance(text) <= room or lines <= 1:
        return _elide(text, metrics, room)
    words = text.split()
    out: list[str] = []
    current = ""
    for i, word in enumerate(words):
        trial = f"{current} {word}" if current else word
        if not current or metrics.horizontalAdvance(trial) <= room:
            current = trial
            continue
        out.append(current)
        if len(out) == lines - 1:  # the last line takes the rest
            current = " ".join(words[i:])
            break
        current = word
    out.append(current)
    if any(metrics.horizontalAdvance(line) > room for line in out):
        split = _split_at_hyphen(text, metrics, room) if lines >= 2 else None
        if split is not None:
            return split
    return "\n".join(_elide(line, metrics, room) for line in out)


def _split_at_hyphen(text: str, metrics: QFontMetricsF, room: float) -> str | None:
    """Two lines broken after a hyphen (a double-barrelled name), if that makes it fit."""
    for at in range(len(text) - 1, 0, -1):
        if text[at - 1] == "-":
            first, second = text[:at], text[at:].strip()
            if metrics.horizontalAdvance(first) <= room and metrics.horizontalAdvance(second) <= room:
                return f"{first}\n{second}"
    return None


def _elide(text: str, metrics: QFontMetricsF, room: float) -> str:
    if metrics.horizontalAdvance(text) > room:
        return metrics.elidedText(text, ELIDE, room)
    return text


def room_to_grow(cards: Iterable[tuple[float, float, float, float]], gap: float = CARD_GAP) -> float:
    """How much taller every card can become (each growing about its centre) before two
    cards that share some width come closer than ``gap``. ``cards`` are (centre x,
    centre y, width, height); infinite when no two cards are above each other."""
    ordered = sorted(cards, key=lambda c: c[0] - c[2] / 2)
    room = float("inf")
    for i, (x, y, w, h) in enumerate(ordered):
        right = x + w / 2
        for x2, y2, w2, h2 in ordered[i + 1:]:
            if x2 - w2 / 2 >= right:
                break  # sorted by left edge: no later card reaches back over this one
            room = min(room, abs(y2 - y) - (h + h2) / 2 - gap)
    return room


def projector_layout(room: float = float("inf")) -> CardLayout:
    """The projector layout with cards grown by no more than ``room`` (see
    :func:`room_to_grow`), but always enough for two name lines and the stance word.
    Where the chip row then has no room, :func:`chips_fit` leaves it out."""
    grow = max(MIN_GROWTH, min(PROJECTOR_LAYOUT.extra_height, room))
    return replace(PROJECTOR_LAYOUT, extra_height=grow)


def chips_fit(layout: CardLayout, card_height: float) -> bool:
    """Is there room for the chip row above the stance word's row on a card this tall?"""
    bottom_row = card_height - layout.bottom_inset - layout.bottom_height
    return layout.chips_top + layout.chip_height + 2.0 <= bottom_row
