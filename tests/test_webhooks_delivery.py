"""Delivering webhook events to a real HTTP receiver on loopback (SPEC §5): signed bodies, the same
event id and body on every attempt, retries with growing delays for at least 24 hours (time is
moved, not slept), rotated secrets, redirects not followed, URLs checked again before sending,
lost jobs found again by the sweeper, and a real worker process delivering an emitted event."""

import asyncio
import json
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from ipaddress import ip_address

import pytest
from arq import Retry
from sqlalchemy import func, select

from app.db import session_scope
from app.models import WebhookEvent
from app.queue import unit_of_work
from app.webhooks import delivery, urls
from app.webhooks.service import emit_event
from tests.batch_checks import start_worker, stop
from tests.webhook_helpers import HANG, Answer, deliveries, emit, endpoint, readme_verify, receiver  # noqa: F401

verify = readme_verify()


@pytest.fixture
async def http():
    async with delivery.new_http_client() as client:
        yield client


async def deliver(sessionmaker, http, hook: dict, event_id: str, *, now: datetime | None = None,
                  allow_private_urls: bool = True) -> dict:
    return await delivery.deliver(sessionmaker, http, event_id=event_id, endpoint_id=uuid.UUID(hook["id"]),
                                  allow_private_urls=allow_private_urls, now=now)


async def deliver_expecting_retry(sessionmaker, http, hook, event_id, *, now=None) -> timedelta:
    with pytest.raises(Retry) as retry:
        await deliver(sessionmaker, http, hook, event_id, now=now)
    return timedelta(milliseconds=retry.value.defer_score)


def next_attempt_at(rows: list[dict]) -> datetime:
    [pending] = [r for r in rows if r["status"] == "pending"]
    return datetime.fromisoformat(pending["next_attempt_at"])


# --- what is sent ----------------------------------------------------------------------------------

async def test_the_receiver_gets_the_event_signed_with_the_endpoints_secret(api, sessionmaker, http, receiver):
    hook = await endpoint(api, url=receiver.url())
    data = {"invoice": {"id": uuid.UUID(int=7), "total": Decimal("192.00"), "issue_date": date(2026, 11, 30),
                        "number": "INV-2026-000042"}}
    event_id = await emit(sessionmaker, api.tenant_id, type="invoice.validated", data=data)

    outcome = await deliver(sessionmaker, http, hook, event_id)

    assert outcome["status"] == "succeeded"
    [request] = receiver.requests
    assert (request.method, request.path) == ("POST", "/hooks/rebill")
    assert request.headers["content-type"] == "application/json"
    assert request.headers["rebill-event-id"] == event_id and event_id.startswith("evt_")
    assert request.headers["rebill-event-type"] == "invoice.validated"
    assert verify(hook["secret"], request.body, request.headers["rebill-signature"])
    assert not verify(hook["secret"], request.body + b" ", request.headers["rebill-signature"])
    assert not verify("whsec_someone_else", request.body, request.headers["rebill-signature"])
    body = json.loads(request.body)
    assert list(body) == ["id", "type", "created", "data"]
    assert body["id"] == event_id and body["type"] == "invoice.validated"
    assert datetime.fromisoformat(body["created"]).utcoffset() == timedelta(0)
    # Exact decimals stay strings: no float touches an amount.
    assert body["data"] == {"invoice": {"id": str(uuid.UUID(int=7)), "total": "192.00", "issue_date": "2026-11-30",
                                        "number": "INV-2026-000042"}}
    [row] = await deliveries(api, hook["id"])
    assert (row["attempt"], row["status"], row["response_status"], row["response_body"]) == (1, "succeeded", 200, "ok")
    assert row["next_attempt_at"] is None and row["attempted_at"] is not None


