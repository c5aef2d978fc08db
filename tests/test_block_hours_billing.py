"""Prepaid blocks of hours (SPEC §11 block_hours), on the real services: time consumes the block
balance in started_at order by its billed quantity (covered lines at 0.00), an entry crossing the
balance is split into a covered and an overage line, overage is billed at the overage price, the
block is invoiced once, the contract's balance never goes below zero, and the preview shows what
the batch writes."""

import asyncio
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text

from app.invoice_batches.runner import run_batch
from app.invoicing.planning import (BillableEntry, BillTo, PlanOptions, PlannedBlock, PlannedContract,
                                    PlannedProduct, plan_invoice)
from tests import factories as f
from tests.test_invoice_batch_preview import NOVEMBER

DECEMBER = {**NOVEMBER, "title": "Support — December 2026", "period_start": "2026-12-01", "period_end": "2026-12-31"}
FIELDS = ("description", "product_id", "quantity", "hours_worked", "unit_price", "amount", "tax_rate", "late",
          "covered", "contract_id")


def _written(line: dict) -> tuple:
    return tuple(line[k] for k in FIELDS) + (tuple(line["time_entry_ids"]),)


def _announced(line: dict) -> tuple:
    return tuple(line[k] for k in FIELDS) + (tuple(line["time_entry_ids"]),)


async def _billed(api, sessionmaker, customer_id: str, definition: dict) -> dict:
    """The customer's invoice as the batch writes it, after checking the preview announced it so."""
    definition = {**definition, "customer_ids": [customer_id]}
    preview = await api.post("/v1/invoice-batches/preview", json=definition)
    assert preview.status_code == 200, preview.text
    batch = await api.post("/v1/invoice-batches", json=definition)
    assert batch.status_code == 202, batch.text
    await run_batch(sessionmaker, uuid.UUID(batch.json()["id"]))
    [invoice] = (await api.get("/v1/invoices", params={"batch_id": batch.json()["id"]})).json()["data"]
    [announced] = preview.json()["invoices"]
    assert [_written(line) for line in invoice["lines"]] == [_announced(line) for line in announced["lines"]]
    assert (invoice["untaxed_amount"], invoice["tax_amount"], invoice["total"]) == \
        (announced["untaxed_amount"], announced["tax_amount"], announced["total"])
    return invoice


@pytest.fixture
async def blocks(api):
    support = await f.product(api, code="SUP-H", unit_price="80.00")
    covered = await f.product(api, code="CT-H", unit_price="95.00", name="Contract support", description=None)
    patch = await api.patch("/v1/settings", json={"timezone": "Europe/Paris", "default_product_id": support["id"]})
    assert patch.status_code == 200, patch.text
    acme = await f.customer(api, name="Acme SARL")
    contract = await f.contract(api, customer_id=acme["id"], kind="block_hours", name="Support 10 h",
                                product_id=covered["id"], overage_unit_price="120.00")
    block = await api.post(f"/v1/contracts/{contract['id']}/blocks",
                           json={"hours": "10.00", "price": "700.00", "purchased_on": "2026-11-01"})
    assert block.status_code == 201, block.text
    ticket = await f.work_item(api, customer_id=acme["id"], contract_id=contract["id"])
    return {"api": api, "acme": acme, "contract": contract, "block": block.json(), "ticket": ticket,
            "covered": covered}


