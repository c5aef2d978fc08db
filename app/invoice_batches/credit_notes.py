"""The credit note a batch makes for a customer (SPEC §10): one per customer per batch, for the
hours its corrections take back from validated invoices, at each corrected line's price and tax
rate. It is written in the customer's transaction, with the customer's invoice, and like it is
validated (numbered in the credit notes' own sequence) when the batch validates and the customer
has a billing address, else left a draft.

Rare next to invoices, so written plainly: the credit note row, its lines, the corrections linked
to their lines and settled, then what it credits added to each invoice it credits (whose rows the
batch locked when it read the corrections)."""

import uuid
import zoneinfo
from datetime import UTC, datetime

from sqlalchemy import ARRAY, Uuid, bindparam, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.invoices.labels import line_phrase
from app.delivery import outbox
from app.invoicing.loading import TargetCustomer
from app.invoicing.numbering import counter_year, format_number, number_prefix
from app.invoicing.planning import InvoicePlan
from app.invoices.service import _NEXT_NUMBER, add_to_credited_amounts, invoice_resource
from app.kit.ids import new_id, new_ids
from app.models import Invoice, InvoiceBatch, InvoiceLine, TenantSettings
from app.queue import enqueue_after_commit
from app.webhooks.service import emit_event

CREDIT_NOTE = "credit_note"

# The corrections a credit note settles, each linked to its line (read-only from now on, as any
# billed entry), only while still pending and unbilled: a run that raced this one finds them taken.
_SETTLE_ON_LINES = text("""
UPDATE time_entries te SET invoice_id = :invoice, invoice_line_id = s.line, adjustment_status = 'settled'
FROM unnest(CAST(:entries AS uuid[]), CAST(:lines AS uuid[])) AS s(entry, line)
WHERE te.tenant_id = :tenant AND te.id = s.entry AND te.adjustment_status = 'pending' AND te.invoice_id IS NULL
""")

# Corrections whose hours equal what was billed: nothing to bill or credit, settled all the same.
SETTLE_WITHOUT_LINE = text(
    "UPDATE time_entries SET adjustment_status = 'settled' "
    "WHERE tenant_id = :tenant AND id = ANY(:entries) AND adjustment_status = 'pending' AND invoice_id IS NULL"
).bindparams(bindparam("entries", type_=ARRAY(Uuid)))


async def write_credit_note(session: AsyncSession, *, batch: InvoiceBatch, settings: TenantSettings,
                            customer: TargetCustomer, plan: InvoicePlan, terms: dict, sender: str) -> uuid.UUID | None:
    """Writes the customer's credit note of this batch; the id of its outbox row when it is to be
    emailed."""
    validate = batch.validate_invoices and customer.billing_address is not None
    recipient = customer.emails[0] if validate and batch.send and customer.emails else None
    issue_date = datetime.now(zoneinfo.ZoneInfo(settings.timezone)).date()
    credited = list(dict.fromkeys(line.credited_invoice_id for line in plan.lines))
    numbers = dict((await session.execute(select(Invoice.id, Invoice.number).where(Invoice.id.in_(credited)))).all())
    number = None
    if validate:
        year = counter_year(settings, issue_date)
        drawn = await session.scalar(_NEXT_NUMBER, {"tenant": batch.tenant_id, "kind": CREDIT_NOTE, "year": year})
        number = format_number(number_prefix(settings, year, CREDIT_NOTE), drawn)
    note = Invoice(
        id=new_id(), tenant_id=batch.tenant_id, type=CREDIT_NOTE, batch_id=batch.id, customer_id=plan.customer_id,
        number=number, status="validated" if validate else "draft", bill_to=customer.bill_to_snapshot(),
        title=batch.title, subtitle=line_phrase(settings.language, "credits").format(
            numbers=", ".join(numbers.get(i) or str(i) for i in credited)),
        issue_date=issue_date if validate else None, due_date=None, currency=plan.currency,
        untaxed_amount=plan.untaxed_amount, tax_amount=plan.tax_amount, total=plan.total,
        taxes=[{"rate": str(t.rate), "base": str(t.base), "amount": str(t.amount)} for t in plan.taxes],
        credited_invoice_ids=credited, credit_reason=line_phrase(settings.language, "adjustment"), terms=terms,
        not_validated_reasons=["missing_billing_address"] if batch.validate_invoices and not validate else [],
        validated_at=datetime.now(UTC) if validate else None,
        delivery_status=("pending" if recipient else "failed") if validate and batch.send else "not_requested",
        delivery_failure="missing_email" if validate and batch.send and not recipient else None)
    session.add(note)
    await session.flush()
    line_ids = new_ids(len(plan.lines))
    await session.execute(insert(InvoiceLine), [
        {"id": line_id, "tenant_id": batch.tenant_id, "invoice_id": note.id, "position": n,
         "time_entry_id": line.time_entry_id, "product_id": line.product_id, "description": line.description,
         "quantity": line.quantity, "hours_worked": line.quantity, "unit": line.unit,
         "unit_price": line.unit_price, "amount": line.amount,
         "tax_rate": line.tax_rate, "credited_invoice_id": line.credited_invoice_id,
         "credited_line_id": line.credited_line_id}
        for n, (line_id, line) in enumerate(zip(line_ids, plan.lines, strict=True))])
    # A correction credited from several lines (an extra line, then the corrected one) is linked to its first.
    first_line = {}
    for line_id, line in zip(line_ids, plan.lines, strict=True):
        first_line.setdefault(line.time_entry_id, line_id)
    settled = await session.execute(_SETTLE_ON_LINES.bindparams(
        bindparam("entries", type_=ARRAY(Uuid)), bindparam("lines", type_=ARRAY(Uuid))), {
        "tenant": batch.tenant_id, "invoice": note.id, "entries": list(first_line), "lines": list(first_line.values())})
    if settled.rowcount != len(first_line):
        raise RuntimeError("corrections changed while being settled")  # rolls this customer back
    if not validate:
        return None
    await add_to_credited_amounts(session, note)
    enqueue_after_commit(session, "render_invoice_pdfs", None, str(note.id), job_id=f"pdf:{note.id}")

    async def resource() -> dict:
        return await invoice_resource(session, note)

    await emit_event(session, tenant_id=batch.tenant_id, type="credit_note.validated", data=resource)
    if recipient is None:
        return None
    row = outbox.new_outbox_row(tenant_id=batch.tenant_id, kind="invoice", recipient=recipient, sender=sender,
                                invoice_id=note.id, batch_id=batch.id)
    session.add(row)
    await session.flush()
    return row.id
