"""Running a batch (SPEC §4.2), safe to run twice, at the same time, or after a crash.

- The targets are fixed once, when the batch starts (invoice_batch_customers).
- Each target is processed in its own transaction, under a transaction-scoped advisory lock on the
  target: its billable entries are read under that lock, planned by the pure planning function,
  then the invoice, its lines, the entries' links, the unbilled times, the number (from the
  tenant's counter row, in this same transaction) and the target's outcome are written together.
  A resumed or concurrent run skips a target whose outcome is set; the unique constraint on
  invoice_lines.time_entry_id makes a double bill impossible even if the lock were bypassed.
- One target failing is recorded on that target and never undoes or blocks the others."""

import asyncio
import json
import logging
import uuid
import zoneinfo
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import get_settings
from app.db import session_scope
from app.delivery import outbox
from app.delivery.mailer import Mailer
from app.invoice_batches.report import emit_completed
from app.invoices.service import invoice_resource
from app.errors import RebillError
from app.invoicing.loading import ReferenceData, Scope, billing_targets, load_entries, load_reference_data
from app.invoicing.numbering import counter_year, number_prefix
from app.invoicing.planning import InvoicePlan, PlanOptions, period_subtitle, plan_invoice, validation_reasons
from app.kit.ids import new_id
from app.queue import unit_of_work
from app.webhooks.service import emit_event, subscribers
from app.models import (Invoice, InvoiceBatch, InvoiceBatchCustomer, InvoiceBatchUnbilled, TenantSettings)

log = logging.getLogger("rebill.batches")

CHUNK = 200
LANES = 2


async def run_batch(sessionmaker: async_sessionmaker[AsyncSession], batch_id: uuid.UUID,
                    mailer: Mailer | None = None, redis=None) -> dict:
    """`redis` queues the jobs of the webhook events the batch emits as each transaction commits;
    without it (a test, a script) the sweeper queues them from PostgreSQL."""
    mailer = mailer or Mailer.from_settings(get_settings())
    async with unit_of_work(sessionmaker, redis) as session:
        batch = await _start(session, batch_id, mailer.default_sender)
        if batch is None:
            return {"batch_id": str(batch_id), "status": "missing"}
        settings = await session.get(TenantSettings, batch.tenant_id)
        summaries = await outbox.pending_rows(session, batch_id=batch.id, kind="batch_summary")
    if batch.status != "running":  # done already, or failed as it started: notify_email still hears of it
        for outbox_id in summaries:
            await outbox.deliver(sessionmaker, outbox_id, mailer, redis=redis)
        return {"batch_id": str(batch_id), "status": batch.status}
    scope = Scope(tenant_id=batch.tenant_id, timezone=settings.timezone, period_start=batch.period_start,
                  period_end=batch.period_end, source_type=batch.source_type)
    options = PlanOptions(timezone=settings.timezone, show_employee_names=batch.show_employee_names,
                          product_mandatory=batch.product_mandatory, default_product_id=settings.default_product_id)
    # A few customers at a time, each on its own connection: PostgreSQL writes one customer while
    # Python plans the next (2 cores here; more lanes only queue on the same locks).
    lanes = asyncio.Semaphore(LANES)
    while True:
        async with session_scope(sessionmaker) as session:
            pending = list((await session.scalars(
                select(InvoiceBatchCustomer.customer_id)
                .where(InvoiceBatchCustomer.batch_id == batch.id, InvoiceBatchCustomer.outcome.is_(None))
                .order_by(InvoiceBatchCustomer.position).limit(CHUNK))).all())
            if not pending:
                break
            reference = await load_reference_data(session, tenant_id=batch.tenant_id, targets=pending)
            # Asked once per chunk, not per invoice: most tenants have no subscriber.
            announce = bool(await subscribers(session, tenant_id=batch.tenant_id, type="invoice.validated"))
        await asyncio.gather(*(_guarded(sessionmaker, lanes, batch, settings, scope, options, reference, target,
                                        mailer, redis, announce) for target in pending))
        async with session_scope(sessionmaker) as session:
            await _progress(session, batch.id)
    # Invoices whose email a crashed run left unsent; wait for any another worker is sending, so the
    # report below knows every invoice's fate.
    async with session_scope(sessionmaker) as session:
        unsent = await outbox.pending_rows(session, batch_id=batch.id, kind="invoice")
    for outbox_id in unsent:
        await outbox.deliver(sessionmaker, outbox_id, mailer, wait=True, redis=redis)
        await _beat(sessionmaker, batch.id)
    async with unit_of_work(sessionmaker, redis) as session:
        sender = outbox.sender_of(settings, mailer.default_sender)
        status, summary_id = await _finish(session, batch.id, sender)
    log.info("invoice batch ended: %s", status, extra={"status": status})
    if summary_id is not None:
        await outbox.deliver(sessionmaker, summary_id, mailer)
    return {"batch_id": str(batch_id), "status": status}


