"""The tables of a .dmu file, as SQLAlchemy 2 typed mappings.

Every table is keyed by board, so one database could hold several boards; a .dmu
file holds exactly one. Lists (roles, required roles, view layers and rectangles)
are stored as JSON text. ``position`` keeps people and links in the order of the
document. The schema itself is created and changed only by the Alembic migrations
in ``migrations/``; these classes must match the newest of them (a test compares).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Float, ForeignKey, ForeignKeyConstraint, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# The same constants as before, kept in a module without SQLAlchemy (see tables.py).
from dmuboard.store.tables import APPLICATION_ID as APPLICATION_ID
from dmuboard.store.tables import KNOWN_TABLES as KNOWN_TABLES
from dmuboard.store.tables import SCHEMA_VERSION as SCHEMA_VERSION


class Base(DeclarativeBase):
    pass


class BoardRow(Base):
    __tablename__ = "boards"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    customer: Mapped[str] = mapped_column(Text, default="")
    our_company: Mapped[str] = mapped_column(Text, default="")
    deal_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    purchase_type: Mapped[str] = mapped_column(String(32), default="new_buy")
    required_roles: Mapped[str] = mapped_column(Text, default="[]")
    notes: Mapped[str] = mapped_column(Text, default="")
    stale_days: Mapped[int] = mapped_column(Integer, default=90, server_default="90")
    outcome: Mapped[str] = mapped_column(String(16), default="open")
    outcome_date: Mapped[str] = mapped_column(String(10), default="")
    outcome_reason: Mapped[str] = mapped_column(Text, default="")
    profile: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON {"add", "omit"}, or NULL


class PersonRow(Base):
    __tablename__ = "people"

    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id"), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    side: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    department: Mapped[str] = mapped_column(Text, default="")
    organisation: Mapped[str] = mapped_column(Text, default="")
    roles: Mapped[str] = mapped_column(Text, default="[]")
    stance: Mapped[str] = mapped_column(String(16), default="unknown")
    influence: Mapped[int] = mapped_column(Integer, default=3)
    interests: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    x: Mapped[float | None] = mapped_column(Float, nullable=True)
    y: Mapped[float | None] = mapped_column(Float, nullable=True)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class LinkRow(Base):
    __tablename__ = "links"
    __table_args__ = (
        ForeignKeyConstraint(["board_id", "source"], ["people.board_id", "people.id"]),
        ForeignKeyConstraint(["board_id", "target"], ["people.board_id", "people.id"]),
    )

    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id"), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    strength: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    last_contact: Mapped[str | None] = mapped_column(String(10), nullable=True)


class ViewRow(Base):
    __tablename__ = "views"

    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    rect: Mapped[str] = mapped_column(Text)
    layers: Mapped[str] = mapped_column(Text)


class HistoryRow(Base):
    """One recorded step or review mark (``data``: the step as compact JSON, NULL for a mark)."""

    __tablename__ = "history"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id"))
    at: Mapped[int] = mapped_column(Integer)  # seconds since 1970, UTC
    by: Mapped[str] = mapped_column(Text)
    mark: Mapped[str | None] = mapped_column(Text, nullable=True)
    data: Mapped[str | None] = mapped_column(Text, nullable=True)
