"""Shapes made once per look with python-pptx, then copied: what keeps a big board fast.

python-pptx takes about a millisecond for each property it sets (fill, line, font,
margins, ...); a board of 300 cards on ten slides sets a hundred thousand. A
:class:`Sheet` (a slide's shapes, as python-pptx gives them, plus a store of stamps)
makes the first shape of each look through python-pptx and keeps a copy of its
element; later shapes of that look are copies of it, moved, renamed and given their
own id and words. Only positions, ids, names and text are ever changed in a copy, so
every shape in the file is one python-pptx wrote.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable
from typing import Any

from pptx.oxml.ns import qn

from dmuboard.gui.export.pptx_xml import right_to_left, xml_text

A_XFRM = qn("a:xfrm")
A_P = qn("a:p")
A_R = qn("a:r")
A_T = qn("a:t")
A_PPR = qn("a:pPr")
P_TXBODY = qn("p:txBody")
P_EXTLST = qn("p:extLst")
A_FILL = qn("a:solidFill")


class Sheet:
    """A slide's shape tree (python-pptx's), with the stamps of the whole export; while
    a card is drawn, ``made`` collects its shapes (to be grouped)."""

    def __init__(self, shapes: Any, stamps: dict[Hashable, Any], made: list[Any] | None = None) -> None:
        self.shapes = shapes
        self.stamps = stamps
        self.made = made

    def collecting(self) -> Sheet:
        return Sheet(self.shapes, self.stamps, [])

    def __getattr__(self, name: str) -> Any:
        return getattr(self.shapes, name)

    def stamp(self, key: Hashable, make: Callable[[], Any], box: tuple[int, int, int, int], name: str) -> Any:
        """The element of a shape of look ``key`` over ``box`` (EMU x, y, cx, cy), named
        ``name``: made by ``make`` the first time, a copy after."""
        proto = self.stamps.get(key)
        if proto is None:
            element = make()._element
            self.stamps[key] = copy.deepcopy(element)
        else:
            element = copy.deepcopy(proto)
            element[0][0].set("id", str(self.shapes._next_shape_id))
            tree = self.shapes._spTree
            last = tree[-1]
            if last.tag == P_EXTLST:
                last.addprevious(element)
            else:
                tree.append(element)
        place(element, *box)
        element[0][0].set("name", xml_text(name))
        if self.made is not None:
            self.made.append(element)
        return element


def shape_id(element: Any) -> int:
    return int(element[0][0].get("id"))


def place(element: Any, x: int, y: int, cx: int, cy: int, flip_h: bool = False, flip_v: bool = False) -> None:
    xfrm = element[1].find(A_XFRM)
    off, ext = xfrm[0], xfrm[1]
    off.set("x", str(x))
    off.set("y", str(y))
    ext.set("cx", str(cx))
    ext.set("cy", str(cy))
    for attribute, on in (("flipH", flip_h), ("flipV", flip_v)):
        if on:
            xfrm.set(attribute, "1")
        elif attribute in xfrm.attrib:
            del xfrm.attrib[attribute]


def set_words(element: Any, words: str) -> None:
    """Put ``words`` (newlines start paragraphs) into a text shape stamped with one
    paragraph of one run; each paragraph reads right to left when its text does."""
    body = element.find(P_TXBODY)
    paragraphs = body.findall(A_P)
    first = paragraphs[0]
    for extra in paragraphs[1:]:
        body.remove(extra)
    for i, line in enumerate(xml_text(words).split("\n")):
        paragraph = first if i == 0 else copy.deepcopy(first)
        if i:
            body.append(paragraph)
        paragraph.find(A_R).find(A_T).text = line
        ppr = paragraph.find(A_PPR)
        if ppr is not None:
            if right_to_left(line):
                ppr.set("rtl", "1")
            elif "rtl" in ppr.attrib:
                del ppr.attrib["rtl"]


Run = tuple[str, str, float, bool]  # text, colour as RRGGBB, size in points, bold


def set_paragraphs(element: Any, lines: list[list[Run]]) -> None:
    """Fill a text shape stamped with one paragraph of one run with ``lines``: one
    paragraph each, of runs in their own colour, size and weight."""
    body = element.find(P_TXBODY)
    template = body.find(A_P)
    run = template.find(A_R)
    template.remove(run)
    for line in lines:
        paragraph = copy.deepcopy(template)
        for words, colour, size, bold in line:
            piece = copy.deepcopy(run)
            piece.find(A_T).text = xml_text(words)
            props = piece[0]
            props.set("sz", str(round(size * 100)))
            props.set("b", "1" if bold else "0")
            props.find(A_FILL)[0].set("val", colour)
            paragraph.append(piece)
        body.append(paragraph)
    body.remove(template)
