"""Bulk upsert by external_id: a helpdesk pushes customers, work items and time entries, references
other records by their external_id, and can push the same data twice safely."""

import asyncio
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

from tests import factories

ADDRESS = {"line1": "3 rue de la Paix", "line2": None, "postal_code": "75002", "city": "Paris", "country": "FR"}


async def push(api, resource: str, items: list[dict], status: int = 200, on_error: str | None = None) -> dict:
    response = await api.post(f"/v1/{resource}/bulk", json={"items": items},
                              params={"on_error": on_error} if on_error else None)
    assert response.status_code == status, response.text[:2000]
    body = response.json()
    if status == 200:
        # One answer per pushed item, and the counts are those of the answers.
        assert len(body["items"]) == len(items)
        tally = Counter(item["result"] for item in body["items"])
        assert counts(body) == {"created": tally["created"], "updated": tally["updated"],
                                "unchanged": tally["unchanged"], "errors": tally["error"]}
    return body


def counts(body: dict) -> dict:
    return {key: body[key] for key in ("created", "updated", "unchanged", "errors")}


def results(body: dict) -> list[tuple[str | None, str]]:
    return [(item["external_id"], item["result"]) for item in body["items"]]


def faults(body: dict) -> dict[int, list[tuple[str, str]]]:
    """Position -> (field, code) of each error, for the items in error."""
    return {n: [(e["field"], e["code"]) for e in item["errors"]]
            for n, item in enumerate(body["items"]) if item["result"] == "error"}


async def one(api, resource: str, external_id: str) -> dict:
    response = await api.get(f"/v1/{resource}", params={"external_id": external_id})
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert len(data) == 1, data
    return data[0]


async def count(api, resource: str) -> int:
    response = await api.get(f"/v1/{resource}", params={"limit": 200})
    assert response.status_code == 200, response.text
    return len(response.json()["data"])


def company(external_id: str, **fields) -> dict:
    return {"external_id": external_id, "name": f"Company {external_id}", "kind": "company",
            "billing_address": ADDRESS, "emails": [f"{external_id}@example.com"], "tax_rate": "20.00", **fields}


def entry(external_id: str, **fields) -> dict:
    return {"external_id": external_id, "work_item_external_id": "T-1", "employee_id": "e-7",
            "employee_name": "Alice Martin", "started_at": "2026-11-05T14:30:00+01:00", "hours": "1.50",
            "status": "approved", **fields}


async def helpdesk_base(api) -> None:
    """A customer, a ticket T-1 and a product p-sup, all known by external_id."""
    await push(api, "customers", [company("crm-1")])
    await push(api, "work-items", [{"external_id": "T-1", "type": "ticket", "reference": "T-1", "title": "Printer",
                                    "customer_external_id": "crm-1"}])
    await factories.product(api, code="SUP-H", external_id="p-sup")


async def time_entry_rows(sessionmaker, tenant_id: uuid.UUID) -> tuple[int, datetime | None]:
    async with sessionmaker() as session:
        row = (await session.execute(text("SELECT count(*) AS n, max(updated_at) AS latest FROM time_entries "
                                          "WHERE tenant_id = :tenant"), {"tenant": tenant_id})).one()
    return row.n, row.latest


async def mark_invoiced(sessionmaker, entry_id: str) -> None:
    await factories.mark_invoiced(sessionmaker, entry_id)


# Customers


async def test_customers_bulk_creates_then_reads_back(api):
    result = await push(api, "customers", [company("crm-1"), company("crm-2", currency="USD")])

    assert counts(result) == {"created": 2, "updated": 0, "unchanged": 0, "errors": 0}
    body = await one(api, "customers", "crm-2")
    assert {k: body[k] for k in ("name", "kind", "billing_address", "emails", "currency", "tax_rate")} == {
        "name": "Company crm-2", "kind": "company", "billing_address": ADDRESS, "emails": ["crm-2@example.com"],
        "currency": "USD", "tax_rate": "20.00"}


async def test_customers_bulk_contact_references_a_parent_in_the_same_request(api):
    items = [{"external_id": "c-jane", "name": "Jane Doe", "kind": "contact", "parent_external_id": "crm-1"},
             company("crm-1")]

    result = await push(api, "customers", items)

    assert counts(result) == {"created": 2, "updated": 0, "unchanged": 0, "errors": 0}
    parent = await one(api, "customers", "crm-1")
    assert (await one(api, "customers", "c-jane"))["parent_id"] == parent["id"]


async def test_customers_bulk_contact_references_an_existing_parent(api):
    parent = await factories.customer(api, external_id="crm-1")

    await push(api, "customers", [{"external_id": "c-jane", "name": "Jane Doe", "kind": "contact",
                                   "parent_external_id": "crm-1"}])

    assert (await one(api, "customers", "c-jane"))["parent_id"] == parent["id"]


async def test_customers_bulk_with_an_unknown_parent_is_refused_whole(api):
    items = [company("crm-1"),
             {"external_id": "c-jane", "name": "Jane Doe", "kind": "contact", "parent_external_id": "crm-404"}]

    response = await api.post("/v1/customers/bulk", json={"items": items})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["items[1].parent_external_id"]
    assert await count(api, "customers") == 0


