"""Creating, reading, listing and cancelling invoice batches; Idempotency-Key; the queued job."""

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from arq.constants import job_key_prefix

from tests import factories as f

DEFINITION = {"title": "Support — November 2026", "period_start": "2026-11-01", "period_end": "2026-11-30",
              "source_type": "ticket", "show_employee_names": True, "validate": True}


async def test_a_batch_is_accepted_scheduled_and_its_job_is_queued_under_its_id(api, app):
    customer = await f.customer(api)
    run_at = (datetime.now(UTC) + timedelta(hours=2)).replace(microsecond=0)
    response = await api.post("/v1/invoice-batches", json={**DEFINITION, "customer_ids": [customer["id"]],
                                                           "run_at": run_at.isoformat()})
    assert response.status_code == 202, response.text
    batch = response.json()
    assert batch["status"] == "scheduled"
    assert batch["validate"] is True and batch["customer_ids"] == [customer["id"]]
    assert datetime.fromisoformat(batch["run_at"]) == run_at
    assert batch["progress"] == {"customers_total": 0, "customers_done": 0}
    assert batch["links"]["report"] == f"/v1/invoice-batches/{batch['id']}/report"
    job = json.loads(await app.state.redis.get(job_key_prefix + batch["id"]))
    assert job["f"] == "run_invoice_batch" and job["a"] == [batch["id"]]
    assert (await api.get(f"/v1/invoice-batches/{batch['id']}")).json() == batch
    listed = (await api.get("/v1/invoice-batches", params={"status": "scheduled"})).json()["data"]
    assert [b["id"] for b in listed] == [batch["id"]]


async def test_same_idempotency_key_and_body_returns_the_first_answer_and_creates_nothing(api):
    customer = await f.customer(api)
    body = {**DEFINITION, "customer_ids": [customer["id"]]}
    key = {"Idempotency-Key": f"k-{uuid.uuid4()}"}
    first = await api.post("/v1/invoice-batches", json=body, headers=key)
    again = await api.post("/v1/invoice-batches", json=body, headers=key)
    assert first.status_code == again.status_code == 202
    assert again.json() == first.json()
    assert len((await api.get("/v1/invoice-batches")).json()["data"]) == 1


async def test_same_idempotency_key_with_another_body_is_409(api):
    customer = await f.customer(api)
    key = {"Idempotency-Key": "monthly-2026-11"}
    await api.post("/v1/invoice-batches", json={**DEFINITION, "customer_ids": [customer["id"]]}, headers=key)
    response = await api.post("/v1/invoice-batches", json={**DEFINITION, "title": "Other",
                                                           "customer_ids": [customer["id"]]}, headers=key)
    assert response.status_code == 409 and response.json()["code"] == "idempotency_key_reused"
    assert len((await api.get("/v1/invoice-batches")).json()["data"]) == 1


async def test_idempotency_keys_are_per_tenant(api, other_api):
    key = {"Idempotency-Key": "shared-key"}
    for client in (api, other_api):
        customer = await f.customer(client)
        response = await client.post("/v1/invoice-batches", json={**DEFINITION, "customer_ids": [customer["id"]]},
                                     headers=key)
        assert response.status_code == 202
        assert response.json()["customer_ids"] == [customer["id"]]


@pytest.mark.parametrize("path", ["/v1/invoice-batches", "/v1/invoice-batches/preview"])
async def test_run_at_more_than_24_hours_ahead_is_refused_naming_run_at_and_nothing_is_created(api, path):
    customer = await f.customer(api)
    run_at = (datetime.now(UTC) + timedelta(hours=24, minutes=5)).isoformat()
    response = await api.post(path, json={**DEFINITION, "customer_ids": [customer["id"]], "run_at": run_at})
    assert response.status_code == 422, response.text
    assert response.json()["errors"] == [
        {"field": "run_at", "code": "value_error", "message": "must be at most 24 hours from now"}]
    assert (await api.get("/v1/invoice-batches")).json()["data"] == []


@pytest.mark.parametrize("path", ["/v1/invoice-batches", "/v1/invoice-batches/preview"])
async def test_a_period_ending_before_it_starts_is_refused_naming_period_end(api, path):
    customer = await f.customer(api)
    response = await api.post(path, json={**DEFINITION, "customer_ids": [customer["id"]],
                                          "period_start": "2026-11-30", "period_end": "2026-11-01"})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"] == [
        {"field": "period_end", "code": "value_error", "message": "must not be before period_start (2026-11-30)"}]
    assert (await api.get("/v1/invoice-batches")).json()["data"] == []


async def test_a_one_day_period_is_accepted(api):
    customer = await f.customer(api)
    response = await api.post("/v1/invoice-batches/preview", json={
        **DEFINITION, "customer_ids": [customer["id"]], "period_start": "2026-11-30", "period_end": "2026-11-30"})
    assert response.status_code == 200, response.text


async def test_a_refused_period_start_is_named_alone(api):
    customer = await f.customer(api)
    response = await api.post("/v1/invoice-batches", json={**DEFINITION, "customer_ids": [customer["id"]],
                                                           "period_start": "2026-02-30"})
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == ["period_start"]


@pytest.mark.parametrize("path", ["/v1/invoice-batches", "/v1/invoice-batches/preview"])
@pytest.mark.parametrize("both", [True, False])
async def test_customers_and_a_selection_together_or_neither_is_refused_naming_customer_ids(api, path, both):
    customer = await f.customer(api)
    selection = (await api.post("/v1/selections", json={"name": "All", "customer_ids": [customer["id"]]})).json()
    body = {**DEFINITION, "customer_ids": [customer["id"]], "selection_id": selection["id"]} if both else DEFINITION
    response = await api.post(path, json=body)
    assert response.status_code == 422, response.text
    assert response.json()["errors"] == [{"field": "customer_ids", "code": "value_error",
                                          "message": "give exactly one of selection_id and customer_ids"}]
    assert (await api.get("/v1/invoice-batches")).json()["data"] == []


async def test_unknown_customer_or_foreign_selection_is_refused(api, other_api):
    response = await api.post("/v1/invoice-batches", json={**DEFINITION, "customer_ids": [str(uuid.uuid4())]})
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "customer_ids[0]"
    foreign = await f.selection(other_api, customer_ids=[(await f.customer(other_api))["id"]])
    response = await api.post("/v1/invoice-batches", json={**DEFINITION, "selection_id": foreign["id"]})
    assert response.status_code == 404
    assert (await api.get("/v1/invoice-batches")).json()["data"] == []


async def test_a_scheduled_batch_can_be_cancelled_once(api):
    customer = await f.customer(api)
    run_at = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    batch = (await api.post("/v1/invoice-batches", json={**DEFINITION, "customer_ids": [customer["id"]],
                                                         "run_at": run_at})).json()
    cancelled = await api.post(f"/v1/invoice-batches/{batch['id']}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert cancelled.json()["finished_at"] is not None
    again = await api.post(f"/v1/invoice-batches/{batch['id']}/cancel")
    assert again.status_code == 409 and again.json()["code"] == "batch_not_cancellable"


async def test_another_tenants_batch_is_not_found(api, other_api):
    customer = await f.customer(other_api)
    batch = (await other_api.post("/v1/invoice-batches", json={**DEFINITION, "customer_ids": [customer["id"]]})).json()
    assert (await api.get(f"/v1/invoice-batches/{batch['id']}")).status_code == 404
    assert (await api.post(f"/v1/invoice-batches/{batch['id']}/cancel")).status_code == 404
