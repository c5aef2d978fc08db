"""Corrections of billed time over several batches and credits (SPEC §10), as a customer sees them
in the end: what its invoices bill, less what its credit notes credit, is for each piece of work
the hours its last correction says; no invoice is credited more than its total; no correction is
left pending once a batch has run over its customer."""

import uuid
from decimal import Decimal


from app.invoice_batches.runner import run_batch
from tests import factories as f
from tests.test_invoice_batch_preview import helpdesk  # noqa: F401  (fixture)
from tests.test_invoice_batch_run import launch, report_of

CREDIT = {"reason": "Billed by mistake", "release_time": True, "send": False}


async def bill(api, sessionmaker, customer_id: str) -> dict:
    """A validated batch over the customer: its report."""
    batch = await launch(api, customer_ids=[customer_id])
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    return await report_of(api, batch["id"])


async def adjust(api, entry_id: str, hours: str) -> dict:
    response = await api.post(f"/v1/time-entries/{entry_id}/adjustments", json={"hours": hours})
    assert response.status_code == 201, response.text
    return response.json()


async def documents(api, customer_id: str) -> list[dict]:
    return (await api.get("/v1/invoices", params={"customer_id": customer_id, "limit": 200})).json()["data"]


async def net_hours(api, customer_id: str, original_id: str) -> Decimal:
    """Hours of one piece of work (an entry and its adjustments) on the customer's validated
    invoices, less those on its validated credit notes."""
    family = {original_id} | {e["id"] for e in (await api.get(
        "/v1/time-entries", params={"adjusts_id": original_id, "limit": 100})).json()["data"]}
    net = Decimal(0)
    for document in await documents(api, customer_id):
        if document["status"] == "draft":
            continue
        sign = -1 if document["type"] == "credit_note" else 1
        net += sign * sum((Decimal(l["quantity"]) for l in document["lines"]
                           if set(l["time_entry_ids"]) & family), Decimal(0))
    return net


def assert_credited_amounts_within_totals(invoices: list[dict]) -> None:
    for invoice in invoices:
        if invoice["type"] == "invoice":
            assert Decimal(invoice["credited_amount"]) <= Decimal(invoice["total"]), invoice["number"]


async def test_hours_added_then_taken_back_credit_no_invoice_beyond_its_total(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    acme = h["acme"]["id"]
    work = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"], hours="2.00")
    await bill(api, sessionmaker, acme)
    await adjust(api, work["id"], "3.00")
    await bill(api, sessionmaker, acme)  # one extra hour, on the second invoice
    await adjust(api, work["id"], "0.00")

    report = await bill(api, sessionmaker, acme)

    assert len(report["credit_notes_created"]) == 1
    assert await net_hours(api, acme, work["id"]) == Decimal("0.00")
    listed = await api.get("/v1/invoices", params={"customer_id": acme})
    assert listed.status_code == 200, listed.text
    corrected = (await api.get("/v1/time-entries", params={"adjusts_id": work["id"]})).json()["data"]
    assert sorted(e["adjustment_status"] for e in corrected) == ["settled", "settled"]
    # The extra hour is credited on the invoice that billed it, the first two hours on theirs.
    invoices = [d for d in await documents(api, acme) if d["type"] == "invoice"]
    assert sorted((d["total"], d["credited_amount"], d["status"]) for d in invoices) == [
        ("168.00", "168.00", "credited"), ("84.00", "84.00", "credited")]
    assert_credited_amounts_within_totals(await documents(api, acme))


async def test_time_taken_back_then_given_again_is_billed_again(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    acme = h["acme"]["id"]
    work = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"], hours="2.00")
    await bill(api, sessionmaker, acme)
    await adjust(api, work["id"], "0.00")
    await bill(api, sessionmaker, acme)  # everything credited: the invoice reads `credited`
    correction = await adjust(api, work["id"], "1.00")

    await bill(api, sessionmaker, acme)

    assert (await api.get(f"/v1/time-entries/{correction['id']}")).json()["adjustment_status"] == "settled"
    assert await net_hours(api, acme, work["id"]) == Decimal("1.00")


async def test_a_correction_of_a_replacement_turned_into_one_by_a_release_bills_the_time_once(helpdesk, sessionmaker):  # noqa: F811,E501
    api, h = helpdesk["api"], helpdesk
    acme = h["acme"]["id"]
    work = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"], hours="2.00")
    await adjust(api, work["id"], "1.50")  # never billed: replaces the original
    [invoice] = (await bill(api, sessionmaker, acme))["invoices_created"]
    await adjust(api, work["id"], "1.00")  # corrects the replacement's line
    credit = await api.post(f"/v1/invoices/{invoice['invoice_id']}/credit", json=CREDIT)
    assert credit.status_code == 201, credit.text

    await bill(api, sessionmaker, acme)

    assert await net_hours(api, acme, work["id"]) == Decimal("1.00")


async def test_a_release_after_hours_were_taken_back_rebills_the_corrected_hours(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    acme = h["acme"]["id"]
    work = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"], hours="2.00")
    [invoice] = (await bill(api, sessionmaker, acme))["invoices_created"]
    await adjust(api, work["id"], "1.50")
    await bill(api, sessionmaker, acme)  # 0.50 credited
    credit = await api.post(f"/v1/invoices/{invoice['invoice_id']}/credit", json=CREDIT)
    assert credit.status_code == 201, credit.text

    await bill(api, sessionmaker, acme)

    assert await net_hours(api, acme, work["id"]) == Decimal("1.50")


async def test_unbilled_time_corrected_to_nothing_is_previewed_and_billed_without_error(helpdesk, sessionmaker):  # noqa: F811,E501
    api, h = helpdesk["api"], helpdesk
    acme = h["acme"]["id"]
    kept = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"], hours="1.00")
    work = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"], hours="2.00")
    await adjust(api, work["id"], "0.00")  # never billed: the time should not be billed at all

    preview = await api.post("/v1/invoice-batches/preview", json={
        "customer_ids": [acme], "title": "November", "period_start": "2026-11-01", "period_end": "2026-11-30"})
    report = await bill(api, sessionmaker, acme)

    assert preview.status_code == 200, preview.text
    [invoice] = preview.json()["invoices"]
    assert invoice["hours"] == "1.00" and invoice["total"] == "84.00"
    [created] = report["invoices_created"]
    assert created["total"] == "84.00"
    billed = await api.get(f"/v1/invoices/{created['invoice_id']}")
    assert billed.status_code == 200, billed.text
    assert [l["time_entry_ids"] for l in billed.json()["lines"]] == [[kept["id"]]]
    assert await net_hours(api, acme, work["id"]) == Decimal("0.00")
    listed = await api.get("/v1/invoices", params={"customer_id": acme})
    assert listed.status_code == 200, listed.text
    corrected = (await api.get("/v1/time-entries", params={"adjusts_id": work["id"]})).json()["data"]
    assert [(e["adjustment_status"], e["invoice_id"]) for e in corrected] == [("settled", None)]