async def test_a_block_of_10_hours_consumed_by_12_5_hours_over_two_batches(blocks, sessionmaker):
    api, b = blocks["api"], blocks
    first = await f.time_entry(api, work_item_id=b["ticket"]["id"], hours="4.00",
                               started_at="2026-11-05T09:00:00+01:00")
    second = await f.time_entry(api, work_item_id=b["ticket"]["id"], hours="4.00",
                                started_at="2026-11-06T09:00:00+01:00")

    november = await _billed(api, sessionmaker, b["acme"]["id"], NOVEMBER)

    lines = november["lines"]
    assert lines[0]["description"] == "Block of 10.00 hours — Support 10 h"
    assert (lines[0]["quantity"], lines[0]["unit_price"], lines[0]["amount"], lines[0]["tax_rate"],
            lines[0]["time_entry_ids"], lines[0]["contract_id"]) == \
        ("1.00", "700.00", "700.00", "20.00", [], b["contract"]["id"])
    assert [(line["time_entry_ids"], line["quantity"], line["unit_price"], line["amount"], line["covered"])
            for line in lines[1:]] == [([first["id"]], "4.00", "0.00", "0.00", True),
                                       ([second["id"]], "4.00", "0.00", "0.00", True)]
    assert (november["untaxed_amount"], november["total"]) == ("700.00", "840.00")
    contract = (await api.get(f"/v1/contracts/{b['contract']['id']}")).json()
    assert (contract["hours_used"], contract["hours_remaining"]) == ("8.00", "2.00")
    assert contract["blocks"][0]["invoice_id"] == november["id"]

    crossing = await f.time_entry(api, work_item_id=b["ticket"]["id"], hours="3.00",
                                  started_at="2026-12-03T09:00:00+01:00")
    beyond = await f.time_entry(api, work_item_id=b["ticket"]["id"], hours="1.50",
                                started_at="2026-12-04T09:00:00+01:00")

    december = await _billed(api, sessionmaker, b["acme"]["id"], DECEMBER)

    assert [(line["time_entry_ids"], line["quantity"], line["hours_worked"], line["unit_price"], line["amount"],
             line["covered"]) for line in december["lines"]] == [
        ([crossing["id"]], "2.00", "2.00", "0.00", "0.00", True),  # what is left of the block
        ([crossing["id"]], "1.00", "1.00", "120.00", "120.00", False),  # the rest of the crossing entry, at the overage price
        ([beyond["id"]], "1.50", "1.50", "120.00", "180.00", False)]
    assert not any(line["description"].startswith("Block of") for line in december["lines"])  # invoiced once
    assert (december["untaxed_amount"], december["total"]) == ("300.00", "360.00")
    contract = (await api.get(f"/v1/contracts/{b['contract']['id']}")).json()
    assert (contract["hours_used"], contract["hours_remaining"]) == ("10.00", "0.00")
    assert contract["blocks"][0]["invoice_id"] == november["id"]


async def test_the_preview_consumes_nothing(blocks, sessionmaker):
    api, b = blocks["api"], blocks
    await f.time_entry(api, work_item_id=b["ticket"]["id"], hours="12.00")
    for _ in range(2):
        preview = await api.post("/v1/invoice-batches/preview", json={**NOVEMBER, "customer_ids": [b["acme"]["id"]]})
        assert preview.status_code == 200, preview.text
        [invoice] = preview.json()["invoices"]
        assert [(line["quantity"], line["unit_price"], line["covered"]) for line in invoice["lines"]] == [
            ("1.00", "700.00", False), ("10.00", "0.00", True), ("2.00", "120.00", False)]
        assert (invoice["hours"], invoice["covered_hours"]) == ("12.00", "10.00")
        assert invoice["block_balances"] == [{"contract_id": b["contract"]["id"], "hours_consumed": "10.00",
                                              "hours_remaining": "0.00"}]
    contract = (await api.get(f"/v1/contracts/{b['contract']['id']}")).json()
    assert (contract["hours_used"], contract["hours_remaining"], contract["blocks"][0]["invoice_id"]) == \
        ("0.00", "10.00", None)


