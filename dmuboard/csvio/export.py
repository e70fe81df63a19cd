"""Data going back out: people and links as CSV, the network as GraphML, the board as JSON.

CSV is written for spreadsheets and CRMs: UTF-8 with a byte order mark (so Excel
reads accents right), every field of a person, and each text cell that a spreadsheet
would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
return, also after blanks or in full-width form) prefixed with an apostrophe, as OWASP
advises against CSV injection. Numbers we write ourselves (influence, strength, positions) are left as numbers.

GraphML (through networkx) is for Gephi and yEd: one node per person with all their
fields, one edge per link with its kind, strength and note.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dmuboard.csvio.people import guarded
from dmuboard.model import jsonformat
from dmuboard.model.board import Board, Person
from dmuboard.model.errors import StoreError, UserError
from dmuboard.store.textfile import write_text_atomically

if TYPE_CHECKING:  # networkx is imported where GraphML is made: the window starts without it
    import networkx as nx

# Format name -> (what the user sees, file extension).
FORMATS: dict[str, tuple[str, str]] = {
    "people-csv": ("People as CSV, one row each", ".csv"),
    "links-csv": ("Links as CSV, both ends named", ".csv"),
    "graphml": ("Network as GraphML, for Gephi and yEd", ".graphml"),
    "json": ("Whole board as JSON, the interchange format", ".json"),
}
PEOPLE_COLUMNS = ("id", "side", "name", "title", "department", "organisation", "roles", "stance",
                  "influence", "interests", "notes", "x", "y")
LINK_COLUMNS = ("from", "from_name", "to", "to_name", "kind", "strength", "note")
ROLE_JOINER = "; "
# Characters XML 1.0 cannot carry; GraphML readers refuse a file that has them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def safe_cell(text: str) -> str:
    """``text`` made harmless for a spreadsheet: an apostrophe before a formula's first character.

    Text that starts with an apostrophe gets one more, so that the import, which takes
    one off, gives back exactly what was exported.
    """
    return "'" + text if guarded(text) else text


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _csv(header: Sequence[str], rows: Iterable[Sequence[str]], delimiter: str) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()


def _person_row(p: Person) -> list[str]:
    text = [p.id, p.side, p.name, p.title, p.department, p.organisation, ROLE_JOINER.join(p.roles), p.stance]
    return [safe_cell(t) for t in text] + [
        str(p.influence), safe_cell(p.interests), safe_cell(p.notes), _number(p.x), _number(p.y),
    ]


def people_csv(board: Board, delimiter: str = ",") -> str:
    """Every person with every field, one row each."""
    return _csv(PEOPLE_COLUMNS, (_person_row(p) for p in board.people.values()), delimiter)


def links_csv(board: Board, delimiter: str = ",") -> str:
    """Every link: its ends as ids and as names, its kind, strength and note."""
    people = board.people
    rows = (
        [safe_cell(link.source), safe_cell(people[link.source].name), safe_cell(link.target),
         safe_cell(people[link.target].name), link.kind, _number(link.strength), safe_cell(link.note)]
        for link in board.links.values()
    )
    return _csv(LINK_COLUMNS, rows, delimiter)


def _xml(text: str) -> str:
    return _NOT_XML.sub("", text)


def network(board: Board) -> nx.MultiDiGraph:
    """The board as a networkx graph: people are nodes, links are edges keyed by kind."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    info = board.info
    graph.graph.update({"title": _xml(info.title), "customer": _xml(info.customer),
                        "our_company": _xml(info.our_company)})
    for p in board.people.values():
        node = {
            "label": _xml(p.name), "side": p.side, "name": _xml(p.name), "title": _xml(p.title),
            "department": _xml(p.department), "organisation": _xml(p.organisation),
            "roles": ROLE_JOINER.join(p.roles), "stance": p.stance, "influence": p.influence,
            "interests": _xml(p.interests), "notes": _xml(p.notes),
        }
        if p.x is not None and p.y is not None:
            node["x"], node["y"] = float(p.x), float(p.y)
        graph.add_node(p.id, **node)
    for link in board.links.values():
        edge: dict[str, object] = {"kind": link.kind, "note": _xml(link.note), "directed": link.directed}
        if link.strength is not None:
            edge["strength"] = link.strength
        graph.add_edge(link.source, link.target, key=link.kind, **edge)
    return graph


def graphml(board: Board) -> str:
    """The board's network as GraphML text."""
    import networkx as nx

    buffer = io.BytesIO()
    # networkx's own writer, not the lxml one it picks when lxml is installed (python-pptx
    # brings it): that one keeps a carriage return as "&#13;" where this one writes it bare.
    nx.write_graphml_xml(network(board), buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def render(board: Board, fmt: str, delimiter: str = ",") -> str:
    """The text of ``board`` in the export format ``fmt`` (a key of :data:`FORMATS`)."""
    if fmt == "people-csv":
        return people_csv(board, delimiter)
    if fmt == "links-csv":
        return links_csv(board, delimiter)
    if fmt == "graphml":
        return graphml(board)
    if fmt == "json":
        return jsonformat.dumps(board)
    raise UserError(f"{fmt!r} is not an export format; the formats are: {', '.join(FORMATS)}.")


def export_data(board: Board, path: str | os.PathLike[str], fmt: str, *, delimiter: str = ",",
                replace: bool = False) -> None:
    """Write ``board`` to ``path`` in ``fmt``, whole or not at all."""
    path = Path(path)
    text = render(board, fmt, delimiter)
    if path.is_dir():
        raise StoreError(f"{path.name} is a folder.")
    write_text_atomically(path, text, replace=replace)
