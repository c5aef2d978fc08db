"""Retainers (SPEC §11 `retainer`), on the real services: the retainer is billed once per billing
cycle of the customer, "Retainer — <name> — <period>", even without time; the time of the cycle
up to `included_hours` is covered (0.00 lines), the rest billed at its price, an entry crossing
the included hours split; a later batch of the same cycle bills no second retainer and covers only
what is left; a missed cycle is not billed afterwards; a releasing credit note makes the cycle
billable again; the preview announces all of it."""

import asyncio
import uuid
from decimal import Decimal

import pytest

from app.invoice_batches.runner import run_batch
from tests import factories as f
from tests.test_block_hours_billing import _billed
from tests.test_invoice_batch_preview import NOVEMBER

DECEMBER = {**NOVEMBER, "title": "Support — December 2026", "period_start": "2026-12-01", "period_end": "2026-12-31"}


def _lines(invoice: dict) -> list[tuple]:
    return [(line["description"].split("\n")[0], line["time_entry_ids"], line["quantity"], line["unit_price"],
             line["amount"], line["covered"]) for line in invoice["lines"]]


@pytest.fixture
async def retainer(api):
    hourly = await f.product(api, code="SUP-H", unit_price="80.00", name="Support", description=None)
    managed = await f.product(api, code="MS", unit_price="90.00", name="Managed services", description=None)
    patch = await api.patch("/v1/settings", json={"timezone": "Europe/Paris", "default_product_id": hourly["id"]})
    assert patch.status_code == 200, patch.text
    acme = await f.customer(api, name="Acme SARL")
    contract = await f.contract(api, customer_id=acme["id"], kind="retainer", name="Gold",
                                product_id=managed["id"], retainer_amount="500.00", included_hours="5.00")
    ticket = await f.work_item(api, customer_id=acme["id"], contract_id=contract["id"])
    return {"api": api, "acme": acme, "contract": contract, "ticket": ticket, "managed": managed}


async def test_a_retainer_across_two_cycles_covers_its_included_hours_and_bills_the_rest(retainer, sessionmaker):
    api, r = retainer["api"], retainer
    first = await f.time_entry(api, work_item_id=r["ticket"]["id"], hours="3.00",
                               started_at="2026-11-05T09:00:00+01:00")
    crossing = await f.time_entry(api, work_item_id=r["ticket"]["id"], hours="3.00",
                                  started_at="2026-11-06T09:00:00+01:00")
    december_time = await f.time_entry(api, work_item_id=r["ticket"]["id"], hours="1.50",
                                       started_at="2026-12-02T09:00:00+01:00")

    november = await _billed(api, sessionmaker, r["acme"]["id"], NOVEMBER)
    assert _lines(november) == [
        ("Retainer — Gold — 01/11/2026 to 30/11/2026", [], "1.00", "500.00", "500.00", False),
        ("Managed services", [first["id"]], "3.00", "0.00", "0.00", True),
        ("Managed services", [crossing["id"]], "2.00", "0.00", "0.00", True),  # what the retainer still includes
        ("Managed services", [crossing["id"]], "1.00", "90.00", "90.00", False)]  # the rest, at its price
    assert all(line["contract_id"] == r["contract"]["id"] for line in november["lines"])
    assert (november["untaxed_amount"], november["total"]) == ("590.00", "708.00")

    december = await _billed(api, sessionmaker, r["acme"]["id"], DECEMBER)
    assert _lines(december) == [
        ("Retainer — Gold — 01/12/2026 to 31/12/2026", [], "1.00", "500.00", "500.00", False),
        ("Managed services", [december_time["id"]], "1.50", "0.00", "0.00", True)]


async def test_the_retainer_is_billed_even_without_time(retainer, sessionmaker):
    api, r = retainer["api"], retainer
    november = await _billed(api, sessionmaker, r["acme"]["id"], NOVEMBER)
    assert _lines(november) == [("Retainer — Gold — 01/11/2026 to 30/11/2026", [], "1.00", "500.00", "500.00",
                                 False)]
    assert november["status"] == "validated"


async def test_a_second_batch_of_the_same_cycle_bills_no_second_retainer_and_covers_only_what_is_left(
        retainer, sessionmaker):
    api, r = retainer["api"], retainer
    await f.time_entry(api, work_item_id=r["ticket"]["id"], hours="4.00", started_at="2026-11-05T09:00:00+01:00")
    await _billed(api, sessionmaker, r["acme"]["id"], NOVEMBER)
    late = await f.time_entry(api, work_item_id=r["ticket"]["id"], hours="2.00",
                              started_at="2026-11-20T09:00:00+01:00")  # pushed after November was billed

    again = await _billed(api, sessionmaker, r["acme"]["id"], NOVEMBER)
    assert _lines(again) == [("Managed services", [late["id"]], "1.00", "0.00", "0.00", True),
                             ("Managed services", [late["id"]], "1.00", "90.00", "90.00", False)]
    # Nothing left of the cycle: a third batch of November has nothing to bill.
    third = (await api.post("/v1/invoice-batches", json={**NOVEMBER, "customer_ids": [r["acme"]["id"]]})).json()
    await run_batch(sessionmaker, uuid.UUID(third["id"]))
    report = (await api.get(f"/v1/invoice-batches/{third['id']}/report")).json()
    assert (report["counts"]["invoices_created"], report["customers_without_times"]) == (0, [r["acme"]["id"]])


