"""Customers are answered with JSON that PostgreSQL writes from the response model
(app/kit/json_answers.py). Over customers that set and leave out every field, the answers of
GET /v1/customers/{id} and of the list are exactly what pydantic makes of the same rows: the same
members, the same decimals, the same time stamps (with and without microseconds)."""

import json
from datetime import UTC, datetime

import pytest
from pydantic import BaseModel

from app.customers.schemas import CustomerOut
from app.db import session_scope
from app.kit import json_answers
from sqlalchemy import text
from tests import factories

CYCLES = [{"kind": "monthly"}, {"kind": "weekly", "week_ends_on": "friday"},
          {"kind": "fortnightly", "ends_on": "2026-11-13"},
          {"kind": "custom", "ends_on_dates": ["2026-10-31", "2026-11-30"]}, {"kind": "none"}]

VARIANTS = [
    {},
    {"billing_address": None, "emails": [], "tax_rate": None, "external_id": "bare"},
    {"billing_address": {"line1": "1 Main St", "line2": "Suite 4", "postal_code": "10001", "city": "New York",
                         "country": "US"},
     "tax_rate": "5.5", "terms": {"payment_terms_days": 45}, "time_rounding": {"increment_minutes": 15, "mode": "up"}},
    {"tax_rate": "12.345", "terms": {"bank_details": "IBAN FR76 3000 6000 0112 3456 7890 189",
                                     "conditions_of_sale": "Net 30 — « pas d'escompte »", "payment_terms_days": 30,
                                     "late_payment_penalties": "3 × the legal rate", "early_payment_discount": "None"},
     "tax_exempt": True, "tax_exemption_reason": "Autoliquidation — article 283-2 du CGI", "currency": "USD"},
    {"tax_rate": "0", "name": 'Quote " and \\ backslash\nnew line', "emails": ["a@example.com", "b@example.com"]},
    {"tax_rate": "100"},
    *({"billing_cycle": cycle} for cycle in CYCLES),
]


def pydantic_answer(row: dict) -> dict:
    return json.loads(CustomerOut.model_validate(row).model_dump_json())


async def rows_by_id(sessionmaker, tenant_id) -> dict[str, dict]:
    async with session_scope(sessionmaker) as session:
        result = await session.execute(text("SELECT * FROM customers WHERE tenant_id = :t"), {"t": tenant_id})
        return {str(row["id"]): dict(row) for row in result.mappings()}


async def test_answers_written_by_postgresql_equal_pydantic_s(api, sessionmaker):
    company = await factories.customer(api, external_id="parent")
    contract = await factories.contract(api, customer_id=company["id"])
    await factories.customer(api, name="Contact", kind="contact", parent_id=company["id"],
                             default_contract_id=contract["id"])
    for n, variant in enumerate(VARIANTS):
        await factories.customer(api, **{"name": f"Customer {n}", **variant})
    async with session_scope(sessionmaker) as session:  # one time stamp to the second, one to the microsecond
        await session.execute(text("UPDATE customers SET created_at = :at WHERE id = :id"),
                              {"at": datetime(2026, 11, 30, 23, 59, 59, tzinfo=UTC), "id": company["id"]})
        await session.execute(text("UPDATE customers SET updated_at = :at WHERE id = :id"),
                              {"at": datetime(2026, 12, 1, 0, 0, 0, 7, tzinfo=UTC), "id": company["id"]})
    rows = await rows_by_id(sessionmaker, api.tenant_id)
    assert len(rows) == len(VARIANTS) + 2

    for customer_id, row in rows.items():
        response = await api.get(f"/v1/customers/{customer_id}")
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        assert response.json() == pydantic_answer(row)
    assert (await api.get(f"/v1/customers/{company['id']}")).json()["created_at"] == "2026-11-30T23:59:59Z"
    assert (await api.get(f"/v1/customers/{company['id']}")).json()["updated_at"] == "2026-12-01T00:00:00.000007Z"

    listed, cursor = [], None
    while True:
        page = (await api.get("/v1/customers", params={"limit": 4, **({"cursor": cursor} if cursor else {})})).json()
        listed += page["data"]
        if not (cursor := page["next_cursor"]):
            break
    assert listed == [pydantic_answer(rows[c["id"]]) for c in listed]
    assert sorted(c["id"] for c in listed) == sorted(rows)


async def test_an_unknown_customer_is_still_404(api, other_api):
    theirs = await factories.customer(other_api)

    assert (await api.get(f"/v1/customers/{theirs['id']}")).status_code == 404
    assert (await api.get("/v1/customers/not-an-id")).status_code == 404


class _Unknown(BaseModel):
    when: complex


def test_a_type_without_sql_is_refused_when_the_query_is_built():
    with pytest.raises(TypeError, match="no SQL"):
        json_answers.row_json(_Unknown, {"when": "t.when"})
