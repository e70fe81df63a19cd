"""Reading a CSV file of people into a :class:`Table`, whatever wrote it.

CRMs and spreadsheets write CSV in many shapes: UTF-8 with or without a byte order
mark, UTF-16 (Excel's "Unicode text"), Windows-1252 (Excel on a Dutch Windows), and
commas, semicolons or tabs between the values. We find out which from the bytes, and
refuse what is not a text table at all (a workbook, a picture, anything with NUL
bytes) before parsing a single row.

Rows are numbered as a spreadsheet numbers them: the header is row 1, the first person
row 2. Problems of one row (a wrong number of values, a value too long) are collected
as :class:`Problem` and leave the other rows usable; problems of the whole file (too
big, too many rows, not text) raise :class:`CsvFileError`.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from dmuboard.localfiles import read_regular, shown
from dmuboard.model.errors import NotABoardError, UserError

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000
MAX_COLUMNS = 200
MAX_CELL = 20000  # the longest text a board keeps (notes); fields have their own, lower limits
DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}

# Control characters that never occur in a text table (tab, newlines and form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SEP_LINE = re.compile(r"sep=(.)\r?\n", re.IGNORECASE)
_MAGIC = (
    (b"PK\x03\x04", "a zip archive, such as an Excel workbook (.xlsx)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document, such as an Excel 97-2003 workbook (.xls)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG picture"),
    (b"\xff\xd8\xff", "a JPEG picture"),
    (b"SQLite format 3\x00", "a database (perhaps a .dmu board)"),
)


class CsvFileError(UserError):
    """The whole file cannot be imported; the message names the file and why."""


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong with one row, and where: a spreadsheet row and a column name."""

    row: int
    column: str
    text: str

    def __str__(self) -> str:
        where = f"row {self.row}, column {self.column}" if self.column else f"row {self.row}"
        return f"{where}: {self.text}"


