"""Exports (SPEC §12): POST /v1/exports over a batch, invoice ids or issue dates; the file written by
the job in chunks and streamed back; the formats' exact columns; RFC 4180 quoting; skipped drafts and
credit notes; exported_at; settings.accounting; a lost job found again by the sweeper."""

import csv
import io
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update

from app.db import session_scope
from app.exports import service
from app.exports.formats import CSV_COLUMNS, QUICKBOOKS_COLUMNS, XERO_COLUMNS
from app.models import Export, ExportChunk
from tests import factories as f
from tests.test_credit_notes import billed, credit
from tests.test_invoice_batch_preview import helpdesk  # noqa: F401  (fixture)
from tests.test_invoice_batch_run import launch, report_of
from app.invoice_batches.runner import run_batch

TODAY = datetime.now(UTC).date()
TRICKY = 'Printer "HP 4000", floor 2\nreplaced toner; said "thanks", left'


async def export(api, sessionmaker, **body) -> dict:
    """Ask for an export, run its job here, and answer the export once written."""
    response = await api.post("/v1/exports", json=body)
    assert response.status_code == 202, response.text
    created = response.json()
    assert created["status"] == "pending"
    assert await service.write_file(sessionmaker, uuid.UUID(created["id"])) == "ready"
    return (await api.get(f"/v1/exports/{created['id']}")).json()


async def rows_of(api, export_id: str) -> list[dict]:
    response = await api.get(f"/v1/exports/{export_id}/file")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"), newline="")))


async def test_a_csv_export_of_a_batch_has_one_row_per_line_with_the_spec_columns(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)

    done = await export(api, sessionmaker, format="csv", batch_id=invoice["batch_id"])

    assert {k: done[k] for k in ("format", "status", "invoice_count", "skipped", "line_count")} == {
        "format": "csv", "status": "ready", "invoice_count": 1, "skipped": [], "line_count": 2}
    assert done["file_url"] == f"/v1/exports/{done['id']}/file" and done["created_at"]
    response = await api.get(done["file_url"])
    text = response.content.decode()
    assert text.split("\r\n")[0] == ",".join(CSV_COLUMNS) == (
        "invoice_number,type,issue_date,due_date,customer_external_id,customer_name,currency,line_position,"
        "description,quantity,unit,unit_price,line_amount,tax_rate,untaxed_amount,tax_amount,total,batch_id,"
        "time_entry_external_ids")
    rows = await rows_of(api, done["id"])
    assert [(r["invoice_number"], r["type"], r["line_position"], r["quantity"], r["unit_price"], r["line_amount"],
             r["tax_rate"], r["total"]) for r in rows] == [
        (invoice["number"], "invoice", "1", "1.50", "70.00", "105.00", "20.00", "168.00"),
        (invoice["number"], "invoice", "2", "0.50", "70.00", "35.00", "20.00", "168.00")]
    first = rows[0]
    assert (first["issue_date"], first["due_date"]) == (invoice["issue_date"], invoice["due_date"])
    assert (first["customer_external_id"], first["customer_name"], first["currency"], first["batch_id"]) == (
        "crm-acme", "Acme SARL", "EUR", invoice["batch_id"])
    assert first["description"] == invoice["lines"][0]["description"]
    assert first["time_entry_external_ids"] == ";".join(e for e in invoice["lines"][0]["time_entry_external_ids"] if e)
    after = (await api.get(f"/v1/invoices/{invoice['id']}")).json()
    assert after["exported_at"] is not None


async def test_a_description_with_commas_quotes_and_line_breaks_survives_the_round_trip(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    product = await f.product(api, code="ODD", unit_price="10.00", name="Odd, \"quoted\"", description=TRICKY)
    await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=product["id"],
                       started_at="2026-11-03T09:00:00Z", note=None)
    batch = await launch(api, customer_ids=[h["acme"]["id"]])
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    [created] = (await report_of(api, batch["id"]))["invoices_created"]
    invoice = (await api.get(f"/v1/invoices/{created['invoice_id']}")).json()
    assert TRICKY in invoice["lines"][0]["description"]

    for fmt, column in (("csv", "description"), ("xero", "*Description"), ("quickbooks", "Item Description")):
        done = await export(api, sessionmaker, format=fmt, invoice_ids=[invoice["id"]])
        [row] = await rows_of(api, done["id"])
        assert row[column] == invoice["lines"][0]["description"], fmt


