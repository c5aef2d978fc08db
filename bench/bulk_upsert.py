"""Benchmark: time-entry bulk ingest through a real `rebill api` process, against its floor.

A helpdesk syncs 100,000 new time entries in 10 sequential POST /v1/time-entries/bulk of 10,000,
then pushes the same 100,000 again (nothing changed, nothing may be written).

The floor, in the same run and on the same database: the same rows, references already resolved,
written for an identical second tenant by asyncpg `copy_records_to_table` into a temp table and one
`INSERT ... SELECT ... ON CONFLICT (tenant_id, external_id) DO UPDATE ... WHERE ... IS DISTINCT FROM`
per 10,000 rows, one transaction per 10,000. The endpoint's and the floor's chunks alternate, so both
write into a table of the same size.

Printed, for the new entries and for the re-push: entries/s of the endpoint and of the floor, the
ratio endpoint/floor of their entries/s (1.00: as fast as the floor) and its inverse, how many
times the floor's time the endpoint took; then the seconds of each request.

Usage: python bench/bulk_upsert.py [--rounds 1]   (DATABASE_URL / REDIS_URL default to the local servers;
the database `rebill_bench_ingest` is recreated, Redis db 13 is used)."""

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db import make_engine, make_sessionmaker, session_scope  # noqa: E402
from app.kit.ids import new_id  # noqa: E402
from app.kit.net import free_port  # noqa: E402
from app.migrations import upgrade_head  # noqa: E402
from app.tenants.service import create_tenant  # noqa: E402

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://root@127.0.0.1:5432/rebill_bench_ingest")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/13")
REQUESTS = 10
PER_REQUEST = 10_000
WORK_ITEMS = 100
START = datetime(2026, 11, 1, 8, tzinfo=UTC)

# The columns the floor writes, in the order of its records.
FLOOR_COLUMNS = ("id", "external_id", "work_item_id", "employee_id", "employee_name", "started_at", "hours",
                 "product_id", "status", "billable", "note")
CLIENT_COLUMNS = FLOOR_COLUMNS[2:]
FLOOR_UPSERT = (
    f"INSERT INTO time_entries (id, tenant_id, {', '.join(FLOOR_COLUMNS[1:])}) "
    f"SELECT id, $1, {', '.join(FLOOR_COLUMNS[1:])} FROM floor_staging "
    "ON CONFLICT (tenant_id, external_id) DO UPDATE SET "
    + ", ".join(f"{c} = EXCLUDED.{c}" for c in CLIENT_COLUMNS) + ", updated_at = now() "
    f"WHERE ROW({', '.join(f'time_entries.{c}' for c in CLIENT_COLUMNS)}) "
    f"IS DISTINCT FROM ROW({', '.join(f'EXCLUDED.{c}' for c in CLIENT_COLUMNS)}) "
    "AND time_entries.invoice_id IS NULL"
)