async def test_a_customer_whose_block_hours_were_consumed_meanwhile_fails_and_consumes_nothing(
        blocks, sessionmaker, monkeypatch):
    """The plan reads the balance before the customer's lock: when the database covers fewer hours
    than planned, the customer is rolled back, never consuming beyond the blocks."""
    api, b = blocks["api"], blocks
    entry = await f.time_entry(api, work_item_id=b["ticket"]["id"], hours="4.00")
    from app.invoice_batches import runner
    from app.contracts import service as contracts

    async def racing(session, *, contract_id, hours):  # another invoice takes 8 of the 10 hours first
        await contracts.consume_block_hours(session, contract_id=contract_id, hours=Decimal("8.00"))
        return await contracts.consume_block_hours(session, contract_id=contract_id, hours=hours)

    monkeypatch.setattr(runner, "consume_block_hours", racing)
    batch = (await api.post("/v1/invoice-batches", json={**NOVEMBER, "customer_ids": [b["acme"]["id"]]})).json()
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    assert (await api.get(f"/v1/invoice-batches/{batch['id']}")).json()["status"] == "failed"
    contract = (await api.get(f"/v1/contracts/{b['contract']['id']}")).json()
    assert (contract["hours_used"], contract["hours_remaining"], contract["blocks"][0]["invoice_id"]) == \
        ("0.00", "10.00", None)
    assert (await api.get(f"/v1/time-entries/{entry['id']}")).json()["invoice_id"] is None


def test_planning_splits_the_entry_crossing_the_balance_and_reports_the_hours_consumed():
    contract = PlannedContract(id=uuid.uuid4(), product_id=None, starts_on=__import__("datetime").date(2026, 11, 1),
                               ends_on=None, taxable=True, time_rounding={"increment_minutes": 30, "mode": "up",
                                                                          "minimum_minutes": 0},
                               kind="block_hours", name="Support 10 h", overage_unit_price=Decimal("120.00"),
                               balance=Decimal("1.00"),
                               blocks=(PlannedBlock(id=uuid.uuid4(), hours=Decimal("10.00"), price=Decimal("700.00"),
                                                    purchased_on=__import__("datetime").date(2026, 11, 1)),))
    product = PlannedProduct(id=uuid.uuid4(), name="Support", description=None, unit="hour",
                             unit_price=Decimal("80.00"), tax_rate=Decimal("20.00"))
    from datetime import datetime, timezone
    entries = [BillableEntry(id=uuid.uuid4(), work_item_type="ticket", work_item_reference="T-1",
                             started_at=datetime(2026, 11, 5, 9, tzinfo=timezone.utc), hours=Decimal("1.20"),
                             product_id=product.id, employee_name=None, contract_id=contract.id)]
    plan = plan_invoice(bill_to=BillTo(customer_id=uuid.uuid4(), currency="EUR", tax_rate=None, tax_exempt=False),
                        entries=entries, products={product.id: product}, negotiated_prices={},
                        options=PlanOptions(timezone="UTC", show_employee_names=False, product_mandatory=False,
                                            default_product_id=None), contracts={contract.id: contract})
    assert [(line.time_entry_id, line.quantity, line.hours_worked, line.unit_price, line.amount, line.covered)
            for line in plan.lines] == [
        (entries[0].id, Decimal("1.00"), Decimal("1.00"), Decimal("0.00"), Decimal("0.00"), True),
        (None, Decimal("0.50"), Decimal("0.20"), Decimal("120.00"), Decimal("60.00"), False)]
    assert plan.block_hours == {contract.id: Decimal("1.00")}
    assert plan.hours == Decimal("1.50")


async def test_a_block_is_invoiced_by_the_first_batch_whose_period_ends_on_or_after_its_purchase(
        blocks, sessionmaker):
    """Even without time; a block bought after the period's end waits for a later batch."""
    api, b = blocks["api"], blocks
    later = await api.post(f"/v1/contracts/{b['contract']['id']}/blocks",
                           json={"hours": "5.00", "price": "375.00", "purchased_on": "2026-12-10"})
    assert later.status_code == 201, later.text

    november = await _billed(api, sessionmaker, b["acme"]["id"], NOVEMBER)
    assert [(line["description"], line["amount"]) for line in november["lines"]] == \
        [("Block of 10.00 hours — Support 10 h", "700.00")]
    december = await _billed(api, sessionmaker, b["acme"]["id"], DECEMBER)
    assert [(line["description"], line["amount"]) for line in december["lines"]] == \
        [("Block of 5.00 hours — Support 10 h", "375.00")]
    contract = (await api.get(f"/v1/contracts/{b['contract']['id']}")).json()
    assert {block["hours"]: block["invoice_id"] for block in contract["blocks"]} == \
        {"10.00": november["id"], "5.00": december["id"]}
    assert (contract["hours_used"], contract["hours_remaining"]) == ("0.00", "15.00")


