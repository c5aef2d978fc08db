"""Billing cycles, the batch's cut-off date, late time and exclusions (SPEC §9).

- customers.billing_cycle: the customer's cycle as JSON, `{"kind": "monthly"}` unless told
  otherwise; a constant default, so adding the column rewrites no row.
- invoice_batches: `cutoff_date` (each customer's period then comes from its cycle), so the period
  becomes optional (exactly one of the two, checked by the API and here); `include_late_time`;
  `exclude_customer_ids`.
- invoice_batch_customers.outcome `excluded`: the selection's targets that the batch leaves out,
  fixed when it starts like the others, so that the report lists them.
- invoice_lines.late: the line was made from time dated before its invoice's period.

Revision ID: 0012
Revises: 0011
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CYCLE_KINDS = "billing_cycle ->> 'kind' IN ('monthly', 'weekly', 'fortnightly', 'custom', 'none')"
PERIOD_OR_CUTOFF = ("(cutoff_date IS NULL) = (period_start IS NOT NULL) AND "
                    "(cutoff_date IS NULL) = (period_end IS NOT NULL)")


def upgrade() -> None:
    op.add_column("customers", sa.Column("billing_cycle", postgresql.JSONB(astext_type=sa.Text()), nullable=False,
                                         server_default=sa.text("""'{"kind": "monthly"}'::jsonb""")))
    op.create_check_constraint("billing_cycle", "customers", CYCLE_KINDS)

    op.add_column("invoice_batches", sa.Column("cutoff_date", sa.Date(), nullable=True))
    op.add_column("invoice_batches", sa.Column("include_late_time", sa.Boolean(), nullable=False,
                                               server_default=sa.false()))
    op.add_column("invoice_batches", sa.Column("exclude_customer_ids", postgresql.ARRAY(sa.Uuid()), nullable=False,
                                               server_default=sa.text("'{}'")))
    op.alter_column("invoice_batches", "period_start", existing_type=sa.Date(), nullable=True)
    op.alter_column("invoice_batches", "period_end", existing_type=sa.Date(), nullable=True)
    op.create_check_constraint("period_or_cutoff", "invoice_batches", PERIOD_OR_CUTOFF)

    op.drop_constraint("outcome", "invoice_batch_customers", type_="check")
    op.create_check_constraint("outcome", "invoice_batch_customers",
                               "outcome IN ('invoiced', 'no_times', 'failed', 'excluded')")

    op.add_column("invoice_lines", sa.Column("late", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("invoice_lines", "late")
    op.execute("DELETE FROM invoice_batch_customers WHERE outcome = 'excluded'")
    op.drop_constraint("outcome", "invoice_batch_customers", type_="check")
    op.create_check_constraint("outcome", "invoice_batch_customers", "outcome IN ('invoiced', 'no_times', 'failed')")
    op.drop_constraint("period_or_cutoff", "invoice_batches", type_="check")
    # Batches made with a cut-off date have no period to keep: they go (their invoices stay).
    op.execute("DELETE FROM invoice_batches WHERE cutoff_date IS NOT NULL")
    op.alter_column("invoice_batches", "period_end", existing_type=sa.Date(), nullable=False)
    op.alter_column("invoice_batches", "period_start", existing_type=sa.Date(), nullable=False)
    op.drop_column("invoice_batches", "exclude_customer_ids")
    op.drop_column("invoice_batches", "include_late_time")
    op.drop_column("invoice_batches", "cutoff_date")
    op.drop_constraint("billing_cycle", "customers", type_="check")
    op.drop_column("customers", "billing_cycle")
