"""Work items: the tickets, work orders and other objects that time is attached to."""

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, id_field, tenant_field, tenant_ref, tenant_unique_id, updated_at_field

class WorkItem(SQLModel, table=True):
    __tablename__ = "work_items"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        tenant_unique_id("work_items"),
        UniqueConstraint("tenant_id", "external_id"),
        tenant_ref("customer_id", "customers"),
        CheckConstraint("type IN ('ticket', 'work_order', 'delivery_note', 'business_order', 'contract')",
                        name="type"),
        Index("ix_work_items_tenant_id_customer_id", "tenant_id", "customer_id"),
        # The contract's foreign key (deleting a contract) and a contract's work items.
        tenant_ref("contract_id", "contracts"),
        Index("ix_work_items_tenant_id_contract_id", "tenant_id", "contract_id",
              postgresql_where=text("contract_id IS NOT NULL")),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    external_id: str | None = None
    type: str = Field(nullable=False)
    reference: str = Field(nullable=False)
    title: str | None = None
    customer_id: uuid.UUID = Field(nullable=False)
    # The contract its time is billed under (SPEC §11): one of the billed company's contracts.
    contract_id: uuid.UUID | None = None
    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()
