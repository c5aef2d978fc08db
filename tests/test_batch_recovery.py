"""Crashes and lost queues: a batch survives its worker being SIGKILLed mid-run and Redis being
flushed while it is scheduled. Real `rebill worker` processes; PostgreSQL decides what is left."""

import asyncio
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from redis.asyncio import Redis
from sqlalchemy import text

from tests.conftest import REDIS_URL

REBILL = str(Path(sys.executable).parent / "rebill")
CUSTOMERS, ENTRIES = 120, 50


def start_worker(settings, **more_env: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": settings.database_url, "REDIS_URL": REDIS_URL,
           **more_env}
    return subprocess.Popen([REBILL, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


async def seed(api) -> list[str]:
    product = (await api.post("/v1/products", json={"code": "SUP-H", "name": "Support", "unit_price": "80.00"})).json()
    await api.patch("/v1/settings", json={"default_product_id": product["id"]})
    customers = [{"external_id": f"c-{n}", "name": f"Customer {n}", "tax_rate": "20.00",
                  "billing_address": {"line1": "1 rue A", "postal_code": "75001", "city": "Paris", "country": "FR"}}
                 for n in range(CUSTOMERS)]
    assert (await api.post("/v1/customers/bulk", json={"items": customers})).status_code == 200
    items = [{"external_id": f"t-{n}", "type": "ticket", "reference": f"T-{n}", "customer_external_id": f"c-{n}"}
             for n in range(CUSTOMERS)]
    assert (await api.post("/v1/work-items/bulk", json={"items": items})).status_code == 200
    start = datetime(2026, 11, 2, 8, tzinfo=UTC)
    entries = [{"external_id": f"e-{c}-{k}", "work_item_external_id": f"t-{c}", "hours": "0.75",
                "started_at": (start + timedelta(minutes=k)).isoformat(), "status": "approved",
}
               for c in range(CUSTOMERS) for k in range(ENTRIES)]
    assert (await api.post("/v1/time-entries/bulk", json={"items": entries})).status_code == 200
    ids, cursor = [], None
    while True:
        page = (await api.get("/v1/customers", params={"limit": 200, **({"cursor": cursor} if cursor else {})})).json()
        ids += [c["id"] for c in page["data"]]
        if not (cursor := page["next_cursor"]):
            return ids


async def invoices_of(sessionmaker, batch_id: str) -> int:
    async with sessionmaker() as session:
        return await session.scalar(text("SELECT count(*) FROM invoices WHERE batch_id = :b"), {"b": batch_id})


async def wait_for_status(api, batch_id: str, seconds: float) -> str:
    deadline = asyncio.get_running_loop().time() + seconds
    status = "scheduled"
    while asyncio.get_running_loop().time() < deadline:
        status = (await api.get(f"/v1/invoice-batches/{batch_id}")).json()["status"]
        if status not in {"scheduled", "running"}:
            break
        await asyncio.sleep(0.2)
    return status


@pytest.mark.slow
async def test_a_batch_survives_workers_killed_mid_run(api, settings, sessionmaker):
    customer_ids = await seed(api)
    worker = start_worker(settings)
    try:
        batch = (await api.post("/v1/invoice-batches", json={
            "customer_ids": customer_ids, "title": "November", "period_start": "2026-11-01",
            "period_end": "2026-11-30", "validate": True})).json()
        kills = []
        for threshold in (10, 60):  # kill at several points of the run
            while (done := await invoices_of(sessionmaker, batch["id"])) < threshold:
                await asyncio.sleep(0.002)
            worker.send_signal(signal.SIGKILL)
            worker.wait()
            kills.append(done)
            worker = start_worker(settings)
        status = await wait_for_status(api, batch["id"], 90)
    finally:
        stop(worker)
    assert kills[0] < CUSTOMERS and kills[1] < CUSTOMERS, f"the kills landed after the run: {kills}"
    assert status == "succeeded"

    async with sessionmaker() as session:
        lines_per_entry = (await session.execute(text(
            "SELECT te.id, count(l.id) AS lines, bool_or(te.invoice_id = l.invoice_id) AS linked "
            "FROM time_entries te LEFT JOIN invoice_lines l ON l.time_entry_id = te.id "
            "WHERE te.tenant_id = :t GROUP BY te.id"), {"t": api.tenant_id})).all()
        per_customer = (await session.execute(text(
            "SELECT customer_id, count(*) FROM invoices WHERE batch_id = :b GROUP BY customer_id"),
            {"b": batch["id"]})).all()
        numbers = (await session.scalars(text(
            "SELECT number FROM invoices WHERE batch_id = :b ORDER BY number"), {"b": batch["id"]})).all()
    assert len(lines_per_entry) == CUSTOMERS * ENTRIES
    assert all(row.lines == 1 and row.linked for row in lines_per_entry)  # every entry on exactly one line
    assert len(per_customer) == CUSTOMERS and all(n == 1 for _, n in per_customer)
    year = datetime.now(UTC).year
    assert numbers == [f"INV-{year}-{n:06d}" for n in range(1, CUSTOMERS + 1)]  # gapless


@pytest.mark.slow
async def test_a_scheduled_batch_runs_even_after_redis_is_flushed(api, settings, sessionmaker):
    product = (await api.post("/v1/products", json={"code": "SUP-H", "name": "Support", "unit_price": "80.00"})).json()
    customer = (await api.post("/v1/customers", json={"name": "Acme", "tax_rate": "20.00"})).json()
    item = (await api.post("/v1/work-items", json={"type": "ticket", "reference": "T-1",
                                                   "customer_id": customer["id"]})).json()
    await api.post("/v1/time-entries", json={"work_item_id": item["id"], "started_at": "2026-11-05T10:00:00Z",
                                             "hours": "1.00", "product_id": product["id"], "status": "approved"})
    run_at = datetime.now(UTC) + timedelta(seconds=3)
    batch = (await api.post("/v1/invoice-batches", json={
        "customer_ids": [customer["id"]], "title": "November", "period_start": "2026-11-01",
        "period_end": "2026-11-30", "run_at": run_at.isoformat()})).json()
    redis = Redis.from_url(REDIS_URL)
    await redis.flushdb()  # the deferred job is gone; PostgreSQL still has the batch
    await redis.aclose()
    worker = start_worker(settings)
    try:
        status = await wait_for_status(api, batch["id"], 60)
    finally:
        stop(worker)
    assert status == "succeeded"
    report = (await api.get(f"/v1/invoice-batches/{batch['id']}/report")).json()
    assert [i["total"] for i in report["invoices_created"]] == ["96.00"]
