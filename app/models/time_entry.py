"""Time entries: hours an employee spent on a work item, to be re-invoiced once approved.

`invoice_id` / `invoice_line_id` link an entry to the invoice line that billed it; while they are
set the entry is read-only. They are written in the transaction that writes the line and cleared
in the one that deletes a draft or credits the invoice with release_time."""

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, DateTime, Index, Numeric, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, id_field, tenant_field, tenant_ref, tenant_unique_id, updated_at_field

class TimeEntry(SQLModel, table=True):
    __tablename__ = "time_entries"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        tenant_unique_id("time_entries"),
        UniqueConstraint("tenant_id", "external_id"),
        tenant_ref("work_item_id", "work_items"),
        tenant_ref("product_id", "products"),
        CheckConstraint("status IN ('draft', 'approved')", name="status"),
        CheckConstraint("hours > 0", name="hours_positive"),
        Index("ix_time_entries_tenant_id_work_item_id_started_at", "tenant_id", "work_item_id", "started_at"),
        Index("ix_time_entries_tenant_id_started_at", "tenant_id", "started_at"),
        Index("ix_time_entries_product_id", "product_id"),
        # Room in each page for the billing update to stay on the page (HOT).
        {"postgresql_with": {"fillfactor": 80}},
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    external_id: str | None = None
    work_item_id: uuid.UUID = Field(nullable=False)
    employee_id: str | None = None
    employee_name: str | None = None
    started_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    hours: Decimal = Field(sa_type=Numeric(6, 2), nullable=False)
    product_id: uuid.UUID | None = None
    status: str = Field(default="draft", nullable=False)
    billable: bool = Field(nullable=False)
    note: str | None = None
    # The link to the invoice line that billed the entry; cleared when a draft is deleted or a credit
    # note releases the time. The guarantee lives on the other side (invoice_lines.time_entry_id is
    # unique over active lines and references this row); these two columns are not
    # indexed nor foreign keys so that billing an entry is a HOT update that rewrites no index.
    invoice_id: uuid.UUID | None = None
    invoice_line_id: uuid.UUID | None = None
    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()
