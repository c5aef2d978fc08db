"""The heart of invoicing, with no I/O: from a customer's billable time entries, its prices and the
tenant's settings to the invoice that a batch (or a preview) would create.

The batch and the preview both call `plan_invoice`; that is what makes "the preview equals the run"
true by construction. Money is Decimal throughout: each line amount is rounded half-up to the
currency's minor unit, tax is computed per rate on the sum of the rounded line amounts."""

import uuid
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from app.invoices.labels import line_phrase, period_text, work_item_type_text
from app.invoicing.cycles import Period
from app.kit.currency import minor_units
from app.invoicing.rounding import round_hours
from app.kit.money import format_decimal, round_money


MISSING_PRODUCT = "missing_product"
NO_DEFAULT_PRODUCT = "no_default_product"


@dataclass(frozen=True)
class PlannedProduct:
    id: uuid.UUID
    name: str
    description: str | None
    unit: str
    unit_price: Decimal
    tax_rate: Decimal | None


# Entries and lines are made by the hundred thousand in a batch: plain slotted dataclasses build in
# less than half the time of frozen ones.
@dataclass(slots=True)
class BillableEntry:
    id: uuid.UUID
    work_item_type: str
    work_item_reference: str
    started_at: datetime
    hours: Decimal
    product_id: uuid.UUID | None
    employee_name: str | None
    late: bool = False  # dated before the customer's period (SPEC §9 late time)
    # The contract it names (SPEC §11), active or not: its work item's, else its customer's default
    # (a contact's own; the billing target's default is BillTo's).
    contract_id: uuid.UUID | None = None
    # Its work item, for lines grouped per work item (SPEC §11 line_grouping).
    work_item_id: uuid.UUID | None = None
    work_item_title: str | None = None


@dataclass(frozen=True)
class PlannedBlock:
    """A prepaid block of hours of a `block_hours` contract (SPEC §11), invoiced once."""

    id: uuid.UUID
    hours: Decimal
    price: Decimal
    purchased_on: date
    invoiced: bool = False


@dataclass(frozen=True)
class RetainerCycle:
    """A cycle whose retainer was billed (SPEC §11), and the included hours its time has covered."""

    start: date
    end: date
    hours_covered: Decimal

    def overlaps(self, start: date, end: date) -> bool:
        return self.start <= end and start <= self.end


@dataclass(frozen=True)
class PlannedContract:
    """What billing needs of a contract (SPEC §11): when it applies, the product of its time that
    has none, whether its lines are taxed, how its time is rounded; for `block_hours`, its block
    balance (hours_purchased − hours_used, as read), its overage price and its blocks."""

    id: uuid.UUID
    product_id: uuid.UUID | None
    starts_on: date
    ends_on: date | None
    taxable: bool
    time_rounding: dict | None
    kind: str = "hourly"
    name: str = ""
    overage_unit_price: Decimal | None = None
    balance: Decimal = Decimal("0")
    blocks: tuple[PlannedBlock, ...] = ()
    # `retainer`: its amount per cycle, the hours it includes, and the cycles already billed.
    retainer_amount: Decimal | None = None
    included_hours: Decimal | None = None
    retainer_cycles: tuple[RetainerCycle, ...] = ()

    def active_on(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)

    def active_during(self, start: date, end: date) -> bool:
        return self.starts_on <= end and (self.ends_on is None or start <= self.ends_on)

    def billed_cycles(self, start: date, end: date) -> list[RetainerCycle]:
        """The billed cycles overlapping [start, end]: its retainer is billed for none of those days again."""
        return [cycle for cycle in self.retainer_cycles if cycle.overlaps(start, end)]


@dataclass(frozen=True)
class BillTo:
    customer_id: uuid.UUID
    currency: str
    tax_rate: Decimal | None
    tax_exempt: bool
    # The contract of its (and its contacts') time when the work item names none, and how time is
    # rounded when the contract does not say (SPEC §11).
    default_contract_id: uuid.UUID | None = None
    time_rounding: dict | None = None


LINE_GROUPINGS = ("entry", "work_item", "product")
INVOICE_PER = ("customer", "contract")


