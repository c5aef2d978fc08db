"""Invoice batches: the preview (what a batch would produce right now, written nowhere).

The preview reads chunk by chunk and plans each customer with the same pure function the batch
run uses, so that a preview followed by the batch, with no change in between, gives the same
invoices and totals."""

import uuid
from dataclasses import asdict
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.invoice_batches.schemas import InvoiceBatchDefinition, InvoiceBatchPreview
from app.invoicing.loading import (ANY_PENDING_CORRECTION, Scope, billing_targets, excluded_targets, leave_out,
                                   load_entries, load_pending_adjustments, load_reference_data, slices)
from app.invoicing.planning import (PlanOptions, contract_details, currency_totals, invoice_subtitle,
                                    validation_reasons)
from app.invoicing.settlement import CustomerPlan, plan_customer
from app.invoicing.reasons import reason
from app.kit.repository import external_ids_of
from app.models import Invoice, TimeEntry
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
                          default_product_id=settings.default_product_id,
                          line_grouping=definition.line_grouping, invoice_per=definition.invoice_per,
                          language=settings.language)
    invoices, credit_notes, unbilled, without_times = [], [], [], []
    scope = Scope.of(definition, tenant_id=tenant_id, timezone=settings.timezone)
    settles = await session.scalar(ANY_PENDING_CORRECTION, {"tenant_id": tenant_id})
    for part in slices(targets):
        reference = await load_reference_data(session, tenant_id=tenant_id, targets=part)
        periods = {target: period for target in part
                   if (period := scope.period_of(reference.customers[target].billing_cycle)) is not None}
        entries_of = await load_entries(session, scope=scope, periods=periods)
        corrections_of = await load_pending_adjustments(session, scope=scope, targets=part) if settles else {}
        planned = []
        for target in part:
            customer = reference.customers[target]
            contracts = reference.contracts.get(target, {})
            plan = plan_customer(bill_to=customer.bill_to, entries=entries_of.get(target, []),
                                 adjustments=corrections_of.get(target, []), products=reference.products,
                                 negotiated_prices=reference.prices.get(target, {}), options=options,
                                 period=periods.get(target), contracts=contracts)
            if plan.is_empty:
                without_times.append(target)
            else:
                planned.append((target, customer, plan, contracts))
        external_ids = await external_ids_of(session, TimeEntry, tenant_id,
                                             [entry for _, _, plan, _ in planned for entry in _entries_named(plan)])

        def line_json(line) -> dict:
            return {**asdict(line), "time_entry_external_id": external_ids.get(line.time_entry_id)}

        def document(target, customer, plan, **more) -> dict:
            return {
                "customer_id": target, "customer_external_id": customer.external_id,
                "bill_to": customer.bill_to_snapshot(), "currency": plan.currency, "title": definition.title,
                "period_start": plan.period_start, "period_end": plan.period_end,
                "lines": [line_json(line) for line in plan.lines],
                "taxes": [vars(tax) for tax in plan.taxes],
                "hours": plan.hours, "untaxed_amount": plan.untaxed_amount, "tax_amount": plan.tax_amount,
                "total": plan.total, **more}

        for target, customer, plan, contracts in planned:
            for invoice in plan.invoices:
                unbilled += [{"time_entry_id": u.time_entry_id,
                              "time_entry_external_id": external_ids.get(u.time_entry_id),
                              "customer_id": target, "customer_external_id": customer.external_id,
                              "reasons": [reason(u.reason)]} for u in invoice.unbilled]
                blocking = validation_reasons(invoice, has_billing_address=customer.billing_address is not None)
                invoices.append(document(
                    target, customer, invoice, subtitle=invoice_subtitle(invoice, options.language),
                    covered_hours=invoice.covered_hours, hours_worked=invoice.hours_worked,
                    billed_hours=invoice.billed_hours, contract_id=invoice.contract_id,
                    retainer_lines=[line_json(line) for line in invoice.lines if line.retainer_cycle is not None],
                    contracts=contract_details(invoice, contracts),
                    block_balances=[{"contract_id": contract_id,
                                     "hours_consumed": invoice.block_hours.get(contract_id, Decimal(0)),
                                     "hours_remaining": remaining}
                                    for contract_id, remaining in invoice.block_balances.items()],
                    would_validate=definition.validate_invoices and not blocking,
                    not_validated_reasons=[reason(code) for code in blocking] if definition.validate_invoices else []))
            if (note := plan.settlement.credit_note) is not None:
                validates = definition.validate_invoices and customer.billing_address is not None
                credited = plan.settlement.credited_invoice_ids
                numbers = dict((await session.execute(
                    select(Invoice.id, Invoice.number).where(Invoice.id.in_(credited)))).all())
                credit_notes.append(document(
                    target, customer, note, subtitle="Credits " + ", ".join(numbers.get(i) or str(i) for i in credited),
                    credited_invoice_ids=credited, would_validate=validates,
                    not_validated_reasons=[] if validates or not definition.validate_invoices
                    else [reason("missing_billing_address")]))
    return InvoiceBatchPreview.model_validate({
        "invoices": invoices, "unbilled_times": unbilled, "customers_without_times": without_times,
        "customers_excluded": excluded, "credit_notes": credit_notes,
        "totals": {"customers": len(targets), "invoices": len(invoices),
                   "hours": sum((i["hours"] for i in invoices), Decimal(0)),
                   "by_currency": currency_totals((i["currency"], i["untaxed_amount"], i["tax_amount"], i["total"])
                                                  for i in invoices)}})


def _entries_named(plan: CustomerPlan) -> list[uuid.UUID]:
    """The time entries a customer's preview names: its invoice's lines and unbilled times, its
    credit note's lines."""
    named = []
    for invoice in plan.invoices:
        named += [entry for line in invoice.lines for entry in line.time_entry_ids]
        named += [u.time_entry_id for u in invoice.unbilled]
    if plan.settlement.credit_note is not None:
        named += [line.time_entry_id for line in plan.settlement.credit_note.lines]
    return [entry for entry in named if entry is not None]  # block and split overage lines name none
