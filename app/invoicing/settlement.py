"""Settling adjustments of billed time (SPEC §10), with no I/O: from a customer's pending
adjustments of time billed on validated invoices to the lines a batch adds to the customer's
invoice and to the customer's credit note.

Each adjustment is settled at the price and tax rate of the line that billed its time:
`delta = adjustment hours − billed hours` (billed hours: the original line's quantity plus the
deltas settled before). `delta > 0`: a line on the invoice for the extra hours. `delta < 0`: a line
on the credit note for |delta| hours, pointing at the invoice it credits (positive amounts, as on
every credit note). `delta = 0`: no line; the adjustment is settled all the same. Amounts are
rounded half-up to the currency's minor unit, line by line, and taxed per rate on the sum of the
rounded amounts, as invoices are (planning.total). Like planning.plan_invoice, the batch and the
preview both call this: what one shows, the other does."""

import uuid
from dataclasses import dataclass, field, replace
from decimal import Decimal

from app.invoicing.cycles import Period
from app.invoicing.planning import (BillableEntry, BillTo, InvoicePlan, PlanOptions, PlannedContract, PlannedLine,
                                    PlannedProduct, block_lines, plan_invoice, retainer_lines, total)
from app.invoicing.rounding import round_hours
from app.kit.currency import minor_units
from app.kit.money import format_decimal, round_money


@dataclass(frozen=True)
class BilledLine:
    """A line of a validated invoice that bills some of the corrected time, and how many of its hours
    no credit note has taken back yet: the corrected line itself, or an extra line that an earlier
    correction of the same line added on a later invoice."""

    invoice_id: uuid.UUID
    line_id: uuid.UUID
    hours: Decimal
    unit_price: Decimal
    tax_rate: Decimal


@dataclass(frozen=True)
class PendingAdjustment:
    """An adjustment waiting to be settled, with what it needs of the line that billed its time."""

    time_entry_id: uuid.UUID  # the adjustment
    hours: Decimal  # what should have been billed
    billed_hours: Decimal  # what is billed of the time today: the hours still billed on `billed_lines`
    invoice_id: uuid.UUID  # the validated invoice that billed the time: what a negative delta credits
    product_id: uuid.UUID
    description: str  # the original line's
    unit: str
    unit_price: Decimal
    tax_rate: Decimal
    corrected_line_id: uuid.UUID | None = None  # the line it corrects: what a credit line credits
    # The lines still billing the time, oldest first; none given: the corrected line, for billed_hours.
    billed_lines: tuple[BilledLine, ...] = ()
    # A credit made by hand took the time back without releasing it: it is written off, and the
    # correction is settled without a line (no batch bills written-off time again).
    written_off: bool = False
    # The contract the corrected line was billed under: its time rounding applies to the correction.
    contract_id: uuid.UUID | None = None

    def lines_billed(self) -> tuple[BilledLine, ...]:
        return self.billed_lines or (BilledLine(invoice_id=self.invoice_id, line_id=self.corrected_line_id,
                                                hours=self.billed_hours, unit_price=self.unit_price,
                                                tax_rate=self.tax_rate),)


@dataclass
class SettlementPlan:
    # delta > 0: lines for the customer's invoice of this batch (see `with_extra_lines`).
    invoice_lines: list[PlannedLine] = field(default_factory=list)
    # delta < 0: the customer's credit note of this batch, or None when nothing is credited.
    credit_note: InvoicePlan | None = None
    # delta = 0: nothing to bill or credit; settled all the same.
    settled_without_line: list[uuid.UUID] = field(default_factory=list)

    @property
    def settled(self) -> list[uuid.UUID]:
        """Every adjustment this plan settles."""
        credited = self.credit_note.lines if self.credit_note else []
        return [line.time_entry_id for line in (*self.invoice_lines, *credited)] + self.settled_without_line

    @property
    def credited_invoice_ids(self) -> list[uuid.UUID]:
        """The invoices the credit note credits, each once, in the order of its lines."""
        return list(dict.fromkeys(line.credited_invoice_id for line in self.credit_note.lines)) \
            if self.credit_note else []


