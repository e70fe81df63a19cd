"""What a .dmu file holds, in plain Python: no SQLAlchemy, so that opening a board
(checking the file and reading its rows with the standard ``sqlite3`` module) does not
pay for importing it. SQLAlchemy is imported when the first change is written.

:mod:`dmuboard.store.schema` declares the same tables as SQLAlchemy mappings for
writing and for the migrations; a test checks that the two agree.
"""

from __future__ import annotations

APPLICATION_ID = 0x444D5542  # "DMUB"
SCHEMA_VERSION = 4
# Every object the program creates; anything else in a file is refused on opening.
KNOWN_TABLES = frozenset({"boards", "people", "links", "views", "history", "alembic_version"})

# The columns of each table of the newest schema, in the order they are declared.
COLUMNS: dict[str, tuple[str, ...]] = {
    "boards": ("id", "title", "customer", "our_company", "deal_value", "currency", "purchase_type",
               "required_roles", "notes", "stale_days", "outcome", "outcome_date", "outcome_reason", "profile"),
    "people": ("board_id", "id", "position", "side", "name", "title", "department", "organisation", "roles",
               "stance", "influence", "interests", "notes", "x", "y", "pinned"),
    "links": ("board_id", "id", "position", "source", "target", "kind", "strength", "note", "last_contact"),
    "views": ("board_id", "position", "name", "rect", "layers"),
    "history": ("seq", "board_id", "at", "by", "mark", "data"),
}
