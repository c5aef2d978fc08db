"""Products (with their defaults and exact prices) and negotiated prices per customer."""

import uuid

from tests import factories


def without_timestamps(body: dict) -> dict:
    return {k: v for k, v in body.items() if k not in {"created_at", "updated_at"}}


async def list_ids(api, path: str, **params) -> list[str]:
    response = await api.get(path, params=params)
    assert response.status_code == 200, response.text
    return [r["id"] for r in response.json()["data"]]


# Products


async def test_created_product_reads_back_in_the_documented_shape(api):
    created = await factories.product(api, code="SUP-H", unit_price="80")

    response = await api.get(f"/v1/products/{created['id']}")

    assert response.status_code == 200
    assert without_timestamps(response.json()) == {
        "id": created["id"], "external_id": None, "code": "SUP-H", "name": "Support",
        "description": "Remote support", "unit": "hour", "unit_price": "80.00", "tax_rate": None}


async def test_product_unit_can_be_other_than_hour(api):
    created = await factories.product(api, code="TRAVEL", unit="km", unit_price="0.45")

    body = (await api.get(f"/v1/products/{created['id']}")).json()

    assert (body["unit"], body["unit_price"]) == ("km", "0.45")


async def test_unit_price_keeps_four_decimals(api):
    created = await factories.product(api, unit_price="12.3456")

    assert (await api.get(f"/v1/products/{created['id']}")).json()["unit_price"] == "12.3456"


async def test_unit_price_with_five_decimals_is_refused(api):
    response = await api.post("/v1/products", json={"code": "X", "name": "X", "unit_price": "12.34567"})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["unit_price"]


async def test_unit_price_as_a_json_number_is_refused(api):
    response = await api.post("/v1/products", json={"code": "X", "name": "X", "unit_price": 80.0})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["unit_price"]


async def test_product_tax_rate_overrides_are_kept(api):
    created = await factories.product(api, tax_rate="5.5")

    assert (await api.get(f"/v1/products/{created['id']}")).json()["tax_rate"] == "5.50"


async def test_product_patch_changes_only_the_fields_sent(api):
    created = await factories.product(api, code="SUP-H", external_id="p-1")

    response = await api.patch(f"/v1/products/{created['id']}", json={"unit_price": "95.5", "name": "Support+"})

    assert response.status_code == 200, response.text
    body = (await api.get(f"/v1/products/{created['id']}")).json()
    assert without_timestamps(body) == {**without_timestamps(created), "unit_price": "95.50", "name": "Support+"}


async def test_product_patch_refuses_null_unit_price(api):
    created = await factories.product(api)

    response = await api.patch(f"/v1/products/{created['id']}", json={"unit_price": None})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["unit_price"]


async def test_product_delete_answers_204_then_404(api):
    created = await factories.product(api)

    assert (await api.delete(f"/v1/products/{created['id']}")).status_code == 204
    assert (await api.get(f"/v1/products/{created['id']}")).status_code == 404


async def test_product_used_by_a_time_entry_cannot_be_deleted(api):
    created = await factories.product(api)
    customer = await factories.customer(api)
    item = await factories.work_item(api, customer_id=customer["id"])
    await factories.time_entry(api, work_item_id=item["id"], product_id=created["id"])

    response = await api.delete(f"/v1/products/{created['id']}")

    assert response.status_code == 409
    assert response.json()["code"] == "product_in_use"
    assert (await api.get(f"/v1/products/{created['id']}")).status_code == 200


async def test_product_code_is_unique_per_tenant(api):
    await factories.product(api, code="SUP-H")

    response = await api.post("/v1/products", json={"code": "SUP-H", "name": "Other", "unit_price": "1.00"})

    assert response.status_code == 409
    assert [e["field"] for e in response.json()["errors"]] == ["code"]
    assert len(await list_ids(api, "/v1/products", code="SUP-H")) == 1


async def test_product_patch_to_a_taken_code_is_409(api):
    await factories.product(api, code="SUP-H")
    other = await factories.product(api, code="DEV-H")

    response = await api.patch(f"/v1/products/{other['id']}", json={"code": "SUP-H"})

    assert response.status_code == 409
    assert [e["field"] for e in response.json()["errors"]] == ["code"]


async def test_another_tenant_may_reuse_a_product_code(api, other_api):
    await factories.product(api, code="SUP-H")

    theirs = await other_api.post("/v1/products", json={"code": "SUP-H", "name": "Support", "unit_price": "1.00"})

    assert theirs.status_code == 201, theirs.text


async def test_product_external_id_is_unique_per_tenant(api):
    await factories.product(api, code="A", external_id="p-1")

    response = await api.post("/v1/products", json={"code": "B", "name": "B", "unit_price": "1.00",
                                                    "external_id": "p-1"})

    assert response.status_code == 409
    assert [e["field"] for e in response.json()["errors"]] == ["external_id"]


async def test_products_filter_by_code(api):
    await factories.product(api, code="SUP-H")
    wanted = await factories.product(api, code="DEV-H")

    assert await list_ids(api, "/v1/products", code="DEV-H") == [wanted["id"]]


async def test_products_filter_by_external_id(api):
    await factories.product(api, code="SUP-H", external_id="p-1")
    wanted = await factories.product(api, code="DEV-H", external_id="p-2")

    assert await list_ids(api, "/v1/products", external_id="p-2") == [wanted["id"]]


