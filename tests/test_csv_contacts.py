"""A CSV import draws the relationship of the owner column, with the last contact date."""

from __future__ import annotations

import pytest

from dmuboard.csvio import guess_mapping, parse_table, plan_import
from dmuboard.csvio.contacts import read_date
from dmuboard.model.board import Board, BoardInfo, Person
from dmuboard.model.document import Document

CSV = (
    "Name,Title,Contact Owner,Last Activity Date\n"
    "Ingrid Bakker,CFO,Sam de Wit,2026-11-30\n"
    "Joris Smit,IT manager,Eva Jansen,30-09-2026\n"
    "Petra Dekker,Buyer,Someone Else,01/10/2026\n"
    "Kees Vos,Engineer,,\n"
)


def _board() -> Board:
    board = Board(BoardInfo("Deal"))
    for person in (Person("u1", "ours", "Sam de Wit"), Person("u2", "ours", "Eva Jansen")):
        board.people[person.id] = person
    return board


def test_owner_and_last_contact_become_a_relationship() -> None:
    board = _board()
    table = parse_table(CSV.encode(), "crm.csv")
    plan = plan_import(board, table, guess_mapping(table.header), "customer")
    assert not plan.problems
    names = {p.id: p.name for p in plan.people}
    drawn = {(link.source, names[link.target], link.kind, link.last_contact) for link in plan.links}
    assert drawn == {("u1", "Ingrid Bakker", "relationship", "2026-11-30"),
                     ("u2", "Joris Smit", "relationship", "2026-09-30")}
    doc = Document(board)
    doc.apply(plan.change)  # one change: people and their relationships
    assert len(doc.board.people) == 6 and len(doc.board.links) == 2


def test_a_bad_date_is_a_bad_row_naming_the_column() -> None:
    table = parse_table(b"Name,Owner,Last contact\nIngrid,Sam de Wit,31-02-2026\n", "crm.csv")
    plan = plan_import(_board(), table, guess_mapping(table.header), "customer")
    assert [str(p) for p in plan.problems] == [
        "row 2, column Last contact: '31-02-2026' is not a date (write 2026-11-30 or 30-11-2026)"]


@pytest.mark.parametrize(("cell", "date"), [("2026-11-30", "2026-11-30"), ("2026-11-30 14:05", "2026-11-30"),
                                            ("30-11-2026", "2026-11-30"), ("3.1.2026", "2026-01-03"), ("", None)])
def test_dates_are_read_iso_or_day_first(cell: str, date: str | None) -> None:
    assert read_date(cell) == date
