"""The shapes of the webhook events (SPEC §5), documented in the OpenAPI document's `webhooks`
section: what a receiver gets in each POST, with its signature header."""

from datetime import datetime
from typing import Annotated, Literal

from fastapi import FastAPI, Header
from pydantic import BaseModel, Field

from app.invoice_batches.schemas import InvoiceBatchOut, Totals
from app.invoices.schemas import InvoiceOut

SIGNATURE = Annotated[str, Header(alias="Rebill-Signature", description=(
    "t=<unix time>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" keyed with the endpoint's secret>"))]
EVENT_ID = Annotated[str, Header(alias="Rebill-Event-Id", description="The event's id; the same on every attempt.")]


class BatchSummary(BaseModel):
    invoices_created: int
    invoices_not_validated: int
    invoices_not_sent: int
    unbilled_times: int
    customers_without_times: int
    totals: Totals


class CompletedBatch(InvoiceBatchOut):
    summary: BatchSummary


class _Event(BaseModel):
    id: str = Field(examples=["evt_01a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6"])
    created: datetime


class InvoiceBatchCompletedEvent(_Event):
    type: Literal["invoice_batch.completed"]
    data: CompletedBatch


class InvoiceEvent(_Event):
    type: Literal["invoice.validated", "invoice.sent", "invoice.paid"]
    data: InvoiceOut


class CreditNoteEvent(_Event):
    type: Literal["credit_note.validated"]
    data: InvoiceOut


def document_webhooks(app: FastAPI) -> None:
    @app.webhooks.post("invoice_batch.completed", operation_id="invoice_batch_completed", status_code=200,
                       responses={200: {"description": "Received. Any other answer is retried."}})
    def invoice_batch_completed(event: InvoiceBatchCompletedEvent, rebill_signature: SIGNATURE,
                                rebill_event_id: EVENT_ID) -> None:
        """A batch reached a final status (succeeded, completed_with_errors, failed, cancelled);
        `data.summary` counts the four selections of its report. Answer 2xx; anything else is
        retried with exponential backoff for at least 24 hours."""

    @app.webhooks.post("invoice.validated", operation_id="invoice_validated", status_code=200,
                       responses={200: {"description": "Received. Any other answer is retried."}})
    def invoice_validated(event: InvoiceEvent, rebill_signature: SIGNATURE, rebill_event_id: EVENT_ID) -> None:
        """An invoice was validated (numbered, immutable), by a batch or by hand."""

    @app.webhooks.post("invoice.sent", operation_id="invoice_sent", status_code=200,
                       responses={200: {"description": "Received. Any other answer is retried."}})
    def invoice_sent(event: InvoiceEvent, rebill_signature: SIGNATURE, rebill_event_id: EVENT_ID) -> None:
        """The mail server accepted the email carrying the invoice."""

    @app.webhooks.post("credit_note.validated", operation_id="credit_note_validated", status_code=200,
                       responses={200: {"description": "Received. Any other answer is retried."}})
    def credit_note_validated(event: CreditNoteEvent, rebill_signature: SIGNATURE, rebill_event_id: EVENT_ID) -> None:
        """A credit note was validated (numbered in the credit note sequence): `data` is the credit note,
        `data.credited_invoice_ids` the invoices it credits."""

    @app.webhooks.post("invoice.paid", operation_id="invoice_paid", status_code=200,
                       responses={200: {"description": "Received. Any other answer is retried."}})
    def invoice_paid(event: InvoiceEvent, rebill_signature: SIGNATURE, rebill_event_id: EVENT_ID) -> None:
        """A payment brought what is due on an invoice to nothing: `data` is the invoice, with its
        `amount_paid`, `amount_due` and `payment_status`."""
