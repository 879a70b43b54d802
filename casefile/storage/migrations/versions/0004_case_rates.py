"""Exchange rates set on the case, so claims in different currencies can be compared.

Stored as JSON {"EUR": "1.08", …}: 1 unit of the code is worth `rate` of `base_currency`.
No rate, no comparison: Casefile never converts currencies on its own.

Revision ID: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "case_info",
        sa.Column("currency_rates", sa.Text, nullable=False, server_default="{}"),
    )
    op.add_column(
        "case_info",
        sa.Column("base_currency", sa.String(3), nullable=False, server_default="USD"),
    )
    op.execute("PRAGMA user_version = 4")