async def test_time_released_by_a_credit_note_gives_its_block_hours_back_and_consumes_them_again(
        blocks, sessionmaker):
    api, b = blocks["api"], blocks
    entry = await f.time_entry(api, work_item_id=b["ticket"]["id"], hours="4.00")
    first = await _billed(api, sessionmaker, b["acme"]["id"], NOVEMBER)
    credit = await api.post(f"/v1/invoices/{first['id']}/credit",
                            json={"reason": "Billed by mistake", "release_time": True, "send": False})
    assert credit.status_code == 201, credit.text
    contract = (await api.get(f"/v1/contracts/{b['contract']['id']}")).json()
    assert (contract["hours_used"], contract["hours_remaining"]) == ("0.00", "10.00")

    again = await _billed(api, sessionmaker, b["acme"]["id"], NOVEMBER)
    # The credit note credited the block's line too: the block is invoiced again, with the time.
    assert [(line["time_entry_ids"], line["quantity"], line["covered"]) for line in again["lines"]] == \
        [([], "1.00", False), ([entry["id"]], "4.00", True)]
    contract = (await api.get(f"/v1/contracts/{b['contract']['id']}")).json()
    assert (contract["hours_used"], contract["hours_remaining"]) == ("4.00", "6.00")


async def test_two_concurrent_batches_share_the_balance_without_consuming_it_twice(blocks, sessionmaker):
    """A November and a December batch over the customer at once: whichever goes first covers what
    the balance holds, the other bills the rest as overage; the covered lines of both invoices add
    up to the contract's hours_used, which the database row agrees with, within the blocks."""
    api, b = blocks["api"], blocks
    for day in ("2026-11-05", "2026-11-06", "2026-12-03", "2026-12-04"):
        await f.time_entry(api, work_item_id=b["ticket"]["id"], hours="4.00", started_at=f"{day}T09:00:00+01:00")
    batches = [(await api.post("/v1/invoice-batches", json={**period, "customer_ids": [b["acme"]["id"]]})).json()
               for period in (NOVEMBER, DECEMBER)]
    await asyncio.gather(*(run_batch(sessionmaker, uuid.UUID(batch["id"])) for batch in batches))

    invoices = [invoice for batch in batches
                for invoice in (await api.get("/v1/invoices", params={"batch_id": batch["id"]})).json()["data"]]
    assert len(invoices) == 2
    covered = sum(Decimal(line["quantity"]) for invoice in invoices for line in invoice["lines"] if line["covered"])
    overage = sum(Decimal(line["quantity"]) for invoice in invoices for line in invoice["lines"]
                  if not line["covered"] and line["unit"] != "block")
    assert (covered, overage) == (Decimal("10.00"), Decimal("6.00"))
    contract = (await api.get(f"/v1/contracts/{b['contract']['id']}")).json()
    assert (contract["hours_used"], contract["hours_remaining"]) == ("10.00", "0.00")
    async with sessionmaker() as session:
        row = (await session.execute(text("SELECT hours_used, hours_purchased FROM contracts WHERE id = :id"),
                                     {"id": b["contract"]["id"]})).one()
    assert (row.hours_used, row.hours_purchased) == (Decimal("10.00"), Decimal("10.00"))
    assert sum(1 for invoice in invoices for line in invoice["lines"] if line["unit"] == "block") == 1