async def test_customers_bulk_parent_must_be_a_company(api):
    items = [{"external_id": "c-john", "name": "John Doe", "kind": "contact"},
             {"external_id": "c-jane", "name": "Jane Doe", "kind": "contact", "parent_external_id": "c-john"}]

    response = await api.post("/v1/customers/bulk", json={"items": items})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["items[1].parent_external_id"]


async def test_customers_bulk_pushed_twice_is_unchanged(api):
    items = [company("crm-1"), {"external_id": "c-jane", "name": "Jane Doe", "kind": "contact",
                                "parent_external_id": "crm-1", "terms": {"payment_terms_days": 15}}]
    await push(api, "customers", items)

    assert counts(await push(api, "customers", items)) == {"created": 0, "updated": 0, "unchanged": 2, "errors": 0}


async def test_customer_created_one_by_one_then_pushed_identically_is_unchanged(api):
    created = await factories.customer(api, external_id="crm-1")
    item = {k: v for k, v in created.items() if k not in {"id", "parent_id", "created_at", "updated_at"}}

    assert counts(await push(api, "customers", [item])) == {"created": 0, "updated": 0, "unchanged": 1, "errors": 0}


async def test_customers_bulk_updates_by_external_id_keeping_the_id(api):
    before = await factories.customer(api, external_id="crm-1", name="Acme")

    result = await push(api, "customers", [company("crm-1", name="Acme Group")])

    assert counts(result) == {"created": 0, "updated": 1, "unchanged": 0, "errors": 0}
    after = await one(api, "customers", "crm-1")
    assert (after["id"], after["name"]) == (before["id"], "Acme Group")


async def test_customers_bulk_mixes_new_changed_and_unchanged(api):
    await push(api, "customers", [company("crm-1"), company("crm-2"), company("crm-3")])

    result = await push(api, "customers", [company("crm-1"), company("crm-2", name="Renamed"), company("crm-4"),
                                           company("crm-3")])

    assert counts(result) == {"created": 1, "updated": 1, "unchanged": 2, "errors": 0}
    assert await count(api, "customers") == 4


async def test_customers_bulk_refuses_a_duplicate_external_id_in_one_request(api):
    response = await api.post("/v1/customers/bulk", json={"items": [company("crm-1"), company("crm-1")]})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["items[1].external_id"]
    assert await count(api, "customers") == 0


async def test_customers_bulk_requires_an_external_id(api):
    item = company("crm-1")
    del item["external_id"]

    response = await api.post("/v1/customers/bulk", json={"items": [item]})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["items[0].external_id"]


async def test_customers_bulk_does_not_touch_another_tenants_records(api, other_api):
    theirs = await factories.customer(other_api, external_id="crm-1", name="Theirs")

    result = await push(api, "customers", [company("crm-1", name="Mine")])

    assert counts(result) == {"created": 1, "updated": 0, "unchanged": 0, "errors": 0}
    assert (await other_api.get(f"/v1/customers/{theirs['id']}")).json()["name"] == "Theirs"


async def test_customers_bulk_refuses_turning_a_company_with_contacts_into_a_contact(api):
    await push(api, "customers", [company("crm-1"), {"external_id": "c-jane", "name": "Jane Doe", "kind": "contact",
                                                     "parent_external_id": "crm-1"}])

    response = await api.post("/v1/customers/bulk", json={"items": [
        {"external_id": "crm-1", "name": "Company crm-1", "kind": "contact"}]})

    assert response.status_code == 422
    assert (await one(api, "customers", "crm-1"))["kind"] == "company"


async def test_customers_bulk_answers_each_item_in_order_with_the_id_get_returns(api):
    await push(api, "customers", [company("crm-1"), company("crm-2"), company("crm-3")])
    before = {ext: (await one(api, "customers", ext))["id"] for ext in ("crm-1", "crm-2", "crm-3")}

    result = await push(api, "customers", [
        company("crm-3"), {"external_id": "c-jane", "name": "Jane Doe", "kind": "contact",
                           "parent_external_id": "crm-4"},
        company("crm-2", name="Renamed"), company("crm-4"), company("crm-1")])

    assert results(result) == [("crm-3", "unchanged"), ("c-jane", "created"), ("crm-2", "updated"),
                               ("crm-4", "created"), ("crm-1", "unchanged")]
    assert counts(result) == {"created": 2, "updated": 1, "unchanged": 2, "errors": 0}
    for item in result["items"]:
        assert set(item) == {"external_id", "id", "result"}
        assert item["id"] == (await one(api, "customers", item["external_id"]))["id"]
    assert {i["external_id"]: i["id"] for i in result["items"] if i["external_id"] in before} == before


