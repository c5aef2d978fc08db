"""Adjustments of time entries (SPEC §10): a time entry may adjust another one (`adjusts_id`, a
reference within the tenant), has an `adjustment_status` when it does (pending, settled,
superseded), and may be `superseded` (replaced by an adjustment, never billed). An adjustment of
time billed on a validated invoice keeps the line it corrects (`corrected_invoice_id`,
`corrected_invoice_line_id`), so that a batch settles it against that line's price and tax rate.

Hours may be 0 on an adjustment ("this time should not have been billed"); ordinary entries keep
hours > 0. A partial unique index allows one pending adjustment per entry: two requests adjusting
the same entry at once cannot both stay pending, whatever the application does. The adjustments of
an entry are found (and the foreign key checked when an entry is deleted) through a partial index
on adjusts_id, empty for ordinary entries, so that billing an entry stays a HOT update; a batch
finds a customer's adjustments waiting to be settled by work item, through a partial index that
holds only them.

Revision ID: 0014
Revises: 0013
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("time_entries", sa.Column("adjusts_id", sa.Uuid(), nullable=True))
    op.add_column("time_entries", sa.Column("adjustment_status", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    op.add_column("time_entries", sa.Column("superseded", sa.Boolean(), server_default=sa.text("false"),
                                            nullable=False))
    op.add_column("time_entries", sa.Column("corrected_invoice_id", sa.Uuid(), nullable=True))
    op.add_column("time_entries", sa.Column("corrected_invoice_line_id", sa.Uuid(), nullable=True))
    op.create_foreign_key("fk_time_entries_tenant_id_adjusts_id_time_entries", "time_entries", "time_entries",
                          ["tenant_id", "adjusts_id"], ["tenant_id", "id"], ondelete="RESTRICT")
    op.drop_constraint(op.f("ck_time_entries_hours_positive"), "time_entries", type_="check")
    op.create_check_constraint(op.f("ck_time_entries_hours_positive"), "time_entries",
                               "hours > 0 OR (adjusts_id IS NOT NULL AND hours >= 0)")
    op.create_check_constraint(op.f("ck_time_entries_adjusts_another_entry"), "time_entries", "adjusts_id <> id")
    op.create_check_constraint(
        op.f("ck_time_entries_adjustment_status"), "time_entries",
        "(adjusts_id IS NULL) = (adjustment_status IS NULL) AND "
        "adjustment_status IN ('pending', 'settled', 'superseded')")
    op.create_check_constraint(op.f("ck_time_entries_superseded_adjustment"), "time_entries",
                               "adjustment_status IS DISTINCT FROM 'superseded' OR superseded")
    op.create_check_constraint(
        op.f("ck_time_entries_corrected_line"), "time_entries",
        "(corrected_invoice_id IS NULL) = (corrected_invoice_line_id IS NULL) AND "
        "(corrected_invoice_id IS NULL OR adjusts_id IS NOT NULL)")
    op.create_index("ix_time_entries_tenant_id_adjusts_id", "time_entries", ["tenant_id", "adjusts_id"],
                    unique=False, postgresql_where=sa.text("adjusts_id IS NOT NULL"))
    op.create_index("uq_time_entries_pending_adjustment", "time_entries", ["tenant_id", "adjusts_id"],
                    unique=True, postgresql_where=sa.text("adjustment_status = 'pending'"))
    op.create_index("ix_time_entries_pending_corrections", "time_entries", ["tenant_id", "work_item_id"],
                    unique=False, postgresql_where=sa.text(
                        "adjustment_status = 'pending' AND corrected_invoice_line_id IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_time_entries_pending_corrections", table_name="time_entries")
    op.drop_index("uq_time_entries_pending_adjustment", table_name="time_entries")
    op.drop_index("ix_time_entries_tenant_id_adjusts_id", table_name="time_entries")
    op.execute("DELETE FROM time_entries WHERE adjusts_id IS NOT NULL")
    for name in ("corrected_line", "superseded_adjustment", "adjustment_status", "adjusts_another_entry",
                 "hours_positive"):
        op.drop_constraint(op.f(f"ck_time_entries_{name}"), "time_entries", type_="check")
    op.create_check_constraint(op.f("ck_time_entries_hours_positive"), "time_entries", "hours > 0")
    op.drop_constraint("fk_time_entries_tenant_id_adjusts_id_time_entries", "time_entries", type_="foreignkey")
    for column in ("corrected_invoice_line_id", "corrected_invoice_id", "superseded", "adjustment_status",
                   "adjusts_id"):
        op.drop_column("time_entries", column)
