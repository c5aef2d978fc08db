"""The invoice batch definition (SPEC §4.1) and the preview's answer."""

import uuid
from typing import Literal
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from app.kit.money import HoursOrZero, TaxRate, UnitPrice
from app.kit.schemas import CalendarDate, Email, Flag, Instant, Name
from app.work_items.schemas import WorkItemType

MAX_RUN_AHEAD = timedelta(hours=24)


PERIOD_FIELDS = ("cutoff_date", "period_start", "period_end")


class InvoiceBatchDefinition(BaseModel):
    """Exactly one of `selection_id` and `customer_ids`; exactly one of the period (`period_start`
    and `period_end`, the end not before the start) and `cutoff_date`."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, json_schema_extra={"examples": [
        {"selection_id": "01936f0e-8a5c-7b6e-9a51-3c2f4d1e0d20", "title": "Support — November 2026",
         "period_start": "2026-11-01", "period_end": "2026-11-30", "source_type": "ticket",
         "show_employee_names": True, "validate": True, "send": False, "product_mandatory": False}]})

    selection_id: uuid.UUID | None = None
    customer_ids: list[uuid.UUID] | None = Field(default=None, min_length=1, max_length=100_000,
                                                 validate_default=True)
    source_type: WorkItemType | None = Field(default=None, description="Only time on this kind of work item.")
    title: Name = Field(description="The common object written on every invoice of the batch.")
    period_start: CalendarDate | None = Field(default=None, description=(
        "With `period_end`: the inclusive local dates whose time every customer is billed for. Give "
        "either the period or `cutoff_date`."))
    period_end: CalendarDate | None = None
    cutoff_date: CalendarDate | None = Field(default=None, description=(
        "Instead of a period: each customer is billed for its last complete billing cycle ending on or "
        "before this date (see the customer's `billing_cycle`), plus its late time (ready time dated "
        "before that cycle that no batch billed). Time after the cycle's end waits for the next one."))
    include_late_time: Flag = Field(default=False, description=(
        "With a period: also bill the ready time dated before `period_start` that no batch billed (its "
        "lines are marked `late`). With `cutoff_date`, late time is always billed."))
    exclude_customer_ids: list[uuid.UUID] = Field(default_factory=list, max_length=100_000, description=(
        "Customers left out of this batch (a contact stands for the company it is billed to); their time "
        "waits for another batch. The report lists them in `customers_excluded`."))
    show_employee_names: Flag = False
    validate_invoices: Flag = Field(default=False, alias="validate",
                                    description="true: invoices are made final (numbered, immutable).")
    send: Flag = Field(default=False, description="true: each validated invoice is emailed with its PDF.")
    product_mandatory: Flag = False
    run_at: Instant | None = Field(default=None, description="At most 24 hours ahead; absent: now.")
    notify_email: Email | None = None
    invoice_per: Literal["customer", "contract"] = Field(default="customer", description=(
        "`customer`: one consolidated invoice per customer; `contract`: one invoice per contract, plus one for "
        "the time outside any contract."))
    line_grouping: Literal["entry", "work_item", "product"] = Field(default="entry", description=(
        "`entry`: a line per time entry; `work_item`: a line per work item, product, unit price, tax rate and "
        "covered flag; `product`: a line per product, unit price, tax rate and covered flag. A grouped line's "
        "quantity is the sum of its entries' billed hours, its amount that sum × unit price rounded once."))

    # Field validators, so that the error names the field at fault (SPEC §14).
    @field_validator("period_end")
    @classmethod
    def _period_ends_after_it_starts(cls, period_end: date | None, info: ValidationInfo) -> date | None:
        period_start = info.data.get("period_start")  # absent when it was refused itself
        if period_start is not None and period_end is not None and period_end < period_start:
            raise ValueError(f"must not be before period_start ({period_start})")
        return period_end

    @model_validator(mode="after")
    def _a_period_or_a_cutoff_date(self) -> "InvoiceBatchDefinition":
        period_given = (self.period_start is not None, self.period_end is not None)
        if period_given != ((self.cutoff_date is None,) * 2):
            message = ("give either period_start and period_end, or cutoff_date, not both"
                       if self.cutoff_date is not None else "give period_start and period_end, or cutoff_date")
            # One error per field, so that each is named (SPEC §9).
            raise ValidationError.from_exception_data(type(self).__name__, [InitErrorDetails(
                type=PydanticCustomError("period_or_cutoff_date", message), loc=(name,), input=getattr(self, name))
                for name in PERIOD_FIELDS])
        return self

    @field_validator("run_at")
    @classmethod
    def _runs_within_24_hours(cls, run_at: datetime | None) -> datetime | None:
        if run_at is not None and run_at > datetime.now(UTC) + MAX_RUN_AHEAD:
            raise ValueError("must be at most 24 hours from now")
        return run_at

    @field_validator("customer_ids")
    @classmethod
    def _either_customers_or_a_selection(cls, customer_ids: list[uuid.UUID] | None,
                                         info: ValidationInfo) -> list[uuid.UUID] | None:
        if "selection_id" in info.data and (info.data["selection_id"] is None) == (customer_ids is None):
            raise ValueError("give exactly one of selection_id and customer_ids")
        return customer_ids


class Reason(BaseModel):
    code: str
    message: str


class BillToAddress(BaseModel):
    line1: str
    line2: str | None = None
    postal_code: str
    city: str
    country: str


class BillToOut(BaseModel):
    name: str
    address: BillToAddress | None
    # The customer's, as it was when the invoice was made (absent from invoices made before it existed).
    tax_exemption_reason: str | None = None
    # The customer's identifiers when the invoice was made (absent from older invoices: read as null).
    vat_number: str | None = None
    company_id: str | None = None


class PreviewLine(BaseModel):
    time_entry_id: uuid.UUID | None = Field(description=(
        "The time entry billed; null on a block line and on the overage part of an entry split across a "
        "block's balance (its covered part names the entry)."))
    time_entry_external_id: str | None = Field(description="The time entry's `external_id`; null when it has none.")
    time_entry_ids: list[uuid.UUID] = Field(default_factory=list, description=(
        "Every time entry the line bills: its one entry, all those of a grouped line, or the entry whose "
        "overage part it bills; empty on a block or retainer line."))
    product_id: uuid.UUID
    description: str
    quantity: HoursOrZero = Field(description=(
        "The hours billed: the hours worked, rounded by the time's `time_rounding` (it may round a short "
        "time down to 0.00, which is then billed at nothing)."))
    unit: str
    unit_price: UnitPrice
    amount: UnitPrice
    tax_rate: TaxRate
    hours_worked: HoursOrZero = Field(description=(
        "The hours worked, before rounding; `quantity` is the hours billed: the time rounded by its contract's "
        "`time_rounding`, else its customer's. Equal to `quantity` on lines that settle adjustments and on credit "
        "notes."))
    contract_id: uuid.UUID | None = Field(description="The contract the time was billed under; null without one.")
    covered: bool = Field(description="Covered by the contract's prepaid blocks or retainer (billed at 0.00).")
    late: bool = Field(description="Made from late time: ready time dated before the invoice's period that no "
                                   "earlier batch billed.")
    credited_invoice_id: uuid.UUID | None = Field(
        default=None, description="On a credit note's line: the invoice it credits. A line that settles an "
                                  "adjustment names the adjustment in `time_entry_id`.")


class TaxOut(BaseModel):
    rate: TaxRate
    base: UnitPrice
    amount: UnitPrice


class BlockBalance(BaseModel):
    contract_id: uuid.UUID
    hours_consumed: UnitPrice
    hours_remaining: UnitPrice = Field(description="The contract's block balance after the batch.")


class ContractDetails(BaseModel):
    """What an invoice bills under one contract: the batch details a person checks before running."""

    contract_id: uuid.UUID
    name: str
    kind: str
    hours_worked: UnitPrice
    covered_hours: UnitPrice
    billed_hours: UnitPrice
    block_hours_remaining: UnitPrice | None = Field(description=(
        "`block_hours`: the block balance after the batch; null for other kinds."))
    retainer_included_hours_left: UnitPrice | None = Field(description=(
        "`retainer`: the included hours of the cycle left after this invoice; null for other kinds."))


class PreviewInvoice(BaseModel):
    customer_id: uuid.UUID
    customer_external_id: str | None = Field(description="The customer's `external_id`; null when it has none.")
    bill_to: BillToOut
    currency: str
    title: str
    subtitle: str
    period_start: date | None = Field(description="The customer's period (its billing cycle's, with a `cutoff_date`); "
                                                  "where the cycle has no start or end, the local date of the "
                                                  "earliest or latest time billed; null on a credit note, and on an "
                                                  "invoice of adjustments only whose customer's cycle has none.")
    period_end: date | None
    lines: list[PreviewLine]
    taxes: list[TaxOut]
    hours: UnitPrice
    untaxed_amount: UnitPrice
    tax_amount: UnitPrice
    total: UnitPrice
    would_validate: bool
    not_validated_reasons: list[Reason]
    covered_hours: UnitPrice = Field(default=Decimal("0"), description=(
        "The hours covered by prepaid blocks (lines with `covered`), included in `hours`."))
    hours_worked: UnitPrice = Field(default=Decimal("0"), description="The hours worked of the time it bills.")
    billed_hours: UnitPrice = Field(default=Decimal("0"), description=(
        "The hours billed at a price: the time's billed (rounded) hours less the covered ones."))
    contract_id: uuid.UUID | None = Field(default=None, description=(
        "With `invoice_per` `contract`: the contract the invoice is for (null: the time outside any)."))
    retainer_lines: list[PreviewLine] = Field(default_factory=list, description=(
        "The retainer lines it bills (\"Retainer — <contract> — <period>\"), also among its `lines`."))
    contracts: list[ContractDetails] = Field(default_factory=list, description=(
        "Per contract its lines bill under: hours worked, covered and billed, the balance left."))
    block_balances: list[BlockBalance] = Field(default_factory=list, description=(
        "For each of the customer's `block_hours` contracts: the block hours this invoice consumes and the "
        "balance left after the batch (SPEC §11)."))


class PreviewCreditNote(PreviewInvoice):
    """The customer's credit note of the batch: the hours its adjustments take back (SPEC §10)."""

    credited_invoice_ids: list[uuid.UUID]


