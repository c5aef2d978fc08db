"""Invoices after the batch (SPEC §4.4): read, validate a draft, delete a draft (its time entries
become billable again). A validated invoice never changes: 409."""

import uuid
import zoneinfo
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import ARRAY, Uuid, bindparam, case, delete, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.contracts.service import give_back_coverage
from app.errors import Conflict, FieldError, InvalidInput
from app.invoices.schemas import InvoiceOut
from app.invoicing.numbering import NEXT_NUMBER_SQL, counter_year, format_number, number_prefix
from app.invoicing.planning import tax_lines
from app.kit.currency import minor_units
from app.invoicing.reasons import reason
from app.kit.pagination import CreatedPageParams
from app.kit.repository import external_ids_of, fetch_created_page, get_owned, where_given
from app.models import Customer, Invoice, InvoiceLine, TenantSettings, TimeEntry
from app.queue import enqueue_after_commit
from app.webhooks.service import emit_event

_NEXT_NUMBER = text(NEXT_NUMBER_SQL)


async def list_invoices(session: AsyncSession, *, tenant_id: uuid.UUID, page: CreatedPageParams,
                        batch_id: uuid.UUID | None = None, customer_id: uuid.UUID | None = None,
                        status: str | None = None, type: str | None = None, payment_status: str | None = None,
                        exported: bool | None = None, issued_from: date | None = None,
                        issued_to: date | None = None) -> list[Invoice]:
    stmt = where_given(select(Invoice).where(Invoice.tenant_id == tenant_id), (Invoice.batch_id, batch_id),
                       (Invoice.customer_id, customer_id), (Invoice.status, status), (Invoice.type, type),
                       (Invoice.payment_status, payment_status))
    if exported is not None:
        stmt = stmt.where(Invoice.exported_at.is_not(None) if exported else Invoice.exported_at.is_(None))
    if issued_from is not None:
        stmt = stmt.where(Invoice.issue_date >= issued_from)
    if issued_to is not None:
        stmt = stmt.where(Invoice.issue_date <= issued_to)
    return await fetch_created_page(session, stmt, Invoice, page)


# A page's lines, driven from its invoice ids by index whatever the planner believes: freshly
# written lines have no statistics until someone analyses them, and an IN list was then planned as a
# scan of every line.
_PAGE_LINES = text("""
SELECT l.invoice_id, l.id, l.description, l.product_id, l.quantity, l.unit, l.unit_price, l.amount, l.tax_rate,
       l.time_entry_id, l.credited_invoice_id, l.released, l.late, l.hours_worked, l.contract_id, l.covered,
       coalesce(l.time_entry_ids, array_remove(ARRAY[l.time_entry_id], NULL)) AS entries
FROM unnest(:invoices) WITH ORDINALITY AS page(invoice_id, n)
CROSS JOIN LATERAL (SELECT * FROM invoice_lines WHERE invoice_id = page.invoice_id OFFSET 0) l
ORDER BY page.n, l.position
""").bindparams(bindparam("invoices", type_=ARRAY(Uuid)))


