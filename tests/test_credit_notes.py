"""Credit notes (SPEC §10): POST /v1/invoices/{id}/credit, their own numbering, releasing time, the
report's credit_notes_created, and the database's promise that a time entry is on at most one line
of an invoice that is not credited."""

import asyncio
import uuid
from datetime import UTC, datetime
from decimal import Decimal

import httpx
import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from app.db import session_scope
from app.invoice_batches.runner import run_batch
from app.models import WebhookEvent
from tests import factories as f
from tests.test_invoice_batch_preview import helpdesk  # noqa: F401  (fixture)
from tests.test_invoice_batch_run import launch, report_of
from tests.test_invoice_delivery import mailer, outbox_row_id, pdf_text, smtp  # noqa: F401  (fixtures)
from tests.webhook_helpers import endpoint
from workers.tasks import send_email

YEAR = datetime.now(UTC).year
CREDIT = {"reason": "Billed by mistake", "release_time": True, "send": False}


async def billed(h, sessionmaker, *, hours=("1.50", "0.50"), validate=True) -> dict:
    """Acme's time billed by a batch: the invoice."""
    api = h["api"]
    for n, amount in enumerate(hours):
        await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"], hours=amount,
                           started_at=f"2026-11-{n + 2:02d}T09:00:00Z")
    batch = await launch(api, customer_ids=[h["acme"]["id"]], validate=validate)
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    [created] = (await report_of(api, batch["id"]))["invoices_created"]
    return (await api.get(f"/v1/invoices/{created['invoice_id']}")).json()


async def credit(api, invoice_id: str, body=None, **headers) -> httpx.Response:
    return await api.post(f"/v1/invoices/{invoice_id}/credit", json=body or CREDIT, headers=headers)


