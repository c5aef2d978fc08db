"""Contracts (SPEC §11): hourly, prepaid blocks of hours, retainers; time rounding.

- contracts: one company's terms of billing (the API refuses a contact's). The kind never changes
  once set; the retainer's amount and included hours exist on retainers only, the overage price on
  block_hours only, checked here as well as by the API. The row keeps its blocks' balance,
  `hours_purchased` and `hours_used`, under CHECKs `0 <= hours_used <= hours_purchased`: whatever
  consumes hours (a batch, two batches at once) can never go below zero or past what was bought.
- contract_blocks: the prepaid blocks, each invoiced once (`invoice_id`).
- work_items.contract_id and customers.default_contract_id: references within the tenant,
  RESTRICT (deleting a contract still in use answers 409). Customers and contracts point to each
  other, so the customers' key is added once both tables exist.
- customers.time_rounding and contracts.time_rounding: JSON, null for no rounding.

Lists of contracts are newest first, by (created_at, id), a tenant's and a customer's, each from an
index led by its equalities (no statistics needed). The references are found through partial
indexes that hold only the rows that have one.

Revision ID: 0015
Revises: 0014
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contracts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("external_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("taxable", sa.Boolean(), nullable=False),
        sa.Column("time_rounding", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("overage_unit_price", sa.Numeric(18, 4), nullable=True),
        sa.Column("retainer_amount", sa.Numeric(18, 2), nullable=True),
        sa.Column("included_hours", sa.Numeric(12, 2), nullable=True),
        sa.Column("hours_purchased", sa.Numeric(12, 2), server_default=sa.text("0"), nullable=False),
        sa.Column("hours_used", sa.Numeric(12, 2), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("kind IN ('hourly', 'block_hours', 'retainer')", name=op.f("ck_contracts_kind")),
        sa.CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name=op.f("ck_contracts_ends_after_start")),
        sa.CheckConstraint("(kind = 'retainer') = (retainer_amount IS NOT NULL) AND "
                           "(kind = 'retainer') = (included_hours IS NOT NULL)",
                           name=op.f("ck_contracts_retainer_terms")),
        sa.CheckConstraint("overage_unit_price IS NULL OR kind = 'block_hours'",
                           name=op.f("ck_contracts_overage_on_blocks")),
        sa.CheckConstraint("hours_purchased = 0 OR kind = 'block_hours'",
                           name=op.f("ck_contracts_blocks_on_block_hours")),
        sa.CheckConstraint("0 <= hours_used AND hours_used <= hours_purchased",
                           name=op.f("ck_contracts_hours_within_blocks")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_contracts_tenant_id_tenants"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tenant_id", "customer_id"], ["customers.tenant_id", "customers.id"],
                                name=op.f("fk_contracts_tenant_id_customer_id_customers"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["tenant_id", "product_id"], ["products.tenant_id", "products.id"],
                                name=op.f("fk_contracts_tenant_id_product_id_products"), ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contracts")),
        sa.UniqueConstraint("tenant_id", "external_id", name=op.f("uq_contracts_tenant_id_external_id")),
        sa.UniqueConstraint("tenant_id", "id", name="uq_contracts_tenant_id_id"),
    )
    op.create_index("ix_contracts_tenant_id_created_at_id", "contracts", ["tenant_id", "created_at", "id"])
    op.create_index("ix_contracts_tenant_id_customer_id_created_at_id", "contracts",
                    ["tenant_id", "customer_id", "created_at", "id"])
    op.create_index("ix_contracts_tenant_id_product_id", "contracts", ["tenant_id", "product_id"],
                    postgresql_where=sa.text("product_id IS NOT NULL"))

    op.create_table(
        "contract_blocks",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("hours", sa.Numeric(12, 2), nullable=False),
        sa.Column("price", sa.Numeric(18, 2), nullable=False),
        sa.Column("purchased_on", sa.Date(), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("hours > 0", name=op.f("ck_contract_blocks_hours_positive")),
        sa.CheckConstraint("price >= 0", name=op.f("ck_contract_blocks_price_not_negative")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_contract_blocks_tenant_id_tenants"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tenant_id", "contract_id"], ["contracts.tenant_id", "contracts.id"],
                                name=op.f("fk_contract_blocks_tenant_id_contract_id_contracts"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tenant_id", "invoice_id"], ["invoices.tenant_id", "invoices.id"],
                                name=op.f("fk_contract_blocks_tenant_id_invoice_id_invoices"), ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_blocks")),
    )
    op.create_index("ix_contract_blocks_tenant_id_contract_id", "contract_blocks", ["tenant_id", "contract_id"])
    op.create_index("ix_contract_blocks_tenant_id_invoice_id", "contract_blocks", ["tenant_id", "invoice_id"],
                    postgresql_where=sa.text("invoice_id IS NOT NULL"))

    op.add_column("work_items", sa.Column("contract_id", sa.Uuid(), nullable=True))
    op.create_foreign_key("fk_work_items_tenant_id_contract_id_contracts", "work_items", "contracts",
                          ["tenant_id", "contract_id"], ["tenant_id", "id"], ondelete="RESTRICT")
    op.create_index("ix_work_items_tenant_id_contract_id", "work_items", ["tenant_id", "contract_id"],
                    postgresql_where=sa.text("contract_id IS NOT NULL"))

    op.add_column("customers", sa.Column("default_contract_id", sa.Uuid(), nullable=True))
    op.add_column("customers", sa.Column("time_rounding", postgresql.JSONB(astext_type=sa.Text()), nullable=True))
    op.create_foreign_key("fk_customers_tenant_id_default_contract_id_contracts", "customers", "contracts",
                          ["tenant_id", "default_contract_id"], ["tenant_id", "id"], ondelete="RESTRICT")
    op.create_index("ix_customers_tenant_id_default_contract_id", "customers", ["tenant_id", "default_contract_id"],
                    postgresql_where=sa.text("default_contract_id IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_customers_tenant_id_default_contract_id", table_name="customers")
    op.drop_constraint("fk_customers_tenant_id_default_contract_id_contracts", "customers", type_="foreignkey")
    op.drop_column("customers", "time_rounding")
    op.drop_column("customers", "default_contract_id")
    op.drop_index("ix_work_items_tenant_id_contract_id", table_name="work_items")
    op.drop_constraint("fk_work_items_tenant_id_contract_id_contracts", "work_items", type_="foreignkey")
    op.drop_column("work_items", "contract_id")
    op.drop_index("ix_contract_blocks_tenant_id_invoice_id", table_name="contract_blocks")
    op.drop_index("ix_contract_blocks_tenant_id_contract_id", table_name="contract_blocks")
    op.drop_table("contract_blocks")
    op.drop_index("ix_contracts_tenant_id_product_id", table_name="contracts")
    op.drop_index("ix_contracts_tenant_id_customer_id_created_at_id", table_name="contracts")
    op.drop_index("ix_contracts_tenant_id_created_at_id", table_name="contracts")
    op.drop_table("contracts")