async def _guarded(sessionmaker, lanes: asyncio.Semaphore, batch: InvoiceBatch, settings: TenantSettings,
                   scope: Scope, options: PlanOptions, reference: ReferenceData, target: uuid.UUID,
                   mailer: Mailer, redis, announce: bool) -> None:
    """One customer, in its own transaction; a failure is recorded on that customer only. Its
    invoice's email leaves once that transaction has committed."""
    async with lanes:
        try:
            async with unit_of_work(sessionmaker, redis) as session:
                email = await _invoice_customer(session, batch, settings, scope, options, reference, target,
                                                outbox.sender_of(settings, mailer.default_sender), announce)
        except Exception as exc:  # noqa: BLE001  (one customer's failure must not stop the batch)
            log.exception("batch %s: customer %s failed", batch.id, target)
            async with session_scope(sessionmaker) as session:
                await session.execute(update(InvoiceBatchCustomer).where(
                    InvoiceBatchCustomer.batch_id == batch.id, InvoiceBatchCustomer.customer_id == target,
                    InvoiceBatchCustomer.outcome.is_(None)).values(outcome="failed", error=str(exc)[:500]))
            return
        if email is not None:
            await outbox.deliver(sessionmaker, email, mailer, redis=redis)
            # Mailing makes customers slow (a PDF, a mail server): say so, or the sweeper would
            # think this run dead and start another.
            await _beat(sessionmaker, batch.id)


async def _beat(sessionmaker, batch_id: uuid.UUID) -> None:
    async with session_scope(sessionmaker) as session:
        await session.execute(update(InvoiceBatch).where(InvoiceBatch.id == batch_id).values(heartbeat_at=func.now()))


async def _start(session: AsyncSession, batch_id: uuid.UUID, default_sender: str) -> InvoiceBatch | None:
    batch = await session.get(InvoiceBatch, batch_id, with_for_update=True)
    if batch is None or batch.status not in {"scheduled", "running"}:
        return batch
    now = datetime.now(UTC)
    if batch.status == "scheduled":
        if batch.run_at > now + timedelta(seconds=1):
            return batch  # delivered early: its deferred job or the sweeper brings it back
        try:
            targets = await billing_targets(session, tenant_id=batch.tenant_id, selection_id=batch.selection_id,
                                            customer_ids=batch.customer_ids)
        except RebillError as exc:  # the selection or a customer was deleted since the batch was made
            batch.status, batch.error, batch.finished_at = "failed", exc.detail, now
            await session.flush()
            await emit_completed(session, batch)
            settings = await session.get(TenantSettings, batch.tenant_id)
            await outbox.queue_batch_summary(session, batch=batch, sender=outbox.sender_of(settings, default_sender))
            return batch
        if targets:
            await session.execute(text(
                "INSERT INTO invoice_batch_customers (batch_id, customer_id, tenant_id, position) "
                "SELECT :batch, t.id, :tenant, t.n - 1 FROM unnest(CAST(:targets AS uuid[])) "
                "WITH ORDINALITY AS t(id, n)"), {"batch": batch.id, "tenant": batch.tenant_id, "targets": targets})
        batch.status, batch.started_at, batch.customers_total = "running", now, len(targets)
    batch.runs += 1
    batch.heartbeat_at = now
    return batch


_LOCK_AND_CLAIM = text(
    "SELECT pg_advisory_xact_lock(hashtextextended(CAST(:target AS text), 0)), "
    "(SELECT outcome IS NULL FROM invoice_batch_customers WHERE batch_id = :batch "
    "AND customer_id = CAST(:target AS uuid))")

