"""Benchmark: a 10,000-entry time-entry bulk upsert through a real `rebill api` process.

Measures, 3 runs each, median reported:
  create    - 10,000 new entries in one POST /v1/time-entries/bulk
  unchanged - the same 10,000 pushed again (nothing written)
  baseline  - the same 10,000 rows written by one raw INSERT ... SELECT FROM unnest(...) over asyncpg,
              in this process, no HTTP and no validation: the floor the endpoint is compared to.

Usage: python bench/bulk_upsert.py   (DATABASE_URL / REDIS_URL default to the local servers;
the database `rebill_bench` is recreated)."""

import asyncio
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

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://root@127.0.0.1:5432/rebill_bench")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14")
N = 10_000
RUNS = 3


async def wait_ready(http: httpx.AsyncClient) -> None:
    for _ in range(100):
        try:
            if (await http.get("/readyz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.1)
    raise RuntimeError("rebill api did not become ready")


async def recreate_database() -> None:
    name = DATABASE_URL.rsplit("/", 1)[1]
    admin = await asyncpg.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres")
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()


def entries(run: str, start: datetime) -> list[dict]:
    return [{"external_id": f"{run}-{i}", "work_item_external_id": f"T-{i % 100}", "employee_id": f"e-{i % 7}",
             "employee_name": "Alice Martin", "started_at": (start + timedelta(minutes=i)).isoformat(),
             "hours": f"{1 + i % 4}.25", "product_external_id": "SUP-H", "status": "approved"}
            for i in range(N)]


async def baseline(tenant_id: uuid.UUID, work_item_ids: list[uuid.UUID], product_id: uuid.UUID, run: str,
                   start: datetime) -> float:
    conn = await asyncpg.connect(DATABASE_URL)
    try:
        t0 = time.perf_counter()
        await conn.execute(
            "INSERT INTO time_entries (id, tenant_id, external_id, work_item_id, employee_id, employee_name,"
            " started_at, hours, product_id, status, billable) "
            "SELECT id, $1, ext, wi, emp, name, ts, h, $2, 'approved', true FROM unnest($3::uuid[], $4::text[],"
            " $5::uuid[], $6::text[], $7::text[], $8::timestamptz[], $9::numeric[]) AS s(id, ext, wi, emp, name, ts, h)",
            tenant_id, product_id, [new_id() for _ in range(N)], [f"{run}-{i}" for i in range(N)],
            [work_item_ids[i % 100] for i in range(N)], [f"e-{i % 7}" for i in range(N)], ["Alice Martin"] * N,
            [start + timedelta(minutes=i) for i in range(N)], [Decimal(f"{1 + i % 4}.25") for i in range(N)])
        return time.perf_counter() - t0
    finally:
        await conn.close()


async def main() -> None:
    await recreate_database()
    await asyncio.to_thread(upgrade_head, DATABASE_URL)
    engine = make_engine(DATABASE_URL)
    async with session_scope(make_sessionmaker(engine)) as session:
        tenant, key = await create_tenant(session, name="bench")
    await engine.dispose()

    port = free_port()
    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "REDIS_URL": REDIS_URL, "LOG_LEVEL": "warning"}
    api = subprocess.Popen([str(Path(sys.executable).parent / "rebill"), "api", "--port", str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=120,
                                     headers={"Authorization": f"Bearer {key.key}"}) as http:
            await wait_ready(http)
            product = (await http.post("/v1/products", json={"external_id": "SUP-H", "code": "SUP-H", "name": "Support",
                                                             "unit_price": "80.00"})).json()
            await http.post("/v1/customers/bulk", json={"items": [{"external_id": "c-1", "name": "Acme"}]})
            await http.post("/v1/work-items/bulk", json={"items": [
                {"external_id": f"T-{i}", "type": "ticket", "reference": f"T-{i}", "customer_external_id": "c-1"}
                for i in range(100)]})
            conn = await asyncpg.connect(DATABASE_URL)
            work_item_ids = [r["id"] for r in await conn.fetch(
                "SELECT id FROM work_items ORDER BY external_id COLLATE \"C\"")]
            await conn.close()

            start = datetime(2026, 11, 1, 8, tzinfo=UTC)
            timings: dict[str, list[float]] = {"create": [], "unchanged": [], "baseline": []}
            for run in range(RUNS):
                body = {"items": entries(f"r{run}", start)}
                t0 = time.perf_counter()
                response = await http.post("/v1/time-entries/bulk", json=body)
                timings["create"].append(time.perf_counter() - t0)
                assert response.json() == {"created": N, "updated": 0, "unchanged": 0}, response.text
                t0 = time.perf_counter()
                response = await http.post("/v1/time-entries/bulk", json=body)
                timings["unchanged"].append(time.perf_counter() - t0)
                assert response.json() == {"created": 0, "updated": 0, "unchanged": N}, response.text
                timings["baseline"].append(await baseline(tenant.id, work_item_ids, uuid.UUID(product["id"]),
                                                          f"b{run}", start))
    finally:
        api.terminate()
        api.wait(timeout=20)

    floor = statistics.median(timings["baseline"])
    print(f"10,000-entry bulk upsert, median of {RUNS} runs (all runs: seconds)")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"  {name:9s} {median:6.3f} s  {N / median:8.0f} entries/s  {median / floor:5.1f}x baseline  "
              f"{[round(v, 3) for v in values]}")


if __name__ == "__main__":
    asyncio.run(main())
