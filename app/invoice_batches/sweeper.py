"""The sweeper: PostgreSQL is the record of every batch, Redis only its queue. Every few seconds it
queues a run for every batch that should be running and that no live run holds (liveness.py): a
scheduled batch whose time has come (its job may have been lost with Redis, or its worker killed
before it started) and a running batch whose runs all died. It adds a helper run to a large batch
that has fewer live runs than it may use (a worker that joined late). It also queues again emails
whose job was lost, and purges old idempotency keys."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db import session_scope
from app.delivery import outbox
from app.invoice_batches.liveness import LIVE_RUNS, RUN_LOCKS_CTE
from app.invoice_batches.runner import RUN_TASK, new_run_job_id, runs_wanted
from app.models import IdempotencyKey

IDEMPOTENCY_RETENTION = timedelta(hours=48)

# A run asked for less than this long ago may still be on its way (queued behind other jobs, or
# starting): no copy is queued before then. Not a liveness test: whether a run is alive is only ever
# read from its lock; this only spaces out the requests for a batch that has none.
REQUEST_AGAIN_AFTER_SECONDS = 10

_BATCHES = text(f"""
WITH {RUN_LOCKS_CTE}
SELECT b.id, b.status, {LIVE_RUNS} AS live,
       (SELECT count(*) FROM invoice_batch_customers c WHERE c.batch_id = b.id AND c.outcome IS NULL) AS pending
FROM invoice_batches b
WHERE (b.status = 'running' OR (b.status = 'scheduled' AND b.run_at <= now()))
  AND (b.run_requested_at IS NULL
       OR b.run_requested_at < now() - make_interval(secs => {REQUEST_AGAIN_AFTER_SECONDS}))
""")
# A batch row another transaction holds (a run starting or finishing, perhaps in a frozen worker)
# is skipped, not waited for: the sweeper must never hang on one batch.
_REQUESTED = text("""
UPDATE invoice_batches SET run_requested_at = now()
WHERE id IN (SELECT id FROM invoice_batches WHERE id = ANY(CAST(:ids AS uuid[])) FOR NO KEY UPDATE SKIP LOCKED)
RETURNING id""")


async def sweep(sessionmaker: async_sessionmaker[AsyncSession], redis, *, max_parallel: int) -> dict:
    now = datetime.now(UTC)
    async with session_scope(sessionmaker) as session:
        batches = (await session.execute(_BATCHES, {"slots": max_parallel})).all()
        await session.execute(delete(IdempotencyKey).where(IdempotencyKey.created_at < now - IDEMPOTENCY_RETENTION))
        emails = await outbox.pending_rows(session, older_than=outbox.LOST_AFTER)
    why = {}  # batch id -> what its new run is for
    for batch in batches:
        if batch.live == 0:
            why[batch.id] = "queued" if batch.status == "scheduled" else "resumed"
        elif batch.status == "running" and batch.live < runs_wanted(batch.pending, max_parallel):
            why[batch.id] = "helpers"
    if why:
        async with session_scope(sessionmaker) as session:
            requested = (await session.scalars(_REQUESTED, {"ids": list(why)})).all()
        for batch_id in requested:
            await redis.enqueue_job(RUN_TASK, str(batch_id), _job_id=new_run_job_id(batch_id))
        why = {batch_id: why[batch_id] for batch_id in requested}
    for outbox_id in emails:
        # A row still pending is re-checked under its lock: queueing it twice never sends it twice.
        await redis.enqueue_job(outbox.SEND_TASK, str(outbox_id), _job_id=f"email:{outbox_id}:{now:%Y%m%d%H%M}")
    counts = {kind: sum(1 for reason in why.values() if reason == kind) for kind in ("queued", "resumed", "helpers")}
    return {**counts, "emails": len(emails)}
