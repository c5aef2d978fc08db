"""The email outbox (SPEC §4.2 step 5, §5): invoices and batch summaries.

A row is written in the transaction that asks for the email; the message leaves only after that
transaction commits (a job queued after commit, or the batch runner once the customer's transaction
is done). A sender claims the row (`sending_since`, committed) before talking to the server, so two
workers never send one row at the same time and no transaction stays open across SMTP; a row is
marked sent only once the server accepted the message, and the invoice's `delivery` mirrors its row
in the same transaction. Delivery is at least once: a sender that dies between the server's
acceptance and the record leaves a stale claim, and the row goes again. A server that refuses the
message (5xx) fails the row at once with its answer; one that cannot be reached or answers 4xx gets
MAX_ATTEMPTS tries."""

import asyncio
import logging
import time
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db import session_scope
from app.delivery.mailer import DeliveryError, Mailer
from app.delivery.messages import batch_summary_email, invoice_email, message_id
from app.errors import Conflict, FieldError, InvalidInput
from app.invoice_batches.report import batch_summary
from app.invoices.documents import invoice_facturx, invoice_pdf
from app.kit.ids import new_id
from app.kit.repository import get_owned, where_given
from app.models import Customer, EmailOutbox, Invoice, InvoiceBatch, TenantSettings
from app.invoices.service import invoice_resource
from app.queue import enqueue_after_commit, unit_of_work
from app.webhooks.service import emit_event

log = logging.getLogger("rebill.delivery")

SEND_TASK = "send_email"
MAX_ATTEMPTS = 3
PAUSES = (1.0, 4.0)  # seconds before the 2nd and 3rd attempt, for a transient failure only
# A pending row older than this has lost its job (or its worker): the sweeper queues it again.
LOST_AFTER = timedelta(minutes=2)


def sender_of(settings: TenantSettings, default_sender: str) -> str:
    """The From address: the tenant's own, else SMTP_FROM."""
    return settings.email_sender or default_sender


def new_outbox_row(*, tenant_id: uuid.UUID, kind: str, recipient: str, sender: str,
                   invoice_id: uuid.UUID | None = None, batch_id: uuid.UUID | None = None) -> EmailOutbox:
    row_id = new_id()
    return EmailOutbox(id=row_id, tenant_id=tenant_id, kind=kind, invoice_id=invoice_id, batch_id=batch_id,
                       recipient=recipient, message_id=message_id(row_id, sender))


async def request_invoice_email(session: AsyncSession, *, tenant_id: uuid.UUID, invoice_id: str,
                                sender: str) -> Invoice:
    """`POST /v1/invoices/{id}/send`: queue the invoice for its customer's first email address. An
    invoice already on its way is not queued twice."""
    invoice = await get_owned(session, Invoice, tenant_id, invoice_id, for_update=True)
    if invoice.status == "draft":
        raise Conflict("Only a validated invoice can be sent; validate the draft first.",
                       code="invoice_not_validated")
    if invoice.delivery_status == "pending":
        return invoice
    emails = await session.scalar(select(Customer.emails).where(Customer.id == invoice.customer_id))
    if not emails:
        raise InvalidInput("The customer has no email address to send the invoice to.", code="missing_email",
                           errors=[FieldError(field="customer.emails", code="missing_email",
                                              message="The customer has no email address.")])
    row = new_outbox_row(tenant_id=tenant_id, kind="invoice", recipient=emails[0], sender=sender,
                         invoice_id=invoice.id, batch_id=invoice.batch_id)
    session.add(row)
    invoice.delivery_status, invoice.delivery_attempts = "pending", 0
    invoice.delivery_last_error = invoice.delivery_failure = None
    await session.flush()
    enqueue_after_commit(session, SEND_TASK, str(row.id), job_id=f"email:{row.id}")
    return invoice


async def queue_batch_summary(session: AsyncSession, *, batch: InvoiceBatch, sender: str) -> uuid.UUID | None:
    if not batch.notify_email:
        return None
    row = new_outbox_row(tenant_id=batch.tenant_id, kind="batch_summary", recipient=batch.notify_email,
                         sender=sender, batch_id=batch.id)
    session.add(row)
    await session.flush()
    return row.id


async def deliver(sessionmaker: async_sessionmaker[AsyncSession], outbox_id: uuid.UUID, mailer: Mailer, *,
                  wait: bool = False, redis=None) -> str | None:
    """Send one outbox row if it is still pending; its final status, or None when another sender
    holds it (`wait=True` waits for that sender instead, and reports what it did).

    Three steps, so that no transaction stays open while the mail server is talked to: claim the
    row and build the message (its PDF stored on the way), send, record the answer."""
    try:
        claim = await _claim(sessionmaker, outbox_id, mailer, wait=wait)
    except Exception as exc:  # noqa: BLE001  (a message we cannot even build must not stay pending forever)
        log.exception("email %s could not be prepared", outbox_id)
        return await _record(sessionmaker, outbox_id, None, attempts=0, answer=None, redis=redis,
                             error=f"the message could not be prepared ({type(exc).__name__})")
    if not isinstance(claim, tuple):
        return claim
    message, claimed_at = claim
    attempts, answer, error = await _send(mailer, message)
    return await _record(sessionmaker, outbox_id, claimed_at, attempts=attempts, answer=answer, error=error,
                         redis=redis)


