"""Batch options of SPEC §11, on the real services: `invoice_per` `contract` (one invoice per
contract, plus one for the time outside any) and `line_grouping` `work_item` / `product` (a line
per group, its quantity the sum of its entries' billed hours, its amount rounded once, every time
entry listed); the preview announces exactly what the batch writes, and time billed on a grouped
line is released and billed again like any other."""

import uuid

import pytest

from app.invoice_batches.runner import run_batch
from tests import factories as f
from tests.test_invoice_batch_preview import NOVEMBER
from tests.test_time_entry_adjustments import adjust

FIELDS = ("description", "product_id", "quantity", "hours_worked", "unit_price", "amount", "tax_rate", "covered",
          "contract_id", "time_entry_ids")


async def _batch(api, sessionmaker, definition: dict) -> tuple[list[dict], dict]:
    """The batch's invoices (in the order written) and its report, after checking that the preview
    announced each of them line for line."""
    preview = await api.post("/v1/invoice-batches/preview", json=definition)
    assert preview.status_code == 200, preview.text
    batch = await api.post("/v1/invoice-batches", json=definition)
    assert batch.status_code == 202, batch.text
    await run_batch(sessionmaker, uuid.UUID(batch.json()["id"]))
    invoices = (await api.get("/v1/invoices", params={"batch_id": batch.json()["id"], "order": "asc",
                                                      "type": "invoice"})).json()["data"]
    announced = preview.json()["invoices"]
    assert [[tuple(line[k] for k in FIELDS) for line in i["lines"]] for i in invoices] == \
        [[tuple(line[k] for k in FIELDS) for line in i["lines"]] for i in announced]
    assert [(i["subtitle"], i["total"]) for i in invoices] == [(i["subtitle"], i["total"]) for i in announced]
    report = (await api.get(f"/v1/invoice-batches/{batch.json()['id']}/report")).json()
    return invoices, report


@pytest.fixture
async def desk(api):
    support = await f.product(api, code="SUP-H", unit_price="33.33", name="Support", description=None)
    onsite = await f.product(api, code="ONS-H", unit_price="100.00", name="On site", description=None)
    patch = await api.patch("/v1/settings", json={"timezone": "Europe/Paris", "default_product_id": support["id"]})
    assert patch.status_code == 200, patch.text
    acme = await f.customer(api, name="Acme SARL")
    return {"api": api, "acme": acme, "support": support, "onsite": onsite}


async def test_one_invoice_per_contract_plus_one_for_the_time_outside_any(desk, sessionmaker):
    api, d = desk["api"], desk
    block = await f.contract(api, customer_id=d["acme"]["id"], kind="block_hours", name="Blocks",
                             product_id=d["onsite"]["id"])
    bought = await api.post(f"/v1/contracts/{block['id']}/blocks",
                            json={"hours": "10.00", "price": "700.00", "purchased_on": "2026-11-01"})
    assert bought.status_code == 201, bought.text
    gold = await f.contract(api, customer_id=d["acme"]["id"], kind="retainer", name="Gold",
                            retainer_amount="500.00", included_hours="5.00", product_id=d["onsite"]["id"])
    under_block = await f.work_item(api, customer_id=d["acme"]["id"], reference="T-1", contract_id=block["id"])
    under_gold = await f.work_item(api, customer_id=d["acme"]["id"], reference="T-2", contract_id=gold["id"])
    plain = await f.work_item(api, customer_id=d["acme"]["id"], reference="T-3")
    for item in (under_block, under_gold, plain):
        await f.time_entry(api, work_item_id=item["id"], hours="2.00")

    invoices, report = await _batch(api, sessionmaker, {**NOVEMBER, "customer_ids": [d["acme"]["id"]],
                                                        "invoice_per": "contract"})

    assert [i["subtitle"] for i in invoices] == ["Period from 01/11/2026 to 30/11/2026 — Blocks",
                                                 "Period from 01/11/2026 to 30/11/2026 — Gold",
                                                 "Period from 01/11/2026 to 30/11/2026"]
    assert [{line["contract_id"] for line in i["lines"]} for i in invoices] == [{block["id"]}, {gold["id"]}, {None}]
    assert [(line["description"].split("\n")[0], line["amount"]) for line in invoices[0]["lines"]] == \
        [("Block of 10.00 hours — Blocks", "700.00"), ("On site", "0.00")]
    assert [(line["description"].split("\n")[0], line["amount"]) for line in invoices[1]["lines"]] == \
        [("Retainer — Gold — 01/11/2026 to 30/11/2026", "500.00"), ("On site", "0.00")]
    assert [line["amount"] for line in invoices[2]["lines"]] == ["66.66"]
    assert all(i["status"] == "validated" and i["number"] for i in invoices)
    assert report["counts"]["invoices_created"] == 3
    assert report["totals"]["by_currency"][0]["untaxed"] == "1266.66"
    contract = (await api.get(f"/v1/contracts/{block['id']}")).json()
    assert (contract["hours_used"], contract["hours_remaining"]) == ("2.00", "8.00")


