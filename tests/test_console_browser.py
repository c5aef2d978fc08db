"""The console in a real browser: headless Chromium (Debian's, /usr/bin/chromium) driven by
Playwright against a live `rebill api` and `rebill worker`. A person signs in, previews and runs a
batch, watches it finish, reads its report, downloads a PDF, cancels a scheduled batch; a wrong
key, another tenant's batch and a form without its CSRF token are refused.

Screenshots of each page at 1280 and 390 px wide go to .screenshots/ (not committed): look at them
after changing a template."""

import os
import shutil
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.async_api import Page, async_playwright, expect
from sqlalchemy import update

from app.db import session_scope
from app.models import InvoiceBatch

from tests import factories as f
from tests.conftest import new_tenant

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent / ".screenshots"
WIDTHS = {"wide": 1280, "phone": 390}

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"Chromium not found at {CHROMIUM}; "
                                 "`apt-get install chromium` (.ci/run does)")]


@pytest.fixture
async def browser():
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            await chromium.close()


@pytest.fixture
async def page(browser, live_rebill):
    context = await browser.new_context(base_url=live_rebill, viewport={"width": 1280, "height": 900},
                                        accept_downloads=True)
    tab = await context.new_page()
    errors = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    # Errors of the page's script or of the CSP; answers refused on purpose (401, 403, 404) log too.
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error"
           and not message.text.startswith("Failed to load resource") else None)
    yield tab
    await context.close()
    assert errors == [], errors  # no script error, no CSP violation


UNLABELLED = """[...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
  .map(el => el.outerHTML)"""


async def screenshots(page: Page, name: str) -> None:
    """Screenshots at both widths, and what a screen reader needs: every control named, one h1."""
    assert await page.evaluate(UNLABELLED) == [], f"{name} has controls without a label"
    assert await page.locator("h1").count() == 1, f"{name} should have one h1"
    SCREENSHOTS.mkdir(exist_ok=True)
    for label, width in WIDTHS.items():
        await page.set_viewport_size({"width": width, "height": 900})
        await page.screenshot(path=SCREENSHOTS / f"{name}-{label}.png", full_page=True)
        # Readable at this width: nothing wider than the window but the tables' own scroll areas.
        overflow = await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways at {width} px"
    await page.set_viewport_size({"width": 1280, "height": 900})


async def sign_in(page: Page, key: str) -> None:
    """With the keyboard only: the key's field has the focus; then on every page the skip link
    comes first."""
    await page.goto("/console/")
    await expect(page.get_by_label("API key")).to_be_focused()
    await page.keyboard.type(key)
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", name="Invoice batches")).to_be_visible()
    await page.keyboard.press("Tab")
    await expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    await page.keyboard.press("Enter")
    await expect(page.locator("main")).to_be_focused()
    await expect(page.get_by_role("heading", name="Invoice batches")).to_be_visible()


async def helpdesk(api) -> dict:
    product = await f.product(api, unit_price="80.00")
    assert (await api.patch("/v1/settings", json={"default_product_id": product["id"]})).status_code == 200
    acme = await f.customer(api, name="Acme SARL")
    globex = await f.customer(api, name="Globex SA", emails=[])
    for customer, reference in ((acme, "T-004211"), (globex, "T-9")):
        ticket = await f.work_item(api, customer_id=customer["id"], reference=reference)
        await f.time_entry(api, work_item_id=ticket["id"], hours="1.50")
        await f.time_entry(api, work_item_id=ticket["id"], hours="0.50", started_at="2026-11-12T09:00:00+01:00")
    return {"acme": acme, "globex": globex}


async def fill_batch_form(page: Page, customers: list[str], *, title: str, run_at: datetime | None = None) -> None:
    await page.get_by_role("link", name="New batch").first.click()
    await page.get_by_label("These customers").check()
    await page.locator("#customer_ids").select_option(label=customers)
    await page.get_by_label("Title, printed on every invoice").fill(title)
    await page.get_by_label("From", exact=True).fill("2026-11-01")
    await page.get_by_label("To", exact=True).fill("2026-11-30")
    await page.get_by_label("Validate the invoices").check()
    if run_at is not None:
        await page.get_by_label("Run at").fill(run_at.strftime("%Y-%m-%dT%H:%M"))