async def test_xero_and_quickbooks_have_their_columns_dates_and_accounting_codes(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    patch = await api.patch("/v1/settings", json={"accounting": {"account_code": "706",
                                                                 "tax_types": {"20": "20% (VAT on Income)"}}})
    assert patch.status_code == 200, patch.text
    assert patch.json()["accounting"] == {"account_code": "706", "tax_types": {"20.00": "20% (VAT on Income)"}}
    invoice = await billed(helpdesk, sessionmaker)
    issue = datetime.fromisoformat(invoice["issue_date"]).strftime("%d/%m/%Y")
    due = datetime.fromisoformat(invoice["due_date"]).strftime("%d/%m/%Y")

    xero = await export(api, sessionmaker, format="xero", invoice_ids=[invoice["id"]])
    text = (await api.get(xero["file_url"])).content.decode()
    assert text.split("\r\n")[0] == ",".join(XERO_COLUMNS)
    row = (await rows_of(api, xero["id"]))[0]
    assert (row["*ContactName"], row["*InvoiceNumber"], row["*InvoiceDate"], row["*DueDate"], row["*Quantity"],
            row["*UnitAmount"], row["*AccountCode"], row["*TaxType"], row["Currency"], row["POCity"]) == (
        "Acme SARL", invoice["number"], issue, due, "1.50", "70.00", "706", "20% (VAT on Income)", "EUR",
        invoice["bill_to"]["address"]["city"])

    quickbooks = await export(api, sessionmaker, format="quickbooks", invoice_ids=[invoice["id"]])
    text = (await api.get(quickbooks["file_url"])).content.decode()
    assert text.split("\r\n")[0] == ",".join(QUICKBOOKS_COLUMNS)
    row = (await rows_of(api, quickbooks["id"]))[0]
    assert (row["Invoice no"], row["Customer"], row["Invoice Date"], row["Due Date"], row["Item Quantity"],
            row["Item Rate"], row["Item Amount"], row["Item Tax Code"], row["Currency"]) == (
        invoice["number"], "Acme SARL", issue, due, "1.50", "70.00", "105.00", "20% (VAT on Income)", "EUR")


async def test_an_unmapped_rate_is_written_as_the_rate_and_a_percent_sign(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)
    done = await export(api, sessionmaker, format="xero", invoice_ids=[invoice["id"]])
    row = (await rows_of(api, done["id"]))[0]
    assert (row["*TaxType"], row["*AccountCode"]) == ("20.00%", "")


async def test_drafts_and_credit_notes_are_skipped_with_their_reasons(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)
    note = (await credit(api, invoice["id"], {"release_time": True})).json()
    draft = await billed(helpdesk, sessionmaker, validate=False)

    xero = await export(api, sessionmaker, format="xero", invoice_ids=[invoice["id"], note["id"], draft["id"]])
    assert xero["invoice_count"] == 1
    assert xero["skipped"] == [{"invoice_id": note["id"], "reason": "credit_note_not_supported_by_format"},
                               {"invoice_id": draft["id"], "reason": "draft"}]
    as_csv = await export(api, sessionmaker, format="csv", invoice_ids=[invoice["id"], note["id"], draft["id"]])
    assert as_csv["invoice_count"] == 2 and as_csv["skipped"] == [{"invoice_id": draft["id"], "reason": "draft"}]
    rows = await rows_of(api, as_csv["id"])
    assert [r["type"] for r in rows] == ["invoice", "invoice", "credit_note", "credit_note"]
    assert (await api.get(f"/v1/invoices/{draft['id']}")).json()["exported_at"] is None


async def test_an_export_by_issue_dates_and_exported_at_is_the_first_export(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)
    first = await export(api, sessionmaker, format="csv", issued_from=TODAY.isoformat(), issued_to=TODAY.isoformat())
    assert first["invoice_count"] == 1
    exported_at = (await api.get(f"/v1/invoices/{invoice['id']}")).json()["exported_at"]
    again = await export(api, sessionmaker, format="csv", issued_from=TODAY.isoformat())
    assert again["invoice_count"] == 1
    assert (await api.get(f"/v1/invoices/{invoice['id']}")).json()["exported_at"] == exported_at
    none = await export(api, sessionmaker, format="csv", issued_to=(TODAY - timedelta(days=400)).isoformat())
    assert none["invoice_count"] == 0 and await rows_of(api, none["id"]) == [] and none["skipped"] == []
    listed = (await api.get("/v1/exports")).json()["data"]
    assert [e["id"] for e in listed] == [none["id"], again["id"], first["id"]]


async def test_an_export_by_issue_dates_lists_the_drafts_made_in_them_as_skipped(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)
    draft = await billed(helpdesk, sessionmaker, validate=False)
    assert draft["issue_date"] is None

    done = await export(api, sessionmaker, format="csv", issued_from=TODAY.isoformat(), issued_to=TODAY.isoformat())

    assert done["invoice_count"] == 1 and done["skipped"] == [{"invoice_id": draft["id"], "reason": "draft"}]
    assert {row["invoice_number"] for row in await rows_of(api, done["id"])} == {invoice["number"]}
    earlier = await export(api, sessionmaker, format="csv", issued_to=(TODAY - timedelta(days=1)).isoformat())
    assert earlier["skipped"] == [] and earlier["invoice_count"] == 0


async def test_the_file_is_not_ready_while_pending(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    created = (await api.post("/v1/exports", json={"format": "csv", "issued_from": "2026-01-01"})).json()
    response = await api.get(f"/v1/exports/{created['id']}/file")
    assert response.status_code == 409 and response.json()["code"] == "export_not_ready"


async def test_a_failed_export_says_so(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    created = (await api.post("/v1/exports", json={"format": "csv", "issued_from": "2026-01-01"})).json()
    async with session_scope(sessionmaker) as session:
        await session.execute(update(Export).where(Export.id == uuid.UUID(created["id"]))
                              .values(status="failed", error="boom"))
    response = await api.get(f"/v1/exports/{created['id']}/file")
    assert response.status_code == 409 and response.json()["code"] == "export_failed"


async def test_bad_export_requests_name_the_field_and_create_nothing(helpdesk, sessionmaker, other_api):  # noqa: F811
    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)
    for body, field in (({"format": "sage", "issued_from": "2026-01-01"}, "format"),
                        ({"format": "csv"}, "batch_id"),
                        ({"format": "csv", "batch_id": str(uuid.uuid4()), "issued_from": "2026-01-01"}, "batch_id"),
                        ({"format": "csv", "batch_id": str(uuid.uuid4())}, "batch_id"),
                        ({"format": "csv", "invoice_ids": [invoice["id"], str(uuid.uuid4())]}, "invoice_ids[1]"),
                        ({"format": "csv", "invoice_ids": []}, "invoice_ids"),
                        ({"format": "csv", "issued_from": "2026-02-01", "issued_to": "2026-01-01"}, "issued_to"),
                        ({"format": "csv", "issued_from": "01/02/2026"}, "issued_from"),
                        ({"format": "csv", "issued_from": "2026-01-01", "status": "ready"}, "status")):
        response = await api.post("/v1/exports", json=body)
        assert response.status_code == 422, (body, response.text)
        assert field in [e["field"] for e in response.json()["errors"]], (body, response.json())
    other = await other_api.post("/v1/exports", json={"format": "csv", "invoice_ids": [invoice["id"]]})
    assert other.status_code == 422
    assert (await api.get("/v1/exports")).json()["data"] == []
    assert (await other_api.get("/v1/exports")).json()["data"] == []


async def test_the_same_idempotency_key_makes_one_export(helpdesk, sessionmaker, other_api):  # noqa: F811
    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)
    body = {"format": "csv", "batch_id": invoice["batch_id"]}
    key = {"Idempotency-Key": "export-nov-1"}

    first, again = [await api.post("/v1/exports", json=body, headers=key) for _ in range(2)]

    assert first.status_code == again.status_code == 202 and first.json() == again.json()
    other_body = await api.post("/v1/exports", json={**body, "format": "xero"}, headers=key)
    assert other_body.status_code == 409 and other_body.json()["code"] == "idempotency_key_reused"
    assert [e["id"] for e in (await api.get("/v1/exports")).json()["data"]] == [first.json()["id"]]
    # Keys are the tenant's own: another tenant's same key makes its own export.
    other = await other_api.post("/v1/exports", json={"format": "csv", "issued_from": "2026-01-01"}, headers=key)
    assert other.status_code == 202 and other.json()["id"] != first.json()["id"]
    # A refused request keeps no key: sent again valid, it makes its export.
    fresh = {"Idempotency-Key": "export-nov-2"}
    assert (await api.post("/v1/exports", json={"format": "csv"}, headers=fresh)).status_code == 422
    assert (await api.post("/v1/exports", json=body, headers=fresh)).status_code == 202
    assert len((await api.get("/v1/exports")).json()["data"]) == 2


async def test_another_tenants_export_is_not_found(helpdesk, sessionmaker, other_api):  # noqa: F811
    api = helpdesk["api"]
    done = await export(api, sessionmaker, format="csv", issued_from="2026-01-01")
    assert (await other_api.get(f"/v1/exports/{done['id']}")).status_code == 404
    assert (await other_api.get(f"/v1/exports/{done['id']}/file")).status_code == 404


async def test_a_large_file_is_written_in_several_chunks_and_read_back_whole(helpdesk, sessionmaker, monkeypatch):  # noqa: F811
    api = helpdesk["api"]
    monkeypatch.setattr(service, "CHUNK_BYTES", 200)
    invoice = await billed(helpdesk, sessionmaker, hours=tuple(f"{n % 9 + 1}.25" for n in range(25)))
    done = await export(api, sessionmaker, format="csv", invoice_ids=[invoice["id"]])
    async with session_scope(sessionmaker) as session:
        chunks = await session.scalar(select(func.count()).where(ExportChunk.export_id == uuid.UUID(done["id"])))
    assert chunks > 5
    rows = await rows_of(api, done["id"])
    assert [r["line_position"] for r in rows] == [str(n) for n in range(1, 26)]


class FakeRedis:
    def __init__(self):
        self.jobs = []

    async def enqueue_job(self, function, *args, _job_id=None, **_):
        self.jobs.append((function, args, _job_id))


async def test_an_export_whose_job_was_lost_is_queued_again_with_a_fresh_job_id(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    created = (await api.post("/v1/exports", json={"format": "csv", "issued_from": "2026-01-01"})).json()
    redis = FakeRedis()
    await service.requeue_lost(sessionmaker, redis)  # other tests' exports may be found: only this one matters
    assert [j for j in redis.jobs if j[1] == (created["id"],)] == []  # younger than 30 s: its job may be on its way
    async with session_scope(sessionmaker) as session:
        await session.execute(update(Export).where(Export.id == uuid.UUID(created["id"]))
                              .values(requested_at=datetime.now(UTC) - timedelta(seconds=31)))

    assert await service.requeue_lost(sessionmaker, redis) >= 1

    [job] = [j for j in redis.jobs if j[1] == (created["id"],)]
    assert job[0] == "write_export" and job[2].startswith(f"export:{created['id']}:")
    assert await service.write_file(sessionmaker, uuid.UUID(created["id"])) == "ready"
    assert await service.write_file(sessionmaker, uuid.UUID(created["id"])) == "not pending"


async def test_two_copies_of_the_job_at_once_write_the_file_once(helpdesk, sessionmaker):  # noqa: F811
    """arq may run a job twice at the same time: the second finds the export locked and leaves."""
    import asyncio

    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)
    created = (await api.post("/v1/exports", json={"format": "csv", "invoice_ids": [invoice["id"]]})).json()

    results = await asyncio.gather(*(service.write_file(sessionmaker, uuid.UUID(created["id"])) for _ in range(2)))

    assert sorted(results) == ["not pending", "ready"]
    assert len(await rows_of(api, created["id"])) == 2
