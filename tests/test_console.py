"""The console (SPEC §13) through HTTP, as a browser without script would use it: sign-in and the
session cookie, CSRF tokens on forms, one tenant's pages only, the batch pages, actions."""

import re
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from facturx import get_facturx_xml_from_pdf
from sqlalchemy import select, update

from app.config import Settings
from app.db import session_scope
from app.invoice_batches.runner import run_batch
from app.console import endpoints as console_endpoints
from app.main import create_app
from app.models import ConsoleSession
from app.tenants.service import revoke_key
from tests import factories as f
from tests.conftest import REDIS_URL


def console_client(app, base_url: str = "http://test") -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=base_url)


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


async def sign_in(client: httpx.AsyncClient, key: str) -> httpx.Response:
    page = await client.get("/console/sign-in")
    return await client.post("/console/sign-in", data={"api_key": key, "csrf_token": csrf_of(page.text)})


@pytest.fixture
async def browser(app, api):
    """A signed-in console client on tenant `api`."""
    async with console_client(app) as client:
        answer = await sign_in(client, api.key)
        assert answer.status_code == 303 and answer.headers["location"] == "/console/"
        yield client


async def billed_batch(api, sessionmaker, **more) -> dict:
    customer = await f.customer(api, name="Acme SARL")
    await f.product(api)
    product = (await api.get("/v1/products")).json()["data"][0]
    assert (await api.patch("/v1/settings", json={"default_product_id": product["id"]})).status_code == 200
    ticket = await f.work_item(api, customer_id=customer["id"], reference="T-004211")
    await f.time_entry(api, work_item_id=ticket["id"])
    body = {"customer_ids": [customer["id"]], "title": "Support — November 2026", "period_start": "2026-11-01",
            "period_end": "2026-11-30", "validate": True, **more}
    batch = (await api.post("/v1/invoice-batches", json=body)).json()
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    return batch


async def test_the_console_shows_a_sign_in_form_with_no_session(anonymous):
    page = await anonymous.get("/console/")
    assert page.status_code == 200
    assert '<label for="api_key">API key</label>' in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    # Nothing from another site.
    assert not re.search(r'(src|href)="(https?:)?//', page.text)


async def test_pages_without_a_session_send_to_the_sign_in_form(anonymous):
    for path in ("/console/batches", "/console/batches/new", "/console/unbilled-times",
                 f"/console/batches/{uuid.uuid4()}"):
        answer = await anonymous.get(path)
        assert answer.status_code == 303 and answer.headers["location"] == "/console/sign-in", path


async def test_signing_in_sets_an_http_only_strict_cookie_and_stores_only_its_hash(app, api, sessionmaker):
    async with console_client(app) as client:
        answer = await sign_in(client, api.key)
        cookie = next(h for h in answer.headers.get_list("set-cookie") if h.startswith("rebill_console="))
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/console/" in cookie
        assert "Secure" not in cookie  # PUBLIC_BASE_URL is http here
        token = client.cookies["rebill_console"]
        async with session_scope(sessionmaker) as session:
            stored = (await session.scalars(select(ConsoleSession.token_hash)
                                            .where(ConsoleSession.tenant_id == api.tenant_id))).all()
        assert len(stored) == 1 and token not in stored[0]
        page = await client.get("/console/")
        assert page.status_code == 200 and "Invoice batches" in page.text


async def test_signing_in_with_another_key_ends_the_first_session(browser, api, other_api, sessionmaker):
    assert (await sign_in(browser, other_api.key)).status_code == 303
    async with session_scope(sessionmaker) as session:
        tenants = (await session.scalars(select(ConsoleSession.tenant_id)
                                         .where(ConsoleSession.tenant_id.in_([api.tenant_id, other_api.tenant_id])))).all()
    assert tenants == [other_api.tenant_id]


async def test_the_cookie_is_secure_when_the_public_url_is_https(migrated_database, api):
    application = create_app(Settings(database_url=migrated_database, redis_url=REDIS_URL,
                                      public_base_url="https://rebill.example"))
    async with application.router.lifespan_context(application):
        async with console_client(application, "https://rebill.example") as client:
            answer = await sign_in(client, api.key)
            cookie = next(h for h in answer.headers.get_list("set-cookie") if h.startswith("rebill_console="))
            assert "Secure" in cookie


async def test_a_wrong_key_is_refused(anonymous):
    answer = await sign_in(anonymous, "rbk_000000000000_not-a-key")
    assert answer.status_code == 401
    assert "unknown or revoked" in answer.text
    assert "rebill_console" not in anonymous.cookies


