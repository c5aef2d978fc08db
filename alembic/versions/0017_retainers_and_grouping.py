"""Retainers, one invoice per contract, grouped lines (SPEC §11).

- `retainer_cycles`: each customer cycle whose retainer was billed, unique per contract and start
  (never billed twice), with the included hours its time covered, CHECKed within what it includes.
- `invoice_batches.invoice_per` (`customer` | `contract`) and `line_grouping` (`entry` |
  `work_item` | `product`), with the defaults every existing batch had.
- `invoice_lines.time_entry_ids`: the entries of a grouped line (or the entry whose overage part a
  line bills), and what it bills of each (`time_entry_quantities`: a correction of one entry is
  settled against that entry's hours, not the line's); NULL on the usual line, whose one entry is
  `time_entry_id`. A GIN index finds the lines billing an entry.
- `invoices.contract_id`: with invoice_per contract, the contract an invoice is for; a batch's
  unique key per customer and type now includes it (a missing contract counts as one key: still
  one consolidated invoice, one credit note; a NULL batch, a credit made by hand, stays distinct).

Revision ID: 0017
Revises: 0016
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "retainer_cycles",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("included_hours", sa.Numeric(12, 2), nullable=False),
        sa.Column("hours_covered", sa.Numeric(12, 2), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("period_end >= period_start", name=op.f("ck_retainer_cycles_ends_after_start")),
        sa.CheckConstraint("0 <= hours_covered AND hours_covered <= included_hours",
                           name=op.f("ck_retainer_cycles_hours_within_included")),
        sa.ForeignKeyConstraint(["tenant_id", "contract_id"], ["contracts.tenant_id", "contracts.id"],
                                name=op.f("fk_retainer_cycles_tenant_id_contract_id_contracts"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tenant_id", "invoice_id"], ["invoices.tenant_id", "invoices.id"],
                                name=op.f("fk_retainer_cycles_tenant_id_invoice_id_invoices"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_retainer_cycles_tenant_id_tenants"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retainer_cycles")),
        sa.UniqueConstraint("tenant_id", "contract_id", "period_start",
                            name=op.f("uq_retainer_cycles_tenant_id_contract_id_period_start")),
    )
    op.create_index("ix_retainer_cycles_tenant_id_invoice_id", "retainer_cycles", ["tenant_id", "invoice_id"])
    op.add_column("invoice_batches", sa.Column("invoice_per", sa.String(), server_default="customer", nullable=False))
    op.add_column("invoice_batches", sa.Column("line_grouping", sa.String(), server_default="entry", nullable=False))
    op.create_check_constraint(op.f("ck_invoice_batches_invoice_per"), "invoice_batches",
                               "invoice_per IN ('customer', 'contract')")
    op.create_check_constraint(op.f("ck_invoice_batches_line_grouping"), "invoice_batches",
                               "line_grouping IN ('entry', 'work_item', 'product')")
    op.add_column("invoice_lines", sa.Column("time_entry_ids", sa.ARRAY(sa.Uuid()), nullable=True))
    op.add_column("invoice_lines", sa.Column("time_entry_quantities", sa.ARRAY(sa.Numeric(6, 2)), nullable=True))
    op.create_index("ix_invoice_lines_time_entry_ids", "invoice_lines", ["time_entry_ids"], postgresql_using="gin",
                    postgresql_where=sa.text("time_entry_ids IS NOT NULL"))
    op.add_column("invoices", sa.Column("contract_id", sa.Uuid(), nullable=True))
    op.create_foreign_key(op.f("fk_invoices_tenant_id_contract_id_contracts"), "invoices", "contracts",
                          ["tenant_id", "contract_id"], ["tenant_id", "id"], ondelete="RESTRICT")
    op.create_index("ix_invoices_tenant_id_contract_id", "invoices", ["tenant_id", "contract_id"],
                    postgresql_where=sa.text("contract_id IS NOT NULL"))
    op.drop_constraint(op.f("uq_invoices_batch_id_customer_id_type"), "invoices", type_="unique")
    op.create_index("uq_invoices_batch_id_customer_id_type_contract_id", "invoices",
                    ["batch_id", "customer_id", "type",
                     sa.text("coalesce(contract_id, '00000000-0000-0000-0000-000000000000'::uuid)")], unique=True)


def downgrade() -> None:
    op.drop_index("uq_invoices_batch_id_customer_id_type_contract_id", table_name="invoices")
    op.create_unique_constraint(op.f("uq_invoices_batch_id_customer_id_type"), "invoices",
                                ["batch_id", "customer_id", "type"])
    op.drop_index("ix_invoices_tenant_id_contract_id", table_name="invoices",
                  postgresql_where=sa.text("contract_id IS NOT NULL"))
    op.drop_constraint(op.f("fk_invoices_tenant_id_contract_id_contracts"), "invoices", type_="foreignkey")
    op.drop_column("invoices", "contract_id")
    op.drop_index("ix_invoice_lines_time_entry_ids", table_name="invoice_lines", postgresql_using="gin",
                  postgresql_where=sa.text("time_entry_ids IS NOT NULL"))
    op.drop_column("invoice_lines", "time_entry_quantities")
    op.drop_column("invoice_lines", "time_entry_ids")
    op.drop_constraint(op.f("ck_invoice_batches_line_grouping"), "invoice_batches", type_="check")
    op.drop_constraint(op.f("ck_invoice_batches_invoice_per"), "invoice_batches", type_="check")
    op.drop_column("invoice_batches", "line_grouping")
    op.drop_column("invoice_batches", "invoice_per")
    op.drop_index("ix_retainer_cycles_tenant_id_invoice_id", table_name="retainer_cycles")
    op.drop_table("retainer_cycles")
