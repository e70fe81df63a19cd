"""History: every recorded change and review mark; a relationship's last contact; a
board's days before a relationship counts as stale.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "history",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("board_id", sa.Integer, sa.ForeignKey("boards.id"), nullable=False),
        sa.Column("at", sa.Integer, nullable=False),
        sa.Column("by", sa.Text, nullable=False),
        sa.Column("mark", sa.Text, nullable=True),
        sa.Column("data", sa.Text, nullable=True),
    )
    with op.batch_alter_table("links") as batch:
        batch.add_column(sa.Column("last_contact", sa.String(10), nullable=True))
    with op.batch_alter_table("boards") as batch:
        batch.add_column(sa.Column("stale_days", sa.Integer, nullable=False, server_default="90"))
    op.execute("PRAGMA user_version = 3")


def downgrade() -> None:
    with op.batch_alter_table("boards") as batch:
        batch.drop_column("stale_days")
    with op.batch_alter_table("links") as batch:
        batch.drop_column("last_contact")
    op.drop_table("history")
    op.execute("PRAGMA user_version = 2")