async def test_sign_in_without_its_csrf_token_is_refused(anonymous, api):
    await anonymous.get("/console/")
    answer = await anonymous.post("/console/sign-in", data={"api_key": api.key})
    assert answer.status_code == 403


async def test_a_form_posted_without_its_csrf_token_is_refused(browser, api, sessionmaker):
    batch = (await api.post("/v1/invoice-batches", json={
        "customer_ids": [(await f.customer(api))["id"]], "title": "Later", "period_start": "2026-11-01",
        "period_end": "2026-11-30", "run_at": (datetime.now(UTC) + timedelta(hours=2)).isoformat()})).json()
    refused = await browser.post(f"/console/batches/{batch['id']}/cancel", data={})
    assert refused.status_code == 403
    forged = await browser.post(f"/console/batches/{batch['id']}/cancel", data={"csrf_token": "0" * 64})
    assert forged.status_code == 403
    assert (await api.get(f"/v1/invoice-batches/{batch['id']}")).json()["status"] == "scheduled"


async def test_cancelling_a_scheduled_batch(browser, api):
    batch = (await api.post("/v1/invoice-batches", json={
        "customer_ids": [(await f.customer(api))["id"]], "title": "Later", "period_start": "2026-11-01",
        "period_end": "2026-11-30", "run_at": (datetime.now(UTC) + timedelta(hours=2)).isoformat()})).json()
    page = await browser.get(f"/console/batches/{batch['id']}")
    assert "Cancel this batch" in page.text
    answer = await browser.post(f"/console/batches/{batch['id']}/cancel", data={"csrf_token": csrf_of(page.text)})
    assert answer.status_code == 303
    assert (await api.get(f"/v1/invoice-batches/{batch['id']}")).json()["status"] == "cancelled"
    assert "The batch is cancelled." in (await browser.get(answer.headers["location"])).text


async def test_another_tenants_batch_and_invoice_answer_404(browser, other_api, sessionmaker):
    theirs = await billed_batch(other_api, sessionmaker)
    assert (await browser.get(f"/console/batches/{theirs['id']}")).status_code == 404
    invoice_id = (await other_api.get("/v1/invoices")).json()["data"][0]["id"]
    for path in (f"/console/invoices/{invoice_id}", f"/console/invoices/{invoice_id}/pdf",
                 f"/console/invoices/{invoice_id}/facturx", f"/console/invoices/{invoice_id}/ubl",
                 f"/console/batches/{theirs['id']}/report/invoices-created"):
        assert (await browser.get(path)).status_code == 404, path
    progress = (await browser.get(f"/console/batches/progress.json?id={theirs['id']}")).json()
    assert progress == {"batches": []}
    assert theirs["title"] not in (await browser.get("/console/")).text


async def test_the_batch_page_shows_definition_selections_totals_and_links(browser, api, sessionmaker):
    batch = await billed_batch(api, sessionmaker)
    page = await browser.get(f"/console/batches/{batch['id']}")
    assert page.status_code == 200
    for text in ("Definition", "2026-11-01 – 2026-11-30", "Invoices created", "Invoices not validated",
                 "Invoices not sent", "Unbilled times", "Credit notes created", "Customers without times",
                 "Customers excluded", "Totals", "120.00", "144.00", "Acme SARL", "succeeded"):
        assert text in page.text, text
    invoice_id = (await api.get("/v1/invoices")).json()["data"][0]["id"]
    assert f'href="/console/invoices/{invoice_id}"' in page.text


async def test_the_batch_page_gives_reasons_in_words(browser, api, sessionmaker):
    product = await f.product(api)
    assert (await api.patch("/v1/settings", json={"timezone": "Europe/Paris"})).status_code == 200
    globex = await f.customer(api, name="Globex SA", billing_address=None)
    ticket = await f.work_item(api, customer_id=globex["id"], reference="T-9")
    await f.time_entry(api, work_item_id=ticket["id"], product_id=product["id"])
    await f.time_entry(api, work_item_id=ticket["id"], hours="0.25")  # no product, and one is required
    batch = (await api.post("/v1/invoice-batches", json={
        "customer_ids": [globex["id"]], "title": "November", "period_start": "2026-11-01",
        "period_end": "2026-11-30", "validate": True, "product_mandatory": True})).json()
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    page = (await browser.get(f"/console/batches/{batch['id']}")).text
    assert "The customer has no billing address." in page and "(missing_billing_address)" in page
    assert "The time has no product and the batch requires one." in page
    assert "Ticket T-9 · 2026-11-05 14:30 CET · 0.25 h · Alice Martin" in page  # local time, as on invoices


