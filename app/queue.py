"""The arq side of the API: Redis settings and a JSON (never pickle) job serializer."""

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from arq.connections import RedisSettings
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import redis_target
from app.db import session_scope


def redis_settings(redis_url: str) -> RedisSettings:
    return RedisSettings(**redis_target(redis_url))


def serialize_job(value) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


def deserialize_job(value: bytes):
    return json.loads(value)


def enqueue_after_commit(session, function: str, *args, job_id: str, defer_until=None) -> None:
    """Queue a job once the session's transaction has committed (dropped if it rolls back).
    PostgreSQL keeps the record: a job lost here is found again by the sweeper."""
    session.info.setdefault("jobs_after_commit", []).append((function, args, job_id, defer_until))


async def flush_jobs(session, redis) -> None:
    import logging

    jobs = session.info.pop("jobs_after_commit", [])
    if redis is None:  # code run without a queue (tests, scripts): the sweeper finds the work in PostgreSQL
        return
    for function, args, job_id, defer_until in jobs:
        try:
            await redis.enqueue_job(function, *args, _job_id=job_id, _defer_until=defer_until)
        except Exception:  # noqa: BLE001  (Redis down: the sweeper queues it again from PostgreSQL)
            logging.getLogger("rebill.queue").warning("could not queue %s %s; the sweeper will", function, job_id)


@asynccontextmanager
async def unit_of_work(sessionmaker: async_sessionmaker[AsyncSession], redis) -> AsyncIterator[AsyncSession]:
    """session_scope, then the jobs its transaction queued: what a request gets, and what worker code
    that emits webhook events (or queues any job) must use, lest its jobs wait for the sweeper."""
    async with session_scope(sessionmaker) as session:
        yield session
    await flush_jobs(session, redis)