def adjustment_description(adjustment: PendingAdjustment) -> str:
    """The original line's description, then what changed: "…\nAdjustment: 1.50 hour billed, 0.75 due"."""
    return (f"{adjustment.description}\nAdjustment: {format_decimal(adjustment.billed_hours)} {adjustment.unit} "
            f"billed, {format_decimal(adjustment.hours)} due")


def plan_settlement(*, customer_id: uuid.UUID, currency: str,
                    adjustments: list[PendingAdjustment]) -> SettlementPlan:
    """The lines that settle a customer's pending adjustments of billed time, in a stable order (by
    credited invoice, then adjustment). Hours taken back are credited from the lines that billed
    them, the latest first (an extra line of an earlier correction before the corrected line), each
    at its own price and tax rate and never beyond what it still bills: no invoice is credited more
    than it billed."""
    places = minor_units(currency)
    plan = SettlementPlan()
    credit_lines: list[PlannedLine] = []
    for adjustment in sorted(adjustments, key=lambda a: (str(a.invoice_id), str(a.time_entry_id))):
        delta = adjustment.hours - adjustment.billed_hours
        if delta == 0 or adjustment.written_off:
            plan.settled_without_line.append(adjustment.time_entry_id)
        elif delta > 0:
            plan.invoice_lines.append(PlannedLine(
                time_entry_id=adjustment.time_entry_id, product_id=adjustment.product_id,
                description=adjustment_description(adjustment), quantity=delta, unit=adjustment.unit,
                unit_price=adjustment.unit_price, amount=round_money(delta * adjustment.unit_price, places),
                tax_rate=adjustment.tax_rate, contract_id=adjustment.contract_id))
        else:
            left = -delta
            for billed in reversed(adjustment.lines_billed()):
                quantity = min(left, billed.hours)
                if quantity <= 0:
                    continue
                credit_lines.append(PlannedLine(
                    time_entry_id=adjustment.time_entry_id, product_id=adjustment.product_id,
                    description=adjustment_description(adjustment), quantity=quantity, unit=adjustment.unit,
                    unit_price=billed.unit_price, amount=round_money(quantity * billed.unit_price, places),
                    tax_rate=billed.tax_rate, credited_invoice_id=billed.invoice_id,
                    credited_line_id=billed.line_id))
                left -= quantity
    if credit_lines:
        plan.credit_note = total(InvoicePlan(customer_id=customer_id, currency=currency, lines=credit_lines))
    return plan


def with_extra_lines(invoice: InvoicePlan, lines: list[PlannedLine]) -> InvoicePlan:
    """The customer's invoice plan (changed in place) with the settlement's extra lines after its own,
    totalled again."""
    if not lines:
        return invoice
    invoice.lines = [*invoice.lines, *lines]
    return total(invoice)


@dataclass
class CustomerPlan:
    """What a batch makes for one customer: its invoices (none when there is nothing to invoice: no
    entry in scope, no extra hours, no block or retainer to bill; one, or with invoice_per contract
    one per contract and one for the time outside any) and the settlement of its corrections (a
    credit note, and corrections settled without a line)."""

    invoices: list[InvoicePlan]
    settlement: SettlementPlan

    @property
    def invoice(self) -> InvoicePlan | None:
        """The consolidated invoice (invoice_per customer)."""
        return self.invoices[0] if self.invoices else None

    @property
    def is_empty(self) -> bool:
        return not self.invoices and not self.settlement.settled


