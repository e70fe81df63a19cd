"""How the canvas looks: every colour, font and size in one place.

A :class:`Theme` holds the palette; presentation mode can hand the scene a projector
theme with :meth:`BoardScene.set_theme`. Nothing is told by hue alone: each stance has
a word and a symbol, each role a short label, each link kind its own line pattern, so
a greyscale print reads as well as the screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QFont

from dmuboard.gui.canvas.tokenlayout import NORMAL_LAYOUT, CardLayout, projector_layout
from dmuboard.layout.cards import MAX_TOKEN_SIZE as MAX_TOKEN_SIZE
from dmuboard.layout.cards import TOKEN_SIZES as TOKEN_SIZES
from dmuboard.layout.cards import token_size as token_size

# The one card size when influence is not shown (the proposal profile): not a value.
ONE_SIZE = 3

# Token sizes by influence 1..5 are the layout's, which places cards of these sizes.


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


@dataclass
class Theme:
    """The palette and type of the canvas."""

    background: QColor = field(default_factory=lambda: QColor("#f4f5f7"))
    customer_area: QColor = field(default_factory=lambda: QColor("#fbf7f0"))
    ours_area: QColor = field(default_factory=lambda: QColor("#eef3fa"))
    divide: QColor = field(default_factory=lambda: QColor("#5b6472"))
    header: QColor = field(default_factory=lambda: QColor("#2b3340"))
    header_caption: QColor = field(default_factory=lambda: QColor("#6b7482"))
    grid: QColor = field(default_factory=lambda: QColor("#d9dde3"))

    card: QColor = field(default_factory=lambda: QColor("#ffffff"))
    card_border: QColor = field(default_factory=lambda: QColor("#9aa3b0"))
    ours_card: QColor = field(default_factory=lambda: QColor("#e4ecf8"))
    ours_border: QColor = field(default_factory=lambda: QColor("#1f3a68"))
    text: QColor = field(default_factory=lambda: QColor("#1d232c"))
    muted_text: QColor = field(default_factory=lambda: QColor("#5d6673"))
    selection: QColor = field(default_factory=lambda: QColor("#2f6fde"))
    highlight: QColor = field(default_factory=lambda: QColor("#f0a400"))
    path: QColor = field(default_factory=lambda: QColor("#8a2be2"))
    handle: QColor = field(default_factory=lambda: QColor("#2f6fde"))
    chip: QColor = field(default_factory=lambda: QColor("#e9ebef"))
    chip_text: QColor = field(default_factory=lambda: QColor("#2b3340"))
    pip_on: QColor = field(default_factory=lambda: QColor("#2b3340"))
    pip_off: QColor = field(default_factory=lambda: QColor("#c9ced6"))

    stance: dict[str, QColor] = field(
        default_factory=lambda: {
            "champion": QColor("#1e7b34"),
            "supporter": QColor("#6cb36f"),
            "neutral": QColor("#9aa0a8"),
            "skeptic": QColor("#e08a1e"),
            "blocker": QColor("#c0262d"),
            "unknown": QColor("#d5d8dd"),
        }
    )
    badge: dict[str, QColor] = field(
        default_factory=lambda: {
            "high": QColor("#c0262d"),
            "medium": QColor("#e08a1e"),
            "low": QColor("#6b7482"),
        }
    )
    link: dict[str, QColor] = field(
        default_factory=lambda: {
            "reports_to": QColor("#3c4654"),
            "influences": QColor("#6a4fb3"),
            "relationship": QColor("#1f5fbf"),
            "conflict": QColor("#c0262d"),
        }
    )

    name_font: QFont = field(default_factory=lambda: _font(10.0, bold=True))
    title_font: QFont = field(default_factory=lambda: _font(8.5))
    small_font: QFont = field(default_factory=lambda: _font(7.0, bold=True))
    stance_font: QFont = field(default_factory=lambda: _font(8.0, bold=True))
    header_font: QFont = field(default_factory=lambda: _font(22.0, bold=True))
    caption_font: QFont = field(default_factory=lambda: _font(11.0))
    line_scale: float = 1.0  # link lines drawn this many times their usual width
    layout: CardLayout = NORMAL_LAYOUT  # where a card's words and marks go
    editing_marks: bool = True  # the selection frame and the link handle (never on a projector)


def projector_theme(room: float = float("inf")) -> Theme:
    """For a dim, low-resolution projector seen from the back of a long room: black on
    white, heavy borders and lines, no pale greys, and taller cards with fewer, larger
    lines: at a 1024x768 projection of a fitted board a name line is about 19 pixels
    tall, wrapping onto a second line rather than being cut short. The cards grow by no
    more than ``room`` (what the board's rows leave, see ``tokenlayout.room_to_grow``)."""
    theme = Theme()
    theme.background = QColor("#ffffff")
    theme.customer_area = QColor("#ffffff")
    theme.ours_area = QColor("#f1f5fb")
    theme.divide = QColor("#11151c")
    theme.header = QColor("#000000")
    theme.header_caption = QColor("#2b3340")
    theme.grid = QColor("#ffffff")
    theme.card_border = QColor("#11151c")
    theme.ours_border = QColor("#0b2350")
    theme.text = QColor("#000000")
    theme.muted_text = QColor("#1d232c")
    theme.chip = QColor("#dfe3ea")
    theme.chip_text = QColor("#000000")
    theme.pip_off = QColor("#b4bac4")
    theme.stance["supporter"] = QColor("#3f9a44")
    theme.stance["neutral"] = QColor("#6f7782")
    theme.stance["skeptic"] = QColor("#c96f00")
    theme.stance["unknown"] = QColor("#b4bac4")
    theme.link["influences"] = QColor("#55339e")
    theme.line_scale = 2.0
    theme.layout = projector_layout(room)
    theme.editing_marks = False
    theme.name_font = _font(19.0, bold=True)
    theme.title_font = _font(13.0, bold=True)
    theme.small_font = _font(9.0, bold=True)
    theme.stance_font = _font(16.0, bold=True)
    theme.header_font = _font(30.0, bold=True)
    theme.caption_font = _font(14.0)
    return theme


