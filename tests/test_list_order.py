"""Invoice batches and invoices are listed newest first, by the `created_at` they show (then by id),
and oldest first with `?order=asc` (SPEC §14); following `next_cursor` in either order gives every
item once."""

import base64
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from app.invoice_batches.runner import run_batch
from tests import factories as f
from tests.test_invoice_batch_run import launch

PROBLEM_JSON = "application/problem+json"


def an_hour_ahead() -> str:
    return (datetime.now(UTC) + timedelta(hours=1)).isoformat()


async def pages(api, path: str, *, limit: int, **params) -> list[list[dict]]:
    """Every page of a list, following next_cursor to the end."""
    result, cursor = [], None
    while True:
        response = await api.get(path, params={"limit": limit, **params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        body = response.json()
        result.append(body["data"])
        if (cursor := body["next_cursor"]) is None:
            return result


def creation_order(items: list[dict]) -> list[str]:
    return [i["id"] for i in sorted(items, key=lambda i: (datetime.fromisoformat(i["created_at"]), uuid.UUID(i["id"])))]


async def make_seven_batches(api) -> list[dict]:
    """Seven scheduled batches (an hour ahead: no test runs them), made one after the other."""
    customer = await f.customer(api)
    return [await launch(api, customer_ids=[customer["id"]], run_at=an_hour_ahead(), title=f"Batch {n}")
            for n in range(7)]


async def make_seven_invoices(api, sessionmaker) -> list[dict]:
    """One batch run over seven customers: seven invoices, each written in its own transaction."""
    product = await f.product(api)
    assert (await api.patch("/v1/settings", json={"default_product_id": product["id"]})).status_code == 200
    customers = []
    for n in range(7):
        customer = await f.customer(api, name=f"Customer {n}")
        ticket = await f.work_item(api, customer_id=customer["id"], reference=f"T-{n}")
        await f.time_entry(api, work_item_id=ticket["id"])
        customers.append(customer["id"])
    batch = await launch(api, customer_ids=customers)
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    response = await api.get("/v1/invoices", params={"limit": 200})
    assert response.status_code == 200
    return response.json()["data"]


@pytest.fixture
async def seven_batches(api) -> list[dict]:
    return await make_seven_batches(api)


@pytest.fixture
async def seven_invoices(api, sessionmaker) -> list[dict]:
    return await make_seven_invoices(api, sessionmaker)


@pytest.fixture(params=["/v1/invoice-batches", "/v1/invoices"])
async def seven(request, api, sessionmaker) -> str:
    """Seven batches, or seven invoices: the path of their list."""
    if request.param == "/v1/invoice-batches":
        await make_seven_batches(api)
    else:
        await make_seven_invoices(api, sessionmaker)
    return request.param


async def test_lists_are_newest_first_and_oldest_first_with_order_asc(api, seven):
    path = seven
    everything = (await api.get(path, params={"limit": 200})).json()["data"]
    assert len(everything) == 7
    oldest_first = creation_order(everything)

    assert [i["id"] for i in everything] == oldest_first[::-1]
    assert [i["id"] for i in (await api.get(path, params={"limit": 200, "order": "desc"})).json()["data"]] == \
           oldest_first[::-1]
    assert [i["id"] for i in (await api.get(path, params={"limit": 200, "order": "asc"})).json()["data"]] == \
           oldest_first


async def test_the_newest_batch_comes_first(api, seven_batches):
    [first] = (await api.get("/v1/invoice-batches", params={"limit": 1})).json()["data"]
    assert first["id"] == seven_batches[-1]["id"] and first["title"] == "Batch 6"
    [first] = (await api.get("/v1/invoice-batches", params={"limit": 1, "order": "asc"})).json()["data"]
    assert first["id"] == seven_batches[0]["id"]


@pytest.mark.parametrize("order", ["desc", "asc"])
async def test_three_pages_in_either_order_give_every_item_once(api, seven, order):
    path = seven
    walked = await pages(api, path, limit=3, order=order)

    assert [len(page) for page in walked] == [3, 3, 1]
    ids = [i["id"] for page in walked for i in page]
    everything = (await api.get(path, params={"limit": 200})).json()["data"]
    oldest_first = creation_order(everything)
    assert ids == (oldest_first if order == "asc" else oldest_first[::-1])


@pytest.mark.parametrize("order", ["desc", "asc"])
async def test_items_created_at_the_same_instant_are_paged_by_id_each_once(api, seven_batches, sessionmaker, order):
    # Rows written by one transaction share its start time; the id decides between them.
    async with sessionmaker() as session:
        await session.execute(text("UPDATE invoice_batches SET created_at = '2026-11-30T22:00:00Z' "
                                   "WHERE tenant_id = :tenant AND title IN ('Batch 2', 'Batch 3', 'Batch 4')"),
                              {"tenant": api.tenant_id})
        await session.commit()

    walked = await pages(api, "/v1/invoice-batches", limit=2, order=order)

    ids = [b["id"] for page in walked for b in page]
    by_id = sorted(b["id"] for b in seven_batches[2:5])
    assert sorted(ids) == sorted(b["id"] for b in seven_batches)
    tied = [i for i in ids if i in by_id]
    assert tied == (by_id if order == "asc" else by_id[::-1])


async def test_the_order_is_the_created_at_shown_not_the_id(api, seven_batches, sessionmaker):
    # Ids are UUIDv7 and nearly always agree with created_at; the first batch is made to disagree.
    async with sessionmaker() as session:
        await session.execute(text("UPDATE invoice_batches SET created_at = now() + interval '1 day' "
                                   "WHERE tenant_id = :tenant AND title = 'Batch 0'"), {"tenant": api.tenant_id})
        await session.commit()

    newest_first = [b["title"] for page in await pages(api, "/v1/invoice-batches", limit=3) for b in page]
    oldest_first = [b["title"] for page in await pages(api, "/v1/invoice-batches", limit=3, order="asc") for b in page]

    assert newest_first == ["Batch 0", "Batch 6", "Batch 5", "Batch 4", "Batch 3", "Batch 2", "Batch 1"]
    assert oldest_first == newest_first[::-1]


async def test_filters_keep_the_order(api, seven_batches, seven_invoices):
    batch_id = seven_invoices[0]["batch_id"]
    listed = (await api.get("/v1/invoices", params={"batch_id": batch_id, "limit": 200})).json()["data"]
    assert [i["id"] for i in listed] == [i["id"] for i in seven_invoices]
    listed = (await api.get("/v1/invoice-batches", params={"status": "scheduled", "order": "asc"})).json()["data"]
    assert [b["id"] for b in listed] == [b["id"] for b in seven_batches]


# Eight bytes of time far beyond any date, then an id: the shape of a real cursor, not a real one.
_FAR_FUTURE = base64.urlsafe_b64encode(b"\x7f" * 8 + b"\x00" * 16).decode().rstrip("=")


@pytest.mark.parametrize("path", ["/v1/invoice-batches", "/v1/invoices"])
@pytest.mark.parametrize(("params", "field"), [
    ({"order": "newest"}, "order"), ({"order": "DESC"}, "order"), ({"order": ""}, "order"),
    ({"cursor": "garbage"}, "cursor"), ({"cursor": "AAAA"}, "cursor")])
async def test_a_bad_order_or_cursor_is_422_naming_it(api, path, params, field):
    response = await api.get(path, params=params)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert [e["field"] for e in response.json()["errors"]] == [field]


async def test_a_cursor_beyond_the_ends_of_time_pages_from_that_end(api, seven):
    """Any string of the cursor's published form is accepted (the document says so): one past the
    end of time lists everything newest first, and nothing oldest first."""
    path = seven
    everything = (await api.get(path, params={"limit": 200})).json()["data"]
    newest_first = await api.get(path, params={"cursor": _FAR_FUTURE, "limit": 200})
    assert newest_first.status_code == 200, newest_first.text
    assert newest_first.json()["data"] == everything
    oldest_first = await api.get(path, params={"cursor": _FAR_FUTURE, "order": "asc"})
    assert oldest_first.status_code == 200 and oldest_first.json()["data"] == []


async def test_a_cursor_of_the_customers_list_is_not_one_of_these(api):
    for n in range(2):
        await f.customer(api, name=f"C{n}")
    cursor = (await api.get("/v1/customers", params={"limit": 1})).json()["next_cursor"]
    response = await api.get("/v1/invoices", params={"cursor": cursor})
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["cursor"]