async def wait_ready(http: httpx.AsyncClient, *, seconds: float = 60) -> None:
    """Until /readyz answers 200: a loaded machine (a CI run, other tests) takes several seconds to
    import and start the API."""
    deadline = asyncio.get_running_loop().time() + seconds
    while asyncio.get_running_loop().time() < deadline:
        try:
            if (await http.get("/readyz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.1)
    raise RuntimeError("rebill api did not become ready")


async def recreate_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    admin = await asyncpg.connect(url.rsplit("/", 1)[0] + "/postgres")
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()


def entry(n: int) -> dict:
    """The n-th entry as the helpdesk sends it: references by external id, billable left to the
    work item's type (tickets: billable)."""
    item = {"external_id": f"te-{n}", "work_item_external_id": f"T-{n % WORK_ITEMS}", "employee_id": f"e-{n % 7}",
            "employee_name": "Alice Martin", "started_at": (START + timedelta(minutes=n)).isoformat(),
            "hours": f"{1 + n % 4}.{25 * (n % 4):02d}", "product_external_id": "SUP-H", "status": "approved"}
    if n % 5 == 0:
        item["note"] = f"Ticket call #{n}: printer queue restarted, drivers updated"
    return item


def floor_record(item: dict, work_item_ids: dict[str, uuid.UUID], product_id: uuid.UUID) -> tuple:
    return (new_id(), item["external_id"], work_item_ids[item["work_item_external_id"]], item["employee_id"],
            item["employee_name"], datetime.fromisoformat(item["started_at"]), Decimal(item["hours"]), product_id,
            item["status"], True, item.get("note"))


async def seed(http: httpx.AsyncClient) -> None:
    """A product, a customer and the work items (tickets), through the API."""
    for response in (
        await http.post("/v1/products", json={"external_id": "SUP-H", "code": "SUP-H", "name": "Support",
                                              "unit_price": "80.00"}),
        await http.post("/v1/customers/bulk", json={"items": [{"external_id": "c-1", "name": "Acme"}]}),
        await http.post("/v1/work-items/bulk", json={"items": [
            {"external_id": f"T-{i}", "type": "ticket", "reference": f"T-{i}", "customer_external_id": "c-1"}
            for i in range(WORK_ITEMS)]}),
    ):
        assert response.status_code in (200, 201), response.text


async def push(http: httpx.AsyncClient, body: bytes, expected: dict) -> float:
    t0 = time.perf_counter()
    response = await http.post("/v1/time-entries/bulk", content=body,
                               headers={"content-type": "application/json"})
    elapsed = time.perf_counter() - t0
    assert response.status_code == 200, response.text[:2000]
    answer = response.json()
    assert {key: answer[key] for key in expected} == expected, response.text[:2000]
    assert len(answer["items"]) == PER_REQUEST, len(answer["items"])
    return elapsed


async def floor(conn: asyncpg.Connection, tenant_id: uuid.UUID, records: list[tuple], expected: dict) -> float:
    t0 = time.perf_counter()
    async with conn.transaction():
        await conn.execute("CREATE TEMP TABLE floor_staging ON COMMIT DROP AS "
                           f"SELECT {', '.join(FLOOR_COLUMNS)} FROM time_entries WITH NO DATA")
        await conn.copy_records_to_table("floor_staging", records=records, columns=FLOOR_COLUMNS)
        status = await conn.execute(FLOOR_UPSERT, tenant_id)
    elapsed = time.perf_counter() - t0
    written = int(status.rsplit(" ", 1)[1])
    assert written == expected["created"] + expected["updated"], (status, expected)
    return elapsed


async def tenant_state(conn: asyncpg.Connection, tenant_id: uuid.UUID) -> tuple:
    return tuple(await conn.fetchrow("SELECT count(*), max(updated_at), sum(hours) FROM time_entries "
                                     "WHERE tenant_id = $1", tenant_id))


async def same_rows(conn: asyncpg.Connection, a: uuid.UUID, b: uuid.UUID) -> bool:
    """Both tenants hold the same entries (compared by their external ids and values)."""
    row = ("SELECT te.external_id, w.external_id, te.employee_id, te.employee_name, te.started_at, te.hours, "
           "p.external_id, te.status, te.billable, te.note FROM time_entries te "
           "JOIN work_items w ON w.id = te.work_item_id LEFT JOIN products p ON p.id = te.product_id "
           "WHERE te.tenant_id = $%d")
    return await conn.fetchval(f"SELECT NOT EXISTS (({row % 1} EXCEPT {row % 2}) UNION ALL "
                               f"({row % 2} EXCEPT {row % 1}))", a, b)


def ratio(endpoint: list[float], floor_times: list[float]) -> float:
    """How many times the floor's time the endpoint took."""
    return sum(endpoint) / sum(floor_times)


def report(name: str, endpoint: list[float], floor_times: list[float]) -> None:
    total = REQUESTS * PER_REQUEST
    e, f = sum(endpoint), sum(floor_times)
    print(f"  {name:10s} endpoint {total / e:8.0f} entries/s ({e:6.2f} s)   floor {total / f:8.0f} entries/s "
          f"({f:6.2f} s)   endpoint/floor {f / e:4.2f} (endpoint takes {e / f:4.2f}x the floor time)")
    print(f"  {'':10s} per request, s: endpoint {[round(t, 2) for t in endpoint]}")
    print(f"  {'':10s}                  floor    {[round(t, 2) for t in floor_times]}")


async def main() -> dict[str, float]:
    """One round: a fresh database, both pushes measured; the endpoint/floor time ratio of each."""
    await recreate_database(DATABASE_URL)
    await asyncio.to_thread(upgrade_head, DATABASE_URL)
    engine = make_engine(DATABASE_URL)
    async with session_scope(make_sessionmaker(engine)) as session:
        (api_tenant, api_key), (floor_tenant, floor_key) = [
            await create_tenant(session, name=name) for name in ("bench endpoint", "bench floor")]
    await engine.dispose()

    port = free_port()
    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "REDIS_URL": REDIS_URL, "LOG_LEVEL": "warning"}
    api = subprocess.Popen([str(Path(sys.executable).parent / "rebill"), "api", "--port", str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    conn = await asyncpg.connect(DATABASE_URL)
    try:
        async with httpx.AsyncClient(base_url=base, timeout=300,
                                     headers={"Authorization": f"Bearer {api_key.key}"}) as http:
            await wait_ready(http)
            await seed(http)
            async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {floor_key.key}"}) as other:
                await seed(other)
            work_item_ids = {r["external_id"]: r["id"] for r in await conn.fetch(
                "SELECT external_id, id FROM work_items WHERE tenant_id = $1", floor_tenant.id)}
            product_id = await conn.fetchval("SELECT id FROM products WHERE tenant_id = $1", floor_tenant.id)

            chunks = [[entry(n) for n in range(r * PER_REQUEST, (r + 1) * PER_REQUEST)] for r in range(REQUESTS)]
            bodies = [json.dumps({"items": items}).encode() for items in chunks]
            created = {"created": PER_REQUEST, "updated": 0, "unchanged": 0, "errors": 0}
            unchanged = {"created": 0, "updated": 0, "unchanged": PER_REQUEST, "errors": 0}
            timings: dict[str, tuple[list[float], list[float]]] = {"new": ([], []), "re-push": ([], [])}
            for name, expected in (("new", created), ("re-push", unchanged)):
                before = await tenant_state(conn, api_tenant.id), await tenant_state(conn, floor_tenant.id)
                for items, body in zip(chunks, bodies, strict=True):
                    timings[name][0].append(await push(http, body, expected))
                    records = [floor_record(i, work_item_ids, product_id) for i in items]
                    timings[name][1].append(await floor(conn, floor_tenant.id, records, expected))
                if name == "re-push":
                    after = await tenant_state(conn, api_tenant.id), await tenant_state(conn, floor_tenant.id)
                    assert after == before, ("the re-push wrote something", before, after)
            assert await same_rows(conn, api_tenant.id, floor_tenant.id), "endpoint and floor rows differ"
    finally:
        await conn.close()
        api.terminate()
        api.wait(timeout=20)

    print(f"time-entry bulk ingest: {REQUESTS} sequential requests of {PER_REQUEST:,} entries, "
          f"one `rebill api` process; floor = COPY into a temp table + INSERT ... ON CONFLICT per {PER_REQUEST:,}")
    for name, (endpoint, floor_times) in timings.items():
        report(name, endpoint, floor_times)
    return {name: ratio(*times) for name, times in timings.items()}


def run(rounds: int) -> None:
    """`rounds` rounds, each on a fresh database; with more than one, the median of each ratio (a
    shared machine's load moves a single round's by up to ±20 %)."""
    ratios = [asyncio.run(main()) for _ in range(rounds)]
    if rounds > 1:
        for name in ratios[0]:
            values = sorted(r[name] for r in ratios)
            print(f"  {name:10s} endpoint takes {statistics.median(values):4.2f}x the floor time, median of "
                  f"{rounds} rounds ({', '.join(f'{v:4.2f}' for v in values)})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=1, help="repeat on a fresh database, print the medians")
    run(parser.parse_args().rounds)