@dataclass(frozen=True)
class PlanOptions:
    timezone: str
    show_employee_names: bool
    product_mandatory: bool
    default_product_id: uuid.UUID | None
    # SPEC §11: a line per time entry, per work item or per product; one invoice per customer or per contract.
    line_grouping: str = "entry"
    invoice_per: str = "customer"
    # settings.language: the words the lines and the subtitle are written in (`en` | `fr`).
    language: str = "en"


@dataclass(slots=True)
class PlannedLine:
    # None on a block line, and on the overage part of an entry split across a block's balance (its
    # covered part names the entry: one entry is on one active line, migration 0013's unique index).
    time_entry_id: uuid.UUID | None
    product_id: uuid.UUID
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    tax_rate: Decimal
    # Made from time dated before its invoice's period (SPEC §9 late time).
    late: bool = False
    # The hours worked, before rounding (SPEC §11); None: the quantity (adjustments, credit lines).
    hours_worked: Decimal | None = None
    # The contract the time was billed under, if any; covered: by its prepaid blocks or its retainer.
    contract_id: uuid.UUID | None = None
    covered: bool = False
    # Every time entry the line bills (SPEC §11): one, or those of a grouped line; the overage part
    # of an entry split across a balance names it here, not in `time_entry_id`.
    time_entry_ids: tuple[uuid.UUID, ...] = ()
    # What it bills of each of them (parallel to time_entry_ids): the whole quantity for one entry.
    entry_quantities: tuple[Decimal, ...] = ()

    def __post_init__(self) -> None:
        if self.hours_worked is None:
            self.hours_worked = self.quantity
        if not self.time_entry_ids and self.time_entry_id is not None:
            self.time_entry_ids = (self.time_entry_id,)
        if not self.entry_quantities and len(self.time_entry_ids) == 1:
            self.entry_quantities = (self.quantity,)
    # On a credit note's line: the invoice, and its line, it credits (settlement.py).
    credited_invoice_id: uuid.UUID | None = None
    credited_line_id: uuid.UUID | None = None
    # On a block line (SPEC §11 "Block of 10.00 hours — <contract>"): the block it invoices.
    block_id: uuid.UUID | None = None
    # On a retainer line ("Retainer — <contract> — <period>"): the cycle it bills.
    retainer_cycle: tuple[date, date] | None = None
    # A line of several entries (line_grouping work_item or product).
    grouped: bool = False

    @property
    def bills_time(self) -> bool:
        """Made from time (not a block or retainer line)."""
        return self.block_id is None and self.retainer_cycle is None


@dataclass(frozen=True)
class UnbilledEntry:
    time_entry_id: uuid.UUID
    reason: str


@dataclass(frozen=True)
class TaxLine:
    rate: Decimal
    base: Decimal
    amount: Decimal


@dataclass
class InvoicePlan:
    customer_id: uuid.UUID
    currency: str
    # The invoice's period, printed as its subtitle: the customer's period, each missing bound
    # (kind none, the first custom cycle) the local date of the earliest / latest entry billed.
    period_start: date | None = None
    period_end: date | None = None
    lines: list[PlannedLine] = field(default_factory=list)
    unbilled: list[UnbilledEntry] = field(default_factory=list)
    taxes: list[TaxLine] = field(default_factory=list)
    hours: Decimal = Decimal("0")
    untaxed_amount: Decimal = Decimal("0")
    tax_amount: Decimal = Decimal("0")
    total: Decimal = Decimal("0")
    # Block hours the invoice's covered lines consume, per block_hours contract (SPEC §11): the batch
    # consumes them in the customer's transaction.
    block_hours: dict[uuid.UUID, Decimal] = field(default_factory=dict)
    # The block balance each of the customer's block_hours contracts is left with after this invoice
    # (shown by the preview; set by settlement.plan_customer).
    block_balances: dict[uuid.UUID, Decimal] = field(default_factory=dict)
    # Included hours its covered lines use, per retainer contract: (the cycle's start, end, hours).
    retainer_hours: dict[uuid.UUID, tuple[date, date, Decimal]] = field(default_factory=dict)
    # invoice_per contract: the contract this invoice is for (None: the time outside any contract).
    contract_id: uuid.UUID | None = None
    contract_name: str | None = None

    @property
    def covered_hours(self) -> Decimal:
        return sum((line.quantity for line in self.lines if line.covered), Decimal("0"))

    @property
    def blocks_invoiced(self) -> list[uuid.UUID]:
        return [line.block_id for line in self.lines if line.block_id is not None]

    @property
    def hours_worked(self) -> Decimal:
        return sum((line.hours_worked for line in self.lines if line.bills_time), Decimal("0"))

    @property
    def billed_hours(self) -> Decimal:
        return sum((line.quantity for line in self.lines if line.bills_time and not line.covered), Decimal("0"))

    @property
    def retainers_billed(self) -> list[tuple[uuid.UUID, date, date]]:
        return [(line.contract_id, *line.retainer_cycle) for line in self.lines if line.retainer_cycle is not None]


