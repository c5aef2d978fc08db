"""Invoice batches: the preview (what a batch would produce right now, written nowhere).

The preview reads chunk by chunk and plans each customer with the same pure function the batch
run uses, so that a preview followed by the batch, with no change in between, gives the same
invoices and totals."""

import uuid
from dataclasses import asdict
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from app.invoice_batches.schemas import InvoiceBatchDefinition, InvoiceBatchPreview
from app.invoicing.loading import (Scope, billing_targets, excluded_targets, leave_out, load_entries,
                                   load_reference_data, slices)
from app.invoicing.planning import (PlanOptions, currency_totals, period_subtitle, plan_invoice,
                                    validation_reasons)
from app.invoicing.reasons import reason
from app.kit.repository import external_ids_of
from app.models import TimeEntry
from app.settings.service import get_settings


async def preview(session: AsyncSession, *, tenant_id: uuid.UUID,
                  definition: InvoiceBatchDefinition) -> InvoiceBatchPreview:
    settings = await get_settings(session, tenant_id=tenant_id)
    targets, excluded = leave_out(
        await billing_targets(session, tenant_id=tenant_id, selection_id=definition.selection_id,
                              customer_ids=definition.customer_ids),
        await excluded_targets(session, tenant_id=tenant_id, exclude_customer_ids=definition.exclude_customer_ids))
    options = PlanOptions(timezone=settings.timezone, show_employee_names=definition.show_employee_names,
                          product_mandatory=definition.product_mandatory,
                          default_product_id=settings.default_product_id)
    invoices, unbilled, without_times = [], [], []
    scope = Scope.of(definition, tenant_id=tenant_id, timezone=settings.timezone)
    for part in slices(targets):
        reference = await load_reference_data(session, tenant_id=tenant_id, targets=part)
        periods = {target: period for target in part
                   if (period := scope.period_of(reference.customers[target].billing_cycle)) is not None}
        entries_of = await load_entries(session, scope=scope, periods=periods)
        planned = []
        for target in part:
            entries = entries_of.get(target)
            if not entries:
                without_times.append(target)
                continue
            customer = reference.customers[target]
            planned.append((target, customer, plan_invoice(
                bill_to=customer.bill_to, entries=entries, products=reference.products,
                negotiated_prices=reference.prices.get(target, {}), options=options, period=periods[target])))
        external_ids = await external_ids_of(session, TimeEntry, tenant_id,
                                             [entry.id for target, _, _ in planned for entry in entries_of[target]])
        for target, customer, plan in planned:
            unbilled += [{"time_entry_id": u.time_entry_id, "time_entry_external_id": external_ids.get(u.time_entry_id),
                          "customer_id": target, "customer_external_id": customer.external_id,
                          "reasons": [reason(u.reason)]} for u in plan.unbilled]
            blocking = validation_reasons(plan, has_billing_address=customer.billing_address is not None)
            invoices.append({
                "customer_id": target, "customer_external_id": customer.external_id,
                "bill_to": customer.bill_to_snapshot(),
                "currency": plan.currency, "title": definition.title,
                "subtitle": period_subtitle(plan.period_start, plan.period_end),
                "period_start": plan.period_start, "period_end": plan.period_end,
                "lines": [{**asdict(line), "time_entry_external_id": external_ids.get(line.time_entry_id)}
                          for line in plan.lines],
                "taxes": [vars(tax) for tax in plan.taxes],
                "hours": plan.hours, "untaxed_amount": plan.untaxed_amount, "tax_amount": plan.tax_amount,
                "total": plan.total, "would_validate": definition.validate_invoices and not blocking,
                "not_validated_reasons": [reason(code) for code in blocking] if definition.validate_invoices else []})
    return InvoiceBatchPreview.model_validate({
        "invoices": invoices, "unbilled_times": unbilled, "customers_without_times": without_times,
        "customers_excluded": excluded,
        "totals": {"customers": len(targets), "invoices": len(invoices),
                   "hours": sum((i["hours"] for i in invoices), Decimal(0)),
                   "by_currency": currency_totals((i["currency"], i["untaxed_amount"], i["tax_amount"], i["total"])
                                                  for i in invoices)}})
