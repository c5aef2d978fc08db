"""Benchmark: an export's worker memory does not grow with the file (SPEC §12). Two tenants hold
validated invoices of 10,000 and 100,000 lines (100 lines an invoice, written set-based straight into
the tables, with time entries and external ids as a batch leaves them); each is exported (`csv`) by
a fresh `rebill worker` process. Reported per size: the worker's peak RSS while it wrote the file
(sampled VmRSS), the idle RSS it started from, lines/s from the POST to `ready`, and the ratio of the
two peaks (1.00: memory independent of the file's length).

Usage: python bench/export_memory.py [--small 10000] [--large 100000] [--format csv]
(DATABASE_URL / REDIS_URL default to the local servers; the database is recreated)."""

import argparse
import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
import httpx
from redis.asyncio import Redis

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db import make_engine, make_sessionmaker, session_scope  # noqa: E402
from app.kit.net import free_port  # noqa: E402
from app.migrations import upgrade_head  # noqa: E402
from app.tenants.service import create_tenant  # noqa: E402
from bench.bulk_upsert import recreate_database, wait_ready  # noqa: E402

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://root@127.0.0.1:5432/rebill_bench_export")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/12")
REBILL = str(Path(sys.executable).parent / "rebill")
ENV = {**os.environ, "DATABASE_URL": DATABASE_URL, "REDIS_URL": REDIS_URL, "LOG_LEVEL": "warning"}
LINES_PER_INVOICE = 100

# Customers, a product, work items and time entries, invoices and their lines, for one tenant ($1)
# and $2 lines; descriptions with a comma, quotes and a line break, as real ones have.
DATA = [
    """INSERT INTO products (id, tenant_id, code, name, description, unit, unit_price)
       VALUES (gen_random_uuid(), $1, 'SUP-H', 'Support', 'Remote support', 'hour', 80)""",
    """INSERT INTO customers (id, tenant_id, external_id, name, kind, billing_address, emails, currency, tax_rate, tax_exempt)
       SELECT gen_random_uuid(), $1, 'crm-' || n, 'Customer, "' || n || '"', 'company',
              '{"line1": "3 rue de la Paix", "line2": null, "postal_code": "75002", "city": "Paris", "country": "FR"}',
              ARRAY['billing' || n || '@example.com'], 'EUR', 20, false
       FROM generate_series(1, $2::int / 100) n""",
    """INSERT INTO work_items (id, tenant_id, customer_id, external_id, type, reference, title)
       SELECT gen_random_uuid(), $1, c.id, 'T-' || c.external_id, 'ticket', 'T-' || c.external_id, 'Printer down'
       FROM customers c WHERE c.tenant_id = $1""",
    """INSERT INTO invoices (id, tenant_id, customer_id, status, number, bill_to, title, subtitle, issue_date,
         due_date, currency, untaxed_amount, tax_amount, total, taxes, terms, not_validated_reasons,
         delivery_status, delivery_attempts)
       SELECT gen_random_uuid(), $1, c.id, 'validated', 'INV-' || lpad(row_number() OVER (ORDER BY c.id)::text, 6, '0'),
         jsonb_build_object('name', c.name, 'address', c.billing_address), 'November', 'Period', current_date,
         current_date + 30, 'EUR', 8000, 1600, 9600, '[]', '{"payment_terms_days": 30}', '[]', 'not_requested', 0
       FROM customers c WHERE c.tenant_id = $1""",
    """INSERT INTO time_entries (id, tenant_id, external_id, work_item_id, employee_id, employee_name, started_at,
         hours, status, billable)
       SELECT gen_random_uuid(), $1, 'te-' || w.id || '-' || n, w.id, 'e-7', 'Alice Martin',
              timestamptz '2026-11-02 09:00+00' + n * interval '1 hour', 1, 'approved', true
       FROM work_items w CROSS JOIN generate_series(1, 100) n WHERE w.tenant_id = $1""",
    """INSERT INTO invoice_lines (id, tenant_id, invoice_id, position, time_entry_id, product_id, description,
         quantity, hours_worked, unit, unit_price, amount, tax_rate)
       SELECT gen_random_uuid(), $1, i.id, row_number() OVER (PARTITION BY i.id ORDER BY te.started_at) - 1, te.id,
         p.id, E'Support — Remote support, "level 2"\\nTicket ' || w.reference || ' of '
           || to_char(te.started_at, 'DD/MM/YYYY "at" HH24:MI') || ' by Alice Martin',
         1, 1, 'hour', 80, 80, 20
       FROM invoices i JOIN work_items w ON w.customer_id = i.customer_id
       JOIN time_entries te ON te.work_item_id = w.id
       JOIN products p ON p.tenant_id = $1
       WHERE i.tenant_id = $1""",
    """UPDATE time_entries te SET invoice_id = l.invoice_id, invoice_line_id = l.id
       FROM invoice_lines l WHERE l.time_entry_id = te.id AND te.tenant_id = $1""",
]


