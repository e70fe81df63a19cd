"""Where the words and marks of a token card go, chosen by the theme.

The ordinary canvas shows a one-line name, the title, role chips, and the stance word
with the influence pips along the bottom. A projector needs fewer, larger lines: the
projector layout gives the name two lines of large type (a long name wraps instead of
being cut short), shows the title only where the name leaves room, and moves the pips
up beside the role chips so the stance word can be large. The card's width never
changes (positions in a board file are spaced for it); only its height may grow.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

ELIDE = Qt.TextElideMode.ElideRight


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
# two name lines, the pips moved up, a tall bottom row for a large stance word. The
# cards grow by 46 units: rows of the sample board are 150 units apart, so even two
# of the largest cards (94 + 46 = 140) stacked in neighbouring rows keep a gap.
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
