"""Payments and refunds (SPEC §12): POST/GET /v1/invoices/{id}/payments, the invoice's amount_paid,
amount_due and payment_status, the invoice.paid event, and the list's payment filters."""

import asyncio
import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from app.db import session_scope
from app.invoice_batches.runner import run_batch
from app.models import Payment, WebhookEvent
from tests import factories as f
from tests.test_credit_notes import billed, credit
from tests.test_invoice_batch_run import launch, report_of
from tests.test_invoice_batch_preview import helpdesk  # noqa: F401  (fixture)
from tests.webhook_helpers import endpoint

TODAY = datetime.now(UTC).date().isoformat()


async def pay(api, invoice_id: str, amount: str, **extra):
    headers = extra.pop("headers", {})
    return await api.post(f"/v1/invoices/{invoice_id}/payments", headers=headers, json={
        "amount": amount, "paid_on": "2026-12-10", "method": "bank_transfer", "reference": "VIR 8812", **extra})


async def invoice_of(api, invoice_id: str) -> dict:
    return (await api.get(f"/v1/invoices/{invoice_id}")).json()


async def test_a_new_invoice_is_unpaid_with_its_total_due(helpdesk, sessionmaker):  # noqa: F811
    invoice = await billed(helpdesk, sessionmaker)
    assert (invoice["amount_paid"], invoice["amount_due"], invoice["payment_status"], invoice["exported_at"]) == (
        "0.00", "168.00", "unpaid", None)


async def test_payments_move_the_invoice_from_unpaid_to_partially_paid_to_paid(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)

    first = await pay(api, invoice["id"], "100.00")

    assert first.status_code == 201, first.text
    payment = first.json()
    assert {k: payment[k] for k in ("invoice_id", "amount", "paid_on", "method", "reference")} == {
        "invoice_id": invoice["id"], "amount": "100.00", "paid_on": "2026-12-10", "method": "bank_transfer",
        "reference": "VIR 8812"}
    assert payment["id"] and payment["created_at"]
    after = await invoice_of(api, invoice["id"])
    assert (after["amount_paid"], after["amount_due"], after["payment_status"]) == ("100.00", "68.00", "partially_paid")

    assert (await pay(api, invoice["id"], "68.00")).status_code == 201
    after = await invoice_of(api, invoice["id"])
    assert (after["amount_paid"], after["amount_due"], after["payment_status"]) == ("168.00", "0.00", "paid")
    listed = (await api.get(f"/v1/invoices/{invoice['id']}/payments", params={"order": "asc"})).json()
    assert [p["amount"] for p in listed["data"]] == ["100.00", "68.00"] and listed["next_cursor"] is None


async def test_paying_more_than_is_due_is_an_overpayment_and_records_nothing(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)

    response = await pay(api, invoice["id"], "168.01")

    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "overpayment" and problem["errors"][0]["field"] == "amount"
    assert (await api.get(f"/v1/invoices/{invoice['id']}/payments")).json()["data"] == []
    assert (await invoice_of(api, invoice["id"]))["amount_paid"] == "0.00"


async def test_a_refund_in_full_makes_the_invoice_refunded(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)
    await pay(api, invoice["id"], "168.00")

    partial = await pay(api, invoice["id"], "-68.00", method="card")
    assert partial.status_code == 201, partial.text
    assert partial.json()["amount"] == "-68.00"
    after = await invoice_of(api, invoice["id"])
    assert (after["amount_paid"], after["amount_due"], after["payment_status"]) == ("100.00", "68.00", "partially_paid")

    assert (await pay(api, invoice["id"], "-100.00")).status_code == 201
    after = await invoice_of(api, invoice["id"])
    assert (after["amount_paid"], after["amount_due"], after["payment_status"]) == ("0.00", "168.00", "refunded")


async def test_refunding_more_than_was_paid_is_refused(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)
    await pay(api, invoice["id"], "10.00")

    response = await pay(api, invoice["id"], "-10.01")

    assert response.status_code == 422
    assert response.json()["code"] == "refund_exceeds_paid" and response.json()["errors"][0]["field"] == "amount"