async def test_a_missed_cycle_is_not_billed_afterwards(retainer, sessionmaker):
    api, r = retainer["api"], retainer
    december = await _billed(api, sessionmaker, r["acme"]["id"], DECEMBER)  # November never billed
    assert _lines(december) == [("Retainer — Gold — 01/12/2026 to 31/12/2026", [], "1.00", "500.00", "500.00",
                                 False)]


async def test_a_retainer_bills_its_cycle_under_a_cut_off_date_too(retainer, sessionmaker):
    api, r = retainer["api"], retainer
    entry = await f.time_entry(api, work_item_id=r["ticket"]["id"], hours="6.00",
                               started_at="2026-11-05T09:00:00+01:00")
    cutoff = {key: value for key, value in NOVEMBER.items() if not key.startswith("period")}
    invoice = await _billed(api, sessionmaker, r["acme"]["id"], {**cutoff, "cutoff_date": "2026-12-05"})
    assert _lines(invoice) == [("Retainer — Gold — 01/11/2026 to 30/11/2026", [], "1.00", "500.00", "500.00", False),
                               ("Managed services", [entry["id"]], "5.00", "0.00", "0.00", True),
                               ("Managed services", [entry["id"]], "1.00", "90.00", "90.00", False)]


async def test_the_preview_shows_the_retainer_lines_and_the_hours_worked_covered_and_billed(retainer, sessionmaker):
    api, r = retainer["api"], retainer
    await f.time_entry(api, work_item_id=r["ticket"]["id"], hours="6.00", started_at="2026-11-05T09:00:00+01:00")
    for _ in range(2):  # the preview uses nothing up
        preview = await api.post("/v1/invoice-batches/preview", json={**NOVEMBER, "customer_ids": [r["acme"]["id"]]})
        assert preview.status_code == 200, preview.text
        [invoice] = preview.json()["invoices"]
        assert [line["description"] for line in invoice["retainer_lines"]] == \
            ["Retainer — Gold — 01/11/2026 to 30/11/2026"]
        assert (invoice["hours_worked"], invoice["covered_hours"], invoice["billed_hours"], invoice["hours"]) == \
            ("6.00", "5.00", "1.00", "6.00")
        assert invoice["contracts"] == [{
            "contract_id": r["contract"]["id"], "name": "Gold", "kind": "retainer", "hours_worked": "6.00",
            "covered_hours": "5.00", "billed_hours": "1.00", "block_hours_remaining": None,
            "retainer_included_hours_left": "0.00"}]


async def test_a_releasing_credit_note_makes_the_cycle_billable_again(retainer, sessionmaker):
    api, r = retainer["api"], retainer
    entry = await f.time_entry(api, work_item_id=r["ticket"]["id"], hours="2.00",
                               started_at="2026-11-05T09:00:00+01:00")
    first = await _billed(api, sessionmaker, r["acme"]["id"], NOVEMBER)
    credit = await api.post(f"/v1/invoices/{first['id']}/credit",
                            json={"reason": "Wrong contract", "release_time": True, "send": False})
    assert credit.status_code == 201, credit.text
    again = await _billed(api, sessionmaker, r["acme"]["id"], NOVEMBER)
    assert _lines(again) == [("Retainer — Gold — 01/11/2026 to 30/11/2026", [], "1.00", "500.00", "500.00", False),
                             ("Managed services", [entry["id"]], "2.00", "0.00", "0.00", True)]


async def test_deleting_a_draft_that_billed_the_retainer_frees_its_cycle(retainer, sessionmaker):
    api, r = retainer["api"], retainer
    draft = await _billed(api, sessionmaker, r["acme"]["id"], {**NOVEMBER, "validate": False})
    assert draft["status"] == "draft"
    assert (await api.delete(f"/v1/invoices/{draft['id']}")).status_code == 204
    again = await _billed(api, sessionmaker, r["acme"]["id"], NOVEMBER)
    assert _lines(again) == [("Retainer — Gold — 01/11/2026 to 30/11/2026", [], "1.00", "500.00", "500.00", False)]


async def test_two_batches_of_one_cycle_at_once_bill_one_retainer(retainer, sessionmaker):
    api, r = retainer["api"], retainer
    await f.time_entry(api, work_item_id=r["ticket"]["id"], hours="4.00", started_at="2026-11-05T09:00:00+01:00")
    definition = {**NOVEMBER, "customer_ids": [r["acme"]["id"]]}
    batches = [(await api.post("/v1/invoice-batches", json=definition)).json() for _ in range(2)]
    await asyncio.gather(*(run_batch(sessionmaker, uuid.UUID(b["id"])) for b in batches))
    invoices = [i for b in batches
                for i in (await api.get("/v1/invoices", params={"batch_id": b["id"]})).json()["data"]]
    retainer_lines = [line for i in invoices for line in i["lines"] if line["description"].startswith("Retainer")]
    assert len(retainer_lines) == 1
    assert sum(Decimal(line["quantity"]) for i in invoices for line in i["lines"] if line["covered"]) == 4
