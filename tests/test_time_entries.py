"""Time entries: create, read, change, delete; defaults; the read-only rule once invoiced; list
filters, dates being read in the tenant's time zone."""

from datetime import UTC, datetime


from tests import factories


def without_timestamps(body: dict) -> dict:
    return {k: v for k, v in body.items() if k not in {"created_at", "updated_at"}}


def entry_body(work_item_id: str, **fields) -> dict:
    return {"work_item_id": work_item_id, "employee_id": "e-7", "employee_name": "Alice Martin",
            "started_at": "2026-11-05T14:30:00+01:00", "hours": "1.50", **fields}


async def list_ids(api, **params) -> list[str]:
    response = await api.get("/v1/time-entries", params=params)
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["data"]]


async def ticket(api, **fields) -> dict:
    customer = await factories.customer(api)
    return await factories.work_item(api, customer_id=customer["id"], **fields)


async def mark_invoiced(sessionmaker, entry_id: str) -> tuple[str, str]:
    return await factories.mark_invoiced(sessionmaker, entry_id)


async def test_created_entry_reads_back_in_the_documented_shape(api):
    item = await ticket(api)
    product = await factories.product(api)
    created = await factories.time_entry(api, work_item_id=item["id"], external_id="te-9",
                                         product_id=product["id"], note="Replaced the toner")

    response = await api.get(f"/v1/time-entries/{created['id']}")

    assert response.status_code == 200
    body = without_timestamps(response.json())
    started_at = body.pop("started_at")
    assert body == {"id": created["id"], "external_id": "te-9", "work_item_id": item["id"], "employee_id": "e-7",
                    "employee_name": "Alice Martin", "hours": "1.50", "product_id": product["id"],
                    "status": "approved", "billable": True, "note": "Replaced the toner", "invoice_id": None,
                    "invoice_line_id": None, "adjusts_id": None, "adjustment_status": None, "superseded": False,
                    "corrected_invoice_id": None, "corrected_invoice_line_id": None}
    assert datetime.fromisoformat(started_at) == datetime(2026, 11, 5, 13, 30, tzinfo=UTC)


async def test_started_at_with_an_offset_is_stored_as_the_same_instant(api):
    item = await ticket(api)
    created = await factories.time_entry(api, work_item_id=item["id"], started_at="2026-11-05T23:30:00-05:00")

    body = (await api.get(f"/v1/time-entries/{created['id']}")).json()

    started_at = datetime.fromisoformat(body["started_at"])
    assert started_at.utcoffset() is not None
    assert started_at == datetime(2026, 11, 6, 4, 30, tzinfo=UTC)


async def test_started_at_without_an_offset_is_refused(api):
    item = await ticket(api)

    response = await api.post("/v1/time-entries", json=entry_body(item["id"], started_at="2026-11-05T14:30:00"))

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["started_at"]


async def test_status_defaults_to_draft(api):
    item = await ticket(api)

    response = await api.post("/v1/time-entries", json=entry_body(item["id"]))

    assert response.status_code == 201, response.text
    assert (await api.get(f"/v1/time-entries/{response.json()['id']}")).json()["status"] == "draft"


async def test_ticket_time_is_billable_by_default(api):
    item = await ticket(api, type="ticket")

    response = await api.post("/v1/time-entries", json=entry_body(item["id"]))

    assert response.status_code == 201, response.text
    assert (await api.get(f"/v1/time-entries/{response.json()['id']}")).json()["billable"] is True


async def test_work_order_time_is_not_billable_by_default(api):
    item = await ticket(api, type="work_order", reference="WO-1")

    response = await api.post("/v1/time-entries", json=entry_body(item["id"]))

    assert response.status_code == 201, response.text
    assert (await api.get(f"/v1/time-entries/{response.json()['id']}")).json()["billable"] is False


async def test_billable_sent_wins_over_the_default(api):
    item = await ticket(api, type="work_order", reference="WO-1")

    response = await api.post("/v1/time-entries", json=entry_body(item["id"], billable=True))

    assert response.status_code == 201, response.text
    assert (await api.get(f"/v1/time-entries/{response.json()['id']}")).json()["billable"] is True


async def test_hours_with_more_than_two_decimals_are_refused(api):
    item = await ticket(api)

    response = await api.post("/v1/time-entries", json=entry_body(item["id"], hours="1.255"))

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["hours"]


async def test_zero_hours_are_refused(api):
    item = await ticket(api)

    response = await api.post("/v1/time-entries", json=entry_body(item["id"], hours="0"))

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["hours"]


async def test_hours_as_a_json_number_are_refused(api):
    item = await ticket(api)

    response = await api.post("/v1/time-entries", json=entry_body(item["id"], hours=1.5))

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["hours"]


