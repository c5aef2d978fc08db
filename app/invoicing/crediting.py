"""What a credit note credits (SPEC §10), with no I/O: from an invoice's lines and what earlier
credit notes already credited of them, the lines and totals of the credit note that credits the
rest in full.

Each credit line repeats an invoice line (its time entry, product, description, unit, unit price and
tax rate) for what remains of it: its quantity and its amount less those of the credit lines that
point at it. Amounts stay positive; taxes follow the invoice's rule (app/invoicing/planning.py
`tax_lines`), so a credit note of a never-credited invoice mirrors it to the cent."""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from app.invoicing.planning import TaxLine, tax_lines


@dataclass(frozen=True)
class CreditableLine:
    """A line of the invoice to credit."""

    id: uuid.UUID
    time_entry_id: uuid.UUID | None
    product_id: uuid.UUID
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    tax_rate: Decimal


@dataclass(frozen=True)
class EarlierCredit:
    """A line of an earlier credit note that credits this invoice. `credited_line_id` names the line
    it credits; a credit line without one credits the invoice's line of the same time entry."""

    credited_line_id: uuid.UUID | None
    time_entry_id: uuid.UUID | None
    quantity: Decimal
    amount: Decimal


@dataclass(frozen=True)
class CreditLine:
    credited_line_id: uuid.UUID
    time_entry_id: uuid.UUID | None
    product_id: uuid.UUID
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    tax_rate: Decimal


@dataclass
class CreditPlan:
    lines: list[CreditLine] = field(default_factory=list)
    taxes: list[TaxLine] = field(default_factory=list)
    untaxed_amount: Decimal = Decimal("0")
    tax_amount: Decimal = Decimal("0")
    total: Decimal = Decimal("0")


def plan_credit(*, lines: list[CreditableLine], earlier: list[EarlierCredit], places: int) -> CreditPlan:
    """The credit note that credits everything left of the invoice; no line when nothing is left."""
    line_of_entry = {line.time_entry_id: line.id for line in lines if line.time_entry_id is not None}
    credited_quantity: dict[uuid.UUID, Decimal] = defaultdict(Decimal)
    credited_amount: dict[uuid.UUID, Decimal] = defaultdict(Decimal)
    for credit in earlier:
        target = credit.credited_line_id or line_of_entry.get(credit.time_entry_id)
        if target is not None:
            credited_quantity[target] += credit.quantity
            credited_amount[target] += credit.amount
    plan = CreditPlan()
    for line in lines:
        quantity = line.quantity - credited_quantity[line.id]
        amount = line.amount - credited_amount[line.id]
        if quantity <= 0 or amount < 0:
            continue  # credited in full already
        plan.lines.append(CreditLine(
            credited_line_id=line.id, time_entry_id=line.time_entry_id, product_id=line.product_id,
            description=line.description, quantity=quantity, unit=line.unit, unit_price=line.unit_price,
            amount=amount, tax_rate=line.tax_rate))
    plan.taxes = tax_lines(((line.tax_rate, line.amount) for line in plan.lines), places)
    plan.untaxed_amount = sum((line.amount for line in plan.lines), Decimal("0"))
    plan.tax_amount = sum((tax.amount for tax in plan.taxes), Decimal("0"))
    plan.total = plan.untaxed_amount + plan.tax_amount
    return plan
