"""Alembic environment for .dmu files.

The program runs migrations itself (dmuboard.store.migrate) on a connection it has
already opened and checked; batch mode because SQLite cannot ALTER most things.
"""

from alembic import context

from dmuboard.store.schema import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
