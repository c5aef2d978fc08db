"""Payments and exports (SPEC §12).

- `payments`: payments and refunds (negative amounts) of an invoice, in the order recorded.
- `invoices.amount_paid` (net of refunds) and `amount_refunded`, moved under the invoice's row lock
  when a payment is recorded; `amount_due` and `payment_status` are GENERATED from them, so they can
  never disagree with the sums; CHECKs keep the sums within what is possible.
- `invoices.exported_at`: the first export that carried the invoice.
- `exports` and `export_chunks`: an export's request and content, its file in ordered chunks.
- `tenant_settings.accounting`: account code and tax types written into Xero and QuickBooks files.

Revision ID: 0018
Revises: 0017
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# As app/models/invoice.py says them today; a migration keeps its own copy.
AMOUNT_DUE_SQL = "total - credited_amount - amount_paid"
PAYMENT_STATUS_SQL = ("CASE WHEN amount_paid = 0 AND amount_refunded > 0 THEN 'refunded' "
                      "WHEN amount_paid > 0 AND total - credited_amount - amount_paid <= 0 THEN 'paid' "
                      "WHEN amount_paid > 0 THEN 'partially_paid' ELSE 'unpaid' END")

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("invoices", sa.Column("amount_paid", sa.Numeric(18, 4), server_default="0", nullable=False))
    op.add_column("invoices", sa.Column("amount_refunded", sa.Numeric(18, 4), server_default="0", nullable=False))
    op.add_column("invoices", sa.Column("amount_due", sa.Numeric(18, 4),
                                        sa.Computed(AMOUNT_DUE_SQL, persisted=True), nullable=False))
    op.add_column("invoices", sa.Column("payment_status", sa.String(),
                                        sa.Computed(PAYMENT_STATUS_SQL, persisted=True), nullable=False))
    op.add_column("invoices", sa.Column("exported_at", sa.DateTime(timezone=True), nullable=True))
    op.create_check_constraint(op.f("ck_invoices_payments_not_negative"), "invoices",
                               "amount_paid >= 0 AND amount_refunded >= 0")
    op.create_check_constraint(op.f("ck_invoices_paid_is_invoice"), "invoices",
                               "type = 'invoice' OR (amount_paid = 0 AND amount_refunded = 0)")
    op.add_column("tenant_settings", sa.Column("accounting", sa.dialects.postgresql.JSONB(),
                                               server_default=sa.text("'{}'::jsonb"), nullable=False))

    op.create_table(
        "payments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=False),
        sa.Column("amount", sa.Numeric(18, 4), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("reference", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("amount <> 0", name=op.f("ck_payments_amount_not_zero")),
        sa.CheckConstraint("method IN ('bank_transfer', 'card', 'direct_debit', 'cheque', 'cash', 'other')",
                           name=op.f("ck_payments_method")),
        sa.ForeignKeyConstraint(["tenant_id", "invoice_id"], ["invoices.tenant_id", "invoices.id"],
                                name=op.f("fk_payments_tenant_id_invoice_id_invoices"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_payments_tenant_id_tenants"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
    )
    op.create_index("ix_payments_tenant_id_invoice_id_created_at_id", "payments",
                    ["tenant_id", "invoice_id", "created_at", "id"])

    op.create_table(
        "exports",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("batch_id", sa.Uuid(), nullable=True),
        sa.Column("requested_invoice_ids", sa.ARRAY(sa.Uuid()), nullable=True),
        sa.Column("issued_from", sa.Date(), nullable=True),
        sa.Column("issued_to", sa.Date(), nullable=True),
        sa.Column("invoice_ids", sa.ARRAY(sa.Uuid()), nullable=False),
        sa.Column("invoice_count", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.dialects.postgresql.JSONB(), nullable=False),
        sa.Column("line_count", sa.Integer(), nullable=True),
        sa.Column("error", sa.String(), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("format IN ('csv', 'xero', 'quickbooks')", name=op.f("ck_exports_format")),
        sa.CheckConstraint("status IN ('pending', 'ready', 'failed')", name=op.f("ck_exports_status")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_exports_tenant_id_tenants"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exports")),
        sa.UniqueConstraint("tenant_id", "id", name=op.f("uq_exports_tenant_id_id")),
    )
    op.create_index("ix_exports_tenant_id_created_at_id", "exports", ["tenant_id", "created_at", "id"])
    op.create_index("ix_exports_requested_at", "exports", ["requested_at"],
                    postgresql_where=sa.text("status = 'pending'"))
    op.create_table(
        "export_chunks",
        sa.Column("export_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["export_id"], ["exports.id"], name=op.f("fk_export_chunks_export_id_exports"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("export_id", "seq", name=op.f("pk_export_chunks")),
    )


def downgrade() -> None:
    op.drop_table("export_chunks")
    op.drop_index("ix_exports_requested_at", table_name="exports", postgresql_where=sa.text("status = 'pending'"))
    op.drop_index("ix_exports_tenant_id_created_at_id", table_name="exports")
    op.drop_table("exports")
    op.drop_index("ix_payments_tenant_id_invoice_id_created_at_id", table_name="payments")
    op.drop_table("payments")
    op.drop_column("tenant_settings", "accounting")
    op.drop_constraint(op.f("ck_invoices_paid_is_invoice"), "invoices", type_="check")
    op.drop_constraint(op.f("ck_invoices_payments_not_negative"), "invoices", type_="check")
    op.drop_column("invoices", "exported_at")
    op.drop_column("invoices", "payment_status")
    op.drop_column("invoices", "amount_due")
    op.drop_column("invoices", "amount_refunded")
    op.drop_column("invoices", "amount_paid")
