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


def group(shapes: Any, members: list[Any], name: str, box: tuple[int, int, int, int]) -> Any:
    """A group, added to the slide's ``shapes``, of ``members`` (elements of shapes already
    on the slide, which move into it), over ``box`` (EMU x, y, cx, cy: the card); returns
    the group's element. Its child coordinates are the slide's, so the members stay where
    they are (python-pptx would measure every member again for each one added)."""
    tree = shapes._spTree
    element: Any = CT_GroupShape.new_grpSp(shapes._next_shape_id, "Group")  # formats the name into XML unescaped
    element[0][0].set("name", xml_text(name))
    for member in members:
        element.append(member)
    xfrm = element[1][0]  # p:grpSpPr/a:xfrm: a:off, a:ext, a:chOff, a:chExt
    x, y, cx, cy = box
    for corner in (xfrm[0], xfrm[2]):
        corner.set("x", str(x))
        corner.set("y", str(y))
    for size in (xfrm[1], xfrm[3]):
        size.set("cx", str(cx))
        size.set("cy", str(cy))
    last = tree[-1]
    if last.tag == qn("p:extLst"):
        last.addprevious(element)
    else:
        tree.append(element)
    return element


def glue(connector: Any, begin: tuple[int, int], end: tuple[int, int]) -> None:
    """Attach the connector's (element's) begin and end to (shape id, connection site index)."""
    props = connector[0][1]  # p:nvCxnSpPr/p:cNvCxnSpPr
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