def rss_mb(process: subprocess.Popen) -> float:
    for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


async def load(lines: int, name: str) -> str:
    """A tenant with `lines` invoice lines; its API key."""
    engine = make_engine(DATABASE_URL)
    try:
        async with session_scope(make_sessionmaker(engine)) as session:
            tenant, key = await create_tenant(session, name=name)
    finally:
        await engine.dispose()
    connection = await asyncpg.connect(DATABASE_URL)
    try:
        async with connection.transaction():
            for statement in DATA:
                await connection.execute(statement, *((tenant.id, lines) if "$2" in statement else (tenant.id,)))
        await connection.execute("ANALYZE")
    finally:
        await connection.close()
    return key.key


async def export(base: str, key: str, fmt: str) -> tuple[float, int, float, float]:
    """A fresh worker writes the tenant's export; (seconds, lines, idle RSS, peak RSS)."""
    worker = subprocess.Popen([REBILL, "worker"], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        await asyncio.sleep(3)  # started and idle
        idle = rss_mb(worker)
        async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=60) as http:
            started = time.perf_counter()
            created = (await http.post("/v1/exports", json={"format": fmt, "issued_from": "2000-01-01"})).json()
            peak = idle
            while True:
                peak = max(peak, rss_mb(worker))
                done = (await http.get(f"/v1/exports/{created['id']}")).json()
                if done["status"] != "pending":
                    break
                await asyncio.sleep(0.05)
            elapsed = time.perf_counter() - started
            assert done["status"] == "ready", done
            size = 0
            async with http.stream("GET", done["file_url"]) as response:
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
        print(f"  {done['line_count']:>7} lines, {done['invoice_count']} invoices, file {size / 1e6:.1f} MB")
        return elapsed, done["line_count"], idle, peak
    finally:
        worker.terminate()
        worker.wait(timeout=30)


async def main(small: int, large: int, fmt: str) -> None:
    await recreate_database(DATABASE_URL)
    await asyncio.to_thread(upgrade_head, DATABASE_URL)
    redis = Redis.from_url(REDIS_URL)
    await redis.flushdb()
    await redis.aclose()
    small_key = await load(small, "Small")
    large_key = await load(large, "Large")
    port = free_port()
    api = subprocess.Popen([REBILL, "api", "--port", str(port)], env=ENV)
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base) as probe:
            await wait_ready(probe)
        results = {}
        for label, key in (("small", small_key), ("large", large_key)):
            results[label] = await export(base, key, fmt)
    finally:
        api.terminate()
        api.wait(timeout=30)
    print(f"export ({fmt}), one fresh worker per export:")
    for label, (elapsed, lines, idle, peak) in results.items():
        print(f"  {label:5} {lines:>7} lines  {elapsed:6.2f} s  {lines / elapsed:8.0f} lines/s  "
              f"worker RSS idle {idle:.0f} MB, peak {peak:.0f} MB")
    print(f"  peak RSS large / small = {results['large'][3] / results['small'][3]:.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=10_000, help="lines of the small export")
    parser.add_argument("--large", type=int, default=100_000, help="lines of the large export")
    parser.add_argument("--format", default="csv", choices=("csv", "xero", "quickbooks"))
    args = parser.parse_args()
    asyncio.run(main(args.small, args.large, args.format))
