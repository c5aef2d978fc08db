"""Benchmark: an invoice batch as a helpdesk launches it on month-end. 1,000 customers x 100 approved
entries (100,000) are pushed through the bulk API (customers, work items, then time entries 10,000 a
request), and a `validate=true` batch is launched at once on real `rebill worker` processes, timed
from the POST to its final status. No ANALYZE (unless --analyze), no warm-up: the tables are as fresh
as a user's.

In the same run, the floor: the same invoices and lines written for an identical second tenant by
set-based INSERT ... SELECT statements in one transaction (no per-customer transactions, no planning
in Python), after an ANALYZE so that the floor gets its best plans. Reported: entries/s of both,
their ratio, and each worker's peak RSS. With --rss-baseline N, a first batch of N entries (100
customers) runs on its own fresh worker, and the big batch's peak RSS is compared to it.

With --cutoff DATE the batch gives a cut-off date instead of November's period: each customer is
billed its (monthly) cycle ending on or before it, plus its late time.

With --rounds N the whole measurement is repeated on a fresh database, ending with the median
ratio and every round's (a shared machine moves a single round's by up to ±20 %).

Usage: python bench/invoice_batch.py [--customers 1000] [--entries 100] [--workers 1] [--analyze]
                                     [--rss-baseline 10000] [--cutoff 2026-11-30] [--rounds 1]
(DATABASE_URL / REDIS_URL default to the local servers; the database is recreated)."""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
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

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://root@127.0.0.1:5432/rebill_bench")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14")
REBILL = str(Path(sys.executable).parent / "rebill")
# What the batch bills: November, or (--cutoff) each customer's last cycle by that date.
DATES: dict = {"period_start": "2026-11-01", "period_end": "2026-11-30"}
ENV = {**os.environ, "DATABASE_URL": DATABASE_URL, "REDIS_URL": REDIS_URL, "LOG_LEVEL": "warning"}

