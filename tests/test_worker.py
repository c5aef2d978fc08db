"""A real `rebill worker` process consumes jobs from Redis, serialized as JSON (never pickle)."""

import asyncio
import json
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from arq import create_pool

from app.queue import deserialize_job, redis_settings, serialize_job

REBILL = str(Path(sys.executable).parent / "rebill")


@pytest.fixture
async def worker_process(stack):
    env = {**os.environ, "DATABASE_URL": stack.database_url, "REDIS_URL": stack.redis_url}
    process = subprocess.Popen([REBILL, "worker"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    yield process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


async def test_worker_runs_a_job_against_the_database(worker_process, stack):
    pool = await create_pool(redis_settings(stack.redis_url), job_serializer=serialize_job,
                             job_deserializer=deserialize_job)
    try:
        job = await pool.enqueue_job("ping", _job_id=f"ping-{uuid.uuid4()}")
        raw = await pool.get(f"arq:job:{job.job_id}")
        assert json.loads(raw)["f"] == "ping"  # the queued job is plain JSON
        result = await job.result(timeout=30)
    finally:
        await pool.aclose()
    assert result == {"pong": True, "database": stack.database_url.rsplit("/", 1)[1]}


async def test_a_batch_posted_to_the_api_is_run_by_a_worker_process(worker_process, stack):
    from tests import factories as f

    api = stack.api
    product = await f.product(api)
    assert (await api.patch("/v1/settings", json={"default_product_id": product["id"]})).status_code == 200
    customer = await f.customer(api)
    item = await f.work_item(api, customer_id=customer["id"])
    await f.time_entry(api, work_item_id=item["id"], hours="2.00")
    batch = (await api.post("/v1/invoice-batches", json={
        "customer_ids": [customer["id"]], "title": "November", "period_start": "2026-11-01",
        "period_end": "2026-11-30", "validate": True})).json()
    status = batch["status"]
    for _ in range(300):
        status = (await api.get(f"/v1/invoice-batches/{batch['id']}")).json()["status"]
        if status not in {"scheduled", "running"}:
            break
        await asyncio.sleep(0.1)
    assert status == "succeeded"
    report = (await api.get(f"/v1/invoice-batches/{batch['id']}/report")).json()
    assert [i["total"] for i in report["invoices_created"]] == ["192.00"]  # 2 h x 80.00 + 20 %

    worker_process.send_signal(signal.SIGTERM)
    output, _ = worker_process.communicate(timeout=30)
    records = [json.loads(line) for line in output.decode().splitlines() if line.startswith("{")]
    ended = [r for r in records if r.get("batch_id") == batch["id"] and r["event"].startswith("invoice batch ended")]
    assert ended and ended[0]["status"] == "succeeded" and ended[0]["level"] == "info"


async def test_an_export_posted_to_the_api_is_written_by_a_worker_process(worker_process, stack):
    """POST /v1/exports queues write_export after commit; a real worker writes the file."""
    import csv
    import io

    api = stack.api
    created = await api.post("/v1/exports", json={"format": "csv", "issued_from": "2026-01-01"})
    assert created.status_code == 202, created.text
    status = "pending"
    for _ in range(300):
        status = (await api.get(f"/v1/exports/{created.json()['id']}")).json()["status"]
        if status != "pending":
            break
        await asyncio.sleep(0.1)
    assert status == "ready"
    response = await api.get(f"/v1/exports/{created.json()['id']}/file")
    assert response.status_code == 200
    header = next(csv.reader(io.StringIO(response.text)))
    assert header[0] == "invoice_number" and header[-1] == "time_entry_external_ids"
