"""People can be pinned: Auto-Layout leaves a pinned person where they are.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("pinned", sa.Boolean, nullable=False, server_default="0"))
    op.execute("PRAGMA user_version = 2")


def downgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.drop_column("pinned")
    op.execute("PRAGMA user_version = 1")
