"""Test fixtures on the real services: a PostgreSQL database migrated by Alembic, Redis, the app
behind an httpx client, and a fresh tenant (with its own API key) per test, so tests never share
state. TEST_DATABASE_URL / TEST_REDIS_URL override the defaults below."""

import asyncio
import os
import signal
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
import pytest
from redis.asyncio import Redis

from app.config import Settings
from app.db import session_scope
from app.kit.net import free_port
from app.main import create_app
from app.migrations import upgrade_head
from app.tenants.service import create_tenant

DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "postgresql://root@127.0.0.1:5432/rebill_test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")
# The Redis database of `stack` (real worker processes): the next one after REDIS_URL's, unless
# TEST_STACK_REDIS_URL names one. Two test runs on one machine must not share it: each flushes it,
# and each one's workers would take the other's jobs.
STACK_REDIS_URL = os.environ.get("TEST_STACK_REDIS_URL") or (
    f"{REDIS_URL.rsplit('/', 1)[0]}/{(int(REDIS_URL.rsplit('/', 1)[1] or 0) + 1) % 16}")


def database_named(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


async def recreate_database(url: str) -> None:
    name = urlsplit(url).path.lstrip("/")
    admin = await asyncpg.connect(database_named(url, "postgres"))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()


@pytest.fixture(scope="session")
async def migrated_database() -> str:
    await recreate_database(DATABASE_URL)
    await asyncio.to_thread(upgrade_head, DATABASE_URL)
    return DATABASE_URL


@pytest.fixture(scope="session")
def settings(migrated_database) -> Settings:
    return Settings(database_url=migrated_database, redis_url=REDIS_URL, public_base_url="http://test",
                    webhook_allow_private_urls=True, max_body_bytes=8 * 1024 * 1024)


@pytest.fixture(scope="session")
async def app(settings):
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture(scope="session")
def sessionmaker(app):
    return app.state.sessionmaker


@dataclass
class TenantClient:
    """A tenant and an authenticated client for it."""

    tenant_id: uuid.UUID
    key: str
    http: httpx.AsyncClient

    def __getattr__(self, name):  # api.get(...), api.post(...): the client's verbs
        return getattr(self.http, name)


async def new_tenant(app, name: str = "Tenant") -> TenantClient:
    async with session_scope(app.state.sessionmaker) as session:
        tenant, key = await create_tenant(session, name=f"{name} {uuid.uuid4().hex[:8]}")
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test",
                             headers={"Authorization": f"Bearer {key.key}"})
    return TenantClient(tenant_id=tenant.id, key=key.key, http=http)


@pytest.fixture
async def api(app):
    client = await new_tenant(app, "Tenant A")
    yield client
    await client.http.aclose()


@pytest.fixture
async def other_api(app):
    client = await new_tenant(app, "Tenant B")
    yield client
    await client.http.aclose()


@pytest.fixture
async def anonymous(app):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        yield client




@dataclass
class Stack:
    """A database and a Redis database of their own, with the app and a tenant on them: for tests
    that start real `rebill worker` processes, which take every job in their queue and every batch
    due in their database. On the shared ones they would first work through what earlier tests
    left behind."""

    database_url: str
    redis_url: str
    app: object
    api: TenantClient

    @property
    def sessionmaker(self):
        return self.app.state.sessionmaker


@pytest.fixture
async def stack(migrated_database):
    url = database_named(DATABASE_URL, f"{urlsplit(DATABASE_URL).path.lstrip('/')}_{uuid.uuid4().hex[:8]}")
    redis_url = STACK_REDIS_URL
    await recreate_database(url)
    await asyncio.to_thread(upgrade_head, url)
    redis = Redis.from_url(redis_url)
    await redis.flushdb()
    application = create_app(Settings(database_url=url, redis_url=redis_url, public_base_url="http://test",
                                      webhook_allow_private_urls=True))
    try:
        async with application.router.lifespan_context(application):
            api = await new_tenant(application)
            try:
                yield Stack(database_url=url, redis_url=redis_url, app=application, api=api)
            finally:
                await api.http.aclose()
    finally:
        await redis.flushdb()
        await redis.aclose()
        admin = await asyncpg.connect(database_named(url, "postgres"))
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{urlsplit(url).path.lstrip("/")}" WITH (FORCE)')
        finally:
            await admin.close()


REBILL = str(Path(sys.executable).parent / "rebill")


@pytest.fixture
async def live_rebill(stack):
    """A `rebill api` on a free port and a `rebill worker`, on `stack`'s database and Redis: what SDKs
    and the console's browser tests talk to. Yields the API's base URL."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": stack.database_url, "REDIS_URL": stack.redis_url}
    api = subprocess.Popen([REBILL, "api", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    worker = subprocess.Popen([REBILL, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        # Patient: on a loaded machine the API takes a while to import and connect.
        async with httpx.AsyncClient(base_url=base) as probe:
            for _ in range(600):
                assert api.poll() is None and worker.poll() is None, "rebill api or rebill worker exited"
                try:
                    if (await probe.get("/readyz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
            else:
                pytest.fail("rebill api did not become ready")
        yield base
    finally:
        for process in (api, worker):
            process.send_signal(signal.SIGTERM)
        for process in (api, worker):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
