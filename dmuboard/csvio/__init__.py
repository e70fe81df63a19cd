"""People in and out of a board as data: CSV import with column mapping; CSV, GraphML and JSON export.

Pure Python, no Qt: the command line and the GUI's import wizard both use it.
:func:`read_table` parses a file, :func:`guess_mapping` proposes which column holds
what, :func:`plan_import` works out the one change that adds the new people, and
:mod:`dmuboard.csvio.export` writes data back out.
"""

from dmuboard.csvio.fields import FIELDS, IGNORE, MappingError, guess_mapping, with_overrides
from dmuboard.csvio.importing import ImportPlan, plan_import
from dmuboard.csvio.reading import CsvFileError, Problem, Table, parse_table, read_table

__all__ = [
    "FIELDS",
    "IGNORE",
    "CsvFileError",
    "ImportPlan",
    "MappingError",
    "Problem",
    "Table",
    "guess_mapping",
    "parse_table",
    "plan_import",
    "read_table",
    "with_overrides",
]