async def test_the_invoice_page_and_its_pdf(browser, api, sessionmaker):
    await billed_batch(api, sessionmaker)
    invoice = (await api.get("/v1/invoices")).json()["data"][0]
    page = await browser.get(f"/console/invoices/{invoice['id']}")
    assert page.status_code == 200
    for text in (invoice["number"], "Bill to", "Acme SARL", "3 rue de la Paix", "Ticket T-004211", "Tax 20.00 %",
                 "144.00 EUR", "Delivery", "Download PDF"):
        assert text in page.text, text
    pdf = await browser.get(f"/console/invoices/{invoice['id']}/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-disposition"].startswith("attachment;")
    assert f'href="/console/invoices/{invoice["id"]}/facturx"' in page.text
    facturx = await browser.get(f"/console/invoices/{invoice['id']}/facturx")
    assert facturx.status_code == 200
    filename, xml = get_facturx_xml_from_pdf(facturx.content, check_xsd=True)
    assert filename == "factur-x.xml" and invoice["number"].encode() in xml
    assert f"{invoice['number']}-facturx.pdf" in facturx.headers["content-disposition"]
    ubl = await browser.get(f"/console/invoices/{invoice['id']}/ubl")
    assert ubl.status_code == 200 and ubl.headers["content-type"].startswith("application/xml")
    assert f"<cbc:ID>{invoice['number']}</cbc:ID>".encode() in ubl.content


async def test_the_invoice_page_shows_payments_refunds_and_what_is_due(browser, api, sessionmaker):
    await billed_batch(api, sessionmaker)
    invoice = (await api.get("/v1/invoices")).json()["data"][0]
    assert "No payment recorded." in (await browser.get(f"/console/invoices/{invoice['id']}")).text
    for amount, method, reference in (("100.00", "bank_transfer", "VIR 8812"), ("-30.00", "card", "RF-1")):
        answer = await api.post(f"/v1/invoices/{invoice['id']}/payments", json={
            "amount": amount, "paid_on": "2026-12-10", "method": method, "reference": reference})
        assert answer.status_code == 201, answer.text
    page = (await browser.get(f"/console/invoices/{invoice['id']}")).text
    shown = (await api.get(f"/v1/invoices/{invoice['id']}")).json()
    assert shown["amount_paid"] == "70.00" and shown["payment_status"] == "partially_paid"
    for text in ("partially paid", "70.00 EUR", f"{shown['amount_due']} EUR", "VIR 8812", "bank transfer",
                 "-30.00 EUR (refund)", "RF-1"):
        assert text in page, text
    assert page.index("RF-1") < page.index("VIR 8812")  # the latest first


async def test_a_credit_note_links_the_invoice_it_credits(browser, api, sessionmaker):
    await billed_batch(api, sessionmaker)
    invoice = (await api.get("/v1/invoices")).json()["data"][0]
    note = await api.post(f"/v1/invoices/{invoice['id']}/credit", json={"reason": "Billed twice"})
    assert note.status_code == 201, note.text
    page = (await browser.get(f"/console/invoices/{note.json()['id']}")).text
    assert "Credit note CN-" in page and f'href="/console/invoices/{invoice["id"]}"' in page
    assert "Billed twice" in page


async def test_validating_then_a_draft_and_deleting_another(browser, api, sessionmaker):
    await billed_batch(api, sessionmaker, validate=False)
    draft = (await api.get("/v1/invoices")).json()["data"][0]
    page = await browser.get(f"/console/invoices/{draft['id']}")
    answer = await browser.post(f"/console/invoices/{draft['id']}/validate", data={"csrf_token": csrf_of(page.text)})
    assert answer.status_code == 303
    assert (await api.get(f"/v1/invoices/{draft['id']}")).json()["status"] == "validated"
    # A validated invoice cannot be deleted: the page says why.
    refused = await browser.post(f"/console/invoices/{draft['id']}/delete", data={"csrf_token": csrf_of(page.text)})
    assert refused.status_code == 409 and "text/html" in refused.headers["content-type"]


async def test_deleting_a_draft(browser, api, sessionmaker):
    batch = await billed_batch(api, sessionmaker, validate=False)
    draft = (await api.get("/v1/invoices")).json()["data"][0]
    page = await browser.get(f"/console/invoices/{draft['id']}")
    answer = await browser.post(f"/console/invoices/{draft['id']}/delete", data={"csrf_token": csrf_of(page.text)})
    assert answer.status_code == 303 and answer.headers["location"].startswith(f"/console/batches/{batch['id']}")
    assert (await api.get(f"/v1/invoices/{draft['id']}")).status_code == 404
    assert "T-004211" in (await browser.get("/console/unbilled-times")).text


