"""The few things python-pptx has no call for, written as DrawingML here and nowhere else.

* fast shape ids and groups: python-pptx searches the whole slide for a free id for
  every group it makes (a board of 300 cards would spend seconds on it); here a slide
  hands out ids in turn (python-pptx's own "turbo add") and a card's shapes, made on
  the slide, are moved into a group made with that id;
* glue: a connector's ends attached to a shape's connection sites (``a:stCxn`` and
  ``a:endCxn``) without moving the ends, so the line first shows where the canvas
  draws it, and PowerPoint re-routes it to the sites when a card is moved;
* arrow heads (``a:tailEnd``);
* right-to-left paragraphs (``a:pPr rtl="1"``);
* text that XML cannot hold: the control characters a board may carry become U+FFFD,
  so nothing is lost silently and the file stays well-formed.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from lxml import etree
from pptx.oxml.ns import qn
from pptx.oxml.shapes.groupshape import CT_GroupShape

# XML 1.0 allows tab, line feed and carriage return below U+0020, and no U+FFFE or U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with every character XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def fast_ids(shapes: Any) -> None:
    """Let a slide's shape tree hand out ids in turn instead of searching for a free one."""
    shapes.turbo_add_enabled = True


def group(shapes: Any, members: list[Any], name: str) -> Any:
    """A group, added to the slide's ``shapes``, of ``members`` (shapes already on the slide,
    which move into it); returns the group's element. Its child coordinates are the
    slide's, so the members stay where they are."""
    tree = shapes._spTree
    element: Any = CT_GroupShape.new_grpSp(shapes._next_shape_id, "Group")  # formats the name into XML unescaped
    element.nvGrpSpPr.cNvPr.set("name", xml_text(name))
    tree.insert_element_before(element, "p:extLst")
    for member in members:
        element.insert_element_before(member._element, "p:extLst")
    element.recalculate_extents()
    return element


def glue(connector: Any, begin: tuple[int, int], end: tuple[int, int]) -> None:
    """Attach the connector's begin and end to (shape id, connection site index)."""
    props = connector._element.nvCxnSpPr.cNvCxnSpPr
    for tag, (shape_id, site) in (("a:stCxn", begin), ("a:endCxn", end)):
        element = etree.SubElement(props, qn(tag))
        element.set("id", str(shape_id))
        element.set("idx", str(site))


def arrow_head(line_format: Any) -> None:
    """A filled triangle at the connector's end (``line_format`` is its ``.line``)."""
    ln = line_format._get_or_add_ln()
    tail = etree.Element(qn("a:tailEnd"))
    tail.set("type", "triangle")
    tail.set("w", "med")
    tail.set("len", "med")
    before = ln.find(qn("a:extLst"))
    if before is not None:
        before.addprevious(tail)
    else:
        ln.append(tail)


def right_to_left(text: str) -> bool:
    """Does ``text`` start (at its first strong character) right to left?"""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def set_rtl(paragraph: Any) -> None:
    paragraph._p.get_or_add_pPr().set("rtl", "1")