def plan_customer(*, bill_to: BillTo, entries: list[BillableEntry], adjustments: list[PendingAdjustment],
                  products: dict[uuid.UUID, PlannedProduct], negotiated_prices: dict[uuid.UUID, Decimal],
                  options: PlanOptions, period: Period | None,
                  contracts: dict[uuid.UUID, PlannedContract] | None = None) -> CustomerPlan:
    """The batch's and the preview's one planning call per customer: the invoice of its entries, its
    blocks and retainers to bill first, the extra hours of its corrections after them, and the credit
    note of the hours they take back; split per contract with options.invoice_per `contract`. A
    correction's hours are rounded as the time it corrects was (its contract's rule, else the
    customer's), so that it is compared with what was billed like with like."""
    contracts = contracts or {}
    adjustments = [_rounded(adjustment, bill_to, contracts) for adjustment in adjustments]
    settlement = plan_settlement(customer_id=bill_to.customer_id, currency=bill_to.currency, adjustments=adjustments)
    # Only an adjustment of never-billed time can say 0.00 h: the time should not be billed at all. No
    # line (an invoice line's hours are positive); the replacement is settled all the same.
    settlement.settled_without_line += [entry.id for entry in entries if entry.hours == 0]
    entries = [entry for entry in entries if entry.hours != 0]
    period = period or Period(None, None)
    invoice = plan_invoice(bill_to=bill_to, entries=entries, products=products, negotiated_prices=negotiated_prices,
                           options=options, period=period, contracts=contracts)
    # Blocks bought on or before the period's end and never invoiced, then the retainers of the
    # cycle not billed yet (SPEC §11): first on the invoice.
    first = block_lines(bill_to=bill_to, contracts=contracts, products=products, options=options,
                        period_end=period.end if period.end is not None else invoice.period_end)
    cycle = (invoice.period_start, invoice.period_end) \
        if invoice.period_start is not None and invoice.period_end is not None else None
    first += retainer_lines(bill_to=bill_to, contracts=contracts, products=products, options=options, cycle=cycle)
    if not entries and not first and not settlement.invoice_lines:
        return CustomerPlan(invoices=[], settlement=settlement)
    invoice.lines = [*first, *invoice.lines, *settlement.invoice_lines]
    invoices = _per_contract(invoice, contracts) if options.invoice_per == "contract" else [total(invoice)]
    for each in invoices:
        each.block_balances = {
            contract.id: contract.balance - invoice.block_hours.get(contract.id, Decimal("0"))
            for contract in sorted(contracts.values(), key=lambda c: str(c.id))
            if contract.kind == "block_hours" and (options.invoice_per == "customer" or each.contract_id == contract.id)}
    return CustomerPlan(invoices=invoices, settlement=settlement)


def _per_contract(invoice: InvoicePlan, contracts: dict[uuid.UUID, PlannedContract]) -> list[InvoicePlan]:
    """invoice_per contract (SPEC §11): one invoice per contract with lines, by contract name, then
    one for the lines outside any contract (it also carries the customer's unbilled times; when no
    line is left at all, the one invoice that says why)."""
    parts: dict[uuid.UUID | None, list[PlannedLine]] = {}
    for line in invoice.lines:
        parts.setdefault(line.contract_id, []).append(line)
    order = sorted((c for c in parts if c is not None), key=lambda c: (contracts[c].name if c in contracts else "", str(c)))
    if None in parts or not order:
        order.append(None)
    invoices = []
    for contract_id in order:
        part = InvoicePlan(customer_id=invoice.customer_id, currency=invoice.currency,
                           period_start=invoice.period_start, period_end=invoice.period_end,
                           lines=parts.get(contract_id, []), contract_id=contract_id,
                           contract_name=contracts[contract_id].name if contract_id in contracts else None)
        if contract_id in invoice.block_hours:
            part.block_hours = {contract_id: invoice.block_hours[contract_id]}
        if contract_id in invoice.retainer_hours:
            part.retainer_hours = {contract_id: invoice.retainer_hours[contract_id]}
        if contract_id is None:
            part.unbilled = invoice.unbilled
        invoices.append(total(part))
    return invoices


def _rounded(adjustment: PendingAdjustment, bill_to: BillTo,
             contracts: dict[uuid.UUID, PlannedContract]) -> PendingAdjustment:
    contract = contracts.get(adjustment.contract_id) if adjustment.contract_id is not None else None
    rounding = contract.time_rounding if contract is not None and contract.time_rounding is not None \
        else bill_to.time_rounding
    if rounding is None:
        return adjustment
    return replace(adjustment, hours=round_hours(adjustment.hours, rounding))
