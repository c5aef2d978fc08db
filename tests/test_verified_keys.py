"""API keys the process remembers (app/tenants/verified_keys.py): a remembered key is refused as
soon as the notice `revoke_key` sends at commit arrives (milliseconds), within KEY_CACHE_SECONDS
when it was revoked behind Rebill's back, and at once while the process cannot hear revocations."""

import asyncio
import time

import asyncpg
import httpx

from app.db import session_scope
from app.tenants.service import create_key, revoke_key
from app.tenants.verified_keys import CHANNEL, KEY_CACHE_SECONDS


def client_for(app, key: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test",
                             headers={"Authorization": f"Bearer {key}"})


async def second_key(app, tenant_id):
    async with session_scope(app.state.sessionmaker) as session:
        return await create_key(session, tenant_id=tenant_id)


async def remembered(app, key: str) -> bool:
    return app.state.verified_keys.tenant_of(f"Bearer {key}") is not None


async def wait_until(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if await predicate():
            return True
        await asyncio.sleep(0.05)
    return await predicate()


async def test_a_remembered_key_is_refused_once_revoke_key_has_committed(app, api):
    key = await second_key(app, api.tenant_id)
    async with client_for(app, key.key) as other:
        assert (await other.get("/v1/settings")).status_code == 200
        assert await remembered(app, key.key)  # the next request would not read the key

        async with session_scope(app.state.sessionmaker) as session:
            await revoke_key(session, key_id=str(key.id))
        committed = time.monotonic()

        async def forgotten() -> bool:
            return not await remembered(app, key.key)

        # PostgreSQL delivers the notice at commit; it reaches this process in milliseconds (a
        # revocation from `rebill keys revoke` takes longer than that just to exit).
        assert await wait_until(forgotten, 1), "the revocation was not heard"
        assert time.monotonic() - committed < 1
        refused = await other.get("/v1/customers")
        assert refused.status_code == 401, refused.text
        assert refused.json()["code"] == "invalid_api_key"
    # The tenant's other key is unaffected.
    assert (await api.get("/v1/settings")).status_code == 200


async def test_keys_of_other_tenants_stay_apart_in_memory(app, api, other_api):
    for _ in range(2):  # the second round is answered from memory
        a = (await api.get("/v1/settings")).json()
        b = (await other_api.get("/v1/settings")).json()
        assert a["legal_name"].startswith("Tenant A") and b["legal_name"].startswith("Tenant B")


async def test_a_key_revoked_behind_rebills_back_is_refused_within_the_cache_time(app, api, migrated_database):
    key = await second_key(app, api.tenant_id)
    async with client_for(app, key.key) as other:
        assert (await other.get("/v1/settings")).status_code == 200
        admin = await asyncpg.connect(migrated_database)
        try:  # an UPDATE typed in psql: no notification
            await admin.execute("UPDATE api_keys SET revoked_at = now() WHERE id = $1", key.id)
        finally:
            await admin.close()
        revoked_at = time.monotonic()

        async def refused() -> bool:
            return (await other.get("/v1/settings")).status_code == 401

        assert await wait_until(refused, KEY_CACHE_SECONDS + 1)
        assert time.monotonic() - revoked_at <= KEY_CACHE_SECONDS + 1


async def test_while_revocations_cannot_be_heard_every_request_reads_its_key(app, api, migrated_database):
    keys = app.state.verified_keys
    key = await second_key(app, api.tenant_id)
    async with client_for(app, key.key) as other:
        assert (await other.get("/v1/settings")).status_code == 200
        admin = await asyncpg.connect(migrated_database)
        try:
            # PostgreSQL drops the connection that listens for revocations (a restart would too).
            listeners = await admin.fetch("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                                          "AND query ILIKE $1", f"%LISTEN%{CHANNEL}%")
            assert listeners, "no connection listens for revocations"
            for row in listeners:
                await admin.execute("SELECT pg_terminate_backend($1)", row["pid"])

            async def deaf() -> bool:
                return not keys.listening

            assert await wait_until(deaf, 5)
            assert not await remembered(app, key.key)  # forgotten with the connection
            # Revoked behind Rebill's back while deaf: refused on the very next request.
            await admin.execute("UPDATE api_keys SET revoked_at = now() WHERE id = $1", key.id)
            assert (await other.get("/v1/settings")).status_code == 401
        finally:
            await admin.close()

    async def listening() -> bool:
        return keys.listening

    assert await wait_until(listening, 10)  # it listens again, and keys are remembered again
    assert (await api.get("/v1/settings")).status_code == 200
    assert await remembered(app, api.key)
