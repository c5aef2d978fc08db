"""Customers: companies and contacts; a contact with a parent is invoiced to the parent."""

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ARRAY, CheckConstraint, ForeignKeyConstraint, Index, Numeric, Text, UniqueConstraint, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, id_field, tenant_field, tenant_ref, tenant_unique_id, updated_at_field


class Customer(SQLModel, table=True):
    __tablename__ = "customers"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        tenant_unique_id("customers"),
        UniqueConstraint("tenant_id", "external_id"),
        tenant_ref("parent_id", "customers"),
        CheckConstraint("kind IN ('company', 'contact')", name="kind"),
        CheckConstraint("parent_id IS NULL OR kind = 'contact'", name="only_contacts_have_parent"),
        CheckConstraint("billing_cycle ->> 'kind' IN ('monthly', 'weekly', 'fortnightly', 'custom', 'none')",
                        name="billing_cycle"),
        # Customers and contracts point to each other: this one is added after both tables exist.
        ForeignKeyConstraint(["tenant_id", "default_contract_id"], ["contracts.tenant_id", "contracts.id"],
                             ondelete="RESTRICT", use_alter=True),
        Index("ix_customers_tenant_id_default_contract_id", "tenant_id", "default_contract_id",
              postgresql_where=text("default_contract_id IS NOT NULL")),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    external_id: str | None = None
    name: str = Field(nullable=False)
    kind: str = Field(default="company", nullable=False)
    parent_id: uuid.UUID | None = Field(default=None, index=True)
    billing_address: dict | None = Field(default=None, sa_type=JSONB(none_as_null=True))
    emails: list[str] = Field(default_factory=list, sa_type=ARRAY(Text), nullable=False)
    currency: str = Field(nullable=False, max_length=3)
    tax_rate: Decimal | None = Field(default=None, sa_type=Numeric(7, 4))
    tax_exempt: bool = Field(default=False, nullable=False)
    # Printed on the customer's invoices, e.g. the article of law behind a reverse charge.
    tax_exemption_reason: str | None = None
    # The buyer's identifiers, copied into each invoice's bill_to (SPEC §12).
    vat_number: str | None = None
    company_id: str | None = None
    terms: dict | None = Field(default=None, sa_type=JSONB(none_as_null=True))
    # Which period a batch with a cut-off date bills (SPEC §9; app/invoicing/cycles.py reads it).
    billing_cycle: dict = Field(default_factory=lambda: {"kind": "monthly"}, sa_type=JSONB, nullable=False,
                                sa_column_kwargs={"server_default": text("""'{"kind": "monthly"}'::jsonb""")})
    # The contract of its time when the work item names none (SPEC §11), and how each entry's hours
    # are rounded when its contract does not say (app/invoicing/rounding.py).
    default_contract_id: uuid.UUID | None = None
    time_rounding: dict | None = Field(default=None, sa_type=JSONB(none_as_null=True))
    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()