async def test_lines_grouped_per_work_item_sum_the_billed_hours_and_round_once(desk, sessionmaker):
    api, d = desk["api"], desk
    printer = await f.work_item(api, customer_id=d["acme"]["id"], reference="T-1", title="Printer down")
    mail = await f.work_item(api, customer_id=d["acme"]["id"], reference="T-2", title="Mail bounces")
    entries = [await f.time_entry(api, work_item_id=item["id"], hours="0.25", external_id=f"e-{n}",
                                  started_at=f"2026-11-0{n + 1}T09:00:00+01:00")
               for n, item in enumerate((printer, printer, mail))]
    onsite = await f.time_entry(api, work_item_id=printer["id"], hours="1.00", product_id=d["onsite"]["id"],
                                started_at="2026-11-08T09:00:00+01:00")

    [invoice], _ = await _batch(api, sessionmaker, {**NOVEMBER, "customer_ids": [d["acme"]["id"]],
                                                    "line_grouping": "work_item"})

    assert [(line["description"], line["quantity"], line["amount"], line["time_entry_ids"],
             line["time_entry_external_ids"]) for line in invoice["lines"]] == [
        ("Support\nTicket T-1 — Printer down", "0.50", "16.67",  # 0.50 × 33.33 = 16.665, rounded once
         [entries[0]["id"], entries[1]["id"]], ["e-0", "e-1"]),
        ("Support\nTicket T-2 — Mail bounces", "0.25", "8.33", [entries[2]["id"]], ["e-2"]),
        ("On site\nTicket T-1 — Printer down", "1.00", "100.00", [onsite["id"]], [None])]
    for entry in (*entries, onsite):
        assert (await api.get(f"/v1/time-entries/{entry['id']}")).json()["invoice_id"] == invoice["id"]


async def test_lines_grouped_per_product_keep_covered_and_billed_hours_apart(desk, sessionmaker):
    api, d = desk["api"], desk
    block = await f.contract(api, customer_id=d["acme"]["id"], kind="block_hours", name="Blocks",
                             overage_unit_price="120.00")
    bought = await api.post(f"/v1/contracts/{block['id']}/blocks",
                            json={"hours": "3.00", "price": "240.00", "purchased_on": "2026-11-01"})
    assert bought.status_code == 201, bought.text
    items = [await f.work_item(api, customer_id=d["acme"]["id"], reference=f"T-{n}", contract_id=block["id"])
             for n in range(3)]
    entries = [await f.time_entry(api, work_item_id=item["id"], hours="2.00",
                                  started_at=f"2026-11-0{n + 1}T09:00:00+01:00") for n, item in enumerate(items)]

    [invoice], _ = await _batch(api, sessionmaker, {**NOVEMBER, "customer_ids": [d["acme"]["id"]],
                                                    "line_grouping": "product"})

    ids = [e["id"] for e in entries]
    assert [(line["description"], line["quantity"], line["unit_price"], line["amount"], line["covered"],
             line["time_entry_ids"]) for line in invoice["lines"]] == [
        ("Block of 3.00 hours — Blocks", "1.00", "240.00", "240.00", False, []),
        ("Support", "3.00", "0.00", "0.00", True, ids[:2]),  # the second entry crosses the balance
        ("Support", "3.00", "120.00", "360.00", False, ids[1:])]
    assert invoice["untaxed_amount"] == "600.00"


async def test_time_on_a_grouped_line_is_released_by_a_credit_note_and_billed_again(desk, sessionmaker):
    api, d = desk["api"], desk
    item = await f.work_item(api, customer_id=d["acme"]["id"], reference="T-1")
    entries = [await f.time_entry(api, work_item_id=item["id"], hours="1.00",
                                  started_at=f"2026-11-0{n + 1}T09:00:00+01:00") for n in range(2)]
    grouped = {**NOVEMBER, "customer_ids": [d["acme"]["id"]], "line_grouping": "product"}
    [first], _ = await _batch(api, sessionmaker, grouped)
    credit = await api.post(f"/v1/invoices/{first['id']}/credit",
                            json={"reason": "Wrong rate", "release_time": True, "send": False})
    assert credit.status_code == 201, credit.text
    for entry in entries:
        assert (await api.get(f"/v1/time-entries/{entry['id']}")).json()["invoice_id"] is None

    [again], _ = await _batch(api, sessionmaker, {**grouped, "line_grouping": "entry"})
    assert [(line["time_entry_ids"], line["quantity"]) for line in again["lines"]] == \
        [([entries[0]["id"]], "1.00"), ([entries[1]["id"]], "1.00")]


async def test_deleting_a_grouped_draft_makes_its_time_billable_again(desk, sessionmaker):
    api, d = desk["api"], desk
    item = await f.work_item(api, customer_id=d["acme"]["id"], reference="T-1")
    entries = [await f.time_entry(api, work_item_id=item["id"], hours="1.00",
                                  started_at=f"2026-11-0{n + 1}T09:00:00+01:00") for n in range(2)]
    [draft], _ = await _batch(api, sessionmaker, {**NOVEMBER, "customer_ids": [d["acme"]["id"]],
                                                  "line_grouping": "work_item", "validate": False})
    assert (await api.delete(f"/v1/invoices/{draft['id']}")).status_code == 204
    for entry in entries:
        assert (await api.get(f"/v1/time-entries/{entry['id']}")).json()["invoice_id"] is None


