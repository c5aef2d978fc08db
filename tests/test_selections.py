"""Selections: named, ordered lists of customers that batches are launched on."""

import uuid

from tests import factories


async def customers(api, count: int) -> list[str]:
    return [(await factories.customer(api, name=f"Customer {n}"))["id"] for n in range(count)]


async def read(api, selection_id: str) -> dict:
    response = await api.get(f"/v1/selections/{selection_id}")
    assert response.status_code == 200, response.text
    return response.json()


async def test_created_selection_reads_back_in_the_documented_shape(api):
    a, b = await customers(api, 2)
    created = await factories.selection(api, customer_ids=[a, b], name="Monthly support customers")

    body = await read(api, created["id"])

    assert {k: v for k, v in body.items() if k not in {"created_at", "updated_at"}} == {
        "id": created["id"], "external_id": None, "name": "Monthly support customers", "customer_ids": [a, b]}


async def test_customer_order_is_kept(api):
    a, b, c = await customers(api, 3)

    created = await factories.selection(api, customer_ids=[c, a, b])

    assert created["customer_ids"] == [c, a, b]
    assert (await read(api, created["id"]))["customer_ids"] == [c, a, b]


async def test_duplicate_customers_are_dropped_keeping_the_first_place(api):
    a, b, c = await customers(api, 3)

    created = await factories.selection(api, customer_ids=[b, a, b, c, a])

    assert (await read(api, created["id"]))["customer_ids"] == [b, a, c]


async def test_unknown_customer_is_refused_naming_its_position(api):
    (a,) = await customers(api, 1)

    response = await api.post("/v1/selections", json={"name": "S", "customer_ids": [a, str(uuid.uuid4())]})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["customer_ids[1]"]
    assert (await api.get("/v1/selections")).json()["data"] == []


async def test_another_tenants_customer_is_refused(api, other_api):
    foreign = (await factories.customer(other_api))["id"]

    response = await api.post("/v1/selections", json={"name": "S", "customer_ids": [foreign]})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["customer_ids[0]"]


async def test_patch_replaces_the_whole_list(api):
    a, b, c = await customers(api, 3)
    created = await factories.selection(api, customer_ids=[a, b])

    response = await api.patch(f"/v1/selections/{created['id']}", json={"customer_ids": [c, a]})

    assert response.status_code == 200, response.text
    assert response.json()["customer_ids"] == [c, a]
    assert (await read(api, created["id"]))["customer_ids"] == [c, a]


async def test_patch_of_the_name_keeps_the_list(api):
    a, b = await customers(api, 2)
    created = await factories.selection(api, customer_ids=[b, a])

    response = await api.patch(f"/v1/selections/{created['id']}", json={"name": "Quarterly"})

    assert response.status_code == 200, response.text
    body = await read(api, created["id"])
    assert (body["name"], body["customer_ids"]) == ("Quarterly", [b, a])


async def test_patch_with_an_empty_list_empties_the_selection(api):
    a, b = await customers(api, 2)
    created = await factories.selection(api, customer_ids=[a, b])

    response = await api.patch(f"/v1/selections/{created['id']}", json={"customer_ids": []})

    assert response.status_code == 200, response.text
    assert (await read(api, created["id"]))["customer_ids"] == []


async def test_patch_with_null_list_is_refused(api):
    (a,) = await customers(api, 1)
    created = await factories.selection(api, customer_ids=[a])

    response = await api.patch(f"/v1/selections/{created['id']}", json={"customer_ids": None})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["customer_ids"]
    assert (await read(api, created["id"]))["customer_ids"] == [a]


async def test_patch_with_an_unknown_customer_changes_nothing(api):
    a, b = await customers(api, 2)
    created = await factories.selection(api, customer_ids=[a, b])

    response = await api.patch(f"/v1/selections/{created['id']}", json={"customer_ids": [b, str(uuid.uuid4())]})

    assert response.status_code == 422
    assert (await read(api, created["id"]))["customer_ids"] == [a, b]


async def test_a_deleted_customer_leaves_the_selection(api):
    a, b, c = await customers(api, 3)
    created = await factories.selection(api, customer_ids=[a, b, c])

    assert (await api.delete(f"/v1/customers/{b}")).status_code == 204

    assert (await read(api, created["id"]))["customer_ids"] == [a, c]


async def test_delete_answers_204_then_404(api):
    (a,) = await customers(api, 1)
    created = await factories.selection(api, customer_ids=[a])

    assert (await api.delete(f"/v1/selections/{created['id']}")).status_code == 204
    assert (await api.get(f"/v1/selections/{created['id']}")).status_code == 404


async def test_deleting_a_selection_keeps_its_customers(api):
    (a,) = await customers(api, 1)
    created = await factories.selection(api, customer_ids=[a])

    assert (await api.delete(f"/v1/selections/{created['id']}")).status_code == 204

    assert (await api.get(f"/v1/customers/{a}")).status_code == 200


async def test_list_shows_each_selection_with_its_customers(api):
    a, b = await customers(api, 2)
    first = await factories.selection(api, customer_ids=[a], name="First")
    second = await factories.selection(api, customer_ids=[b, a], name="Second")

    response = await api.get("/v1/selections")

    assert response.status_code == 200
    assert [(s["id"], s["customer_ids"]) for s in response.json()["data"]] == [
        (first["id"], [a]), (second["id"], [b, a])]
    assert response.json()["next_cursor"] is None


async def test_another_tenants_selection_is_404(api, other_api):
    foreign = await factories.selection(other_api, customer_ids=[])

    assert (await api.get(f"/v1/selections/{foreign['id']}")).status_code == 404
    assert (await api.patch(f"/v1/selections/{foreign['id']}", json={"name": "Mine"})).status_code == 404
    assert (await api.delete(f"/v1/selections/{foreign['id']}")).status_code == 404
    assert (await api.get("/v1/selections")).json()["data"] == []
