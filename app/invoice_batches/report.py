"""The batch report (SPEC §4.3): the four result selections with reasons, the customers that had
nothing to bill, and totals per currency."""

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.invoice_batches.schemas import InvoiceBatchOut, Totals
from app.invoicing.planning import currency_totals
from app.invoicing.reasons import not_sent_reason, reason
from app.kit.repository import get_owned
from app.models import Invoice, InvoiceBatch, InvoiceBatchCustomer, InvoiceBatchUnbilled, InvoiceLine
from app.webhooks.service import emit_event


async def batch_report(session: AsyncSession, *, tenant_id: uuid.UUID, batch_id: str) -> dict:
    batch = await get_owned(session, InvoiceBatch, tenant_id, batch_id, label="invoice batch")
    invoices = (await session.scalars(select(Invoice).where(Invoice.batch_id == batch.id)
                                      .order_by(Invoice.id))).all()
    hours = await session.scalar(select(func.coalesce(func.sum(InvoiceLine.quantity), 0))
                                 .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
                                 .where(Invoice.batch_id == batch.id))
    unbilled = (await session.scalars(select(InvoiceBatchUnbilled).where(InvoiceBatchUnbilled.batch_id == batch.id)
                                      .order_by(InvoiceBatchUnbilled.customer_id,
                                                InvoiceBatchUnbilled.time_entry_id))).all()
    outcomes = (await session.execute(select(InvoiceBatchCustomer.customer_id, InvoiceBatchCustomer.outcome,
                                             InvoiceBatchCustomer.error)
                                      .where(InvoiceBatchCustomer.batch_id == batch.id)
                                      .order_by(InvoiceBatchCustomer.position))).all()
    return {
        "batch_id": batch.id, "status": batch.status,
        "invoices_created": [{"invoice_id": i.id, "customer_id": i.customer_id, "number": i.number,
                              "status": i.status, "total": i.total, "currency": i.currency} for i in invoices],
        "invoices_not_validated": [{"invoice_id": i.id, "customer_id": i.customer_id,
                                    "reasons": [reason(code) for code in i.not_validated_reasons]}
                                   for i in invoices if batch.validate_invoices and i.status == "draft"],
        "invoices_not_sent": [{"invoice_id": i.id, "customer_id": i.customer_id, "reasons": [not_sent_reason(i)]}
                              for i in invoices if batch.send and i.status == "validated"
                              and i.delivery_status == "failed"],
        "unbilled_times": [{"time_entry_id": u.time_entry_id, "customer_id": u.customer_id,
                            "reasons": [reason(u.reason)]} for u in unbilled],
        "customers_without_times": [o.customer_id for o in outcomes if o.outcome == "no_times"],
        "customers_failed": [{"customer_id": o.customer_id, "error": o.error} for o in outcomes
                             if o.outcome == "failed"],
        "totals": {"customers": batch.customers_total, "invoices": len(invoices), "hours": hours,
                   "by_currency": currency_totals((i.currency, i.untaxed_amount, i.tax_amount, i.total)
                                                  for i in invoices)},
    }


async def completed_event(session: AsyncSession, batch: InvoiceBatch) -> dict:
    """The body of `invoice_batch.completed`: the batch resource, and in `summary` the size of each
    of the report's selections and its totals."""
    report = await batch_report(session, tenant_id=batch.tenant_id, batch_id=str(batch.id))
    summary = {name: len(report[name]) for name in ("invoices_created", "invoices_not_validated", "invoices_not_sent",
                                                    "unbilled_times", "customers_without_times")}
    data = InvoiceBatchOut.of(batch).model_dump(mode="json", by_alias=True)
    return {**data, "summary": {**summary, "totals": Totals.model_validate(report["totals"]).model_dump(mode="json")}}


async def emit_completed(session: AsyncSession, batch: InvoiceBatch) -> None:
    await emit_event(session, tenant_id=batch.tenant_id, type="invoice_batch.completed",
                     data=lambda: completed_event(session, batch))