# Everything a customer's invoice writes, in one statement: the number (when validated) from the
# tenant's counter row (see app/invoicing/numbering.py; lpad as format_number), the invoice, its lines, the entries' links, the unbilled times and the
# customer's outcome in the batch. The counter row stays locked until this transaction commits.
_WRITE_INVOICE = text("""
WITH counter AS (
  INSERT INTO invoice_number_counters (tenant_id, year, last_number)
  SELECT :tenant, :year, 1 WHERE CAST(:validate AS boolean)
  ON CONFLICT (tenant_id, year) DO UPDATE SET last_number = invoice_number_counters.last_number + 1
  RETURNING last_number),
invoice AS (
  INSERT INTO invoices (id, tenant_id, batch_id, customer_id, number, status, bill_to, title, subtitle,
                        period_start, period_end, issue_date, due_date, validated_at, currency, untaxed_amount,
                        tax_amount, total, taxes, terms, not_validated_reasons, delivery_status, delivery_attempts,
                        delivery_failure)
  SELECT :invoice, :tenant, :batch, :customer,
         (SELECT :prefix || CASE WHEN last_number >= 1000000 THEN last_number::text
                                 ELSE lpad(last_number::text, 6, '0') END FROM counter),
         CASE WHEN :validate THEN 'validated' ELSE 'draft' END, CAST(:bill_to AS jsonb), :title, :subtitle,
         :period_start, :period_end,
         CASE WHEN :validate THEN CAST(:issue_date AS date) END,
         CASE WHEN :validate THEN CAST(:due_date AS date) END,
         CASE WHEN :validate THEN now() END,
         :currency, :untaxed, :tax, :total, CAST(:taxes AS jsonb), CAST(:terms AS jsonb), CAST(:reasons AS jsonb),
         :delivery_status, 0, :delivery_failure
  RETURNING id),
line AS (
  INSERT INTO invoice_lines (id, tenant_id, invoice_id, position, time_entry_id, product_id, description,
                             quantity, unit, unit_price, amount, tax_rate)
  SELECT s.id, :tenant, invoice.id, s.n - 1, s.entry, s.product, s.description, s.quantity, s.unit, s.price,
         s.amount, s.rate
  FROM invoice, unnest(CAST(:line_ids AS uuid[]), CAST(:entries AS uuid[]), CAST(:products AS uuid[]),
              CAST(:descriptions AS text[]), CAST(:quantities AS numeric[]), CAST(:units AS text[]),
              CAST(:prices AS numeric[]), CAST(:amounts AS numeric[]), CAST(:rates AS numeric[]))
       WITH ORDINALITY AS s(id, entry, product, description, quantity, unit, price, amount, rate, n)
  RETURNING id, time_entry_id),
linked AS (
  UPDATE time_entries te SET invoice_id = :invoice, invoice_line_id = line.id
  FROM line WHERE te.id = line.time_entry_id AND te.invoice_id IS NULL
  RETURNING te.id),
unbilled AS (
  INSERT INTO invoice_batch_unbilled (batch_id, time_entry_id, tenant_id, customer_id, reason)
  SELECT :batch, u.entry, :tenant, :customer, u.reason
  FROM unnest(CAST(:unbilled_entries AS uuid[]), CAST(:unbilled_reasons AS text[])) AS u(entry, reason)
  ON CONFLICT DO NOTHING),
mail AS (
  INSERT INTO email_outbox (id, tenant_id, kind, invoice_id, batch_id, recipient, message_id, status, attempts)
  SELECT :mail_id, :tenant, 'invoice', invoice.id, :batch, CAST(:recipient AS text), :message_id, 'pending', 0
  FROM invoice WHERE CAST(:recipient AS text) IS NOT NULL),
outcome AS (
  UPDATE invoice_batch_customers SET outcome = 'invoiced' WHERE batch_id = :batch AND customer_id = :customer)
SELECT (SELECT count(*) FROM linked) AS linked, (SELECT last_number FROM counter) AS number
""")

async def _invoice_customer(session: AsyncSession, batch: InvoiceBatch, settings: TenantSettings, scope: Scope,
                            options: PlanOptions, reference: ReferenceData, target: uuid.UUID,
                            sender: str, announce: bool) -> uuid.UUID | None:
    """Writes the customer's invoice (and, when `announce`, its invoice.validated event); the id of
    its outbox row when it is to be emailed."""
    claim = (await session.execute(_LOCK_AND_CLAIM, {"target": str(target), "batch": batch.id})).one()
    if not claim[1]:
        return None  # another run of this batch did it
    customer = reference.customers[target]
    entries = (await load_entries(session, scope=scope, targets=[target])).get(target, [])
    if not entries:
        await session.execute(update(InvoiceBatchCustomer).where(
            InvoiceBatchCustomer.batch_id == batch.id, InvoiceBatchCustomer.customer_id == target)
            .values(outcome="no_times"))
        return None
    plan = plan_invoice(bill_to=customer.bill_to, entries=entries, products=reference.products,
                        negotiated_prices=reference.prices.get(target, {}), options=options)
    return await _write_invoice(session, batch, settings, customer, plan, sender, announce)


def _terms(settings: TenantSettings, customer) -> dict:
    terms = dict(settings.terms or {})
    terms.update({k: v for k, v in (customer.terms or {}).items() if v is not None})
    return terms