async def test_a_stale_or_forged_signature_does_not_verify(api, sessionmaker, http, receiver):
    hook = await endpoint(api, url=receiver.url())
    await deliver(sessionmaker, http, hook, await emit(sessionmaker, api.tenant_id))
    [request] = receiver.requests
    header = request.headers["rebill-signature"]
    t = int(header.split(",")[0].removeprefix("t="))
    assert not verify(hook["secret"], request.body, header.replace(f"t={t}", f"t={t - 3600}"))
    assert not verify(hook["secret"], request.body, f"t={t}")
    assert not verify(hook["secret"], request.body, "v1=" + header.split("v1=")[1])


async def test_only_enabled_endpoints_subscribed_to_the_type_get_the_event(api, sessionmaker, http, receiver):
    validated = await endpoint(api, url=receiver.url("/validated"), events=["invoice.validated"])
    sent = await endpoint(api, url=receiver.url("/sent"), events=["invoice.sent"])
    disabled = await endpoint(api, url=receiver.url("/disabled"), events=["invoice.validated"], enabled=False)

    event_id = await emit(sessionmaker, api.tenant_id, type="invoice.validated")

    assert [len(await deliveries(api, h["id"])) for h in (validated, sent, disabled)] == [1, 0, 0]
    for hook in (validated, sent, disabled):
        await deliver(sessionmaker, http, hook, event_id)
    assert [r.path for r in receiver.requests] == ["/validated"]


async def test_an_event_nobody_subscribes_to_writes_nothing(api, other_api, sessionmaker):
    await endpoint(api, url="http://127.0.0.1:9/hooks", events=["invoice.sent"])
    await endpoint(other_api, url="http://127.0.0.1:9/hooks", events=["invoice.validated"])
    assert await emit(sessionmaker, api.tenant_id, type="invoice.validated") is None
    async with sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(WebhookEvent)
                                    .where(WebhookEvent.tenant_id == api.tenant_id)) == 0


async def test_an_event_emitted_in_a_transaction_that_rolls_back_is_not_recorded(api, sessionmaker):
    hook = await endpoint(api, url="http://127.0.0.1:9/hooks")
    with pytest.raises(RuntimeError):
        async with session_scope(sessionmaker) as session:
            await emit_event(session, tenant_id=api.tenant_id, type="invoice.sent", data={})
            assert session.info["jobs_after_commit"]  # queued only after the commit
            raise RuntimeError("the caller's work failed")
    assert await deliveries(api, hook["id"]) == []


async def test_an_unknown_event_type_is_a_programming_error(api, sessionmaker):
    async with session_scope(sessionmaker) as session:
        with pytest.raises(ValueError):
            await emit_event(session, tenant_id=api.tenant_id, type="invoice.refunded", data={})


# --- retries ---------------------------------------------------------------------------------------

async def test_a_failing_receiver_gets_retries_with_growing_delays_then_success(api, sessionmaker, http, receiver):
    receiver.answer(500, 500, 500, 200)
    hook = await endpoint(api, url=receiver.url())
    event_id = await emit(sessionmaker, api.tenant_id)

    now = datetime.now(UTC)
    delays = []
    for attempt in (1, 2, 3):
        delays.append(await deliver_expecting_retry(sessionmaker, http, hook, event_id, now=now))
        due = next_attempt_at(await deliveries(api, hook["id"]))
        assert abs(due - (now + delays[-1])) < timedelta(milliseconds=1)
        # Not before its time: a job run early (or twice) sends nothing.
        early = await deliver(sessionmaker, http, hook, event_id, now=due - timedelta(seconds=1))
        assert early["status"] == "nothing_due"
        now = due
    outcome = await deliver(sessionmaker, http, hook, event_id, now=now)

    assert outcome["status"] == "succeeded"
    assert delays == sorted(set(delays)), delays  # strictly growing
    for attempt, delay in enumerate(delays, start=1):
        assert delivery.minimum_delay(attempt) <= delay < delivery.minimum_delay(attempt) * (1 + delivery.JITTER)
    rows = await deliveries(api, hook["id"])
    assert [(r["attempt"], r["status"], r["response_status"]) for r in rows] == [
        (4, "succeeded", 200), (3, "failed", 500), (2, "failed", 500), (1, "failed", 500)]
    for failed in rows[1:]:
        assert failed["error"] == "the receiver answered 500" and failed["next_attempt_at"] is not None
    assert len(receiver.requests) == 4
    assert len({r.body for r in receiver.requests}) == 1
    assert {r.headers["rebill-event-id"] for r in receiver.requests} == {event_id}
    assert all(verify(hook["secret"], r.body, r.headers["rebill-signature"]) for r in receiver.requests)


