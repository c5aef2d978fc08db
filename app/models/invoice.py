"""Invoices, credit notes and their lines. A validated invoice is numbered and immutable; a draft can
be validated or deleted (its time entries become billable again). A credit note (type credit_note)
credits validated invoices (SPEC §10); an invoice credited in full reads status `credited`.

The database guarantees what must never happen: a time entry on two active lines (a partial unique
index over the lines that are neither released by a credit note nor on a credit note, migration
0013), two invoices or two credit notes of one batch for one customer (unique batch_id,
customer_id, type), two documents with one number (unique tenant_id, number)."""

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ARRAY, CheckConstraint, Column, Computed, Date, DateTime, Index, Numeric, String, UniqueConstraint, Uuid, false, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, id_field, tenant_field, tenant_ref, tenant_unique_id, updated_at_field


# What is left to pay, and where the invoice stands (SPEC §12), derived by PostgreSQL from the running
# sums that recording a payment moves. A credit note is never payable: nothing is ever due on it.
AMOUNT_DUE_SQL = "total - credited_amount - amount_paid"
PAYMENT_STATUS_SQL = ("CASE WHEN amount_paid = 0 AND amount_refunded > 0 THEN 'refunded' "
                      "WHEN amount_paid > 0 AND total - credited_amount - amount_paid <= 0 THEN 'paid' "
                      "WHEN amount_paid > 0 THEN 'partially_paid' ELSE 'unpaid' END")


