"""Accounting exports (SPEC §12): what was asked, what it holds, and the file itself, kept in
PostgreSQL as ordered chunks so that neither the worker writing it nor the API streaming it back
ever holds the whole file in memory."""

import uuid
from datetime import date, datetime

from sqlalchemy import ARRAY, CheckConstraint, Date, DateTime, Index, Integer, LargeBinary, Uuid, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, id_field, tenant_field, tenant_unique_id

EXPORT_FORMATS = ("csv", "xero", "quickbooks")


class Export(SQLModel, table=True):
    __tablename__ = "exports"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        tenant_unique_id("exports"),
        CheckConstraint("format IN ('csv', 'xero', 'quickbooks')", name="format"),
        CheckConstraint("status IN ('pending', 'ready', 'failed')", name="status"),
        # The list, newest first (GET /v1/exports).
        Index("ix_exports_tenant_id_created_at_id", "tenant_id", "created_at", "id"),
        # The sweeper's question: which exports still wait for their file.
        Index("ix_exports_requested_at", "requested_at", postgresql_where=text("status = 'pending'")),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    format: str = Field(nullable=False)
    status: str = Field(default="pending", nullable=False)
    # What was asked: one of a batch, a list of invoices, a range of issue dates.
    batch_id: uuid.UUID | None = None
    requested_invoice_ids: list[uuid.UUID] | None = Field(default=None, sa_type=ARRAY(Uuid))
    issued_from: date | None = Field(default=None, sa_type=Date)
    issued_to: date | None = Field(default=None, sa_type=Date)
    # What it holds, decided when it was asked: the invoices in the file's order, and those left out.
    invoice_ids: list[uuid.UUID] = Field(default_factory=list, sa_type=ARRAY(Uuid), nullable=False)
    invoice_count: int = Field(default=0, nullable=False)
    skipped: list = Field(default_factory=list, sa_type=JSONB, nullable=False)
    line_count: int | None = None
    error: str | None = None
    attempts: int = Field(default=0, nullable=False, sa_column_kwargs={"server_default": "0"})
    # When a job was last asked to write it: the sweeper asks again when that is old and it is pending.
    requested_at: datetime = Field(default=None, sa_type=DateTime(timezone=True),
                                   sa_column_kwargs={"server_default": text("now()"), "nullable": False})
    created_at: datetime = created_at_field()
    finished_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class ExportChunk(SQLModel, table=True):
    """A piece of an export's file, UTF-8 bytes; the file is the chunks in `seq` order."""

    __tablename__ = "export_chunks"

    export_id: uuid.UUID = Field(primary_key=True, foreign_key="exports.id", ondelete="CASCADE")
    seq: int = Field(sa_type=Integer, primary_key=True)
    data: bytes = Field(sa_type=LargeBinary, nullable=False)
