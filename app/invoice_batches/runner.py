"""Running a batch (SPEC §4.2, §8), safe to run twice, at the same time, or after a crash.

- A run first takes one of the batch's slots (liveness.py): a lock that dies with its connection
  proves it alive, and bounds how many runs share a batch (`BATCH_MAX_PARALLEL_RUNS`).
- The targets are fixed once, when the batch starts (invoice_batch_customers). The run that starts
  it queues helper runs for a large batch, so that idle workers join in.
- Every run claims customers one at a time, each in its own transaction: the customer's row in the
  batch is locked with `FOR UPDATE SKIP LOCKED` (a row another run holds is skipped, a row done in
  the meantime is re-read and skipped), then the customer's advisory lock is taken against other
  batches, and the customer's entries are read by the next statement, under that lock. The invoice,
  its lines, the entries' links, the unbilled times, the number (from the tenant's counter row, in
  this same transaction) and the customer's outcome are written together, the outcome only where
  none is set yet. The unique index over active invoice lines' time_entry_id (migration 0013: lines
  neither on a credit note nor released by one) makes a double bill impossible even if every lock
  were bypassed.
- One customer failing is recorded on that customer and never undoes or blocks the others; a run
  whose slot is gone (PostgreSQL restarted) records nothing and stops: its successor carries on.
- The run that finds no customer left, claimed or not, finishes the batch."""

import asyncio
import json
import logging
import uuid
import zoneinfo
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import get_settings
from app.db import session_scope
from app.delivery import outbox
from app.delivery.mailer import Mailer
from app.invoice_batches import liveness
from app.invoice_batches.liveness import LeaseLost, RunLease
from app.invoice_batches.report import emit_completed
from app.invoices.service import invoice_resource
from app.contracts.service import consume_block_hours
from app.errors import RebillError
from app.invoice_batches.credit_notes import SETTLE_WITHOUT_LINE, write_credit_note
from app.invoicing.loading import (ANY_PENDING_CORRECTION, Scope, TargetCustomer, billing_targets, excluded_targets,
                                   leave_out, load_entries, load_pending_adjustments, load_products, planned_contract,
                                   target_customer)
from app.invoicing.settlement import plan_customer
from app.invoicing.numbering import NEXT_NUMBER_SQL, counter_year, number_prefix
from app.invoicing.planning import (InvoicePlan, PlanOptions, PlannedProduct, entry_links, invoice_subtitle,
                                    listed_entries, validation_reasons)
from app.kit.ids import new_id, new_ids
from app.kit.packing import SPLIT_TEXTS, SPLIT_VALUES, packed_ids, packed_scalars, packed_texts
from app.queue import flush_jobs, unit_of_work
from app.webhooks.service import emit_event, subscribers
from app.models import (Invoice, InvoiceBatch, InvoiceBatchCustomer, InvoiceBatchUnbilled, TenantSettings)

log = logging.getLogger("rebill.batches")

RUN_TASK = "run_invoice_batch"
# Customers in flight per run, each on its own connection: PostgreSQL writes two customers while
# Python plans the next (bench/invoice_batch.py on 2 cores: 2 lanes 7.6 s, 3 lanes 5.7-6.9 s,
# 4 lanes 6.7 s for 1,000 customers x 100 entries).
LANES = 3
# A batch gets one more run per this many customers, up to BATCH_MAX_PARALLEL_RUNS.
CUSTOMERS_PER_RUN = 100
# Products and the "does anyone subscribe?" answer are read again after this many customers.
REFRESH_EVERY = 100


# A customer's outcome is written once: every write is conditional on there being none yet. Spelt
# so that it cannot match the partial index of pending customers (outcome IS NULL), which a planner
# without statistics would otherwise scan, the whole batch's pending list, to find one row by its key.
_NO_OUTCOME_YET = func.coalesce(InvoiceBatchCustomer.outcome, "pending") == "pending"


# Runs serialise their start and their finish on the batch's row, with FOR NO KEY UPDATE rather than
# FOR UPDATE: every open customer transaction of every run holds FOR KEY SHARE on that row (its
# invoice's foreign key to the batch), and a run frozen mid-customer would otherwise block every
# other run at its start.
_BATCH_ROW_LOCK = {"key_share": True}


def new_run_job_id(batch_id: uuid.UUID | str) -> str:
    """Every run is queued under an id never used before: arq drops a job whose id it still holds
    (a killed worker leaves its keys behind for an hour), and liveness never depends on them."""
    return f"{batch_id}:run:{new_id()}"