def test_the_retry_schedule_covers_at_least_24_hours():
    window = sum((delivery.minimum_delay(a) for a in range(1, delivery.MAX_ATTEMPTS)), timedelta())
    assert window >= delivery.MIN_RETRY_WINDOW == timedelta(hours=24)
    assert delivery.minimum_delay(1) == timedelta(seconds=30)
    assert max(delivery.minimum_delay(a) for a in range(1, 50)) == delivery.MAX_RETRY_DELAY


def test_every_drawn_delay_is_whole_milliseconds_within_the_jitter_bound():
    # The retry job is deferred in milliseconds: a delay with a fraction of one could come due
    # after the next_attempt_at the API shows, or past the jitter's upper bound.
    for attempt in range(1, delivery.MAX_ATTEMPTS):
        least = delivery.minimum_delay(attempt)
        for _ in range(2_000):
            delay = delivery.retry_delay(attempt)
            assert least <= delay < least * (1 + delivery.JITTER)
            assert delay % timedelta(milliseconds=1) == timedelta(0)


def test_arq_never_gives_up_before_our_attempt_count():
    from workers.main import WorkerSettings

    [task] = [f for f in WorkerSettings.functions if getattr(f, "name", None) == delivery.DELIVER_TASK]
    assert task.max_tries >= 10 * delivery.MAX_ATTEMPTS  # worker restarts count as tries too


async def test_a_receiver_that_never_succeeds_is_given_up_after_24_hours(api, sessionmaker, http, receiver):
    receiver.answer(*[503] * delivery.MAX_ATTEMPTS)
    hook = await endpoint(api, url=receiver.url())
    event_id = await emit(sessionmaker, api.tenant_id)
    start = now = datetime.now(UTC)
    for _ in range(delivery.MAX_ATTEMPTS - 1):
        await deliver_expecting_retry(sessionmaker, http, hook, event_id, now=now)
        now = next_attempt_at(await deliveries(api, hook["id"]))

    last = await deliver(sessionmaker, http, hook, event_id, now=now)  # no Retry: the last attempt

    assert last == {"event_id": event_id, "endpoint_id": hook["id"], "attempt": delivery.MAX_ATTEMPTS,
                    "status": "failed", "response_status": 503}
    assert now - start >= timedelta(hours=24)
    rows = await deliveries(api, hook["id"])
    assert [r["status"] for r in rows] == ["failed"] * delivery.MAX_ATTEMPTS
    assert rows[0]["next_attempt_at"] is None
    assert (await deliver(sessionmaker, http, hook, event_id, now=now + timedelta(days=2)))["status"] == "nothing_due"


async def test_after_rotation_the_next_attempt_verifies_only_with_the_new_secret(api, sessionmaker, http, receiver):
    receiver.answer(500)
    hook = await endpoint(api, url=receiver.url())
    event_id = await emit(sessionmaker, api.tenant_id)
    await deliver_expecting_retry(sessionmaker, http, hook, event_id)
    new_secret = (await api.post(f"/v1/webhook-endpoints/{hook['id']}/rotate-secret")).json()["secret"]

    await deliver(sessionmaker, http, hook, event_id, now=next_attempt_at(await deliveries(api, hook["id"])))

    before, after = receiver.requests
    assert verify(hook["secret"], before.body, before.headers["rebill-signature"])
    assert verify(new_secret, after.body, after.headers["rebill-signature"])
    assert not verify(hook["secret"], after.body, after.headers["rebill-signature"])


