"""Running a batch (in this process, through the same code a worker runs): invoices, numbers,
reasons, the report, and the guarantees against double billing."""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from app.invoice_batches.runner import run_batch
from tests import factories as f
from tests.test_invoice_batch_preview import NOVEMBER, helpdesk  # noqa: F401  (fixture)

YEAR = datetime.now(UTC).year


async def launch(api, **body) -> dict:
    response = await api.post("/v1/invoice-batches", json={**NOVEMBER, **body})
    assert response.status_code == 202, response.text
    return response.json()


async def report_of(api, batch_id: str) -> dict:
    response = await api.get(f"/v1/invoice-batches/{batch_id}/report")
    assert response.status_code == 200, response.text
    return response.json()


async def test_batch_produces_what_the_preview_announced(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    for reference in ("ticket", "contact_ticket"):
        await f.time_entry(api, work_item_id=h[reference]["id"], product_id=h["support"]["id"], hours="1.25")
    await f.time_entry(api, work_item_id=h["globex_ticket"]["id"], hours="0.50", started_at="2026-11-10T08:00:00Z")
    body = {"customer_ids": [h["acme"]["id"], h["globex"]["id"]]}
    preview = (await api.post("/v1/invoice-batches/preview", json={**NOVEMBER, **body})).json()

    batch = await launch(api, **body)
    result = await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    report = await report_of(api, batch["id"])

    assert result["status"] == report["status"] == "completed_with_errors"  # Globex has no address
    assert report["totals"] == preview["totals"]
    created = {i["customer_id"]: i for i in report["invoices_created"]}
    assert {c: i["total"] for c, i in created.items()} == {i["customer_id"]: i["total"] for i in preview["invoices"]}
    assert created[h["acme"]["id"]]["number"] == f"INV-{YEAR}-000001"
    assert created[h["acme"]["id"]]["status"] == "validated"
    assert created[h["globex"]["id"]]["number"] is None
    assert report["invoices_not_validated"] == [{
        "invoice_id": created[h["globex"]["id"]]["invoice_id"], "customer_id": h["globex"]["id"],
        "customer_external_id": "crm-globex",
        "reasons": [{"code": "missing_billing_address", "message": "The customer has no billing address."}]}]
    done = (await api.get(f"/v1/invoice-batches/{batch['id']}")).json()
    assert done["progress"] == {"customers_total": 2, "customers_done": 2} and done["finished_at"]


async def test_billed_entries_are_linked_and_read_only(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    entry = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    batch = await launch(api, customer_ids=[h["acme"]["id"]])
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    billed = (await api.get(f"/v1/time-entries/{entry['id']}")).json()
    assert billed["invoice_id"] == (await report_of(api, batch["id"]))["invoices_created"][0]["invoice_id"]
    assert billed["invoice_line_id"] is not None
    assert (await api.patch(f"/v1/time-entries/{entry['id']}", json={"hours": "2.00"})).status_code == 409


async def test_running_a_batch_again_changes_nothing(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    batch = await launch(api, customer_ids=[h["acme"]["id"]])
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    first = await report_of(api, batch["id"])
    assert (await run_batch(sessionmaker, uuid.UUID(batch["id"])))["status"] == "succeeded"
    assert await report_of(api, batch["id"]) == first


async def test_two_batches_started_together_bill_each_entry_once(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    for n in range(20):
        await f.time_entry(api, work_item_id=h["contact_ticket" if n % 2 else "ticket"]["id"],
                           product_id=h["support"]["id"], started_at=f"2026-11-{n + 1:02d}T09:00:00Z")
    first = await launch(api, customer_ids=[h["acme"]["id"]])
    second = await launch(api, customer_ids=[h["jeanne"]["id"], h["acme"]["id"]])
    await asyncio.gather(run_batch(sessionmaker, uuid.UUID(first["id"])),
                         run_batch(sessionmaker, uuid.UUID(second["id"])))
    reports = [await report_of(api, b["id"]) for b in (first, second)]
    invoices = [i for r in reports for i in r["invoices_created"]]
    assert len(invoices) == 1  # one batch took Acme's time, the other found nothing left
    assert sum(r["totals"]["hours"] == "30.00" for r in reports) == 1
    assert sum(r["customers_without_times"] == [h["acme"]["id"]] for r in reports) == 1


async def test_product_mandatory_leaves_time_unbilled_with_its_reason(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    bare = await f.time_entry(api, work_item_id=h["ticket"]["id"])
    kept = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"],
                              started_at="2026-11-06T09:00:00Z")
    batch = await launch(api, customer_ids=[h["acme"]["id"]], product_mandatory=True)
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    report = await report_of(api, batch["id"])
    assert [u["time_entry_id"] for u in report["unbilled_times"]] == [bare["id"]]
    assert report["unbilled_times"][0]["reasons"][0]["code"] == "missing_product"
    assert (await api.get(f"/v1/time-entries/{bare['id']}")).json()["invoice_id"] is None
    assert (await api.get(f"/v1/time-entries/{kept['id']}")).json()["invoice_id"] is not None
    assert report["status"] == "completed_with_errors"


async def test_concurrent_batches_number_invoices_without_gaps(api, sessionmaker):
    product = await f.product(api)
    assert (await api.patch("/v1/settings", json={"default_product_id": product["id"]})).status_code == 200
    customers = []
    for n in range(12):
        customer = await f.customer(api, name=f"Customer {n}")
        item = await f.work_item(api, customer_id=customer["id"], reference=f"T-{n}")
        await f.time_entry(api, work_item_id=item["id"])
        customers.append(customer["id"])
    batches = [await launch(api, customer_ids=customers[k::3]) for k in range(3)]
    await asyncio.gather(*(run_batch(sessionmaker, uuid.UUID(b["id"])) for b in batches))
    numbers = []
    for batch in batches:
        numbers += [i["number"] for i in (await report_of(api, batch["id"]))["invoices_created"]]
    numbers.sort()
    assert numbers == [f"INV-{YEAR}-{n:06d}" for n in range(1, 13)]


async def test_invoice_shows_lines_terms_and_the_entries_it_bills(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    entry = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    await api.patch("/v1/settings", json={"terms": {"payment_terms_days": 30, "bank_details": "IBAN FR76"}})
    batch = await launch(api, customer_ids=[h["acme"]["id"]])
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    [invoice] = (await api.get("/v1/invoices", params={"batch_id": batch["id"]})).json()["data"]
    assert invoice == (await api.get(f"/v1/invoices/{invoice['id']}")).json()
    assert invoice["status"] == "validated" and invoice["number"] == f"INV-{YEAR}-000001"
    assert invoice["bill_to"]["name"] == "Acme SARL" and invoice["bill_to"]["address"]["city"] == "Paris"
    assert invoice["subtitle"] == "Period from 01/11/2026 to 30/11/2026"
    [line] = invoice["lines"]
    assert line["time_entry_ids"] == [entry["id"]] and line["amount"] == "105.00"
    assert (invoice["untaxed_amount"], invoice["tax_amount"], invoice["total"]) == ("105.00", "21.00", "126.00")
    assert invoice["terms"]["bank_details"] == "IBAN FR76"
    issue = datetime.fromisoformat(invoice["issue_date"])
    assert datetime.fromisoformat(invoice["due_date"]) - issue == timedelta(days=30)
    assert invoice["delivery"] == {"status": "not_requested", "attempts": 0, "last_error": None, "reason": None}
    assert (await api.delete(f"/v1/invoices/{invoice['id']}")).json()["code"] == "invoice_validated"
    assert (await api.post(f"/v1/invoices/{invoice['id']}/validate")).status_code == 409


@pytest.mark.parametrize("entries", [1, 3])
@pytest.mark.parametrize(("name", "unit"), [("Support", "hour"), ("Sup\x1fport, \"on site\"", "h\x1e")])
async def test_invoice_lines_keep_their_text_and_amounts_whatever_their_characters(
        helpdesk, sessionmaker, entries, name, unit):  # noqa: F811
    """The lines travel to PostgreSQL packed into one text per column: a product whose name or unit
    holds the packing's separators, a one-line invoice and a longer one all come back as planned."""
    api, h = helpdesk["api"], helpdesk
    product = await f.product(api, code="ODD", name=name, unit=unit, description=None, unit_price="80.00")
    hours = ["1.25", "0.10", "7.00"][:entries]
    for n, value in enumerate(hours):
        await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=product["id"], hours=value,
                           started_at=f"2026-11-0{n + 2}T09:00:00Z")
    batch = await launch(api, customer_ids=[h["acme"]["id"]])
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    [invoice] = (await api.get("/v1/invoices", params={"batch_id": batch["id"]})).json()["data"]
    lines = invoice["lines"]
    assert [line["quantity"] for line in lines] == hours
    assert [line["amount"] for line in lines] == [str(Decimal(v) * 80) for v in hours]
    assert all(line["unit"] == unit and line["description"].startswith(name) for line in lines)
    assert all(len(line["time_entry_ids"]) == 1 for line in lines)


async def test_a_draft_can_be_validated_later_or_deleted_to_free_its_time(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    entry = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    batch = await launch(api, customer_ids=[h["acme"]["id"]], validate=False)
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    [draft] = (await api.get("/v1/invoices", params={"status": "draft"})).json()["data"]
    assert draft["number"] is None and draft["issue_date"] is None

    assert (await api.delete(f"/v1/invoices/{draft['id']}")).status_code == 204
    freed = (await api.get(f"/v1/time-entries/{entry['id']}")).json()
    assert freed["invoice_id"] is None and freed["invoice_line_id"] is None

    again = await launch(api, customer_ids=[h["acme"]["id"]], validate=False)
    await run_batch(sessionmaker, uuid.UUID(again["id"]))
    [draft] = (await api.get("/v1/invoices", params={"batch_id": again["id"]})).json()["data"]
    validated = await api.post(f"/v1/invoices/{draft['id']}/validate")
    assert validated.status_code == 200, validated.text
    assert validated.json()["number"] == f"INV-{YEAR}-000001" and validated.json()["status"] == "validated"


async def test_a_draft_without_address_cannot_be_validated(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    await f.time_entry(api, work_item_id=h["globex_ticket"]["id"], product_id=h["support"]["id"])
    batch = await launch(api, customer_ids=[h["globex"]["id"]])
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    [draft] = (await api.get("/v1/invoices", params={"batch_id": batch["id"]})).json()["data"]
    response = await api.post(f"/v1/invoices/{draft['id']}/validate")
    assert response.status_code == 422 and response.json()["errors"][0]["code"] == "missing_billing_address"
    assert (await api.get(f"/v1/invoices/{draft['id']}")).json()["number"] is None


async def test_another_tenants_invoice_is_not_found(helpdesk, sessionmaker, other_api):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    batch = await launch(api, customer_ids=[h["acme"]["id"]], validate=False)
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    [draft] = (await api.get("/v1/invoices")).json()["data"]
    for method, path in (("GET", ""), ("POST", "/validate"), ("DELETE", "")):
        response = await other_api.request(method, f"/v1/invoices/{draft['id']}{path}")
        assert response.status_code == 404
    assert (await other_api.get(f"/v1/invoice-batches/{batch['id']}/report")).status_code == 404
    assert (await api.get(f"/v1/invoices/{draft['id']}")).json()["status"] == "draft"