async def test_sign_in_preview_run_watch_report_and_pdf(page, stack):
    await helpdesk(stack.api)
    await sign_in(page, stack.api.key)
    await screenshots(page, "batches-empty")

    await fill_batch_form(page, ["Acme SARL", "Globex SA"], title="Support — November 2026")
    await screenshots(page, "new-batch")
    await page.get_by_role("button", name="Preview").click()
    preview = page.locator("#preview")
    await expect(preview).to_be_visible()
    await expect(preview.locator('[data-figure="invoices"]')).to_have_text("2")
    await expect(preview.locator('[data-figure="unbilled_work_items"]')).to_have_text("0")
    await expect(preview.locator('[data-figure="hours_worked"]')).to_have_text("4.00")
    await expect(page.get_by_role("heading", name="Preview")).to_be_focused()
    await expect(preview.locator('[data-figure="untaxed"]')).to_have_text("320.00 EUR")
    await expect(preview.locator('[data-figure="tax"]')).to_have_text("64.00 EUR")
    await expect(preview.locator('[data-figure="total"]')).to_have_text("384.00 EUR")
    await screenshots(page, "preview")
    assert (await stack.api.get("/v1/invoice-batches")).json()["data"] == []  # a preview writes nothing

    await page.get_by_role("button", name="Run").click()
    await expect(page.get_by_role("heading", name="Support — November 2026")).to_be_visible()
    # The page's script follows the run and reloads the page with its report once it is done.
    await expect(page.locator('.progress [data-field="status"]')).to_have_text("succeeded", timeout=90_000)
    bar = page.get_by_role("progressbar", name="Progress of Support — November 2026")
    await expect(bar).to_have_attribute("value", "2")
    await expect(bar).to_have_attribute("max", "2")
    await expect(page.locator("#invoices-created")).to_contain_text("(2)")
    created = page.get_by_role("region", name="Invoices created", exact=True)
    await expect(created).to_contain_text("Acme SARL")
    await expect(created).to_contain_text("Globex SA")
    await expect(page.get_by_role("region", name="Totals per currency")).to_contain_text("384.00")
    await screenshots(page, "batch")
    assert len((await stack.api.get("/v1/invoice-batches")).json()["data"]) == 1

    await created.get_by_role("row", name="Acme SARL").get_by_role("link").click()
    await expect(page.get_by_role("heading", name="Bill to")).to_be_visible()
    await expect(page.get_by_role("region", name="Invoice lines")).to_contain_text("Ticket T-004211")
    await screenshots(page, "invoice")
    async with page.expect_download() as download_info:
        await page.get_by_role("link", name="Download PDF").click()
    download = await download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert Path(await download.path()).read_bytes().startswith(b"%PDF")

    await page.get_by_role("link", name="Unbilled times").click()
    await expect(page.get_by_role("heading", name="Unbilled times")).to_be_visible()
    await screenshots(page, "unbilled")
    await page.get_by_role("link", name="Batches").first.click()
    await expect(page.locator(".batches")).to_contain_text("Support — November 2026")
    await screenshots(page, "batches")


