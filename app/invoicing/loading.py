"""Reads what planning needs, set-based and chunk by chunk: the billing targets of a batch, then for
a chunk of targets their billable entries, products and negotiated prices.

A contact with a parent company is billed to the parent: the billing target of a customer is
`coalesce(parent_id, id)`, and a target's entries are its own plus its contacts'. The target's
billing cycle is the one its entries are billed on (SPEC §9: a contact uses its parent's)."""

import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import ARRAY, DateTime, Uuid, any_, bindparam, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import FieldError, InvalidInput
from app.invoicing.cycles import Period, cycle_period
from app.invoicing.planning import (BillableEntry, BillTo, PlannedBlock, PlannedContract, PlannedProduct,
                                    RetainerCycle)
from app.invoicing.settlement import BilledLine, PendingAdjustment
from app.kit.repository import get_owned
from app.kit.timezones import local_day_bounds
from app.models import Contract, ContractBlock, Customer, Price, Product, Selection, SelectionCustomer
from app.models import RetainerCycle as RetainerCycleRow

CHUNK = 500


@dataclass
class TargetCustomer:
    bill_to: BillTo
    name: str
    billing_address: dict | None
    emails: list[str]
    terms: dict | None
    tax_exemption_reason: str | None
    billing_cycle: dict
    external_id: str | None = None  # shown by the preview; the batch's write does not need it
    vat_number: str | None = None
    company_id: str | None = None

    def bill_to_snapshot(self) -> dict:
        """What the invoice keeps of its customer: a later change of the customer alters no invoice."""
        return {"name": self.name, "address": self.billing_address,
                "tax_exemption_reason": self.tax_exemption_reason,
                "vat_number": self.vat_number, "company_id": self.company_id}


@dataclass
class ReferenceData:
    """What planning needs besides the entries, for a slice of targets: the customers, every
    product of the tenant and the negotiated prices. It changes rarely, so a batch reads it once
    per slice, and each customer's entries later, under that customer's lock."""

    customers: dict[uuid.UUID, TargetCustomer]
    products: dict[uuid.UUID, PlannedProduct]
    prices: dict[uuid.UUID, dict[uuid.UUID, Decimal]]
    # Each target's contracts by id (SPEC §11): those its work items and its default name.
    contracts: dict[uuid.UUID, dict[uuid.UUID, PlannedContract]]


@dataclass(frozen=True)
class Scope:
    """Which time a batch bills: the tenant's, of the work item kind, in each customer's period
    (local dates): the batch's period, or with a cut-off date the customer's last complete cycle;
    and the late time before that period, with a cut-off date or when asked."""

    tenant_id: uuid.UUID
    timezone: str
    source_type: str | None
    period: Period | None
    cutoff_date: date | None = None
    include_late_time: bool = False

    @classmethod
    def of(cls, definition, *, tenant_id: uuid.UUID, timezone: str) -> "Scope":
        """From a batch, or a batch definition (the preview's): they name their fields alike."""
        period = None if definition.cutoff_date else Period(definition.period_start, definition.period_end)
        return cls(tenant_id=tenant_id, timezone=timezone, source_type=definition.source_type, period=period,
                   cutoff_date=definition.cutoff_date, include_late_time=definition.include_late_time)

    def period_of(self, billing_cycle: dict) -> Period | None:
        """The period a target is billed for; None: nothing to bill (no cycle ended yet)."""
        if self.cutoff_date is not None:
            return cycle_period(billing_cycle, self.cutoff_date)
        if self.include_late_time and billing_cycle["kind"] == "none":
            # Not date-based: its earlier time is billed as part of the period, never late.
            return Period(None, self.period.end)
        return self.period

    @property
    def bills_late_time(self) -> bool:
        return self.cutoff_date is not None or self.include_late_time


def _ids(name: str, values: list[uuid.UUID]):
    return bindparam(name, values, type_=ARRAY(Uuid))


