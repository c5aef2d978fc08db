"""Contracts (SPEC §11): how a company's time is billed — hourly, from prepaid blocks of hours, or
under a retainer — and the blocks of hours bought under a `block_hours` contract.

The contract row keeps the balance of its blocks: `hours_purchased` (the sum of its blocks, raised
in the transaction that adds one) and `hours_used` (the block hours consumed by invoices). Database
CHECKs hold `0 <= hours_used <= hours_purchased`, so that no code path, concurrent or not, can ever
consume below zero or more than the blocks hold."""

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Index, Numeric, UniqueConstraint, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, id_field, tenant_field, tenant_ref, tenant_unique_id, updated_at_field

CONTRACT_KINDS = ("hourly", "block_hours", "retainer")


class Contract(SQLModel, table=True):
    __tablename__ = "contracts"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        tenant_unique_id("contracts"),
        UniqueConstraint("tenant_id", "external_id"),
        tenant_ref("customer_id", "customers"),
        tenant_ref("product_id", "products"),
        CheckConstraint("kind IN ('hourly', 'block_hours', 'retainer')", name="kind"),
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="ends_after_start"),
        CheckConstraint("(kind = 'retainer') = (retainer_amount IS NOT NULL) AND "
                        "(kind = 'retainer') = (included_hours IS NOT NULL)", name="retainer_terms"),
        CheckConstraint("overage_unit_price IS NULL OR kind = 'block_hours'", name="overage_on_blocks"),
        CheckConstraint("hours_purchased = 0 OR kind = 'block_hours'", name="blocks_on_block_hours"),
        CheckConstraint("0 <= hours_used AND hours_used <= hours_purchased", name="hours_within_blocks"),
        Index("ix_contracts_tenant_id_created_at_id", "tenant_id", "created_at", "id"),
        # A customer's contracts newest first; it serves the customer's foreign key too.
        Index("ix_contracts_tenant_id_customer_id_created_at_id", "tenant_id", "customer_id", "created_at", "id"),
        Index("ix_contracts_tenant_id_product_id", "tenant_id", "product_id",
              postgresql_where=text("product_id IS NOT NULL")),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    external_id: str | None = None
    customer_id: uuid.UUID = Field(nullable=False)
    name: str = Field(nullable=False)
    kind: str = Field(nullable=False)
    product_id: uuid.UUID | None = None
    starts_on: date = Field(nullable=False)
    ends_on: date | None = None
    taxable: bool = Field(default=True, nullable=False)
    time_rounding: dict | None = Field(default=None, sa_type=JSONB(none_as_null=True))
    overage_unit_price: Decimal | None = Field(default=None, sa_type=Numeric(18, 4))
    retainer_amount: Decimal | None = Field(default=None, sa_type=Numeric(18, 2))
    included_hours: Decimal | None = Field(default=None, sa_type=Numeric(12, 2))
    hours_purchased: Decimal = Field(default=Decimal(0), sa_type=Numeric(12, 2), nullable=False,
                                     sa_column_kwargs={"server_default": text("0")})
    hours_used: Decimal = Field(default=Decimal(0), sa_type=Numeric(12, 2), nullable=False,
                                sa_column_kwargs={"server_default": text("0")})
    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()


class ContractBlock(SQLModel, table=True):
    """A block of prepaid hours bought under a `block_hours` contract; invoiced once (`invoice_id`)."""

    __tablename__ = "contract_blocks"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        tenant_ref("contract_id", "contracts", ondelete="CASCADE"),
        tenant_ref("invoice_id", "invoices"),
        CheckConstraint("hours > 0", name="hours_positive"),
        CheckConstraint("price >= 0", name="price_not_negative"),
        Index("ix_contract_blocks_tenant_id_contract_id", "tenant_id", "contract_id"),
        Index("ix_contract_blocks_tenant_id_invoice_id", "tenant_id", "invoice_id",
              postgresql_where=text("invoice_id IS NOT NULL")),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    contract_id: uuid.UUID = Field(nullable=False)
    hours: Decimal = Field(sa_type=Numeric(12, 2), nullable=False)
    price: Decimal = Field(sa_type=Numeric(18, 2), nullable=False)
    purchased_on: date = Field(nullable=False)
    invoice_id: uuid.UUID | None = None
    created_at: datetime = created_at_field()


class RetainerCycle(SQLModel, table=True):
    """A billing cycle of a customer whose retainer was billed (SPEC §11): never twice for the same
    cycle (the unique key), and the included hours its time has covered, never more than it includes
    (the CHECK), whichever invoices of the cycle covered them."""

    __tablename__ = "retainer_cycles"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        UniqueConstraint("tenant_id", "contract_id", "period_start"),
        tenant_ref("contract_id", "contracts", ondelete="CASCADE"),
        tenant_ref("invoice_id", "invoices"),
        CheckConstraint("period_end >= period_start", name="ends_after_start"),
        CheckConstraint("0 <= hours_covered AND hours_covered <= included_hours", name="hours_within_included"),
        Index("ix_retainer_cycles_tenant_id_invoice_id", "tenant_id", "invoice_id"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    contract_id: uuid.UUID = Field(nullable=False)
    period_start: date = Field(nullable=False)
    period_end: date = Field(nullable=False)
    included_hours: Decimal = Field(sa_type=Numeric(12, 2), nullable=False)
    hours_covered: Decimal = Field(default=Decimal(0), sa_type=Numeric(12, 2), nullable=False)
    # The invoice that billed the retainer's amount.
    invoice_id: uuid.UUID = Field(nullable=False)
    created_at: datetime = created_at_field()
