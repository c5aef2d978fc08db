"""Delivering webhook events, one attempt at a time, every attempt a row in PostgreSQL.

A delivery job carries (event id, endpoint id) and acts on that pair's pending attempt whose time
has come, locked FOR UPDATE SKIP LOCKED: a second job for the same pair finds nothing and returns,
so running it twice sends nothing twice. The attempt POSTs the event's stored body, signed with
the endpoint's current secret, to the URL checked again at that moment. A 2xx answer succeeds;
anything else (a redirect included: none is followed) fails, and while attempts remain the next
one is written as pending at `next_attempt_at` (exponential backoff with jitter) and the job asks
arq to run it again then (`Retry`). Our attempt count decides, never arq's job_try. Should Redis
lose the job, the sweeper queues the pair again from its overdue pending row."""

import asyncio
import json
import random
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
from arq import Retry
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db import session_scope
from app.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from app.queue import enqueue_after_commit
from app.webhooks.signing import SIGNATURE_HEADER, signature_header
from app.webhooks.urls import UnsafeUrl, check_url

DELIVER_TASK = "deliver_webhook"

# Backoff: 30 s, 1 min, 2 min, ... doubling up to 6 h, each delay drawn from [d, d × 1.25) so that
# receivers coming back are not hit by every sender at once, while each delay still exceeds the
# one before until the cap. 14 attempts span more than the 24 hours SPEC §5 promises.
FIRST_RETRY_DELAY = timedelta(seconds=30)
MAX_RETRY_DELAY = timedelta(hours=6)
JITTER = 0.25
MAX_ATTEMPTS = 14
MIN_RETRY_WINDOW = timedelta(hours=24)

REQUEST_TIMEOUT_SECONDS = 10.0
RESPONSE_BODY_LIMIT = 1024
USER_AGENT = "Rebill-Webhooks/1"
# A pending attempt this far past its time has lost its job (Redis flushed or failed over).
LOST_AFTER = timedelta(seconds=60)
SWEEP_LIMIT = 500
# Events and their delivery logs are kept this long, well past the last automatic attempt.
RETENTION = timedelta(days=30)


def minimum_delay(attempt: int) -> timedelta:
    """The least time between failed attempt `attempt` (1-based) and the next one."""
    return min(FIRST_RETRY_DELAY * 2 ** min(attempt - 1, 30), MAX_RETRY_DELAY)


def retry_delay(attempt: int) -> timedelta:
    """A delay in [minimum, minimum × (1 + JITTER)), in whole milliseconds: the resolution at which
    the retry job is deferred, so the job comes due exactly at the `next_attempt_at` the API shows
    (a float delay could round up past the jitter's bound)."""
    least_ms = minimum_delay(attempt) // timedelta(milliseconds=1)
    return timedelta(milliseconds=least_ms + random.randrange(int(least_ms * JITTER)))


def job_id(event_id: str, endpoint_id: uuid.UUID, attempt: int) -> str:
    return f"webhook:{event_id}:{endpoint_id}:{attempt}"


def queue_attempt(session: AsyncSession, *, event_id: str, endpoint_id: uuid.UUID, attempt: int) -> None:
    enqueue_after_commit(session, DELIVER_TASK, event_id, str(endpoint_id), job_id=job_id(event_id, endpoint_id, attempt))


def event_body(payload: dict) -> bytes:
    """The bytes every attempt sends: the same for the same stored event."""
    ordered = {key: payload[key] for key in ("id", "type", "created", "data")}
    return json.dumps(ordered, separators=(",", ":"), ensure_ascii=False).encode()


def new_http_client() -> httpx.AsyncClient:
    # No proxies from the environment: the address we checked must be the one we connect to.
    return httpx.AsyncClient(follow_redirects=False, timeout=REQUEST_TIMEOUT_SECONDS, trust_env=False,
                             headers={"User-Agent": USER_AGENT})


@dataclass(frozen=True)
class AttemptResult:
    succeeded: bool
    response_status: int | None = None
    response_body: str | None = None
    error: str | None = None


