"""E-invoicing, identifiers and French mentions (SPEC §12).

- `tenant_settings`: the seller's `vat_number`, `company_id`, `company_id_scheme` (ISO 6523),
  `registration`, `legal_form_and_capital`, the `language` of printed labels (`en` | `fr`) and the
  `einvoice_format` emailed (`pdf` | `facturx`), with the defaults every tenant had.
- `customers`: the buyer's `vat_number` and `company_id` (copied into each new invoice's bill_to).

Revision ID: 0019
Revises: 0018
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
# The payments migration (0018) is written in parallel: the merge rechains this one after it.
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for column in ("vat_number", "company_id", "company_id_scheme", "registration", "legal_form_and_capital"):
        op.add_column("tenant_settings", sa.Column(column, sa.String(), nullable=True))
    op.add_column("tenant_settings", sa.Column("language", sa.String(), server_default="en", nullable=False))
    op.add_column("tenant_settings", sa.Column("einvoice_format", sa.String(), server_default="pdf", nullable=False))
    op.create_check_constraint(op.f("ck_tenant_settings_language"), "tenant_settings", "language IN ('en', 'fr')")
    op.create_check_constraint(op.f("ck_tenant_settings_einvoice_format"), "tenant_settings",
                               "einvoice_format IN ('pdf', 'facturx')")
    op.add_column("customers", sa.Column("vat_number", sa.String(), nullable=True))
    op.add_column("customers", sa.Column("company_id", sa.String(), nullable=True))


def downgrade() -> None:
    op.drop_column("customers", "company_id")
    op.drop_column("customers", "vat_number")
    op.drop_constraint(op.f("ck_tenant_settings_einvoice_format"), "tenant_settings", type_="check")
    op.drop_constraint(op.f("ck_tenant_settings_language"), "tenant_settings", type_="check")
    for column in ("einvoice_format", "language", "legal_form_and_capital", "registration", "company_id_scheme",
                   "company_id", "vat_number"):
        op.drop_column("tenant_settings", column)
