"""Crashes, pauses and lost queues, with real `rebill worker` processes: a batch survives its worker
being SIGKILLed mid-run or between picking the job up and its first commit, a worker frozen (SIGSTOP)
while another takes over and then resumed, Redis flushed while the batch is scheduled; two workers
share a large batch. After each, the report agrees with the database row for row."""

import asyncio
import signal
import time
from datetime import UTC, datetime, timedelta

import pytest
from redis.asyncio import Redis
from sqlalchemy import text

from tests.batch_checks import (assert_report_matches_database, count_invoices, launch, push, redis_clients, start_worker,
                                stop, wait_connected, wait_for_end, wait_for_invoices)

CUSTOMERS, ENTRIES = 120, 50


@pytest.mark.slow
async def test_a_batch_survives_workers_killed_mid_run(stack):
    api, sessionmaker = stack.api, stack.sessionmaker
    customer_ids = await push(api, customers=CUSTOMERS, entries=ENTRIES)
    worker = start_worker(stack.database_url, stack.redis_url)
    try:
        batch = await launch(api, customer_ids)
        kills = []
        for threshold in (10, 60):  # kill at several points of the run
            kills.append(await wait_for_invoices(sessionmaker, batch["id"], threshold))
            worker.send_signal(signal.SIGKILL)
            worker.wait()
            restarted = time.monotonic()
            worker = start_worker(stack.database_url, stack.redis_url)
            # A killed run is resumed within 30 s of a worker being available (SPEC §8).
            await wait_for_invoices(sessionmaker, batch["id"], kills[-1] + 1, seconds=30)
            assert time.monotonic() - restarted < 30
        status = (await wait_for_end(api, batch["id"], 90))["status"]
    finally:
        stop(worker)
    assert kills[0] < CUSTOMERS and kills[1] < CUSTOMERS, f"the kills landed after the run: {kills}"
    assert status == "succeeded"
    await assert_report_matches_database(api, sessionmaker, batch["id"])

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
async def test_a_scheduled_batch_runs_even_after_redis_is_flushed(stack):
    api = stack.api
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
    redis = Redis.from_url(stack.redis_url)
    await redis.flushdb()  # the deferred job is gone; PostgreSQL still has the batch
    await redis.aclose()
    worker = start_worker(stack.database_url, stack.redis_url)
    try:
        status = (await wait_for_end(api, batch["id"], 60))["status"]
    finally:
        stop(worker)
    assert status == "succeeded"
    report = (await api.get(f"/v1/invoice-batches/{batch['id']}/report")).json()
    assert [i["total"] for i in report["invoices_created"]] == ["96.00"]


@pytest.mark.slow
async def test_a_worker_killed_before_its_first_commit_is_replaced_within_30_s(stack):
    api, sessionmaker = stack.api, stack.sessionmaker
    customer_ids = await push(api, customers=20, entries=5)
    batch = await launch(api, customer_ids, run_at=(datetime.now(UTC) + timedelta(seconds=3)).isoformat())
    workers = [start_worker(stack.database_url, stack.redis_url)]
    try:
        async with sessionmaker() as holder:
            # Hold the batch's row: the worker picks the job up when it is due, takes its slot, and
            # blocks before its first commit. That is where it is killed.
            await holder.execute(text("SELECT id FROM invoice_batches WHERE id = :b FOR UPDATE"), {"b": batch["id"]})
            me = await holder.scalar(text("SELECT pg_backend_pid()"))
            async with sessionmaker() as session:
                for _ in range(300):
                    # (pg_stat_activity keeps the first 1 kB of a query: the ORM's column list fills it)
                    waiting = await session.scalar(text(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                        "AND query LIKE 'SELECT invoice_batches.id%' AND pid <> :me"), {"me": me})
                    if waiting:
                        break
                    await session.rollback()  # a transaction sees one snapshot of pg_stat_activity
                    await asyncio.sleep(0.1)
            assert waiting, "the worker never reached the batch"
            workers[0].send_signal(signal.SIGKILL)
            workers[0].wait()
            replaced = time.monotonic()
            workers.append(start_worker(stack.database_url, stack.redis_url))
            await asyncio.sleep(5)
            await holder.rollback()
        done = await wait_for_end(api, batch["id"], 30)
    finally:
        for worker in workers:
            stop(worker)
    assert done["status"] == "succeeded", done
    assert time.monotonic() - replaced < 30
    await assert_report_matches_database(api, sessionmaker, batch["id"])


@pytest.mark.slow
async def test_a_frozen_worker_that_comes_back_leaves_the_report_true(stack):
    api, sessionmaker = stack.api, stack.sessionmaker
    customer_ids = await push(api, customers=300, entries=20, idle_every=5)
    frozen = start_worker(stack.database_url, stack.redis_url)
    rescuer = None
    try:
        batch = await launch(api, customer_ids)
        await wait_for_invoices(sessionmaker, batch["id"], 20)
        frozen.send_signal(signal.SIGSTOP)  # a GC pause, a VM migration: alive, but silent
        at_stop = await count_invoices(sessionmaker, batch["id"])
        rescuer = start_worker(stack.database_url, stack.redis_url)
        # The frozen run keeps its slot (it is not dead), so no run takes over from it; the new
        # worker joins as a helper and does what nobody holds.
        await wait_for_invoices(sessionmaker, batch["id"], at_stop + 20, seconds=30)
        await asyncio.sleep(8)
        frozen.send_signal(signal.SIGCONT)
        done = await wait_for_end(api, batch["id"], 60)
    finally:
        stop(frozen)
        if rescuer is not None:
            stop(rescuer)
    assert done["status"] == "succeeded", done
    report = await assert_report_matches_database(api, sessionmaker, batch["id"])
    assert len(report["invoices_created"]) == 240 and len(report["customers_without_times"]) == 60


@pytest.mark.slow
async def test_two_workers_share_a_large_batch(stack):
    api, sessionmaker = stack.api, stack.sessionmaker
    customer_ids = await push(api, customers=600, entries=10)
    connected = await redis_clients(stack.redis_url)
    workers = [start_worker(stack.database_url, stack.redis_url) for _ in range(2)]
    try:
        # Both workers up (a cold start on a loaded machine can take many seconds), as they would be
        # long before month-end; the batch is due 3 s later, so both are polling the queue.
        await wait_connected(stack.redis_url, connected + 2)
        batch = await launch(api, customer_ids, run_at=(datetime.now(UTC) + timedelta(seconds=3)).isoformat())
        done = await wait_for_end(api, batch["id"], 60)
    finally:
        for worker in workers:
            stop(worker)
    async with sessionmaker() as session:
        runs = await session.scalar(text("SELECT runs FROM invoice_batches WHERE id = :b"), {"b": batch["id"]})
    # A run starts only while the batch runs, and the first one ends only once nothing is left: a
    # second run means two runs of the batch ran together, one per worker process.
    assert done["status"] == "succeeded" and runs >= 2, f"only {runs} run(s) took part"
    await assert_report_matches_database(api, sessionmaker, batch["id"])
