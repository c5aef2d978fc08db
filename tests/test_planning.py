"""The pure planning function: lines, prices, rounding, taxes and unbilled reasons, to the cent."""

import uuid
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from app.invoicing.planning import (BillableEntry, BillTo, PlannedContract, PlannedProduct, PlanOptions,
                                    line_description, plan_invoice)

SUPPORT = PlannedProduct(id=uuid.uuid4(), name="Support", description="Remote support", unit="hour",
                         unit_price=Decimal("80.00"), tax_rate=None)
ONSITE = PlannedProduct(id=uuid.uuid4(), name="On-site", description=None, unit="hour",
                        unit_price=Decimal("120.00"), tax_rate=Decimal("10.00"))
PRODUCTS = {SUPPORT.id: SUPPORT, ONSITE.id: ONSITE}
ACME = BillTo(customer_id=uuid.uuid4(), currency="EUR", tax_rate=Decimal("20.00"), tax_exempt=False)
PARIS = PlanOptions(timezone="Europe/Paris", show_employee_names=True, product_mandatory=False,
                    default_product_id=SUPPORT.id)


def entry(*, hours="1.50", product=SUPPORT, started_at="2026-11-05T13:30:00+00:00", employee="Alice Martin"):
    return BillableEntry(id=uuid.uuid4(), work_item_type="ticket", work_item_reference="T-004211",
                         started_at=datetime.fromisoformat(started_at), hours=Decimal(hours),
                         product_id=product.id if product else None, employee_name=employee)


def test_line_text_shows_product_work_item_local_date_and_employee():
    text = line_description(SUPPORT, entry(), timezone="Europe/Paris", show_employee_names=True)
    assert text == "Support — Remote support\nTicket T-004211 of 05/11/2026 at 14:30 by Alice Martin"


def test_line_text_without_employee_names():
    text = line_description(ONSITE, entry(), timezone="UTC", show_employee_names=False)
    assert text == "On-site\nTicket T-004211 of 05/11/2026 at 13:30"


def test_amounts_round_half_up_per_line_and_tax_is_per_rate_on_the_sum():
    # 0.35 h x 80.00 = 28.00; 0.33 h x 120.00 = 39.60; 1.01 h x 70.05 (negotiated) = 70.7505 -> 70.75
    later = "2026-11-06T09:00:00+00:00"
    plan = plan_invoice(bill_to=ACME, entries=[entry(hours="0.35"), entry(hours="0.33", product=ONSITE, started_at=later)],
                        products=PRODUCTS, negotiated_prices={}, options=PARIS)
    assert [line.amount for line in plan.lines] == [Decimal("28.00"), Decimal("39.60")]
    assert [(t.rate, t.base, t.amount) for t in plan.taxes] == [
        (Decimal("10.00"), Decimal("39.60"), Decimal("3.96")), (Decimal("20.00"), Decimal("28.00"), Decimal("5.60"))]
    assert (plan.untaxed_amount, plan.tax_amount, plan.total) == (Decimal("67.60"), Decimal("9.56"), Decimal("77.16"))


def test_negotiated_price_wins_and_half_cent_rounds_up():
    plan = plan_invoice(bill_to=ACME, entries=[entry(hours="1.01")], products=PRODUCTS,
                        negotiated_prices={SUPPORT.id: Decimal("70.05")}, options=PARIS)
    assert plan.lines[0].unit_price == Decimal("70.05")
    assert plan.lines[0].amount == Decimal("70.75")  # 70.7505
    plan = plan_invoice(bill_to=ACME, entries=[entry(hours="0.50")], products=PRODUCTS,
                        negotiated_prices={SUPPORT.id: Decimal("0.0500")}, options=PARIS)
    assert plan.lines[0].amount == Decimal("0.03")  # 0.025 rounds half up


def test_entry_without_product_uses_the_default_product():
    plan = plan_invoice(bill_to=ACME, entries=[entry(product=None)], products=PRODUCTS, negotiated_prices={},
                        options=PARIS)
    assert plan.lines[0].product_id == SUPPORT.id and not plan.unbilled


def test_entry_without_product_is_unbilled_when_product_is_mandatory():
    options = PlanOptions(timezone="UTC", show_employee_names=False, product_mandatory=True,
                          default_product_id=SUPPORT.id)
    missing = entry(product=None)
    plan = plan_invoice(bill_to=ACME, entries=[missing, entry()], products=PRODUCTS, negotiated_prices={},
                        options=options)
    assert [(u.time_entry_id, u.reason) for u in plan.unbilled] == [(missing.id, "missing_product")]
    assert len(plan.lines) == 1