class UnbilledTime(BaseModel):
    time_entry_id: uuid.UUID
    time_entry_external_id: str | None = Field(description="The time entry's `external_id`; null when it has none.")
    customer_id: uuid.UUID
    customer_external_id: str | None = Field(description="The customer's `external_id`; null when it has none.")
    reasons: list[Reason]


class CurrencyTotals(BaseModel):
    currency: str
    untaxed: UnitPrice
    tax: UnitPrice
    total: UnitPrice


class Totals(BaseModel):
    customers: int
    invoices: int
    hours: UnitPrice
    by_currency: list[CurrencyTotals]


class InvoiceBatchPreview(BaseModel):
    invoices: list[PreviewInvoice]
    unbilled_times: list[UnbilledTime]
    customers_without_times: list[uuid.UUID]
    customers_excluded: list[uuid.UUID] = Field(description=(
        "The customers of the selection that `exclude_customer_ids` leaves out (as billing targets)."))
    credit_notes: list[PreviewCreditNote] = Field(description=(
        "The credit notes the batch would make: one per customer whose adjustments bill fewer hours than were "
        "billed. `totals` cover `invoices` only."))
    totals: Totals


class Progress(BaseModel):
    customers_total: int
    customers_done: int


class BatchLinks(BaseModel):
    self: str
    report: str


