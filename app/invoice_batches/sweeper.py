"""The sweeper: PostgreSQL is the record of every batch, Redis only its queue. Every few seconds it
queues scheduled batches whose time has come (their job may have been lost with Redis) and resumes
running batches whose worker stopped beating (killed mid-run), queues again emails whose job was
lost, and purges old idempotency keys."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db import session_scope
from app.delivery import outbox
from app.models import IdempotencyKey, InvoiceBatch

RUN_TASK = "run_invoice_batch"
STALE_AFTER = timedelta(seconds=60)
IDEMPOTENCY_RETENTION = timedelta(hours=48)


async def sweep(sessionmaker: async_sessionmaker[AsyncSession], redis, *, stale_after: timedelta = STALE_AFTER) -> dict:
    now = datetime.now(UTC)
    async with session_scope(sessionmaker) as session:
        due = (await session.scalars(select(InvoiceBatch.id).where(
            InvoiceBatch.status == "scheduled", InvoiceBatch.run_at <= now))).all()
        stalled = (await session.execute(select(InvoiceBatch.id, InvoiceBatch.runs).where(
            InvoiceBatch.status == "running", InvoiceBatch.heartbeat_at < now - stale_after))).all()
        await session.execute(delete(IdempotencyKey).where(IdempotencyKey.created_at < now - IDEMPOTENCY_RETENTION))
        emails = await outbox.pending_rows(session, older_than=outbox.LOST_AFTER)
    for batch_id in due:
        # Same job id as the original: arq ignores it while that job is still queued.
        await redis.enqueue_job(RUN_TASK, str(batch_id), _job_id=str(batch_id))
    for batch_id, runs in stalled:
        # A fresh id: the dead worker's job may still be marked in progress.
        await redis.enqueue_job(RUN_TASK, str(batch_id), _job_id=f"{batch_id}:resume:{runs}")
    for outbox_id in emails:
        # A row still pending is re-checked under its lock: queueing it twice never sends it twice.
        await redis.enqueue_job(outbox.SEND_TASK, str(outbox_id), _job_id=f"email:{outbox_id}:{now:%Y%m%d%H%M}")
    return {"queued": len(due), "resumed": len(stalled), "emails": len(emails)}