async def test_customers_bulk_skip_stores_the_valid_items_and_answers_the_bad_ones(api):
    stored = await factories.customer(api, external_id="crm-1", name="Stored")
    items = [
        company("crm-1", currency="eur"),  # invalid: the stored crm-1 stays as it is, and is c-jane's parent
        {"external_id": "c-jane", "name": "Jane Doe", "kind": "contact", "parent_external_id": "crm-1"},
        company("crm-9", parent_external_id="crm-1"),  # a company cannot have a parent: c-john's is unknown
        {"external_id": "c-john", "name": "John Doe", "kind": "contact", "parent_external_id": "crm-9"},
        {"external_id": "c-ann", "name": "Ann Doe", "kind": "contact", "parent_external_id": "crm-404"},
        company("crm-2"),
        company("crm-2", name="Twice"),
        {"name": "No external id"},
        "not an object",
    ]

    result = await push(api, "customers", items, on_error="skip")

    assert results(result) == [("crm-1", "error"), ("c-jane", "created"), ("crm-9", "error"), ("c-john", "error"),
                               ("c-ann", "error"), ("crm-2", "created"), ("crm-2", "error"), (None, "error"),
                               (None, "error")]
    assert faults(result) == {
        0: [("items[0].currency", "value_error")],
        2: [("items[2].parent_external_id", "parent_not_allowed")],
        3: [("items[3].parent_external_id", "unknown_reference")],
        4: [("items[4].parent_external_id", "unknown_reference")],
        6: [("items[6].external_id", "duplicate")],
        7: [("items[7].external_id", "missing")],
        8: [("items[8]", "model_type")],
    }
    assert all(item["id"] is None for item in result["items"] if item["result"] == "error")
    assert counts(result) == {"created": 2, "updated": 0, "unchanged": 0, "errors": 7}
    assert (await one(api, "customers", "crm-1"))["name"] == "Stored"
    assert (await one(api, "customers", "c-jane"))["parent_id"] == stored["id"]
    assert (await one(api, "customers", "crm-2"))["name"] == "Company crm-2"
    assert await count(api, "customers") == 3


async def test_customers_bulk_rejecting_by_default_writes_nothing_of_a_push_skip_would_store(api):
    items = [company("crm-1"), company("crm-2", currency="eur"), company("crm-3")]

    for on_error in (None, "reject"):
        response = await api.post("/v1/customers/bulk", json={"items": items},
                                  params={"on_error": on_error} if on_error else None)
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["items[1].currency"]
        assert await count(api, "customers") == 0
    assert counts(await push(api, "customers", items, on_error="skip")) == {
        "created": 2, "updated": 0, "unchanged": 0, "errors": 1}


async def test_bulk_on_error_accepts_only_reject_or_skip(api):
    response = await api.post("/v1/customers/bulk", json={"items": [company("crm-1")]}, params={"on_error": "ignore"})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["on_error"]
    assert await count(api, "customers") == 0


# Work items


async def test_work_items_bulk_references_customers_by_external_id(api):
    customer = await factories.customer(api, external_id="crm-1")

    result = await push(api, "work-items", [
        {"external_id": "T-1", "type": "ticket", "reference": "T-000001", "title": "Printer down",
         "customer_external_id": "crm-1"},
        {"external_id": "WO-1", "type": "work_order", "reference": "WO-000001", "customer_id": customer["id"]}])

    assert counts(result) == {"created": 2, "updated": 0, "unchanged": 0, "errors": 0}
    ticket = await one(api, "work-items", "T-1")
    assert {k: ticket[k] for k in ("type", "reference", "title", "customer_id")} == {
        "type": "ticket", "reference": "T-000001", "title": "Printer down", "customer_id": customer["id"]}
    assert (await one(api, "work-items", "WO-1"))["customer_id"] == customer["id"]


async def test_work_items_bulk_with_an_unknown_customer_is_refused_whole(api):
    await factories.customer(api, external_id="crm-1")

    response = await api.post("/v1/work-items/bulk", json={"items": [
        {"external_id": "T-1", "type": "ticket", "reference": "T-1", "customer_external_id": "crm-1"},
        {"external_id": "T-2", "type": "ticket", "reference": "T-2", "customer_external_id": "crm-404"}]})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["items[1].customer_external_id"]
    assert await count(api, "work-items") == 0


async def test_work_items_bulk_needs_a_customer(api):
    response = await api.post("/v1/work-items/bulk", json={"items": [
        {"external_id": "T-1", "type": "ticket", "reference": "T-1"}]})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["items[0].customer_id"]


async def test_work_items_bulk_refuses_a_customer_of_another_tenant(api, other_api):
    await factories.customer(other_api, external_id="crm-1")

    response = await api.post("/v1/work-items/bulk", json={"items": [
        {"external_id": "T-1", "type": "ticket", "reference": "T-1", "customer_external_id": "crm-1"}]})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["items[0].customer_external_id"]


async def test_work_items_bulk_pushed_twice_is_unchanged_then_updates_what_changed(api):
    await factories.customer(api, external_id="crm-1")
    items = [{"external_id": f"T-{n}", "type": "ticket", "reference": f"T-{n}", "customer_external_id": "crm-1"}
             for n in range(3)]
    await push(api, "work-items", items)

    assert counts(await push(api, "work-items", items)) == {"created": 0, "updated": 0, "unchanged": 3, "errors": 0}
    items[1]["title"] = "Now with a title"
    assert counts(await push(api, "work-items", items)) == {"created": 0, "updated": 1, "unchanged": 2, "errors": 0}
    assert (await one(api, "work-items", "T-1"))["title"] == "Now with a title"