def runs_wanted(customers: int, max_parallel: int) -> int:
    return max(1, min(max_parallel, -(-customers // CUSTOMERS_PER_RUN)))


@dataclass
class _Run:
    """What the lanes of one run share."""

    sessionmaker: async_sessionmaker[AsyncSession]
    lease: RunLease
    batch: InvoiceBatch
    settings: TenantSettings
    scope: Scope
    options: PlanOptions
    mailer: Mailer
    redis: object
    progress: asyncio.Event
    progress_every: int
    next_position: int = 0
    done: int = 0
    products: dict[uuid.UUID, PlannedProduct] = field(default_factory=dict)
    announce: bool = False
    # Whether the tenant has corrections of billed time to settle (most have none: no query per customer).
    settles: bool = False
    refreshed_at: int | None = None


async def run_batch(sessionmaker: async_sessionmaker[AsyncSession], batch_id: uuid.UUID,
                    mailer: Mailer | None = None, redis=None, *, max_parallel: int | None = None) -> dict:
    """One run of a batch. `redis` queues the helper runs and the jobs of the webhook events the batch
    emits as each transaction commits; without it (a test, a script) the sweeper queues them."""
    mailer = mailer or Mailer.from_settings(get_settings())
    max_parallel = max_parallel or get_settings().batch_max_parallel_runs
    async with liveness.lease(sessionmaker.kw["bind"], batch_id, slots=max_parallel) as lease:
        if lease is None:
            return {"batch_id": str(batch_id), "status": "busy"}  # as many live runs as allowed
        try:
            return await _run(sessionmaker, lease, batch_id, mailer, redis, max_parallel)
        except LeaseLost:
            log.warning("invoice batch run interrupted: its slot is gone; a new run will carry on")
            return {"batch_id": str(batch_id), "status": "interrupted"}
        except Exception:
            if await lease.alive():
                raise
            log.warning("invoice batch run interrupted: PostgreSQL went away; a new run will carry on")
            return {"batch_id": str(batch_id), "status": "interrupted"}


async def _run(sessionmaker, lease: RunLease, batch_id: uuid.UUID, mailer: Mailer, redis, max_parallel: int) -> dict:
    async with unit_of_work(sessionmaker, redis) as session:
        batch, started = await _start(session, batch_id, mailer.default_sender)
        if batch is None:
            return {"batch_id": str(batch_id), "status": "missing"}
        settings = await session.get(TenantSettings, batch.tenant_id)
        summaries = await outbox.pending_rows(session, batch_id=batch.id, kind="batch_summary")
    if batch.status != "running":  # done already, or failed as it started: notify_email still hears of it
        for outbox_id in summaries:
            await outbox.deliver(sessionmaker, outbox_id, mailer, redis=redis)
        return {"batch_id": str(batch_id), "status": batch.status}
    if started and redis is not None:
        for _ in range(runs_wanted(batch.customers_total, max_parallel) - 1):
            await redis.enqueue_job(RUN_TASK, str(batch.id), _job_id=new_run_job_id(batch.id))
    run = _Run(
        sessionmaker=sessionmaker, lease=lease, batch=batch, settings=settings, mailer=mailer, redis=redis,
        scope=Scope.of(batch, tenant_id=batch.tenant_id, timezone=settings.timezone),
        options=PlanOptions(timezone=settings.timezone, show_employee_names=batch.show_employee_names,
                            product_mandatory=batch.product_mandatory,
                            default_product_id=settings.default_product_id,
                            line_grouping=batch.line_grouping, invoice_per=batch.invoice_per,
                            language=settings.language),
        # Each run says so after this many of its customers, so the batch's count moves at least
        # every 50 customers however many runs share it.
        progress=asyncio.Event(), progress_every=max(1, 50 // max_parallel))

    async def beat(lease: RunLease) -> None:
        await lease.execute(_PROGRESS, {"batch": batch.id})

    async with lease.watched(beat) as run.progress:
        try:
            async with asyncio.TaskGroup() as lanes:
                for _ in range(LANES):
                    lanes.create_task(_lane(run))
        except* LeaseLost:
            raise LeaseLost(f"batch {batch.id}") from None
        async with session_scope(sessionmaker) as session:
            if pending := await _pending(session, batch.id):
                # Customers other live runs hold: the last of them to end finishes the batch.
                log.info("invoice batch run done with %d customers; %d held by other runs", run.done, pending,
                         extra={"customers": run.done, "pending": pending})
                return {"batch_id": str(batch_id), "status": "running", "customers": run.done}
            # Invoices whose email a crashed run left unsent; wait for any another worker is
            # sending, so the report below knows every invoice's fate.
            unsent = await outbox.pending_rows(session, batch_id=batch.id, kind="invoice")
        for outbox_id in unsent:
            await outbox.deliver(sessionmaker, outbox_id, mailer, wait=True, redis=redis)
        async with unit_of_work(sessionmaker, redis) as session:
            sender = outbox.sender_of(settings, mailer.default_sender)
            status, summary_id = await _finish(session, batch.id, sender)
    log.info("invoice batch ended: %s", status, extra={"status": status})
    if summary_id is not None:
        await outbox.deliver(sessionmaker, summary_id, mailer)
    return {"batch_id": str(batch_id), "status": status, "customers": run.done}


async def _lane(run: _Run) -> None:
    """Claims and invoices customers until none is left to claim; then looks once more from the
    first position, for a customer another run gave back. A lane keeps its connection for the whole
    run: a customer costs five round trips (begin, claim, entries, write, commit), not a pool
    checkout and its ping on top."""
    rescanned = False
    # Bound to one connection: a plain session would hand it back to the pool at every commit and
    # take one again, with a ping, at the next customer.
    async with run.sessionmaker.kw["bind"].connect() as connection, \
            run.sessionmaker(bind=connection) as session:
        while True:
            if run.refreshed_at is None or run.done - run.refreshed_at >= REFRESH_EVERY:
                await _refresh(run, session)
            target, emails = None, []
            try:
                async with session.begin():
                    claimed = await _claim(session, run.batch, after=0 if rescanned else run.next_position)
                    if claimed is not None:
                        target = claimed.customer_id
                        run.next_position = max(run.next_position, claimed.position + 1)
                        emails = await _invoice_customer(session, run, claimed)
            except LeaseLost:
                raise
            except Exception as exc:
                session.info.pop("jobs_after_commit", None)  # rolled back: nothing to announce
                if not await run.lease.alive():
                    raise LeaseLost(f"batch {run.batch.id}") from exc
                if target is None:
                    raise  # claiming itself failed with PostgreSQL up: not a customer's fault
                log.exception("batch %s: customer %s failed", run.batch.id, target)
                await _record_failure(run, target, exc)
                continue
            finally:
                session.expunge_all()
            await flush_jobs(session, run.redis)
            if target is None:
                if rescanned or run.next_position == 0:
                    return
                rescanned = True
                continue
            run.done += 1
            if run.done % run.progress_every == 0:
                run.progress.set()
            for email in emails:
                await outbox.deliver(run.sessionmaker, email, run.mailer, redis=run.redis)


async def _refresh(run: _Run, session: AsyncSession) -> None:
    """Products can change during a long batch; most tenants have no subscriber to ask about."""
    async with session.begin():
        run.products = await load_products(session, tenant_id=run.batch.tenant_id)
        run.announce = bool(await subscribers(session, tenant_id=run.batch.tenant_id, type="invoice.validated"))
        run.settles = await session.scalar(ANY_PENDING_CORRECTION, {"tenant_id": run.batch.tenant_id})
    run.refreshed_at = run.done


async def _record_failure(run: _Run, target: uuid.UUID, exc: Exception) -> None:
    async with session_scope(run.sessionmaker) as session:
        await session.execute(update(InvoiceBatchCustomer).where(
            InvoiceBatchCustomer.batch_id == run.batch.id, InvoiceBatchCustomer.customer_id == target,
            _NO_OUTCOME_YET).values(outcome="failed", error=str(exc)[:500]))


async def _start(session: AsyncSession, batch_id: uuid.UUID, default_sender: str) -> tuple[InvoiceBatch | None, bool]:
    """The batch, and whether this run started it (scheduled -> running, targets fixed)."""
    batch = await session.get(InvoiceBatch, batch_id, with_for_update=_BATCH_ROW_LOCK)
    if batch is None or batch.status not in {"scheduled", "running"}:
        return batch, False
    now = datetime.now(UTC)
    started = False
    if batch.status == "scheduled":
        if batch.run_at > now + timedelta(seconds=1):
            return batch, False  # delivered early: its deferred job or the sweeper brings it back
        try:
            targets, excluded = leave_out(
                await billing_targets(session, tenant_id=batch.tenant_id, selection_id=batch.selection_id,
                                      customer_ids=batch.customer_ids),
                # A customer deleted since the batch was made is billed by no one: nothing to exclude.
                await excluded_targets(session, tenant_id=batch.tenant_id,
                                       exclude_customer_ids=batch.exclude_customer_ids, strict=False))
        except RebillError as exc:  # the selection or a customer was deleted since the batch was made
            batch.status, batch.error, batch.finished_at = "failed", exc.detail, now
            await session.flush()
            await emit_completed(session, batch)
            settings = await session.get(TenantSettings, batch.tenant_id)
            await outbox.queue_batch_summary(session, batch=batch, sender=outbox.sender_of(settings, default_sender))
            return batch, False
        if targets or excluded:
            # The excluded targets come after the others, their outcome set: no run claims them,
            # and the report lists them in this order.
            await session.execute(text(
                "INSERT INTO invoice_batch_customers (batch_id, customer_id, tenant_id, position, outcome) "
                "SELECT :batch, t.id, :tenant, t.n - 1, CASE WHEN t.n > :billed THEN 'excluded' END "
                "FROM unnest(CAST(:targets AS uuid[])) WITH ORDINALITY AS t(id, n)"),
                {"batch": batch.id, "tenant": batch.tenant_id, "targets": targets + excluded, "billed": len(targets)})
        batch.status, batch.started_at, batch.customers_total = "running", now, len(targets)
        batch.run_requested_at = now  # the helper runs it queues
        started = True
    batch.runs += 1
    batch.heartbeat_at = now
    return batch, started


_PROGRESS = text(
    "UPDATE invoice_batches SET heartbeat_at = now(), customers_done = customers_total - "
    "(SELECT count(*) FROM invoice_batch_customers WHERE batch_id = :batch AND outcome IS NULL) "
    "WHERE id = :batch AND status = 'running'")

# A customer's contracts, with their block balances and blocks, as planning needs them.
_CONTRACTS_OF = """
SELECT coalesce(jsonb_agg(jsonb_build_object('id', ct.id, 'product_id', ct.product_id,
                                                     'starts_on', ct.starts_on, 'ends_on', ct.ends_on,
                                                     'taxable', ct.taxable, 'time_rounding', ct.time_rounding,
                                                     'kind', ct.kind, 'name', ct.name,
                                                     'overage_unit_price', ct.overage_unit_price,
                                                     'hours_purchased', ct.hours_purchased,
                                                     'hours_used', ct.hours_used,
                                                     'retainer_amount', ct.retainer_amount,
                                                     'included_hours', ct.included_hours,
                                                     'cycles', CASE WHEN ct.kind = 'retainer' THEN
                                                       (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                                          'period_start', r.period_start,
                                                          'period_end', r.period_end,
                                                          'hours_covered', r.hours_covered)), '[]')
                                                        FROM retainer_cycles r
                                                        WHERE r.tenant_id = :tenant AND r.contract_id = ct.id)
                                                     ELSE '[]' END,
                                                     'blocks', CASE WHEN ct.kind = 'block_hours' THEN
                                                       (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                                          'id', b.id, 'hours', b.hours, 'price', b.price,
                                                          'purchased_on', b.purchased_on,
                                                          'invoice_id', b.invoice_id)), '[]')
                                                        FROM contract_blocks b
                                                        WHERE b.tenant_id = :tenant AND b.contract_id = ct.id)
                                                     ELSE '[]' END)),
                        '[]')
        FROM contracts ct WHERE ct.tenant_id = :tenant AND ct.customer_id = :customer
"""

# The next customer of the batch that no transaction holds and no run has done, locked for this
# transaction; then (same statement, after the row) the customer's lock against other batches. The
# entries are read by the next statement, whose snapshot is taken after that lock was granted.
_CLAIM = text("""
SELECT claimed.customer_id, claimed.position, c.id IS NOT NULL AS exists, c.name, c.billing_address, c.emails,
       c.currency, c.tax_rate, c.tax_exempt, c.tax_exemption_reason, c.vat_number, c.company_id, c.terms,
       c.billing_cycle,
       c.default_contract_id, c.time_rounding,
       pg_advisory_xact_lock(hashtextextended(CAST(claimed.customer_id AS text), 0)) IS NULL AS locked,
       ARRAY(SELECT product_id FROM prices WHERE tenant_id = :tenant AND customer_id = claimed.customer_id
             ORDER BY product_id) AS price_products,
       ARRAY(SELECT unit_price FROM prices WHERE tenant_id = :tenant AND customer_id = claimed.customer_id
             ORDER BY product_id) AS price_amounts,
       ({contracts_of}) AS contracts
FROM (SELECT customer_id, position FROM invoice_batch_customers
      WHERE batch_id = :batch AND outcome IS NULL AND position >= :after
      ORDER BY position LIMIT 1 FOR UPDATE SKIP LOCKED) AS claimed
LEFT JOIN customers c ON c.tenant_id = :tenant AND c.id = claimed.customer_id
""".replace("{contracts_of}", _CONTRACTS_OF.strip().replace(":customer", "claimed.customer_id")))
# Block balances again, once the customer's lock is granted: the claim's snapshot predates the wait,
# and another batch over the customer may have consumed hours meanwhile.
_CONTRACTS_AFTER_LOCK = text(_CONTRACTS_OF)


async def _claim(session: AsyncSession, batch: InvoiceBatch, *, after: int):
    return (await session.execute(_CLAIM, {"batch": batch.id, "tenant": batch.tenant_id, "after": after})).first()


async def _pending(session: AsyncSession, batch_id: uuid.UUID) -> int:
    return await session.scalar(select(func.count()).where(InvoiceBatchCustomer.batch_id == batch_id,
                                                           InvoiceBatchCustomer.outcome.is_(None)))


def _packed_columns(sql: str) -> str:
    """The write's columns of values travel packed (app/kit/packing.py): `{ids:x}`, `{numeric:x}` and
    `{boolean:x}` are split from the text parameter `x`; `{texts:x}` from `x`, or is the array
    `x_array` when the texts could not be packed (see _texts)."""
    def column(match: re.Match) -> str:
        kind, name = match.groups()
        if kind == "texts":
            return f"coalesce(CAST(:{name}_array AS text[]), {SPLIT_TEXTS.format(f'CAST(:{name} AS text)')})"
        return SPLIT_VALUES.format(f"CAST(:{name} AS text)", "uuid[]" if kind == "ids" else f"{kind}[]")
    return re.sub(r"\{(ids|numeric|boolean|texts):(\w+)\}", column, sql)


def _texts(name: str, values: list) -> dict:
    """The parameters of a `{texts:name}` column: packed, or the array when they cannot be."""
    packed = packed_texts(values)
    return {name: packed, f"{name}_array": None if packed is not None else values}


# Everything a customer's invoice writes, in one statement: the invoice, its lines, the entries'
# links (an adjustment it bills becomes settled; a superseded entry is never linked: adjusting takes
# the customer's lock, and if one slipped through the customer's write would fail whole), the
# unbilled times, its email and the customer's outcome in the batch. An invoice to
# validate goes in with the counter to draw its number from: the number is drawn while the
# transaction commits (migration 0009), so that the tenant's counter row, locked until commit, is
# never held while a worker is between two statements.
_WRITE_INVOICE = text(_packed_columns("""
WITH invoice AS (
  INSERT INTO invoices (id, tenant_id, batch_id, customer_id, contract_id, number, status, bill_to, title, subtitle,
                        period_start, period_end, issue_date, due_date, validated_at, currency, untaxed_amount,
                        tax_amount, total, taxes, terms, not_validated_reasons, delivery_status, delivery_attempts,
                        delivery_failure, number_prefix, number_year)
  SELECT :invoice, :tenant, :batch, :customer, CAST(:contract AS uuid), NULL, 'draft', CAST(:bill_to AS jsonb), :title, :subtitle,
         :period_start, :period_end, CAST(:issue_date AS date), CAST(:due_date AS date), NULL,
         :currency, :untaxed, :tax, :total, CAST(:taxes AS jsonb), CAST(:terms AS jsonb), CAST(:reasons AS jsonb),
         :delivery_status, 0, :delivery_failure, CAST(:number_prefix AS text), CAST(:number_year AS integer)
  RETURNING id),
line AS (
  INSERT INTO invoice_lines (id, tenant_id, invoice_id, position, time_entry_id, product_id, description,
                             quantity, unit, unit_price, amount, tax_rate, late, hours_worked, contract_id, covered,
                             time_entry_ids, time_entry_quantities)
  SELECT s.id, :tenant, invoice.id, s.n - 1, s.entry, s.product, s.description, s.quantity, s.unit, s.price,
         s.amount, s.rate, s.late, s.worked, s.contract, s.covered, CAST(string_to_array(s.entry_ids, ',') AS uuid[]),
         CAST(string_to_array(s.entry_quantities, ',') AS numeric[])
  FROM invoice, unnest({ids:line_ids}, {ids:entries}, {ids:products}, {texts:descriptions},
              {numeric:quantities}, {texts:units}, {numeric:prices}, {numeric:amounts}, {numeric:rates},
              {boolean:late}, {numeric:worked}, {ids:contracts}, {boolean:covered}, {texts:entry_ids},
              {texts:entry_quantities})
       WITH ORDINALITY AS s(id, entry, product, description, quantity, unit, price, amount, rate, late, worked,
                            contract, covered, entry_ids, entry_quantities, n)
  RETURNING id),
linked AS (
  UPDATE time_entries te SET invoice_id = :invoice, invoice_line_id = link.line,
         adjustment_status = CASE WHEN te.adjustment_status = 'pending' THEN 'settled' ELSE te.adjustment_status END
  FROM unnest({ids:link_entries}, {ids:link_lines}) AS link(entry, line)
  WHERE te.id = link.entry AND te.invoice_id IS NULL AND NOT te.superseded
  RETURNING te.id),
unbilled AS (
  INSERT INTO invoice_batch_unbilled (batch_id, time_entry_id, tenant_id, customer_id, reason)
  SELECT :batch, u.entry, :tenant, :customer, u.reason
  FROM unnest({ids:unbilled_entries}, {texts:unbilled_reasons}) AS u(entry, reason)
  ON CONFLICT DO NOTHING),
mail AS (
  INSERT INTO email_outbox (id, tenant_id, kind, invoice_id, batch_id, recipient, message_id, status, attempts)
  SELECT :mail_id, :tenant, 'invoice', invoice.id, :batch, CAST(:recipient AS text), :message_id, 'pending', 0
  FROM invoice WHERE CAST(:recipient AS text) IS NOT NULL),
outcome AS (
  UPDATE invoice_batch_customers SET outcome = 'invoiced'
  WHERE :record_outcome AND batch_id = :batch AND customer_id = :customer AND coalesce(outcome, 'pending') = 'pending'
  RETURNING 1)
SELECT (SELECT count(*) FROM linked) AS linked, (SELECT count(*) FROM outcome) AS recorded,
       set_config('synchronous_commit', CASE WHEN :durable THEN 'on' ELSE 'off' END, true) AS commit_mode
"""))

# When someone subscribes to invoice.validated, the event written in this transaction needs the
# number now: then it is drawn by a statement, last thing before the commit (gapless: the counter
# row stays locked until then; lpad as app/invoicing/numbering.py format_number).
_NUMBER_INVOICE = text(f"""
WITH counter AS ({NEXT_NUMBER_SQL})
UPDATE invoices SET status = 'validated', validated_at = now(),
       number = :prefix || CASE WHEN counter.last_number >= 1000000 THEN counter.last_number::text
                                ELSE lpad(counter.last_number::text, 6, '0') END
FROM counter WHERE invoices.id = :invoice
""")


async def _invoice_customer(session: AsyncSession, run: _Run, claimed) -> list[uuid.UUID]:
    """Writes the claimed customer's invoice (and, when someone subscribes, its invoice.validated
    event) and its credit note when corrections take hours back; the ids of their outbox rows when
    they are to be emailed."""
    batch, target = run.batch, claimed.customer_id
    if not claimed.exists:
        raise RebillError(f"customer {target} was deleted after the batch started")
    period = run.scope.period_of(claimed.billing_cycle)
    entries = [] if period is None else \
        (await load_entries(session, scope=run.scope, periods={target: period})).get(target, [])
    # Read under the customer's lock, after it, with the invoices they correct locked in turn.
    corrections = (await load_pending_adjustments(session, scope=run.scope, targets=[target], lock=True)
                   ).get(target, []) if run.settles else []
    customer = target_customer(target, claimed)
    prices = dict(zip(claimed.price_products, claimed.price_amounts, strict=True))
    rows = claimed.contracts
    if any(row["kind"] in ("block_hours", "retainer") for row in rows):
        rows = await session.scalar(_CONTRACTS_AFTER_LOCK, {"tenant": batch.tenant_id, "customer": target})
    contracts = {contract.id: contract for contract in map(planned_contract, rows)}
    planned = plan_customer(bill_to=customer.bill_to, entries=entries, adjustments=corrections,
                            products=run.products, negotiated_prices=prices, options=run.options, period=period,
                            contracts=contracts)
    if planned.is_empty:
        await _record_outcome(session, batch, target, "no_times")
        return []
    sender = outbox.sender_of(run.settings, run.mailer.default_sender)
    mails = []
    settlement = planned.settlement
    if settlement.credit_note is not None:
        mails.append(await write_credit_note(
            session, batch=batch, settings=run.settings, customer=customer, plan=settlement.credit_note,
            terms=_terms(run.settings, customer), sender=sender))
    if settlement.settled_without_line:
        await session.execute(SETTLE_WITHOUT_LINE, {"tenant": batch.tenant_id,
                                                    "entries": settlement.settled_without_line})
    for n, invoice in enumerate(planned.invoices):  # one, or one per contract (the last records the outcome)
        mails.append(await _write_invoice(session, batch, run.settings, customer, invoice, sender, run.announce,
                                          record_outcome=n == len(planned.invoices) - 1))
    if not planned.invoices:  # only hours taken back, or settled without a line: no invoice, the customer is done
        await _record_outcome(session, batch, target, "invoiced")
    return [mail for mail in mails if mail is not None]


async def _record_outcome(session: AsyncSession, batch: InvoiceBatch, target: uuid.UUID, outcome: str) -> None:
    recorded = await session.execute(update(InvoiceBatchCustomer).where(
        InvoiceBatchCustomer.batch_id == batch.id, InvoiceBatchCustomer.customer_id == target,
        _NO_OUTCOME_YET).values(outcome=outcome))
    if recorded.rowcount != 1:
        raise RuntimeError("the customer's outcome was recorded by another run")  # rolls back


def _terms(settings: TenantSettings, customer) -> dict:
    terms = dict(settings.terms or {})
    terms.update({k: v for k, v in (customer.terms or {}).items() if v is not None})
    return terms


async def _write_invoice(session: AsyncSession, batch: InvoiceBatch, settings: TenantSettings, customer: TargetCustomer,
                         plan: InvoicePlan, sender: str, announce: bool, *, record_outcome: bool = True
                         ) -> uuid.UUID | None:
    blocking = validation_reasons(plan, has_billing_address=customer.billing_address is not None)
    validate = batch.validate_invoices and not blocking
    sending = validate and batch.send
    recipient = customer.emails[0] if sending and customer.emails else None
    mail_id = new_id() if recipient else None
    invoice_id = new_id()
    terms = _terms(settings, customer)
    issue_date = datetime.now(zoneinfo.ZoneInfo(settings.timezone)).date()
    year = counter_year(settings, issue_date)
    prefix = number_prefix(settings, year)
    due_date = issue_date + timedelta(days=terms.get("payment_terms_days") or 0)
    lines = plan.lines
    line_ids = new_ids(len(lines))
    links = entry_links(lines, line_ids)
    listed = [listed_entries(line) for line in lines]
    result = (await session.execute(_WRITE_INVOICE, {
        "tenant": batch.tenant_id, "batch": batch.id, "customer": plan.customer_id, "invoice": invoice_id,
        "contract": plan.contract_id,
        "bill_to": json.dumps(customer.bill_to_snapshot()),
        "title": batch.title, "subtitle": invoice_subtitle(plan, settings.language),
        "period_start": plan.period_start, "period_end": plan.period_end,
        "issue_date": issue_date if validate else None, "due_date": due_date if validate else None,
        "number_prefix": prefix if validate and not announce else None,
        "number_year": year if validate and not announce else None,
        "currency": plan.currency, "untaxed": plan.untaxed_amount, "tax": plan.tax_amount, "total": plan.total,
        "taxes": json.dumps([{"rate": str(t.rate), "base": str(t.base), "amount": str(t.amount)} for t in plan.taxes]),
        "terms": json.dumps(terms), "reasons": json.dumps(blocking if batch.validate_invoices else []),
        "line_ids": packed_ids(line_ids), "entries": packed_ids([line.time_entry_id for line in lines]),
        "products": packed_ids([line.product_id for line in lines]),
        **_texts("descriptions", [line.description for line in lines]),
        "quantities": packed_scalars([line.quantity for line in lines]),
        **_texts("units", [line.unit for line in lines]),
        "prices": packed_scalars([line.unit_price for line in lines]),
        "amounts": packed_scalars([line.amount for line in lines]),
        "rates": packed_scalars([line.tax_rate for line in lines]),
        "late": packed_scalars([line.late for line in lines]),
        "worked": packed_scalars([line.hours_worked for line in lines]),
        "contracts": packed_ids([line.contract_id for line in lines]),
        "covered": packed_scalars([line.covered for line in lines]),
        **_texts("entry_ids", [ids for ids, _ in listed]),
        **_texts("entry_quantities", [quantities for _, quantities in listed]),
        "link_entries": packed_ids(list(links)), "link_lines": packed_ids(list(links.values())),
        "record_outcome": record_outcome,
        "unbilled_entries": packed_ids([u.time_entry_id for u in plan.unbilled]),
        **_texts("unbilled_reasons", [u.reason for u in plan.unbilled]),
        "delivery_status": ("pending" if recipient else "failed") if sending else "not_requested",
        "delivery_failure": "missing_email" if sending and not recipient else None,
        "mail_id": mail_id, "recipient": recipient,
        "message_id": outbox.message_id(mail_id, sender) if mail_id else None,
        # A customer's transaction waits for its WAL to reach the disk only when something outside
        # will know of it (an email, an invoice.validated event). Otherwise a PostgreSQL crash may
        # lose the last few hundred milliseconds of customers, as if they had not run: the resumed
        # run does them again (numbers included, still gapless), and the batch's final commit,
        # synchronous, makes everything before it durable. It saves a disk flush per customer.
        "durable": bool(recipient) or (validate and announce)})).one()
    if result.linked != len(links):
        raise RuntimeError("time entries changed while being invoiced")  # rolls this customer back
    if result.recorded != int(record_outcome):
        raise RuntimeError("the customer's outcome was recorded by another run")
    await _consume_blocks(session, batch, plan, invoice_id)
    if validate and announce:
        await session.execute(_NUMBER_INVOICE, {"tenant": batch.tenant_id, "invoice": invoice_id, "year": year,
                                                "prefix": prefix, "kind": "invoice"})
        async def resource() -> dict:
            return await invoice_resource(session, await session.get(Invoice, invoice_id))

        await emit_event(session, tenant_id=batch.tenant_id, type="invoice.validated", data=resource)
    return mail_id


# A block is invoiced once (SPEC §11): only where no invoice has it yet; fewer rows than planned is a
# race with another invoice, and the customer is rolled back.
_INVOICE_BLOCKS = text(
    "UPDATE contract_blocks SET invoice_id = :invoice "
    "WHERE tenant_id = :tenant AND id = ANY(CAST(:blocks AS uuid[])) AND invoice_id IS NULL")


async def _consume_blocks(session: AsyncSession, batch: InvoiceBatch, plan: InvoicePlan,
                          invoice_id: uuid.UUID) -> None:
    """In the customer's transaction: the block hours its covered lines consume, and its blocks
    invoiced. The plan read the balance before the customer's lock; the database covering fewer
    hours than planned means another invoice consumed them meanwhile: the customer fails (rolled
    back), never below zero (the table's CHECK), never twice."""
    for contract_id, hours in sorted(plan.block_hours.items(), key=lambda item: str(item[0])):
        covered = await consume_block_hours(session, contract_id=contract_id, hours=hours)
        if covered != hours:
            raise RebillError(f"contract {contract_id}: {covered} block hours left, {hours} planned; "
                              "another invoice consumed them meanwhile")
    if blocks := plan.blocks_invoiced:
        updated = await session.execute(_INVOICE_BLOCKS, {"invoice": invoice_id, "tenant": batch.tenant_id,
                                                          "blocks": blocks})
        if updated.rowcount != len(blocks):
            raise RebillError("a block was invoiced by another invoice meanwhile")
    await _bill_retainers(session, batch, plan, invoice_id)


# A retainer's cycle is billed once (SPEC §11): the unique key refuses a second row for the cycle.
_BILL_RETAINER = text("""
INSERT INTO retainer_cycles (id, tenant_id, contract_id, period_start, period_end, included_hours, hours_covered,
                             invoice_id)
SELECT :id, :tenant, ct.id, :start, :end, ct.included_hours, 0, :invoice FROM contracts ct
WHERE ct.tenant_id = :tenant AND ct.id = :contract AND ct.kind = 'retainer'
  AND NOT EXISTS (SELECT 1 FROM retainer_cycles r WHERE r.tenant_id = :tenant AND r.contract_id = ct.id
                  AND r.period_start <= :end AND :start <= r.period_end)
ON CONFLICT DO NOTHING
""")
# Included hours covered in a billed cycle; the CHECK keeps them within what the cycle includes.
_COVER_RETAINER_HOURS = text("""
UPDATE retainer_cycles SET hours_covered = hours_covered + :hours
WHERE tenant_id = :tenant AND contract_id = :contract AND period_start = :start
  AND hours_covered + :hours <= included_hours
""")


async def _bill_retainers(session: AsyncSession, batch: InvoiceBatch, plan: InvoicePlan,
                          invoice_id: uuid.UUID) -> None:
    """In the customer's transaction: the retainer cycles this invoice bills, and the included hours
    its covered lines use. The plan read them after the customer's lock; a cycle billed or hours
    used meanwhile (a batch that bypassed the lock) fail the customer, rolled back, never twice."""
    for contract_id, start, end in plan.retainers_billed:
        inserted = await session.execute(_BILL_RETAINER, {"id": new_id(), "tenant": batch.tenant_id,
                                                          "contract": contract_id, "start": start, "end": end,
                                                          "invoice": invoice_id})
        if inserted.rowcount != 1:
            raise RebillError(f"contract {contract_id}: the retainer of this cycle was billed meanwhile")
    for contract_id, (start, _, hours) in sorted(plan.retainer_hours.items(), key=lambda item: str(item[0])):
        covered = await session.execute(_COVER_RETAINER_HOURS, {"tenant": batch.tenant_id, "contract": contract_id,
                                                                "start": start, "hours": hours})
        if covered.rowcount != 1:
            raise RebillError(f"contract {contract_id}: the retainer's included hours were used meanwhile")


async def _finish(session: AsyncSession, batch_id: uuid.UUID, sender: str) -> tuple[str, uuid.UUID | None]:
    """The batch's final status, and the id of its summary email when one is asked for."""
    batch = await session.get(InvoiceBatch, batch_id, with_for_update=_BATCH_ROW_LOCK)
    if batch.status != "running" or await _pending(session, batch_id):
        return batch.status, None
    outcomes = dict((await session.execute(
        select(InvoiceBatchCustomer.outcome, func.count()).where(InvoiceBatchCustomer.batch_id == batch_id)
        .group_by(InvoiceBatchCustomer.outcome))).all())
    drafts_left = batch.validate_invoices and await session.scalar(
        select(func.count()).where(Invoice.batch_id == batch_id, Invoice.status == "draft")) > 0
    unbilled = await session.scalar(select(func.count()).where(InvoiceBatchUnbilled.batch_id == batch_id)) > 0
    not_sent = batch.send and await session.scalar(
        select(func.count()).where(Invoice.batch_id == batch_id, Invoice.status.in_(("validated", "credited")),
                                   Invoice.delivery_status == "failed")) > 0
    outcomes.pop("excluded", None)  # left out of the batch: neither done nor to do
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


