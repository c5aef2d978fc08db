"""The pure settlement of adjustments of billed time (SPEC §10): delta = adjustment hours − billed
hours, at the original line's unit price and tax rate; extra lines, credit lines, or nothing."""

import uuid
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from app.invoicing.planning import InvoicePlan, PlannedLine, total
from app.invoicing.settlement import PendingAdjustment, plan_settlement, with_extra_lines

ACME = uuid.uuid4()
SUPPORT = uuid.uuid4()
INVOICE_1 = uuid.UUID("00000000-0000-0000-0000-000000000001")
INVOICE_2 = uuid.UUID("00000000-0000-0000-0000-000000000002")
BILLED_LINE = "Support — Remote support\nTicket T-004211 of 05/11/2026 at 14:30"


def adjustment(*, hours: str, billed: str = "1.50", invoice=INVOICE_1, unit_price: str = "80.00",
               tax_rate: str = "20.00", entry_id: uuid.UUID | None = None) -> PendingAdjustment:
    return PendingAdjustment(time_entry_id=entry_id or uuid.uuid4(), hours=Decimal(hours),
                             billed_hours=Decimal(billed), invoice_id=invoice, product_id=SUPPORT,
                             description=BILLED_LINE, unit="hour", unit_price=Decimal(unit_price),
                             tax_rate=Decimal(tax_rate))


def settle(*adjustments, currency="EUR"):
    return plan_settlement(customer_id=ACME, currency=currency, adjustments=list(adjustments))


def test_more_hours_than_billed_add_a_line_for_the_difference_at_the_billed_price():
    more = adjustment(hours="2.00", billed="1.50", unit_price="70.00")

    plan = settle(more)

    [line] = plan.invoice_lines
    assert (line.time_entry_id, line.quantity, line.unit_price, line.amount, line.tax_rate, line.product_id) == (
        more.time_entry_id, Decimal("0.50"), Decimal("70.00"), Decimal("35.00"), Decimal("20.00"), SUPPORT)
    assert line.credited_invoice_id is None and line.unit == "hour"
    assert line.description == BILLED_LINE + "\nAdjustment: 1.50 hour billed, 2.00 due"
    assert plan.credit_note is None and plan.settled_without_line == []
    assert plan.settled == [more.time_entry_id]


def test_fewer_hours_than_billed_credit_the_difference_on_the_credited_invoice():
    fewer = adjustment(hours="0.75", billed="1.50")

    plan = settle(fewer)

    assert plan.invoice_lines == []
    note = plan.credit_note
    [line] = note.lines
    assert (line.quantity, line.unit_price, line.amount, line.credited_invoice_id) == (
        Decimal("0.75"), Decimal("80.00"), Decimal("60.00"), INVOICE_1)
    assert (note.customer_id, note.currency, note.untaxed_amount, note.tax_amount, note.total) == (
        ACME, "EUR", Decimal("60.00"), Decimal("12.00"), Decimal("72.00"))
    assert plan.credited_invoice_ids == [INVOICE_1]


def test_zero_hours_credit_everything_billed():
    plan = settle(adjustment(hours="0.00", billed="1.50"))

    assert [(line.quantity, line.amount) for line in plan.credit_note.lines] == [(Decimal("1.50"), Decimal("120.00"))]


def test_the_same_hours_as_billed_settle_without_any_line():
    same = adjustment(hours="1.50", billed="1.50")

    plan = settle(same)

    assert plan.invoice_lines == [] and plan.credit_note is None
    assert plan.settled_without_line == [same.time_entry_id] and plan.settled == [same.time_entry_id]


def test_billed_hours_include_the_deltas_settled_before():
    # Billed 1.50, then settled +0.50 (2.00 billed so far): a new adjustment to 1.00 credits 1.00.
    plan = settle(adjustment(hours="1.00", billed="2.00"))

    assert [line.quantity for line in plan.credit_note.lines] == [Decimal("1.00")]


def test_amounts_round_half_up_to_the_minor_unit_line_by_line():
    # 0.33 h x 70.05 = 23.1165 -> 23.12 (extra); 0.01 h x 0.5 = 0.005 -> 0.01 (credit); taxes on rounded sums.
    plan = settle(adjustment(hours="1.83", billed="1.50", unit_price="70.05"),
                  adjustment(hours="1.49", billed="1.50", unit_price="0.50", tax_rate="5.50"))

    assert [line.amount for line in plan.invoice_lines] == [Decimal("23.12")]
    assert [line.amount for line in plan.credit_note.lines] == [Decimal("0.01")]
    assert plan.credit_note.tax_amount == Decimal("0.00")  # 0.01 x 5.5 % = 0.00055 -> 0.00


