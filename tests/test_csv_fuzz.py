"""Whatever bytes arrive, the import either plans something valid or says why in one sentence."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dmuboard.csvio import CsvFileError, guess_mapping, parse_table, plan_import
from dmuboard.csvio.placement import TOKEN_HEIGHT, TOKEN_WIDTH
from dmuboard.model.board import Board, BoardInfo
from dmuboard.model.document import Document
from dmuboard.model.errors import UserError

HEADERS = ["Naam", "Name", "First Name", "Last Name", "Functie", "Title", "Rol", "Role", "Houding", "Invloed",
           "Notes", "Afdeling", "Company", "Side", "Email", ""]
CELLS = st.one_of(
    st.sampled_from(["", "beslisser", "inkoper; beïnvloeder", "baas", "5", "9", "neutraal", "ours", "klant",
                     "=1+1", "'=1+1", "Jürgen Müller", "a\nb", "  padded  ", "€", "x" * 250]),
    st.text(max_size=30),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_give_a_table_or_a_plain_refusal(data: bytes) -> None:
    """Random bytes are parsed into a table or refused with a CsvFileError; nothing else escapes."""
    try:
        table = parse_table(data, "random.csv")
    except CsvFileError as error:
        assert error.message.startswith("random.csv")
        assert "\n" not in error.message
        return
    assert all(len(row.cells) == len(table.header) for row in table.rows)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6),
    rows=st.lists(st.lists(CELLS, min_size=1, max_size=7), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
    side=st.sampled_from(["customer", "ours"]),
)
def test_any_table_plans_a_valid_non_overlapping_import(
    header: list[str], rows: list[list[str]], delimiter: str, encoding: str, side: str
) -> None:
    """Any table of plausible and odd cells plans people the board accepts, placed apart, or is refused plainly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return  # cp1252 cannot hold every character; such a file cannot exist
    try:
        table = parse_table(data, "table.csv")
        plan = plan_import(Board(BoardInfo("Fuzz")), table, guess_mapping(table.header), side)
    except UserError as error:
        assert "\n" not in error.message
        return
    document = Document(Board(BoardInfo("Fuzz")))
    document.apply(plan.change)  # every planned person obeys every rule of the board
    assert len(document.board.people) == len(plan.people)
    spots = [(p.x, p.y) for p in plan.people]
    for i, (ax, ay) in enumerate(spots):
        assert ax is not None and ay is not None
        for bx, by in spots[i + 1:]:
            assert bx is not None and by is not None
            assert abs(ax - bx) >= TOKEN_WIDTH or abs(ay - by) >= TOKEN_HEIGHT
    for problem in plan.problems:
        assert problem.row >= 2
