"""A real `rebill worker` process consumes jobs from Redis, serialized as JSON (never pickle)."""

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
from tests.conftest import REDIS_URL

REBILL = str(Path(sys.executable).parent / "rebill")


@pytest.fixture
async def worker_process(settings):
    env = {**os.environ, "DATABASE_URL": settings.database_url, "REDIS_URL": REDIS_URL}
    process = subprocess.Popen([REBILL, "worker"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    yield process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


async def test_worker_runs_a_job_against_the_database(worker_process, settings):
    pool = await create_pool(redis_settings(REDIS_URL), job_serializer=serialize_job,
                             job_deserializer=deserialize_job)
    try:
        job = await pool.enqueue_job("ping", _job_id=f"ping-{uuid.uuid4()}")
        raw = await pool.get(f"arq:job:{job.job_id}")
        assert json.loads(raw)["f"] == "ping"  # the queued job is plain JSON
        result = await job.result(timeout=30)
    finally:
        await pool.aclose()
    assert result == {"pong": True, "database": settings.database_url.rsplit("/", 1)[1]}