def test_tax_exempt_customer_pays_no_tax_even_on_products_with_a_rate():
    exempt = BillTo(customer_id=uuid.uuid4(), currency="EUR", tax_rate=Decimal("20.00"), tax_exempt=True)
    plan = plan_invoice(bill_to=exempt, entries=[entry(product=ONSITE)], products=PRODUCTS, negotiated_prices={},
                        options=PARIS)
    assert plan.tax_amount == Decimal("0") and plan.total == Decimal("180.00")


def test_zero_decimal_currency_rounds_to_units():
    yen = BillTo(customer_id=uuid.uuid4(), currency="JPY", tax_rate=Decimal("10"), tax_exempt=False)
    plan = plan_invoice(bill_to=yen, entries=[entry(hours="0.25")], products=PRODUCTS,
                        negotiated_prices={SUPPORT.id: Decimal("1234")}, options=PARIS)
    assert plan.lines[0].amount == Decimal("309")  # 308.5 rounds half up
    assert plan.tax_amount == Decimal("31")  # 30.9


def test_lines_follow_the_order_the_time_was_spent():
    late, early = entry(started_at="2026-11-20T10:00:00+00:00"), entry(started_at="2026-11-02T10:00:00+00:00")
    plan = plan_invoice(bill_to=ACME, entries=[late, early], products=PRODUCTS, negotiated_prices={},
                        options=PARIS)
    assert [line.time_entry_id for line in plan.lines] == [early.id, late.id]


hours = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99.99"), places=2)
prices = st.decimals(min_value=Decimal("0"), max_value=Decimal("9999.9999"), places=4)


@given(st.lists(st.tuples(hours, prices, st.booleans()), min_size=1, max_size=30))
def test_totals_are_exact_sums_of_rounded_lines(rows):
    entries, negotiated = [], {}
    for h, price, onsite in rows:
        entries.append(entry(hours=str(h), product=ONSITE if onsite else SUPPORT))
        negotiated[SUPPORT.id] = price
    plan = plan_invoice(bill_to=ACME, entries=entries, products=PRODUCTS, negotiated_prices=negotiated,
                        options=PARIS)
    assert all(line.amount == line.amount.quantize(Decimal("0.01")) for line in plan.lines)
    assert plan.untaxed_amount == sum(line.amount for line in plan.lines)
    assert plan.untaxed_amount == sum(t.base for t in plan.taxes)
    assert plan.total == plan.untaxed_amount + plan.tax_amount
    assert plan.hours == sum(Decimal(str(h)) for h, _, _ in rows)
    assert all(isinstance(v, Decimal) for v in (plan.total, plan.tax_amount, plan.untaxed_amount))


def hourly(**fields) -> PlannedContract:
    return PlannedContract(**{"id": uuid.uuid4(), "product_id": None, "starts_on": date(2026, 11, 1),
                              "ends_on": None, "taxable": True, "time_rounding": None, **fields})


def test_a_work_items_contract_comes_before_the_default_and_an_inactive_one_applies_not():
    default, own, ended = hourly(taxable=False), hourly(product_id=ONSITE.id), hourly(ends_on=date(2026, 11, 4))
    acme = replace(ACME, default_contract_id=default.id)
    contracts = {c.id: c for c in (default, own, ended)}
    entries = [replace(entry(product=None, started_at="2026-11-05T08:00:00+00:00"), contract_id=own.id),
               entry(product=None, started_at="2026-11-05T09:00:00+00:00"),
               replace(entry(product=None, started_at="2026-11-05T10:00:00+00:00"), contract_id=ended.id)]
    plan = plan_invoice(bill_to=acme, entries=entries, products=PRODUCTS, negotiated_prices={}, options=PARIS,
                        contracts=contracts)
    assert [(line.contract_id, line.product_id, line.tax_rate) for line in plan.lines] == [
        (own.id, ONSITE.id, Decimal("10.00")), (default.id, SUPPORT.id, Decimal("0")),
        (None, SUPPORT.id, Decimal("20.00"))]


def test_the_contracts_rounding_wins_and_hours_worked_stay_on_the_line():
    contract = hourly(time_rounding={"increment_minutes": 15, "mode": "up", "minimum_minutes": 60})
    acme = replace(ACME, time_rounding={"increment_minutes": 30, "mode": "up", "minimum_minutes": 0})
    entries = [replace(entry(hours="0.20", started_at="2026-11-05T08:00:00+00:00"), contract_id=contract.id),
               entry(hours="0.20", started_at="2026-11-05T09:00:00+00:00")]
    plan = plan_invoice(bill_to=acme, entries=entries, products=PRODUCTS, negotiated_prices={}, options=PARIS,
                        contracts={contract.id: contract})
    assert [(line.hours_worked, line.quantity, line.amount) for line in plan.lines] == [
        (Decimal("0.20"), Decimal("1.00"), Decimal("80.00")), (Decimal("0.20"), Decimal("0.50"), Decimal("40.00"))]
    assert plan.hours == Decimal("1.50")
