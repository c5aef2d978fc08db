"""Time entries: hours an employee spent on a work item, to be re-invoiced once approved.

`invoice_id` / `invoice_line_id` link an entry to the invoice line that billed it; while they are
set the entry is read-only. They are written in the transaction that writes the line and cleared
in the one that deletes a draft or credits the invoice with release_time.

An adjustment (SPEC §10) is a time entry whose `adjusts_id` names the entry it corrects, always an
original, never another adjustment. It replaces the original while the original was never billed
(the original is then `superseded`), or corrects time billed on a validated invoice: then
`corrected_invoice_id` / `corrected_invoice_line_id` name the line it corrects, and a batch settles
it against that line instead of billing it as an ordinary entry. At most one adjustment of an
entry is `pending` at a time (a unique index): a later one supersedes it."""

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
        tenant_ref("adjusts_id", "time_entries"),
        CheckConstraint("hours > 0 OR (adjusts_id IS NOT NULL AND hours >= 0)", name="hours_positive"),
        CheckConstraint("adjusts_id <> id", name="adjusts_another_entry"),
        CheckConstraint("(adjusts_id IS NULL) = (adjustment_status IS NULL) AND "
                        "adjustment_status IN ('pending', 'settled', 'superseded')", name="adjustment_status"),
        CheckConstraint("adjustment_status IS DISTINCT FROM 'superseded' OR superseded",
                        name="superseded_adjustment"),
        CheckConstraint("(corrected_invoice_id IS NULL) = (corrected_invoice_line_id IS NULL) AND "
                        "(corrected_invoice_id IS NULL OR adjusts_id IS NOT NULL)", name="corrected_line"),
        # The adjustments of an entry (and the foreign key's check when an entry is deleted).
        Index("ix_time_entries_tenant_id_adjusts_id", "tenant_id", "adjusts_id",
              postgresql_where="adjusts_id IS NOT NULL"),
        # A customer's adjustments of billed time waiting to be settled, found by work item as a
        # batch finds entries; holds only those rows.
        Index("ix_time_entries_pending_corrections", "tenant_id", "work_item_id",
              postgresql_where="adjustment_status = 'pending' AND corrected_invoice_line_id IS NOT NULL"),
        # One pending adjustment per entry, whatever the requests racing to adjust it.
        Index("uq_time_entries_pending_adjustment", "tenant_id", "adjusts_id", unique=True,
              postgresql_where="adjustment_status = 'pending'"),
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
    adjusts_id: uuid.UUID | None = None
    # null on ordinary entries; 'pending', 'settled' or 'superseded' on adjustments.
    adjustment_status: str | None = None
    # Replaced by an adjustment (or by a later one): never billed.
    superseded: bool = Field(default=False, nullable=False, sa_column_kwargs={"server_default": "false"})
    # For an adjustment of billed time: the validated invoice and line that billed it.
    corrected_invoice_id: uuid.UUID | None = None
    corrected_invoice_line_id: uuid.UUID | None = None
    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()
