"""Invoices reach customers: the stored PDF, email through a real SMTP server (aiosmtpd on
loopback) from a batch with send=true and from POST /v1/invoices/{id}/send, the outbox's record
of every attempt, the batch report's invoices_not_sent, and the batch summary for notify_email."""

import asyncio
import io
import uuid

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.delivery import outbox
from app.delivery.mailer import Mailer
from app.invoice_batches.runner import run_batch
from app.models import EmailOutbox
from tests import factories as f
from app.kit.net import free_port
from tests.mail import SmtpServer
from tests.test_invoice_batch_preview import NOVEMBER, helpdesk  # noqa: F401  (fixture)
from tests.test_invoice_batch_run import launch, report_of
from workers.tasks import send_email


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


def mailer_for(port: int) -> Mailer:
    return Mailer(host="127.0.0.1", port=port, username=None, password=None, starttls=False, timeout=5,
                  default_sender="billing@rebill.test", public_base_url="http://rebill.test")


@pytest.fixture
def mailer(smtp) -> Mailer:
    return mailer_for(smtp.port)


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


async def invoice_of(api, customer_id: str, batch_id: str) -> dict:
    response = await api.get("/v1/invoices", params={"batch_id": batch_id, "customer_id": customer_id})
    [invoice] = response.json()["data"]
    return invoice


async def billed_acme_and_globex(h) -> None:
    """Acme (address, email) and Globex (address added, no email) each have an hour of support."""
    api = h["api"]
    await api.patch(f"/v1/customers/{h['globex']['id']}",
                    json={"emails": [], "billing_address": h["acme"]["billing_address"]})
    for ticket in ("ticket", "globex_ticket"):
        await f.time_entry(api, work_item_id=h[ticket]["id"], product_id=h["support"]["id"], hours="1.00")


async def test_batch_with_send_emails_each_validated_invoice_with_its_stored_pdf(
        helpdesk, sessionmaker, smtp, mailer):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    await billed_acme_and_globex(h)
    batch = await launch(api, customer_ids=[h["acme"]["id"], h["globex"]["id"]], validate=True, send=True)

    result = await run_batch(sessionmaker, uuid.UUID(batch["id"]), mailer)

    acme = await invoice_of(api, h["acme"]["id"], batch["id"])
    [message] = smtp.messages
    assert message["To"] == "billing@acme.example"
    assert acme["number"] in message["Subject"]
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == f"{acme['number']}.pdf"
    stored = await api.get(f"/v1/invoices/{acme['id']}/pdf")
    assert attachment.get_content() == stored.content  # the document sent is the document stored
    assert acme["delivery"] == {"status": "sent", "attempts": 1, "last_error": None, "reason": None}
    assert acme["sent_at"] is not None
    async with sessionmaker() as session:
        row = await session.scalar(select(EmailOutbox).where(EmailOutbox.invoice_id == uuid.UUID(acme["id"])))
    assert (row.status, row.message_id) == ("sent", message["Message-ID"])
    assert row.server_answer == "2.0.0 Ok: queued as TEST"

    globex = await invoice_of(api, h["globex"]["id"], batch["id"])
    assert globex["delivery"]["status"] == "failed" and globex["delivery"]["reason"] == "missing_email"
    report = await report_of(api, batch["id"])
    assert report["invoices_not_sent"] == [{"invoice_id": globex["id"], "customer_id": h["globex"]["id"],
                                            "customer_external_id": "crm-globex",
                                            "reasons": [{"code": "missing_email",
                                                         "message": "The customer has no email address to send "
                                                                    "the invoice to."}]}]
    assert result["status"] == "completed_with_errors"


async def test_a_refusing_mail_server_gives_delivery_failed_with_its_answer(helpdesk, sessionmaker, smtp,
                                                                           mailer):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    smtp.sink.answers.append("550 5.7.1 Relaying denied")
    batch = await launch(api, customer_ids=[h["acme"]["id"]], validate=True, send=True)

    assert (await run_batch(sessionmaker, uuid.UUID(batch["id"]), mailer))["status"] == "completed_with_errors"

    invoice = await invoice_of(api, h["acme"]["id"], batch["id"])
    assert smtp.messages == []
    assert invoice["status"] == "validated" and invoice["sent_at"] is None
    assert invoice["delivery"] == {"status": "failed", "attempts": 1, "reason": "delivery_failed",
                                   "last_error": "550 5.7.1 Relaying denied"}
    [not_sent] = (await report_of(api, batch["id"]))["invoices_not_sent"]
    assert not_sent["invoice_id"] == invoice["id"]
    [why] = not_sent["reasons"]
    assert why["code"] == "delivery_failed" and "550 5.7.1 Relaying denied" in why["message"]


