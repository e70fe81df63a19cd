"""A CSV row's relationship: which of our people knows the person (the "owner" column,
as CRM exports call it) and when they last spoke (the "last contact" column).

The relationship is drawn from that person of ours to the imported person, with the
last contact as its date. Dates are read as ISO (``2026-11-30``, a time after it is
left off) or day first (``30-11-2026``, ``30/11/2026``, ``30.11.2026``), as Dutch and
most European exports write them.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping

from dmuboard.csvio.fields import simplify
from dmuboard.csvio.people import RowProblem, cell_text
from dmuboard.csvio.reading import Problem, Row
from dmuboard.model.board import Board

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: .*)?")


def read_date(cell: str) -> str | None:
    """The ISO date in ``cell`` (None when empty); ValueError when it is not a date."""
    text = cell.strip()
    if not text:
        return None
    iso, day_first = _ISO.fullmatch(text), _DAY_FIRST.fullmatch(text)
    try:
        if iso:
            return datetime.date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        if day_first:
            return datetime.date(int(day_first[3]), int(day_first[2]), int(day_first[1])).isoformat()
    except ValueError:
        pass
    raise ValueError(f"{text[:40]!r} is not a date (write 2026-11-30 or 30-11-2026)")


def contact_of_row(row: Row, mapping: Mapping[int, str], labels: tuple[str, ...],
                   board: Board) -> tuple[str | None, str | None]:
    """(our person's id, last contact) of ``row``: (None, None) when it names no owner of
    ours on the board; :class:`RowProblem` naming the column for a bad date."""
    cells = {field: (cell_text(row.cells[i]), labels[i]) for i, field in mapping.items()
             if field in ("owner", "last_contact") and i < len(row.cells)}
    owner_text = cells.get("owner", ("", ""))[0]
    date_text, date_column = cells.get("last_contact", ("", ""))
    try:
        last = read_date(date_text)
    except ValueError as error:
        raise RowProblem(Problem(row.number, date_column, str(error))) from None
    if not owner_text:
        if last is not None:
            raise RowProblem(Problem(row.number, date_column, "a last contact needs the owner column too: "
                                     "whose relationship is it?"))
        return None, None
    wanted = simplify(owner_text)
    for person in board.ours():
        if simplify(person.name) == wanted:
            return person.id, last
    # CRM exports name an owner on every row, often someone not on this board: the person
    # is imported all the same, without a relationship.
    return None, None
