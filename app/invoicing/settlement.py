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
                                    PlannedProduct, block_lines, plan_invoice, total)
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
                tax_rate=adjustment.tax_rate))
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
    """What a batch makes for one customer: its invoice (None when there is nothing to invoice: no
    entry in scope and no extra hours) and the settlement of its corrections (a credit note, and
    corrections settled without a line)."""

    invoice: InvoicePlan | None
    settlement: SettlementPlan

    @property
    def is_empty(self) -> bool:
        return self.invoice is None and not self.settlement.settled


def plan_customer(*, bill_to: BillTo, entries: list[BillableEntry], adjustments: list[PendingAdjustment],
                  products: dict[uuid.UUID, PlannedProduct], negotiated_prices: dict[uuid.UUID, Decimal],
                  options: PlanOptions, period: Period | None,
                  contracts: dict[uuid.UUID, PlannedContract] | None = None) -> CustomerPlan:
    """The batch's and the preview's one planning call per customer: the invoice of its entries with
    the extra hours of its corrections after them, and the credit note of the hours they take back.
    A correction's hours are rounded as the time it corrects was (its contract's rule, else the
    customer's), so that it is compared with what was billed like with like."""
    adjustments = [_rounded(adjustment, bill_to, contracts or {}) for adjustment in adjustments]
    settlement = plan_settlement(customer_id=bill_to.customer_id, currency=bill_to.currency, adjustments=adjustments)
    # Only an adjustment of never-billed time can say 0.00 h: the time should not be billed at all. No
    # line (an invoice line's hours are positive); the replacement is settled all the same.
    settlement.settled_without_line += [entry.id for entry in entries if entry.hours == 0]
    entries = [entry for entry in entries if entry.hours != 0]
    if entries:
        invoice = plan_invoice(bill_to=bill_to, entries=entries, products=products,
                               negotiated_prices=negotiated_prices, options=options,
                               period=period or Period(None, None), contracts=contracts)
    elif settlement.invoice_lines:
        invoice = InvoicePlan(customer_id=bill_to.customer_id, currency=bill_to.currency,
                              period_start=period.start if period else None, period_end=period.end if period else None)
    else:
        invoice = None
    # Blocks bought on or before the period's end and never invoiced (SPEC §11): first on the invoice.
    blocks = block_lines(bill_to=bill_to, contracts=contracts or {}, products=products, options=options,
                         period_end=(period.end if period is not None and period.end is not None
                                     else invoice.period_end if invoice is not None else None))
    if blocks:
        if invoice is None:
            invoice = InvoicePlan(customer_id=bill_to.customer_id, currency=bill_to.currency,
                                  period_start=period.start if period else None,
                                  period_end=period.end if period else None)
        invoice.lines = [*blocks, *invoice.lines]
        invoice = total(invoice)
    if invoice is not None:
        invoice = with_extra_lines(invoice, settlement.invoice_lines)
        invoice.block_balances = {contract.id: contract.balance - invoice.block_hours.get(contract.id, Decimal("0"))
                                  for contract in sorted((contracts or {}).values(), key=lambda c: str(c.id))
                                  if contract.kind == "block_hours"}
    return CustomerPlan(invoice=invoice, settlement=settlement)


def _rounded(adjustment: PendingAdjustment, bill_to: BillTo,
             contracts: dict[uuid.UUID, PlannedContract]) -> PendingAdjustment:
    contract = contracts.get(adjustment.contract_id) if adjustment.contract_id is not None else None
    rounding = contract.time_rounding if contract is not None and contract.time_rounding is not None \
        else bill_to.time_rounding
    if rounding is None:
        return adjustment
    return replace(adjustment, hours=round_hours(adjustment.hours, rounding))
