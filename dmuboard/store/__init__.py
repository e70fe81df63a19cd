"""Boards kept in .dmu files: SQLite through SQLAlchemy, no Qt."""

from dmuboard.store.boardfile import BoardFile, write_new
from dmuboard.store.tables import APPLICATION_ID, SCHEMA_VERSION

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "BoardFile", "write_new"]