def line_description(product: PlannedProduct, entry: BillableEntry, *, timezone: str,
                     show_employee_names: bool, language: str = "en") -> str:
    """"Support — Remote support\nTicket T-004211 of 05/11/2026 at 14:30 by Alice Martin"."""
    return _describe(_heading(product), entry, zoneinfo.ZoneInfo(timezone), show_employee_names, language)


def _heading(product: PlannedProduct) -> str:
    return f"{product.name} — {product.description}" if product.description else product.name


def _describe(heading: str, entry: BillableEntry, zone: zoneinfo.ZoneInfo, show_employee_names: bool,
              language: str = "en") -> str:
    local = entry.started_at.astimezone(zone)
    text = heading + "\n" + line_phrase(language, "entry").format(
        label=work_item_type_text(language, entry.work_item_type), reference=entry.work_item_reference,
        day=f"{local.day:02d}/{local.month:02d}/{local.year:04d}", time=f"{local.hour:02d}:{local.minute:02d}")
    if show_employee_names and entry.employee_name:
        text += line_phrase(language, "by").format(name=entry.employee_name)
    return text


def _tax_rate(product: PlannedProduct, bill_to: BillTo, contract: PlannedContract | None = None) -> Decimal:
    if bill_to.tax_exempt or (contract is not None and not contract.taxable):
        return Decimal("0")
    if product.tax_rate is not None:
        return product.tax_rate
    return bill_to.tax_rate if bill_to.tax_rate is not None else Decimal("0")


def contract_of(entry: BillableEntry, bill_to: BillTo, contracts: dict[uuid.UUID, PlannedContract],
                local_date: date) -> PlannedContract | None:
    """The contract an entry is billed under (SPEC §11): its work item's, else its customer's default
    (a contact's own), else the billing target's default; only if active on the entry's local date,
    else none (an inactive work item's contract does not fall back to a default: that time is plain
    hourly time)."""
    contract = contracts.get(entry.contract_id or bill_to.default_contract_id)
    return contract if contract is not None and contract.active_on(local_date) else None


