"""CSV files as real tools write them (issue 15, point 12): LinkedIn's notes above the
header, a mostly UTF-8 file with one row from an old Windows program, and cells that a
spreadsheet would run as a formula after a blank or in full-width form."""

from __future__ import annotations

from pathlib import Path

import pytest

from dmuboard.csvio import parse_table
from dmuboard.csvio.export import safe_cell
from dmuboard.store import write_new
from tests.boardkit import sample_board
from tests.clikit import run
from tests.gui_window_kit import board_on_disk

LINKEDIN = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    'You will ONLY see email addresses for connections who have allowed their connections to see or download '
    'their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn '
    'more here https://www.linkedin.com/help/linkedin/answer/261"\r\n'
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Sanne,de Boer,https://www.linkedin.com/in/sannedeboer,,Initech,HR Director,12 Mar 2024\r\n"
    "Daan,van Dijk,https://www.linkedin.com/in/daanvandijk,,Initech,CTO,02 Feb 2023\r\n"
)


def test_linkedin_connections_with_notes_above_the_header(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    table = parse_table(LINKEDIN.encode("utf-8"), "Connections.csv")
    assert table.header[:2] == ("First Name", "Last Name")
    assert [row.cells[0] for row in table.rows] == ["Sanne", "Daan"]
    board = tmp_path / "deal.dmu"
    write_new(board, sample_board())
    csv = tmp_path / "Connections.csv"
    csv.write_bytes(LINKEDIN.encode("utf-8"))
    code, _, err = run(capsys, "import-csv", board, csv, "--side", "customer")
    assert code == 0, err
    names = {p.name for p in board_on_disk(board).people.values()}
    assert {"Sanne de Boer", "Daan van Dijk"} <= names


def test_a_semicolon_file_with_a_note_above_the_header() -> None:
    data = "Export of 3 Dec\nName;Function;Company\nJosé Müller;CFO;Acme\n".encode()
    table = parse_table(data, "a.csv")
    assert table.delimiter == ";" and table.header == ("Name", "Function", "Company")
    assert table.rows[0].cells == ("José Müller", "CFO", "Acme")


def test_one_windows_1252_row_in_a_utf8_file_is_decoded_by_row_and_named() -> None:
    data = ("Name,Function\nJosé Müller,CFO\n".encode() + "Zoë Ångström,CTO\n".encode("cp1252")
            + "Łukasz Żółć,IT\n".encode())
    table = parse_table(data, "mixed.csv")
    assert [row.cells[0] for row in table.rows] == ["José Müller", "Zoë Ångström", "Łukasz Żółć"]
    assert "row 3 read as Windows-1252" in table.encoding
    assert "row 3 read as Windows-1252" in table.describe()


def test_import_says_which_rows_were_read_as_windows_1252(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    board = tmp_path / "deal.dmu"
    write_new(board, sample_board())
    csv = tmp_path / "mixed.csv"
    csv.write_bytes("Name,Function\nJosé Müller,CFO\n".encode() + "Zoë Ångström,CTO\n".encode("cp1252"))
    code, out, err = run(capsys, "import-csv", board, csv, "--side", "customer")
    assert code == 0, err
    assert "row 3 read as Windows-1252" in out + err
    names = {p.name for p in board_on_disk(board).people.values()}
    assert {"José Müller", "Zoë Ångström"} <= names


def test_a_file_all_in_windows_1252_is_still_read_whole() -> None:
    table = parse_table("Name,Function\nZoë Ångström,CTO\n".encode("cp1252"), "old.csv")
    assert table.encoding == "Windows-1252" and table.rows[0].cells[0] == "Zoë Ångström"


@pytest.mark.parametrize("text", [" =1+1", "\t=cmd", "  +SUM(A1)", " -2+3", " @x", "\uff1d1+1", " \uff1dHYPERLINK()",
                                  "\u3000=1", "\uff0b1"])
def test_csv_export_neutralises_formulas_behind_blanks_and_full_width(text: str) -> None:
    assert safe_cell(text) == "'" + text
    table = parse_table(f"name,notes\nx,{safe_cell(text)}\n".encode(), "a.csv")
    assert table.rows[0].cells[1].startswith("'")  # the import then takes the apostrophe off


@pytest.mark.parametrize("text", ["Ingrid Bakker", "a = b", "x-ray", "5 + 3 days", "e-mail @ work"])
def test_ordinary_text_is_exported_as_it_is(text: str) -> None:
    assert safe_cell(text) == text
