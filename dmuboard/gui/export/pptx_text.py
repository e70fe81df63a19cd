"""The slides that are words: the legend, and (Internal only) the scorecard and findings,
as editable text; and the findings as plain text for a board slide's speaker notes.

The legend names what the board slides draw, with samples made of the same native
shapes; under the Proposal profile it has no stances and no conflict line, and the
relationship sample has no strength.
"""

from __future__ import annotations

from typing import Any

from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from dmuboard.gui.canvas.linkdraw import line_width
from dmuboard.gui.canvas.style import Theme
from dmuboard.gui.export import decor
from dmuboard.gui.export.findings import SEVERITY_COLOURS, SEVERITY_MARKS, Line
from dmuboard.gui.export.pptx_board import MARGIN, TITLE_HEIGHT
from dmuboard.gui.export.pptx_lines import PROPOSAL_RELATIONSHIP_WIDTH
from dmuboard.gui.export.pptx_shapes import SLIDE_HEIGHT, SLIDE_WIDTH, box, emu, rgb, runs, text
from dmuboard.gui.export.pptx_stamp import Run, set_paragraphs
from dmuboard.gui.export.pptx_xml import arrow_head
from dmuboard.model.board import STANCES, Link
from dmuboard.model.vocabulary import LINK_LEGEND, STANCE_SYMBOLS, role_legend

ROW = 17.0
LINES_PER_SLIDE = 26
CHARS_PER_LINE = 140  # a 12-point line across the slide: for cutting findings into slides


def draw_legend(shapes: Any, theme: Theme, *, internal: bool, kinds: tuple[str, ...]) -> None:
    """Roles in the first column; lines, stance and sides in the second."""
    top = MARGIN + TITLE_HEIGHT
    y = _heading(shapes, "Roles", MARGIN, top)
    for _role, label, meaning in role_legend():
        box(shapes, MSO_SHAPE.ROUNDED_RECTANGLE, QRectF(MARGIN, y + 2.0, 34.0, 13.0), theme.chip,
            theme.chip.darker(125), 0.6, f"Role {label}", label=((label, theme.chip_text),), size=7.0, bold=True)
        text(shapes, QRectF(MARGIN + 42.0, y, 400.0, ROW), f"{_role}: {meaning}", decor.INK, 10.0,
             anchor=MSO_ANCHOR.MIDDLE)
        y += ROW + 3.0
    column = SLIDE_WIDTH / 2 + 10.0
    y = _heading(shapes, "Lines", column, top)
    for kind in kinds:
        width = line_width(Link("-", "a", "b", kind)) if internal or kind != "relationship" \
            else PROPOSAL_RELATIONSHIP_WIDTH
        sample = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, emu(column), emu(y + ROW / 2),
                                      emu(column + 40.0), emu(y + ROW / 2))
        sample.line.color.rgb = rgb(theme.link[kind])
        sample.line.width = emu(width * 0.75)
        if kind == "influences":
            sample.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        if kind in ("reports_to", "influences"):
            arrow_head(sample.line)
        words = LINK_LEGEND[kind] if internal or kind != "relationship" else "our relationship"  # as the canvas
        text(shapes, QRectF(column + 50.0, y, 380.0, ROW), words, decor.INK, 10.0, anchor=MSO_ANCHOR.MIDDLE)
        y += ROW + 3.0
    if internal:
        y = _heading(shapes, "Stance", column, y + 8.0)
        for stance in STANCES:
            colour = theme.stance[stance]
            dark = colour.lightnessF() < 0.55
            box(shapes, MSO_SHAPE.ROUNDED_RECTANGLE, QRectF(column, y + 2.0, 40.0, 13.0), colour,
                theme.card_border, 0.5, f"Stance {stance}",
                label=((STANCE_SYMBOLS[stance], QColor("white") if dark else decor.INK),), size=7.0, bold=True)
            text(shapes, QRectF(column + 50.0, y, 380.0, ROW), stance, decor.INK, 10.0, anchor=MSO_ANCHOR.MIDDLE)
            y += ROW + 3.0
    y = _heading(shapes, "Sides", column, y + 8.0)
    for ours, words in ((False, "their people"), (True, "our team")):
        box(shapes, MSO_SHAPE.OCTAGON if ours else MSO_SHAPE.ROUNDED_RECTANGLE, QRectF(column, y + 2.0, 40.0, 13.0),
            theme.ours_card if ours else theme.card, theme.ours_border if ours else theme.card_border, 0.9,
            words)
        text(shapes, QRectF(column + 50.0, y, 380.0, ROW), words, decor.INK, 10.0, anchor=MSO_ANCHOR.MIDDLE)
        y += ROW + 3.0


def _heading(shapes: Any, words: str, x: float, y: float) -> float:
    text(shapes, QRectF(x, y, 300.0, 20.0), words, decor.INK, 13.0, bold=True)
    return y + 24.0


def findings_chunks(lines: list[Line]) -> list[list[Line]]:
    """The lines cut into slides of about :data:`LINES_PER_SLIDE` printed lines each."""
    chunks: list[list[Line]] = [[]]
    used = 0
    for line in lines:
        rows = max(1, -(-len(line.text) // CHARS_PER_LINE))
        if used + rows > LINES_PER_SLIDE and chunks[-1]:
            chunks.append([])
            used = 0
        if line.kind == "gap" and not chunks[-1]:
            continue
        chunks[-1].append(line)
        used += rows
    return chunks


def draw_findings(shapes: Any, lines: list[Line]) -> None:
    """One text box of paragraphs: headings, figures, findings with their severity."""
    top = MARGIN + TITLE_HEIGHT
    shape = shapes.add_textbox(emu(MARGIN), emu(top), emu(SLIDE_WIDTH - 2 * MARGIN),
                               emu(SLIDE_HEIGHT - top - MARGIN))
    shape.name = "Findings"
    runs(shape, [("x", decor.INK)], 12.0, wrap=True)
    ink, muted = _hex(decor.INK), _hex(decor.MUTED)
    paragraphs: list[list[Run]] = []
    for line in lines:
        if line.kind == "finding":
            mark = SEVERITY_MARKS.get(line.severity, line.severity) + "  "
            paragraphs.append([(mark, _hex(SEVERITY_COLOURS.get(line.severity, decor.INK)), 12.0, True),
                               (line.text, ink, 12.0, False)])
        elif line.kind == "metric":
            paragraphs.append([(f"{line.text}: ", ink, 12.0, False), (line.value, ink, 12.0, True)])
        elif line.kind in ("advice", "people", "more"):
            paragraphs.append([("      " + line.text, muted, 12.0, False)])
        elif line.kind == "heading":
            paragraphs.append([(line.text, ink, 16.0, True)])
        else:
            paragraphs.append([(line.text, ink, 12.0, False)])
    set_paragraphs(shape._element, paragraphs)


def _hex(colour: QColor) -> str:
    return f"{colour.red():02X}{colour.green():02X}{colour.blue():02X}"


def notes_text(lines: list[Line]) -> str:
    """The findings as plain text for the speaker notes."""
    out = []
    for line in lines:
        if line.kind == "finding":
            out.append(f"{SEVERITY_MARKS.get(line.severity, line.severity)}: {line.text}")
        elif line.kind == "metric":
            out.append(f"{line.text}: {line.value}")
        elif line.kind in ("advice", "people", "more"):
            out.append(f"    {line.text}")
        else:
            out.append(line.text)
    return "\n".join(out)
