"""Invoice batches, the customers each batch covers (its snapshot and progress), the times it left
unbilled, and stored answers of idempotent requests.

PostgreSQL is the record of every batch: Redis only carries the job that runs it."""

import uuid
from datetime import date, datetime

from sqlalchemy import ARRAY, CheckConstraint, Date, DateTime, Index, Uuid, false, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, id_field, tenant_field, tenant_ref, tenant_unique_id

class InvoiceBatch(SQLModel, table=True):
    __tablename__ = "invoice_batches"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        tenant_unique_id("invoice_batches"),
        CheckConstraint("status IN ('scheduled', 'running', 'succeeded', 'completed_with_errors', 'failed', "
                        "'cancelled')", name="status"),
        # Either a period, or a cut-off date from which each customer's cycle gives its period.
        CheckConstraint("(cutoff_date IS NULL) = (period_start IS NOT NULL) AND "
                        "(cutoff_date IS NULL) = (period_end IS NOT NULL)", name="period_or_cutoff"),
        CheckConstraint("invoice_per IN ('customer', 'contract')", name="invoice_per"),
        CheckConstraint("line_grouping IN ('entry', 'work_item', 'product')", name="line_grouping"),
        Index("ix_invoice_batches_status_run_at", "status", "run_at"),
        # The list, newest first by default.
        Index("ix_invoice_batches_tenant_id_created_at_id", "tenant_id", "created_at", "id"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    status: str = Field(default="scheduled", nullable=False)
    title: str = Field(nullable=False)
    selection_id: uuid.UUID | None = None
    customer_ids: list[uuid.UUID] | None = Field(default=None, sa_type=ARRAY(Uuid))
    source_type: str | None = None
    period_start: date | None = Field(default=None, sa_type=Date)
    period_end: date | None = Field(default=None, sa_type=Date)
    cutoff_date: date | None = Field(default=None, sa_type=Date)
    include_late_time: bool = Field(default=False, nullable=False, sa_column_kwargs={"server_default": false()})
    exclude_customer_ids: list[uuid.UUID] = Field(default_factory=list, sa_type=ARRAY(Uuid), nullable=False,
                                                  sa_column_kwargs={"server_default": text("'{}'")})
    show_employee_names: bool = Field(nullable=False)
    validate_invoices: bool = Field(nullable=False)
    send: bool = Field(nullable=False)
    product_mandatory: bool = Field(nullable=False)
    run_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    # SPEC §11: one invoice per customer or per contract; a line per entry, work item or product.
    invoice_per: str = Field(default="customer", nullable=False, sa_column_kwargs={"server_default": "customer"})
    line_grouping: str = Field(default="entry", nullable=False, sa_column_kwargs={"server_default": "entry"})
    notify_email: str | None = None
    customers_total: int = Field(default=0, nullable=False)
    customers_done: int = Field(default=0, nullable=False)
    error: str | None = None
    runs: int = Field(default=0, nullable=False)
    heartbeat_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    # When a run was last queued (see the sweeper); never a proof of life.
    run_requested_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    created_at: datetime = created_at_field()
    started_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    finished_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class InvoiceBatchCustomer(SQLModel, table=True):
    """A billing target of a batch, fixed when the batch starts. `outcome` is set in the same
    transaction that writes the customer's invoice: a resumed batch skips what is done."""

    __tablename__ = "invoice_batch_customers"
    __table_args__ = (
        tenant_ref("batch_id", "invoice_batches", ondelete="CASCADE"),
        # excluded: a target the batch's exclude_customer_ids leaves out, fixed at start for the report.
        CheckConstraint("outcome IN ('invoiced', 'no_times', 'failed', 'excluded')", name="outcome"),
        Index("ix_invoice_batch_customers_pending", "batch_id", "position", postgresql_where="outcome IS NULL"),
        # The report's customers without times (and failed) in position order, one range per outcome.
        Index("ix_invoice_batch_customers_outcome", "batch_id", "outcome", "position",
              postgresql_where="outcome IS NOT NULL"),
    )

    batch_id: uuid.UUID = Field(primary_key=True)
    customer_id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = tenant_field()
    position: int = Field(nullable=False)
    outcome: str | None = None
    error: str | None = None


class InvoiceBatchUnbilled(SQLModel, table=True):
    """A time entry in a batch's scope that the batch did not bill, and why."""

    __tablename__ = "invoice_batch_unbilled"
    __table_args__ = (
        tenant_ref("batch_id", "invoice_batches", ondelete="CASCADE"),
        # The report lists unbilled times by customer; the primary key stays (batch, entry) so that
        # the database still records a time entry at most once per batch.
        Index("ix_invoice_batch_unbilled_customer", "batch_id", "customer_id", "time_entry_id"),
    )

    batch_id: uuid.UUID = Field(primary_key=True)
    time_entry_id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = tenant_field()
    customer_id: uuid.UUID = Field(nullable=False)
    reason: str = Field(nullable=False)


class IdempotencyKey(SQLModel, table=True):
    """The first answer to a request sent with an Idempotency-Key, kept at least 24 hours."""

    __tablename__ = "idempotency_keys"

    tenant_id: uuid.UUID = Field(primary_key=True, foreign_key="tenants.id", ondelete="CASCADE")
    key: str = Field(primary_key=True)
    request_hash: str = Field(nullable=False)
    response_status: int = Field(nullable=False)
    response_body: dict = Field(sa_type=JSONB, nullable=False)
    created_at: datetime = created_at_field()


