"""What a credit note credits, as a pure function (app/invoicing/crediting.py)."""

import uuid
from decimal import Decimal

from app.invoicing.crediting import CreditableLine, EarlierCredit, plan_credit


def line(quantity: str, price: str, amount: str, rate: str = "20.00") -> CreditableLine:
    return CreditableLine(id=uuid.uuid4(), time_entry_id=uuid.uuid4(), product_id=uuid.uuid4(), description="Support",
                          quantity=Decimal(quantity), unit="hour", unit_price=Decimal(price), amount=Decimal(amount),
                          tax_rate=Decimal(rate))


def test_a_never_credited_invoice_is_mirrored_line_by_line_with_its_taxes():
    lines = [line("1.50", "70.00", "105.00"), line("0.33", "120.00", "39.60", "10.00")]
    plan = plan_credit(lines=lines, earlier=[], places=2)
    assert [(c.credited_line_id, c.quantity, c.amount) for c in plan.lines] == [
        (l.id, l.quantity, l.amount) for l in lines]
    assert [(t.rate, t.base, t.amount) for t in plan.taxes] == [
        (Decimal("10.00"), Decimal("39.60"), Decimal("3.96")), (Decimal("20.00"), Decimal("105.00"), Decimal("21.00"))]
    assert (plan.untaxed_amount, plan.tax_amount, plan.total) == (Decimal("144.60"), Decimal("24.96"), Decimal("169.56"))


def test_what_earlier_credit_notes_credited_is_left_out():
    first, second, third = line("1.50", "80.00", "120.00"), line("2.00", "80.00", "160.00"), line("1.00", "80.00", "80.00")
    earlier = [EarlierCredit(credited_line_id=first.id, time_entry_id=first.time_entry_id, quantity=Decimal("0.50"),
                             amount=Decimal("40.00")),
               # A credit line without credited_line_id credits the line of its time entry.
               EarlierCredit(credited_line_id=None, time_entry_id=second.time_entry_id, quantity=Decimal("2.00"),
                             amount=Decimal("160.00"))]
    plan = plan_credit(lines=[first, second, third], earlier=earlier, places=2)
    assert [(c.credited_line_id, c.quantity, c.amount) for c in plan.lines] == [
        (first.id, Decimal("1.00"), Decimal("80.00")), (third.id, Decimal("1.00"), Decimal("80.00"))]
    assert plan.total == Decimal("192.00")


def test_nothing_left_gives_no_line():
    only = line("1.00", "80.00", "80.00")
    earlier = [EarlierCredit(credited_line_id=only.id, time_entry_id=None, quantity=Decimal("1.00"),
                             amount=Decimal("80.00"))]
    plan = plan_credit(lines=[only], earlier=earlier, places=2)
    assert plan.lines == [] and plan.total == 0