async def test_a_redirect_is_not_followed(api, sessionmaker, http, receiver):
    receiver.answer(Answer(302, headers={"Location": receiver.url("/elsewhere")}, body=b""))
    hook = await endpoint(api, url=receiver.url())
    event_id = await emit(sessionmaker, api.tenant_id)

    await deliver_expecting_retry(sessionmaker, http, hook, event_id)

    assert [r.path for r in receiver.requests] == ["/hooks/rebill"]
    failed = (await deliveries(api, hook["id"]))[1]
    assert (failed["status"], failed["response_status"]) == ("failed", 302)
    assert "not followed" in failed["error"] and "/elsewhere" in failed["error"]


async def test_an_unreachable_or_silent_receiver_is_a_failed_attempt(api, sessionmaker, http, receiver, monkeypatch):
    monkeypatch.setattr(delivery, "REQUEST_TIMEOUT_SECONDS", 0.5)
    receiver.answer(HANG)
    silent = await endpoint(api, url=receiver.url())
    closed = await endpoint(api, url="http://127.0.0.1:9/hooks")  # discard port: nothing listens
    event_id = await emit(sessionmaker, api.tenant_id)

    for hook in (silent, closed):
        await deliver_expecting_retry(sessionmaker, http, hook, event_id)

    assert (await deliveries(api, silent["id"]))[1]["error"] == "no answer within 0.5 s"
    assert (await deliveries(api, closed["id"]))[1]["error"].startswith("ConnectError")


async def test_a_long_answer_is_kept_truncated(api, sessionmaker, http, receiver):
    receiver.answer(Answer(500, body=b"\x00" + b"x" * 100_000))
    hook = await endpoint(api, url=receiver.url())
    await deliver_expecting_retry(sessionmaker, http, hook, await emit(sessionmaker, api.tenant_id))
    body = (await deliveries(api, hook["id"]))[1]["response_body"]
    assert len(body) == delivery.RESPONSE_BODY_LIMIT and body.startswith("\ufffdxxx")


async def test_the_url_is_checked_again_before_each_attempt(api, sessionmaker, http, receiver):
    """An endpoint saved while private URLs were allowed (or whose name now resolves elsewhere)
    is not called once they are not."""
    hook = await endpoint(api, url=receiver.url())
    event_id = await emit(sessionmaker, api.tenant_id)

    with pytest.raises(Retry):
        await deliver(sessionmaker, http, hook, event_id, allow_private_urls=False)

    assert receiver.requests == []
    failed = (await deliveries(api, hook["id"]))[1]
    assert failed["error"].startswith("url not allowed: must be an https URL")


EMBEDDED_PRIVATE = [("ipv4-compatible", "::127.0.0.1"), ("ipv4-mapped", "::ffff:169.254.169.254"),
                    ("nat64", "64:ff9b::a9fe:a9fe"), ("nat64-local-use", "64:ff9b:1::a9fe:a9fe"),
                    ("6to4", "2002:7f00:1::"), ("teredo", "2001:0:4136:e378:8000:63bf:80ff:fffe")]


@pytest.mark.parametrize("address", [a for _, a in EMBEDDED_PRIVATE], ids=[n for n, _ in EMBEDDED_PRIVATE])
async def test_an_endpoint_on_an_ipv6_address_embedding_a_private_ipv4_is_not_called(api, sessionmaker, http,
                                                                                    address):
    """Saved while private URLs were allowed; checked again, and refused, before the attempt."""
    hook = await endpoint(api, url=f"https://[{address}]/hooks")
    event_id = await emit(sessionmaker, api.tenant_id)

    with pytest.raises(Retry):
        await deliver(sessionmaker, http, hook, event_id, allow_private_urls=False)

    failed = (await deliveries(api, hook["id"]))[1]
    assert failed["status"] == "failed" and failed["response_status"] is None
    assert failed["error"].startswith("url not allowed: resolves to a private or reserved address"), failed