async def test_an_unreachable_server_is_tried_again_then_reported(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    batch = await launch(api, customer_ids=[h["acme"]["id"]], validate=True, send=True)

    await run_batch(sessionmaker, uuid.UUID(batch["id"]), mailer_for(free_port()))  # nobody listens there

    invoice = await invoice_of(api, h["acme"]["id"], batch["id"])
    assert invoice["delivery"]["status"] == "failed"
    assert invoice["delivery"]["attempts"] == outbox.MAX_ATTEMPTS
    assert "could not reach" in invoice["delivery"]["last_error"]


async def test_a_server_asking_to_come_back_later_gets_the_message_on_the_next_attempt(
        helpdesk, sessionmaker, smtp, mailer):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    smtp.sink.answers.append("451 4.3.0 Try again later")
    batch = await launch(api, customer_ids=[h["acme"]["id"]], validate=True, send=True)

    assert (await run_batch(sessionmaker, uuid.UUID(batch["id"]), mailer))["status"] == "succeeded"

    invoice = await invoice_of(api, h["acme"]["id"], batch["id"])
    assert len(smtp.messages) == 1
    assert invoice["delivery"] == {"status": "sent", "attempts": 2, "last_error": None, "reason": None}


async def batch_invoice(h, sessionmaker, *, validate: bool) -> dict:
    """Acme's invoice for an hour of support, made by a batch that sends nothing."""
    api = h["api"]
    await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    batch = await launch(api, customer_ids=[h["acme"]["id"]], validate=validate)
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    return await invoice_of(api, h["acme"]["id"], batch["id"])


async def validated_invoice(h, sessionmaker) -> dict:
    return await batch_invoice(h, sessionmaker, validate=True)


async def outbox_row_id(sessionmaker, invoice: dict) -> uuid.UUID:
    async with sessionmaker() as session:
        return await session.scalar(select(EmailOutbox.id).where(EmailOutbox.invoice_id == uuid.UUID(invoice["id"])))


async def test_sending_an_invoice_by_hand_mails_it_once_the_request_has_committed(
        helpdesk, sessionmaker, smtp, mailer):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await validated_invoice(h, sessionmaker)
    assert invoice["delivery"]["status"] == "not_requested"

    response = await api.post(f"/v1/invoices/{invoice['id']}/send")

    assert response.status_code == 202, response.text
    assert response.json()["delivery"] == {"status": "pending", "attempts": 0, "last_error": None, "reason": None}
    assert smtp.messages == []  # the worker's job sends it
    row_id = await outbox_row_id(sessionmaker, invoice)
    ctx = {"sessionmaker": sessionmaker, "mailer": mailer}
    assert (await send_email(ctx, str(row_id)))["status"] == "sent"
    assert (await send_email(ctx, str(row_id)))["status"] == "sent"  # delivered again by arq: nothing more
    [message] = smtp.messages
    assert message["To"] == "billing@acme.example"
    after = (await api.get(f"/v1/invoices/{invoice['id']}")).json()
    assert after["delivery"]["status"] == "sent" and after["sent_at"] is not None


async def test_one_row_sent_by_two_workers_at_once_leaves_one_message(helpdesk, sessionmaker, smtp,
                                                                      mailer):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await validated_invoice(h, sessionmaker)
    await api.post(f"/v1/invoices/{invoice['id']}/send")
    row_id = await outbox_row_id(sessionmaker, invoice)

    results = await asyncio.gather(*(outbox.deliver(sessionmaker, row_id, mailer) for _ in range(3)))

    assert "sent" in results
    assert len(smtp.messages) == 1


async def test_a_draft_cannot_be_sent(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    draft = await batch_invoice(helpdesk, sessionmaker, validate=False)

    response = await api.post(f"/v1/invoices/{draft['id']}/send")

    assert response.status_code == 409
    assert response.json()["code"] == "invoice_not_validated"


async def test_sending_to_a_customer_without_email_is_refused_and_changes_nothing(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await validated_invoice(h, sessionmaker)
    await api.patch(f"/v1/customers/{h['acme']['id']}", json={"emails": []})

    response = await api.post(f"/v1/invoices/{invoice['id']}/send")

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == "customer.emails"
    assert (await api.get(f"/v1/invoices/{invoice['id']}")).json()["delivery"]["status"] == "not_requested"


async def test_another_tenants_invoice_cannot_be_sent_nor_read_as_pdf(helpdesk, sessionmaker, other_api):  # noqa: F811
    invoice = await validated_invoice(helpdesk, sessionmaker)

    assert (await other_api.post(f"/v1/invoices/{invoice['id']}/send")).status_code == 404
    assert (await other_api.get(f"/v1/invoices/{invoice['id']}/pdf")).status_code == 404


async def test_a_validated_invoice_pdf_is_rendered_once_and_kept(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await validated_invoice(h, sessionmaker)

    first = await api.get(f"/v1/invoices/{invoice['id']}/pdf")
    await api.patch("/v1/settings", json={"legal_name": "Renamed Since SAS"})
    second = await api.get(f"/v1/invoices/{invoice['id']}/pdf")

    assert first.status_code == 200 and first.headers["content-type"] == "application/pdf"
    assert f'filename="{invoice["number"]}.pdf"' in first.headers["content-disposition"]
    assert second.content == first.content
    assert invoice["number"] in pdf_text(first.content)


REVERSE_CHARGE = "Autoliquidation — article 283-2 du CGI"


@pytest.mark.parametrize("validate", [True, False], ids=["validated", "draft"])
async def test_the_customers_tax_exemption_reason_is_printed_and_kept_with_the_invoice(helpdesk, sessionmaker,
                                                                                       validate):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    customer = f"/v1/customers/{h['acme']['id']}"
    assert (await api.patch(customer, json={"tax_exempt": True, "tax_exemption_reason": REVERSE_CHARGE})).status_code == 200
    await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    [planned] = (await api.post("/v1/invoice-batches/preview", json={
        **NOVEMBER, "customer_ids": [h["acme"]["id"]]})).json()["invoices"]
    invoice = await batch_invoice(h, sessionmaker, validate=validate)

    assert planned["bill_to"]["tax_exemption_reason"] == invoice["bill_to"]["tax_exemption_reason"] == REVERSE_CHARGE
    assert invoice["tax_amount"] == "0.00"
    printed = pdf_text((await api.get(f"/v1/invoices/{invoice['id']}/pdf")).content)
    assert f"Tax exemption: {REVERSE_CHARGE}" in printed

    # The invoice keeps the customer as it was: a later change of the reason alters neither.
    assert (await api.patch(customer, json={"tax_exemption_reason": "Something else"})).status_code == 200
    assert (await api.get(f"/v1/invoices/{invoice['id']}")).json()["bill_to"] == invoice["bill_to"]
    reprinted = pdf_text((await api.get(f"/v1/invoices/{invoice['id']}/pdf")).content)
    assert f"Tax exemption: {REVERSE_CHARGE}" in reprinted and "Something else" not in reprinted


async def test_a_customer_without_a_tax_exemption_reason_prints_none(helpdesk, sessionmaker):  # noqa: F811
    invoice = await validated_invoice(helpdesk, sessionmaker)
    assert invoice["bill_to"]["tax_exemption_reason"] is None
    printed = pdf_text((await helpdesk["api"].get(f"/v1/invoices/{invoice['id']}/pdf")).content)
    assert "exemption" not in printed.lower()


async def test_a_draft_pdf_says_draft(helpdesk, sessionmaker):  # noqa: F811
    api = helpdesk["api"]
    draft = await batch_invoice(helpdesk, sessionmaker, validate=False)

    response = await api.get(f"/v1/invoices/{draft['id']}/pdf")

    assert response.status_code == 200
    assert "DRAFT" in pdf_text(response.content)


async def test_notify_email_receives_the_batch_summary_with_its_counts_and_report_link(
        helpdesk, sessionmaker, smtp, mailer):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    await billed_acme_and_globex(h)
    await f.time_entry(api, work_item_id=h["ticket"]["id"], hours="2.00")  # no product, product mandatory
    batch = await launch(api, customer_ids=[h["acme"]["id"], h["globex"]["id"]], validate=True, send=True,
                         product_mandatory=True, notify_email="manager@helpdesk.example")

    await run_batch(sessionmaker, uuid.UUID(batch["id"]), mailer)

    [summary] = [m for m in smtp.messages if m["To"] == "manager@helpdesk.example"]
    body = summary.get_content()
    assert "completed with errors" in summary["Subject"]
    assert "Invoices created:       2" in body
    assert "Invoices not validated: 0" in body
    assert "Invoices not sent:      1" in body
    assert "Unbilled times:         1" in body
    assert f"http://rebill.test/v1/invoice-batches/{batch['id']}/report" in body


async def test_reading_the_pdf_while_it_is_being_sent_stores_one_document(helpdesk, sessionmaker, smtp,
                                                                          mailer):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice = await validated_invoice(h, sessionmaker)  # no job ran: its PDF is not stored yet
    await api.post(f"/v1/invoices/{invoice['id']}/send")
    row_id = await outbox_row_id(sessionmaker, invoice)

    reads = [api.get(f"/v1/invoices/{invoice['id']}/pdf") for _ in range(3)]
    *answers, status = await asyncio.gather(*reads, outbox.deliver(sessionmaker, row_id, mailer))

    assert status == "sent" and {a.status_code for a in answers} == {200}
    [attachment] = list(smtp.messages[0].iter_attachments())
    assert {a.content for a in answers} == {attachment.get_content()}


async def test_a_claim_in_progress_is_left_alone_and_a_stale_one_is_taken_over(helpdesk, sessionmaker, smtp,
                                                                               mailer):  # noqa: F811
    from datetime import UTC, datetime

    api, h = helpdesk["api"], helpdesk
    invoice = await validated_invoice(h, sessionmaker)
    await api.post(f"/v1/invoices/{invoice['id']}/send")
    async with sessionmaker() as session:
        row = await session.scalar(select(EmailOutbox).where(EmailOutbox.invoice_id == uuid.UUID(invoice["id"])))
        row.sending_since = datetime.now(UTC)  # another worker is talking to the mail server
        await session.commit()

    assert await outbox.deliver(sessionmaker, row.id, mailer) is None
    assert smtp.messages == []

    async with sessionmaker() as session:
        row = await session.get(EmailOutbox, row.id)
        row.sending_since = datetime.now(UTC) - outbox.LOST_AFTER * 2  # ... and died there
        await session.commit()
    assert await outbox.deliver(sessionmaker, row.id, mailer) == "sent"
    assert len(smtp.messages) == 1


async def test_a_pdf_name_outside_ascii_is_served_with_both_filename_forms(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    await api.patch("/v1/settings", json={"invoice_number_prefix": "FAC€-"})
    invoice = await validated_invoice(h, sessionmaker)

    response = await api.get(f"/v1/invoices/{invoice['id']}/pdf")

    assert response.status_code == 200
    disposition = response.headers["content-disposition"]
    assert invoice["number"].startswith("FAC€-")
    assert 'filename="FAC_-' in disposition and "filename*=UTF-8''FAC%E2%82%AC-" in disposition


async def test_a_title_with_a_line_break_still_makes_a_one_line_subject(helpdesk, sessionmaker, smtp,
                                                                        mailer):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    batch = await launch(api, customer_ids=[h["acme"]["id"]], validate=True, send=True, title="Support\nNovember")

    await run_batch(sessionmaker, uuid.UUID(batch["id"]), mailer)

    [message] = smtp.messages
    assert message["Subject"].endswith("Support November")


async def test_a_batch_that_fails_as_it_starts_still_notifies(api, sessionmaker, smtp, mailer):
    customer = await f.customer(api)
    chosen = await f.selection(api, customer_ids=[customer["id"]])
    batch = await launch(api, selection_id=chosen["id"], notify_email="manager@helpdesk.example")
    assert (await api.delete(f"/v1/selections/{chosen['id']}")).status_code == 204

    assert (await run_batch(sessionmaker, uuid.UUID(batch["id"]), mailer))["status"] == "failed"

    [summary] = smtp.messages
    assert summary["To"] == "manager@helpdesk.example" and "failed" in summary["Subject"]
