"""Payments and refunds of validated invoices (SPEC §12): `POST /v1/invoices/{id}/payments` records one
(a refund is a negative amount), `GET` lists them.

Recording happens under the invoice's row lock, in the request's transaction: two payments of one
invoice at once are checked one after the other against what is due, so together they never pay it
twice. The invoice's running sums move in the same transaction as the payment row; PostgreSQL derives
`amount_due` and `payment_status` from them (migration 0018). Event `invoice.paid` when a payment
brings what is due to nothing. Services never commit."""

import uuid
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Conflict, FieldError, InvalidInput
from app.invoices.credit import locked_invoice
from app.invoices.schemas import PaymentCreate, PaymentOut
from app.invoices.service import invoice_resource
from app.kit import idempotency
from app.kit.currency import minor_units
from app.kit.money import format_decimal
from app.kit.pagination import CreatedPageParams
from app.kit.repository import fetch_created_page, get_owned
from app.models import Invoice, Payment
from app.webhooks.service import emit_event


def request_hash(invoice_id: str, request: PaymentCreate) -> str:
    return idempotency.request_digest("record_payment", invoice_id=invoice_id, body=request.model_dump(mode="json"))


def _refused(code: str, message: str) -> InvalidInput:
    return InvalidInput(f"amount: {message}", code=code, errors=[FieldError(field="amount", code=code, message=message)])


async def record_payment(session: AsyncSession, *, tenant_id: uuid.UUID, invoice_id: str, request: PaymentCreate,
                         idempotency_key: str | None) -> tuple[int, dict]:
    """(HTTP status, the payment as JSON); with an Idempotency-Key, the first answer for that key."""
    async def make() -> dict:
        payment = await _record(session, tenant_id=tenant_id, invoice_id=invoice_id, request=request)
        return PaymentOut.model_validate(payment, from_attributes=True).model_dump(mode="json")

    return await idempotency.answer_once(session, tenant_id=tenant_id, key=idempotency_key, status=201, make=make,
                                         digest=request_hash(invoice_id, request))


async def _record(session: AsyncSession, *, tenant_id: uuid.UUID, invoice_id: str, request: PaymentCreate) -> Payment:
    invoice = await locked_invoice(session, tenant_id, invoice_id)
    if invoice.type == "credit_note":
        raise Conflict("A credit note is not paid: it reduces what is due on the invoices it credits.",
                       code="credit_note_not_payable")
    if invoice.status == "draft":
        raise Conflict("Only a validated invoice can be paid.", code="invoice_not_validated")
    amount = request.amount
    places = minor_units(invoice.currency)
    if amount == 0:
        raise _refused("invalid", "must not be zero: a payment is positive, a refund negative")
    if amount != amount.quantize(Decimal(1).scaleb(-places)):
        raise _refused("invalid", f"{invoice.currency} amounts have at most {places} decimal places")
    if amount > 0 and amount > invoice.amount_due:
        raise _refused("overpayment", f"{format_decimal(amount)} is more than the {format_decimal(invoice.amount_due)} "
                                      "due on the invoice")
    if amount < 0 and -amount > invoice.amount_paid:
        raise _refused("refund_exceeds_paid", f"a refund of {format_decimal(-amount)} is more than the "
                                              f"{format_decimal(invoice.amount_paid)} paid")
    was_due = invoice.amount_due
    invoice.amount_paid += amount
    if amount < 0:
        invoice.amount_refunded -= amount
    payment = Payment(tenant_id=tenant_id, invoice_id=invoice.id, amount=amount, paid_on=request.paid_on,
                      method=request.method, reference=request.reference)
    session.add(payment)
    await session.flush()
    await session.refresh(invoice, ["amount_due", "payment_status"])
    await session.refresh(payment, ["created_at"])
    if was_due > 0 and invoice.amount_due <= 0:
        await emit_event(session, tenant_id=tenant_id, type="invoice.paid",
                         data=lambda: invoice_resource(session, invoice))
    return payment


async def list_payments(session: AsyncSession, *, tenant_id: uuid.UUID, invoice_id: str,
                        page: CreatedPageParams) -> list[Payment]:
    invoice = await get_owned(session, Invoice, tenant_id, invoice_id)
    stmt = select(Payment).where(Payment.tenant_id == tenant_id, Payment.invoice_id == invoice.id)
    return await fetch_created_page(session, stmt, Payment, page)
