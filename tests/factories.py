"""Keyword-only factories that create records through the API, as a helpdesk would."""

import uuid
from typing import Any

from sqlalchemy import text


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


async def mark_invoiced(sessionmaker, entry_id: str) -> tuple[str, str]:
    """Put a time entry on a draft invoice line directly in the database, as a batch leaves it;
    returns (invoice_id, invoice_line_id)."""
    invoice_id, line_id = uuid.uuid4(), uuid.uuid4()
    async with sessionmaker() as session:
        entry = (await session.execute(text(
            "SELECT te.tenant_id, wi.customer_id, te.hours FROM time_entries te "
            "JOIN work_items wi ON wi.id = te.work_item_id WHERE te.id = :id"), {"id": uuid.UUID(entry_id)})).one()
        product_id = await session.scalar(text(
            "INSERT INTO products (id, tenant_id, code, name, unit, unit_price) "
            "VALUES (:id, :tenant, 'TEST-INVOICED', 'Test', 'hour', 1) "
            "ON CONFLICT (tenant_id, code) DO UPDATE SET code = EXCLUDED.code RETURNING id"),
            {"id": uuid.uuid4(), "tenant": entry.tenant_id})
        await session.execute(text(
            "INSERT INTO invoices (id, tenant_id, customer_id, status, bill_to, title, subtitle, currency,"
            " untaxed_amount, tax_amount, total, taxes, terms, not_validated_reasons, delivery_status,"
            " delivery_attempts) VALUES (:id, :tenant, :customer, 'draft', '{}', 'Test', 'Test', 'EUR', 0, 0, 0,"
            " '[]', '{}', '[]', 'not_requested', 0)"),
            {"id": invoice_id, "tenant": entry.tenant_id, "customer": entry.customer_id})
        await session.execute(text(
            "INSERT INTO invoice_lines (id, tenant_id, invoice_id, position, time_entry_id, product_id, description,"
            " quantity, hours_worked, unit, unit_price, amount, tax_rate) VALUES (:id, :tenant, :invoice, 0, :entry,"
            " :product, 'Test', :hours, :hours, 'hour', 1, :hours, 0)"),
            {"id": line_id, "tenant": entry.tenant_id, "invoice": invoice_id, "entry": uuid.UUID(entry_id),
             "product": product_id, "hours": entry.hours})
        result = await session.execute(text(
            "UPDATE time_entries SET invoice_id = :invoice, invoice_line_id = :line WHERE id = :id"),
            {"invoice": invoice_id, "line": line_id, "id": uuid.UUID(entry_id)})
        assert result.rowcount == 1
        await session.commit()
    return str(invoice_id), str(line_id)


async def contract(api, *, customer_id: str, kind: str = "hourly", name: str = "Support",
                   starts_on: str = "2026-11-01", **fields: Any) -> dict:
    body = {"customer_id": customer_id, "name": name, "kind": kind, "starts_on": starts_on, **fields}
    if kind == "retainer":
        body = {"retainer_amount": "500.00", "included_hours": "5.00", **body}
    return _ok(await api.post("/v1/contracts", json=body))
