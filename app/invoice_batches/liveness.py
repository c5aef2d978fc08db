"""Which runs of a batch are alive (SPEC §8), proven by something that dies with the run.

A run holds, for its whole life, a PostgreSQL session-level advisory lock on one of the batch's
`BATCH_MAX_PARALLEL_RUNS` slots, on a connection of its own. The lock ends with that connection:
a killed worker's socket closes and PostgreSQL frees it at once, a PostgreSQL restart frees every
one. Nothing depends on a clock or on arq's keys: a slow run keeps its slot however slow it is, and
a stopped process (SIGSTOP) keeps it too, so no second run takes over from a run that may come back.
The sweeper reads `pg_locks` to find batches that no live run holds.

The lock is also the run's fence: a run checks its connection before it records a failure, and a
watchdog pings it every second, so a run that lost its slot (PostgreSQL restarted under it) stops
instead of writing a storm of failures; its successor carries on."""

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

log = logging.getLogger("rebill.batches")

# One bigint key per (batch, slot); the customer locks of runner.py hash a bare id, so the prefix
# keeps the two key spaces apart.
_SLOT_KEY = "hashtextextended('rebill:batch-run:' || CAST({batch} AS text) || ':' || CAST({slot} AS text), 0)"

_TRY_SLOT = text(f"SELECT pg_try_advisory_lock({_SLOT_KEY.format(batch=':batch', slot='CAST(:slot AS int)')})")

# Live runs per batch: granted advisory locks of this database whose key is one of the batch's slots
# (a bigint key shows in pg_locks as classid = its high half, objid = its low half, objsubid = 1).
LIVE_RUNS = f"""
(SELECT count(*) FROM generate_series(0, :slots - 1) AS slot
 JOIN run_locks l ON l.classid = ({_SLOT_KEY.format(batch='b.id', slot='slot')} >> 32) & 4294967295
                 AND l.objid = {_SLOT_KEY.format(batch='b.id', slot='slot')} & 4294967295)"""
RUN_LOCKS_CTE = """
run_locks AS MATERIALIZED (
  SELECT classid::bigint AS classid, objid::bigint AS objid FROM pg_locks
  WHERE locktype = 'advisory' AND granted AND objsubid = 1
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))"""


class LeaseLost(Exception):
    """The run's slot lock is gone with its connection: it must stop writing."""


class RunLease:
    """A slot of a batch, held on a dedicated connection (autocommit: it never holds a snapshot)."""

    def __init__(self, connection: AsyncConnection, batch_id: uuid.UUID, slot: int):
        self.connection = connection
        self.batch_id = batch_id
        self.slot = slot
        self.lost = False
        self._use = asyncio.Lock()  # one statement at a time on the connection

    async def execute(self, statement, params: dict | None = None):
        """Run a statement on the lease's connection; any failure there means the lease is lost."""
        if self.lost:
            raise LeaseLost(f"batch {self.batch_id}: run lost slot {self.slot}")
        async with self._use:
            try:
                return await self.connection.execute(statement, params or {})
            except Exception as exc:  # noqa: BLE001  (a dead connection, whatever the driver calls it)
                self.lost = True
                raise LeaseLost(f"batch {self.batch_id}: run lost slot {self.slot}: {exc!r}") from exc

    async def alive(self) -> bool:
        try:
            await self.execute(text("SELECT 1"))
        except LeaseLost:
            return False
        return True

    @contextlib.asynccontextmanager
    async def watched(self, beat, *, every: float = 1.0) -> AsyncIterator[asyncio.Event]:
        """Runs `beat(lease)` every `every` seconds, or as soon as the event it yields is set, while the
        block runs; if the lease is lost meanwhile, the block is cancelled and LeaseLost raised."""
        wake = asyncio.Event()
        owner = asyncio.current_task()

        async def watch() -> None:
            while True:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), timeout=every)
                wake.clear()
                try:
                    await beat(self)
                except LeaseLost:
                    log.warning("batch %s: lease lost, the run stops", self.batch_id)
                    owner.cancel()
                    return

        watcher = asyncio.create_task(watch())
        try:
            yield wake
        except asyncio.CancelledError:
            if self.lost and owner.uncancel() == 0:
                raise LeaseLost(f"batch {self.batch_id}: run lost slot {self.slot}") from None
            raise
        finally:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher


@contextlib.asynccontextmanager
async def lease(engine: AsyncEngine, batch_id: uuid.UUID, *, slots: int) -> AsyncIterator[RunLease | None]:
    """A free slot of the batch for the block's duration, or None when `slots` live runs hold them
    all. The connection is closed (not pooled) at the end, which releases the lock in every case."""
    connection = await engine.connect()
    try:
        connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
        taken = None
        for slot in range(slots):
            if (await connection.execute(_TRY_SLOT, {"batch": str(batch_id), "slot": slot})).scalar():
                taken = slot
                break
        yield None if taken is None else RunLease(connection, batch_id, taken)
    finally:
        with contextlib.suppress(Exception):
            await connection.invalidate()
        with contextlib.suppress(Exception):
            await connection.close()