# What a DNS answer may be: the same check judges the addresses a host name resolves to.
DNS_ANSWERS = [
    ("93.184.215.14", True), ("2606:2800:220:1::1", True), ("::ffff:93.184.215.14", True),
    ("64:ff9b::5db8:d70e", True), ("2002:5db8:d70e::1", True),
    ("127.0.0.1", False), ("::1", False), ("::", False), ("fe80::1", False), ("fc00::1", False),
    ("ff02::1", False), ("4000::1", False),
    ("::ffff:127.0.0.1", False), ("::ffff:10.0.0.1", False),
    ("::127.0.0.1", False), ("::a9fe:a9fe", False), ("::93.184.215.14", False),
    ("64:ff9b::a9fe:a9fe", False), ("64:ff9b::7f00:1", False), ("64:ff9b::c0a8:101", False),
    ("64:ff9b:1::a9fe:a9fe", False), ("64:ff9b:1::5db8:d70e", False),
    ("2002:7f00:1::", False), ("2002:a9fe:a9fe::1", False), ("2002:a00:1::", False), ("2002:6440:1::", False),
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", False), ("2001:0:4136:e378:8000:63bf:5601:5601", False),
    ("2001:0:4136:e378:8000:63bf:a247:28f1", False),
]


@pytest.mark.parametrize(("address", "public"), DNS_ANSWERS, ids=[a for a, _ in DNS_ANSWERS])
def test_each_resolved_address_is_judged_by_the_ipv4_it_embeds(address, public):
    assert urls.is_public(ip_address(address)) is public


def test_the_embedded_ipv4_is_read_where_each_embedding_puts_it():
    assert urls.embedded_ipv4(ip_address("::ffff:127.0.0.1")) == ip_address("127.0.0.1")
    assert urls.embedded_ipv4(ip_address("64:ff9b::a9fe:a9fe")) == ip_address("169.254.169.254")
    assert urls.embedded_ipv4(ip_address("2002:7f00:1::")) == ip_address("127.0.0.1")
    assert urls.embedded_ipv4(ip_address("2606:2800:220:1::1")) is None


async def test_a_disabled_endpoints_pending_attempt_is_dropped_when_its_turn_comes(api, sessionmaker, http, receiver):
    hook = await endpoint(api, url=receiver.url())
    event_id = await emit(sessionmaker, api.tenant_id)
    assert (await api.patch(f"/v1/webhook-endpoints/{hook['id']}", json={"enabled": False})).status_code == 200

    outcome = await deliver(sessionmaker, http, hook, event_id)  # no Retry

    assert outcome["status"] == "failed"
    assert receiver.requests == []
    [row] = await deliveries(api, hook["id"])
    assert (row["status"], row["error"], row["next_attempt_at"]) == ("failed", "endpoint disabled", None)


async def test_two_jobs_for_the_same_attempt_send_it_once(api, sessionmaker, receiver):
    hook = await endpoint(api, url=receiver.url())
    event_id = await emit(sessionmaker, api.tenant_id)
    async with delivery.new_http_client() as one, delivery.new_http_client() as two:
        outcomes = await asyncio.gather(deliver(sessionmaker, one, hook, event_id),
                                        deliver(sessionmaker, two, hook, event_id))
    assert sorted(o["status"] for o in outcomes) == ["nothing_due", "succeeded"]
    assert len(receiver.requests) == 1


async def test_a_deleted_endpoints_job_finds_nothing_to_do(api, sessionmaker, http, receiver):
    hook = await endpoint(api, url=receiver.url())
    event_id = await emit(sessionmaker, api.tenant_id)
    assert (await api.delete(f"/v1/webhook-endpoints/{hook['id']}")).status_code == 204
    assert (await deliver(sessionmaker, http, hook, event_id))["status"] == "nothing_due"
    assert receiver.requests == []


# --- the address a delivery connects to ------------------------------------------------------------

def test_a_checked_name_is_pinned_to_its_address_keeping_host_and_tls_name():
    target = urls.pinned("https://hooks.example:8443/rebill?x=1", ip_address("93.184.215.14"))
    assert target.url == "https://93.184.215.14:8443/rebill?x=1"
    assert target.headers == {"Host": "hooks.example:8443"}
    assert target.extensions == {"sni_hostname": "hooks.example"}
    v6 = urls.pinned("https://hooks.example/rebill", ip_address("2606:2800:220:1::1"))
    assert v6.url == "https://[2606:2800:220:1::1]/rebill" and v6.headers == {"Host": "hooks.example"}