FLOOR = [
    """INSERT INTO invoices (id, tenant_id, customer_id, status, number, bill_to, title, subtitle, issue_date,
         due_date, currency, untaxed_amount, tax_amount, total, taxes, terms, not_validated_reasons,
         delivery_status, delivery_attempts)
       SELECT gen_random_uuid(), $1, c.id, 'validated', 'F-' || row_number() OVER (ORDER BY c.id),
         jsonb_build_object('name', c.name, 'address', c.billing_address), 'November', 'Period', current_date,
         current_date + 30, 'EUR', 0, 0, 0, '[]', '{}', '[]', 'not_requested', 0
       FROM customers c WHERE c.tenant_id = $1""",
    """INSERT INTO invoice_lines (id, tenant_id, invoice_id, position, time_entry_id, product_id, description,
         quantity, hours_worked, unit, unit_price, amount, tax_rate)
       SELECT gen_random_uuid(), $1, i.id, row_number() OVER (PARTITION BY i.id ORDER BY te.started_at), te.id,
         p.id, p.name || ' — ' || p.description || E'\\nTicket ' || w.reference || ' of '
           || to_char(te.started_at AT TIME ZONE 'Europe/Paris', 'DD/MM/YYYY "at" HH24:MI'),
         te.hours, te.hours, p.unit, p.unit_price, round(te.hours * p.unit_price, 2), 20
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


async def push(http: httpx.AsyncClient, customers: int, entries: int) -> tuple[list[str], str]:
    """What a helpdesk does: a product and the default product setting, then everything in bulk."""
    product = (await http.post("/v1/products", json={"external_id": "SUP-H", "code": "SUP-H", "name": "Support",
                                                     "description": "Remote support", "unit_price": "80.00"})).json()
    await http.patch("/v1/settings", json={"default_product_id": product["id"], "timezone": "Europe/Paris",
                                           "terms": {"payment_terms_days": 30}})
    address = {"line1": "1 rue A", "postal_code": "75001", "city": "Paris", "country": "FR"}
    for offset in range(0, customers, 10_000):
        numbers = range(offset, min(customers, offset + 10_000))
        response = await http.post("/v1/customers/bulk", json={"items": [
            {"external_id": f"c-{n}", "name": f"Customer {n}", "billing_address": address,
             "emails": [f"c{n}@example.com"], "tax_rate": "20.00"} for n in numbers]})
        assert response.status_code == 200, response.text
        response = await http.post("/v1/work-items/bulk", json={"items": [
            {"external_id": f"T-{n}", "type": "ticket", "reference": f"T-{n}", "title": "Ticket",
             "customer_external_id": f"c-{n}"} for n in numbers]})
        assert response.status_code == 200, response.text
    start = datetime(2026, 11, 2, 8, tzinfo=UTC)
    items = ({"external_id": f"e-{c}-{k}", "work_item_external_id": f"T-{c}", "employee_id": "e-1",
              "employee_name": "Alice Martin", "started_at": (start + timedelta(minutes=k)).isoformat(),
              "hours": f"{1 + k % 4}.25", "status": "approved",
              **({} if k % 10 == 0 else {"product_external_id": "SUP-H"})}
             for c in range(customers) for k in range(entries))
    while chunk := [item for _, item in zip(range(10_000), items)]:
        response = await http.post("/v1/time-entries/bulk", json={"items": chunk})
        assert response.status_code == 200, response.text
    ids, cursor = [], None
    while True:
        page = (await http.get("/v1/customers", params={"limit": 200, **({"cursor": cursor} if cursor else {})})).json()
        ids += [c["id"] for c in page["data"]]
        if not (cursor := page["next_cursor"]):
            return ids, product["id"]


def cpu_seconds(process: subprocess.Popen) -> float:
    """User + system CPU time the process has used so far."""
    fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, from /proc/stat."""
    ticks = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    hz = os.sysconf("SC_CLK_TCK")
    return (sum(ticks) - ticks[3] - ticks[4]) / hz, sum(ticks) / hz


def rss_mb(process: subprocess.Popen) -> float:
    """The process's resident memory now (VmRSS). Sampled while the batch runs, its maximum is the
    batch's peak: the high-water mark (VmHWM) would also count the PDF rendering job that the
    worker starts as soon as the batch ends."""
    for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


async def bill(http: httpx.AsyncClient, ids: list[str], workers: int) -> tuple[float, dict, list[float]]:
    """Start `workers` fresh workers, POST the batch, wait for its final status; (seconds, report, RSS)."""
    processes = [subprocess.Popen([REBILL, "worker"], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                 for _ in range(workers)]
    try:
        await asyncio.sleep(3)  # let the workers connect, as they would be long before month-end
        cpu0, busy0 = [cpu_seconds(p) for p in processes], machine_busy()
        t0 = time.perf_counter()
        batch = (await http.post("/v1/invoice-batches", json={
            "customer_ids": ids, "title": "November", **DATES, "validate": True,
            "show_employee_names": True})).json()
        progress = []
        rss = [0.0] * len(processes)
        while True:
            state = (await http.get(f"/v1/invoice-batches/{batch['id']}")).json()
            progress.append(state["progress"]["customers_done"])
            rss = [max(peak, rss_mb(p)) for peak, p in zip(rss, processes)]
            if state["status"] not in {"scheduled", "running"}:
                break
            await asyncio.sleep(0.05)
        elapsed = time.perf_counter() - t0
        cpu = sum(cpu_seconds(p) - c for p, c in zip(processes, cpu0))
        busy = [b - a for a, b in zip(busy0, machine_busy())]
    finally:
        # The workers go on rendering the validated invoices' PDFs after the batch (a job of its own,
        # not part of the batch's time): the benchmark does not wait for it.
        for process in processes:
            process.kill()
            process.wait(timeout=30)
    report = (await http.get(f"/v1/invoice-batches/{batch['id']}/report")).json()
    assert state["status"] == "succeeded", state
    assert report["totals"]["invoices"] == len(ids), report["totals"]
    print(f"  CPU while it ran: workers {cpu:.2f} s; whole machine {busy[0]:.2f} s busy of {busy[1]:.2f} s "
          f"({os.cpu_count()} cores)")
    distinct = sorted(set(progress))
    print(f"  progress seen while running: {len(distinct)} distinct values of customers_done "
          f"({', '.join(map(str, distinct[:6]))}{', …' if len(distinct) > 6 else ''})")
    return elapsed, report, rss


async def tenant_client(port: int, name: str) -> httpx.AsyncClient:
    engine = make_engine(DATABASE_URL)
    async with session_scope(make_sessionmaker(engine)) as session:
        _, key = await create_tenant(session, name=name)
    await engine.dispose()
    return httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=300,
                             headers={"Authorization": f"Bearer {key.key}"})


async def main(customers: int, entries: int, workers: int, analyze: bool, rss_baseline: int) -> float:
    """One round on a fresh database; the ratio batch / floor of their times."""
    total = customers * entries
    await recreate_database(DATABASE_URL)
    await asyncio.to_thread(upgrade_head, DATABASE_URL)
    port = free_port()
    api = subprocess.Popen([REBILL, "api", "--port", str(port)], env=ENV)
    try:
        small = await tenant_client(port, "bench-small")
        batch_http = await tenant_client(port, "bench-batch")
        floor_http = await tenant_client(port, "bench-floor")
        await wait_ready(batch_http)
        t0 = time.perf_counter()
        ids, _ = await push(batch_http, customers, entries)
        pushed = time.perf_counter() - t0
        _, floor_product = await push(floor_http, customers, entries)
        if rss_baseline:
            small_ids, _ = await push(small, 100, rss_baseline // 100)
            print(f"baseline batch: 100 customers x {rss_baseline // 100} entries")
            _, _, small_rss = await bill(small, small_ids, 1)
            # The PDFs of the baseline batch are left to render (a job of its own): drop it, or the
            # worker of the batch measured next would spend half its time on them.
            redis = Redis.from_url(REDIS_URL)
            await redis.flushdb()
            await redis.aclose()
        conn = await asyncpg.connect(DATABASE_URL)
        if analyze:
            await conn.execute("ANALYZE")
        print(f"invoice batch: {customers} customers x {entries} entries = {total} entries, validate=true, "
              f"{workers} worker(s), {'after ANALYZE' if analyze else 'fresh tables, never analysed'}")
        elapsed, _, rss = await bill(batch_http, ids, workers)

        await conn.execute("ANALYZE")
        floor_tenant = await conn.fetchval("SELECT tenant_id FROM products WHERE id = $1", floor_product)
        t0 = time.perf_counter()
        async with conn.transaction():
            for statement in FLOOR:
                await conn.execute(statement, floor_tenant,
                                   *([asyncpg.pgproto.pgproto.UUID(floor_product)] if "$2" in statement else []))
        floor = time.perf_counter() - t0
        await conn.close()
        for client in (small, batch_http, floor_http):
            await client.aclose()
    finally:
        api.terminate()
        api.wait(timeout=30)
    print(f"  pushed through the bulk API         {pushed:7.2f} s  {total / pushed:8.0f} entries/s (customers, "
          f"work items, entries)")
    print(f"  batch (POST -> succeeded)           {elapsed:7.2f} s  {total / elapsed:8.0f} entries/s")
    print(f"  floor (set-based INSERT ... SELECT) {floor:7.2f} s  {total / floor:8.0f} entries/s")
    print(f"  ratio batch / floor                 {elapsed / floor:7.2f}x")
    print(f"  worker peak RSS while it ran        {', '.join(f'{r:.0f} MB' for r in rss)}")
    if rss_baseline:
        print(f"  worker peak RSS, {rss_baseline}-entry batch {small_rss[0]:.0f} MB: big / small = "
              f"{max(rss) / small_rss[0]:.2f}")
    return elapsed / floor


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=100)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--analyze", action="store_true", help="ANALYZE the tables before the batch")
    parser.add_argument("--rss-baseline", type=int, default=10_000,
                        help="entries of a first, small batch whose worker's peak RSS is the baseline (0: none)")
    parser.add_argument("--cutoff", help="bill up to this cut-off date instead of November's period")
    parser.add_argument("--rounds", type=int, default=1, help="repeat on a fresh database, print the median ratio")
    args = parser.parse_args()
    if args.cutoff:
        DATES = {"cutoff_date": args.cutoff}
    ratios = sorted(asyncio.run(main(args.customers, args.entries, args.workers, args.analyze, args.rss_baseline))
                    for _ in range(args.rounds))
    if args.rounds > 1:
        print(f"  ratio batch / floor, median of {args.rounds} rounds: {statistics.median(ratios):.2f}x "
              f"({', '.join(f'{r:.2f}' for r in ratios)})")
