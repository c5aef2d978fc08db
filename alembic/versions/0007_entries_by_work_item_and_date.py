"""A work item's time entries by date: (tenant_id, work_item_id, started_at) replaces
(tenant_id, work_item_id). The batch reads each customer's entries of the period through it; with
the date in the key, it is the best index for that read whatever the planner's statistics say (on
freshly pushed, never analysed rows the planner used to pick (tenant_id, started_at) and read every
entry of the tenant in the period for each customer).

Revision ID: 0007
Revises: 0006
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_time_entries_tenant_id_work_item_id_started_at", "time_entries",
                    ["tenant_id", "work_item_id", "started_at"], unique=False)
    op.drop_index("ix_time_entries_tenant_id_work_item_id", table_name="time_entries")


def downgrade() -> None:
    op.create_index("ix_time_entries_tenant_id_work_item_id", "time_entries", ["tenant_id", "work_item_id"],
                    unique=False)
    op.drop_index("ix_time_entries_tenant_id_work_item_id_started_at", table_name="time_entries")
