"""Benchmark: the console's batch page on a 10,000-invoice batch against the same page on a 10-invoice
batch, in the same run (SPEC §13: the batch page stays fast however large the batch). Two tenants are
pushed through the bulk API as a helpdesk would (one ticket and one approved entry per customer),
each billed by a `validate=true` batch on real workers; then a signed-in console session (the key
pasted on the sign-in page, as a person does) times, for each batch, its page, the first page of
its invoices (100 a page), the batch list and the batch's progress JSON.

It prints the median milliseconds of each page for both batches and their ratio: near 1.0 means the
page costs the same whatever the batch's size.

Usage: python bench/console_pages.py [--customers 10000] [--runs 15]
(DATABASE_URL / REDIS_URL default to the local servers; the database is recreated)."""

import argparse
import asyncio
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("DATABASE_URL", "postgresql://root@127.0.0.1:5432/rebill_bench_console")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/11")

from app.kit.net import free_port  # noqa: E402
from app.migrations import upgrade_head  # noqa: E402
from bench import invoice_batch  # noqa: E402
from bench.bulk_upsert import recreate_database, wait_ready  # noqa: E402

DATABASE_URL = invoice_batch.DATABASE_URL  # read from the environment set above, as are its workers'
WORKERS = 2


async def signed_in(port: int, key: str) -> httpx.AsyncClient:
    """A console session opened the way a person opens one: the sign-in form, the key pasted."""
    client = httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=120)
    page = await client.get("/console/sign-in")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    answer = await client.post("/console/sign-in", data={"api_key": key, "csrf_token": token})
    assert answer.status_code == 303, answer.text
    return client


async def billed(port: int, name: str, customers: int) -> tuple[httpx.AsyncClient, str]:
    http = await invoice_batch.tenant_client(port, name)
    await wait_ready(http)
    ids, _ = await invoice_batch.push(http, customers, 1)
    print(f"{name}: {customers} customers pushed; billing them on {WORKERS} workers")
    await invoice_batch.bill(http, ids, WORKERS)
    [batch] = (await http.get("/v1/invoice-batches", params={"limit": 1})).json()["data"]
    return http, batch["id"]


async def median_ms(client: httpx.AsyncClient, path: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        answer = await client.get(path)
        times.append((time.perf_counter() - t0) * 1000)
        assert answer.status_code == 200, (path, answer.status_code, answer.text[:300])
    return statistics.median(times)


async def main(customers: int, runs: int) -> None:
    await recreate_database(DATABASE_URL)
    await asyncio.to_thread(upgrade_head, DATABASE_URL)
    port = free_port()
    api = subprocess.Popen([invoice_batch.REBILL, "api", "--port", str(port)], env=invoice_batch.ENV)
    try:
        small_http, small_batch = await billed(port, "bench-console-small", 10)
        large_http, large_batch = await billed(port, "bench-console-large", customers)
        pages = {
            "batch page": "/console/batches/{id}",
            "its invoices, page 1": "/console/batches/{id}/report/invoices-created",
            "batch list": "/console/",
            "progress JSON": "/console/batches/progress.json?id={id}",
        }
        consoles = [await signed_in(port, http.headers["Authorization"].removeprefix("Bearer "))
                    for http in (small_http, large_http)]
        print(f"\nconsole pages, median of {runs} (ms), 10-invoice batch vs {customers:,}-invoice batch:")
        for label, path in pages.items():
            small = await median_ms(consoles[0], path.format(id=small_batch), runs)
            large = await median_ms(consoles[1], path.format(id=large_batch), runs)
            print(f"  {label:22} {small:8.1f} {large:8.1f}   large/small {large / small:5.2f}")
        for client in (*consoles, small_http, large_http):
            await client.aclose()
    finally:
        api.terminate()
        api.wait(timeout=30)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.customers, arguments.runs))
