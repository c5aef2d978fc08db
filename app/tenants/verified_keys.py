"""API keys this process has verified lately, so that most requests authenticate without a query.

A revocation must still refuse the key on the very next request, in every API process. So the
memory is kept only while the process listens on PostgreSQL's `api_key_revoked` channel, which
`revoke_key` notifies in the revoking transaction (PostgreSQL delivers it at commit): each
notification empties the memory. While the listening connection is down (PostgreSQL restarting,
the network cut), nothing is remembered and every request reads its key, as without this cache.
A key is also re-read at least every `KEY_CACHE_SECONDS`, which bounds how long a key revoked
behind Rebill's back (an UPDATE typed in psql, which notifies no one) or during a silent network
cut stays usable.

Only keys that verified are remembered, by a SHA-256 of the Authorization header (no secret is
kept); unknown or malformed keys are read every time, as before."""

import asyncio
import hashlib
import logging
import time
import uuid

import asyncpg

CHANNEL = "api_key_revoked"
KEY_CACHE_SECONDS = 5.0
MAX_KEYS = 10_000
RECONNECT_SECONDS = 1.0

_log = logging.getLogger("rebill.auth")


def _digest(authorization: str) -> bytes:
    return hashlib.sha256(authorization.encode()).digest()


class VerifiedKeys:
    def __init__(self, database_url: str | None = None, *, ttl: float = KEY_CACHE_SECONDS):
        self._dsn = "postgresql://" + database_url.partition("://")[2] if database_url else None
        self._ttl = ttl
        self._tenants: dict[bytes, tuple[uuid.UUID, float]] = {}
        # Bumped whenever the memory is emptied: a key read before a revocation was delivered must
        # not be remembered after it (see `remember`).
        self.generation = 0
        self._listening = False
        self._task: asyncio.Task | None = None
        self._connection: asyncpg.Connection | None = None

    def tenant_of(self, authorization: str) -> uuid.UUID | None:
        """The tenant of a key verified less than `ttl` seconds ago, while revocations are heard."""
        if not self._listening:
            return None
        found = self._tenants.get(_digest(authorization))
        if found is None or found[1] < time.monotonic():
            return None
        return found[0]

    def remember(self, authorization: str, tenant_id: uuid.UUID, *, generation: int) -> None:
        """Remember a key verified by a read that started at `generation`."""
        if not self._listening or generation != self.generation:
            return
        if len(self._tenants) >= MAX_KEYS:
            self._tenants.clear()
        self._tenants[_digest(authorization)] = (tenant_id, time.monotonic() + self._ttl)

    def forget_all(self) -> None:
        self._tenants.clear()
        self.generation += 1

    @property
    def listening(self) -> bool:
        return self._listening

    async def start(self) -> None:
        """Listen for revocations in the background (reconnecting whenever the connection drops);
        returns once the first attempt to listen has succeeded or failed."""
        if self._dsn is None:
            return
        first = asyncio.get_running_loop().create_future()
        self._task = asyncio.create_task(self._listen(first), name="rebill-api-key-revocations")
        await first

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

    async def _listen(self, first: asyncio.Future) -> None:
        while True:
            connection = None
            try:
                connection = await asyncpg.connect(self._dsn, timeout=10)
                lost = asyncio.Event()
                connection.add_termination_listener(lambda _: lost.set())
                await connection.add_listener(CHANNEL, self._revoked)
                self.forget_all()  # revocations may have gone unheard while not listening
                self._listening = True
                if not first.done():
                    first.set_result(None)
                await lost.wait()
                _log.warning("lost the connection that hears API key revocations; reconnecting")
            except (OSError, asyncio.TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                _log.warning("cannot listen for API key revocations (%s); keys are read on every request", exc)
            finally:
                self._listening = False
                self.forget_all()
                if not first.done():
                    first.set_result(None)
                if connection is not None and not connection.is_closed():
                    connection.terminate()
            await asyncio.sleep(RECONNECT_SECONDS)

    def _revoked(self, connection, pid, channel, payload) -> None:
        self.forget_all()
