"""The outcome of the deal (open, won, lost, no decision; date and reason) and the
board's changes to the library's DMU profile.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("boards") as batch:
        batch.add_column(sa.Column("outcome", sa.String(16), nullable=False, server_default="open"))
        batch.add_column(sa.Column("outcome_date", sa.String(10), nullable=False, server_default=""))
        batch.add_column(sa.Column("outcome_reason", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("profile", sa.Text, nullable=True))
    op.execute("PRAGMA user_version = 4")


def downgrade() -> None:
    with op.batch_alter_table("boards") as batch:
        for column in ("profile", "outcome_reason", "outcome_date", "outcome"):
            batch.drop_column(column)
    op.execute("PRAGMA user_version = 3")