async def test_a_pinned_request_reaches_the_checked_address_with_the_original_host(http, receiver):
    target = urls.pinned(f"http://receiver.test:{receiver.port}/hooks", ip_address("127.0.0.1"))
    response = await http.post(target.url, headers=target.headers, extensions=target.extensions, content=b"{}")
    assert response.status_code == 200
    assert receiver.requests[0].headers["host"] == f"receiver.test:{receiver.port}"


# --- lost jobs and real workers --------------------------------------------------------------------

async def test_the_sweeper_requeues_attempts_whose_job_was_lost(api, app, sessionmaker):
    hook = await endpoint(api, url="http://127.0.0.1:9/hooks")
    event_id = await emit(sessionmaker, api.tenant_id)  # queued nowhere: as if Redis lost the job
    redis = app.state.redis
    job_key = f"arq:job:{delivery.job_id(event_id, uuid.UUID(hook['id']), 1)}:swept"

    await delivery.requeue_lost_deliveries(sessionmaker, redis)
    assert not await redis.exists(job_key)  # not late enough yet

    await delivery.requeue_lost_deliveries(sessionmaker, redis, now=datetime.now(UTC) + timedelta(minutes=2))
    assert await redis.exists(job_key)
    await redis.delete(job_key)


async def test_events_older_than_the_retention_are_purged_with_their_delivery_log(api, sessionmaker):
    hook = await endpoint(api, url="http://127.0.0.1:9/hooks")
    await emit(sessionmaker, api.tenant_id)

    assert await delivery.purge_old_events(sessionmaker) == 0
    assert len(await deliveries(api, hook["id"])) == 1

    later = datetime.now(UTC) + delivery.RETENTION + timedelta(minutes=1)
    assert await delivery.purge_old_events(sessionmaker, now=later) >= 1
    assert await deliveries(api, hook["id"]) == []


@pytest.fixture
async def webhook_worker(stack):
    process = start_worker(stack.database_url, stack.redis_url, WEBHOOK_ALLOW_PRIVATE_URLS="true")
    yield process
    stop(process)


@pytest.mark.slow
async def test_a_worker_process_delivers_an_emitted_event_and_schedules_its_retry(stack, receiver, webhook_worker):
    api, app, sessionmaker = stack.api, stack.app, stack.sessionmaker
    path = f"/hooks/{uuid.uuid4().hex}"
    receiver.answer(500, path=path)
    hook = await endpoint(api, url=receiver.url(path))
    redis = app.state.redis
    async with unit_of_work(sessionmaker, redis) as session:  # as worker code that emits events does
        await emit_event(session, tenant_id=api.tenant_id, type="invoice_batch.completed",
                         data={"batch": {"id": "b-1", "status": "succeeded"}})

    [request] = await receiver.wait_for(1, path=path, timeout=60)

    body = json.loads(request.body)
    assert body["type"] == "invoice_batch.completed"
    assert body["data"] == {"batch": {"id": "b-1", "status": "succeeded"}}
    assert verify(hook["secret"], request.body, request.headers["rebill-signature"])
    job_id = delivery.job_id(body["id"], uuid.UUID(hook["id"]), 1)
    try:
        # The worker recorded the failure and the next attempt, and arq holds the job for then.
        for _ in range(100):
            rows = await deliveries(api, hook["id"])
            score = await redis.zscore("arq:queue", job_id)
            if len(rows) == 2 and score is not None:
                break
            await asyncio.sleep(0.1)
        assert [(r["attempt"], r["status"]) for r in rows] == [(2, "pending"), (1, "failed")]
        assert score / 1000 == pytest.approx(next_attempt_at(rows).timestamp(), abs=2)
    finally:
        await redis.zrem("arq:queue", job_id)
        await redis.delete(f"arq:job:{job_id}")
