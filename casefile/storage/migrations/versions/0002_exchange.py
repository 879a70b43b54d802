"""Exchange: the table that links records to the export ids they were sent or received under,
and `sources.name_withheld` for sources that arrived from a redacted export without a real name.

Plain `add_column` (not batch mode): batch mode recreates `sources` and would drop the search
triggers that migration 0001 put on it.

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "sources",
        sa.Column("name_withheld", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "exchange_ids",
        sa.Column("export_id", sa.String(36), nullable=False),
        sa.Column("record_kind", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("direction", sa.String(16), nullable=False),
        sa.Column("export_nonce", sa.String(64), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("fingerprint", sa.Text, nullable=False),
        sa.CheckConstraint("direction IN ('sent', 'received')", name="ck_exchange_ids_direction"),
        sa.PrimaryKeyConstraint("export_id", name="pk_exchange_ids"),
    )
    op.create_index(
        "ix_exchange_ids_record_kind_record_id", "exchange_ids", ["record_kind", "record_id"]
    )
    # A deleted source takes its exchange history along: the fingerprints of its fields are
    # keyed hashes of identifying values, and nothing of a deleted protected source may stay.
    op.execute(
        "CREATE TRIGGER sources_exchange_ids_delete AFTER DELETE ON sources BEGIN "
        "DELETE FROM exchange_ids WHERE record_kind = 'source' AND record_id = old.id; END"
    )
    op.execute("PRAGMA user_version = 2")
