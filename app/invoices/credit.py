"""Credit notes made by hand (SPEC §10): `POST /v1/invoices/{id}/credit` credits what remains
uncredited of a validated invoice, in full, with a validated credit note numbered in its own
sequence; optionally releases the invoice's time (billable again) and emails the credit note.

Everything happens in the request's transaction, under the invoice's row lock: two credits of one
invoice at once make one credit note, and the other finds nothing left to credit (409). A credited
invoice's content never changes: only its status, its `credited_amount` and its lines' `released`
flag move. Releasing marks the lines released in the same statement order that clears the entries'
links, so the database's partial unique index (migration 0013) sees at most one active line per
entry at any moment. Services never commit."""

import uuid
import zoneinfo
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import func, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.delivery import outbox
from app.errors import Conflict, NotFound
from app.invoices.schemas import CreditRequest, InvoiceOut
from app.invoices.service import _NEXT_NUMBER, invoice_resource, paid_by_credit, to_out
from app.invoicing.crediting import CreditableLine, EarlierCredit, plan_credit
from app.invoicing.numbering import counter_year, format_number, number_prefix
from app.kit import idempotency
from app.kit.currency import minor_units
from app.kit.ids import new_id
from app.kit.repository import parse_id
from app.contracts.service import give_back_coverage
from app.models import Customer, Invoice, InvoiceLine, TenantSettings, TimeEntry
from app.queue import enqueue_after_commit
from app.webhooks.service import emit_event

CREDIT_NOTE = "credit_note"


def request_hash(invoice_id: str, request: CreditRequest) -> str:
    return idempotency.request_digest("credit_invoice", invoice_id=invoice_id, body=request.model_dump(mode="json"))


async def credit_invoice(session: AsyncSession, *, tenant_id: uuid.UUID, invoice_id: str, request: CreditRequest,
                         idempotency_key: str | None, sender: str) -> tuple[int, dict]:
    """(HTTP status, the credit note as JSON); with an Idempotency-Key, the first answer for that key.
    The key is claimed first: a concurrent request with the same key waits for this one to commit."""
    async def make() -> dict:
        credit_note = await _credit(session, tenant_id=tenant_id, invoice_id=invoice_id, request=request,
                                    sender=sender)
        return InvoiceOut.model_validate((await to_out(session, [credit_note]))[0]).model_dump(mode="json")

    return await idempotency.answer_once(session, tenant_id=tenant_id, key=idempotency_key, status=201, make=make,
                                         digest=request_hash(invoice_id, request))


async def locked_invoice(session: AsyncSession, tenant_id: uuid.UUID, invoice_id: str) -> Invoice:
    # FOR UPDATE re-reads the row once the lock is granted: a credit that waited on another sees
    # what that one committed.
    """The invoice under its row lock (credits and payments of one invoice take turns)."""
    parsed = parse_id(invoice_id)
    invoice = parsed and await session.scalar(
        select(Invoice).where(Invoice.id == parsed, Invoice.tenant_id == tenant_id)
        .with_for_update().execution_options(populate_existing=True))
    if not invoice:
        raise NotFound(f"No invoice {invoice_id}.")
    return invoice