async def test_work_items_bulk_answers_each_item_with_its_id_and_result(api):
    await factories.customer(api, external_id="crm-1")
    items = [{"external_id": f"T-{n}", "type": "ticket", "reference": f"T-{n}", "customer_external_id": "crm-1"}
             for n in range(3)]
    first = await push(api, "work-items", items)
    items[2]["title"] = "Changed"

    again = await push(api, "work-items", [items[2], items[0], {**items[0], "external_id": "T-3"}])

    assert results(first) == [("T-0", "created"), ("T-1", "created"), ("T-2", "created")]
    assert results(again) == [("T-2", "updated"), ("T-0", "unchanged"), ("T-3", "created")]
    ids = {item["external_id"]: item["id"] for item in first["items"] + again["items"]}
    for external_id, record_id in ids.items():
        assert (await one(api, "work-items", external_id))["id"] == record_id
    assert [i["id"] for i in again["items"][:2]] == [ids["T-2"], ids["T-0"]]


async def test_work_items_bulk_skip_answers_unknown_customers_and_stores_the_rest(api):
    await factories.customer(api, external_id="crm-1")

    result = await push(api, "work-items", [
        {"external_id": "T-1", "type": "ticket", "reference": "T-1", "customer_external_id": "crm-404"},
        {"external_id": "T-2", "type": "ticket", "reference": "T-2", "customer_external_id": "crm-1"},
        {"external_id": "T-3", "type": "incident", "reference": "T-3", "customer_external_id": "crm-1"},
        {"external_id": "T-4", "type": "ticket", "reference": "T-4"}], on_error="skip")

    assert results(result) == [("T-1", "error"), ("T-2", "created"), ("T-3", "error"), ("T-4", "error")]
    assert faults(result) == {0: [("items[0].customer_external_id", "unknown_reference")],
                              2: [("items[2].type", "literal_error")],
                              3: [("items[3].customer_id", "missing")]}
    assert result["items"][1]["id"] == (await one(api, "work-items", "T-2"))["id"]
    assert await count(api, "work-items") == 1


# Time entries


async def test_time_entries_bulk_references_by_external_id(api):
    await helpdesk_base(api)

    result = await push(api, "time-entries", [entry("te-1", product_external_id="p-sup")])

    assert counts(result) == {"created": 1, "updated": 0, "unchanged": 0, "errors": 0}
    body = await one(api, "time-entries", "te-1")
    assert body["work_item_id"] == (await one(api, "work-items", "T-1"))["id"]
    assert body["product_id"] == (await one(api, "products", "p-sup"))["id"]
    assert (body["hours"], body["status"], body["billable"]) == ("1.50", "approved", True)
    assert datetime.fromisoformat(body["started_at"]) == datetime(2026, 11, 5, 13, 30, tzinfo=UTC)


async def test_time_entries_bulk_billable_defaults_follow_the_work_item_type(api):
    await helpdesk_base(api)
    await push(api, "work-items", [{"external_id": "WO-1", "type": "work_order", "reference": "WO-1",
                                    "customer_external_id": "crm-1"}])

    await push(api, "time-entries", [entry("te-ticket"), entry("te-order", work_item_external_id="WO-1")])

    assert (await one(api, "time-entries", "te-ticket"))["billable"] is True
    assert (await one(api, "time-entries", "te-order"))["billable"] is False


async def test_time_entries_bulk_with_unknown_references_is_refused_whole_naming_them(api):
    await helpdesk_base(api)

    response = await api.post("/v1/time-entries/bulk", json={"items": [
        entry("te-1"), entry("te-2", work_item_external_id="T-404"), entry("te-3", product_external_id="p-404")]})

    assert response.status_code == 422
    assert sorted(e["field"] for e in response.json()["errors"]) == [
        "items[1].work_item_external_id", "items[2].product_external_id"]
    assert await count(api, "time-entries") == 0


async def test_time_entries_bulk_refuses_an_invalid_item_naming_it(api):
    await helpdesk_base(api)

    response = await api.post("/v1/time-entries/bulk", json={"items": [entry("te-1"), entry("te-2", hours="0")]})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["items[1].hours"]
    assert await count(api, "time-entries") == 0


async def test_time_entries_bulk_mixes_new_changed_and_unchanged(api):
    await helpdesk_base(api)
    await push(api, "time-entries", [entry(f"te-{n}") for n in range(5)])

    result = await push(api, "time-entries", [entry("te-0"), entry("te-1", hours="2.00"), entry("te-2"),
                                              entry("te-3", note="on site"), entry("te-4"), entry("te-5"),
                                              entry("te-6")])

    assert counts(result) == {"created": 2, "updated": 2, "unchanged": 3, "errors": 0}
    assert (await one(api, "time-entries", "te-1"))["hours"] == "2.00"
    assert (await one(api, "time-entries", "te-3"))["note"] == "on site"
    assert await count(api, "time-entries") == 7