async def _write_invoice(session: AsyncSession, batch: InvoiceBatch, settings: TenantSettings, customer,
                         plan: InvoicePlan, sender: str, announce: bool) -> uuid.UUID | None:
    blocking = validation_reasons(plan, has_billing_address=customer.billing_address is not None)
    validate = batch.validate_invoices and not blocking
    sending = validate and batch.send
    recipient = customer.emails[0] if sending and customer.emails else None
    mail_id = new_id() if recipient else None
    invoice_id = new_id()
    terms = _terms(settings, customer)
    issue_date = datetime.now(zoneinfo.ZoneInfo(settings.timezone)).date()
    year = counter_year(settings, issue_date)
    lines = plan.lines
    result = (await session.execute(_WRITE_INVOICE, {
        "tenant": batch.tenant_id, "batch": batch.id, "customer": plan.customer_id, "invoice": invoice_id,
        "validate": validate, "year": year,
        "prefix": number_prefix(settings, year),
        "bill_to": json.dumps({"name": customer.name, "address": customer.billing_address}),
        "title": batch.title, "subtitle": period_subtitle(batch.period_start, batch.period_end),
        "period_start": batch.period_start, "period_end": batch.period_end, "issue_date": issue_date,
        "due_date": issue_date + timedelta(days=terms.get("payment_terms_days") or 0),
        "currency": plan.currency, "untaxed": plan.untaxed_amount, "tax": plan.tax_amount, "total": plan.total,
        "taxes": json.dumps([{"rate": str(t.rate), "base": str(t.base), "amount": str(t.amount)} for t in plan.taxes]),
        "terms": json.dumps(terms), "reasons": json.dumps(blocking if batch.validate_invoices else []),
        "line_ids": [new_id() for _ in lines], "entries": [line.time_entry_id for line in lines],
        "products": [line.product_id for line in lines], "descriptions": [line.description for line in lines],
        "quantities": [line.quantity for line in lines], "units": [line.unit for line in lines],
        "prices": [line.unit_price for line in lines], "amounts": [line.amount for line in lines],
        "rates": [line.tax_rate for line in lines],
        "unbilled_entries": [u.time_entry_id for u in plan.unbilled],
        "unbilled_reasons": [u.reason for u in plan.unbilled],
        "delivery_status": ("pending" if recipient else "failed") if sending else "not_requested",
        "delivery_failure": "missing_email" if sending and not recipient else None,
        "mail_id": mail_id, "recipient": recipient,
        "message_id": outbox.message_id(mail_id, sender) if mail_id else None})).one()
    if result.linked != len(lines):
        raise RuntimeError("time entries changed while being invoiced")  # rolls this customer back
    if validate and announce:
        async def resource() -> dict:
            return await invoice_resource(session, await session.get(Invoice, invoice_id))

        await emit_event(session, tenant_id=batch.tenant_id, type="invoice.validated", data=resource)
    return mail_id


async def _progress(session: AsyncSession, batch_id: uuid.UUID) -> None:
    done = select(func.count()).where(InvoiceBatchCustomer.batch_id == batch_id,
                                      InvoiceBatchCustomer.outcome.is_not(None)).scalar_subquery()
    await session.execute(update(InvoiceBatch).where(InvoiceBatch.id == batch_id)
                          .values(customers_done=done, heartbeat_at=func.now()))


async def _finish(session: AsyncSession, batch_id: uuid.UUID, sender: str) -> tuple[str, uuid.UUID | None]:
    """The batch's final status, and the id of its summary email when one is asked for."""
    batch = await session.get(InvoiceBatch, batch_id, with_for_update=True)
    if batch.status != "running":
        return batch.status, None
    outcomes = dict((await session.execute(
        select(InvoiceBatchCustomer.outcome, func.count()).where(InvoiceBatchCustomer.batch_id == batch_id)
        .group_by(InvoiceBatchCustomer.outcome))).all())
    drafts_left = batch.validate_invoices and await session.scalar(
        select(func.count()).where(Invoice.batch_id == batch_id, Invoice.status == "draft")) > 0
    unbilled = await session.scalar(select(func.count()).where(InvoiceBatchUnbilled.batch_id == batch_id)) > 0
    not_sent = batch.send and await session.scalar(
        select(func.count()).where(Invoice.batch_id == batch_id, Invoice.status == "validated",
                                   Invoice.delivery_status == "failed")) > 0
    failed = outcomes.get("failed", 0)
    if failed and failed == batch.customers_total:
        batch.status = "failed"
    elif failed or drafts_left or unbilled or not_sent:
        batch.status = "completed_with_errors"
    else:
        batch.status = "succeeded"
    batch.customers_done = sum(outcomes.values())
    batch.finished_at = datetime.now(UTC)
    await session.flush()
    await emit_completed(session, batch)
    return batch.status, await outbox.queue_batch_summary(session, batch=batch, sender=sender)