async def _credit(session: AsyncSession, *, tenant_id: uuid.UUID, invoice_id: str, request: CreditRequest,
                  sender: str) -> Invoice:
    invoice = await locked_invoice(session, tenant_id, invoice_id)
    if invoice.type == CREDIT_NOTE:
        raise Conflict("A credit note cannot be credited.", code="credit_note_not_creditable")
    if invoice.status == "draft":
        raise Conflict("Only a validated invoice can be credited; a draft can be deleted instead.",
                       code="invoice_not_validated")
    lines = (await session.scalars(select(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id)
                                   .order_by(InvoiceLine.position))).all()
    earlier = (await session.execute(
        select(InvoiceLine.credited_line_id, InvoiceLine.time_entry_id, InvoiceLine.quantity, InvoiceLine.amount)
        .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
        .where(InvoiceLine.credited_invoice_id == invoice.id, Invoice.type == CREDIT_NOTE))).all()
    plan = plan_credit(
        lines=[CreditableLine(id=line.id, time_entry_id=line.time_entry_id, product_id=line.product_id,
                              description=line.description, quantity=line.quantity, unit=line.unit,
                              unit_price=line.unit_price, amount=line.amount, tax_rate=line.tax_rate)
               for line in lines],
        earlier=[EarlierCredit(credited_line_id=row.credited_line_id, time_entry_id=row.time_entry_id,
                               quantity=row.quantity, amount=row.amount) for row in earlier],
        places=minor_units(invoice.currency))
    if invoice.status == "credited" or not plan.lines:
        raise Conflict("Nothing is left to credit on this invoice.", code="nothing_to_credit")

    settings = await session.get(TenantSettings, tenant_id)
    issue_date = datetime.now(zoneinfo.ZoneInfo(settings.timezone)).date()
    year = counter_year(settings, issue_date)
    number = await session.scalar(_NEXT_NUMBER, {"tenant": tenant_id, "kind": CREDIT_NOTE, "year": year})
    recipient = None
    if request.send:
        emails = await session.scalar(select(Customer.emails).where(Customer.tenant_id == tenant_id,
                                                                    Customer.id == invoice.customer_id))
        recipient = emails[0] if emails else None
    credit_note = Invoice(
        id=new_id(), tenant_id=tenant_id, type=CREDIT_NOTE, batch_id=None, customer_id=invoice.customer_id,
        number=format_number(number_prefix(settings, year, CREDIT_NOTE), number), status="validated",
        bill_to=invoice.bill_to, title=invoice.title, subtitle=invoice.subtitle,
        period_start=invoice.period_start, period_end=invoice.period_end, issue_date=issue_date, due_date=None,
        currency=invoice.currency, untaxed_amount=plan.untaxed_amount, tax_amount=plan.tax_amount,
        total=plan.total,
        taxes=[{"rate": str(t.rate), "base": str(t.base), "amount": str(t.amount)} for t in plan.taxes],
        credited_invoice_ids=[invoice.id], credit_reason=request.reason, terms=invoice.terms,
        not_validated_reasons=[], validated_at=datetime.now(UTC),
        delivery_status=("pending" if recipient else "failed") if request.send else "not_requested",
        delivery_failure="missing_email" if request.send and not recipient else None)
    session.add(credit_note)
    await session.flush()
    await session.execute(insert(InvoiceLine), [
        {"id": new_id(), "tenant_id": tenant_id, "invoice_id": credit_note.id, "position": n,
         "time_entry_id": line.time_entry_id, "product_id": line.product_id, "description": line.description,
         "quantity": line.quantity, "hours_worked": line.quantity, "unit": line.unit,
         "unit_price": line.unit_price, "amount": line.amount,
         "tax_rate": line.tax_rate, "credited_invoice_id": invoice.id, "credited_line_id": line.credited_line_id}
        for n, line in enumerate(plan.lines)])

    # Everything left is credited now: the invoice is credited, whatever cent the separate tax
    # roundings of several credit notes may leave.
    due_before = invoice.amount_due
    invoice.credited_amount += plan.total
    invoice.status = "credited"
    if request.release_time:
        await _release_time(session, invoice)
    await session.flush()
    await session.refresh(invoice, ["amount_due"])
    await paid_by_credit(session, tenant_id=tenant_id, invoice_id=invoice.id, due_before=due_before,
                         due_after=invoice.amount_due, amount_paid=invoice.amount_paid)

    enqueue_after_commit(session, "render_invoice_pdfs", None, str(credit_note.id), job_id=f"pdf:{credit_note.id}")
    if recipient:
        row = outbox.new_outbox_row(tenant_id=tenant_id, kind="invoice", recipient=recipient, sender=sender,
                                    invoice_id=credit_note.id)
        session.add(row)
        await session.flush()
        enqueue_after_commit(session, outbox.SEND_TASK, str(row.id), job_id=f"email:{row.id}")
    await emit_event(session, tenant_id=tenant_id, type="credit_note.validated",
                     data=lambda: invoice_resource(session, credit_note))
    return credit_note