async def test_work_item_of_another_tenant_is_refused(api, other_api):
    foreign = await ticket(other_api)

    response = await api.post("/v1/time-entries", json=entry_body(foreign["id"]))

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["work_item_id"]


async def test_product_of_another_tenant_is_refused(api, other_api):
    item = await ticket(api)
    foreign = await factories.product(other_api)

    response = await api.post("/v1/time-entries", json=entry_body(item["id"], product_id=foreign["id"]))

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["product_id"]


async def test_patch_changes_only_the_fields_sent(api):
    item = await ticket(api)
    created = await factories.time_entry(api, work_item_id=item["id"], status="draft")

    response = await api.patch(f"/v1/time-entries/{created['id']}", json={"status": "approved", "hours": "2"})

    assert response.status_code == 200, response.text
    body = (await api.get(f"/v1/time-entries/{created['id']}")).json()
    assert (body["status"], body["hours"]) == ("approved", "2.00")
    keep = {"work_item_id", "employee_id", "employee_name", "product_id", "billable", "note", "external_id"}
    assert {k: body[k] for k in keep} == {k: created[k] for k in keep}


async def test_patch_refuses_null_billable(api):
    item = await ticket(api)
    created = await factories.time_entry(api, work_item_id=item["id"])

    response = await api.patch(f"/v1/time-entries/{created['id']}", json={"billable": None})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["billable"]


async def test_delete_answers_204_then_404(api):
    item = await ticket(api)
    created = await factories.time_entry(api, work_item_id=item["id"])

    assert (await api.delete(f"/v1/time-entries/{created['id']}")).status_code == 204
    assert (await api.get(f"/v1/time-entries/{created['id']}")).status_code == 404


async def test_invoiced_entry_shows_its_invoice_and_line(api, sessionmaker):
    item = await ticket(api)
    created = await factories.time_entry(api, work_item_id=item["id"])
    invoice_id, line_id = await mark_invoiced(sessionmaker, created["id"])

    body = (await api.get(f"/v1/time-entries/{created['id']}")).json()

    assert (body["invoice_id"], body["invoice_line_id"]) == (invoice_id, line_id)


async def test_invoiced_entry_cannot_be_changed(api, sessionmaker):
    item = await ticket(api)
    created = await factories.time_entry(api, work_item_id=item["id"])
    await mark_invoiced(sessionmaker, created["id"])

    response = await api.patch(f"/v1/time-entries/{created['id']}", json={"hours": "9.00"})

    assert response.status_code == 409
    assert response.json()["code"] == "time_entry_invoiced"
    assert (await api.get(f"/v1/time-entries/{created['id']}")).json()["hours"] == "1.50"


async def test_invoiced_entry_cannot_be_deleted(api, sessionmaker):
    item = await ticket(api)
    created = await factories.time_entry(api, work_item_id=item["id"])
    await mark_invoiced(sessionmaker, created["id"])

    response = await api.delete(f"/v1/time-entries/{created['id']}")

    assert response.status_code == 409
    assert (await api.get(f"/v1/time-entries/{created['id']}")).status_code == 200


async def test_another_tenants_entry_is_404(api, other_api):
    item = await ticket(other_api)
    foreign = await factories.time_entry(other_api, work_item_id=item["id"])

    assert (await api.get(f"/v1/time-entries/{foreign['id']}")).status_code == 404
    assert (await api.patch(f"/v1/time-entries/{foreign['id']}", json={"hours": "2"})).status_code == 404
    assert (await api.delete(f"/v1/time-entries/{foreign['id']}")).status_code == 404


# Filters


async def test_list_filters_by_customer(api):
    acme = await factories.customer(api)
    globex = await factories.customer(api, name="Globex")
    acme_ticket = await factories.work_item(api, customer_id=acme["id"], reference="T-1")
    globex_ticket = await factories.work_item(api, customer_id=globex["id"], reference="T-2")
    wanted = await factories.time_entry(api, work_item_id=acme_ticket["id"])
    await factories.time_entry(api, work_item_id=globex_ticket["id"])

    assert await list_ids(api, customer_id=acme["id"]) == [wanted["id"]]


async def test_list_filters_by_work_item(api):
    customer = await factories.customer(api)
    first = await factories.work_item(api, customer_id=customer["id"], reference="T-1")
    second = await factories.work_item(api, customer_id=customer["id"], reference="T-2")
    await factories.time_entry(api, work_item_id=first["id"])
    wanted = await factories.time_entry(api, work_item_id=second["id"])

    assert await list_ids(api, work_item_id=second["id"]) == [wanted["id"]]


