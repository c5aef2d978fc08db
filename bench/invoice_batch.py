"""Benchmark: one invoice batch over 1,000 customers x 100 approved entries (100,000), validate=true,
run by a real `rebill worker` process, timed from the POST to `succeeded`.

In the same run, the floor: the same invoices and lines written for an identical second tenant by
set-based INSERT ... SELECT statements in a single transaction (no per-customer transactions, no
planning in Python). Reported: entries/s of both and their ratio.

Usage: python bench/invoice_batch.py [--customers 1000] [--entries 100]
(DATABASE_URL / REDIS_URL default to the local servers; the database `rebill_bench` is recreated)."""

import argparse
import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db import make_engine, make_sessionmaker, session_scope  # noqa: E402
from app.migrations import upgrade_head  # noqa: E402
from app.tenants.service import create_tenant  # noqa: E402
from app.kit.net import free_port  # noqa: E402
from bench.bulk_upsert import recreate_database, wait_ready  # noqa: E402

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://root@127.0.0.1:5432/rebill_bench")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14")

SEED = """
WITH p AS (INSERT INTO products (id, tenant_id, code, name, description, unit, unit_price)
           VALUES (gen_random_uuid(), $1, 'SUP-H', 'Support', 'Remote support', 'hour', 80) RETURNING id),
     s AS (UPDATE tenant_settings SET default_product_id = (SELECT id FROM p), timezone = 'Europe/Paris',
           terms = '{"payment_terms_days": 30}' WHERE tenant_id = $1)
SELECT id FROM p
"""
SEED_CUSTOMERS = """
INSERT INTO customers (id, tenant_id, name, kind, billing_address, emails, currency, tax_rate, tax_exempt)
SELECT gen_random_uuid(), $1, 'Customer ' || n, 'company',
       '{"line1": "1 rue A", "line2": null, "postal_code": "75001", "city": "Paris", "country": "FR"}',
       ARRAY['c' || n || '@example.com'], 'EUR', 20, false
FROM generate_series(1, $2) AS n
"""
SEED_WORK = """
INSERT INTO work_items (id, tenant_id, type, reference, title, customer_id)
SELECT gen_random_uuid(), $1, 'ticket', 'T-' || row_number() OVER (), 'Ticket', id FROM customers WHERE tenant_id = $1
"""
SEED_ENTRIES = """
INSERT INTO time_entries (id, tenant_id, work_item_id, employee_id, employee_name, started_at, hours, product_id,
                          status, billable)
SELECT gen_random_uuid(), $1, w.id, 'e-1', 'Alice Martin',
       timestamptz '2026-11-02 08:00+00' + (n || ' minutes')::interval, (1 + n % 4) + 0.25,
       CASE WHEN n % 10 = 0 THEN NULL ELSE $3::uuid END, 'approved', true
FROM work_items w, generate_series(1, $2) AS n WHERE w.tenant_id = $1
"""
FLOOR = [
    """INSERT INTO invoices (id, tenant_id, customer_id, status, number, bill_to, title, subtitle, issue_date,
         due_date, currency, untaxed_amount, tax_amount, total, taxes, terms, not_validated_reasons,
         delivery_status, delivery_attempts)
       SELECT gen_random_uuid(), $1, c.id, 'validated', 'F-' || row_number() OVER (ORDER BY c.id),
         jsonb_build_object('name', c.name, 'address', c.billing_address), 'November', 'Period', current_date,
         current_date + 30, 'EUR', 0, 0, 0, '[]', '{}', '[]', 'not_requested', 0
       FROM customers c WHERE c.tenant_id = $1""",
    """INSERT INTO invoice_lines (id, tenant_id, invoice_id, position, time_entry_id, product_id, description,
         quantity, unit, unit_price, amount, tax_rate)
       SELECT gen_random_uuid(), $1, i.id, row_number() OVER (PARTITION BY i.id ORDER BY te.started_at), te.id,
         p.id, p.name || ' — ' || p.description || E'\\nTicket ' || w.reference || ' of '
           || to_char(te.started_at AT TIME ZONE 'Europe/Paris', 'DD/MM/YYYY "at" HH24:MI'),
         te.hours, p.unit, p.unit_price, round(te.hours * p.unit_price, 2), 20
       FROM time_entries te JOIN work_items w ON w.id = te.work_item_id
       JOIN invoices i ON i.tenant_id = $1 AND i.customer_id = w.customer_id
       JOIN products p ON p.id = coalesce(te.product_id, $2::uuid)
       WHERE te.tenant_id = $1 AND te.invoice_id IS NULL""",
    """UPDATE time_entries te SET invoice_id = l.invoice_id, invoice_line_id = l.id
       FROM invoice_lines l WHERE l.tenant_id = $1 AND l.time_entry_id = te.id""",
    """UPDATE invoices i SET untaxed_amount = s.untaxed, tax_amount = round(s.untaxed * 0.2, 2),
         total = s.untaxed + round(s.untaxed * 0.2, 2)
       FROM (SELECT invoice_id, sum(amount) AS untaxed FROM invoice_lines WHERE tenant_id = $1
             GROUP BY invoice_id) s WHERE s.invoice_id = i.id""",
]


