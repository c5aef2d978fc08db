"""Work items: the tickets, work orders and other objects that time is attached to."""

import uuid

from tests import factories


def without_timestamps(body: dict) -> dict:
    return {k: v for k, v in body.items() if k not in {"created_at", "updated_at"}}


async def list_ids(api, **params) -> list[str]:
    response = await api.get("/v1/work-items", params=params)
    assert response.status_code == 200, response.text
    return [w["id"] for w in response.json()["data"]]


async def test_created_work_item_reads_back_in_the_documented_shape(api):
    customer = await factories.customer(api)
    created = await factories.work_item(api, customer_id=customer["id"], reference="T-004211",
                                        external_id="T-004211")

    response = await api.get(f"/v1/work-items/{created['id']}")

    assert response.status_code == 200
    assert without_timestamps(response.json()) == {
        "id": created["id"], "external_id": "T-004211", "type": "ticket", "reference": "T-004211",
        "title": "Printer down", "customer_id": customer["id"], "contract_id": None}


async def test_every_documented_type_is_accepted(api):
    customer = await factories.customer(api)
    types = ["ticket", "work_order", "delivery_note", "business_order", "contract"]

    created = [await factories.work_item(api, customer_id=customer["id"], type=t, reference=f"R-{t}")
               for t in types]

    assert [w["type"] for w in created] == types


async def test_unknown_type_is_refused(api):
    customer = await factories.customer(api)

    response = await api.post("/v1/work-items", json={"type": "incident", "reference": "I-1",
                                                      "customer_id": customer["id"]})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["type"]


async def test_customer_of_another_tenant_is_refused(api, other_api):
    foreign = await factories.customer(other_api)

    response = await api.post("/v1/work-items", json={"type": "ticket", "reference": "T-1",
                                                      "customer_id": foreign["id"]})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["customer_id"]


async def test_patch_changes_only_the_fields_sent(api):
    customer = await factories.customer(api)
    created = await factories.work_item(api, customer_id=customer["id"], external_id="wi-1")

    response = await api.patch(f"/v1/work-items/{created['id']}", json={"title": "Printer fixed"})

    assert response.status_code == 200, response.text
    body = (await api.get(f"/v1/work-items/{created['id']}")).json()
    assert without_timestamps(body) == {**without_timestamps(created), "title": "Printer fixed"}


async def test_patch_moves_the_work_item_to_another_customer(api):
    acme = await factories.customer(api)
    globex = await factories.customer(api, name="Globex")
    created = await factories.work_item(api, customer_id=acme["id"])

    response = await api.patch(f"/v1/work-items/{created['id']}", json={"customer_id": globex["id"]})

    assert response.status_code == 200, response.text
    assert (await api.get(f"/v1/work-items/{created['id']}")).json()["customer_id"] == globex["id"]


async def test_patch_refuses_null_customer(api):
    customer = await factories.customer(api)
    created = await factories.work_item(api, customer_id=customer["id"])

    response = await api.patch(f"/v1/work-items/{created['id']}", json={"customer_id": None})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["customer_id"]


async def test_delete_answers_204_then_404(api):
    customer = await factories.customer(api)
    created = await factories.work_item(api, customer_id=customer["id"])

    assert (await api.delete(f"/v1/work-items/{created['id']}")).status_code == 204
    assert (await api.get(f"/v1/work-items/{created['id']}")).status_code == 404


async def test_work_item_with_time_entries_cannot_be_deleted(api):
    customer = await factories.customer(api)
    created = await factories.work_item(api, customer_id=customer["id"])
    await factories.time_entry(api, work_item_id=created["id"])

    response = await api.delete(f"/v1/work-items/{created['id']}")

    assert response.status_code == 409
    assert response.json()["code"] == "work_item_in_use"
    assert (await api.get(f"/v1/work-items/{created['id']}")).status_code == 200