async def test_list_filters_by_status(api):
    item = await ticket(api)
    draft = await factories.time_entry(api, work_item_id=item["id"], status="draft")
    approved = await factories.time_entry(api, work_item_id=item["id"], status="approved")

    assert await list_ids(api, status="draft") == [draft["id"]]
    assert await list_ids(api, status="approved") == [approved["id"]]


async def test_list_filters_by_billable(api):
    item = await ticket(api)
    billable = await factories.time_entry(api, work_item_id=item["id"], billable=True)
    internal = await factories.time_entry(api, work_item_id=item["id"], billable=False)

    assert await list_ids(api, billable="true") == [billable["id"]]
    assert await list_ids(api, billable="false") == [internal["id"]]


async def test_list_filters_by_invoiced(api, sessionmaker):
    item = await ticket(api)
    invoiced = await factories.time_entry(api, work_item_id=item["id"])
    pending = await factories.time_entry(api, work_item_id=item["id"])
    await mark_invoiced(sessionmaker, invoiced["id"])

    assert await list_ids(api, invoiced="true") == [invoiced["id"]]
    assert await list_ids(api, invoiced="false") == [pending["id"]]


async def test_list_filters_by_external_id(api):
    item = await ticket(api)
    await factories.time_entry(api, work_item_id=item["id"], external_id="te-1")
    wanted = await factories.time_entry(api, work_item_id=item["id"], external_id="te-2")

    assert await list_ids(api, external_id="te-2") == [wanted["id"]]


async def test_list_filters_by_date_range_inclusive(api):
    item = await ticket(api)
    before = await factories.time_entry(api, work_item_id=item["id"], started_at="2026-10-31T12:00:00+00:00")
    first_day = await factories.time_entry(api, work_item_id=item["id"], started_at="2026-11-01T00:00:00+00:00")
    last_day = await factories.time_entry(api, work_item_id=item["id"], started_at="2026-11-30T23:59:00+00:00")
    after = await factories.time_entry(api, work_item_id=item["id"], started_at="2026-12-01T00:00:00+00:00")

    assert await list_ids(api, date_from="2026-11-01", date_to="2026-11-30") == [first_day["id"], last_day["id"]]
    assert before["id"] not in await list_ids(api, date_from="2026-11-01")
    assert after["id"] not in await list_ids(api, date_to="2026-11-30")


async def test_date_from_uses_the_tenant_time_zone(api):
    assert (await api.patch("/v1/settings", json={"timezone": "Europe/Paris"})).status_code == 200
    item = await ticket(api)
    entry = await factories.time_entry(api, work_item_id=item["id"], started_at="2026-11-30T23:30:00+00:00")

    assert await list_ids(api, date_from="2026-12-01") == [entry["id"]]  # 00:30 on 1 December in Paris


async def test_date_to_uses_the_tenant_time_zone(api):
    assert (await api.patch("/v1/settings", json={"timezone": "Europe/Paris"})).status_code == 200
    item = await ticket(api)
    await factories.time_entry(api, work_item_id=item["id"], started_at="2026-11-30T23:30:00+00:00")

    assert await list_ids(api, date_to="2026-11-30") == []


async def test_dates_are_utc_dates_for_a_tenant_in_utc(api):
    item = await ticket(api)
    entry = await factories.time_entry(api, work_item_id=item["id"], started_at="2026-11-30T23:30:00+00:00")

    assert await list_ids(api, date_to="2026-11-30") == [entry["id"]]
    assert await list_ids(api, date_from="2026-12-01") == []


async def test_filters_combine(api):
    acme = await factories.customer(api)
    globex = await factories.customer(api, name="Globex")
    acme_ticket = await factories.work_item(api, customer_id=acme["id"], reference="T-1")
    globex_ticket = await factories.work_item(api, customer_id=globex["id"], reference="T-2")
    wanted = await factories.time_entry(api, work_item_id=acme_ticket["id"], status="approved")
    await factories.time_entry(api, work_item_id=acme_ticket["id"], status="draft")
    await factories.time_entry(api, work_item_id=globex_ticket["id"], status="approved")

    assert await list_ids(api, customer_id=acme["id"], status="approved") == [wanted["id"]]


async def test_invalid_date_filter_is_422(api):
    response = await api.get("/v1/time-entries", params={"date_from": "01/11/2026"})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["date_from"]


async def test_list_pages_through_entries_in_creation_order(api):
    item = await ticket(api)
    created = [(await factories.time_entry(api, work_item_id=item["id"]))["id"] for _ in range(5)]

    first = (await api.get("/v1/time-entries", params={"limit": 3})).json()
    second = (await api.get("/v1/time-entries", params={"limit": 3, "cursor": first["next_cursor"]})).json()

    assert [e["id"] for e in first["data"] + second["data"]] == created
    assert second["next_cursor"] is None