class InvoiceBatchOut(BaseModel):
    # `validate` in JSON (the spec's name) but not as a Python attribute, where it would shadow
    # BaseModel's own; the alias is used both ways so the OpenAPI schema tells clients the truth.
    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)

    id: uuid.UUID
    status: str
    title: str
    selection_id: uuid.UUID | None
    customer_ids: list[uuid.UUID] | None
    source_type: str | None
    period_start: date | None
    period_end: date | None
    cutoff_date: date | None
    include_late_time: bool
    exclude_customer_ids: list[uuid.UUID]
    show_employee_names: bool
    validate_invoices: bool = Field(alias="validate")
    send: bool
    product_mandatory: bool
    run_at: datetime
    notify_email: str | None
    invoice_per: str
    line_grouping: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    progress: Progress
    links: BatchLinks

    @classmethod
    def of(cls, batch) -> "InvoiceBatchOut":
        base = f"/v1/invoice-batches/{batch.id}"
        return cls.model_validate({
            **{name: getattr(batch, name) for name in cls.model_fields if name not in {"progress", "links"}},
            "progress": {"customers_total": batch.customers_total, "customers_done": batch.customers_done},
            "links": {"self": base, "report": f"{base}/report"}})


class CreatedInvoice(BaseModel):
    invoice_id: uuid.UUID
    customer_id: uuid.UUID
    customer_external_id: str | None = Field(description="The customer's `external_id`; null when it has none.")
    number: str | None
    status: str
    total: UnitPrice
    currency: str


class InvoiceWithReasons(BaseModel):
    invoice_id: uuid.UUID
    customer_id: uuid.UUID
    customer_external_id: str | None = Field(description="The customer's `external_id`; null when it has none.")
    reasons: list[Reason]


class CreatedCreditNote(CreatedInvoice):
    credited_invoice_ids: list[uuid.UUID]


class FailedCustomer(BaseModel):
    customer_id: uuid.UUID
    customer_external_id: str | None = Field(description="The customer's `external_id`; null when it has none.")
    error: str | None


class ReportCounts(BaseModel):
    """The exact size of each selection, however many of its items the report shows."""

    invoices_created: int
    invoices_not_validated: int
    invoices_not_sent: int
    unbilled_times: int
    customers_without_times: int
    customers_excluded: int
    credit_notes_created: int
    customers_failed: int


class InvoiceBatchReport(BaseModel):
    batch_id: uuid.UUID
    status: str
    invoices_created: list[CreatedInvoice]
    invoices_not_validated: list[InvoiceWithReasons]
    invoices_not_sent: list[InvoiceWithReasons]
    unbilled_times: list[UnbilledTime]
    customers_without_times: list[uuid.UUID]
    customers_excluded: list[uuid.UUID]
    credit_notes_created: list[CreatedCreditNote]
    customers_failed: list[FailedCustomer]
    counts: ReportCounts
    truncated: bool = Field(description="true when a selection holds more items than the report shows "
                                        "(the first 1,000); page through it at `/report/{selection}`.")
    totals: Totals
