"""The API's pooled connections (app/db.py): a checkout pings only a long-idle connection, so a
connection PostgreSQL has closed (a terminated backend, a restart) must still never reach a
request. Reads (transaction-less) and writes (a unit of work) alike."""

import asyncio

import asyncpg


async def terminate_the_apps_connections(database_url: str) -> None:
    admin = await asyncpg.connect(database_url)
    try:
        pids = [row["pid"] for row in await admin.fetch(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")]
        assert pids
        for pid in pids:
            await admin.execute("SELECT pg_terminate_backend($1)", pid)
        for _ in range(100):  # until the backends are gone, as after a restart
            if not await admin.fetchval("SELECT count(*) FROM pg_stat_activity WHERE pid = any($1::int[])", pids):
                break
            await asyncio.sleep(0.05)
    finally:
        await admin.close()
    await asyncio.sleep(0.1)  # the app's event loop sees the sockets close


async def test_requests_after_postgresql_closed_the_pooled_connections_succeed(app, api, migrated_database):
    # Fill the pool with connections used for reads and for writes.
    await asyncio.gather(*(api.get("/v1/settings") for _ in range(8)), *(api.get("/v1/customers") for _ in range(8)))
    assert (await api.post("/v1/customers", json={"name": "Before"})).status_code == 201

    await terminate_the_apps_connections(migrated_database)

    settings = await asyncio.gather(*(api.get("/v1/settings") for _ in range(8)))
    assert [r.status_code for r in settings] == [200] * 8, [r.text for r in settings]
    created = await api.post("/v1/customers", json={"name": "After"})
    assert created.status_code == 201, created.text
    listed = await api.get("/v1/customers")
    assert listed.status_code == 200
    assert [c["name"] for c in listed.json()["data"]] == ["Before", "After"]
    one = await api.get(f"/v1/customers/{created.json()['id']}")
    assert one.status_code == 200 and one.json()["name"] == "After"