class Invoice(SQLModel, table=True):
    __tablename__ = "invoices"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        tenant_unique_id("invoices"),
        UniqueConstraint("tenant_id", "number"),
        # A batch makes one invoice and one credit note per customer; with invoice_per contract, one
        # invoice per contract (no contract: the time outside any, or the consolidated invoice).
        # (A NULL batch_id, a credit note made by hand, stays distinct: only the contract's NULL is one key.)
        Index("uq_invoices_batch_id_customer_id_type_contract_id", "batch_id", "customer_id", "type",
              text("coalesce(contract_id, '00000000-0000-0000-0000-000000000000'::uuid)"), unique=True),
        tenant_ref("customer_id", "customers"),
        tenant_ref("contract_id", "contracts"),
        Index("ix_invoices_tenant_id_contract_id", "tenant_id", "contract_id",
              postgresql_where=text("contract_id IS NOT NULL")),
        CheckConstraint("status IN ('draft', 'validated', 'credited')", name="status"),
        CheckConstraint("type IN ('invoice', 'credit_note')", name="type"),
        # Only an invoice is ever credited; only a credit note credits.
        CheckConstraint("type = 'invoice' OR (status <> 'credited' AND credited_amount = 0)", name="credited_is_invoice"),
        CheckConstraint("type = 'credit_note' OR cardinality(credited_invoice_ids) = 0",
                        name="credits_only_on_credit_notes"),
        CheckConstraint("status = 'draft' OR number IS NOT NULL", name="validated_is_numbered"),
        # Payments never exceed what is due, refunds never exceed what was paid (SPEC §12); the
        # service says so first with a clear problem, the database makes it impossible.
        CheckConstraint("amount_paid >= 0 AND amount_refunded >= 0", name="payments_not_negative"),
        CheckConstraint("type = 'invoice' OR (amount_paid = 0 AND amount_refunded = 0)", name="paid_is_invoice"),
        CheckConstraint("delivery_status IN ('not_requested', 'pending', 'sent', 'failed')", name="delivery_status"),
        CheckConstraint("delivery_failure IN ('missing_email', 'delivery_failed')", name="delivery_failure"),
        # A customer's invoices, newest first (GET /v1/invoices?customer_id=); the customer's
        # foreign key uses it too.
        Index("ix_invoices_tenant_id_customer_id_created_at_id", "tenant_id", "customer_id", "created_at", "id"),
        # A batch's invoices in id order: the keyset of the report's invoice selections.
        Index("ix_invoices_batch_id_id", "batch_id", "id"),
        # The list, newest first by default: a tenant's invoices, a batch's (GET /v1/invoices,
        # ?batch_id=). Every equality of the query leads, so the plan needs no statistics.
        Index("ix_invoices_tenant_id_created_at_id", "tenant_id", "created_at", "id"),
        Index("ix_invoices_tenant_id_batch_id_created_at_id", "tenant_id", "batch_id", "created_at", "id"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    batch_id: uuid.UUID | None = Field(default=None, sa_column_kwargs={"nullable": True}, foreign_key="invoice_batches.id",
                                       ondelete="SET NULL")
    customer_id: uuid.UUID = Field(nullable=False)
    # With invoice_per contract (SPEC §11): the contract the invoice is for.
    contract_id: uuid.UUID | None = None
    type: str = Field(default="invoice", nullable=False, sa_column_kwargs={"server_default": "invoice"})
    number: str | None = None
    # A number to draw at commit, from this counter (migration 0009's trigger); NULL once drawn.
    number_prefix: str | None = None
    number_year: int | None = None
    status: str = Field(default="draft", nullable=False)
    bill_to: dict = Field(sa_type=JSONB, nullable=False)
    title: str = Field(nullable=False)
    subtitle: str = Field(nullable=False)
    period_start: date | None = Field(default=None, sa_type=Date)
    period_end: date | None = Field(default=None, sa_type=Date)
    issue_date: date | None = Field(default=None, sa_type=Date)
    due_date: date | None = Field(default=None, sa_type=Date)
    currency: str = Field(nullable=False, max_length=3)
    untaxed_amount: Decimal = Field(sa_type=Numeric(18, 4), nullable=False)
    tax_amount: Decimal = Field(sa_type=Numeric(18, 4), nullable=False)
    total: Decimal = Field(sa_type=Numeric(18, 4), nullable=False)
    taxes: list = Field(default_factory=list, sa_type=JSONB, nullable=False)
    # On a credit note: the invoices it credits. On an invoice: how much of its total credit notes
    # have credited so far (status `credited` once it reaches the total).
    credited_invoice_ids: list[uuid.UUID] = Field(
        default_factory=list, sa_type=ARRAY(Uuid), nullable=False,
        sa_column_kwargs={"server_default": text("'{}'::uuid[]")})
    credited_amount: Decimal = Field(default=Decimal(0), sa_type=Numeric(18, 4), nullable=False,
                                     sa_column_kwargs={"server_default": "0"})
    # Payments net of refunds, and refunds (SPEC §12); amount_due and payment_status follow from them.
    amount_paid: Decimal = Field(default=Decimal(0), sa_type=Numeric(18, 4), nullable=False,
                                 sa_column_kwargs={"server_default": "0"})
    amount_refunded: Decimal = Field(default=Decimal(0), sa_type=Numeric(18, 4), nullable=False,
                                     sa_column_kwargs={"server_default": "0"})
    amount_due: Decimal | None = Field(default=None, sa_column=Column(
        Numeric(18, 4), Computed(AMOUNT_DUE_SQL, persisted=True), nullable=False))
    payment_status: str | None = Field(default=None, sa_column=Column(
        String, Computed(PAYMENT_STATUS_SQL, persisted=True), nullable=False))
    # When the invoice was first exported (SPEC §12); null: never.
    exported_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    # On a credit note made by POST /v1/invoices/{id}/credit: why (printed on it).
    credit_reason: str | None = None
    terms: dict = Field(default_factory=dict, sa_type=JSONB, nullable=False)
    not_validated_reasons: list = Field(default_factory=list, sa_type=JSONB, nullable=False)
    delivery_status: str = Field(default="not_requested", nullable=False)
    delivery_attempts: int = Field(default=0, nullable=False)
    delivery_last_error: str | None = None
    # Why the last delivery failed, a report reason code: missing_email or delivery_failed.
    delivery_failure: str | None = None
    sent_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    validated_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()


class InvoiceLine(SQLModel, table=True):
    __tablename__ = "invoice_lines"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        tenant_ref("product_id", "products"),
        tenant_ref("credited_invoice_id", "invoices"),
        tenant_ref("contract_id", "contracts"),
        Index("ix_invoice_lines_invoice_id_position", "invoice_id", "position"),
        # The contract's foreign key (deleting a contract that billed time: 409), on the lines that have one.
        Index("ix_invoice_lines_tenant_id_contract_id", "tenant_id", "contract_id",
              postgresql_where=text("contract_id IS NOT NULL")),
        # SPEC §10: a time entry is on at most one line of an invoice that is not credited. History
        # keeps every line: a credited invoice's lines stay, marked released once their time is
        # billable again, and credit-note lines repeat the entry they credit.
        Index("uq_invoice_lines_time_entry_id_active", "time_entry_id", unique=True,
              postgresql_where=text("credited_invoice_id IS NULL AND NOT released")),
        # The lines billing an entry among several (a grouped line, an overage part): corrections.
        Index("ix_invoice_lines_time_entry_ids", "time_entry_ids", postgresql_using="gin",
              postgresql_where=text("time_entry_ids IS NOT NULL")),
        # The time entry's foreign key (a deleted entry), which the partial index cannot serve.
        Index("ix_invoice_lines_time_entry_id", "time_entry_id"),
        # What credit notes credited of an invoice, and of a line; their foreign keys too.
        Index("ix_invoice_lines_credited_invoice_id", "credited_invoice_id",
              postgresql_where=text("credited_invoice_id IS NOT NULL")),
        Index("ix_invoice_lines_credited_line_id", "credited_line_id",
              postgresql_where=text("credited_line_id IS NOT NULL")),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    invoice_id: uuid.UUID = Field(sa_column_kwargs={"nullable": False},
                                  foreign_key="invoices.id", ondelete="CASCADE")
    position: int = Field(nullable=False)
    time_entry_id: uuid.UUID | None = Field(default=None, foreign_key="time_entries.id", ondelete="RESTRICT")
    product_id: uuid.UUID = Field(nullable=False)
    description: str = Field(nullable=False)
    quantity: Decimal = Field(sa_type=Numeric(6, 2), nullable=False)
    unit: str = Field(nullable=False)
    unit_price: Decimal = Field(sa_type=Numeric(18, 4), nullable=False)
    amount: Decimal = Field(sa_type=Numeric(18, 4), nullable=False)
    tax_rate: Decimal = Field(sa_type=Numeric(7, 4), nullable=False)
    # On a credit note's line: the invoice, and the invoice line, it credits.
    credited_invoice_id: uuid.UUID | None = Field(default=None)
    credited_line_id: uuid.UUID | None = Field(default=None, foreign_key="invoice_lines.id", ondelete="RESTRICT")
    # On a credited invoice's line: its time entry was released (billable again) by a credit note.
    released: bool = Field(default=False, nullable=False, sa_column_kwargs={"server_default": "false"})
    # Made from time dated before its invoice's period (SPEC §9 late time).
    late: bool = Field(default=False, nullable=False, sa_column_kwargs={"server_default": false()})
    # The entry's hours before rounding (SPEC §11); `quantity` is what is billed. Equal on lines that
    # settle adjustments and on credit notes.
    hours_worked: Decimal = Field(sa_type=Numeric(6, 2), nullable=False)
    # The contract the time was billed under, if any; covered by its blocks or retainer (SPEC §11).
    contract_id: uuid.UUID | None = Field(default=None)
    covered: bool = Field(default=False, nullable=False, sa_column_kwargs={"server_default": false()})
    # Every time entry the line bills, when that is not just `time_entry_id` (SPEC §11): a grouped
    # line's entries, or the entry whose overage part it bills. NULL: [time_entry_id] (or none).
    time_entry_ids: list[uuid.UUID] | None = Field(default=None, sa_type=ARRAY(Uuid))
    # What it bills of each of those entries, in the same order (their billed hours).
    time_entry_quantities: list[Decimal] | None = Field(default=None, sa_type=ARRAY(Numeric(6, 2)))


class InvoiceNumberCounter(SQLModel, table=True):
    """The last number given per tenant, sequence (`invoice` or `credit_note`: each counts on its
    own) and year (year 0 when numbers never reset). Incremented in the validating transaction,
    whose row lock makes numbers gapless and strictly increasing."""

    __tablename__ = "invoice_number_counters"

    tenant_id: uuid.UUID = Field(primary_key=True, foreign_key="tenants.id", ondelete="CASCADE")
    kind: str = Field(primary_key=True)
    year: int = Field(primary_key=True)
    last_number: int = Field(nullable=False)


