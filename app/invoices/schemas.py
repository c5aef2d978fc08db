"""Invoice shapes (SPEC Appendix A)."""

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from app.customers.schemas import TermsOut
from app.invoice_batches.schemas import BillToOut, Reason, TaxOut
from app.kit.money import Hours, TaxRate, UnitPrice

InvoiceStatus = Literal["draft", "validated"]


class InvoiceLineOut(BaseModel):
    id: uuid.UUID
    description: str
    product_id: uuid.UUID
    quantity: Hours
    unit: str
    unit_price: UnitPrice
    amount: UnitPrice
    tax_rate: TaxRate
    time_entry_ids: list[uuid.UUID]
    late: bool = Field(description="Made from late time: ready time dated before the invoice's period that no "
                                   "earlier batch billed.")
    time_entry_external_ids: list[str | None] = Field(description=(
        "The `external_id` of each time entry, in the order of `time_entry_ids` (null for an entry that has none)."))


class Delivery(BaseModel):
    status: Literal["not_requested", "pending", "sent", "failed"]
    attempts: int
    last_error: str | None
    reason: Literal["missing_email", "delivery_failed"] | None = None


class InvoiceOut(BaseModel):
    id: uuid.UUID
    number: str | None
    status: InvoiceStatus
    customer_id: uuid.UUID
    customer_external_id: str | None = Field(description="The customer's `external_id`; null when it has none.")
    batch_id: uuid.UUID | None
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
    terms: TermsOut
    not_validated_reasons: list[Reason]
    sent_at: datetime | None
    delivery: Delivery
    created_at: datetime
