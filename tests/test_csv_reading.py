"""Reading CSV files as CRMs and spreadsheets write them, and refusing what is not one."""

from __future__ import annotations

from pathlib import Path

import pytest

from dmuboard.csvio import CsvFileError, Table, parse_table, read_table
from dmuboard.csvio.reading import MAX_BYTES, MAX_CELL, MAX_ROWS

DATA = Path(__file__).parent / "data" / "csv"


def names(table: Table) -> list[str]:
    return [row.cells[0] for row in table.rows]


def test_salesforce_export_with_bom_is_read_as_utf8_commas() -> None:
    """A Salesforce export starts with a BOM; the BOM is not part of the first header and accents survive."""
    table = read_table(DATA / "salesforce_contacts.csv")
    assert table.encoding == "UTF-8 with BOM"
    assert table.delimiter == ","
    assert table.header[0] == "Salutation"
    assert [row.cells[1] for row in table.rows] == ["Ingrid", "José", "Chloë", "Tomasz", "Pieter"]
    assert table.rows[0].cells[10] == "Signs off anything above 50k.\r\nPrefers a short deck."
    assert table.problems == ()


def test_hubspot_export_without_bom_is_read_as_utf8() -> None:
    """A HubSpot export has no BOM and LF line ends; a semicolon inside a value does not split it."""
    table = read_table(DATA / "hubspot_contacts.csv")
    assert (table.encoding, table.delimiter) == ("UTF-8", ",")
    assert len(table.rows) == 6
    assert table.rows[0].cells[6] == "Decision Maker;Budget Holder"


def test_dutch_excel_file_is_read_as_windows_1252_with_semicolons() -> None:
    """Dutch Excel writes semicolons and Windows-1252: umlauts, diaereses and the euro sign come through."""
    table = read_table(DATA / "excel_nl.csv")
    assert (table.encoding, table.delimiter) == ("Windows-1252", ";")
    assert names(table)[:3] == ["Jürgen Müller", "Anouk Bakker-Ellenbroek", "Chloë Smit"]
    assert table.rows[1].cells[7] == "Budget € 180.000"
    assert table.rows[1].cells[4] == "Inkoper; Beïnvloeder"


def test_tab_separated_file_is_detected() -> None:
    """A LinkedIn-style list separated by tabs is split on the tabs, not on the commas in it."""
    table = read_table(DATA / "linkedin_connections.tsv")
    assert table.delimiter == "\t"
    assert table.header[:2] == ("First Name", "Last Name")
    assert [row.cells[5] for row in table.rows] == ["HR Director", "CTO", "Finance Manager"]


def test_excel_unicode_text_in_utf16_is_read() -> None:
    """Excel's "Unicode text" is UTF-16 with a BOM and tabs; Polish and Dutch letters survive."""
    table = read_table(DATA / "excel_unicode.txt")
    assert (table.encoding, table.delimiter) == ("UTF-16", "\t")
    assert names(table) == ["Zoë Vermeulen", "Łukasz Kowalski"]


def test_utf16_without_bom_is_recognised() -> None:
    """UTF-16 written without a byte order mark is told apart from binary data by its NUL pattern."""
    data = "Name,Title\nZoë,CIO\n".encode("utf-16-le")
    table = parse_table(data, "u16.csv")
    assert table.encoding == "UTF-16"
    assert names(table) == ["Zoë"]


def test_excel_sep_hint_line_chooses_the_delimiter() -> None:
    """A first line ``sep=;`` (Excel's hint) picks the delimiter and is not taken for the header."""
    table = parse_table(b"sep=;\r\nName;Title,with comma\r\nAnn;CFO, finance\r\n", "hint.csv")
    assert table.delimiter == ";"
    assert table.header == ("Name", "Title,with comma")
    assert table.rows[0].cells == ("Ann", "CFO, finance")


def test_blank_lines_are_skipped_but_rows_keep_their_spreadsheet_numbers() -> None:
    """Empty lines and rows of empty cells import nothing, and later rows keep the number Excel shows."""
    table = parse_table(b"Name;Title\n;\nAnn;CFO\n\nBob;CTO\n", "gaps.csv")
    assert [(row.number, row.cells[0]) for row in table.rows] == [(3, "Ann"), (5, "Bob")]


def test_binary_file_is_refused() -> None:
    """A binary file renamed to .csv is refused as binary before any row is read."""
    with pytest.raises(CsvFileError, match=r"binary\.csv is not a CSV file: it holds binary data"):
        read_table(DATA / "binary.csv")


