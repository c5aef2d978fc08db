"""What an operator sees: Prometheus metrics read from the record, a request id on every answer,
and logs as JSON lines that carry the request id (API) or the batch id (worker)."""

import json
import os
import re
import signal
import subprocess
import uuid

import httpx
import pytest

from app.config import Settings
from app.invoice_batches.runner import run_batch
from app.main import create_app
from app.kit.net import free_port
from bench.bulk_upsert import wait_ready
from tests import factories as f
from tests.conftest import REDIS_URL
from tests.test_worker import REBILL


def sample(metrics: str, name: str, **labels: str) -> float:
    """The value of one sample of a Prometheus text exposition (0 when absent)."""
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in metrics.splitlines():
        match = re.match(r"^([a-z_]+)(?:\{(.*)\})? (\S+)$", line)
        if match and match[1] == name and ",".join(sorted((match[2] or "").split(","))) == wanted:
            return float(match[3])
    return 0.0


async def scrape(anonymous) -> str:
    response = await anonymous.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    return response.text


async def billable_customer(api, hours: str = "2.00") -> dict:
    product = await f.product(api)
    assert (await api.patch("/v1/settings", json={"default_product_id": product["id"]})).status_code == 200
    customer = await f.customer(api)
    item = await f.work_item(api, customer_id=customer["id"])
    for _ in range(3):
        await f.time_entry(api, work_item_id=item["id"], hours=hours)
    return customer


async def test_metrics_count_batches_invoices_and_billed_time(api, anonymous, sessionmaker):
    customer = await billable_customer(api)
    before = await scrape(anonymous)
    batch = (await api.post("/v1/invoice-batches", json={
        "customer_ids": [customer["id"]], "title": "November", "period_start": "2026-11-01",
        "period_end": "2026-11-30", "validate": True})).json()
    scheduled = await scrape(anonymous)
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    after = await scrape(anonymous)

    assert sample(scheduled, "rebill_invoice_batches", status="scheduled") == \
        sample(before, "rebill_invoice_batches", status="scheduled") + 1
    assert sample(after, "rebill_invoice_batches", status="succeeded") == \
        sample(before, "rebill_invoice_batches", status="succeeded") + 1
    assert sample(after, "rebill_invoices", status="validated", delivery_status="not_requested") == \
        sample(before, "rebill_invoices", status="validated", delivery_status="not_requested") + 1
    assert sample(after, "rebill_time_entries_billed") == sample(before, "rebill_time_entries_billed") + 3
    assert sample(after, "rebill_invoice_batch_duration_seconds_count") == \
        sample(before, "rebill_invoice_batch_duration_seconds_count") + 1
    assert "rebill_queue_depth " in after
    assert "# TYPE rebill_invoice_batch_duration_seconds histogram" in after


async def test_metrics_count_webhook_deliveries_by_result(api, anonymous, sessionmaker):
    from tests.webhook_helpers import emit, endpoint

    before = await scrape(anonymous)
    await endpoint(api, url="http://127.0.0.1:9/hooks", events=["invoice.validated"])
    await emit(sessionmaker, api.tenant_id)
    after = await scrape(anonymous)

    assert sample(after, "rebill_webhook_deliveries", status="pending") == \
        sample(before, "rebill_webhook_deliveries", status="pending") + 1


METRICS_TOKEN = "metrics-3f9c2a7d51e84b06"


@pytest.fixture(scope="module")
async def guarded_metrics(settings):
    """An anonymous client on an app whose METRICS_TOKEN is set."""
    application = create_app(settings.model_copy(update={"metrics_token": Settings(
        metrics_token=METRICS_TOKEN).metrics_token}))
    async with (application.router.lifespan_context(application),
                httpx.AsyncClient(transport=httpx.ASGITransport(app=application), base_url="http://test") as client):
        yield client


@pytest.mark.parametrize("authorization", [None, "", "Bearer", "Bearer ", "Bearer wrong-token",
                                           f"Bearer {METRICS_TOKEN}x", f"Bearer {METRICS_TOKEN[:-1]}",
                                           f"Basic {METRICS_TOKEN}", METRICS_TOKEN, "Bearer é".encode()],
                         ids=["missing", "empty", "scheme-alone", "scheme-and-space", "wrong", "longer", "shorter",
                              "basic-scheme", "no-scheme", "non-ascii"])
async def test_with_a_metrics_token_metrics_answer_401_without_it(guarded_metrics, authorization):
    headers = {"Authorization": authorization} if authorization is not None else {}
    response = await guarded_metrics.get("/metrics", headers=headers)
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["code"] == "unauthorized"
    assert "rebill_" not in response.text


async def test_with_a_metrics_token_metrics_answer_the_bearer_of_it(guarded_metrics):
    for authorization in (f"Bearer {METRICS_TOKEN}", f"bearer {METRICS_TOKEN}"):
        response = await guarded_metrics.get("/metrics", headers={"Authorization": authorization})
        assert response.status_code == 200, response.text
        assert "rebill_queue_depth " in response.text


async def test_a_tenants_api_key_does_not_open_guarded_metrics(guarded_metrics, api):
    response = await guarded_metrics.get("/metrics", headers={"Authorization": f"Bearer {api.key}"})
    assert response.status_code == 401


async def test_without_a_metrics_token_metrics_stay_open(anonymous, settings):
    assert settings.metrics_token is None
    assert (await anonymous.get("/metrics")).status_code == 200


def test_metrics_token_is_read_from_the_environment_and_an_empty_one_is_none(monkeypatch):
    monkeypatch.setenv("METRICS_TOKEN", METRICS_TOKEN)
    assert Settings().metrics_token.get_secret_value() == METRICS_TOKEN
    assert METRICS_TOKEN not in repr(Settings())
    monkeypatch.setenv("METRICS_TOKEN", "")
    assert Settings().metrics_token is None


async def test_every_answer_carries_a_request_id(api):
    given = await api.get("/v1/customers", headers={"X-Request-ID": "helpdesk-req-42"})
    fresh = await api.get("/v1/customers/not-an-id")
    hostile = await api.get("/v1/customers", headers={"X-Request-ID": "a b;" * 40})

    assert given.headers["x-request-id"] == "helpdesk-req-42"
    assert re.fullmatch(r"[0-9a-f]{32}", fresh.headers["x-request-id"])  # errors too
    assert re.fullmatch(r"[0-9a-f]{32}", hostile.headers["x-request-id"])  # not echoed as given


async def test_api_logs_are_json_lines_with_the_request_id(settings):
    port = free_port()
    env = {**os.environ, "DATABASE_URL": settings.database_url, "REDIS_URL": REDIS_URL}
    process = subprocess.Popen([REBILL, "api", "--port", str(port)], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            await wait_ready(client)
            await client.get("/v1/customers", headers={"X-Request-ID": "trace-me-7"})
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=20)
    records = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert records and len(records) == len([line for line in output.splitlines() if line.strip()])
    [access] = [r for r in records if r.get("request_id") == "trace-me-7"]
    assert (access["path"], access["status"], access["level"]) == ("/v1/customers", 401, "info")
    assert "timestamp" in access and "duration_ms" in access