@pytest.mark.parametrize("field,value", [("invoice_per", "ticket"), ("line_grouping", "customer")])
async def test_an_unknown_option_is_refused_naming_it(desk, field, value):
    api, d = desk["api"], desk
    for path in ("/v1/invoice-batches", "/v1/invoice-batches/preview"):
        answer = await api.post(path, json={**NOVEMBER, "customer_ids": [d["acme"]["id"]], field: value})
        assert answer.status_code == 422, answer.text
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert field in answer.text
    assert (await api.get("/v1/invoice-batches")).json()["data"] == []


async def test_the_batch_shows_its_options(desk):
    api, d = desk["api"], desk
    made = await api.post("/v1/invoice-batches", json={**NOVEMBER, "customer_ids": [d["acme"]["id"]],
                                                        "invoice_per": "contract", "line_grouping": "work_item"})
    assert made.status_code == 202, made.text
    read = (await api.get(f"/v1/invoice-batches/{made.json()['id']}")).json()
    assert (read["invoice_per"], read["line_grouping"]) == ("contract", "work_item")
    default = (await api.post("/v1/invoice-batches", json={**NOVEMBER, "customer_ids": [d["acme"]["id"]]})).json()
    assert (default["invoice_per"], default["line_grouping"]) == ("customer", "entry")



async def test_a_correction_of_time_on_a_grouped_line_is_settled_against_that_entrys_own_hours(desk, sessionmaker):
    """Two entries of 1.00 h on one product line (2.00 h at 33.33 = 66.66): correcting one to 0.50 h
    credits 0.50 h of that line, not 1.50 h; correcting the other to 1.25 h bills 0.25 h more."""
    api, d = desk["api"], desk
    item = await f.work_item(api, customer_id=d["acme"]["id"], reference="T-1")
    entries = [await f.time_entry(api, work_item_id=item["id"], hours="1.00",
                                  started_at=f"2026-11-0{n + 1}T09:00:00+01:00") for n in range(2)]
    grouped = {**NOVEMBER, "customer_ids": [d["acme"]["id"]], "line_grouping": "product"}
    [first], _ = await _batch(api, sessionmaker, grouped)
    [line] = first["lines"]
    assert (line["quantity"], line["amount"]) == ("2.00", "66.66")
    down = await adjust(api, entries[0]["id"], hours="0.50")
    up = await adjust(api, entries[1]["id"], hours="1.25")

    [extra], report = await _batch(api, sessionmaker, grouped)
    assert [(l["time_entry_ids"], l["quantity"], l["amount"]) for l in extra["lines"]] == [([up["id"]], "0.25", "8.33")]
    [note] = report["credit_notes_created"]
    credit = (await api.get(f"/v1/invoices/{note['invoice_id']}")).json()
    assert [(l["time_entry_ids"], l["quantity"], l["amount"], l["credited_invoice_id"]) for l in credit["lines"]] == \
        [([down["id"]], "0.50", "16.67", first["id"])]


async def test_a_correction_of_an_entry_split_across_a_block_credits_its_overage_first(desk, sessionmaker):
    """3.00 h on a 2-hour balance: 2.00 h covered, 1.00 h at 120.00. Corrected to 2.50 h: the half
    hour taken back comes off the overage line (60.00), never more than the entry billed."""
    api, d = desk["api"], desk
    block = await f.contract(api, customer_id=d["acme"]["id"], kind="block_hours", name="Blocks",
                             overage_unit_price="120.00")
    bought = await api.post(f"/v1/contracts/{block['id']}/blocks",
                            json={"hours": "2.00", "price": "150.00", "purchased_on": "2026-11-01"})
    assert bought.status_code == 201, bought.text
    item = await f.work_item(api, customer_id=d["acme"]["id"], reference="T-1", contract_id=block["id"])
    entry = await f.time_entry(api, work_item_id=item["id"], hours="3.00")
    [first], _ = await _batch(api, sessionmaker, {**NOVEMBER, "customer_ids": [d["acme"]["id"]]})
    assert [(l["quantity"], l["amount"], l["covered"]) for l in first["lines"]] == \
        [("1.00", "150.00", False), ("2.00", "0.00", True), ("1.00", "120.00", False)]
    down = await adjust(api, entry["id"], hours="2.50")

    [], report = await _batch(api, sessionmaker, {**NOVEMBER, "customer_ids": [d["acme"]["id"]]})
    [note] = report["credit_notes_created"]
    credit = (await api.get(f"/v1/invoices/{note['invoice_id']}")).json()
    assert [(l["time_entry_ids"], l["quantity"], l["unit_price"], l["amount"]) for l in credit["lines"]] == \
        [([down["id"]], "0.50", "120.00", "60.00")]