@pytest.mark.parametrize("odd_note", ["unit\x1fseparator", "\x1e", "record\x1eseparator", "", None])
async def test_time_entries_bulk_stores_every_value_as_sent_whatever_its_characters(api, odd_note):
    """Columns travel to PostgreSQL as packed text when they can: text holding the packing's own
    separators, empty text, nulls, commas, quotes, backslashes, offsets and microseconds come
    back exactly as sent, and pushed again they are unchanged."""
    await helpdesk_base(api)
    items = [
        entry("te-a", note=odd_note, employee_name='Zoë "Z" O\'Neil, \\ jr', employee_id="",
              started_at="2026-11-05T14:30:00.000045-03:30", hours="1.25"),
        entry("te-b", note="a, b\nc", employee_name=None, employee_id=None, started_at="2026-11-06T00:00:00Z",
              hours="10", product_external_id="p-sup"),
        entry("te-c", note=None, started_at="2026-11-07T23:59:59.999999+14:00", hours="0.01"),
        # Offsets beyond the 15:59 PostgreSQL reads.
        entry("te-d", started_at="2026-11-08T12:49:05+19:24", hours="2.5"),
        entry("te-e", started_at="2026-11-08T00:00:00-23:59", hours="9999.99"),
    ]

    assert counts(await push(api, "time-entries", items)) == {"created": 5, "updated": 0, "unchanged": 0, "errors": 0}

    stored = {e: await one(api, "time-entries", e) for e in ("te-a", "te-b", "te-c", "te-d", "te-e")}
    assert [stored[e]["note"] for e in stored] == [odd_note, "a, b\nc", None, None, None]
    assert [(stored[e]["employee_id"], stored[e]["employee_name"]) for e in stored][:3] == [
        ("", 'Zoë "Z" O\'Neil, \\ jr'), (None, None), ("e-7", "Alice Martin")]
    assert [datetime.fromisoformat(stored[e]["started_at"]) for e in stored] == [
        datetime(2026, 11, 5, 18, 0, 0, 45, tzinfo=UTC), datetime(2026, 11, 6, tzinfo=UTC),
        datetime(2026, 11, 7, 9, 59, 59, 999999, tzinfo=UTC), datetime(2026, 11, 7, 17, 25, 5, tzinfo=UTC),
        datetime(2026, 11, 8, 23, 59, tzinfo=UTC)]
    assert [Decimal(stored[e]["hours"]) for e in stored] == [Decimal("1.25"), Decimal(10), Decimal("0.01"),
                                                             Decimal("2.5"), Decimal("9999.99")]
    assert [stored[e]["product_id"] is not None for e in stored] == [False, True, False, False, False]
    assert counts(await push(api, "time-entries", items)) == {"created": 0, "updated": 0, "unchanged": 5, "errors": 0}


async def test_time_entries_bulk_same_instant_in_another_offset_is_unchanged(api):
    await helpdesk_base(api)
    await push(api, "time-entries", [entry("te-1", started_at="2026-11-05T14:30:00+01:00")])

    result = await push(api, "time-entries", [entry("te-1", started_at="2026-11-05T13:30:00+00:00")])

    assert counts(result) == {"created": 0, "updated": 0, "unchanged": 1, "errors": 0}


async def test_time_entries_bulk_repeating_an_invoiced_entry_unchanged_is_accepted(api, sessionmaker):
    await helpdesk_base(api)
    await push(api, "time-entries", [entry("te-1"), entry("te-2")])
    await mark_invoiced(sessionmaker, (await one(api, "time-entries", "te-1"))["id"])

    result = await push(api, "time-entries", [entry("te-1"), entry("te-2", hours="3.00")])

    assert counts(result) == {"created": 0, "updated": 1, "unchanged": 1, "errors": 0}


async def test_time_entries_bulk_changing_an_invoiced_entry_is_refused_whole(api, sessionmaker):
    await helpdesk_base(api)
    await push(api, "time-entries", [entry("te-1"), entry("te-2")])
    await mark_invoiced(sessionmaker, (await one(api, "time-entries", "te-1"))["id"])

    response = await api.post("/v1/time-entries/bulk", json={"items": [entry("te-2", hours="3.00"),
                                                                       entry("te-1", hours="9.00")]})

    assert response.status_code == 409
    assert response.json()["code"] == "time_entry_invoiced"
    assert [e["field"] for e in response.json()["errors"]] == ["items[1]"]
    assert (await one(api, "time-entries", "te-1"))["hours"] == "1.50"
    assert (await one(api, "time-entries", "te-2"))["hours"] == "1.50"


async def test_time_entries_bulk_answers_each_item_in_order_with_the_id_get_returns(api):
    await helpdesk_base(api)
    first = await push(api, "time-entries", [entry(f"te-{n}") for n in range(3)])

    result = await push(api, "time-entries", [entry("te-9"), entry("te-2", note="on site"), entry("te-0"),
                                              entry("te-1", hours="2.00")])

    assert results(first) == [("te-0", "created"), ("te-1", "created"), ("te-2", "created")]
    assert results(result) == [("te-9", "created"), ("te-2", "updated"), ("te-0", "unchanged"), ("te-1", "updated")]
    for item in first["items"] + result["items"]:
        assert item["id"] == (await one(api, "time-entries", item["external_id"]))["id"]
    assert [i["id"] for i in result["items"][1:]] == [first["items"][n]["id"] for n in (2, 0, 1)]


