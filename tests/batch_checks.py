"""Shared by the tests that put batches under real conditions: data pushed through the bulk API,
real `rebill worker` processes, and the one check that matters after any crash or overlap: what the
API reports agrees with the database, row for row."""

import asyncio
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from redis.asyncio import Redis
from sqlalchemy import text

from tests.conftest import REDIS_URL

REBILL = str(Path(sys.executable).parent / "rebill")


def start_worker(database_url: str, redis_url: str = REDIS_URL, **more_env: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": redis_url, **more_env}
    return subprocess.Popen([REBILL, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def redis_clients(redis_url: str) -> int:
    """How many clients are connected to `redis_url`'s database (workers among them)."""
    redis = Redis.from_url(redis_url)
    try:
        database = str(redis.connection_pool.connection_kwargs.get("db", 0))
        return sum(1 for client in await redis.client_list() if str(client.get("db")) == database)
    finally:
        await redis.aclose()


async def wait_connected(redis_url: str, at_least: int, seconds: float = 60) -> None:
    """Wait until `at_least` clients are connected to `redis_url`'s database: a worker connects once
    it has imported the app, which a loaded machine can stretch past any fixed delay."""
    deadline = asyncio.get_running_loop().time() + seconds
    while await redis_clients(redis_url) < at_least:
        assert asyncio.get_running_loop().time() < deadline, f"fewer than {at_least} Redis clients after {seconds} s"
        await asyncio.sleep(0.2)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGCONT)  # a stopped process cannot handle SIGTERM
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def push(api, *, customers: int, entries: int, idle_every: int = 0) -> list[str]:
    """A product, then customers, tickets and approved entries in bulk, as a helpdesk pushes them.
    Every `idle_every`-th customer gets no time (0: none). Answers the customer ids, in order."""
    product = (await api.post("/v1/products", json={"code": "SUP-H", "name": "Support", "unit_price": "80.00"})).json()
    assert (await api.patch("/v1/settings", json={"default_product_id": product["id"]})).status_code == 200
    address = {"line1": "1 rue A", "postal_code": "75001", "city": "Paris", "country": "FR"}
    response = await api.post("/v1/customers/bulk", json={"items": [
        {"external_id": f"c-{n}", "name": f"Customer {n}", "tax_rate": "20.00", "billing_address": address}
        for n in range(customers)]})
    assert response.status_code == 200, response.text
    response = await api.post("/v1/work-items/bulk", json={"items": [
        {"external_id": f"t-{n}", "type": "ticket", "reference": f"T-{n}", "customer_external_id": f"c-{n}"}
        for n in range(customers)]})
    assert response.status_code == 200, response.text
    start = datetime(2026, 11, 2, 8, tzinfo=UTC)
    billed = [c for c in range(customers) if not (idle_every and c % idle_every == 0)]
    items = [{"external_id": f"e-{c}-{k}", "work_item_external_id": f"t-{c}", "hours": "0.75",
              "started_at": (start + timedelta(minutes=k)).isoformat(), "status": "approved"}
             for c in billed for k in range(entries)]
    for offset in range(0, len(items), 10_000):
        response = await api.post("/v1/time-entries/bulk", json={"items": items[offset:offset + 10_000]})
        assert response.status_code == 200, response.text
    ids, cursor = [], None
    while True:
        page = (await api.get("/v1/customers", params={"limit": 200, **({"cursor": cursor} if cursor else {})})).json()
        ids += [c["id"] for c in page["data"]]
        if not (cursor := page["next_cursor"]):
            return ids


async def launch(api, customer_ids: list[str], **more) -> dict:
    response = await api.post("/v1/invoice-batches", json={
        "customer_ids": customer_ids, "title": "November", "period_start": "2026-11-01",
        "period_end": "2026-11-30", "validate": True, **more})
    assert response.status_code == 202, response.text
    return response.json()


async def count_invoices(sessionmaker, batch_id: str) -> int:
    async with sessionmaker() as session:
        return await session.scalar(text("SELECT count(*) FROM invoices WHERE batch_id = :b"), {"b": batch_id})


async def wait_for_invoices(sessionmaker, batch_id: str, at_least: int, seconds: float = 60) -> int:
    deadline = asyncio.get_running_loop().time() + seconds
    while (done := await count_invoices(sessionmaker, batch_id)) < at_least:
        assert asyncio.get_running_loop().time() < deadline, f"only {done} invoices after {seconds} s"
        await asyncio.sleep(0.005)
    return done


async def wait_for_end(api, batch_id: str, seconds: float) -> dict:
    deadline = asyncio.get_running_loop().time() + seconds
    while True:
        batch = (await api.get(f"/v1/invoice-batches/{batch_id}")).json()
        if batch["status"] not in {"scheduled", "running"} or asyncio.get_running_loop().time() > deadline:
            return batch
        await asyncio.sleep(0.2)


async def assert_report_matches_database(api, sessionmaker, batch_id: str) -> dict:
    """The report, the batch and the database agree: every customer has exactly one outcome; a
    customer with an invoice in the batch is reported created, never without times; each invoice is
    reported once with its number and total; every time entry of the batch's customers in its scope
    is on exactly one invoice line or reported unbilled; numbers are unique. Answers the report."""
    report = (await api.get(f"/v1/invoice-batches/{batch_id}/report")).json()
    batch = (await api.get(f"/v1/invoice-batches/{batch_id}")).json()
    async with sessionmaker() as session:
        invoices = (await session.execute(text(
            "SELECT id, customer_id, number, total FROM invoices WHERE batch_id = :b"), {"b": batch_id})).all()
        outcomes = (await session.execute(text(
            "SELECT customer_id, outcome FROM invoice_batch_customers WHERE batch_id = :b"), {"b": batch_id})).all()
        entries = (await session.execute(text("""
            SELECT te.id, count(l.id) AS lines, count(u.time_entry_id) AS unbilled
            FROM invoice_batch_customers bc
            JOIN customers c ON c.id = bc.customer_id OR c.parent_id = bc.customer_id
            JOIN work_items wi ON wi.customer_id = c.id
            JOIN time_entries te ON te.work_item_id = wi.id
            LEFT JOIN invoice_lines l ON l.time_entry_id = te.id
              AND l.invoice_id IN (SELECT id FROM invoices WHERE batch_id = :b)
            LEFT JOIN invoice_batch_unbilled u ON u.time_entry_id = te.id AND u.batch_id = :b
            WHERE bc.batch_id = :b AND te.status = 'approved' AND te.billable
            GROUP BY te.id"""), {"b": batch_id})).all()
    invoiced_customers = [str(i.customer_id) for i in invoices]
    assert len(invoiced_customers) == len(set(invoiced_customers)), "a customer has two invoices in one batch"
    assert {(str(i.id), str(i.customer_id), i.number, f"{i.total:.2f}") for i in invoices} == {
        (r["invoice_id"], r["customer_id"], r["number"], r["total"]) for r in report["invoices_created"]}
    assert len(report["invoices_created"]) == len(invoices)
    assert all(o.outcome is not None for o in outcomes), "a customer of a finished batch has no outcome"
    assert {str(o.customer_id) for o in outcomes if o.outcome == "invoiced"} == set(invoiced_customers)
    without = set(report["customers_without_times"])
    assert without == {str(o.customer_id) for o in outcomes if o.outcome == "no_times"}
    assert not without & set(invoiced_customers), "a customer with an invoice is reported without times"
    assert all(e.lines + e.unbilled == 1 for e in entries), "an entry is billed twice, or lost"
    numbers = [i.number for i in invoices if i.number is not None]
    assert len(numbers) == len(set(numbers))
    assert batch["progress"] == {"customers_total": len(outcomes), "customers_done": len(outcomes)}
    return report