@dataclass(frozen=True, slots=True)
class Row:
    """One row of values, with its number as a spreadsheet shows it."""

    number: int
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A parsed CSV file: its header, its usable rows, and the rows that were not."""

    name: str
    encoding: str
    delimiter: str
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        """A name for each column as messages show it: the header, made unique."""
        labels: list[str] = []
        for i, text in enumerate(self.header):
            label = text or f"column {i + 1}"
            if label in labels or self.header.count(text) > 1:
                label = f"{label} (column {i + 1})"
            labels.append(label)
        return tuple(labels)

    @property
    def encoding_note(self) -> str | None:
        """What the user should know about how the text was read (rows in another encoding)."""
        return f"{self.name} was read as {self.encoding}." if "read as" in self.encoding else None

    def describe(self) -> str:
        """How the file was read, e.g. ``UTF-8 with BOM, semicolons, 14 rows``."""
        delimiter = DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))
        return f"{self.encoding}, {delimiter}-separated, {len(self.rows)} rows"


def read_table(path: str | os.PathLike[str]) -> Table:
    """Read the CSV file at ``path``; :class:`CsvFileError` when it cannot be imported."""
    path = Path(path)
    try:
        data = read_regular(path, MAX_BYTES, "CSV file")
    except NotABoardError as error:
        message = error.message
        if "too large" in message:
            size = path.stat().st_size
            message = (f"{shown(path.name)} is {size / 2**20:.1f} MB; a CSV file to import may be at most "
                       f"{MAX_BYTES // 2**20} MB. Split it into smaller files.")
        raise CsvFileError(message) from None
    return parse_table(data, path.name)


def parse_table(data: bytes, name: str) -> Table:
    """Parse the bytes of a CSV file called ``name`` (the name is used in messages)."""
    if len(data) > MAX_BYTES:
        raise CsvFileError(f"{name} is larger than {MAX_BYTES // 2**20} MB; split it into smaller files.")
    text, encoding = decode(data, name)
    delimiter = None
    sep = _SEP_LINE.match(text)  # Excel's own hint: a first line "sep=;"
    if sep and sep.group(1) in DELIMITERS:
        delimiter = sep.group(1)
        text = text[sep.end():]
    if delimiter is None:
        delimiter = sniff_delimiter(text)
    return _split(text, name, encoding, delimiter)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of the file and the name of its encoding; refuses binary files."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise CsvFileError(
                f"{name} is not a CSV file: it looks like {what}. Save the sheet as CSV and import that."
            )
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(data[3:], "utf-8", name, "UTF-8 with BOM"), "UTF-8 with BOM"
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return _decode(data, "utf-16", name, "UTF-16"), "UTF-16"
    guessed = _utf16_without_bom(data)
    if guessed:
        return _decode(data, guessed, name, "UTF-16"), "UTF-16"
    if b"\x00" in data:
        raise CsvFileError(f"{name} is not a CSV file: it holds binary data.")
    try:
        text, encoding = data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        text, encoding = _mostly_utf8(data, name)
    _refuse_control_characters(text, name)
    return text, encoding


def _mostly_utf8(data: bytes, name: str) -> tuple[str, str]:
    """A file that is not all UTF-8: decoded line by line when other lines hold UTF-8
    letters (one row pasted from an old Windows program), else all as Windows-1252."""
    lines = data.split(b"\n")
    utf8_letters = 0
    for line in lines:
        if not line.isascii():
            try:
                line.decode("utf-8")
                utf8_letters += 1
            except UnicodeDecodeError:
                pass
    if not utf8_letters:
        return _decode(data, "cp1252", name, "UTF-8 or Windows-1252"), "Windows-1252"
    texts: list[str] = []
    odd: list[int] = []
    for number, line in enumerate(lines, start=1):
        try:
            texts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(_decode(line, "cp1252", name, "UTF-8 or Windows-1252"))
            odd.append(number)
    shown_rows = ", ".join(str(n) for n in odd[:5]) + (f" and {len(odd) - 5} more" if len(odd) > 5 else "")
    label = f"UTF-8 (row{'s' if len(odd) > 1 else ''} {shown_rows} read as Windows-1252)"
    return "\n".join(texts), label


def _decode(data: bytes, codec: str, name: str, label: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        raise CsvFileError(
            f"{name} is not a CSV file we can read: byte {error.start + 1} is not {label} text."
        ) from None
    _refuse_control_characters(text, name)
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when every other byte of the start is NUL."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) == len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) == len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _refuse_control_characters(text: str, name: str) -> None:
    """Binary data read as text is full of control characters; a stray one in a name is let through."""
    if len(_CONTROL.findall(text)) * 100 > len(text):
        raise CsvFileError(f"{name} is not a CSV file: it holds binary data (control characters).")


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one that splits the first rows most evenly."""
    sample = text[:65536]
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        records = _without_preamble([r for r in _records(sample, delimiter, 40) if any(cell.strip() for cell in r)])
        if not records or len(records[0]) < 2:
            continue
        width = len(records[0])
        rest = records[1:] or records
        steady = sum(1 for r in rest if len(_trimmed(r)) == width or len(r) == width) / len(rest)
        score = (steady, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _records(text: str, delimiter: str, limit: int) -> list[list[str]]:
    records: list[list[str]] = []
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            records.append(record)
            if len(records) >= limit:
                break
    except csv.Error:
        pass
    return records


def _without_preamble(records: list[list[str]]) -> list[list[str]]:
    """The records from the header on: lines of one value before it ("Notes:" and the
    paragraph LinkedIn puts above the header of Connections.csv) are left out."""
    return records[_preamble_length(records):]


def _preamble_length(records: list[list[str]]) -> int:
    for i, record in enumerate(records):
        cells = _trimmed(record)
        if len(cells) >= 2:
            # Only a row that looks like a header ends notes above it: every column named
            # on one line. Otherwise the first line is the header, as always.
            return i if all(cell.strip() and "\n" not in cell and len(cell) <= 200 for cell in cells) else 0
    return 0  # a one-column file: its first line is the header


def _trimmed(cells: list[str]) -> list[str]:
    """The cells without empty ones at the end (some tools add a trailing delimiter)."""
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def _split(text: str, name: str, encoding: str, delimiter: str) -> Table:
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: tuple[str, ...] | None = None
    labels: tuple[str, ...] = ()
    rows: list[Row] = []
    problems: list[Problem] = []
    number = 0
    preamble = _preamble_length(_records(text, delimiter, 40)[:40])
    try:
        for record in reader:
            number += 1
            if not any(cell.strip() for cell in record):
                continue  # a blank line, or a row of empty cells: nothing to import
            if header is None and preamble and len(_trimmed(record)) < 2:
                preamble -= 1
                continue  # a note above the header
            if header is None:
                header = _header(record, name, number)
                labels = _labels(header)
                continue
            if len(rows) + len(problems) >= MAX_ROWS:
                raise CsvFileError(
                    f"{name} has more than {MAX_ROWS:,} rows of people; at most {MAX_ROWS:,} "
                    "can be imported at once. Split the file."
                )
            problem = _shape_problem(record, labels, number) or _length_problem(record, labels, number)
            if problem:
                problems.append(problem)
            else:
                cells = tuple(record) + ("",) * (len(header) - len(record))
                rows.append(Row(number, cells[: len(header)]))
    except csv.Error as error:
        raise CsvFileError(f"{name}, row {number + 1}: the CSV cannot be read ({error}).") from None
    if header is None:
        raise CsvFileError(f"{name} is empty: it has no header row and no people.")
    return Table(name, encoding, delimiter, header, tuple(rows), tuple(problems))


def _header(record: list[str], name: str, number: int) -> tuple[str, ...]:
    cells = _trimmed(record)
    if len(cells) > MAX_COLUMNS:
        raise CsvFileError(f"{name} has {len(cells)} columns; at most {MAX_COLUMNS} can be read.")
    for i, cell in enumerate(cells):
        if len(cell) > 200:
            raise CsvFileError(
                f"{name}, row {number}, column {i + 1}: a header of {len(cell):,} characters; "
                "the first row must name the columns."
            )
    return tuple(cell.strip().lstrip("\ufeff").strip() for cell in cells)


def _labels(header: tuple[str, ...]) -> tuple[str, ...]:
    return Table("", "", ",", header, ()).labels


def _shape_problem(record: list[str], labels: tuple[str, ...], number: int) -> Problem | None:
    width = len(labels)
    if len(record) > width and len(_trimmed(record)) > width:
        return Problem(
            number, f"{width + 1} (after {labels[-1]})",
            f"{len(_trimmed(record))} values where the header has {width} columns "
            "(a delimiter inside a value that is not quoted?)",
        )
    if len(record) < width:
        return Problem(
            number, labels[len(record)],
            f"missing: the row has {len(record)} values where the header has {width} columns",
        )
    return None


def _length_problem(record: list[str], labels: tuple[str, ...], number: int) -> Problem | None:
    for i, cell in enumerate(record[: len(labels)]):
        if len(cell) > MAX_CELL:
            return Problem(
                number, labels[i], f"{len(cell):,} characters; a value may hold at most {MAX_CELL:,}"
            )
    return None
