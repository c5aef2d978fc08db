"""Indexes that list invoice batches and invoices in creation order, newest first by default
(SPEC §14), by (created_at, id) read backwards or forwards: a tenant's batches, a tenant's
invoices, a batch's and a customer's. Every equality of each list's query leads its index, so that
the plan needs no statistics (freshly written rows have none until someone runs ANALYZE).

ix_invoices_tenant_id_customer_id gives way to (tenant_id, customer_id, created_at, id), which
serves the customer's foreign key too.

Revision ID: 0011
Revises: 0010
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_invoice_batches_tenant_id_created_at_id", "invoice_batches",
                    ["tenant_id", "created_at", "id"], unique=False)
    op.create_index("ix_invoices_tenant_id_created_at_id", "invoices", ["tenant_id", "created_at", "id"], unique=False)
    op.create_index("ix_invoices_tenant_id_batch_id_created_at_id", "invoices",
                    ["tenant_id", "batch_id", "created_at", "id"], unique=False)
    op.create_index("ix_invoices_tenant_id_customer_id_created_at_id", "invoices",
                    ["tenant_id", "customer_id", "created_at", "id"], unique=False)
    op.drop_index("ix_invoices_tenant_id_customer_id", table_name="invoices")


def downgrade() -> None:
    op.create_index("ix_invoices_tenant_id_customer_id", "invoices", ["tenant_id", "customer_id"], unique=False)
    op.drop_index("ix_invoices_tenant_id_customer_id_created_at_id", table_name="invoices")
    op.drop_index("ix_invoices_tenant_id_batch_id_created_at_id", table_name="invoices")
    op.drop_index("ix_invoices_tenant_id_created_at_id", table_name="invoices")
    op.drop_index("ix_invoice_batches_tenant_id_created_at_id", table_name="invoice_batches")