async def _claim(sessionmaker: async_sessionmaker[AsyncSession], outbox_id: uuid.UUID, mailer: Mailer, *,
                 wait: bool):
    """(message, claim time) when this caller is to send the row; else its status, or None."""
    give_up = time.monotonic() + LOST_AFTER.total_seconds()
    while True:
        async with session_scope(sessionmaker) as session:
            row = await session.scalar(select(EmailOutbox).where(EmailOutbox.id == outbox_id)
                                       .with_for_update(skip_locked=not wait))
            if row is None or row.status != "pending":
                return row.status if row else None
            now = datetime.now(UTC)
            if row.sending_since is None or row.sending_since < now - LOST_AFTER:
                settings = await session.get(TenantSettings, row.tenant_id)
                message = await _compose(session, row, settings, mailer)
                row.sending_since = now
                return message, now
        if not wait or time.monotonic() > give_up:
            return None  # another sender is at it
        await asyncio.sleep(0.2)


async def _send(mailer: Mailer, message) -> tuple[int, str | None, str | None]:
    """(attempts, the server's answer when it accepted the message, else the last error)."""
    attempts = 0
    while True:
        attempts += 1
        try:
            return attempts, await mailer.send(message), None
        except DeliveryError as exc:
            if not exc.permanent and attempts < MAX_ATTEMPTS:
                await asyncio.sleep(PAUSES[attempts - 1])
                continue
            log.warning("email to %s failed after %d attempt(s): %s", message["To"], attempts, exc.answer)
            return attempts, None, exc.answer


async def _record(sessionmaker: async_sessionmaker[AsyncSession], outbox_id: uuid.UUID, claimed_at, *,
                  attempts: int, answer: str | None, error: str | None, redis) -> str | None:
    # unit_of_work: the invoice.sent event's deliveries are queued once this transaction commits.
    async with unit_of_work(sessionmaker, redis) as session:
        row = await session.scalar(select(EmailOutbox).where(EmailOutbox.id == outbox_id).with_for_update())
        if row is None or row.status != "pending" or row.sending_since != claimed_at:
            return row.status if row else None  # our claim went stale and another sender took the row
        row.attempts += attempts
        row.sending_since = None
        if answer is not None:
            row.status, row.server_answer, row.sent_at = "sent", answer[:1000], datetime.now(UTC)
        else:
            row.status, row.last_error = "failed", (error or "")[:1000]
        if row.invoice_id is not None:
            invoice = await session.get(Invoice, row.invoice_id, with_for_update=True)
            _mirror_on_invoice(invoice, row)
            if row.status == "sent":
                await emit_event(session, tenant_id=invoice.tenant_id, type="invoice.sent",
                                 data=lambda: invoice_resource(session, invoice))
        return row.status


async def _compose(session: AsyncSession, row: EmailOutbox, settings: TenantSettings, mailer: Mailer):
    sender = sender_of(settings, mailer.default_sender)
    if row.kind == "invoice":
        invoice = await session.get(Invoice, row.invoice_id)
        # settings.einvoice_format: the plain PDF, or the same PDF carrying its CII XML (Factur-X).
        pdf = await (invoice_facturx if settings.einvoice_format == "facturx" else invoice_pdf)(session, invoice)
        return invoice_email(invoice=invoice, seller_name=settings.legal_name or None, sender=sender,
                             recipient=row.recipient, msg_id=row.message_id, pdf=pdf, language=settings.language)
    batch = await session.get(InvoiceBatch, row.batch_id)
    summary = await batch_summary(session, batch)
    url = f"{mailer.public_base_url}/v1/invoice-batches/{batch.id}/report"
    return batch_summary_email(batch=batch, summary=summary, sender=sender, recipient=row.recipient,
                               msg_id=row.message_id, report_url=url)


def _mirror_on_invoice(invoice: Invoice, row: EmailOutbox) -> None:
    invoice.delivery_status, invoice.delivery_attempts = row.status, row.attempts
    if row.status == "sent":
        invoice.sent_at, invoice.delivery_last_error, invoice.delivery_failure = row.sent_at, None, None
    else:
        invoice.delivery_last_error, invoice.delivery_failure = row.last_error, "delivery_failed"


async def pending_rows(session: AsyncSession, *, batch_id: uuid.UUID | None = None, kind: str | None = None,
                       older_than: timedelta | None = None) -> list[uuid.UUID]:
    stmt = where_given(select(EmailOutbox.id).where(EmailOutbox.status == "pending").order_by(EmailOutbox.created_at),
                       (EmailOutbox.batch_id, batch_id), (EmailOutbox.kind, kind))
    if older_than is not None:  # and not being sent right now by a live sender
        cutoff = datetime.now(UTC) - older_than
        stmt = stmt.where(EmailOutbox.created_at < cutoff,
                          or_(EmailOutbox.sending_since.is_(None), EmailOutbox.sending_since < cutoff))
    return list((await session.scalars(stmt)).all())
