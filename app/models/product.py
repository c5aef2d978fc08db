"""Products (services sold by the hour, or by another unit) and negotiated prices."""

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Numeric, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, id_field, tenant_field, tenant_ref, tenant_unique_id, updated_at_field


class Product(SQLModel, table=True):
    __tablename__ = "products"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        tenant_unique_id("products"),
        UniqueConstraint("tenant_id", "external_id"),
        UniqueConstraint("tenant_id", "code"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    external_id: str | None = None
    code: str = Field(nullable=False)
    name: str = Field(nullable=False)
    description: str | None = None
    unit: str = Field(default="hour", nullable=False)
    unit_price: Decimal = Field(sa_type=Numeric(18, 4), nullable=False)
    tax_rate: Decimal | None = Field(default=None, sa_type=Numeric(7, 4))
    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()


class Price(SQLModel, table=True):
    """The negotiated unit price of one product for one customer; it wins over the product's."""

    __tablename__ = "prices"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        UniqueConstraint("tenant_id", "external_id"),
        UniqueConstraint("tenant_id", "customer_id", "product_id"),
        tenant_ref("customer_id", "customers", ondelete="CASCADE"),
        tenant_ref("product_id", "products", ondelete="CASCADE"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    external_id: str | None = None
    customer_id: uuid.UUID = Field(nullable=False)
    product_id: uuid.UUID = Field(nullable=False, index=True)
    unit_price: Decimal = Field(sa_type=Numeric(18, 4), nullable=False)
    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()