async def test_sending_an_invoice(browser, api, sessionmaker):
    await billed_batch(api, sessionmaker)
    invoice = (await api.get("/v1/invoices")).json()["data"][0]
    page = await browser.get(f"/console/invoices/{invoice['id']}")
    answer = await browser.post(f"/console/invoices/{invoice['id']}/send", data={"csrf_token": csrf_of(page.text)})
    assert answer.status_code == 303
    assert (await api.get(f"/v1/invoices/{invoice['id']}")).json()["delivery"]["status"] == "pending"


async def test_preview_then_run_and_a_double_submit_makes_one_batch(browser, api):
    customer = await f.customer(api, name="Acme SARL")
    product = await f.product(api)
    await api.patch("/v1/settings", json={"default_product_id": product["id"]})
    ticket = await f.work_item(api, customer_id=customer["id"])
    await f.time_entry(api, work_item_id=ticket["id"], hours="2.00")
    form_page = await browser.get("/console/batches/new")
    fields = {"csrf_token": csrf_of(form_page.text), "base": "customers", "customer_ids": [customer["id"]],
              "title": "November", "period_kind": "period", "period_start": "2026-11-01",
              "period_end": "2026-11-30", "validate": "on", "invoice_per": "customer", "line_grouping": "entry",
              "action": "preview"}
    preview = await browser.post("/console/batches/new", data=fields)
    assert preview.status_code == 200
    figures = dict(re.findall(r'data-figure="(\w+)">([^<]+)<', preview.text))
    assert figures["invoices"] == "1" and figures["hours_worked"] == "2.00"
    assert figures["untaxed"].startswith("160.00") and figures["tax"].startswith("32.00")
    assert figures["total"].startswith("192.00")
    assert (await api.get("/v1/invoice-batches")).json()["data"] == []
    key = re.search(r'name="idempotency_key" value="([^"]+)"', preview.text).group(1)
    previewed = re.search(r'name="previewed" value="([^"]+)"', preview.text).group(1)
    run = {**fields, "action": "run", "idempotency_key": key, "previewed": previewed}
    first = await browser.post("/console/batches/new", data=run)
    second = await browser.post("/console/batches/new", data=run)
    assert first.status_code == second.status_code == 303
    assert first.headers["location"] == second.headers["location"]
    assert len((await api.get("/v1/invoice-batches")).json()["data"]) == 1


async def test_run_after_a_change_shows_a_new_preview_first(browser, api):
    customer = await f.customer(api)
    form_page = await browser.get("/console/batches/new")
    fields = {"csrf_token": csrf_of(form_page.text), "base": "customers", "customer_ids": [customer["id"]],
              "title": "November", "period_kind": "period", "period_start": "2026-11-01",
              "period_end": "2026-11-30", "action": "run", "previewed": "stale", "idempotency_key": "k-1"}
    answer = await browser.post("/console/batches/new", data=fields)
    assert answer.status_code == 200 and "changed since its preview" in answer.text
    assert (await api.get("/v1/invoice-batches")).json()["data"] == []


async def test_an_invalid_form_names_the_fields(browser):
    form_page = await browser.get("/console/batches/new")
    answer = await browser.post("/console/batches/new", data={
        "csrf_token": csrf_of(form_page.text), "base": "selection", "title": "", "period_kind": "period",
        "period_start": "2026-11-30", "period_end": "2026-11-01", "action": "preview"})
    assert answer.status_code == 422
    assert "period end" in answer.text and 'role="alert"' in answer.text


