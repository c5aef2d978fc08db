"""Billing a time entry becomes a HOT update: no index nor foreign key on its link columns.

The link's guarantee is invoice_lines.time_entry_id (unique, referencing time_entries); the
entry's invoice_id / invoice_line_id mirror it and are cleared when a draft is deleted.

Revision ID: 0003
Revises: 0002
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_constraint("fk_time_entries_invoice_id_invoices", "time_entries", type_="foreignkey")
    op.drop_constraint("fk_time_entries_invoice_line_id_invoice_lines", "time_entries", type_="foreignkey")
    op.drop_index("ix_time_entries_invoice_id", table_name="time_entries")
    op.execute("ALTER TABLE time_entries SET (fillfactor = 80)")


def downgrade() -> None:
    op.execute("ALTER TABLE time_entries RESET (fillfactor)")
    op.create_index("ix_time_entries_invoice_id", "time_entries", ["invoice_id"], unique=False)
    op.create_foreign_key("fk_time_entries_invoice_line_id_invoice_lines", "time_entries", "invoice_lines",
                          ["invoice_line_id"], ["id"], ondelete="SET NULL")
    op.create_foreign_key("fk_time_entries_invoice_id_invoices", "time_entries", "invoices",
                          ["invoice_id"], ["id"], ondelete="SET NULL")
