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
