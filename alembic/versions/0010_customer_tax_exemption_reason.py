"""Customers may carry why their invoices bear no tax (or bear it by reverse charge): printed on
their invoices and kept in each invoice's bill_to snapshot (SPEC §14). Nullable: existing customers
have none, and adding the column rewrites no row.

Revision ID: 0010
Revises: 0009
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("customers", sa.Column("tax_exemption_reason", sqlmodel.sql.sqltypes.AutoString(), nullable=True))


def downgrade() -> None:
    op.drop_column("customers", "tax_exemption_reason")
