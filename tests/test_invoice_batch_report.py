"""The batch report stays usable for large batches (SPEC §8): exact counts, at most the first 1,000
items of each selection with `truncated`, and every selection as a paginated list in the report's
order, so that a client can read all of it."""

import random
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from app.invoice_batches.runner import run_batch
from tests import factories as f
from tests.conftest import new_tenant
from tests.test_invoice_batch_preview import NOVEMBER, helpdesk  # noqa: F401  (fixture)
from tests.test_invoice_batch_run import launch, report_of
from tests.test_webhook_events import events_of
from tests.webhook_helpers import endpoint

QUIET, BUSY, ENTRIES_PER_BUSY = 1050, 3, 350
SELECTIONS = ("invoices-created", "invoices-not-validated", "invoices-not-sent", "unbilled-times",
              "customers-without-times", "credit-notes-created")
PROBLEM_JSON = "application/problem+json"


def an_hour_ahead() -> str:
    """run_at for batches no test runs: their queued jobs must not keep a worker busy later on."""
    return (datetime.now(UTC) + timedelta(hours=1)).isoformat()


ADDRESS = {"line1": "3 rue de la Paix", "postal_code": "75002", "city": "Paris", "country": "FR"}


async def walk(api, path: str, *, limit: int) -> list:
    """Every item of a paginated list, following next_cursor to the end."""
    items, cursor = [], None
    while True:
        response = await api.get(path, params={"limit": limit, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["data"]) <= limit
        items += page["data"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


@pytest.fixture(scope="module")
async def large(app, sessionmaker):
    """One batch over 1,050 customers with nothing to bill (given in shuffled order) and 3 customers
    with 350 times each that have no product while the batch requires one, plus one billable time:
    1,050 customers without times, 1,050 unbilled times, 3 invoices."""
    api = await new_tenant(app, "Large batch")
    await f.product(api, external_id="sup")
    await endpoint(api, url="https://hooks.example/rebill", events=["invoice_batch.completed"])
    customers = [{"external_id": f"quiet-{n}", "name": f"Quiet {n}"} for n in range(QUIET)]
    customers += [{"external_id": f"busy-{k}", "name": f"Busy {k}", "billing_address": ADDRESS} for k in range(BUSY)]
    assert (await api.post("/v1/customers/bulk", json={"items": customers})).status_code == 200
    work_items = [{"external_id": f"wi-{k}", "type": "ticket", "reference": f"T-{k}",
                   "customer_external_id": f"busy-{k}"} for k in range(BUSY)]
    assert (await api.post("/v1/work-items/bulk", json={"items": work_items})).status_code == 200
    entries = [{"external_id": f"te-{k}-{n}", "work_item_external_id": f"wi-{k}", "hours": "0.25",
                "started_at": f"2026-11-{1 + n % 28:02d}T09:{n % 60:02d}:00Z", "status": "approved",
                **({"product_external_id": "sup"} if n == ENTRIES_PER_BUSY else {})}
               for k in range(BUSY) for n in range(ENTRIES_PER_BUSY + 1)]
    assert (await api.post("/v1/time-entries/bulk", json={"items": entries})).status_code == 200

    ids = {c["external_id"]: c["id"] for c in await walk(api, "/v1/customers", limit=200)}
    quiet = [ids[f"quiet-{n}"] for n in range(QUIET)]
    random.Random(8).shuffle(quiet)  # the report keeps the order the batch was given, not id order
    busy = [ids[f"busy-{k}"] for k in range(BUSY)]
    batch = await launch(api, customer_ids=quiet[:500] + busy + quiet[500:], product_mandatory=True)
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    yield {"api": api, "batch": batch, "quiet": quiet, "busy": busy,
           "report": await report_of(api, batch["id"])}
    await api.http.aclose()


async def test_a_large_report_counts_every_item_and_shows_the_first_1000_of_each_selection(large):
    report = large["report"]
    assert report["counts"] == {"invoices_created": 3, "invoices_not_validated": 0, "invoices_not_sent": 0,
                                "unbilled_times": 1050, "customers_without_times": 1050, "customers_excluded": 0,
                                "credit_notes_created": 0, "customers_failed": 0}
    assert report["truncated"] is True
    assert report["customers_without_times"] == large["quiet"][:1000]
    assert len(report["unbilled_times"]) == 1000
    assert {u["reasons"][0]["code"] for u in report["unbilled_times"]} == {"missing_product"}
    assert len(report["invoices_created"]) == 3
    assert report["totals"]["invoices"] == 3 and report["totals"]["customers"] == 1053
    assert report["totals"]["hours"] == "0.75"
    assert report["customers_excluded"] == [] and report["credit_notes_created"] == []


@pytest.mark.parametrize(("selection", "limit"), [("customers-without-times", 97), ("unbilled-times", 128),
                                                  ("invoices-created", 2)])
async def test_paging_through_a_selection_gives_every_item_once_in_the_reports_order(large, selection, limit):
    api, batch_id, member = large["api"], large["batch"]["id"], selection.replace("-", "_")

    items = await walk(api, f"/v1/invoice-batches/{batch_id}/report/{selection}", limit=limit)

    assert len(items) == large["report"]["counts"][member]
    keys = [item if isinstance(item, str) else item.get("time_entry_id", item.get("invoice_id")) for item in items]
    assert len(set(keys)) == len(keys)
    assert items[:1000] == large["report"][member]


async def test_paging_customers_without_times_gives_them_in_the_order_the_batch_was_given(large):
    items = await walk(large["api"], f"/v1/invoice-batches/{large['batch']['id']}/report/customers-without-times",
                       limit=200)
    assert items == large["quiet"]


async def test_paging_unbilled_times_gives_exactly_the_times_left_unbilled_in_the_database(large, sessionmaker):
    items = await walk(large["api"], f"/v1/invoice-batches/{large['batch']['id']}/report/unbilled-times", limit=200)
    async with sessionmaker() as session:
        still_unbilled = (await session.execute(text(
            "SELECT wi.customer_id, te.id FROM time_entries te JOIN work_items wi ON wi.id = te.work_item_id "
            "WHERE te.tenant_id = :tenant AND te.invoice_id IS NULL"), {"tenant": large["api"].tenant_id})).all()
    assert [(u["customer_id"], u["time_entry_id"]) for u in items] == \
           sorted((str(c), str(t)) for c, t in still_unbilled)  # by customer, then time entry
    assert {u["customer_id"] for u in items} == set(large["busy"])


async def test_the_completed_event_counts_every_item_not_only_those_the_report_shows(large, sessionmaker):
    [event] = [e for e in await events_of(sessionmaker, large["api"].tenant_id)
               if e.type == "invoice_batch.completed"]
    summary = event.payload["data"]["summary"]
    assert (summary["unbilled_times"], summary["customers_without_times"], summary["invoices_created"]) == \
           (1050, 1050, 3)
    assert summary["totals"] == large["report"]["totals"]


async def test_a_small_report_is_whole_and_not_truncated(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    idle = await f.customer(api, name="Initech")
    await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    await f.time_entry(api, work_item_id=h["ticket"]["id"], started_at="2026-11-06T09:00:00Z")  # no product
    await f.time_entry(api, work_item_id=h["globex_ticket"]["id"], product_id=h["support"]["id"])  # no address
    batch = await launch(api, customer_ids=[h["acme"]["id"], h["globex"]["id"], idle["id"]], product_mandatory=True)
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))

    report = await report_of(api, batch["id"])

    assert report["truncated"] is False
    assert report["counts"] == {"invoices_created": 2, "invoices_not_validated": 1, "invoices_not_sent": 0,
                                "unbilled_times": 1, "customers_without_times": 1, "customers_excluded": 0,
                                "credit_notes_created": 0, "customers_failed": 0}
    for selection in SELECTIONS:
        member = selection.replace("-", "_")
        page = (await api.get(f"/v1/invoice-batches/{batch['id']}/report/{selection}")).json()
        assert page == {"data": report[member], "next_cursor": None}
        assert len(report[member]) == report["counts"][member]


async def test_a_cursor_that_is_not_one_of_the_lists_is_422_naming_cursor(helpdesk, sessionmaker):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    for n in range(2):
        await f.time_entry(api, work_item_id=h["ticket"]["id"], started_at=f"2026-11-0{n + 1}T09:00:00Z")
    batch = await launch(api, customer_ids=[h["acme"]["id"]], product_mandatory=True)
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    base = f"/v1/invoice-batches/{batch['id']}/report"
    # A real cursor, but of another list: it holds two keys where invoices are paged by one.
    unbilled_cursor = await first_cursor(api, f"{base}/unbilled-times")
    assert unbilled_cursor is not None

    for path, cursor in ((f"{base}/unbilled-times", "garbage"), (f"{base}/customers-without-times", "!!!"),
                         (f"{base}/invoices-created", "AAAA"), (f"{base}/unbilled-times", "x" * 65),
                         (f"{base}/invoices-created", unbilled_cursor)):
        response = await api.get(path, params={"cursor": cursor})
        assert response.status_code == 422, (path, cursor, response.text)
        assert response.headers["content-type"].startswith(PROBLEM_JSON)
        assert [e["field"] for e in response.json()["errors"]] == ["cursor"]


async def first_cursor(api, path: str) -> str | None:
    response = await api.get(path, params={"limit": 1})
    assert response.status_code == 200, response.text
    return response.json()["next_cursor"]


async def test_an_unknown_selection_is_404(api):
    customer = await f.customer(api)
    batch = await launch(api, customer_ids=[customer["id"]], run_at=an_hour_ahead())
    response = await api.get(f"/v1/invoice-batches/{batch['id']}/report/invoices-lost")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert response.json()["code"] == "not_found"


async def test_the_selections_of_a_batch_that_has_not_run_are_empty(api):
    customer = await f.customer(api)
    batch = await launch(api, customer_ids=[customer["id"]], run_at=an_hour_ahead())
    for selection in SELECTIONS:
        response = await api.get(f"/v1/invoice-batches/{batch['id']}/report/{selection}")
        assert response.json() == {"data": [], "next_cursor": None}
