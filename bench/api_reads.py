"""Benchmark: read throughput and latency of one `rebill api` process under wrk.

A tenant with 200 customers (pushed through the API) is read by wrk, 50 connections for 10 s on
each of: /healthz (no authentication, no database: the process's own floor), GET
/v1/customers?limit=50, GET /v1/customers?limit=1, GET /v1/customers/{id} and GET /v1/settings.
Printed for each: requests/s, p50 and p99 latency, the ratio of its requests/s to /healthz's in the
same run (the machine's speed varies; the ratios move less than the absolute figures), the CPU time
per request of the API process and of its PostgreSQL backends (from /proc: less disturbed by other
load than requests/s), and how many PostgreSQL sessions the API opened during the run.

The API runs as a real `rebill api` process at its default log level (one access-log line per
request, written to /dev/null), measured at once, as a user's first requests are: no warm-up. By
default the scheduler places the API, wrk and PostgreSQL as on a user's machine; with --pin the API
is pinned to the last CPU and wrk to the first, so that the two do not fight over one core
(PostgreSQL is left to the scheduler).

Usage: python bench/api_reads.py [--duration 10] [--connections 50] [--rounds 1] [--pin]
(DATABASE_URL / REDIS_URL default to the local servers; the database `rebill_bench_http` is
recreated, Redis db 12 is used). Needs `wrk` on PATH (Debian: apt-get install wrk)."""

import argparse
import asyncio
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db import make_engine, make_sessionmaker, session_scope  # noqa: E402
from app.kit.net import free_port  # noqa: E402
from app.migrations import upgrade_head  # noqa: E402
from app.tenants.service import create_tenant  # noqa: E402
from bench.bulk_upsert import recreate_database, wait_ready  # noqa: E402

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://root@127.0.0.1:5432/rebill_bench_http")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/12")
CUSTOMERS = 200
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
_TICKS = os.sysconf("SC_CLK_TCK")


def customer(n: int) -> dict:
    """A customer as a helpdesk sync sends it: an address, two emails, terms on every third."""
    item = {"external_id": f"c-{n}", "name": f"Customer {n} SARL", "kind": "company",
            "billing_address": {"line1": f"{n} rue de la Paix", "postal_code": "75002", "city": "Paris",
                                "country": "FR"},
            "emails": [f"billing{n}@example.com", f"accounts{n}@example.com"], "tax_rate": "20.00"}
    if n % 3 == 0:
        item["terms"] = {"payment_terms_days": 30, "conditions_of_sale": "Net 30"}
    return item


def milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def parse_wrk(output: str) -> dict:
    """requests/s, p50 and p99 (ms), and the count of answers that were not 2xx/3xx or failed."""
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    bad = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if errors:
        bad += sum(int(n) for n in errors.groups())
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    return {"rate": rate, "p50": p50, "p99": p99, "bad": bad, "requests": requests}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def backends_cpu() -> dict[int, float]:
    """CPU seconds of each PostgreSQL backend serving the benchmark's database (found by their
    process titles, so this works only with a local server)."""
    name = DATABASE_URL.rsplit("/", 1)[1].encode()
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if b"postgres: " in (title := (entry / "cmdline").read_bytes()) and b" " + name + b" " in title:
                    found[int(entry.name)] = cpu_seconds(int(entry.name))
            except OSError:
                continue
    return found


async def sessions_opened() -> int:
    conn = await asyncpg.connect(DATABASE_URL)
    try:
        return await conn.fetchval("SELECT sessions FROM pg_stat_database WHERE datname = current_database()")
    finally:
        await conn.close()