async def _targets_of(session: AsyncSession, tenant_id: uuid.UUID,
                      customer_ids: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    """Each known customer's billing target."""
    rows = await session.execute(
        select(Customer.id, func.coalesce(Customer.parent_id, Customer.id))
        .where(Customer.tenant_id == tenant_id, Customer.id == any_(_ids("ids", list(customer_ids)))))
    return {row[0]: row[1] for row in rows}


def _refuse_unknown(field: str, customer_ids: list[uuid.UUID], known: dict[uuid.UUID, uuid.UUID]) -> None:
    errors = [FieldError(field=f"{field}[{i}]", code="unknown_reference", message=f"no customer {c}")
              for i, c in enumerate(customer_ids) if c not in known]
    if errors:
        raise InvalidInput(errors[0].message, code="unknown_reference", errors=errors[:50])


async def billing_targets(session: AsyncSession, *, tenant_id: uuid.UUID, selection_id: uuid.UUID | None,
                          customer_ids: list[uuid.UUID] | None) -> list[uuid.UUID]:
    """The customers to invoice, in the order given, each contact replaced by its parent company."""
    if selection_id is not None:
        selection = await get_owned(session, Selection, tenant_id, selection_id)
        rows = await session.execute(
            select(func.coalesce(Customer.parent_id, Customer.id))
            .join(SelectionCustomer, (SelectionCustomer.customer_id == Customer.id)
                  & (SelectionCustomer.tenant_id == Customer.tenant_id))
            .where(SelectionCustomer.selection_id == selection.id).order_by(SelectionCustomer.position))
        targets = [row[0] for row in rows]
    else:
        target_of = await _targets_of(session, tenant_id, customer_ids)
        _refuse_unknown("customer_ids", customer_ids, target_of)
        targets = [target_of[c] for c in customer_ids]
    return list(dict.fromkeys(targets))


async def excluded_targets(session: AsyncSession, *, tenant_id: uuid.UUID, exclude_customer_ids: list[uuid.UUID],
                           strict: bool = True) -> set[uuid.UUID]:
    """The billing targets that `exclude_customer_ids` leaves out (a contact stands for its parent
    company). `strict`: an unknown id is a 422 naming it; otherwise (a batch starting, whose
    customer was deleted since) it excludes nothing."""
    if not exclude_customer_ids:
        return set()
    target_of = await _targets_of(session, tenant_id, exclude_customer_ids)
    if strict:
        _refuse_unknown("exclude_customer_ids", exclude_customer_ids, target_of)
    return set(target_of.values())


def leave_out(targets: list[uuid.UUID], excluded: set[uuid.UUID]) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
    """The targets to bill and the excluded ones, each in the selection's order."""
    return [t for t in targets if t not in excluded], [t for t in targets if t in excluded]


# Driven from the targets by index, whatever the planner believes: freshly pushed rows have no
# statistics (autovacuum may not have analysed them yet, or may be off), and a generic plan knows no
# parameter. Planned as one join, the query used to read every entry of the tenant in the period
# for each customer (seconds instead of a millisecond). So: the customers (a target and its
# contacts) by primary key and by parent only, in a CTE that no tenant condition can be pushed
# into; their work items; then each work item's entries through a LATERAL subquery that OFFSET 0
# keeps from being flattened, on (tenant_id, work_item_id, started_at), the one index that serves
# all three of its conditions. Each target brings its own bounds (`w`, one row per target): an
# absent bound is an infinite one, still a range on the index. The bounds are written on the pair
# (work_item_id, started_at), a range of that index only: written on started_at alone, they were a
# range of (tenant_id, started_at) too, and on tables never analysed both indexes were estimated at
# one row, the smaller one chosen: every entry of the tenant in the period read for each customer
# (seen: 30,000 entries read for 100 kept, 23-45 ms a customer instead of ~0.5).
# Each entry comes with the contract it names (SPEC §11): its work item's, else its customer's default
# (a contact may name one of its company's contracts); the planner falls back to the target's default.
# Never billed as entries (SPEC §10): superseded entries (replaced by an adjustment), and
# adjustments of billed time (corrected_invoice_id), which a batch settles against the line they
# correct instead.
_ENTRIES = text("""
WITH w AS MATERIALIZED (
  SELECT * FROM unnest(CAST(:targets AS uuid[]), CAST(:since AS timestamptz[]), CAST(:until AS timestamptz[]),
                       CAST(:late_before AS timestamptz[])) AS w(target_id, since, until, late_before)),
c AS MATERIALIZED (
  SELECT id, parent_id, tenant_id, default_contract_id FROM customers WHERE id = ANY(:targets)
  UNION ALL
  SELECT id, parent_id, tenant_id, default_contract_id FROM customers WHERE parent_id = ANY(:targets))
SELECT w.target_id, te.id, wi.type, wi.reference, te.started_at, te.hours, te.product_id, te.employee_name,
       coalesce(te.started_at < w.late_before, false) AS late,
       coalesce(wi.contract_id, c.default_contract_id) AS contract_id, wi.id AS work_item_id, wi.title
FROM c
JOIN w ON w.target_id = coalesce(c.parent_id, c.id)
JOIN work_items wi ON wi.tenant_id = c.tenant_id AND wi.customer_id = c.id
CROSS JOIN LATERAL (
  SELECT te.id, te.started_at, te.hours, te.product_id, te.employee_name FROM time_entries te
  WHERE te.tenant_id = wi.tenant_id AND te.work_item_id = wi.id
    AND (te.work_item_id, te.started_at) >= (wi.id, coalesce(w.since, '-infinity'))
    AND (te.work_item_id, te.started_at) < (wi.id, coalesce(w.until, 'infinity'))
    AND te.status = 'approved' AND te.billable AND te.invoice_id IS NULL
    AND NOT te.superseded AND te.corrected_invoice_id IS NULL
  OFFSET 0) te
WHERE c.tenant_id = :tenant_id AND (CAST(:source_type AS text) IS NULL OR wi.type = :source_type)
""").bindparams(bindparam("targets", type_=ARRAY(Uuid)),
                *(bindparam(name, type_=ARRAY(DateTime(timezone=True))) for name in ("since", "until", "late_before")))


async def load_entries(session: AsyncSession, *, scope: Scope,
                       periods: dict[uuid.UUID, Period]) -> dict[uuid.UUID, list[BillableEntry]]:
    """The billable entries of each target in its period (and before it, when the scope bills late
    time): approved, billable, not invoiced, not superseded, not an adjustment of billed time, of the
    work item kind."""
    since, until, late_before = [], [], []
    for period in periods.values():
        start, end = local_day_bounds(scope.timezone, period.start, period.end)
        since.append(None if scope.bills_late_time else start)
        until.append(end)
        late_before.append(start)
    entries: dict[uuid.UUID, list[BillableEntry]] = defaultdict(list)
    rows = await session.execute(_ENTRIES, {
        "tenant_id": scope.tenant_id, "targets": list(periods), "since": since, "until": until,
        "late_before": late_before, "source_type": scope.source_type})
    for (target_id, entry_id, work_item_type, reference, started_at, hours, product_id, employee_name, late,
         contract_id, work_item_id, title) in rows:
        entries[target_id].append(BillableEntry(entry_id, work_item_type, reference, started_at, hours, product_id,
                                                employee_name, late, contract_id, work_item_id, title))
    return entries


# A target's adjustments of billed time waiting to be settled (SPEC §10), whatever their dates (the
# next batch over the customer settles them), driven by index as _ENTRIES is, with the line each
# corrects. A line whose time a credit released has nothing left to correct (the credit turned its
# corrections into replacements); a line of a credited invoice still does: what it bills is
# then what credit notes left of it, maybe nothing. The batch locks the corrected invoices (FOR UPDATE, which re-checks their
# status once granted): a credit of the same invoice racing the batch then waits for the batch's
# credit note, and credits only what it leaves (app/invoices/credit.py), or the batch skips an
# invoice that a credit finished first.
_PENDING_CORRECTIONS = """
WITH c AS MATERIALIZED (
  SELECT id, parent_id, tenant_id FROM customers WHERE id = ANY(:targets)
  UNION ALL
  SELECT id, parent_id, tenant_id FROM customers WHERE parent_id = ANY(:targets))
SELECT coalesce(c.parent_id, c.id) AS target_id, te.id, te.hours, te.adjusts_id, l.invoice_id, l.id AS line_id,
       l.product_id, l.description, l.unit, l.unit_price, l.tax_rate, l.contract_id
FROM c
JOIN work_items wi ON wi.tenant_id = c.tenant_id AND wi.customer_id = c.id
CROSS JOIN LATERAL (
  SELECT te.id, te.tenant_id, te.hours, te.adjusts_id, te.corrected_invoice_line_id FROM time_entries te
  WHERE te.tenant_id = wi.tenant_id AND te.work_item_id = wi.id
    AND te.adjustment_status = 'pending' AND te.corrected_invoice_line_id IS NOT NULL
  OFFSET 0) te
JOIN invoice_lines l ON l.id = te.corrected_invoice_line_id AND NOT l.released
JOIN invoices i ON i.id = l.invoice_id AND i.status IN ('validated', 'credited')
WHERE c.tenant_id = :tenant_id AND (CAST(:source_type AS text) IS NULL OR wi.type = :source_type)
"""
_PENDING_CORRECTIONS_READ = text(_PENDING_CORRECTIONS).bindparams(bindparam("targets", type_=ARRAY(Uuid)))
_PENDING_CORRECTIONS_LOCKED = text(_PENDING_CORRECTIONS + "ORDER BY i.id FOR UPDATE OF i").bindparams(
    bindparam("targets", type_=ARRAY(Uuid)))

# Whether a tenant has any correction waiting (a batch asks now and then, and reads each customer's
# corrections only when it does): the partial index of adjustments, empty for most tenants.
ANY_PENDING_CORRECTION = text(
    "SELECT EXISTS (SELECT 1 FROM time_entries WHERE tenant_id = :tenant_id AND adjusts_id IS NOT NULL "
    "AND adjustment_status = 'pending' AND corrected_invoice_line_id IS NOT NULL)")


# The lines still billing corrected time, per corrected line and original entry: the corrected line,
# the other lines billing part of the entry (the overage part of an entry split across a balance),
# and the extra lines that settled corrections of it added on later invoices. For each, the hours
# of the entry no credit note took back yet (on a line of several entries, the entry's own share,
# less what corrections of that entry credited of it), and whether a credit made by hand (POST
# .../credit, no batch) took them back: time written off, which no correction bills again (a credit
# that releases the time would have made it billable).
_BILLED_LINES = text("""
WITH p AS (SELECT DISTINCT line, original FROM unnest(CAST(:lines AS uuid[]), CAST(:originals AS uuid[]))
           AS p(line, original))
SELECT b.corrected_line_id, b.original, l.id, l.invoice_id, l.unit_price, l.tax_rate,
       CASE WHEN l.time_entry_ids IS NULL THEN l.quantity
            ELSE coalesce(l.time_entry_quantities[array_position(l.time_entry_ids, b.original)], 0) END
       - coalesce((SELECT sum(cr.quantity) FROM invoice_lines cr
                   WHERE cr.credited_line_id = l.id
                     AND (l.time_entry_ids IS NULL OR cr.time_entry_id IN (
                          SELECT a.id FROM time_entries a WHERE a.tenant_id = :tenant_id AND a.adjusts_id = b.original))),
                  0) AS hours,
       EXISTS (SELECT 1 FROM invoice_lines cr JOIN invoices n ON n.id = cr.invoice_id
               WHERE cr.credited_line_id = l.id AND n.batch_id IS NULL) AS written_off
FROM (SELECT p.line AS corrected_line_id, p.original, p.line AS line_id FROM p
      UNION
      SELECT p.line, p.original, o.id FROM p
      JOIN invoice_lines o ON o.tenant_id = :tenant_id AND o.time_entry_ids @> ARRAY[p.original]
                          AND o.credited_invoice_id IS NULL
      UNION
      SELECT s.corrected_invoice_line_id, s.adjusts_id, x.id FROM time_entries s
      JOIN invoice_lines x ON x.time_entry_id = s.id AND x.credited_invoice_id IS NULL
      WHERE s.tenant_id = :tenant_id AND s.adjusts_id = ANY(:originals) AND s.adjustment_status = 'settled'
        AND s.corrected_invoice_line_id = ANY(:lines)) b
JOIN invoice_lines l ON l.id = b.line_id AND NOT l.released
JOIN invoices i ON i.id = l.invoice_id AND i.type = 'invoice' AND i.status IN ('validated', 'credited')
ORDER BY b.corrected_line_id, b.original, i.created_at, l.id
""").bindparams(bindparam("lines", type_=ARRAY(Uuid)), bindparam("originals", type_=ARRAY(Uuid)))
# The batch locks the invoices of those extra lines too, before reading what is left of them.
_LOCK_BILLING_INVOICES = text("""
SELECT i.id FROM invoices i
WHERE i.id IN (SELECT x.invoice_id FROM time_entries s JOIN invoice_lines x ON x.time_entry_id = s.id
               WHERE s.tenant_id = :tenant_id AND s.adjusts_id = ANY(:originals)
                 AND s.adjustment_status = 'settled' AND s.corrected_invoice_line_id = ANY(:lines)
                 AND x.credited_invoice_id IS NULL)
ORDER BY i.id FOR UPDATE
""").bindparams(bindparam("lines", type_=ARRAY(Uuid)), bindparam("originals", type_=ARRAY(Uuid)))


async def load_pending_adjustments(session: AsyncSession, *, scope: Scope, targets: list[uuid.UUID],
                                   lock: bool = False) -> dict[uuid.UUID, list[PendingAdjustment]]:
    """Each target's adjustments of billed time waiting to be settled (app/invoicing/settlement.py),
    with the lines still billing their time; with `lock`, the invoices of those lines are locked
    until the transaction ends (the batch), before what is left of them is read."""
    pending: dict[uuid.UUID, list[PendingAdjustment]] = defaultdict(list)
    rows = (await session.execute(_PENDING_CORRECTIONS_LOCKED if lock else _PENDING_CORRECTIONS_READ, {
        "tenant_id": scope.tenant_id, "targets": targets, "source_type": scope.source_type})).all()
    if not rows:
        return pending
    keys = {"tenant_id": scope.tenant_id, "lines": [row.line_id for row in rows],
            "originals": [row.adjusts_id for row in rows]}
    if lock:
        await session.execute(_LOCK_BILLING_INVOICES, keys)
    billed: dict[tuple[uuid.UUID, uuid.UUID], list[BilledLine]] = defaultdict(list)
    written_off: set[uuid.UUID] = set()
    for line in await session.execute(_BILLED_LINES, keys):
        billed[line.corrected_line_id, line.original].append(BilledLine(
            invoice_id=line.invoice_id, line_id=line.id, hours=max(line.hours, Decimal(0)),
            unit_price=line.unit_price, tax_rate=line.tax_rate))
        if line.written_off:
            written_off.add(line.corrected_line_id)
    for row in rows:
        lines = tuple(billed.get((row.line_id, row.adjusts_id), ()))
        pending[row.target_id].append(PendingAdjustment(
            time_entry_id=row.id, hours=row.hours, billed_hours=sum((b.hours for b in lines), Decimal(0)),
            invoice_id=row.invoice_id, product_id=row.product_id, description=row.description, unit=row.unit,
            unit_price=row.unit_price, tax_rate=row.tax_rate, corrected_line_id=row.line_id, billed_lines=lines,
            written_off=row.line_id in written_off, contract_id=row.contract_id))
    return pending


def target_customer(customer_id: uuid.UUID, row, *, external_id: str | None = None) -> TargetCustomer:
    """What planning and the invoice need of a customer, from its row (an ORM object or a result row)."""
    return TargetCustomer(
        bill_to=BillTo(customer_id=customer_id, currency=row.currency, tax_rate=row.tax_rate,
                       tax_exempt=row.tax_exempt, default_contract_id=row.default_contract_id,
                       time_rounding=row.time_rounding),
        name=row.name, billing_address=row.billing_address, emails=list(row.emails), terms=row.terms,
        tax_exemption_reason=row.tax_exemption_reason, billing_cycle=row.billing_cycle, external_id=external_id,
        vat_number=getattr(row, "vat_number", None), company_id=getattr(row, "company_id", None))


async def load_products(session: AsyncSession, *, tenant_id: uuid.UUID) -> dict[uuid.UUID, PlannedProduct]:
    return {p.id: PlannedProduct(id=p.id, name=p.name, description=p.description, unit=p.unit,
                                 unit_price=p.unit_price, tax_rate=p.tax_rate)
            for p in await session.scalars(select(Product).where(Product.tenant_id == tenant_id))}


async def load_prices(session: AsyncSession, *, tenant_id: uuid.UUID,
                      targets: list[uuid.UUID]) -> dict[uuid.UUID, dict[uuid.UUID, Decimal]]:
    """Negotiated prices: customer -> product -> unit price."""
    prices: dict[uuid.UUID, dict[uuid.UUID, Decimal]] = defaultdict(dict)
    for price in await session.scalars(select(Price).where(Price.tenant_id == tenant_id,
                                                           Price.customer_id == any_(_ids("targets", targets)))):
        prices[price.customer_id][price.product_id] = price.unit_price
    return prices


def planned_contract(row, blocks=None, cycles=None) -> PlannedContract:
    """What billing needs of a contract, from its row (and its blocks' and retainer cycles' rows) or
    its JSON object (the batch's claim, blocks and cycles included)."""
    get = row.get if isinstance(row, dict) else lambda name: getattr(row, name)
    starts_on, ends_on = get("starts_on"), get("ends_on")
    if blocks is None:
        blocks = row.get("blocks") or [] if isinstance(row, dict) else []
    if cycles is None:
        cycles = row.get("cycles") or [] if isinstance(row, dict) else []
    kind = get("kind") or "hourly"
    overage = get("overage_unit_price")
    retainer, included = get("retainer_amount"), get("included_hours")
    return PlannedContract(
        id=uuid.UUID(str(get("id"))), product_id=uuid.UUID(str(get("product_id"))) if get("product_id") else None,
        starts_on=_as_date(starts_on), ends_on=None if ends_on is None else _as_date(ends_on),
        taxable=get("taxable"), time_rounding=get("time_rounding"), kind=kind, name=get("name") or "",
        overage_unit_price=Decimal(str(overage)) if overage is not None else None,
        balance=Decimal(str(get("hours_purchased") or 0)) - Decimal(str(get("hours_used") or 0)),
        blocks=tuple(_planned_block(block) for block in blocks),
        retainer_amount=Decimal(str(retainer)) if retainer is not None else None,
        included_hours=Decimal(str(included)) if included is not None else None,
        retainer_cycles=tuple(_retainer_cycle(cycle) for cycle in cycles))


def _as_date(value) -> date:
    """A date from a row (a date) or from the claim's JSON (its ISO text)."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def _retainer_cycle(row) -> RetainerCycle:
    get = row.get if isinstance(row, dict) else lambda name: getattr(row, name)
    return RetainerCycle(start=_as_date(get("period_start")), end=_as_date(get("period_end")),
                         hours_covered=Decimal(str(get("hours_covered"))))


def _planned_block(row) -> PlannedBlock:
    get = row.get if isinstance(row, dict) else lambda name: getattr(row, name)
    return PlannedBlock(id=uuid.UUID(str(get("id"))), hours=Decimal(str(get("hours"))),
                        price=Decimal(str(get("price"))), purchased_on=_as_date(get("purchased_on")),
                        invoiced=get("invoice_id") is not None)


async def load_contracts(session: AsyncSession, *, tenant_id: uuid.UUID,
                         targets: list[uuid.UUID]) -> dict[uuid.UUID, dict[uuid.UUID, PlannedContract]]:
    """The targets' contracts: customer -> contract id -> contract (a contact has none of its own)."""
    contracts: dict[uuid.UUID, dict[uuid.UUID, PlannedContract]] = defaultdict(dict)
    rows = list(await session.scalars(select(Contract).where(Contract.tenant_id == tenant_id,
                                                             Contract.customer_id == any_(_ids("targets", targets)))))
    blocks: dict[uuid.UUID, list] = defaultdict(list)
    block_contracts = [row.id for row in rows if row.kind == "block_hours"]
    if block_contracts:
        for block in await session.scalars(select(ContractBlock).where(
                ContractBlock.tenant_id == tenant_id, ContractBlock.contract_id == any_(_ids("contracts", block_contracts)))):
            blocks[block.contract_id].append(block)
    cycles: dict[uuid.UUID, list] = defaultdict(list)
    retainers = [row.id for row in rows if row.kind == "retainer"]
    if retainers:
        for cycle in await session.scalars(select(RetainerCycleRow).where(
                RetainerCycleRow.tenant_id == tenant_id, RetainerCycleRow.contract_id == any_(_ids("retainers", retainers)))):
            cycles[cycle.contract_id].append(cycle)
    for row in rows:
        contracts[row.customer_id][row.id] = planned_contract(row, blocks.get(row.id, []), cycles.get(row.id, []))
    return contracts


async def load_reference_data(session: AsyncSession, *, tenant_id: uuid.UUID,
                              targets: list[uuid.UUID]) -> ReferenceData:
    customers = {c.id: target_customer(c.id, c, external_id=c.external_id) for c in await session.scalars(
        select(Customer).where(Customer.tenant_id == tenant_id, Customer.id == any_(_ids("targets", targets))))}
    return ReferenceData(customers=customers, products=await load_products(session, tenant_id=tenant_id),
                         prices=await load_prices(session, tenant_id=tenant_id, targets=targets),
                         contracts=await load_contracts(session, tenant_id=tenant_id, targets=targets))


def slices(targets: list[uuid.UUID]) -> Iterator[list[uuid.UUID]]:
    for offset in range(0, len(targets), CHUNK):
        yield targets[offset:offset + CHUNK]