def plan_invoice(*, bill_to: BillTo, entries: list[BillableEntry], products: dict[uuid.UUID, PlannedProduct],
                 negotiated_prices: dict[uuid.UUID, Decimal], options: PlanOptions,
                 period: Period = Period(None, None),
                 contracts: dict[uuid.UUID, PlannedContract] | None = None) -> InvoicePlan:
    """One invoice for one customer: a line per billable entry, in the order the time was spent (or
    per work item or product, options.line_grouping). `contracts`: the billing target's, by id (SPEC
    §11: product, tax and rounding of their time, blocks and retainers covering it)."""
    contracts = contracts or {}
    places = minor_units(bill_to.currency)
    plan = InvoicePlan(customer_id=bill_to.customer_id, currency=bill_to.currency)
    zone = zoneinfo.ZoneInfo(options.timezone)
    headings: dict[uuid.UUID, str] = {}
    entries = sorted(entries, key=lambda e: (e.started_at, e.id))
    # A retainer that cannot be billed (no product, and no default product) covers no time either.
    retainers = {c.id for c in contracts.values() if c.kind == "retainer"
                 and (c.product_id or options.default_product_id) in products}
    pools = _CoveragePools(_retainer_cycle(period, entries, zone) if retainers else None, retainers)
    lines: list[PlannedLine] = []
    for entry in entries:
        local_date = entry.started_at.astimezone(zone).date()
        contract = contract_of(entry, bill_to, contracts, local_date) if contracts else None
        product_id = entry.product_id
        if product_id is None and contract is not None:
            product_id = contract.product_id  # the contract's product: not missing one
        if product_id is None and options.product_mandatory:
            plan.unbilled.append(UnbilledEntry(time_entry_id=entry.id, reason=MISSING_PRODUCT))
            continue
        product = products.get(product_id or options.default_product_id)
        if product is None:
            plan.unbilled.append(UnbilledEntry(time_entry_id=entry.id, reason=NO_DEFAULT_PRODUCT))
            continue
        unit_price = negotiated_prices.get(product.id, product.unit_price)
        if product.id not in headings:
            headings[product.id] = _heading(product)
        rounding = contract.time_rounding if contract is not None and contract.time_rounding is not None \
            else bill_to.time_rounding
        quantity = round_hours(entry.hours, rounding) if rounding is not None else entry.hours
        description = _describe(headings[product.id], entry, zone, options.show_employee_names, options.language)
        tax_rate = _tax_rate(product, bill_to, contract)
        contract_id = contract.id if contract is not None else None
        # SPEC §11: a block balance, or a retainer's included hours in its cycle (time of the cycle
        # only, not late time), cover the billed quantity in started_at order; beyond it, the
        # overage price (blocks) or the usual price. An entry crossing the balance: its covered line
        # names the entry, the overage line lists it only in time_entry_ids (one entry is on at
        # most one active line).
        covered = pools.cover(contract, quantity, entry, local_date)
        if covered > 0:
            lines.append(PlannedLine(
                time_entry_id=entry.id, product_id=product.id, description=description,
                quantity=covered, unit=product.unit, unit_price=Decimal("0.00"), amount=round_money(Decimal(0), places),
                tax_rate=tax_rate, late=entry.late,
                hours_worked=min(entry.hours, covered) if covered < quantity else entry.hours,
                contract_id=contract_id, covered=True))
        if covered < quantity or quantity == 0:
            overage = quantity - covered
            price = contract.overage_unit_price if contract is not None and contract.kind == "block_hours" \
                and contract.overage_unit_price is not None else unit_price
            lines.append(PlannedLine(
                time_entry_id=entry.id if covered == 0 else None, product_id=product.id, description=description,
                quantity=overage, unit=product.unit, unit_price=price,
                amount=round_money(overage * price, places), tax_rate=tax_rate, late=entry.late,
                hours_worked=entry.hours if covered == 0 else entry.hours - min(entry.hours, covered),
                contract_id=contract_id, time_entry_ids=(entry.id,)))
    plan.block_hours = pools.block_hours
    plan.retainer_hours = {c: used for c, used in pools.retainer_hours.items() if used[2] > 0}
    if options.line_grouping != "entry":
        lines = group_lines(lines, {entry.id: entry for entry in entries}, products, options.line_grouping, places,
                            language=options.language)
    plan.lines = lines
    plan.period_start, plan.period_end = _invoice_period(
        period, entries, {entry for line in plan.lines for entry in line.time_entry_ids}, zone)
    return total(plan)


