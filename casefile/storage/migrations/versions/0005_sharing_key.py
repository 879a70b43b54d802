"""The reporter's own age key pair for receiving exports, kept inside the (encrypted) case.

Revision ID: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "case_info",
        sa.Column("sharing_identity", sa.Text, nullable=False, server_default=""),
    )
    op.execute("PRAGMA user_version = 5")