async def to_out(session: AsyncSession, invoices: list[Invoice]) -> list[dict]:
    """The invoices as the API shows them, with three queries however many invoices: their lines,
    their time entries' external ids, their customers' external ids. External ids are read, not
    copied onto the invoice: the batch's write stays as it is, and an invoice shows the id the
    helpdesk knows the customer by today."""
    lines: dict[uuid.UUID, list] = {i.id: [] for i in invoices}
    if not invoices:
        return []
    tenant_id = invoices[0].tenant_id
    rows = (await session.execute(_PAGE_LINES, {"invoices": list(lines)})).all()
    entry_external_ids = await external_ids_of(session, TimeEntry, tenant_id,
                                               {entry for row in rows for entry in row.entries})
    customer_external_ids = await external_ids_of(session, Customer, tenant_id, {i.customer_id for i in invoices})
    for line in rows:
        entries = list(line.entries)
        lines[line.invoice_id].append({
            "id": line.id, "description": line.description, "product_id": line.product_id,
            "quantity": line.quantity, "unit": line.unit, "unit_price": line.unit_price, "amount": line.amount,
            "tax_rate": line.tax_rate, "time_entry_ids": entries, "late": line.late,
            "hours_worked": line.hours_worked, "contract_id": line.contract_id, "covered": line.covered,
            "time_entry_external_ids": [entry_external_ids.get(entry) for entry in entries],
            "credited_invoice_id": line.credited_invoice_id, "released": line.released})
    return [{
        "id": i.id, "type": i.type, "number": i.number, "status": i.status, "customer_id": i.customer_id,
        "customer_external_id": customer_external_ids.get(i.customer_id), "batch_id": i.batch_id,
        "contract_id": i.contract_id,
        "bill_to": i.bill_to, "title": i.title, "subtitle": i.subtitle, "period_start": i.period_start,
        "period_end": i.period_end, "issue_date": i.issue_date,
        "due_date": i.due_date, "currency": i.currency, "lines": lines[i.id], "taxes": i.taxes,
        "untaxed_amount": i.untaxed_amount, "tax_amount": i.tax_amount, "total": i.total,
        "credited_invoice_ids": i.credited_invoice_ids, "credited_amount": i.credited_amount,
        "credit_reason": i.credit_reason, "amount_paid": i.amount_paid, "amount_due": i.amount_due,
        "payment_status": i.payment_status, "exported_at": i.exported_at, "terms": i.terms,
        "not_validated_reasons": [reason(code) for code in i.not_validated_reasons], "sent_at": i.sent_at,
        "delivery": {"status": i.delivery_status, "attempts": i.delivery_attempts,
                     "last_error": i.delivery_last_error, "reason": i.delivery_failure},
        "created_at": i.created_at} for i in invoices]


async def invoice_resource(session: AsyncSession, invoice: Invoice) -> dict:
    """The invoice as the API shows it, as JSON: the body of its webhook events."""
    return InvoiceOut.model_validate((await to_out(session, [invoice]))[0]).model_dump(mode="json")


async def validate_invoice(session: AsyncSession, *, tenant_id: uuid.UUID, invoice_id: str) -> Invoice:
    invoice = await get_owned(session, Invoice, tenant_id, invoice_id, for_update=True)
    if invoice.status != "draft":
        raise Conflict("The invoice is already validated.", code="invoice_validated")
    has_lines = await session.scalar(select(InvoiceLine.id).where(InvoiceLine.invoice_id == invoice.id).limit(1))
    blocking = [code for code, missing in (("missing_billing_address", not (invoice.bill_to or {}).get("address")),
                                           ("no_invoice_lines", has_lines is None)) if missing]
    if blocking:
        raise InvalidInput("The invoice cannot be validated: " + ", ".join(blocking), code="invoice_not_valid",
                           errors=[FieldError(field="invoice", code=code, message=reason(code)["message"])
                                   for code in blocking])
    settings = await session.get(TenantSettings, tenant_id)
    issue_date = datetime.now(zoneinfo.ZoneInfo(settings.timezone)).date()
    year = counter_year(settings, issue_date)
    number = await session.scalar(_NEXT_NUMBER, {"tenant": tenant_id, "kind": invoice.type, "year": year})
    invoice.number = format_number(number_prefix(settings, year, invoice.type), number)
    invoice.status = "validated"
    invoice.issue_date = issue_date
    credit_note = invoice.type == "credit_note"
    # A credit note is not payable: it has no due date (as one made by POST .../credit).
    invoice.due_date = None if credit_note else \
        issue_date + timedelta(days=(invoice.terms or {}).get("payment_terms_days") or 0)
    invoice.validated_at = datetime.now(zoneinfo.ZoneInfo("UTC"))
    invoice.not_validated_reasons = []
    await session.flush()
    if credit_note:  # a batch's draft credit note (adjustments) credits its invoices once validated
        await session.execute(select(Invoice.id).where(Invoice.tenant_id == tenant_id,
                                                       Invoice.id.in_(invoice.credited_invoice_ids))
                              .order_by(Invoice.id).with_for_update())
        await add_to_credited_amounts(session, invoice)
    # Its PDF is rendered once, now, and kept: what is read and sent later is that document.
    enqueue_after_commit(session, "render_invoice_pdfs", None, str(invoice.id), job_id=f"pdf:{invoice.id}")
    await emit_event(session, tenant_id=tenant_id, type="credit_note.validated" if credit_note else "invoice.validated",
                     data=lambda: invoice_resource(session, invoice))
    return invoice


