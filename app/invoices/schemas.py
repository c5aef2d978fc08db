"""Invoice shapes (SPEC Appendix A)."""

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.customers.schemas import TermsOut
from app.invoice_batches.schemas import BillToOut, Reason, TaxOut
from app.kit.money import HoursOrZero, SignedAmount, SignedAmountOut, TaxRate, UnitPrice
from app.kit.schemas import CalendarDate, Flag, Mention, RequestModel, ShortText

InvoiceStatus = Literal["draft", "validated", "credited"]
InvoiceType = Literal["invoice", "credit_note"]
PaymentMethod = Literal["bank_transfer", "card", "direct_debit", "cheque", "cash", "other"]
PaymentStatus = Literal["unpaid", "partially_paid", "paid", "refunded"]


class InvoiceLineOut(BaseModel):
    id: uuid.UUID
    description: str
    product_id: uuid.UUID
    quantity: HoursOrZero = Field(description=(
        "The hours billed: the hours worked, rounded by the time's `time_rounding` (it may round a short "
        "time down to 0.00, which is then billed at nothing)."))
    unit: str
    unit_price: UnitPrice
    amount: UnitPrice
    tax_rate: TaxRate
    time_entry_ids: list[uuid.UUID]
    hours_worked: HoursOrZero = Field(description=(
        "The hours worked, before rounding; `quantity` is the hours billed: the time rounded by its contract's "
        "`time_rounding`, else its customer's. Equal to `quantity` on lines that settle adjustments and on credit "
        "notes."))
    contract_id: uuid.UUID | None = Field(description="The contract the time was billed under; null without one.")
    covered: bool = Field(description="Covered by the contract's prepaid blocks or retainer (billed at 0.00).")
    late: bool = Field(description="Made from late time: ready time dated before the invoice's period that no "
                                   "earlier batch billed.")
    time_entry_external_ids: list[str | None] = Field(description=(
        "The `external_id` of each time entry, in the order of `time_entry_ids` (null for an entry that has none)."))
    credited_invoice_id: uuid.UUID | None = Field(
        default=None, description="On a credit note's line: the invoice this line credits; null on an invoice's line.")
    released: bool = Field(default=False, description=(
        "On a credited invoice's line: true once a credit note released its time entries, which are billable "
        "again. The line itself never changes."))


class Delivery(BaseModel):
    status: Literal["not_requested", "pending", "sent", "failed"]
    attempts: int
    last_error: str | None
    reason: Literal["missing_email", "delivery_failed"] | None = None


class InvoiceOut(BaseModel):
    id: uuid.UUID
    type: InvoiceType = Field(description=(
        "`invoice`, or `credit_note`: a document that credits invoices, with positive amounts and its own "
        "number sequence (`credit_note_number_prefix`)."))
    number: str | None
    status: InvoiceStatus = Field(description=(
        "`draft`, `validated` (numbered, immutable), or `credited`: a validated invoice that credit notes have "
        "credited in full. Its content never changes."))
    customer_id: uuid.UUID
    customer_external_id: str | None = Field(description="The customer's `external_id`; null when it has none.")
    batch_id: uuid.UUID | None
    contract_id: uuid.UUID | None = Field(default=None, description=(
        "Made by a batch with `invoice_per` `contract`: the contract it invoices (null: the time outside any "
        "contract, or one consolidated invoice)."))
    bill_to: BillToOut
    title: str
    subtitle: str
    period_start: date | None = Field(description="The period the invoice bills (printed as its subtitle).")
    period_end: date | None
    issue_date: date | None
    due_date: date | None
    currency: str
    lines: list[InvoiceLineOut]
    taxes: list[TaxOut]
    untaxed_amount: UnitPrice
    tax_amount: UnitPrice
    total: UnitPrice
    credited_invoice_ids: list[uuid.UUID] = Field(description="On a credit note: the invoices it credits; empty on an invoice.")
    credited_amount: UnitPrice = Field(description=(
        "On an invoice: how much of its total credit notes have credited; the invoice is `credited` once it "
        "reaches the total. Always 0 on a credit note."))
    credit_reason: str | None = Field(default=None, description="On a credit note made by hand: why.")
    amount_paid: SignedAmountOut = Field(description="What was paid, net of refunds.")
    amount_due: SignedAmountOut = Field(description=(
        "`total` − `credited_amount` − `amount_paid`: negative when a credit note came after a payment (the "
        "customer is owed a refund). On a credit note, which is never paid: its total, what it gives back."))
    payment_status: PaymentStatus = Field(description=(
        "`unpaid`, `partially_paid`, `paid` (nothing is due and something was paid), or `refunded` (paid, then "
        "refunded in full)."))
    exported_at: datetime | None = Field(description="When an export first carried the invoice; null: never exported.")
    terms: TermsOut
    not_validated_reasons: list[Reason]
    sent_at: datetime | None
    delivery: Delivery
    created_at: datetime


class CreditRequest(RequestModel):
    """`POST /v1/invoices/{id}/credit`: credit what remains uncredited of a validated invoice."""

    reason: Mention | None = Field(default=None, description=(
        "Why the invoice is credited; printed on the credit note. Absent: none is printed."))
    release_time: Flag = Field(default=False, description=(
        "true: the invoice's time entries become billable again (their `invoice_id` is null) and a later "
        "batch bills them at that day's prices."))
    send: Flag = Field(default=False, description=(
        "true: the credit note is emailed, with its PDF, to the customer's first email address."))



class PaymentCreate(RequestModel):
    """`POST /v1/invoices/{id}/payments`: a payment received, or (negative amount) a refund made."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"amount": "144.00", "paid_on": "2026-12-10", "method": "bank_transfer", "reference": "VIR 8812"}]})

    amount: SignedAmount = Field(description=(
        "In the invoice's currency, at most its minor unit. Positive: a payment, at most `amount_due` "
        "(more: 422 `overpayment`). Negative: a refund, at most what was paid (more: 422 `refund_exceeds_paid`). "
        "Zero is refused."))
    paid_on: CalendarDate = Field(description="The day the money moved.")
    method: PaymentMethod
    reference: ShortText | None = Field(default=None, description="The bank's or the processor's reference.")


class PaymentOut(BaseModel):
    id: uuid.UUID
    invoice_id: uuid.UUID
    amount: SignedAmountOut = Field(description="Negative for a refund.")
    paid_on: date
    method: PaymentMethod
    reference: str | None
    created_at: datetime
