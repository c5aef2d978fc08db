"""Invoice lines billed under contracts (SPEC §11): `hours_worked`, `contract_id`, `covered`.

Time is billed at its rounded quantity now (the contract's `time_rounding`, else the customer's):
a line keeps the hours actually worked beside it, so that what was rounded stays visible. Lines
written before were never rounded, so their hours worked are their quantity; the column is then
NOT NULL, with no default: every writer says what was worked. A line names the contract its time
was billed under (a reference within the tenant, RESTRICT: a contract that billed time is not
deleted, answering 409 as for work items), found through a partial index of the lines that have
one; `covered` marks lines covered by prepaid blocks or a retainer (false until those are billed).

Revision ID: 0016
Revises: 0015
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("invoice_lines", sa.Column("hours_worked", sa.Numeric(6, 2), nullable=True))
    op.execute("UPDATE invoice_lines SET hours_worked = quantity")
    op.alter_column("invoice_lines", "hours_worked", nullable=False)
    op.add_column("invoice_lines", sa.Column("contract_id", sa.Uuid(), nullable=True))
    op.add_column("invoice_lines", sa.Column("covered", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_foreign_key(op.f("fk_invoice_lines_tenant_id_contract_id_contracts"), "invoice_lines", "contracts",
                          ["tenant_id", "contract_id"], ["tenant_id", "id"], ondelete="RESTRICT")
    op.create_index("ix_invoice_lines_tenant_id_contract_id", "invoice_lines", ["tenant_id", "contract_id"],
                    postgresql_where=sa.text("contract_id IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_invoice_lines_tenant_id_contract_id", table_name="invoice_lines",
                  postgresql_where=sa.text("contract_id IS NOT NULL"))
    op.drop_constraint(op.f("fk_invoice_lines_tenant_id_contract_id_contracts"), "invoice_lines", type_="foreignkey")
    op.drop_column("invoice_lines", "covered")
    op.drop_column("invoice_lines", "contract_id")
    op.drop_column("invoice_lines", "hours_worked")
