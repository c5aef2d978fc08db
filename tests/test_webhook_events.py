"""What the helpdesk learns without polling: a batch emits invoice.validated for each invoice it
validates, invoice.sent once the mail server accepted each one, and invoice_batch.completed with
the summary of its report; validating a draft and cancelling a batch emit theirs too. Each event
reaches a real receiver on loopback, signed."""

import json
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.invoice_batches.runner import run_batch
from app.models import WebhookEvent
from app.webhooks import delivery
from tests import factories as f
from tests.test_invoice_batch_preview import NOVEMBER, helpdesk  # noqa: F401  (fixture)
from tests.test_invoice_batch_run import launch, report_of
from tests.test_invoice_delivery import billed_acme_and_globex, invoice_of, mailer, smtp  # noqa: F401  (fixtures)
from tests.webhook_helpers import endpoint, readme_verify, receiver  # noqa: F401  (fixture)

verify = readme_verify()


async def events_of(sessionmaker, tenant_id) -> list[WebhookEvent]:
    async with sessionmaker() as session:
        return list((await session.scalars(select(WebhookEvent).where(WebhookEvent.tenant_id == tenant_id)
                                           .order_by(WebhookEvent.created_at, WebhookEvent.id))).all())


async def delivered(sessionmaker, receiver, hook: dict, event: WebhookEvent) -> dict:  # noqa: F811
    async with delivery.new_http_client() as http:
        outcome = await delivery.deliver(sessionmaker, http, event_id=event.id, endpoint_id=uuid.UUID(hook["id"]),
                                         allow_private_urls=True)
    assert outcome["status"] == "succeeded"
    request = receiver.requests[-1]
    assert verify(hook["secret"], request.body, request.headers["rebill-signature"])
    return json.loads(request.body)


async def test_a_batch_emits_validated_sent_and_completed_with_its_summary(
        helpdesk, sessionmaker, smtp, mailer, receiver):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    hook = await endpoint(api, url=receiver.url())
    await billed_acme_and_globex(h)  # Globex has no email: validated, not sent
    batch = await launch(api, customer_ids=[h["acme"]["id"], h["globex"]["id"]], validate=True, send=True)

    await run_batch(sessionmaker, uuid.UUID(batch["id"]), mailer)

    events = await events_of(sessionmaker, api.tenant_id)
    types = [e.type for e in events]
    assert sorted(types) == ["invoice.sent", "invoice.validated", "invoice.validated", "invoice_batch.completed"]
    assert types[-1] == "invoice_batch.completed"  # the batch ends after its invoices went out
    acme = await invoice_of(api, h["acme"]["id"], batch["id"])
    sent = await delivered(sessionmaker, receiver, hook, next(e for e in events if e.type == "invoice.sent"))
    assert sent["data"]["id"] == acme["id"] and sent["data"]["delivery"]["status"] == "sent"
    assert sent["data"]["total"] == acme["total"] and sent["data"]["number"] == acme["number"]
    validated = [await delivered(sessionmaker, receiver, hook, e) for e in events if e.type == "invoice.validated"]
    assert {v["data"]["customer_id"] for v in validated} == {h["acme"]["id"], h["globex"]["id"]}
    completed = await delivered(sessionmaker, receiver, hook, events[-1])
    report = await report_of(api, batch["id"])
    assert completed["type"] == "invoice_batch.completed"
    assert completed["data"]["id"] == batch["id"] and completed["data"]["status"] == "completed_with_errors"
    summary = completed["data"]["summary"]
    assert {k: summary[k] for k in ("invoices_created", "invoices_not_validated", "invoices_not_sent",
                                    "unbilled_times")} == {"invoices_created": 2, "invoices_not_validated": 0,
                                                           "invoices_not_sent": 1, "unbilled_times": 0}
    assert summary["totals"] == report["totals"]


async def test_a_batch_with_no_subscriber_records_no_event(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    batch = await launch(api, customer_ids=[h["acme"]["id"]], validate=True)

    await run_batch(sessionmaker, uuid.UUID(batch["id"]))

    assert await events_of(sessionmaker, api.tenant_id) == []


async def test_validating_a_draft_emits_invoice_validated(helpdesk, sessionmaker, receiver):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    hook = await endpoint(api, url=receiver.url(), events=["invoice.validated"])
    await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    batch = await launch(api, customer_ids=[h["acme"]["id"]], validate=False)
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    draft = await invoice_of(api, h["acme"]["id"], batch["id"])
    assert await events_of(sessionmaker, api.tenant_id) == []  # a draft is not news

    validated = (await api.post(f"/v1/invoices/{draft['id']}/validate")).json()

    [event] = await events_of(sessionmaker, api.tenant_id)
    body = await delivered(sessionmaker, receiver, hook, event)
    assert body["type"] == "invoice.validated"
    assert body["data"]["number"] == validated["number"] and body["data"]["status"] == "validated"


async def test_cancelling_a_batch_completes_it_for_subscribers(api, sessionmaker, receiver):  # noqa: F811
    hook = await endpoint(api, url=receiver.url(), events=["invoice_batch.completed"])
    customer = await f.customer(api)
    later = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    batch = await launch(api, customer_ids=[customer["id"]], run_at=later)

    assert (await api.post(f"/v1/invoice-batches/{batch['id']}/cancel")).status_code == 200

    [event] = await events_of(sessionmaker, api.tenant_id)
    body = await delivered(sessionmaker, receiver, hook, event)
    assert body["data"]["status"] == "cancelled"
    assert body["data"]["summary"]["invoices_created"] == 0
