"""Benchmark: an export's worker memory does not grow with the file (SPEC §12). Two tenants are
pushed through the bulk API and billed by a `validate=true` batch on a real worker, as a helpdesk
does: 10,000 and 100,000 invoice lines (100 approved entries a customer, one line each); each is
then exported at once (`csv`) by a fresh `rebill worker` process. Reported per size: the worker's peak RSS while it wrote the file
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

import httpx
from redis.asyncio import Redis

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("DATABASE_URL", "postgresql://root@127.0.0.1:5432/rebill_bench_export")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/12")

from app.kit.net import free_port  # noqa: E402
from app.migrations import upgrade_head  # noqa: E402
from bench import invoice_batch  # noqa: E402  (the same push and batch as the batch benchmark)
from bench.bulk_upsert import recreate_database, wait_ready  # noqa: E402

DATABASE_URL = invoice_batch.DATABASE_URL
REDIS_URL = invoice_batch.REDIS_URL
REBILL = str(Path(sys.executable).parent / "rebill")
ENV = {**os.environ, "DATABASE_URL": DATABASE_URL, "REDIS_URL": REDIS_URL, "LOG_LEVEL": "warning"}
LINES_PER_INVOICE = 100


def rss_mb(process: subprocess.Popen) -> float:
    for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


async def load(port: int, lines: int, name: str) -> str:
    """A tenant pushed through the API and billed: `lines` invoice lines; its API key."""
    http = await invoice_batch.tenant_client(port, name)
    try:
        await wait_ready(http)
        ids, _ = await invoice_batch.push(http, lines // LINES_PER_INVOICE, LINES_PER_INVOICE)
        await invoice_batch.bill(http, ids, 1)
        return http.headers["Authorization"].removeprefix("Bearer ")
    finally:
        await http.aclose()


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
    port = free_port()
    api = subprocess.Popen([REBILL, "api", "--port", str(port)], env=ENV)
    base = f"http://127.0.0.1:{port}"
    try:
        small_key = await load(port, small, "Small")
        large_key = await load(port, large, "Large")
        # The batches left their PDFs to render (a job of its own): dropped, so that the export's
        # worker does nothing but the export.
        redis = Redis.from_url(REDIS_URL)
        await redis.flushdb()
        await redis.aclose()
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