async def test_a_large_report_is_shown_a_page_at_a_time(browser, api, sessionmaker, monkeypatch):
    monkeypatch.setattr(console_endpoints, "ITEMS_PER_PAGE", 10)
    product = await f.product(api)
    await api.patch("/v1/settings", json={"default_product_id": product["id"]})
    customer_ids = []
    for n in range(25):
        customer = await f.customer(api, name=f"Customer {n:02}")
        ticket = await f.work_item(api, customer_id=customer["id"], reference=f"T-{n}")
        await f.time_entry(api, work_item_id=ticket["id"])
        customer_ids.append(customer["id"])
    batch = (await api.post("/v1/invoice-batches", json={
        "customer_ids": customer_ids, "title": "Many", "period_start": "2026-11-01", "period_end": "2026-11-30",
        "validate": True})).json()
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    page = await browser.get(f"/console/batches/{batch['id']}")
    assert "Invoices created <span class=\"count\">(25)</span>" in page.text
    assert page.text.count('href="/console/invoices/') == console_endpoints.ITEMS_ON_BATCH_PAGE
    url = f"/console/batches/{batch['id']}/report/invoices-created"
    assert f'href="{url}"' in page.text
    seen = []
    while url:
        listed = await browser.get(url)
        assert listed.status_code == 200
        seen += re.findall(r'href="/console/invoices/([^"]+)"', listed.text)
        more = re.search(r'href="(/console/batches/[^"]+/report/invoices-created\?cursor=[^"]+)"', listed.text)
        url = more and more.group(1)
    assert len(seen) == len(set(seen)) == 25


async def test_excluded_customers_are_left_out_of_the_preview(browser, api):
    acme, globex = await f.customer(api, name="Acme SARL"), await f.customer(api, name="Globex SA")
    selection = await f.selection(api, customer_ids=[acme["id"], globex["id"]])
    form_page = await browser.get("/console/batches/new")
    assert "Monthly support customers" in form_page.text
    preview = await browser.post("/console/batches/new", data={
        "csrf_token": csrf_of(form_page.text), "base": "selection", "selection_id": selection["id"],
        "exclude_customer_ids": [globex["id"]], "title": "November", "period_kind": "cutoff",
        "cutoff_date": "2026-11-30", "action": "preview"})
    assert preview.status_code == 200, preview.text
    assert re.search(r'data-figure="excluded">1<', preview.text)


async def test_progress_json_reports_the_tenants_batches(browser, api, sessionmaker):
    batch = await billed_batch(api, sessionmaker)
    progress = (await browser.get(f"/console/batches/progress.json?id={batch['id']}")).json()
    assert progress == {"batches": [{"id": batch["id"], "status": "succeeded", "customers_done": 1,
                                     "customers_total": 1, "final": True}]}


async def test_signing_out_ends_the_session(browser):
    page = await browser.get("/console/")
    answer = await browser.post("/console/sign-out", data={"csrf_token": csrf_of(page.text)})
    assert answer.status_code == 303
    assert (await browser.get("/console/batches")).status_code == 303


async def test_revoking_the_key_deletes_its_sessions(browser, api, sessionmaker):
    async with session_scope(sessionmaker) as session:
        key_id = (await session.scalars(select(ConsoleSession.api_key_id)
                                        .where(ConsoleSession.tenant_id == api.tenant_id))).one()
        await revoke_key(session, key_id=str(key_id))
    async with session_scope(sessionmaker) as session:
        assert (await session.scalars(select(ConsoleSession).where(ConsoleSession.api_key_id == key_id))).all() == []
    assert (await browser.get("/console/batches")).status_code == 303


async def test_a_session_idle_for_too_long_has_ended(browser, api, sessionmaker):
    async with session_scope(sessionmaker) as session:
        await session.execute(update(ConsoleSession).where(ConsoleSession.tenant_id == api.tenant_id)
                              .values(last_seen_at=datetime.now(UTC) - timedelta(hours=12, minutes=1)))
    assert (await browser.get("/console/batches")).status_code == 303


async def test_signing_in_clears_sessions_that_expired(app, browser, api, sessionmaker):
    async with session_scope(sessionmaker) as session:
        await session.execute(update(ConsoleSession).where(ConsoleSession.tenant_id == api.tenant_id)
                              .values(last_seen_at=datetime.now(UTC) - timedelta(hours=13)))
    async with console_client(app) as other_browser:
        assert (await sign_in(other_browser, api.key)).status_code == 303
    async with session_scope(sessionmaker) as session:
        left = (await session.scalars(select(ConsoleSession.last_seen_at)
                                      .where(ConsoleSession.tenant_id == api.tenant_id))).all()
    assert len(left) == 1 and left[0] > datetime.now(UTC) - timedelta(minutes=1)


async def test_console_routes_are_not_in_the_api_document(app):
    assert not [path for path in app.openapi()["paths"] if path.startswith("/console")]


def test_templates_have_no_inline_script_or_style():
    """CSP default-src 'self' refuses inline scripts, event handlers and style attributes: a page
    that used them would silently lose them."""
    templates = Path(__file__).resolve().parent.parent / "app" / "console" / "templates"
    for template in templates.glob("*.html"):
        text = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), template.name
        assert not re.search(r"\sstyle=|<style|\son[a-z]+=", text), template.name