async def _release_time(session: AsyncSession, invoice: Invoice) -> None:
    """The invoice's time entries become billable again: its lines are marked released (they leave
    the unique index of active lines) and the entries' links are cleared. The lines stay, as they
    were printed."""
    rows = (await session.execute(
        update(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id,
                                  or_(InvoiceLine.time_entry_id.is_not(None), InvoiceLine.time_entry_ids.is_not(None)),
                                  InvoiceLine.released.is_(False))
        .values(released=True)
        .returning(InvoiceLine.id, InvoiceLine.time_entry_id, InvoiceLine.time_entry_ids, InvoiceLine.covered,
                   InvoiceLine.contract_id, InvoiceLine.quantity)
        .execution_options(synchronize_session=False))).all()
    released = list(dict.fromkeys(entry for row in rows for entry in (row.time_entry_ids or [row.time_entry_id])))
    # What its covered lines consumed of blocks and retainers, and the blocks and retainer cycles it
    # billed, are given back (SPEC §11): the released time is billed again with them, never twice.
    await give_back_coverage(session, invoice=invoice, covered=[(row.contract_id, row.quantity) for row in rows
                                                                if row.covered and row.contract_id is not None])
    if released:
        await session.execute(
            update(TimeEntry).where(TimeEntry.tenant_id == invoice.tenant_id, TimeEntry.id.in_(released),
                                    TimeEntry.invoice_id == invoice.id)
            .values(invoice_id=None, invoice_line_id=None).execution_options(synchronize_session=False))
    # A correction still waiting against a released line has nothing left to correct (SPEC §10):
    # it becomes a replacement, billed in the stead of its original and of the entry the released line
    # billed — the original, or an adjustment that replaced it earlier: both are billable again
    # otherwise, and the time would be billed twice.
    corrected = (await session.execute(
        select(TimeEntry.adjusts_id, InvoiceLine.time_entry_id)
        .join(InvoiceLine, InvoiceLine.id == TimeEntry.corrected_invoice_line_id)
        .where(TimeEntry.tenant_id == invoice.tenant_id, TimeEntry.adjusts_id.is_not(None),
               TimeEntry.corrected_invoice_id == invoice.id, TimeEntry.adjustment_status == "pending"))).all()
    replaced = {entry for row in corrected for entry in row if entry is not None}
    if replaced:
        await session.execute(
            update(TimeEntry).where(TimeEntry.tenant_id == invoice.tenant_id, TimeEntry.adjusts_id.is_not(None),
                                    TimeEntry.corrected_invoice_id == invoice.id,
                                    TimeEntry.adjustment_status == "pending")
            .values(corrected_invoice_id=None, corrected_invoice_line_id=None)
            .execution_options(synchronize_session=False))
        await session.execute(
            update(TimeEntry).where(TimeEntry.tenant_id == invoice.tenant_id, TimeEntry.id.in_(replaced))
            .values(superseded=True).execution_options(synchronize_session=False))
    await _rebill_corrected_hours(session, invoice, {row.id: row.time_entry_id for row in rows
                                                     if row.time_entry_id is not None}, replaced)


async def _rebill_corrected_hours(session: AsyncSession, invoice: Invoice, released: dict[uuid.UUID, uuid.UUID],
                                  replaced: set[uuid.UUID]) -> None:
    """A released line whose time a settled correction had changed is billed again at the corrected
    hours, not at the entry's own: its entry is superseded by a new replacement of the corrected hours,
    less what other lines (an earlier correction's extra hours, on another invoice) still bill of it.
    A line with a correction still pending was handled above: that correction replaces it."""
    lines = [line for line, entry in released.items() if entry not in replaced]
    if not lines:
        return
    latest = {row.corrected_invoice_line_id: row for row in (await session.execute(
        select(TimeEntry.corrected_invoice_line_id, TimeEntry.hours)
        .where(TimeEntry.tenant_id == invoice.tenant_id, TimeEntry.adjusts_id.is_not(None),
               TimeEntry.corrected_invoice_line_id.in_(lines), TimeEntry.adjustment_status == "settled")
        .order_by(TimeEntry.corrected_invoice_line_id, TimeEntry.created_at, TimeEntry.id))).all()}  # last wins
    for line_id, correction in latest.items():
        entry = await session.get(TimeEntry, released[line_id], with_for_update=True)
        hours = correction.hours - await _still_billed_elsewhere(session, invoice, line_id)
        entry.superseded = True
        if hours > 0:
            session.add(TimeEntry(
                tenant_id=entry.tenant_id, work_item_id=entry.work_item_id, employee_id=entry.employee_id,
                employee_name=entry.employee_name, started_at=entry.started_at, hours=hours,
                product_id=entry.product_id, status="approved", billable=entry.billable, note=entry.note,
                adjusts_id=entry.adjusts_id or entry.id, adjustment_status="pending"))
    await session.flush()


async def _still_billed_elsewhere(session: AsyncSession, invoice: Invoice, line_id: uuid.UUID) -> Decimal:
    """Hours that other invoices' lines still bill of the time a line billed: the extra lines of
    corrections settled against it, less what credit notes took back of them."""
    corrections = select(TimeEntry.id).where(
        TimeEntry.tenant_id == invoice.tenant_id, TimeEntry.adjusts_id.is_not(None),
        TimeEntry.corrected_invoice_line_id == line_id, TimeEntry.adjustment_status == "settled")
    extra = (await session.execute(
        select(InvoiceLine.id, InvoiceLine.quantity)
        .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
        .where(InvoiceLine.time_entry_id.in_(corrections), InvoiceLine.credited_invoice_id.is_(None),
               InvoiceLine.released.is_(False), Invoice.type == "invoice", Invoice.id != invoice.id,
               Invoice.status.in_(("validated", "credited"))))).all()
    if not extra:
        return Decimal(0)
    taken_back = dict((await session.execute(
        select(InvoiceLine.credited_line_id, func.sum(InvoiceLine.quantity))
        .where(InvoiceLine.credited_line_id.in_([row.id for row in extra]))
        .group_by(InvoiceLine.credited_line_id))).all())
    return sum((row.quantity - taken_back.get(row.id, Decimal(0)) for row in extra), Decimal(0))

