"""Keyword-only factories that create records through the API, as a helpdesk would."""

from typing import Any


def _ok(response, status=201) -> dict:
    assert response.status_code == status, response.text
    return response.json()


async def customer(api, *, name: str = "Acme SARL", **fields: Any) -> dict:
    body = {"name": name, "billing_address": {"line1": "3 rue de la Paix", "postal_code": "75002",
                                              "city": "Paris", "country": "FR"},
            "emails": ["billing@acme.example"], "tax_rate": "20.00", **fields}
    return _ok(await api.post("/v1/customers", json=body))


async def product(api, *, code: str = "SUP-H", unit_price: str = "80.00", **fields: Any) -> dict:
    body = {"code": code, "name": "Support", "description": "Remote support", "unit_price": unit_price, **fields}
    return _ok(await api.post("/v1/products", json=body))


async def work_item(api, *, customer_id: str, reference: str = "T-004211", type: str = "ticket",
                    **fields: Any) -> dict:
    body = {"type": type, "reference": reference, "title": "Printer down", "customer_id": customer_id, **fields}
    return _ok(await api.post("/v1/work-items", json=body))


async def time_entry(api, *, work_item_id: str, started_at: str = "2026-11-05T14:30:00+01:00",
                     hours: str = "1.50", **fields: Any) -> dict:
    body = {"work_item_id": work_item_id, "employee_id": "e-7", "employee_name": "Alice Martin",
            "started_at": started_at, "hours": hours, "status": "approved", **fields}
    return _ok(await api.post("/v1/time-entries", json=body))


async def price(api, *, customer_id: str, product_id: str, unit_price: str = "70.00") -> dict:
    return _ok(await api.post("/v1/prices", json={"customer_id": customer_id, "product_id": product_id,
                                                  "unit_price": unit_price}))


async def selection(api, *, customer_ids: list[str], name: str = "Monthly support customers") -> dict:
    return _ok(await api.post("/v1/selections", json={"name": name, "customer_ids": customer_ids}))