async def delete_draft(session: AsyncSession, *, tenant_id: uuid.UUID, invoice_id: str) -> None:
    invoice = await get_owned(session, Invoice, tenant_id, invoice_id, for_update=True)
    if invoice.status != "draft":
        raise Conflict("A validated invoice can never be deleted; correct it with a credit note.",
                       code="invoice_validated")
    covered = (await session.execute(select(InvoiceLine.contract_id, InvoiceLine.quantity).where(
        InvoiceLine.invoice_id == invoice.id, InvoiceLine.covered, InvoiceLine.contract_id.is_not(None)))).all()
    await give_back_coverage(session, invoice=invoice, covered=[tuple(row) for row in covered])
    await session.execute(
        update(TimeEntry).where(TimeEntry.tenant_id == invoice.tenant_id, TimeEntry.invoice_id == invoice.id)
        # An adjustment billed by the draft was settled by it: pending again, billable again.
        .values(invoice_id=None, invoice_line_id=None,
                adjustment_status=case((TimeEntry.adjustment_status == "settled", "pending"),
                                       else_=TimeEntry.adjustment_status)))
    await session.execute(delete(Invoice).where(Invoice.id == invoice.id))  # its lines go with it


async def add_to_credited_amounts(session: AsyncSession, credit_note: Invoice) -> None:
    """A validated credit note adds, to each invoice it credits, what it credits of that invoice: its
    lines for that invoice and their tax (per rate, rounded as on any invoice). An invoice whose
    credited amount reaches its total is `credited`. Called under the invoice rows' locks (the batch
    locks them when it reads the corrections; POST .../validate, here)."""
    rows = (await session.execute(
        select(InvoiceLine.credited_invoice_id, InvoiceLine.tax_rate, InvoiceLine.amount)
        .where(InvoiceLine.invoice_id == credit_note.id, InvoiceLine.credited_invoice_id.is_not(None)))).all()
    places = minor_units(credit_note.currency)
    for invoice_id in dict.fromkeys(row.credited_invoice_id for row in rows):
        mine = [(row.tax_rate, row.amount) for row in rows if row.credited_invoice_id == invoice_id]
        share = sum((amount for _, amount in mine), Decimal(0)) + sum(
            (tax.amount for tax in tax_lines(mine, places)), Decimal(0))
        settled = (await session.execute(
            update(Invoice).where(Invoice.tenant_id == credit_note.tenant_id, Invoice.id == invoice_id,
                                  Invoice.type == "invoice")
            .values(credited_amount=Invoice.credited_amount + share,
                    status=case((Invoice.credited_amount + share >= Invoice.total, "credited"), else_=Invoice.status))
            .returning(Invoice.amount_due, Invoice.amount_paid)
            .execution_options(synchronize_session=False))).first()
        if settled is not None:
            await paid_by_credit(session, tenant_id=credit_note.tenant_id, invoice_id=invoice_id,
                                 due_before=settled.amount_due + share, due_after=settled.amount_due,
                                 amount_paid=settled.amount_paid)


async def paid_by_credit(session: AsyncSession, *, tenant_id: uuid.UUID, invoice_id: uuid.UUID, due_before: Decimal,
                         due_after: Decimal, amount_paid: Decimal) -> None:
    """A credit note that settles what payments left due makes the invoice paid (SPEC §12): event
    `invoice.paid`, as when a payment does. Credited with nothing paid, an invoice is not paid."""
    if amount_paid > 0 and due_before > 0 >= due_after:
        invoice = await session.get(Invoice, invoice_id, populate_existing=True)
        await emit_event(session, tenant_id=tenant_id, type="invoice.paid",
                         data=lambda: invoice_resource(session, invoice))