async def test_external_id_is_unique_per_tenant(api):
    customer = await factories.customer(api)
    await factories.work_item(api, customer_id=customer["id"], external_id="T-1")

    response = await api.post("/v1/work-items", json={"type": "ticket", "reference": "T-1", "external_id": "T-1",
                                                      "customer_id": customer["id"]})

    assert response.status_code == 409
    assert [e["field"] for e in response.json()["errors"]] == ["external_id"]


async def test_another_tenants_work_item_is_404(api, other_api):
    customer = await factories.customer(other_api)
    foreign = await factories.work_item(other_api, customer_id=customer["id"])

    assert (await api.get(f"/v1/work-items/{foreign['id']}")).status_code == 404
    assert (await api.patch(f"/v1/work-items/{foreign['id']}", json={"title": "x"})).status_code == 404
    assert (await api.delete(f"/v1/work-items/{foreign['id']}")).status_code == 404


async def test_unknown_work_item_is_404(api):
    response = await api.get(f"/v1/work-items/{uuid.uuid4()}")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


async def test_list_filters_by_customer(api):
    acme = await factories.customer(api)
    globex = await factories.customer(api, name="Globex")
    first = await factories.work_item(api, customer_id=acme["id"], reference="T-1")
    await factories.work_item(api, customer_id=globex["id"], reference="T-2")
    third = await factories.work_item(api, customer_id=acme["id"], reference="T-3")

    assert await list_ids(api, customer_id=acme["id"]) == [first["id"], third["id"]]


async def test_list_filters_by_type(api):
    customer = await factories.customer(api)
    await factories.work_item(api, customer_id=customer["id"], type="ticket", reference="T-1")
    order = await factories.work_item(api, customer_id=customer["id"], type="work_order", reference="WO-1")

    assert await list_ids(api, type="work_order") == [order["id"]]


async def test_list_filters_by_external_id(api):
    customer = await factories.customer(api)
    await factories.work_item(api, customer_id=customer["id"], external_id="T-1")
    wanted = await factories.work_item(api, customer_id=customer["id"], external_id="T-2")

    assert await list_ids(api, external_id="T-2") == [wanted["id"]]


async def test_list_shows_only_the_tenants_own(api, other_api):
    mine = await factories.work_item(api, customer_id=(await factories.customer(api))["id"])
    await factories.work_item(other_api, customer_id=(await factories.customer(other_api))["id"])

    assert await list_ids(api) == [mine["id"]]


async def test_pages_cover_every_work_item_once_in_creation_order(api):
    customer = await factories.customer(api)
    created = [(await factories.work_item(api, customer_id=customer["id"], reference=f"T-{n}"))["id"]
               for n in range(5)]

    first = (await api.get("/v1/work-items", params={"limit": 2})).json()
    second = (await api.get("/v1/work-items", params={"limit": 2, "cursor": first["next_cursor"]})).json()
    third = (await api.get("/v1/work-items", params={"limit": 2, "cursor": second["next_cursor"]})).json()

    pages = [[w["id"] for w in page["data"]] for page in (first, second, third)]
    assert pages == [created[0:2], created[2:4], created[4:5]]
    assert third["next_cursor"] is None


async def test_filtered_pages_keep_the_filter(api):
    acme = await factories.customer(api)
    globex = await factories.customer(api, name="Globex")
    wanted = []
    for n in range(4):
        await factories.work_item(api, customer_id=globex["id"], reference=f"G-{n}")
        wanted.append((await factories.work_item(api, customer_id=acme["id"], reference=f"A-{n}"))["id"])

    params = {"customer_id": acme["id"], "limit": 3}
    first = (await api.get("/v1/work-items", params=params)).json()
    second = (await api.get("/v1/work-items", params={**params, "cursor": first["next_cursor"]})).json()

    assert [w["id"] for w in first["data"] + second["data"]] == wanted
    assert second["next_cursor"] is None


async def test_page_limit_above_the_maximum_is_422(api):
    response = await api.get("/v1/work-items", params={"limit": 201})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["limit"]
