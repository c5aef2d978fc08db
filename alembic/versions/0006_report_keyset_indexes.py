"""Indexes that let the batch report page through each selection in its order (SPEC §8): a batch's
invoices by id, its unbilled times by customer, its customers by outcome and position.

ix_invoices_batch_id gives way to (batch_id, id), which serves every lookup by batch too.

Revision ID: 0006
Revises: 0005
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_invoices_batch_id_id", "invoices", ["batch_id", "id"], unique=False)
    op.drop_index("ix_invoices_batch_id", table_name="invoices")
    op.create_index("ix_invoice_batch_unbilled_customer", "invoice_batch_unbilled",
                    ["batch_id", "customer_id", "time_entry_id"], unique=False)
    op.create_index("ix_invoice_batch_customers_outcome", "invoice_batch_customers",
                    ["batch_id", "outcome", "position"], unique=False, postgresql_where="outcome IS NOT NULL")


def downgrade() -> None:
    op.drop_index("ix_invoice_batch_customers_outcome", table_name="invoice_batch_customers")
    op.drop_index("ix_invoice_batch_unbilled_customer", table_name="invoice_batch_unbilled")
    op.create_index("ix_invoices_batch_id", "invoices", ["batch_id"], unique=False)
    op.drop_index("ix_invoices_batch_id_id", table_name="invoices")