async def test_a_draft_cannot_be_paid(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    draft = await billed(helpdesk, sessionmaker, validate=False)

    response = await pay(api, draft["id"], "1.00")

    assert response.status_code == 409 and response.json()["code"] == "invoice_not_validated"


async def test_a_credit_note_is_never_paid_and_credit_reduces_what_is_due(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)
    note = (await credit(api, invoice["id"])).json()
    # SPEC §12's amount_due, total − credited − paid, on a credit note too: what it gives back.
    assert (note["amount_due"], note["payment_status"]) == (note["total"], "unpaid")

    response = await pay(api, note["id"], "1.00")

    assert response.status_code == 409 and response.json()["code"] == "credit_note_not_payable"
    assert (await invoice_of(api, invoice["id"]))["amount_due"] == "0.00"
    assert (await pay(api, invoice["id"], "0.01")).json()["code"] == "overpayment"


async def test_bad_payments_name_the_field(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)
    for body, field in (({"amount": 10}, "amount"), ({"amount": "0.00"}, "amount"), ({"amount": "1.001"}, "amount"),
                        ({"method": "bitcoin"}, "method"), ({"paid_on": "10/12/2026"}, "paid_on"),
                        ({"status": "paid"}, "status")):
        response = await pay(api, invoice["id"], **{"amount": "1.00", **body})
        assert response.status_code == 422, (body, response.text)
        assert field in [e["field"] for e in response.json()["errors"]], (body, response.json())
    assert (await api.get(f"/v1/invoices/{invoice['id']}/payments")).json()["data"] == []


async def test_the_same_idempotency_key_records_one_payment(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)
    key = {"Idempotency-Key": "pay-1"}

    first, again = [await pay(api, invoice["id"], "50.00", headers=key) for _ in range(2)]

    assert first.status_code == again.status_code == 201 and first.json() == again.json()
    assert (await pay(api, invoice["id"], "60.00", headers=key)).status_code == 409
    assert len((await api.get(f"/v1/invoices/{invoice['id']}/payments")).json()["data"]) == 1


async def test_concurrent_payments_never_pay_an_invoice_twice(helpdesk, sessionmaker, app):  # noqa: F811
    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)

    answers = await asyncio.gather(*(pay(api, invoice["id"], "168.00") for _ in range(4)))

    assert sorted(r.status_code for r in answers) == [201, 422, 422, 422]
    async with session_scope(sessionmaker) as session:
        assert len((await session.scalars(select(Payment).where(Payment.invoice_id == invoice["id"]))).all()) == 1


async def test_invoice_paid_event_when_nothing_is_due(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    await endpoint(api, url="http://127.0.0.1:9/hook", events=["invoice.paid"])
    invoice = await billed(helpdesk, sessionmaker)
    await pay(api, invoice["id"], "100.00")

    async def events():
        async with session_scope(sessionmaker) as session:
            return (await session.scalars(select(WebhookEvent).where(
                WebhookEvent.tenant_id == api.tenant_id, WebhookEvent.type == "invoice.paid"))).all()

    assert await events() == []
    await pay(api, invoice["id"], "68.00")
    [event] = await events()
    assert event.payload["data"]["id"] == invoice["id"]
    assert (event.payload["data"]["amount_due"], event.payload["data"]["payment_status"]) == ("0.00", "paid")


async def test_invoices_are_listed_by_payment_status_type_export_and_issue_dates(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    invoice = await billed(helpdesk, sessionmaker)
    await pay(api, invoice["id"], "1.00")

    async def ids(**params):
        response = await api.get("/v1/invoices", params=params)
        assert response.status_code == 200, response.text
        return [i["id"] for i in response.json()["data"]]

    assert await ids(payment_status="partially_paid") == [invoice["id"]]
    assert await ids(payment_status="unpaid") == []
    assert await ids(type="invoice", exported="false") == [invoice["id"]]
    assert await ids(exported="true") == []
    assert await ids(issued_from=TODAY, issued_to=TODAY) == [invoice["id"]]
    assert await ids(issued_to="2000-01-01") == []
    assert (await api.get("/v1/invoices", params={"payment_status": "settled"})).status_code == 422
    assert (await api.get("/v1/invoices", params={"issued_from": "31/12/2026"})).status_code == 422


async def test_another_tenants_invoice_cannot_be_paid(helpdesk, sessionmaker, other_api):  # noqa: F811
    invoice = await billed(helpdesk, sessionmaker)
    assert (await pay(other_api, invoice["id"], "1.00")).status_code == 404
    assert (await other_api.get(f"/v1/invoices/{invoice['id']}/payments")).status_code == 404


async def test_a_credit_note_settling_what_a_payment_left_makes_the_invoice_paid(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    await endpoint(api, url="http://127.0.0.1:9/hook", events=["invoice.paid"])
    invoice = await billed(helpdesk, sessionmaker)
    await pay(api, invoice["id"], "100.00")

    await credit(api, invoice["id"])

    after = await invoice_of(api, invoice["id"])
    assert (after["amount_paid"], after["amount_due"], after["payment_status"]) == ("100.00", "-100.00", "paid")
    async with session_scope(sessionmaker) as session:
        [event] = (await session.scalars(select(WebhookEvent).where(
            WebhookEvent.tenant_id == api.tenant_id, WebhookEvent.type == "invoice.paid"))).all()
    assert event.payload["data"]["id"] == invoice["id"]


async def test_an_invoice_in_a_three_decimal_currency_is_paid_to_its_last_fils(api, sessionmaker):
    product = await f.product(api, code="KW-H", unit_price="10.005")
    customer = await f.customer(api, name="Gulf Trading WLL", currency="KWD")
    ticket = await f.work_item(api, customer_id=customer["id"], reference="T-KW")
    await f.time_entry(api, work_item_id=ticket["id"], product_id=product["id"], hours="1.00",
                       started_at="2026-11-03T09:00:00Z")
    batch = await launch(api, customer_ids=[customer["id"]], validate=True)
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    [created] = (await report_of(api, batch["id"]))["invoices_created"]
    invoice = await invoice_of(api, created["invoice_id"])
    assert (invoice["currency"], invoice["total"]) == ("KWD", "12.006")

    assert (await pay(api, invoice["id"], "12.0061")).json()["errors"][0]["field"] == "amount"  # beyond the fils
    assert (await pay(api, invoice["id"], "12.006")).status_code == 201

    after = await invoice_of(api, invoice["id"])
    assert (after["amount_paid"], after["amount_due"], after["payment_status"]) == ("12.006", "0.00", "paid")