class _CoveragePools:
    """The hours left to cover per contract while an invoice is planned: a block_hours contract's
    balance, a retainer's included hours in the cycle (less what earlier invoices of the cycle used)."""

    def __init__(self, cycle: tuple[date, date] | None, retainers: set[uuid.UUID]) -> None:
        self.cycle, self.retainers = cycle, retainers
        self.left: dict[uuid.UUID, Decimal] = {}
        self.block_hours: dict[uuid.UUID, Decimal] = {}
        self.retainer_hours: dict[uuid.UUID, tuple[date, date, Decimal]] = {}

    def cover(self, contract: PlannedContract | None, quantity: Decimal, entry: BillableEntry,
              local_date: date) -> Decimal:
        if contract is None or contract.kind == "hourly" or quantity == 0:
            return Decimal(0)
        if contract.kind == "block_hours":
            left = self.left.setdefault(contract.id, max(contract.balance, Decimal(0)))
            covered = min(quantity, left)
            if covered > 0:
                self.block_hours[contract.id] = self.block_hours.get(contract.id, Decimal(0)) + covered
        else:
            if self.cycle is None or entry.late or contract.id not in self.retainers \
                    or not self.cycle[0] <= local_date <= self.cycle[1]:
                return Decimal(0)
            if contract.id not in self.left:
                earlier = contract.billed_cycles(*self.cycle)
                used = sum((c.hours_covered for c in earlier), Decimal(0))
                self.left[contract.id] = max((contract.included_hours or Decimal(0)) - used, Decimal(0))
                # Counted in the billed cycle overlapping the period (a later batch of it), else the period.
                start, end = (earlier[0].start, earlier[0].end) if earlier else self.cycle
                self.retainer_hours[contract.id] = (start, end, Decimal(0))
            left = self.left[contract.id]
            covered = min(quantity, left)
            start, end, hours = self.retainer_hours[contract.id]
            self.retainer_hours[contract.id] = (start, end, hours + covered)
        self.left[contract.id] = left - covered
        return covered


def _retainer_cycle(period: Period, entries: list[BillableEntry], zone: zoneinfo.ZoneInfo) -> tuple[date, date] | None:
    """The cycle retainers count hours in: the invoice's period, each missing bound from the entries."""
    start, end = _invoice_period(period, entries, {entry.id for entry in entries}, zone)
    return (start, end) if start is not None and end is not None else None


def group_lines(lines: list[PlannedLine], entries: dict[uuid.UUID, BillableEntry],
                products: dict[uuid.UUID, PlannedProduct], grouping: str, places: int,
                language: str = "en") -> list[PlannedLine]:
    """Entry lines grouped (SPEC §11) per work item or per product, and per unit price, tax rate,
    covered flag and contract, in the order of each group's first time: the quantity is the sum of
    the billed quantities, the amount that sum × unit price rounded once, every time entry listed."""
    groups: dict[tuple, list[PlannedLine]] = {}
    for line in lines:
        entry = entries[line.time_entry_ids[0]]
        key = (entry.work_item_id if grouping == "work_item" else None, line.product_id, line.unit_price,
               line.tax_rate, line.covered, line.contract_id)
        groups.setdefault(key, []).append(line)
    grouped = []
    for (_, product_id, unit_price, tax_rate, covered, contract_id), members in groups.items():
        first = entries[members[0].time_entry_ids[0]]
        name = products[product_id].name
        description = name if grouping == "product" else (
            f"{name}\n{work_item_type_text(language, first.work_item_type)} {first.work_item_reference}"
            + (f" — {first.work_item_title}" if first.work_item_title else ""))
        quantity = sum((m.quantity for m in members), Decimal(0))
        shares: dict[uuid.UUID, Decimal] = {}
        for member in members:
            for entry_id, share in zip(member.time_entry_ids, member.entry_quantities, strict=True):
                shares[entry_id] = shares.get(entry_id, Decimal(0)) + share
        grouped.append(PlannedLine(
            time_entry_id=None, product_id=product_id, description=description, quantity=quantity,
            unit=members[0].unit, unit_price=unit_price, amount=round_money(quantity * unit_price, places),
            tax_rate=tax_rate, late=all(m.late for m in members),
            hours_worked=sum((m.hours_worked for m in members), Decimal(0)), contract_id=contract_id,
            covered=covered, time_entry_ids=tuple(shares), entry_quantities=tuple(shares.values()), grouped=True))
    return grouped