async def seed(conn, tenant_id, customers: int, entries: int):
    product_id = await conn.fetchval(SEED, tenant_id)
    await conn.execute(SEED_CUSTOMERS, tenant_id, customers)
    await conn.execute(SEED_WORK, tenant_id)
    await conn.execute(SEED_ENTRIES, tenant_id, entries, product_id)
    return product_id


async def main(customers: int, entries: int) -> None:
    total = customers * entries
    await recreate_database(DATABASE_URL)
    await asyncio.to_thread(upgrade_head, DATABASE_URL)
    engine = make_engine(DATABASE_URL)
    async with session_scope(make_sessionmaker(engine)) as session:
        batch_tenant, key = await create_tenant(session, name="bench-batch")
        floor_tenant, _ = await create_tenant(session, name="bench-floor")
    await engine.dispose()
    conn = await asyncpg.connect(DATABASE_URL)
    await seed(conn, batch_tenant.id, customers, entries)
    floor_product = await seed(conn, floor_tenant.id, customers, entries)
    await conn.execute("ANALYZE")

    t0 = time.perf_counter()
    async with conn.transaction():
        for statement in FLOOR:
            await conn.execute(statement, floor_tenant.id, *([floor_product] if "$2" in statement else []))
    floor = time.perf_counter() - t0
    await conn.close()

    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "REDIS_URL": REDIS_URL, "LOG_LEVEL": "warning"}
    rebill = str(Path(sys.executable).parent / "rebill")
    port = free_port()
    api = subprocess.Popen([rebill, "api", "--port", str(port)], env=env)
    worker = subprocess.Popen([rebill, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60,
                                     headers={"Authorization": f"Bearer {key.key}"}) as http:
            await wait_ready(http)
            await asyncio.sleep(2)  # let the worker connect
            ids = []
            cursor = None
            while True:
                page = (await http.get("/v1/customers", params={"limit": 200, **({"cursor": cursor} if cursor else {})})).json()
                ids += [c["id"] for c in page["data"]]
                cursor = page["next_cursor"]
                if not cursor:
                    break
            t0 = time.perf_counter()
            batch = (await http.post("/v1/invoice-batches", json={
                "customer_ids": ids, "title": "November", "period_start": "2026-11-01", "period_end": "2026-11-30",
                "validate": True, "show_employee_names": True})).json()
            while True:
                state = (await http.get(f"/v1/invoice-batches/{batch['id']}")).json()
                if state["status"] not in {"scheduled", "running"}:
                    break
                await asyncio.sleep(0.05)
            elapsed = time.perf_counter() - t0
            report = (await http.get(f"/v1/invoice-batches/{batch['id']}/report")).json()
    finally:
        # The worker goes on rendering the validated invoices' PDFs after the batch (a job of its
        # own, not part of the batch's time): the benchmark does not wait for it.
        worker.kill()
        api.terminate()
        for process in (worker, api):
            process.wait(timeout=30)
    assert state["status"] == "succeeded", state
    assert report["totals"]["invoices"] == customers
    print(f"invoice batch: {customers} customers x {entries} entries = {total} entries, validate=true")
    print(f"  batch (POST -> succeeded, real worker) {elapsed:7.2f} s  {total / elapsed:8.0f} entries/s")
    print(f"  floor (set-based INSERT ... SELECT)    {floor:7.2f} s  {total / floor:8.0f} entries/s")
    print(f"  ratio batch / floor                    {elapsed / floor:7.2f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=100)
    args = parser.parse_args()
    asyncio.run(main(args.customers, args.entries))