@pytest.mark.parametrize(
    ("start", "what"),
    [(b"PK\x03\x04", "Excel workbook"), (b"%PDF-1.7", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG")],
)
def test_workbooks_and_documents_are_named_when_refused(start: bytes, what: str) -> None:
    """A workbook, PDF or picture is refused with a message that says what the file seems to be."""
    with pytest.raises(CsvFileError, match=what):
        parse_table(start + b"Name,Title\n" * 5, "people.csv")


def test_control_characters_mark_a_binary_file() -> None:
    """Text bytes sprinkled with control characters are not a CSV file."""
    with pytest.raises(CsvFileError, match="binary data"):
        parse_table(b"Name,Title\nAnn\x01\x02,CFO\n", "odd.csv")


def test_undecodable_bytes_are_refused_with_the_byte_position() -> None:
    """Bytes that are neither UTF-8 nor Windows-1252 are refused, naming the first bad byte."""
    with pytest.raises(CsvFileError, match=r"byte 12 is not UTF-8 or Windows-1252"):
        parse_table(b"Name,Title\n\x81nn,CFO\n", "bad.csv")


def test_broken_utf8_after_a_bom_is_refused() -> None:
    """A file that claims UTF-8 with its BOM but is not, is refused rather than misread."""
    with pytest.raises(CsvFileError, match="is not UTF-8 with BOM text"):
        parse_table(b"\xef\xbb\xbfName\nJ\xfcrgen\n", "claims.csv")


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    """A file above 5 MB is refused by its size, with the limit in the message."""
    path = tmp_path / "huge.csv"
    path.write_bytes(b"Name\n" + b"x" * MAX_BYTES)
    with pytest.raises(CsvFileError, match=r"huge.csv is 5.0 MB; a CSV file to import may be at most 5 MB"):
        read_table(path)


def test_too_many_rows_are_refused() -> None:
    """More than 2,000 people in one file is refused with the limit in the message."""
    data = b"Name\n" + b"".join(b"P%d\n" % i for i in range(MAX_ROWS + 1))
    with pytest.raises(CsvFileError, match="more than 2,000 rows"):
        parse_table(data, "many.csv")
    assert len(parse_table(b"Name\n" + b"".join(b"P%d\n" % i for i in range(MAX_ROWS)), "ok.csv").rows) == MAX_ROWS


def test_a_one_megabyte_field_is_a_problem_of_its_row_and_column() -> None:
    """A 1 MB value is reported by row and column; the other rows stay usable."""
    data = b"Name,Notes\nAnn,short\nBob," + b"y" * 2**20 + b"\nCor,fine\n"
    table = parse_table(data, "big.csv")
    assert names(table) == ["Ann", "Cor"]
    assert [str(p) for p in table.problems] == [
        f"row 3, column Notes: 1,048,576 characters; a value may hold at most {MAX_CELL:,}"
    ]


def test_wrong_column_counts_are_problems_naming_row_and_column() -> None:
    """A row with a value too many, and a row with one missing, are named by row and column."""
    table = read_table(DATA / "wrong_columns.csv")
    assert names(table) == ["Ann Smit", "Dirk Mol"]
    assert [str(p).split(":")[0] for p in table.problems] == [
        "row 3, column 4 (after Department)",
        "row 4, column Department",
    ]


def test_a_trailing_delimiter_is_not_a_wrong_column_count() -> None:
    """Some tools end every row with a delimiter; an empty value past the last column is harmless."""
    table = parse_table(b"Name;Title\nAnn;CFO;\nBob;CTO;;\n", "trailing.csv")
    assert table.problems == ()
    assert [row.cells for row in table.rows] == [("Ann", "CFO"), ("Bob", "CTO")]


def test_empty_file_is_refused() -> None:
    """A file with no header row says so instead of importing nothing quietly."""
    with pytest.raises(CsvFileError, match="is empty"):
        parse_table(b"\r\n\r\n", "empty.csv")


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    """A path that is not there, or is a folder, is refused with the name."""
    with pytest.raises(CsvFileError, match=r"nobody\.csv does not exist"):
        read_table(tmp_path / "nobody.csv")
    with pytest.raises(CsvFileError, match="is a folder"):
        read_table(tmp_path)


def test_duplicate_and_empty_headers_get_distinct_labels() -> None:
    """Columns named alike or not named at all are told apart in messages."""
    table = parse_table(b"Email,Name,,Email\na,Ann,x,b\n", "dup.csv")
    assert table.labels == ("Email (column 1)", "Name", "column 3", "Email (column 4)")