async def test_crediting_an_invoice_answers_the_validated_credit_note(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await billed(h, sessionmaker)
    assert (invoice["type"], invoice["credited_amount"], invoice["credited_invoice_ids"]) == ("invoice", "0.00", [])

    response = await credit(api, invoice["id"])

    assert response.status_code == 201, response.text
    note = response.json()
    assert note["type"] == "credit_note" and note["status"] == "validated"
    assert note["number"] == f"CN-{YEAR}-000001"
    assert note["credited_invoice_ids"] == [invoice["id"]]
    assert note["credit_reason"] == "Billed by mistake"
    for field in ("bill_to", "currency", "terms", "title", "subtitle", "customer_id"):
        assert note[field] == invoice[field], field
    assert note["batch_id"] is None and note["due_date"] is None and note["issue_date"]
    assert (note["untaxed_amount"], note["tax_amount"], note["total"]) == (
        invoice["untaxed_amount"], invoice["tax_amount"], invoice["total"]) == ("140.00", "28.00", "168.00")
    assert note["taxes"] == invoice["taxes"]
    assert [(l["time_entry_ids"], l["product_id"], l["quantity"], l["unit_price"], l["amount"], l["tax_rate"],
             l["description"], l["credited_invoice_id"]) for l in note["lines"]] == [
        (l["time_entry_ids"], l["product_id"], l["quantity"], l["unit_price"], l["amount"], l["tax_rate"],
         l["description"], invoice["id"]) for l in invoice["lines"]]
    after = (await api.get(f"/v1/invoices/{invoice['id']}")).json()
    assert after["status"] == "credited" and after["credited_amount"] == "168.00"
    # Its content never changes: only status, credited_amount and the lines' released flag move.
    unchanged = ("number", "lines", "total", "issue_date", "due_date", "taxes", "bill_to")
    assert {k: after[k] for k in unchanged if k != "lines"} == {k: invoice[k] for k in unchanged if k != "lines"}
    assert [{**l, "released": False} for l in after["lines"]] == invoice["lines"]
    assert all(l["released"] for l in after["lines"])
    assert (await api.get(f"/v1/invoices/{note['id']}")).json() == note


async def test_credit_notes_are_listed_by_type(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await billed(h, sessionmaker)
    note = (await credit(api, invoice["id"])).json()
    notes = (await api.get("/v1/invoices", params={"type": "credit_note"})).json()["data"]
    invoices = (await api.get("/v1/invoices", params={"type": "invoice"})).json()["data"]
    assert [n["id"] for n in notes] == [note["id"]]
    assert [i["id"] for i in invoices] == [invoice["id"]]
    credited = (await api.get("/v1/invoices", params={"status": "credited"})).json()["data"]
    assert [i["id"] for i in credited] == [invoice["id"]]
    assert (await api.get("/v1/invoices", params={"type": "receipt"})).status_code == 422


async def test_a_draft_cannot_be_credited(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    draft = await billed(h, sessionmaker, validate=False)
    response = await credit(api, draft["id"])
    assert response.status_code == 409
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "invoice_not_validated"
    assert (await api.get("/v1/invoices", params={"type": "credit_note"})).json()["data"] == []


async def test_nothing_left_and_credit_notes_themselves_answer_409(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await billed(h, sessionmaker)
    note = (await credit(api, invoice["id"], {**CREDIT, "release_time": False})).json()
    again = await credit(api, invoice["id"])
    assert again.status_code == 409 and again.json()["code"] == "nothing_to_credit"
    of_note = await credit(api, note["id"])
    assert of_note.status_code == 409 and of_note.json()["code"] == "credit_note_not_creditable"
    assert len((await api.get("/v1/invoices", params={"type": "credit_note"})).json()["data"]) == 1


async def test_bad_credit_requests_are_refused_naming_the_field(helpdesk, sessionmaker, other_api):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await billed(h, sessionmaker)
    for body, field in (({**CREDIT, "send": "yes"}, "send"),
                        ({**CREDIT, "amount": "10.00"}, "amount"), ({**CREDIT, "reason": "  "}, "reason")):
        response = await credit(api, invoice["id"], body)
        assert response.status_code == 422, body
        assert field in response.text
    assert (await credit(other_api, invoice["id"])).status_code == 404
    assert (await credit(api, "not-an-id")).status_code == 404
    assert (await api.get(f"/v1/invoices/{invoice['id']}")).json()["status"] == "validated"


async def test_a_credited_invoice_stays_immutable(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await billed(h, sessionmaker)
    await credit(api, invoice["id"])
    assert (await api.delete(f"/v1/invoices/{invoice['id']}")).status_code == 409
    assert (await api.post(f"/v1/invoices/{invoice['id']}/validate")).status_code == 409
    pdf = await api.get(f"/v1/invoices/{invoice['id']}/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "Invoice" in pdf_text(pdf.content) and invoice["number"] in pdf_text(pdf.content)


async def test_a_credit_note_pdf_is_titled_credit_note_and_names_the_invoice(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await billed(h, sessionmaker)
    note = (await credit(api, invoice["id"])).json()
    pdf = await api.get(f"/v1/invoices/{note['id']}/pdf")
    assert pdf.status_code == 200
    assert f'filename="{note["number"]}.pdf"' in pdf.headers["content-disposition"]
    printed = pdf_text(pdf.content)
    assert "Credit note" in printed and "Invoice\n" not in printed
    assert note["number"] in printed and invoice["number"] in printed
    assert "Billed by mistake" in printed and "168.00 EUR" in printed


async def test_two_credits_at_once_make_one_credit_note(helpdesk, sessionmaker, app):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await billed(h, sessionmaker)
    # Two clients, so that the two requests run on two connections at the same time.
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test",
                                 headers=api.http.headers) as second:
        answers = await asyncio.gather(credit(api, invoice["id"]), credit(second, invoice["id"]))
    assert sorted(a.status_code for a in answers) == [201, 409]
    [refused] = [a for a in answers if a.status_code == 409]
    assert refused.json()["code"] == "nothing_to_credit"
    assert len((await api.get("/v1/invoices", params={"type": "credit_note"})).json()["data"]) == 1
    assert (await api.get(f"/v1/invoices/{invoice['id']}")).json()["credited_amount"] == "168.00"


async def test_idempotency_key_answers_the_first_credit_note_again(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await billed(h, sessionmaker)
    first = await credit(api, invoice["id"], **{"Idempotency-Key": "credit-1"})
    again = await credit(api, invoice["id"], **{"Idempotency-Key": "credit-1"})
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    other = await credit(api, invoice["id"], {**CREDIT, "reason": "Another"}, **{"Idempotency-Key": "credit-1"})
    assert other.status_code == 409 and other.json()["code"] == "idempotency_key_reused"
    assert len((await api.get("/v1/invoices", params={"type": "credit_note"})).json()["data"]) == 1


async def test_credit_notes_number_in_their_own_gapless_sequence(helpdesk, sessionmaker, app):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    assert (await api.get("/v1/settings")).json()["credit_note_number_prefix"] == "CN-"
    invoices = []
    for n in range(6):
        work_item = await f.work_item(api, customer_id=h["acme"]["id"], reference=f"T-{n}")
        await f.time_entry(api, work_item_id=work_item["id"], product_id=h["support"]["id"])
        batch = await launch(api, customer_ids=[h["acme"]["id"]])
        await run_batch(sessionmaker, uuid.UUID(batch["id"]))
        [created] = (await report_of(api, batch["id"]))["invoices_created"]
        invoices.append(created)
    assert [i["number"] for i in invoices] == [f"INV-{YEAR}-{n:06d}" for n in range(1, 7)]
    clients = [httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test",
                                 headers=api.http.headers) for _ in invoices]
    try:
        answers = await asyncio.gather(*(client.post(f"/v1/invoices/{i['invoice_id']}/credit", json=CREDIT)
                                         for client, i in zip(clients, invoices, strict=True)))
    finally:
        for client in clients:
            await client.aclose()
    assert [a.status_code for a in answers] == [201] * 6
    notes = (await api.get("/v1/invoices", params={"type": "credit_note", "order": "asc"})).json()["data"]
    assert sorted(n["number"] for n in notes) == [f"CN-{YEAR}-{n:06d}" for n in range(1, 7)]
    # Each invoice credited once, by its own number; never an issue date earlier than a lower number's.
    assert sorted(n["credited_invoice_ids"][0] for n in notes) == sorted(i["invoice_id"] for i in invoices)
    by_number = sorted(notes, key=lambda n: n["number"])
    assert [n["issue_date"] for n in by_number] == sorted(n["issue_date"] for n in notes)
    # Strictly increasing in the order the credits took the counter: each was validated (under the
    # counter's row lock, held to its commit) after every lower number.
    async with session_scope(sessionmaker) as session:
        numbers = (await session.scalars(text(
            "SELECT number FROM invoices WHERE tenant_id = :tenant AND type = 'credit_note' ORDER BY validated_at"),
            {"tenant": api.tenant_id})).all()
    assert numbers == [f"CN-{YEAR}-{n:06d}" for n in range(1, 7)]
    # Invoice numbers are untouched: the next invoice continues the invoice sequence.
    await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    batch = await launch(api, customer_ids=[h["acme"]["id"]])
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    [created] = (await report_of(api, batch["id"]))["invoices_created"]
    assert created["number"] == f"INV-{YEAR}-000007"


async def test_credit_note_prefix_is_a_setting(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    patched = await api.patch("/v1/settings", json={"credit_note_number_prefix": "AV-",
                                                     "invoice_number_yearly_reset": False})
    assert patched.status_code == 200 and patched.json()["credit_note_number_prefix"] == "AV-"
    assert (await api.patch("/v1/settings", json={"credit_note_number_prefix": None})).status_code == 422
    invoice = await billed(h, sessionmaker)
    assert (await credit(api, invoice["id"])).json()["number"] == "AV-000001"


async def _lines_per_entry(sessionmaker, entry_ids: list[str]) -> dict[str, list[tuple]]:
    async with session_scope(sessionmaker) as session:
        rows = (await session.execute(text(
            "SELECT l.time_entry_id, i.type, i.status, l.released FROM invoice_lines l "
            "JOIN invoices i ON i.id = l.invoice_id WHERE l.time_entry_id = ANY(CAST(:ids AS uuid[])) "
            "ORDER BY i.created_at, i.type"), {"ids": entry_ids})).all()
    lines: dict[str, list[tuple]] = {entry: [] for entry in entry_ids}
    for row in rows:
        lines[str(row.time_entry_id)].append((row.type, row.status, row.released))
    return lines


async def test_released_time_is_billed_again_once_and_history_keeps_every_line(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    first = await billed(h, sessionmaker)
    entries = [entry for line in first["lines"] for entry in line["time_entry_ids"]]
    await credit(api, first["id"])
    for entry in entries:
        released = (await api.get(f"/v1/time-entries/{entry}")).json()
        assert (released["invoice_id"], released["invoice_line_id"]) == (None, None)
    # A later batch bills them again, at that day's prices (the negotiated price changed).
    prices = (await api.get("/v1/prices", params={"customer_id": h["acme"]["id"]})).json()["data"]
    assert (await api.patch(f"/v1/prices/{prices[0]['id']}", json={"unit_price": "75.00"})).status_code == 200
    batch = await launch(api, customer_ids=[h["acme"]["id"]])
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    [created] = (await report_of(api, batch["id"]))["invoices_created"]
    second = (await api.get(f"/v1/invoices/{created['invoice_id']}")).json()
    assert second["id"] != first["id"] and second["number"] == f"INV-{YEAR}-000002"
    assert {l["id"] for l in second["lines"]}.isdisjoint({l["id"] for l in first["lines"]})
    assert [l["unit_price"] for l in second["lines"]] == ["75.00", "75.00"] and second["total"] == "180.00"
    for entry in entries:
        assert (await api.get(f"/v1/time-entries/{entry}")).json()["invoice_id"] == second["id"]
    # Crediting again: time released again; nothing is ever counted twice.
    assert (await credit(api, second["id"])).status_code == 201
    lines = await _lines_per_entry(sessionmaker, entries)
    for entry in entries:
        assert lines[entry] == [("invoice", "credited", True), ("credit_note", "validated", False),
                                ("invoice", "credited", True), ("credit_note", "validated", False)]
    # Through the API: each entry is on one line of each of the four documents, and on no line of an
    # invoice that is not credited.
    documents = (await api.get("/v1/invoices", params={"customer_id": h["acme"]["id"], "limit": 100})).json()["data"]
    assert len(documents) == 4
    for entry in entries:
        on = [(d["type"], d["status"]) for d in documents for l in d["lines"] if entry in l["time_entry_ids"]]
        assert sorted(on) == sorted([("invoice", "credited"), ("credit_note", "validated")] * 2)
        assert not [d for d in documents if d["type"] == "invoice" and d["status"] != "credited"
                    and any(entry in l["time_entry_ids"] for l in d["lines"])]
    # A third batch bills them once more, and a second active line is refused by the database.
    batch = await launch(api, customer_ids=[h["acme"]["id"]])
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    [third] = (await report_of(api, batch["id"]))["invoices_created"]
    with pytest.raises(IntegrityError, match="uq_invoice_lines_time_entry_id_active"):
        async with session_scope(sessionmaker) as session:
            await session.execute(text(
                "INSERT INTO invoice_lines (id, tenant_id, invoice_id, position, time_entry_id, product_id, "
                "description, quantity, hours_worked, unit, unit_price, amount, tax_rate) "
                "SELECT gen_random_uuid(), tenant_id, invoice_id, 99, time_entry_id, product_id, description, "
                "quantity, hours_worked, unit, unit_price, amount, tax_rate FROM invoice_lines "
                "WHERE invoice_id = :invoice LIMIT 1"),
                {"invoice": uuid.UUID(third["invoice_id"])})


async def test_credit_without_release_keeps_the_time_billed(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await billed(h, sessionmaker)
    await credit(api, invoice["id"], {**CREDIT, "release_time": False})
    entry = invoice["lines"][0]["time_entry_ids"][0]
    assert (await api.get(f"/v1/time-entries/{entry}")).json()["invoice_id"] == invoice["id"]
    assert not any(l["released"] for l in (await api.get(f"/v1/invoices/{invoice['id']}")).json()["lines"])
    batch = await launch(api, customer_ids=[h["acme"]["id"]])
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    report = await report_of(api, batch["id"])
    assert report["invoices_created"] == [] and report["customers_without_times"] == [h["acme"]["id"]]


async def test_credit_note_validated_event_carries_the_credit_note(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    hook = await endpoint(api, url="http://127.0.0.1:9/hook", events=["credit_note.validated"])
    invoice = await billed(h, sessionmaker)
    note = (await credit(api, invoice["id"])).json()
    async with session_scope(sessionmaker) as session:
        [event] = (await session.scalars(select(WebhookEvent).where(
            WebhookEvent.tenant_id == api.tenant_id, WebhookEvent.type == "credit_note.validated"))).all()
    assert event.payload["data"]["id"] == note["id"]
    assert event.payload["data"]["credited_invoice_ids"] == [invoice["id"]]
    assert event.payload["data"]["total"] == "168.00"
    deliveries = (await api.get(f"/v1/webhook-endpoints/{hook['id']}/deliveries")).json()["data"]
    assert [d["event_type"] for d in deliveries] == ["credit_note.validated"]


async def test_batch_report_lists_credit_notes_apart_from_invoices(helpdesk, sessionmaker):  # noqa: F811
    """A batch's credit notes (made by adjustments, SPEC §10) are in credit_notes_created with the
    invoices they credit, and never in the invoice selections or totals."""
    api, h = helpdesk["api"], helpdesk
    invoice = await billed(h, sessionmaker)
    await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"],
                       started_at="2026-11-20T09:00:00Z")
    batch = await launch(api, customer_ids=[h["acme"]["id"]])
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    before = await report_of(api, batch["id"])
    note = (await credit(api, invoice["id"], {**CREDIT, "release_time": False})).json()
    async with session_scope(sessionmaker) as session:  # as a batch's adjustments would make it
        await session.execute(text("UPDATE invoices SET batch_id = :batch WHERE id = :note"),
                              {"batch": uuid.UUID(batch["id"]), "note": uuid.UUID(note["id"])})
    report = await report_of(api, batch["id"])
    assert report["credit_notes_created"] == [{
        "invoice_id": note["id"], "customer_id": h["acme"]["id"], "customer_external_id": "crm-acme",
        "number": note["number"], "status": "validated", "total": "168.00", "currency": "EUR",
        "credited_invoice_ids": [invoice["id"]]}]
    assert report["counts"]["credit_notes_created"] == 1
    for same in ("invoices_created", "invoices_not_validated", "invoices_not_sent", "totals"):
        assert report[same] == before[same], same
    assert report["counts"]["invoices_created"] == 1
    page = (await api.get(f"/v1/invoice-batches/{batch['id']}/report/credit-notes-created")).json()
    assert page["data"] == report["credit_notes_created"]
    assert Decimal(report["totals"]["hours"]) == Decimal("1.50")  # the batch's invoice alone


async def test_send_emails_the_credit_note_with_its_pdf(helpdesk, sessionmaker, smtp, mailer):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await billed(h, sessionmaker)
    response = await credit(api, invoice["id"], {**CREDIT, "send": True})
    note = response.json()
    assert note["delivery"]["status"] == "pending"
    row_id = await outbox_row_id(sessionmaker, note)
    assert (await send_email({"sessionmaker": sessionmaker, "mailer": mailer}, str(row_id)))["status"] == "sent"
    [message] = smtp.messages
    assert message["To"] == "billing@acme.example"
    assert message["Subject"].startswith(f"Credit note {note['number']}")
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == f"{note['number']}.pdf"
    assert "Credit note" in pdf_text(attachment.get_content()) and invoice["number"] in pdf_text(attachment.get_content())
    after = (await api.get(f"/v1/invoices/{note['id']}")).json()
    assert after["delivery"]["status"] == "sent" and after["sent_at"] is not None


async def test_send_without_an_email_address_records_why(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await billed(h, sessionmaker)
    assert (await api.patch(f"/v1/customers/{h['acme']['id']}", json={"emails": []})).status_code == 200
    note = (await credit(api, invoice["id"], {**CREDIT, "send": True})).json()
    assert note["delivery"] == {"status": "failed", "attempts": 0, "last_error": None, "reason": "missing_email"}


async def test_the_batch_write_refuses_an_entry_already_on_an_active_line(helpdesk, sessionmaker):  # noqa: F811
    """Were an entry's link cleared without its line being released (a bug, a hand edit), the next
    batch still cannot bill it a second time: the database refuses the line and the customer's
    transaction, and nothing of it is written."""
    api, h = helpdesk["api"], helpdesk
    invoice = await billed(h, sessionmaker)
    async with session_scope(sessionmaker) as session:
        await session.execute(text("UPDATE time_entries SET invoice_id = NULL, invoice_line_id = NULL "
                                   "WHERE invoice_id = :invoice"), {"invoice": uuid.UUID(invoice["id"])})
    batch = await launch(api, customer_ids=[h["acme"]["id"]])
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    report = await report_of(api, batch["id"])
    assert report["status"] == "failed" and report["invoices_created"] == []
    assert len((await api.get("/v1/invoices", params={"customer_id": h["acme"]["id"]})).json()["data"]) == 1


async def test_a_released_entry_keeps_its_history_and_cannot_be_deleted(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await billed(h, sessionmaker)
    await credit(api, invoice["id"])
    entry = invoice["lines"][0]["time_entry_ids"][0]
    # Billable again, so it may change before it is billed again...
    changed = await api.patch(f"/v1/time-entries/{entry}", json={"hours": "1.25"})
    assert changed.status_code == 200, changed.text
    # ...but the lines that billed and credited it stay, so it cannot go.
    response = await api.delete(f"/v1/time-entries/{entry}")
    assert response.status_code == 409 and response.json()["code"] == "time_entry_in_history"
    assert (await api.get(f"/v1/time-entries/{entry}")).status_code == 200