async def test_time_entries_bulk_answers_the_id_of_an_entry_another_transaction_committed_meanwhile(api, sessionmaker):
    await helpdesk_base(api)
    await push(api, "time-entries", [entry("te-1")])
    theirs = uuid.uuid4()
    async with sessionmaker() as other:
        # Another sync writes te-2 as the push will send it, and commits once the push waits for it:
        # the push's statement began before, so it can neither see the row nor leave it unchanged
        # without another look.
        await other.execute(text(
            "INSERT INTO time_entries (id, tenant_id, external_id, work_item_id, employee_id, employee_name, "
            "started_at, hours, product_id, status, billable, note) SELECT :id, tenant_id, 'te-2', work_item_id, "
            "employee_id, employee_name, started_at, hours, product_id, status, billable, note FROM time_entries "
            "WHERE tenant_id = :tenant AND external_id = 'te-1'"), {"id": theirs, "tenant": api.tenant_id})
        pushing = asyncio.ensure_future(push(api, "time-entries", [entry("te-1"), entry("te-2"), entry("te-3")]))
        async with sessionmaker() as watcher:
            for _ in range(500):
                waiting = await watcher.scalar(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND query LIKE 'WITH written AS (INSERT INTO time_entries%'"))
                await watcher.rollback()  # pg_stat_activity is read once per transaction
                if waiting or pushing.done():
                    break
                await asyncio.sleep(0.01)
        assert waiting == 1 and not pushing.done()
        await other.commit()

    result = await pushing

    assert [(i["external_id"], i["result"]) for i in result["items"]] == [
        ("te-1", "unchanged"), ("te-2", "unchanged"), ("te-3", "created")]
    assert result["items"][1]["id"] == str(theirs)


@pytest.mark.parametrize(("change", "field", "code"), [
    ({"hours": "0.00"}, "items[1].hours", "value_error"),
    ({"work_item_external_id": "T-404"}, "items[1].work_item_external_id", "unknown_reference"),
    ({"product_external_id": "p-404"}, "items[1].product_external_id", "unknown_reference"),
    ({"external_id": "te-0"}, "items[1].external_id", "duplicate"),
], ids=["invalid", "unknown-work-item", "unknown-product", "duplicate"])
async def test_time_entries_bulk_skip_stores_the_others_and_answers_the_bad_item(api, change, field, code):
    await helpdesk_base(api)
    await push(api, "time-entries", [entry("te-2")])
    bad = {**entry("te-1"), **change}

    result = await push(api, "time-entries", [entry("te-0"), bad, entry("te-2", hours="2.00")], on_error="skip")

    assert results(result) == [("te-0", "created"), (bad["external_id"], "error"), ("te-2", "updated")]
    assert faults(result) == {1: [(field, code)]}
    assert result["items"][1]["id"] is None
    assert counts(result) == {"created": 1, "updated": 1, "unchanged": 0, "errors": 1}
    assert (await one(api, "time-entries", "te-0"))["hours"] == "1.50"
    assert (await one(api, "time-entries", "te-2"))["hours"] == "2.00"
    assert await count(api, "time-entries") == 2


async def test_time_entries_bulk_skip_answers_changes_to_invoiced_entries_and_stores_the_rest(api, sessionmaker):
    await helpdesk_base(api)
    await push(api, "time-entries", [entry("te-1"), entry("te-2"), entry("te-3"), entry("te-4")])
    for external_id in ("te-1", "te-3", "te-4"):
        await mark_invoiced(sessionmaker, (await one(api, "time-entries", external_id))["id"])

    result = await push(api, "time-entries", [entry("te-2", hours="3.00"), entry("te-1", hours="9.00"), entry("te-3"),
                                              entry("te-5"), entry("te-4", note="late")], on_error="skip")

    assert results(result) == [("te-2", "updated"), ("te-1", "error"), ("te-3", "unchanged"), ("te-5", "created"),
                               ("te-4", "error")]
    assert faults(result) == {1: [("items[1]", "time_entry_invoiced")], 4: [("items[4]", "time_entry_invoiced")]}
    for item in result["items"]:
        if item["result"] != "error":
            assert item["id"] == (await one(api, "time-entries", item["external_id"]))["id"]
    assert (await one(api, "time-entries", "te-1"))["hours"] == "1.50"
    assert (await one(api, "time-entries", "te-4"))["note"] is None
    assert (await one(api, "time-entries", "te-2"))["hours"] == "3.00"
    assert await count(api, "time-entries") == 5


async def test_time_entries_bulk_skip_with_only_bad_items_answers_200_and_writes_nothing(api, sessionmaker):
    await helpdesk_base(api)
    await push(api, "time-entries", [entry("te-1")])
    await mark_invoiced(sessionmaker, (await one(api, "time-entries", "te-1"))["id"])
    before = await time_entry_rows(sessionmaker, api.tenant_id)
    no_external_id = entry("te-x")
    del no_external_id["external_id"]

    result = await push(api, "time-entries", [entry("te-1", hours="9.00"), entry("te-2", hours="0"),
                                              entry("te-3", work_item_external_id="T-404"), no_external_id,
                                              entry(" te-3 ")], on_error="skip")

    assert results(result) == [("te-1", "error"), ("te-2", "error"), ("te-3", "error"), (None, "error"),
                               (" te-3 ", "error")]
    assert faults(result) == {0: [("items[0]", "time_entry_invoiced")], 1: [("items[1].hours", "value_error")],
                              2: [("items[2].work_item_external_id", "unknown_reference")],
                              3: [("items[3].external_id", "missing")], 4: [("items[4].external_id", "duplicate")]}
    assert counts(result) == {"created": 0, "updated": 0, "unchanged": 0, "errors": 5}
    assert await time_entry_rows(sessionmaker, api.tenant_id) == before


async def test_time_entries_bulk_rejecting_writes_nothing_of_a_push_skip_would_store(api, sessionmaker):
    await helpdesk_base(api)
    await push(api, "time-entries", [entry("te-1"), entry("te-2")])
    await mark_invoiced(sessionmaker, (await one(api, "time-entries", "te-1"))["id"])
    before = await time_entry_rows(sessionmaker, api.tenant_id)
    items = [entry("te-2", hours="3.00"), entry("te-1", hours="9.00"), entry("te-3")]

    response = await api.post("/v1/time-entries/bulk", json={"items": items}, params={"on_error": "reject"})

    assert response.status_code == 409
    assert [e["field"] for e in response.json()["errors"]] == ["items[1]"]
    assert await time_entry_rows(sessionmaker, api.tenant_id) == before
    assert counts(await push(api, "time-entries", items, on_error="skip")) == {
        "created": 1, "updated": 1, "unchanged": 0, "errors": 1}


async def test_time_entries_bulk_of_more_than_10000_items_is_refused(api):
    items = [entry(f"te-{n}") for n in range(10_001)]

    response = await api.post("/v1/time-entries/bulk", json={"items": items})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["items"]


def ten_thousand_entries() -> list[dict]:
    start = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    return [entry(f"te-{n}", work_item_external_id=f"T-{n % 10}", product_external_id="p-sup",
                  employee_id=f"e-{n % 7}", started_at=(start + timedelta(minutes=3 * n)).isoformat(),
                  hours=f"{1 + n % 4}.25")
            for n in range(10_000)]


async def ten_thousand_pushed(api, sessionmaker) -> tuple[list[dict], datetime]:
    """Customer, ten tickets and a product, then 10,000 entries pushed once; the items and the time of
    that write."""
    await push(api, "customers", [company("crm-1")])
    await push(api, "work-items", [{"external_id": f"T-{n}", "type": "ticket", "reference": f"T-{n}",
                                    "customer_external_id": "crm-1"} for n in range(10)])
    await factories.product(api, code="SUP-H", external_id="p-sup")
    items = ten_thousand_entries()
    result = await push(api, "time-entries", items)
    assert counts(result) == {"created": 10_000, "updated": 0, "unchanged": 0, "errors": 0}
    rows, written_at = await time_entry_rows(sessionmaker, api.tenant_id)
    assert rows == 10_000
    ids = await stored_ids(sessionmaker, api.tenant_id)
    assert [(i["external_id"], i["id"], i["result"]) for i in result["items"]] == [
        (i["external_id"], ids[i["external_id"]], "created") for i in items]
    return items, written_at


async def stored_ids(sessionmaker, tenant_id: uuid.UUID) -> dict[str, str]:
    async with sessionmaker() as session:
        rows = await session.execute(text("SELECT external_id, id FROM time_entries WHERE tenant_id = :tenant"),
                                     {"tenant": tenant_id})
    return {row.external_id: str(row.id) for row in rows}


@pytest.mark.slow
async def test_time_entries_bulk_of_10000_creates_them_all(api, sessionmaker):
    await ten_thousand_pushed(api, sessionmaker)

    last = await one(api, "time-entries", "te-9999")
    assert last["work_item_id"] == (await one(api, "work-items", "T-9"))["id"]
    assert last["product_id"] == (await one(api, "products", "p-sup"))["id"]
    assert last["hours"] == "4.25"
    assert datetime.fromisoformat(last["started_at"]) == datetime(2026, 11, 1, 8, 0, tzinfo=UTC) + timedelta(
        minutes=3 * 9_999)


@pytest.mark.slow
async def test_time_entries_bulk_of_10000_pushed_again_writes_nothing(api, sessionmaker):
    items, written_at = await ten_thousand_pushed(api, sessionmaker)

    result = await push(api, "time-entries", items)

    assert counts(result) == {"created": 0, "updated": 0, "unchanged": 10_000, "errors": 0}
    assert await time_entry_rows(sessionmaker, api.tenant_id) == (10_000, written_at)


@pytest.mark.slow
async def test_time_entries_bulk_of_10000_with_3_changes_rewrites_only_those(api, sessionmaker):
    items, written_at = await ten_thousand_pushed(api, sessionmaker)
    for n in (0, 4_999, 9_999):
        items[n]["hours"] = "7.75"

    result = await push(api, "time-entries", items)

    assert counts(result) == {"created": 0, "updated": 3, "unchanged": 9_997, "errors": 0}
    async with sessionmaker() as session:
        rewritten = (await session.scalars(text(
            "SELECT external_id FROM time_entries WHERE tenant_id = :tenant AND updated_at > :written "
            "ORDER BY external_id"), {"tenant": api.tenant_id, "written": written_at})).all()
    assert rewritten == ["te-0", "te-4999", "te-9999"]
    assert (await one(api, "time-entries", "te-4999"))["hours"] == "7.75"


# A 10,000-entry push is validated and written a chunk at a time in one transaction: whatever the
# chunk a fault is in, nothing of the push stays written and the answer is the one a push checked
# whole would get.


async def entry_values(sessionmaker, tenant_id: uuid.UUID) -> dict[str, tuple]:
    async with sessionmaker() as session:
        rows = (await session.execute(text(
            "SELECT te.external_id, w.external_id AS work_item, te.employee_id, te.started_at, te.hours, "
            "p.external_id AS product, te.status, te.billable, te.note FROM time_entries te "
            "JOIN work_items w ON w.id = te.work_item_id LEFT JOIN products p ON p.id = te.product_id "
            "WHERE te.tenant_id = :tenant"), {"tenant": tenant_id})).all()
    return {row.external_id: tuple(row)[1:] for row in rows}


@pytest.mark.slow
async def test_time_entries_bulk_of_10000_created_then_unchanged_then_one_updated(api, sessionmaker):
    items, written_at = await ten_thousand_pushed(api, sessionmaker)
    stored = await entry_values(sessionmaker, api.tenant_id)
    assert len(stored) == 10_000
    assert stored["te-7777"] == ("T-7", "e-0", datetime(2026, 11, 1, 8, tzinfo=UTC) + timedelta(minutes=3 * 7_777),
                                 Decimal("2.25"), "p-sup", "approved", True, None)

    ids = await stored_ids(sessionmaker, api.tenant_id)
    again = await push(api, "time-entries", items)
    assert counts(again) == {"created": 0, "updated": 0, "unchanged": 10_000, "errors": 0}
    assert [(i["external_id"], i["id"]) for i in again["items"]] == [(i["external_id"], ids[i["external_id"]])
                                                                     for i in items]
    assert await time_entry_rows(sessionmaker, api.tenant_id) == (10_000, written_at)

    items[8_123]["note"] = "Called back"
    once_more = await push(api, "time-entries", items)
    assert counts(once_more) == {"created": 0, "updated": 1, "unchanged": 9_999, "errors": 0}
    assert once_more["items"][8_123] == {"external_id": "te-8123", "id": ids["te-8123"], "result": "updated"}
    assert [i["id"] for i in once_more["items"]] == [i["id"] for i in again["items"]]
    after = await entry_values(sessionmaker, api.tenant_id)
    assert after["te-8123"] == (*stored["te-8123"][:-1], "Called back")
    assert {k: v for k, v in after.items() if k != "te-8123"} == {k: v for k, v in stored.items() if k != "te-8123"}


@pytest.mark.slow
@pytest.mark.parametrize(("index", "change", "field"), [
    (9_999, {"hours": "0.00"}, "items[9999].hours"),
    (6_500, {"work_item_external_id": "T-404"}, "items[6500].work_item_external_id"),
    (8_000, {"external_id": "new-te-10"}, "items[8000].external_id"),
], ids=["invalid", "unknown-reference", "duplicate"])
async def test_time_entries_bulk_of_10000_with_a_fault_late_writes_nothing(api, sessionmaker, index, change, field):
    items, written_at = await ten_thousand_pushed(api, sessionmaker)
    for item in items:
        item["external_id"] = "new-" + item["external_id"]  # earlier chunks would all be created...
    items[index].update(change)

    response = await api.post("/v1/time-entries/bulk", json={"items": items})

    assert response.status_code == 422, response.text[:2000]
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert await time_entry_rows(sessionmaker, api.tenant_id) == (10_000, written_at)  # ...and none is


@pytest.mark.slow
async def test_time_entries_bulk_of_10000_changing_an_invoiced_entry_late_is_refused_whole(api, sessionmaker):
    items, written_at = await ten_thousand_pushed(api, sessionmaker)
    await mark_invoiced(sessionmaker, (await one(api, "time-entries", "te-9500"))["id"])
    items[9_500]["hours"] = "9.00"
    items[10]["hours"] = "9.00"

    response = await api.post("/v1/time-entries/bulk", json={"items": items})

    assert response.status_code == 409, response.text[:2000]
    assert [e["field"] for e in response.json()["errors"]] == ["items[9500]"]
    assert (await one(api, "time-entries", "te-10"))["hours"] == "3.25"
    assert (await time_entry_rows(sessionmaker, api.tenant_id))[0] == 10_000


@pytest.mark.slow
async def test_time_entries_bulk_of_10000_skip_stores_all_but_the_bad_items_of_every_chunk(api, sessionmaker):
    items, _ = await ten_thousand_pushed(api, sessionmaker)
    await mark_invoiced(sessionmaker, (await one(api, "time-entries", "te-9500"))["id"])
    before = await entry_values(sessionmaker, api.tenant_id)
    for item in items:
        item["note"] = "Reviewed"  # every entry changes...
    items[500]["external_id"] = "te-new"
    items[6_500]["work_item_external_id"] = "T-404"
    items[8_000]["external_id"] = "te-10"
    items[9_999]["hours"] = "0.00"
    # ...and items[9500] would change an invoiced one

    result = await push(api, "time-entries", items, on_error="skip")

    assert faults(result) == {6_500: [("items[6500].work_item_external_id", "unknown_reference")],
                              8_000: [("items[8000].external_id", "duplicate")],
                              9_500: [("items[9500]", "time_entry_invoiced")],
                              9_999: [("items[9999].hours", "value_error")]}
    assert counts(result) == {"created": 1, "updated": 9_995, "unchanged": 0, "errors": 4}
    assert result["items"][500]["result"] == "created"
    after = await entry_values(sessionmaker, api.tenant_id)
    left_alone = {"te-500", "te-6500", "te-8000", "te-9500", "te-9999"}
    assert {k: v for k, v in after.items() if k in left_alone} == {k: before[k] for k in left_alone}
    assert {k for k, v in after.items() if v[-1] == "Reviewed"} == set(after) - left_alone
    ids = await stored_ids(sessionmaker, api.tenant_id)
    assert all(item["id"] == ids[item["external_id"]] for item in result["items"] if item["result"] != "error")