def test_zero_decimal_currency_rounds_to_units():
    plan = settle(adjustment(hours="1.75", billed="1.50", unit_price="1000"), currency="JPY")

    assert [line.amount for line in plan.invoice_lines] == [Decimal("250")]


def test_several_adjustments_give_one_credit_note_with_each_credited_invoice_once():
    first, second, third = uuid.UUID(int=1), uuid.UUID(int=2), uuid.UUID(int=3)
    plan = settle(adjustment(hours="1.00", invoice=INVOICE_2, entry_id=third),
                  adjustment(hours="0.50", invoice=INVOICE_1, entry_id=second, tax_rate="10.00"),
                  adjustment(hours="1.00", invoice=INVOICE_1, entry_id=first),
                  adjustment(hours="3.00", invoice=INVOICE_1),
                  adjustment(hours="1.50", invoice=INVOICE_2))

    note = plan.credit_note
    assert [(line.time_entry_id, line.credited_invoice_id, line.quantity) for line in note.lines] == [
        (first, INVOICE_1, Decimal("0.50")), (second, INVOICE_1, Decimal("1.00")),
        (third, INVOICE_2, Decimal("0.50"))]
    assert plan.credited_invoice_ids == [INVOICE_1, INVOICE_2]
    # 40.00 + 40.00 at 20 % and 80.00 at 10 %: taxed per rate on the sums.
    assert [(t.rate, t.base, t.amount) for t in note.taxes] == [
        (Decimal("10.00"), Decimal("80.00"), Decimal("8.00")), (Decimal("20.00"), Decimal("80.00"), Decimal("16.00"))]
    assert (note.untaxed_amount, note.tax_amount, note.total, note.hours) == (
        Decimal("160.00"), Decimal("24.00"), Decimal("184.00"), Decimal("2.00"))
    assert [line.quantity for line in plan.invoice_lines] == [Decimal("1.50")]
    assert len(plan.settled_without_line) == 1 and len(plan.settled) == 5


def test_extra_lines_join_the_customers_invoice_and_its_totals():
    own = PlannedLine(time_entry_id=uuid.uuid4(), product_id=SUPPORT, description="Support", quantity=Decimal("1"),
                      unit="hour", unit_price=Decimal("80.00"), amount=Decimal("80.00"), tax_rate=Decimal("20.00"))
    invoice = total(InvoicePlan(customer_id=ACME, currency="EUR", lines=[own]))
    plan = settle(adjustment(hours="2.00", billed="1.50"))

    combined = with_extra_lines(invoice, plan.invoice_lines)

    assert [line.time_entry_id for line in combined.lines] == [own.time_entry_id, plan.invoice_lines[0].time_entry_id]
    assert (combined.untaxed_amount, combined.tax_amount, combined.total, combined.hours) == (
        Decimal("120.00"), Decimal("24.00"), Decimal("144.00"), Decimal("1.50"))


def test_nothing_to_settle_gives_nothing():
    plan = settle()
    assert plan.invoice_lines == [] and plan.credit_note is None and plan.settled == []


hours = st.decimals(min_value=0, max_value=Decimal("99.99"), places=2)


@given(st.lists(st.tuples(hours, hours, st.decimals(min_value=0, max_value=500, places=2)), max_size=20))
def test_every_adjustment_is_settled_once_and_lines_carry_the_exact_difference(rows):
    adjustments = [adjustment(hours=str(h), billed=str(b), unit_price=str(p)) for h, b, p in rows]

    plan = settle(*adjustments)

    assert sorted(plan.settled) == sorted(a.time_entry_id for a in adjustments)
    by_id = {a.time_entry_id: a for a in adjustments}
    for line in plan.invoice_lines:
        assert line.quantity == by_id[line.time_entry_id].hours - by_id[line.time_entry_id].billed_hours > 0
    for line in plan.credit_note.lines if plan.credit_note else []:
        assert line.quantity == by_id[line.time_entry_id].billed_hours - by_id[line.time_entry_id].hours > 0
        assert line.amount >= 0
        assert line.amount == (line.quantity * line.unit_price).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