def retainer_lines(*, bill_to: BillTo, contracts: dict[uuid.UUID, PlannedContract],
                   products: dict[uuid.UUID, PlannedProduct], options: PlanOptions,
                   cycle: tuple[date, date] | None) -> list[PlannedLine]:
    """The lines billing each retainer active during the cycle whose retainer no invoice billed for
    any of its days (SPEC §11): "Retainer — <contract name> — <period>", quantity 1 at the retainer
    amount, of the contract's product (else the tenant's default; with neither, it is not billed)."""
    if cycle is None:
        return []
    places = minor_units(bill_to.currency)
    lines = []
    for contract in sorted(contracts.values(), key=lambda c: (c.name, str(c.id))):
        if contract.kind != "retainer" or not contract.active_during(*cycle) or contract.billed_cycles(*cycle):
            continue
        product = products.get(contract.product_id or options.default_product_id)
        if product is None:
            continue
        lines.append(PlannedLine(
            time_entry_id=None, product_id=product.id,
            description=line_phrase(options.language, "retainer").format(
                name=contract.name, start=f"{cycle[0]:%d/%m/%Y}", end=f"{cycle[1]:%d/%m/%Y}"),
            quantity=Decimal("1.00"), unit="retainer", unit_price=contract.retainer_amount,
            amount=round_money(contract.retainer_amount, places), tax_rate=_tax_rate(product, bill_to, contract),
            hours_worked=Decimal("0.00"), contract_id=contract.id, retainer_cycle=cycle))
    return lines


def block_lines(*, bill_to: BillTo, contracts: dict[uuid.UUID, PlannedContract],
                products: dict[uuid.UUID, PlannedProduct], options: PlanOptions,
                period_end: date | None) -> list[PlannedLine]:
    """The lines invoicing the blocks not invoiced yet and bought on or before the period's end (SPEC
    §11): "Block of 10.00 hours — <contract name>", quantity 1 at the block's price, taxed by the
    contract's rule, of the contract's product (else the tenant's default; with neither, the block
    waits)."""
    if period_end is None:
        return []
    places = minor_units(bill_to.currency)
    lines = []
    for contract in sorted(contracts.values(), key=lambda c: (c.name, str(c.id))):
        if contract.kind != "block_hours":
            continue
        product = products.get(contract.product_id or options.default_product_id)
        if product is None:
            continue
        for block in sorted(contract.blocks, key=lambda b: (b.purchased_on, str(b.id))):
            if block.invoiced or block.purchased_on > period_end:
                continue
            lines.append(PlannedLine(
                time_entry_id=None, product_id=product.id,
                description=line_phrase(options.language, "block").format(
                    hours=format_decimal(block.hours), name=contract.name),
                quantity=Decimal("1.00"), unit="block", unit_price=block.price,
                amount=round_money(block.price, places), tax_rate=_tax_rate(product, bill_to, contract),
                hours_worked=Decimal("0.00"), contract_id=contract.id, block_id=block.id))
    return lines


def total(plan: InvoicePlan) -> InvoicePlan:
    """The plan's taxes (per rate, on the sum of its rounded line amounts), hours and totals."""
    places = minor_units(plan.currency)
    plan.taxes = tax_lines(((line.tax_rate, line.amount) for line in plan.lines), places)
    plan.hours = sum((line.quantity for line in plan.lines if line.bills_time), Decimal("0"))
    plan.untaxed_amount = sum((line.amount for line in plan.lines), Decimal("0"))
    plan.tax_amount = sum((tax.amount for tax in plan.taxes), Decimal("0"))
    plan.total = plan.untaxed_amount + plan.tax_amount
    return plan


def tax_lines(rated_amounts, places: int) -> list[TaxLine]:
    """Tax per rate on the sum of the (already rounded) line amounts at that rate, rounded half-up
    to the currency's minor unit: (rate, amount) pairs in, one TaxLine per rate out, by rate."""
    bases: dict[Decimal, Decimal] = defaultdict(Decimal)
    for rate, amount in rated_amounts:
        bases[rate] += amount
    return [TaxLine(rate=rate, base=base, amount=round_money(base * rate / 100, places))
            for rate, base in sorted(bases.items())]


