"""The committed contract matches the code: the OpenAPI document and the database schema."""

import asyncio
from urllib.parse import urlsplit

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.ext.asyncio import create_async_engine

import app.models  # noqa: F401  (registers every table)
from app.config import sqlalchemy_url
from app.db import metadata
from app.migrations import upgrade_head
from app.openapi import TARGET, render
from tests.conftest import DATABASE_URL, database_named, recreate_database


def test_committed_openapi_document_is_current():
    assert TARGET.read_text() == render(), "openapi/openapi.json is stale: run `python -m app.openapi`"


def test_operation_ids_are_unique_and_named():
    import json

    document = json.loads(render())
    ids = [op["operationId"] for path in document["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids))
    assert "bulk_upsert_time_entries" in ids and "list_customers" in ids


async def test_migrations_from_empty_database_give_exactly_the_models():
    # Named after the test database, so that two checkouts testing side by side never share it.
    url = database_named(DATABASE_URL, urlsplit(DATABASE_URL).path.lstrip("/") + "_drift")
    await recreate_database(url)
    await asyncio.to_thread(upgrade_head, url)
    engine = create_async_engine(sqlalchemy_url(url))
    try:
        async with engine.connect() as conn:
            diff = await conn.run_sync(lambda sync_conn: compare_metadata(
                MigrationContext.configure(sync_conn, opts={"compare_type": True,
                                                            "compare_server_default": True}), metadata))
    finally:
        await engine.dispose()
    assert diff == []


def test_every_error_a_route_declares_is_a_problem_document():
    import json

    document = json.loads(render())
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            errors = {code: r for code, r in operation["responses"].items() if code[0] in "45"}
            if path.startswith("/v1/"):
                assert {"401", "422"} <= set(errors), f"{method} {path} must declare 401 and 422"
            for code, response in errors.items():
                schemas = {c["schema"].get("$ref") for c in response["content"].values()}
                assert schemas == {"#/components/schemas/Problem"}, f"{method} {path} {code}"
                assert "application/problem+json" in response["content"]
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_money_and_quantities_are_strings_with_a_pattern():
    import json

    document = json.loads(render())
    for schema, field in (("ProductCreate", "unit_price"), ("InvoiceOut", "total"), ("TimeEntryCreate", "hours"),
                          ("InvoiceLineOut", "amount"), ("CustomerCreate", "tax_rate")):
        declared = document["components"]["schemas"][schema]["properties"][field]
        options = declared.get("anyOf", [declared])
        strings = [o for o in options if o.get("type") == "string"]
        assert strings and all("pattern" in o for o in strings), f"{schema}.{field}: {declared}"
        assert not any(o.get("type") in {"number", "integer"} for o in options), f"{schema}.{field}"


def test_the_document_describes_each_webhook_event_and_its_signature():
    import json

    document = json.loads(render())
    assert set(document["webhooks"]) == {"invoice_batch.completed", "invoice.validated", "invoice.sent",
                                         "credit_note.validated", "invoice.paid"}
    for name, hook in document["webhooks"].items():
        operation = hook["post"]
        assert "Rebill-Signature" in {p["name"] for p in operation["parameters"]}
        schema = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
        assert set(document["components"]["schemas"][schema]["required"]) >= {"id", "type", "created", "data"}
    completed = document["components"]["schemas"]["CompletedBatch"]["properties"]
    assert "summary" in completed and "validate" in completed