async def test_the_progress_bar_moves_while_a_batch_runs(page, stack):
    """The page's script follows the batch's progress as the database has it (here written by the
    test, so that the run is as slow as needed) and reloads the page when the batch is done."""
    customer = await f.customer(stack.api)
    batch = (await stack.api.post("/v1/invoice-batches", json={
        "customer_ids": [customer["id"]], "title": "Slow one", "period_start": "2026-11-01",
        "period_end": "2026-11-30", "run_at": (datetime.now(UTC) + timedelta(hours=2)).isoformat()})).json()
    await sign_in(page, stack.api.key)
    await page.goto(f"/console/batches/{batch['id']}")
    bar = page.get_by_role("progressbar", name="Progress of Slow one")

    async def progress(**values):
        async with session_scope(stack.sessionmaker) as session:
            await session.execute(update(InvoiceBatch).where(InvoiceBatch.id == uuid.UUID(batch["id"]))
                                  .values(**values))

    await progress(status="running", customers_total=10, customers_done=3)
    await expect(bar).to_have_attribute("value", "3")
    await expect(bar).to_have_attribute("max", "10")
    await expect(page.locator('.progress [data-field="status"]')).to_have_text("running")
    await progress(customers_done=7)
    await expect(bar).to_have_attribute("value", "7")
    await expect(page.get_by_role("button", name="Cancel this batch")).to_have_count(0)
    await progress(status="succeeded", customers_done=10, finished_at=datetime.now(UTC))
    await expect(page.locator('.progress [data-field="status"]')).to_have_text("succeeded")
    await expect(page.locator("#definition")).to_be_visible()
    await expect(page.get_by_role("region", name="Totals", exact=True)).to_be_visible()


async def test_cancel_a_scheduled_batch(page, stack):
    await helpdesk(stack.api)
    await sign_in(page, stack.api.key)
    await fill_batch_form(page, ["Acme SARL"], title="Later today", run_at=datetime.now(UTC) + timedelta(hours=2))
    await page.get_by_role("button", name="Preview").click()
    await page.get_by_role("button", name="Run").click()
    await expect(page.locator('.progress [data-field="status"]')).to_have_text("scheduled")
    await page.get_by_role("button", name="Cancel this batch").click()
    await expect(page.get_by_role("status")).to_have_text("The batch is cancelled.")
    await expect(page.locator('.progress [data-field="status"]')).to_have_text("cancelled")
    [batch] = (await stack.api.get("/v1/invoice-batches")).json()["data"]
    assert batch["status"] == "cancelled"


async def test_a_wrong_key_is_refused(page):
    await page.goto("/console/")
    await page.get_by_label("API key").fill("rbk_000000000000_this-is-not-a-key")
    await page.keyboard.press("Enter")  # keyboard only
    await expect(page.get_by_role("alert")).to_have_text("This API key is unknown or revoked.")
    await expect(page.get_by_label("API key")).to_be_visible()
    await screenshots(page, "sign-in-refused")


async def test_another_tenants_batch_answers_404(page, stack):
    other = await new_tenant(stack.app, "Other")
    try:
        customer = await f.customer(other)
        theirs = (await other.post("/v1/invoice-batches", json={
            "customer_ids": [customer["id"]], "title": "Their batch", "period_start": "2026-11-01",
            "period_end": "2026-11-30"})).json()
    finally:
        await other.http.aclose()
    await sign_in(page, stack.api.key)
    response = await page.goto(f"/console/batches/{theirs['id']}")
    assert response.status == 404
    await expect(page.get_by_role("heading", name="Not found")).to_be_visible()
    await page.goto("/console/")
    await expect(page.locator("main")).not_to_contain_text("Their batch")


async def test_a_form_posted_without_its_csrf_token_is_refused(page, stack):
    customer = await f.customer(stack.api)
    batch = (await stack.api.post("/v1/invoice-batches", json={
        "customer_ids": [customer["id"]], "title": "Scheduled", "period_start": "2026-11-01",
        "period_end": "2026-11-30", "run_at": (datetime.now(UTC) + timedelta(hours=2)).isoformat()})).json()
    await sign_in(page, stack.api.key)
    await page.goto(f"/console/batches/{batch['id']}")
    await page.evaluate("document.querySelectorAll('input[name=csrf_token]').forEach(input => input.remove())")
    async with page.expect_response(lambda r: r.request.method == "POST") as answer:
        await page.get_by_role("button", name="Cancel this batch").click()
    assert (await answer.value).status == 403
    await expect(page.get_by_role("alert")).to_contain_text("security token")
    assert (await stack.api.get(f"/v1/invoice-batches/{batch['id']}")).json()["status"] == "scheduled"
