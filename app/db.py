"""The database engine, the session factory and the naming convention every table uses."""

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pydantic_core
from sqlalchemy import event, exc
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.util import await_, greenlet_spawn
from sqlmodel import SQLModel

from app.config import sqlalchemy_url

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = SQLModel.metadata


# A pooled connection idle for longer than this is pinged before use (one `SELECT 1`).
PING_AFTER_IDLE_SECONDS = 5.0


def make_engine(database_url: str, *, pool_size: int = 10, max_overflow: int | None = None,
                pre_ping: bool = True) -> AsyncEngine:
    """`pool_size` connections kept open, plus `max_overflow` (default: as many again) opened in a
    burst and closed as soon as they are returned to a full pool. With `pre_ping`, every checkout
    pings the connection; without, only a connection known closed or long idle is checked (see
    `_check_alive`): the API's choice, whose reads are shorter than a ping."""
    engine = create_async_engine(
        sqlalchemy_url(database_url),
        pool_size=pool_size,
        max_overflow=pool_size if max_overflow is None else max_overflow,
        pool_pre_ping=pre_ping,
        # JSON/JSONB columns are decoded by the driver for every row read: pydantic's Rust parser
        # gives the same dicts and lists as json.loads in a third of its time.
        json_deserializer=pydantic_core.from_json,
    )
    if not pre_ping:
        event.listen(engine.sync_engine.pool, "checkin", _note_idle_since)
        event.listen(engine.sync_engine.pool, "checkout", _check_alive)
    return engine


def _note_idle_since(dbapi_connection, record) -> None:
    record.info["idle_since"] = time.monotonic()


def _check_alive(dbapi_connection, record, proxy) -> None:
    """Hand out only live connections, without paying a round trip on every checkout.

    `pool_pre_ping` would cost three round trips per checkout with asyncpg (BEGIN, a query,
    ROLLBACK): more than the query a read route runs. A connection PostgreSQL closed (a restart,
    a terminated backend) is known to asyncpg as soon as the event loop sees the socket close,
    which costs nothing to ask; only a connection that sat idle long enough for a silent drop
    (a firewall, a NAT) is pinged. Raising DisconnectionError makes the pool replace it."""
    driver = record.driver_connection
    if driver.is_closed():
        raise exc.DisconnectionError("the connection was closed")
    idle_since = record.info.get("idle_since")
    if idle_since is not None and time.monotonic() - idle_since > PING_AFTER_IDLE_SECONDS:
        try:
            await_(driver.execute("SELECT 1"))
        except Exception as error:  # noqa: BLE001  (any failure: replace the connection)
            raise exc.DisconnectionError(f"the connection does not answer: {error}") from error


class Reads:
    """Where routes that only read run their queries: each query on a connection of the engine's
    pool taken for that query alone (the asyncpg connection under it, outside any transaction:
    no BEGIN and COMMIT round trips; a statement reads what was committed when it started, as it
    would in a READ COMMITTED transaction). Taken at the pool's level, not through an engine
    Connection, whose making costs more than the query. Never write through it.

    Queries wait their turn in a first-come, first-served queue of at most `concurrency` (the pool's
    size): waiting inside the pool itself is not fair (a request that just arrived can take the
    connection another was woken up for), which under load left some reads waiting for seconds."""

    def __init__(self, engine: AsyncEngine, *, concurrency: int):
        self._pool = engine.sync_engine.pool
        self._turns = asyncio.Semaphore(concurrency)

    async def fetch(self, sql: str, *args) -> list:
        async with self._turns:
            pooled = await greenlet_spawn(self._pool.connect)
            try:
                return await pooled.driver_connection.fetch(sql, *args)
            finally:
                await greenlet_spawn(pooled.close)

    async def fetchrow(self, sql: str, *args):
        async with self._turns:
            pooled = await greenlet_spawn(self._pool.connect)
            try:
                return await pooled.driver_connection.fetchrow(sql, *args)
            finally:
                await greenlet_spawn(pooled.close)


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


@asynccontextmanager
async def session_scope(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """One unit of work: committed when the caller's block ends normally, rolled back otherwise."""
    async with sessionmaker() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise
