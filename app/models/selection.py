"""Selections: named, ordered lists of customers that batches are launched on."""

import uuid
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, id_field, tenant_field, tenant_ref, tenant_unique_id, updated_at_field


class Selection(SQLModel, table=True):
    __tablename__ = "selections"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (tenant_unique_id("selections"), UniqueConstraint("tenant_id", "external_id"))

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    external_id: str | None = None
    name: str = Field(nullable=False)
    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()


class SelectionCustomer(SQLModel, table=True):
    """A member of a selection; deleting the customer removes it from its selections."""

    __tablename__ = "selection_customers"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        tenant_ref("selection_id", "selections", ondelete="CASCADE"),
        tenant_ref("customer_id", "customers", ondelete="CASCADE"),
    )

    selection_id: uuid.UUID = Field(primary_key=True)
    customer_id: uuid.UUID = Field(primary_key=True, index=True)
    tenant_id: uuid.UUID = tenant_field()
    position: int = Field(nullable=False)
