"""The first schema: boards, people, links and saved views.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "boards",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("customer", sa.Text, nullable=False),
        sa.Column("our_company", sa.Text, nullable=False),
        sa.Column("deal_value", sa.Float, nullable=True),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("purchase_type", sa.String(32), nullable=False),
        sa.Column("required_roles", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
    )
    op.create_table(
        "people",
        sa.Column("board_id", sa.Integer, sa.ForeignKey("boards.id"), primary_key=True),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("side", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("department", sa.Text, nullable=False),
        sa.Column("organisation", sa.Text, nullable=False),
        sa.Column("roles", sa.Text, nullable=False),
        sa.Column("stance", sa.String(16), nullable=False),
        sa.Column("influence", sa.Integer, nullable=False),
        sa.Column("interests", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("x", sa.Float, nullable=True),
        sa.Column("y", sa.Float, nullable=True),
    )
    op.create_table(
        "links",
        sa.Column("board_id", sa.Integer, sa.ForeignKey("boards.id"), primary_key=True),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("target", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("strength", sa.Integer, nullable=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["board_id", "source"], ["people.board_id", "people.id"]),
        sa.ForeignKeyConstraint(["board_id", "target"], ["people.board_id", "people.id"]),
    )
    op.create_table(
        "views",
        sa.Column("board_id", sa.Integer, sa.ForeignKey("boards.id"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("rect", sa.Text, nullable=False),
        sa.Column("layers", sa.Text, nullable=False),
    )
    op.execute("PRAGMA user_version = 1")


def downgrade() -> None:
    for table in ("views", "links", "people", "boards"):
        op.drop_table(table)
    op.execute("PRAGMA user_version = 0")
