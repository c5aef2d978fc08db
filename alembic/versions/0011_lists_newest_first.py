"""Indexes that list invoice batches and invoices in creation order, newest first by default
(SPEC §14): a tenant's, and a batch's invoices, by (created_at, id), read backwards or forwards.

Revision ID: 0011
Revises: 0009
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_invoice_batches_tenant_id_created_at_id", "invoice_batches",
                    ["tenant_id", "created_at", "id"], unique=False)
    op.create_index("ix_invoices_tenant_id_created_at_id", "invoices", ["tenant_id", "created_at", "id"], unique=False)
    op.create_index("ix_invoices_batch_id_created_at_id", "invoices", ["batch_id", "created_at", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_invoices_batch_id_created_at_id", table_name="invoices")
    op.drop_index("ix_invoices_tenant_id_created_at_id", table_name="invoices")
    op.drop_index("ix_invoice_batches_tenant_id_created_at_id", table_name="invoice_batches")