def _invoice_period(period: Period, entries: list[BillableEntry], billed: set[uuid.UUID],
                    zone: zoneinfo.ZoneInfo) -> tuple[date | None, date | None]:
    """The period, each missing bound taken from the entries billed (all of them, when none is: the
    invoice then has no line, and its period still says which time it was about)."""
    if period.start is not None and period.end is not None:
        return period.start, period.end
    dated = [e.started_at for e in entries if e.id in billed] or [e.started_at for e in entries]
    if not dated:
        return period.start, period.end
    return (period.start or dated[0].astimezone(zone).date(), period.end or dated[-1].astimezone(zone).date())


def validation_reasons(plan: InvoicePlan, *, has_billing_address: bool) -> list[str]:
    """Why an invoice cannot be made final; empty when it can."""
    reasons = []
    if not has_billing_address:
        reasons.append("missing_billing_address")
    if not plan.lines:
        reasons.append("no_invoice_lines")
    return reasons


def currency_totals(amounts) -> list[dict]:
    """(currency, untaxed, tax, total) rows summed per currency, in currency order."""
    sums: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0)] * 3)
    for currency, *values in amounts:
        for k, value in enumerate(values):
            sums[currency][k] += value
    return [{"currency": c, "untaxed": s[0], "tax": s[1], "total": s[2]} for c, s in sorted(sums.items())]


def contract_details(plan: InvoicePlan, contracts: dict[uuid.UUID, PlannedContract]) -> list[dict]:
    """Per contract the invoice's lines bill under (by name): hours worked, covered and billed, the
    block balance after it, the retainer's included hours left in the cycle (the preview's details)."""
    sums: dict[uuid.UUID, list[Decimal]] = {}
    for line in plan.lines:
        if line.contract_id not in contracts:
            continue
        hours = sums.setdefault(line.contract_id, [Decimal(0)] * 3)  # worked, covered, billed
        if line.bills_time:
            hours[0] += line.hours_worked
            hours[1 if line.covered else 2] += line.quantity
    details = []
    for contract_id in sorted(sums, key=lambda c: (contracts[c].name, str(c))):
        contract, (worked, covered, billed) = contracts[contract_id], sums[contract_id]
        left = None
        if contract.kind == "retainer" and plan.period_start is not None and plan.period_end is not None:
            earlier = sum((c.hours_covered for c in contract.billed_cycles(plan.period_start, plan.period_end)),
                          Decimal(0))
            used = plan.retainer_hours.get(contract_id, (None, None, Decimal(0)))[2]
            left = max((contract.included_hours or Decimal(0)) - earlier - used, Decimal(0))
        details.append({"contract_id": contract_id, "name": contract.name, "kind": contract.kind,
                        "hours_worked": worked, "covered_hours": covered, "billed_hours": billed,
                        "block_hours_remaining": plan.block_balances.get(contract_id)
                        if contract.kind == "block_hours" else None,
                        "retainer_included_hours_left": left})
    return details


def invoice_subtitle(plan: InvoicePlan, language: str = "en") -> str:
    """The period, and with invoice_per contract the contract the invoice is for."""
    subtitle = period_subtitle(plan.period_start, plan.period_end, language)
    if plan.contract_name:
        subtitle = f"{subtitle} — {plan.contract_name}" if subtitle else plan.contract_name
    return subtitle


def entry_links(lines: list[PlannedLine], line_ids: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    """Each time entry an invoice bills -> the line it is linked to: its first line (the covered part
    of an entry split across a balance)."""
    links: dict[uuid.UUID, uuid.UUID] = {}
    for line, line_id in zip(lines, line_ids, strict=True):
        for entry in line.time_entry_ids:
            links.setdefault(entry, line_id)
    return links


def listed_entries(line: PlannedLine) -> tuple[str | None, str | None]:
    """What a line stores in `time_entry_ids` and `time_entry_quantities` (comma-separated for the
    write): None when it is just its `time_entry_id`."""
    if line.time_entry_ids == ((line.time_entry_id,) if line.time_entry_id is not None else ()):
        return None, None
    return ",".join(map(str, line.time_entry_ids)), ",".join(map(str, line.entry_quantities))


def period_subtitle(start: date | None, end: date | None, language: str = "en") -> str:
    if start is None or end is None:  # an invoice without a period (none of its entries to date it)
        return ""
    return period_text(language, start, end)
