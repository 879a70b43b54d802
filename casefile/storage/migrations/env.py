"""Alembic environment: always runs on a connection handed over by casefile.storage.migrate."""

from alembic import context

from casefile.storage.records import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