async def test_products_list_only_the_tenants_own(api, other_api):
    mine = await factories.product(api)
    await factories.product(other_api)

    assert await list_ids(api, "/v1/products") == [mine["id"]]


# Negotiated prices


async def test_created_price_reads_back_in_the_documented_shape(api):
    customer = await factories.customer(api)
    product = await factories.product(api)
    created = await factories.price(api, customer_id=customer["id"], product_id=product["id"], unit_price="70")

    response = await api.get(f"/v1/prices/{created['id']}")

    assert response.status_code == 200
    assert without_timestamps(response.json()) == {"id": created["id"], "external_id": None,
                                                   "customer_id": customer["id"], "product_id": product["id"],
                                                   "unit_price": "70.00"}


async def test_price_patch_changes_the_unit_price(api):
    customer = await factories.customer(api)
    product = await factories.product(api)
    created = await factories.price(api, customer_id=customer["id"], product_id=product["id"])

    response = await api.patch(f"/v1/prices/{created['id']}", json={"unit_price": "65.1234"})

    assert response.status_code == 200, response.text
    assert (await api.get(f"/v1/prices/{created['id']}")).json()["unit_price"] == "65.1234"


async def test_price_cannot_move_to_another_customer(api):
    customer = await factories.customer(api)
    other = await factories.customer(api, name="Globex")
    product = await factories.product(api)
    created = await factories.price(api, customer_id=customer["id"], product_id=product["id"])

    response = await api.patch(f"/v1/prices/{created['id']}", json={"customer_id": other["id"]})

    assert response.status_code == 422
    assert (await api.get(f"/v1/prices/{created['id']}")).json()["customer_id"] == customer["id"]


async def test_price_delete_answers_204_then_404(api):
    customer = await factories.customer(api)
    product = await factories.product(api)
    created = await factories.price(api, customer_id=customer["id"], product_id=product["id"])

    assert (await api.delete(f"/v1/prices/{created['id']}")).status_code == 204
    assert (await api.get(f"/v1/prices/{created['id']}")).status_code == 404


async def test_one_price_per_customer_and_product(api):
    customer = await factories.customer(api)
    product = await factories.product(api)
    await factories.price(api, customer_id=customer["id"], product_id=product["id"], unit_price="70.00")

    response = await api.post("/v1/prices", json={"customer_id": customer["id"], "product_id": product["id"],
                                                  "unit_price": "60.00"})

    assert response.status_code == 409
    assert response.headers["content-type"].startswith("application/problem+json")
    prices = (await api.get("/v1/prices", params={"customer_id": customer["id"]})).json()["data"]
    assert [p["unit_price"] for p in prices] == ["70.00"]


async def test_same_product_may_have_prices_for_two_customers(api):
    acme = await factories.customer(api)
    globex = await factories.customer(api, name="Globex")
    product = await factories.product(api)
    await factories.price(api, customer_id=acme["id"], product_id=product["id"])

    response = await api.post("/v1/prices", json={"customer_id": globex["id"], "product_id": product["id"],
                                                  "unit_price": "60.00"})

    assert response.status_code == 201, response.text


async def test_price_for_another_tenants_customer_is_refused(api, other_api):
    foreign = await factories.customer(other_api)
    product = await factories.product(api)

    response = await api.post("/v1/prices", json={"customer_id": foreign["id"], "product_id": product["id"],
                                                  "unit_price": "60.00"})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["customer_id"]


async def test_prices_filter_by_customer(api):
    acme = await factories.customer(api)
    globex = await factories.customer(api, name="Globex")
    product = await factories.product(api)
    wanted = await factories.price(api, customer_id=acme["id"], product_id=product["id"])
    await factories.price(api, customer_id=globex["id"], product_id=product["id"])

    assert await list_ids(api, "/v1/prices", customer_id=acme["id"]) == [wanted["id"]]


async def test_prices_filter_by_product(api):
    customer = await factories.customer(api)
    support = await factories.product(api, code="SUP-H")
    dev = await factories.product(api, code="DEV-H")
    await factories.price(api, customer_id=customer["id"], product_id=support["id"])
    wanted = await factories.price(api, customer_id=customer["id"], product_id=dev["id"])

    assert await list_ids(api, "/v1/prices", product_id=dev["id"]) == [wanted["id"]]


async def test_deleting_a_customer_deletes_its_prices(api):
    customer = await factories.customer(api)
    product = await factories.product(api)
    created = await factories.price(api, customer_id=customer["id"], product_id=product["id"])

    assert (await api.delete(f"/v1/customers/{customer['id']}")).status_code == 204

    assert (await api.get(f"/v1/prices/{created['id']}")).status_code == 404


async def test_another_tenants_price_is_404(api, other_api):
    customer = await factories.customer(other_api)
    product = await factories.product(other_api)
    foreign = await factories.price(other_api, customer_id=customer["id"], product_id=product["id"])

    assert (await api.get(f"/v1/prices/{foreign['id']}")).status_code == 404
    assert (await api.delete(f"/v1/prices/{foreign['id']}")).status_code == 404
    assert (await other_api.get(f"/v1/prices/{foreign['id']}")).status_code == 200


async def test_unknown_product_is_404(api):
    assert (await api.get(f"/v1/products/{uuid.uuid4()}")).status_code == 404