def run_wrk(url: str, *, key: str | None, duration: int, connections: int, cpu: int | None,
            api_pid: int) -> dict:
    """wrk's figures, plus the API process's and its PostgreSQL backends' CPU per request (µs),
    which the machine's other load disturbs less than requests/s, and how many new PostgreSQL
    sessions the API opened meanwhile (a pool too small for the load opens and closes them)."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    if key:
        command += ["-H", f"Authorization: Bearer {key}"]
    command.append(url)
    if cpu is not None:
        command = ["taskset", "-c", str(cpu), *command]
    sessions, api_before, pg_before = asyncio.run(sessions_opened()), cpu_seconds(api_pid), backends_cpu()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    api_after, pg_after = cpu_seconds(api_pid), backends_cpu()
    result = parse_wrk(done.stdout)
    result["sessions"] = asyncio.run(sessions_opened()) - sessions - 1  # less our own second one
    served = max(result["requests"], 1)
    result["api_us"] = (api_after - api_before) / served * 1e6
    result["pg_us"] = sum(t - pg_before.get(pid, 0.0) for pid, t in pg_after.items()) / served * 1e6
    return result


async def seed(base: str, key: str) -> str:
    """200 customers through the bulk API; returns one customer's id."""
    async with httpx.AsyncClient(base_url=base, timeout=60, headers={"Authorization": f"Bearer {key}"}) as http:
        await wait_ready(http)
        response = await http.post("/v1/customers/bulk", json={"items": [customer(n) for n in range(CUSTOMERS)]})
        assert response.status_code == 200, response.text
        page = (await http.get("/v1/customers", params={"limit": 200})).json()
        assert len(page["data"]) == CUSTOMERS, page
        customer_id = page["data"][CUSTOMERS // 2]["id"]
        for path in ("/healthz", "/v1/customers?limit=50", f"/v1/customers/{customer_id}", "/v1/settings"):
            assert (await http.get(path)).status_code == 200, path
        return customer_id


async def prepare() -> str:
    await recreate_database(DATABASE_URL)
    await asyncio.to_thread(upgrade_head, DATABASE_URL)
    engine = make_engine(DATABASE_URL)
    async with session_scope(make_sessionmaker(engine)) as session:
        _, key = await create_tenant(session, name="bench http")
    await engine.dispose()
    return key.key


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per route")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=1, help="measure every route this many times")
    parser.add_argument("--pin", action="store_true", help="pin the API and wrk to separate CPUs")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not on PATH (Debian/Ubuntu: apt-get install wrk)")
    cpus = sorted(os.sched_getaffinity(0))
    pin = args.pin and len(cpus) >= 2
    wrk_cpu, api_cpu = (cpus[0], cpus[-1]) if pin else (None, None)

    key = asyncio.run(prepare())
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "REDIS_URL": REDIS_URL, "LOG_LEVEL": "info"}
    command = [str(Path(sys.executable).parent / "rebill"), "api", "--port", str(port)]
    if pin:
        command = ["taskset", "-c", str(api_cpu), *command]
    api = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    try:
        customer_id = asyncio.run(seed(base, key))
        routes = [("/healthz", None), ("/v1/customers?limit=50", key), ("/v1/customers?limit=1", key),
                  (f"/v1/customers/{customer_id}", key), ("/v1/settings", key)]
        print(f"one `rebill api` process (pid {api.pid}{f', CPU {api_cpu}' if pin else ''}), wrk "
              f"{args.connections} connections x {args.duration} s per route"
              f"{f' on CPU {wrk_cpu}' if pin else ''}; {CUSTOMERS} customers")
        for round_ in range(1, args.rounds + 1):
            results = [(path, run_wrk(base + path, key=auth, duration=args.duration, connections=args.connections,
                                      cpu=wrk_cpu, api_pid=api.pid)) for path, auth in routes]
            floor = results[0][1]["rate"]
            if args.rounds > 1:
                print(f"round {round_}")
            print(f"  {'route':26s} {'req/s':>7s} {'p50 ms':>7s} {'p99 ms':>7s} {'/healthz':>8s}   "
                  f"{'api µs/req':>10s} {'pg µs/req':>9s} {'new pg sessions':>15s}")
            for path, r in results:
                label = "/v1/customers/{id}" if path.endswith(customer_id) else path
                flag = f"   {r['bad']} answers not 2xx or failed" if r["bad"] else ""
                print(f"  {label:26s} {r['rate']:7.0f} {r['p50']:7.1f} {r['p99']:7.1f} {r['rate'] / floor:8.2f}   "
                      f"{r['api_us']:10.0f} {r['pg_us']:9.0f} {r['sessions']:15d}{flag}")
    finally:
        api.terminate()
        api.wait(timeout=20)


if __name__ == "__main__":
    main()
