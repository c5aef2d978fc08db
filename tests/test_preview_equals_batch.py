"""A preview followed by the batch, with no change in between, gives the same invoices, lines and
totals: checked over varied generated data (several seeds): billing cycles of every kind, a period
(with or without late time) or a cut-off date, excluded customers, contracts of every kind (hourly,
prepaid blocks, retainers) with their rounding, one invoice per customer or per contract, and the
three line groupings."""

import random
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from app.invoice_batches.runner import run_batch
from app.invoicing.cycles import WEEKDAYS


def generated_cycle(rng: random.Random) -> dict:
    kind = rng.choice(["monthly", "weekly", "fortnightly", "custom", "none"])
    day = date(2026, 11, 1) + timedelta(days=rng.randint(-60, 60))
    return {"monthly": {"kind": "monthly"},
            "weekly": {"kind": "weekly", "week_ends_on": rng.choice(WEEKDAYS)},
            "fortnightly": {"kind": "fortnightly", "ends_on": day.isoformat()},
            "custom": {"kind": "custom", "ends_on_dates": [
                (day + timedelta(days=rng.randint(0, 40))).isoformat() for _ in range(rng.randint(1, 4))]},
            "none": {"kind": "none"}}[kind]


def generated_rounding(rng: random.Random) -> dict:
    return {"increment_minutes": rng.choice([3, 6, 12, 15, 30, 60]), "mode": rng.choice(["up", "nearest", "down"]),
            "minimum_minutes": rng.choice([0, 0, 15, 30, 45])}


def generated_contract(rng: random.Random, company: str, products: list[str]) -> dict:
    starts = date(2026, 11, 1) + timedelta(days=rng.randint(-40, 25))
    kind = rng.choice(["hourly", "hourly", "block_hours", "retainer"])
    terms = {"block_hours": {"overage_unit_price": f"{rng.randint(0, 20000) / 100:.2f}"} if rng.random() < 0.7 else {},
             "retainer": {"retainer_amount": f"{rng.randint(0, 100000) / 100:.2f}",
                          "included_hours": f"{rng.randint(0, 1000) / 100:.2f}"}}.get(kind, {})
    return {"customer_id": company, "name": f"Contract {rng.randint(0, 99)}", "kind": kind,
            "starts_on": starts.isoformat(), **terms,
            **({"ends_on": (starts + timedelta(days=rng.randint(0, 30))).isoformat()} if rng.random() < 0.5 else {}),
            **({"product_id": rng.choice(products)} if rng.random() < 0.6 else {}),
            **({"taxable": False} if rng.random() < 0.3 else {}),
            **({"time_rounding": generated_rounding(rng)} if rng.random() < 0.5 else {})}


async def generated_helpdesk(api, rng: random.Random) -> list[str]:
    """Customers (some contacts, some without address, each with a billing cycle, some with a time
    rounding), contracts of companies (products, taxable or not, rounding, dates around November;
    some companies' default), products, prices and time entries spread over and around November in
    Europe/Paris (and a little long before), in every status and kind."""
    products = []
    for n in range(rng.randint(1, 4)):
        body = {"code": f"P-{n}", "name": f"Service {n}", "unit_price": f"{rng.randint(0, 20000) / 100:.2f}",
                **({"tax_rate": rng.choice(["0.00", "5.50", "10.00"])} if rng.random() < 0.4 else {}),
                **({"description": "Remote help"} if rng.random() < 0.5 else {})}
        products.append((await api.post("/v1/products", json=body)).json()["id"])
    await api.patch("/v1/settings", json={"timezone": "Europe/Paris", "default_product_id": rng.choice(products)})
    companies, customers, items = [], [], []
    contracts_of: dict[str, list[str]] = {}  # company -> its contracts
    company_of: dict[str, str] = {}
    for n in range(rng.randint(3, 8)):
        contact = companies and rng.random() < 0.3
        body = {"name": f"Customer {n}", "tax_rate": rng.choice(["20.00", "8.875", "0.00"]),
                "tax_exempt": rng.random() < 0.15,
                **({"kind": "contact", "parent_id": rng.choice(companies)} if contact else {}),
                **({"billing_cycle": generated_cycle(rng)} if rng.random() < 0.8 else {}),
                **({} if rng.random() < 0.2 else {"billing_address": {
                    "line1": "1 rue A", "postal_code": "75001", "city": "Paris", "country": "FR"}})}
        if rng.random() < 0.3:
            body["time_rounding"] = generated_rounding(rng)
        customer = (await api.post("/v1/customers", json=body)).json()
        customers.append(customer["id"])
        company_of[customer["id"]] = customer["parent_id"] or customer["id"]
        if not contact:
            companies.append(customer["id"])
            contracts_of[customer["id"]] = []
            for _ in range(rng.choice([0, 1, 2, 3])):
                contract = (await api.post("/v1/contracts",
                                           json=generated_contract(rng, customer["id"], products))).json()
                contracts_of[customer["id"]].append(contract["id"])
                for _ in range(rng.randint(0, 2) if contract["kind"] == "block_hours" else 0):
                    day = date(2026, 11, 1) + timedelta(days=rng.randint(-30, 40))
                    assert (await api.post(f"/v1/contracts/{contract['id']}/blocks", json={
                        "hours": f"{rng.randint(25, 1500) / 100:.2f}", "price": f"{rng.randint(0, 90000) / 100:.2f}",
                        "purchased_on": day.isoformat()})).status_code == 201
            if contracts_of[customer["id"]] and rng.random() < 0.5:
                await api.patch(f"/v1/customers/{customer['id']}",
                                json={"default_contract_id": rng.choice(contracts_of[customer["id"]])})
        if rng.random() < 0.3:
            await api.post("/v1/prices", json={"customer_id": customer["id"], "product_id": rng.choice(products),
                                               "unit_price": f"{rng.randint(1, 999999) / 10000:.4f}"})
        for k in range(rng.randint(0, 3)):
            kind = rng.choice(["ticket", "ticket", "work_order", "contract"])
            under = contracts_of[company_of[customer["id"]]]
            items.append((await api.post("/v1/work-items", json={
                "type": kind, "reference": f"R-{n}-{k}", "customer_id": customer["id"],
                **({"contract_id": rng.choice(under)} if under and rng.random() < 0.7 else {})})).json()["id"])
    start = datetime(2026, 10, 31, 20, tzinfo=UTC)
    entries = [{"external_id": f"e-{n}", "work_item_id": rng.choice(items),
                "started_at": (start + timedelta(minutes=rng.randint(-40 * 24 * 60, 45 * 24 * 60)
                                                 if rng.random() < 0.95 else -rng.randint(1, 400) * 24 * 60)
                               ).isoformat(),
                "hours": f"{rng.randint(1, 999) / 100:.2f}", "employee_name": rng.choice(["Alice", "Bob", None]),
                "product_id": rng.choice(products + [None]), "status": rng.choice(["approved"] * 4 + ["draft"]),
                **({"billable": rng.random() < 0.8} if rng.random() < 0.5 else {})}
               for n in range(rng.randint(0, 150))] if items else []
    if entries:
        assert (await api.post("/v1/time-entries/bulk", json={"items": entries})).status_code == 200
    return customers


