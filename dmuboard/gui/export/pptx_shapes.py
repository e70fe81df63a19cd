"""Small building blocks of the slides: where a scene point lands on a slide, and a
filled shape or a text box made in one call with python-pptx.

Slides are measured in points (1/72 inch) from their top-left corner, the same as the
PDF export's pages; python-pptx wants EMU (914,400 to the inch, 12,700 to the point).
Text is always plain runs in a font every copy of PowerPoint has.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_PATTERN
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from dmuboard.gui.export.pptx_stamp import Sheet, set_words
from dmuboard.gui.export.pptx_xml import right_to_left, set_rtl, xml_text

EMU_PER_POINT = 12700
SLIDE_WIDTH = 960.0  # points: 13.333 x 7.5 inches, PowerPoint's 16:9
SLIDE_HEIGHT = 540.0
FONT = "Arial"  # on every PowerPoint; LibreOffice shows it as the metric-equal Liberation Sans
SCENE_POINTS = 72.0 / 96.0  # a canvas font of N points is N * 96/72 scene units tall


def emu(points: float) -> Emu:
    return Emu(round(points * EMU_PER_POINT))


def rgb(colour: QColor) -> RGBColor:
    return RGBColor(colour.red(), colour.green(), colour.blue())


@dataclass(frozen=True, slots=True)
class Frame:
    """Scene area ``source`` drawn into slide area ``target`` (points), keeping its shape."""

    source: QRectF
    target: QRectF

    @property
    def scale(self) -> float:
        """Points per scene unit."""
        return self.target.width() / self.source.width()

    def x(self, x: float) -> float:
        return self.target.left() + (x - self.source.left()) * self.scale

    def y(self, y: float) -> float:
        return self.target.top() + (y - self.source.top()) * self.scale

    def rect(self, rect: QRectF) -> QRectF:
        return QRectF(self.x(rect.left()), self.y(rect.top()), rect.width() * self.scale,
                      rect.height() * self.scale)

    def font(self, points: float) -> float:
        """The slide size of a canvas font of ``points`` points."""
        return points / SCENE_POINTS * self.scale

    def shows(self, rect: QRectF) -> bool:
        return self.source.intersects(rect)


def fitted(source: QRectF, body: QRectF, largest: float = 1.0) -> Frame:
    """``source`` shrunk (or grown, to ``largest`` points per unit) into ``body``, centred."""
    scale = min(body.width() / source.width(), body.height() / source.height(), largest)
    width, height = source.width() * scale, source.height() * scale
    target = QRectF(body.center().x() - width / 2, body.center().y() - height / 2, width, height)
    return Frame(source, target)


Words = tuple[tuple[str, QColor], ...]  # runs of (text, colour)


def box(shapes: Any, preset: MSO_SHAPE, rect: QRectF, fill: QColor | None, line: QColor | None = None,
        width: float = 0.75, name: str = "", *, adjust: float | None = None, rotation: float = 0.0,
        hatch: tuple[MSO_PATTERN, QColor] | None = None, label: Words = (), size: float = 8.0,
        bold: bool = False, align: PP_ALIGN = PP_ALIGN.CENTER, anchor: MSO_ANCHOR = MSO_ANCHOR.MIDDLE) -> Any:
    """A shape of ``preset`` over ``rect`` (points), filled (or ``hatch``ed: pattern and
    its colour over ``fill``) and outlined, turned by ``rotation`` degrees, with the
    words of ``label`` in it; returns its element."""

    def make() -> Any:
        shape = shapes.add_shape(preset, *where)
        if fill is None:
            shape.fill.background()
        elif hatch is not None:
            shape.fill.patterned()
            shape.fill.pattern = hatch[0]
            shape.fill.fore_color.rgb = rgb(hatch[1])
            shape.fill.back_color.rgb = rgb(fill)
        else:
            shape.fill.solid()
            shape.fill.fore_color.rgb = rgb(fill)
        if line is None:
            shape.line.fill.background()
        else:
            shape.line.color.rgb = rgb(line)
            shape.line.width = emu(width)
        shape.shadow.inherit = False
        if adjust is not None:
            shape.adjustments[0] = adjust
        if rotation:
            shape.rotation = rotation
        if label:
            runs(shape, list(label), size, bold=bold, align=align, anchor=anchor)
        return shape

    where = (emu(rect.left()), emu(rect.top()), emu(rect.width()), emu(rect.height()))
    key = ("box", preset, _rgba(fill), _rgba(line), round(width, 3), None if adjust is None else round(adjust, 4),
           rotation, None if hatch is None else (hatch[0], _rgba(hatch[1])),
           tuple((words, _rgba(colour)) for words, colour in label), round(size, 2), bold, align, anchor)
    return _stamped(shapes, key, make, where, name)


def _rgba(colour: QColor | None) -> int | None:
    return None if colour is None else colour.rgba()


def _stamped(shapes: Any, key: Any, make: Any, where: tuple[Any, ...], name: str) -> Any:
    if isinstance(shapes, Sheet):
        return shapes.stamp(key, make, where, name)
    element = make()._element
    element[0][0].set("name", xml_text(name))
    return element


def runs(shape: Any, parts: list[tuple[str, QColor]], size: float, *, bold: bool = False,
         align: PP_ALIGN = PP_ALIGN.LEFT, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, wrap: bool = False) -> None:
    """Put plain text into ``shape``: runs of (text, colour); newlines start paragraphs."""
    frame = shape.text_frame
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    frame.word_wrap = wrap
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    paragraph = frame.paragraphs[0]
    first = True
    for text, colour in parts:
        for i, line in enumerate(xml_text(text).split("\n")):
            if i:
                paragraph = frame.add_paragraph()
                first = True
            if first:
                paragraph.alignment = align
                if right_to_left(line):
                    set_rtl(paragraph)
                first = False
            run = paragraph.add_run()
            run.text = line
            font = run.font
            font.name = FONT
            font.size = emu(max(size, 1.0))
            font.bold = bold
            font.color.rgb = rgb(colour)


def text(shapes: Any, rect: QRectF, words: str, colour: QColor, size: float, *, bold: bool = False,
         align: PP_ALIGN = PP_ALIGN.LEFT, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, wrap: bool = False,
         name: str = "") -> Any:
    """A text box over ``rect`` (points) holding ``words`` as plain text; returns its element."""

    def make() -> Any:
        shape = shapes.add_textbox(*where)
        runs(shape, [("x", colour)], size, bold=bold, align=align, anchor=anchor, wrap=wrap)
        return shape

    where = (emu(rect.left()), emu(rect.top()), emu(rect.width()), emu(rect.height()))
    key = ("text", colour.rgba(), round(size, 2), bold, align, anchor, wrap)
    element = _stamped(shapes, key, make, where, name or "Text")
    set_words(element, words)
    return element