async def deliver(sessionmaker: async_sessionmaker[AsyncSession], http: httpx.AsyncClient, *, event_id: str,
                  endpoint_id: uuid.UUID, allow_private_urls: bool, now: datetime | None = None) -> dict:
    """Make the pair's due attempt, if any. `now` decides what is due and when the next attempt
    is (tests move it instead of sleeping). Raises `Retry` once the next attempt is recorded."""
    now = now or datetime.now(UTC)
    retry_in: timedelta | None = None
    async with session_scope(sessionmaker) as session:
        found = (await session.execute(
            select(WebhookDelivery, WebhookEndpoint, WebhookEvent.payload)
            .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
            .join(WebhookEvent, WebhookEvent.id == WebhookDelivery.event_id)
            .where(WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.event_id == event_id,
                   WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= now)
            .with_for_update(of=WebhookDelivery, skip_locked=True))).first()
        if found is None:
            return {"event_id": event_id, "endpoint_id": str(endpoint_id), "status": "nothing_due"}
        delivery, endpoint, payload = found
        if endpoint.enabled:
            result = await attempt(http, url=endpoint.url, secret=endpoint.secret, payload=payload,
                                   allow_private_urls=allow_private_urls)
        else:
            result = AttemptResult(succeeded=False, error="endpoint disabled")
        delivery.status = "succeeded" if result.succeeded else "failed"
        delivery.response_status = result.response_status
        delivery.response_body = result.response_body
        delivery.error = result.error
        delivery.attempted_at = now
        delivery.next_attempt_at = None
        if not result.succeeded and endpoint.enabled and delivery.attempt < MAX_ATTEMPTS:
            retry_in = retry_delay(delivery.attempt)
            delivery.next_attempt_at = now + retry_in
            await session.flush()  # this attempt is no longer the pair's pending one
            session.add(WebhookDelivery(tenant_id=delivery.tenant_id, endpoint_id=delivery.endpoint_id,
                                        event_id=event_id, attempt=delivery.attempt + 1,
                                        next_attempt_at=delivery.next_attempt_at))
        outcome = {"event_id": event_id, "endpoint_id": str(endpoint_id), "attempt": delivery.attempt,
                   "status": delivery.status, "response_status": delivery.response_status}
    if retry_in is not None:
        raise Retry(defer=retry_in)
    return outcome


async def attempt(http: httpx.AsyncClient, *, url: str, secret: str, payload: dict,
                  allow_private_urls: bool) -> AttemptResult:
    """One signed POST; never raises for what the receiver or the network does."""
    try:
        target = await check_url(url, allow_private=allow_private_urls)
    except UnsafeUrl as exc:
        return AttemptResult(succeeded=False, error=f"url not allowed: {exc}")
    body = event_body(payload)
    headers = {"Content-Type": "application/json",
               SIGNATURE_HEADER: signature_header(secret, body, int(time.time())),
               "Rebill-Event-Id": payload["id"], "Rebill-Event-Type": payload["type"], **target.headers}
    try:
        async with asyncio.timeout(REQUEST_TIMEOUT_SECONDS):
            async with http.stream("POST", target.url, content=body, headers=headers, extensions=target.extensions,
                                   follow_redirects=False) as response:
                answer = await _beginning(response)
    except TimeoutError:
        return AttemptResult(succeeded=False, error=f"no answer within {REQUEST_TIMEOUT_SECONDS:g} s")
    except httpx.HTTPError as exc:
        return AttemptResult(succeeded=False, error=_text(f"{type(exc).__name__}: {exc}")[:500])
    status = response.status_code
    if 200 <= status < 300:
        return AttemptResult(succeeded=True, response_status=status, response_body=answer)
    if response.is_redirect:
        error = f"redirect to {response.headers.get('location', '?')} not followed"
    else:
        error = f"the receiver answered {status}"
    return AttemptResult(succeeded=False, response_status=status, response_body=answer, error=_text(error)[:500])


async def _beginning(response: httpx.Response) -> str:
    """The first RESPONSE_BODY_LIMIT bytes of the answer; the rest is not even read."""
    received = bytearray()
    async for chunk in response.aiter_bytes():
        received += chunk
        if len(received) >= RESPONSE_BODY_LIMIT:
            break
    return _text(bytes(received[:RESPONSE_BODY_LIMIT]).decode("utf-8", "replace"))


def _text(value: str) -> str:
    return value.replace("\x00", "\ufffd")  # PostgreSQL text cannot hold NUL


async def requeue_lost_deliveries(sessionmaker: async_sessionmaker[AsyncSession], redis, *,
                                  now: datetime | None = None) -> int:
    """Queue again the pending attempts whose time passed LOST_AFTER ago: their job is gone.
    A job that is merely late finds the attempt locked or done and returns."""
    now = now or datetime.now(UTC)
    async with session_scope(sessionmaker) as session:
        lost = (await session.execute(
            select(WebhookDelivery.event_id, WebhookDelivery.endpoint_id, WebhookDelivery.attempt)
            .where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at < now - LOST_AFTER)
            .order_by(WebhookDelivery.next_attempt_at).limit(SWEEP_LIMIT))).all()
    for row in lost:
        await redis.enqueue_job(DELIVER_TASK, row.event_id, str(row.endpoint_id),
                                _job_id=job_id(row.event_id, row.endpoint_id, row.attempt) + ":swept")
    return len(lost)


async def purge_old_events(sessionmaker: async_sessionmaker[AsyncSession], *, now: datetime | None = None) -> int:
    """Drop events older than RETENTION, their delivery logs with them (ON DELETE CASCADE)."""
    now = now or datetime.now(UTC)
    async with session_scope(sessionmaker) as session:
        result = await session.execute(delete(WebhookEvent).where(WebhookEvent.created_at < now - RETENTION))
    return result.rowcount