@pytest.mark.parametrize("seed", range(24))
async def test_preview_then_batch_gives_the_same_invoices(api, sessionmaker, seed):
    rng = random.Random(seed)
    customers = await generated_helpdesk(api, rng)
    chosen = rng.sample(customers, rng.randint(1, len(customers)))
    dates = rng.choice([
        {"period_start": "2026-11-01", "period_end": "2026-11-30", "include_late_time": rng.random() < 0.5},
        {"cutoff_date": (date(2026, 11, 1) + timedelta(days=rng.randint(5, 60))).isoformat()}])
    definition = {"customer_ids": chosen, "title": "November", **dates,
                  "exclude_customer_ids": rng.sample(customers, min(rng.choice([0, 0, 1, 2]), len(customers) - 1)),
                  "source_type": rng.choice([None, "ticket", "work_order"]),
                  "show_employee_names": rng.random() < 0.5, "validate": rng.random() < 0.7,
                  "product_mandatory": rng.random() < 0.4,
                  "invoice_per": rng.choice(["customer", "contract"]),
                  "line_grouping": rng.choice(["entry", "work_item", "product"])}
    preview = (await api.post("/v1/invoice-batches/preview", json=definition)).json()
    batch = (await api.post("/v1/invoice-batches", json=definition)).json()
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    report = (await api.get(f"/v1/invoice-batches/{batch['id']}/report")).json()
    invoices = (await api.get("/v1/invoices", params={"batch_id": batch["id"], "limit": 200,
                                                      "order": "asc"})).json()["data"]

    assert report["totals"] == preview["totals"]
    assert sorted(report["customers_without_times"]) == sorted(preview["customers_without_times"])
    assert report["customers_excluded"] == preview["customers_excluded"]
    assert sorted((u["time_entry_id"], u["reasons"][0]["code"]) for u in report["unbilled_times"]) == \
        sorted((u["time_entry_id"], u["reasons"][0]["code"]) for u in preview["unbilled_times"])
    # A customer's invoices (several with invoice_per contract) in the order the batch writes them.
    announced = {}
    for planned in preview["invoices"]:
        announced.setdefault(planned["customer_id"], []).append(planned)
    written = {}
    for invoice in invoices:
        written.setdefault(invoice["customer_id"], []).append(invoice)
    assert {c: len(i) for c, i in written.items()} == {c: len(i) for c, i in announced.items()}
    for invoice, expected in ((i, p) for c in written for i, p in zip(written[c], announced[c], strict=True)):
        assert [(line["time_entry_ids"], line["description"], line["quantity"], line["unit_price"],
                 line["amount"], line["tax_rate"], line["late"], line["hours_worked"], line["contract_id"],
                 line["covered"]) for line in invoice["lines"]] == \
            [(line["time_entry_ids"], line["description"], line["quantity"], line["unit_price"], line["amount"],
              line["tax_rate"], line["late"], line["hours_worked"], line["contract_id"], line["covered"])
             for line in expected["lines"]]
        assert (invoice["period_start"], invoice["period_end"], invoice["subtitle"]) == \
            (expected["period_start"], expected["period_end"], expected["subtitle"])
        assert (invoice["untaxed_amount"], invoice["tax_amount"], invoice["total"]) == \
            (expected["untaxed_amount"], expected["tax_amount"], expected["total"])
        assert (invoice["status"] == "validated") == expected["would_validate"]
