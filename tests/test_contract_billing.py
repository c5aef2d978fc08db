"""Time billed under contracts (SPEC §11), on the real services, through the preview and the batch:
which contract time falls under, the contract's product, a contract without tax, and rounding,
with the hours worked kept beside the quantity billed."""

import uuid

import pytest

from app.invoice_batches.runner import run_batch
from tests import factories as f
from tests.test_invoice_batch_preview import NOVEMBER

LINE_FIELDS = ("description", "product_id", "quantity", "hours_worked", "unit_price", "amount", "tax_rate",
               "late", "covered", "contract_id")


@pytest.fixture
async def helpdesk(api):
    """Paris tenant, default product Support (80.00); Acme with a contact; a Contract product (95.00)."""
    support = await f.product(api, code="SUP-H", unit_price="80.00")
    covered = await f.product(api, code="CT-H", unit_price="95.00", name="Contract support", description=None)
    patch = await api.patch("/v1/settings", json={"timezone": "Europe/Paris", "default_product_id": support["id"]})
    assert patch.status_code == 200, patch.text
    acme = await f.customer(api, name="Acme SARL")
    jeanne = await f.customer(api, name="Jeanne Dupont", kind="contact", parent_id=acme["id"])
    return {"api": api, "support": support, "covered": covered, "acme": acme, "jeanne": jeanne}


async def billed(api, sessionmaker, customer_id: str, **body) -> tuple[dict, dict]:
    """The customer's invoice as the preview announces it and as the batch writes it, after checking
    that they agree line by line and in total."""
    definition = {**NOVEMBER, "customer_ids": [customer_id], **body}
    preview = await api.post("/v1/invoice-batches/preview", json=definition)
    assert preview.status_code == 200, preview.text
    batch = await api.post("/v1/invoice-batches", json=definition)
    assert batch.status_code == 202, batch.text
    await run_batch(sessionmaker, uuid.UUID(batch.json()["id"]))
    invoices = (await api.get("/v1/invoices", params={"batch_id": batch.json()["id"]})).json()["data"]
    [announced] = preview.json()["invoices"]
    [invoice] = invoices
    assert [tuple(line[k] for k in LINE_FIELDS) + (line["time_entry_ids"][0],) for line in invoice["lines"]] == \
        [tuple(line[k] for k in LINE_FIELDS) + (line["time_entry_id"],) for line in announced["lines"]]
    assert (invoice["untaxed_amount"], invoice["tax_amount"], invoice["total"]) == \
        (announced["untaxed_amount"], announced["tax_amount"], announced["total"])
    return announced, invoice


async def test_time_without_product_takes_its_contracts_product_even_when_products_are_mandatory(
        helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    contract = await f.contract(api, customer_id=h["acme"]["id"], product_id=h["covered"]["id"])
    ticket = await f.work_item(api, customer_id=h["acme"]["id"], contract_id=contract["id"])
    plain = await f.work_item(api, customer_id=h["acme"]["id"], reference="T-2")
    entry = await f.time_entry(api, work_item_id=ticket["id"], hours="2.00")
    own = await f.time_entry(api, work_item_id=ticket["id"], hours="1.00", started_at="2026-11-06T10:00:00+01:00",
                             product_id=h["support"]["id"])
    missing = await f.time_entry(api, work_item_id=plain["id"], hours="1.00")

    announced, invoice = await billed(api, sessionmaker, h["acme"]["id"], product_mandatory=True)

    lines = {line["time_entry_ids"][0]: line for line in invoice["lines"]}
    assert set(lines) == {entry["id"], own["id"]}
    assert lines[entry["id"]]["product_id"] == h["covered"]["id"]
    assert lines[entry["id"]]["description"].startswith("Contract support\nTicket T-004211")
    assert (lines[entry["id"]]["unit_price"], lines[entry["id"]]["amount"]) == ("95.00", "190.00")
    assert lines[own["id"]]["product_id"] == h["support"]["id"]  # its own product comes first
    assert {line["contract_id"] for line in invoice["lines"]} == {contract["id"]}
    assert {line["covered"] for line in invoice["lines"]} == {False}
    assert missing["id"] not in lines  # no product, no contract: unbilled (next test)
    assert len(announced["lines"]) == 2


async def test_a_contracts_time_without_product_is_not_reported_missing(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    contract = await f.contract(api, customer_id=h["acme"]["id"], product_id=h["covered"]["id"])
    ticket = await f.work_item(api, customer_id=h["acme"]["id"], contract_id=contract["id"])
    plain = await f.work_item(api, customer_id=h["acme"]["id"], reference="T-2")
    await f.time_entry(api, work_item_id=ticket["id"])
    missing = await f.time_entry(api, work_item_id=plain["id"])
    batch = (await api.post("/v1/invoice-batches", json={**NOVEMBER, "customer_ids": [h["acme"]["id"]],
                                                         "product_mandatory": True})).json()
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    report = (await api.get(f"/v1/invoice-batches/{batch['id']}/report")).json()
    assert [(u["time_entry_id"], u["reasons"][0]["code"]) for u in report["unbilled_times"]] == \
        [(missing["id"], "missing_product")]


async def test_a_non_taxable_contracts_lines_carry_no_tax(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    contract = await f.contract(api, customer_id=h["acme"]["id"], taxable=False)
    ticket = await f.work_item(api, customer_id=h["acme"]["id"], contract_id=contract["id"])
    plain = await f.work_item(api, customer_id=h["acme"]["id"], reference="T-2")
    untaxed = await f.time_entry(api, work_item_id=ticket["id"], hours="1.00")
    taxed = await f.time_entry(api, work_item_id=plain["id"], hours="1.00")

    _, invoice = await billed(api, sessionmaker, h["acme"]["id"])

    rates = {line["time_entry_ids"][0]: line["tax_rate"] for line in invoice["lines"]}
    assert rates == {untaxed["id"]: "0.00", taxed["id"]: "20.00"}
    assert (invoice["untaxed_amount"], invoice["tax_amount"], invoice["total"]) == ("160.00", "16.00", "176.00")


async def test_a_contracts_rounding_with_a_minimum_wins_over_the_customers(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    rounding = await api.patch(f"/v1/customers/{h['acme']['id']}", json={
        "time_rounding": {"increment_minutes": 15, "mode": "up", "minimum_minutes": 0}})
    assert rounding.status_code == 200, rounding.text
    contract = await f.contract(api, customer_id=h["acme"]["id"], time_rounding={
        "increment_minutes": 6, "mode": "nearest", "minimum_minutes": 30})
    ticket = await f.work_item(api, customer_id=h["acme"]["id"], contract_id=contract["id"])
    plain = await f.work_item(api, customer_id=h["acme"]["id"], reference="T-2")
    short = await f.time_entry(api, work_item_id=ticket["id"], hours="0.10")
    long = await f.time_entry(api, work_item_id=ticket["id"], hours="1.33", started_at="2026-11-06T09:00:00+01:00")
    outside = await f.time_entry(api, work_item_id=plain["id"], hours="0.10", started_at="2026-11-07T09:00:00+01:00")

    announced, invoice = await billed(api, sessionmaker, h["acme"]["id"])

    lines = {line["time_entry_ids"][0]: line for line in invoice["lines"]}
    assert {e: (line["hours_worked"], line["quantity"], line["amount"]) for e, line in lines.items()} == {
        short["id"]: ("0.10", "0.50", "40.00"),  # the contract's 30-minute minimum
        long["id"]: ("1.33", "1.30", "104.00"),  # nearest 6 minutes
        outside["id"]: ("0.10", "0.25", "20.00")}  # the customer's rule: up to 15 minutes
    assert lines[outside["id"]]["contract_id"] is None
    assert invoice["untaxed_amount"] == "164.00"
    assert announced["hours"] == "2.05"  # billed hours


async def test_time_before_a_contract_starts_is_billed_without_it(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    contract = await f.contract(api, customer_id=h["acme"]["id"], starts_on="2026-11-10", ends_on="2026-11-20",
                                product_id=h["covered"]["id"], taxable=False)
    ticket = await f.work_item(api, customer_id=h["acme"]["id"], contract_id=contract["id"])
    before = await f.time_entry(api, work_item_id=ticket["id"], started_at="2026-11-09T22:30:00+00:00")
    # 00:30 on the 10th in Paris: the local date is the contract's first day.
    first_day = await f.time_entry(api, work_item_id=ticket["id"], started_at="2026-11-09T23:30:00+00:00")
    after = await f.time_entry(api, work_item_id=ticket["id"], started_at="2026-11-21T10:00:00+01:00")

    _, invoice = await billed(api, sessionmaker, h["acme"]["id"])

    lines = {line["time_entry_ids"][0]: (line["contract_id"], line["product_id"], line["tax_rate"])
             for line in invoice["lines"]}
    assert lines == {before["id"]: (None, h["support"]["id"], "20.00"),
                     first_day["id"]: (contract["id"], h["covered"]["id"], "0.00"),
                     after["id"]: (None, h["support"]["id"], "20.00")}


async def test_a_contacts_time_falls_under_its_companys_default_contract(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    contract = await f.contract(api, customer_id=h["acme"]["id"], product_id=h["covered"]["id"], taxable=False,
                                time_rounding={"increment_minutes": 30, "mode": "up", "minimum_minutes": 0})
    patch = await api.patch(f"/v1/customers/{h['acme']['id']}", json={"default_contract_id": contract["id"]})
    assert patch.status_code == 200, patch.text
    contacts_ticket = await f.work_item(api, customer_id=h["jeanne"]["id"], reference="T-4215")
    entry = await f.time_entry(api, work_item_id=contacts_ticket["id"], hours="0.20")

    _, invoice = await billed(api, sessionmaker, h["jeanne"]["id"])

    assert invoice["customer_id"] == h["acme"]["id"]
    [line] = invoice["lines"]
    assert (line["time_entry_ids"], line["contract_id"], line["product_id"], line["tax_rate"], line["hours_worked"],
            line["quantity"], line["amount"]) == \
        ([entry["id"]], contract["id"], h["covered"]["id"], "0.00", "0.20", "0.50", "47.50")


async def test_a_contacts_own_default_contract_comes_before_its_companys(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    company_wide = await f.contract(api, customer_id=h["acme"]["id"], name="Company")
    for_jeanne = await f.contract(api, customer_id=h["acme"]["id"], name="Jeanne", taxable=False)
    await api.patch(f"/v1/customers/{h['acme']['id']}", json={"default_contract_id": company_wide["id"]})
    await api.patch(f"/v1/customers/{h['jeanne']['id']}", json={"default_contract_id": for_jeanne["id"]})
    contacts_ticket = await f.work_item(api, customer_id=h["jeanne"]["id"], reference="T-4215")
    companys_ticket = await f.work_item(api, customer_id=h["acme"]["id"], reference="T-1")
    await f.time_entry(api, work_item_id=contacts_ticket["id"])
    await f.time_entry(api, work_item_id=companys_ticket["id"], started_at="2026-11-06T10:00:00+01:00")

    _, invoice = await billed(api, sessionmaker, h["acme"]["id"])

    assert [line["contract_id"] for line in invoice["lines"]] == [for_jeanne["id"], company_wide["id"]]


async def test_time_without_contract_or_rounding_bills_its_hours(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    ticket = await f.work_item(api, customer_id=h["acme"]["id"])
    await f.time_entry(api, work_item_id=ticket["id"], hours="1.37")

    _, invoice = await billed(api, sessionmaker, h["acme"]["id"])

    [line] = invoice["lines"]
    assert (line["quantity"], line["hours_worked"], line["contract_id"], line["covered"]) == \
        ("1.37", "1.37", None, False)


async def test_a_contract_that_billed_time_is_not_deleted(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    contract = await f.contract(api, customer_id=h["acme"]["id"])
    ticket = await f.work_item(api, customer_id=h["acme"]["id"], contract_id=contract["id"])
    await f.time_entry(api, work_item_id=ticket["id"])
    await billed(api, sessionmaker, h["acme"]["id"])
    assert (await api.patch(f"/v1/work-items/{ticket['id']}", json={"contract_id": None})).status_code == 200

    response = await api.delete(f"/v1/contracts/{contract['id']}")
    assert response.status_code == 409 and response.json()["code"] == "contract_in_use"


async def test_time_rounded_down_to_nothing_is_billed_at_nothing(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    contract = await f.contract(api, customer_id=h["acme"]["id"], time_rounding={
        "increment_minutes": 15, "mode": "down", "minimum_minutes": 0})
    ticket = await f.work_item(api, customer_id=h["acme"]["id"], contract_id=contract["id"])
    entry = await f.time_entry(api, work_item_id=ticket["id"], hours="0.10")

    announced, invoice = await billed(api, sessionmaker, h["acme"]["id"])

    [line] = invoice["lines"]
    assert (line["hours_worked"], line["quantity"], line["amount"]) == ("0.10", "0.00", "0.00")
    assert (await api.get(f"/v1/time-entries/{entry['id']}")).json()["invoice_id"] == invoice["id"]
    assert announced["hours"] == "0.00"
