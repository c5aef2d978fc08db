"""arq tasks: thin wrappers that open sessions, call a service and return JSON. Ids in, JSON out.
Every task is safe to run twice: the state it acts on lives in PostgreSQL and is re-checked."""

import logging
import uuid
from typing import Any

import structlog
from arq import Retry
from sqlalchemy import text

from app.config import get_settings
from app.delivery import outbox
from app.exports import service as exports
from app.invoice_batches import runner, sweeper
from app.invoices import documents
from app.webhooks import delivery

log = logging.getLogger("rebill.batches")


async def ping(ctx: dict[str, Any]) -> dict[str, Any]:
    """Round trip through the queue and the database: proves a worker is consuming and connected."""
    async with ctx["sessionmaker"]() as session:
        database = await session.scalar(text("SELECT current_database()"))
    return {"pong": True, "database": database}


# Batches this process is running: one run per batch per process, so that the helper runs of a
# large batch land on other workers (SPEC §8, fan-out).
_RUNNING_HERE: set[str] = set()
# How often a run job that found its batch already running in this process, or the process full,
# goes back to the queue hoping for another worker, before it gives up (the sweeper queues another
# if the batch still needs one), and how long it waits each time. Whichever worker polls first takes
# it again: with a second apart, a batch of a few seconds often ended before an idle worker got its
# helper run; a fifth of a second gives the idle worker many chances within the first second.
BOUNCES = 40
BOUNCE_DELAY_SECONDS = 0.2


def runs_per_process(pool_size: int) -> int:
    """Batch runs one worker process takes at once: each holds LANES + 1 connections of the
    process's pool (pool_size, and as many again in overflow), and other jobs need some too."""
    return max(1, (2 * pool_size) // (runner.LANES + 2))


async def run_invoice_batch(ctx: dict[str, Any], batch_id: str) -> dict[str, Any]:
    busy = len(_RUNNING_HERE) >= runs_per_process(get_settings().db_pool_size)
    if batch_id in _RUNNING_HERE or busy:
        if ctx.get("job_try", 1) < BOUNCES:
            raise Retry(defer=BOUNCE_DELAY_SECONDS)
        return {"batch_id": batch_id, "status": "running here" if not busy else "worker busy"}
    _RUNNING_HERE.add(batch_id)
    try:
        with structlog.contextvars.bound_contextvars(batch_id=batch_id, job_id=ctx.get("job_id")):
            result = await runner.run_batch(ctx["sessionmaker"], uuid.UUID(batch_id), ctx["mailer"], ctx["redis"])
    except Exception as exc:  # noqa: BLE001  (PostgreSQL gone before the run had a slot: the sweeper resumes it)
        log.warning("invoice batch run stopped: %r", exc, extra={"batch_id": batch_id})
        return {"batch_id": batch_id, "status": "interrupted", "error": repr(exc)[:500]}
    finally:
        _RUNNING_HERE.discard(batch_id)
    if result["status"] in {"succeeded", "completed_with_errors", "failed", "cancelled"}:  # the batch is over
        # The PDFs of the invoices the batch validated without sending them, rendered apart so the
        # batch's status does not wait for them.
        await ctx["redis"].enqueue_job("render_invoice_pdfs", batch_id, _job_id=f"pdfs:{batch_id}")
    return result


async def send_email(ctx: dict[str, Any], outbox_id: str) -> dict[str, Any]:
    status = await outbox.deliver(ctx["sessionmaker"], uuid.UUID(outbox_id), ctx["mailer"], redis=ctx.get("redis"))
    return {"outbox_id": outbox_id, "status": status}


async def render_invoice_pdfs(ctx: dict[str, Any], batch_id: str | None = None,
                              invoice_id: str | None = None) -> dict[str, Any]:
    """Store the PDF of validated invoices that have none yet: one invoice, or a batch's."""
    rendered = await documents.render_missing(ctx["sessionmaker"],
                                              batch_id=uuid.UUID(batch_id) if batch_id else None,
                                              invoice_id=uuid.UUID(invoice_id) if invoice_id else None)
    return {"rendered": rendered}


async def sweep(ctx: dict[str, Any]) -> dict[str, Any]:
    """Queue again what PostgreSQL says should be running: due scheduled batches and running batches
    that no live run holds, webhook attempts and exports whose job was lost; purge old webhook events."""
    batches = await sweeper.sweep(ctx["sessionmaker"], ctx["redis"],
                                  max_parallel=get_settings().batch_max_parallel_runs)
    webhook_attempts = await delivery.requeue_lost_deliveries(ctx["sessionmaker"], ctx["redis"])
    webhook_events = await delivery.purge_old_events(ctx["sessionmaker"])
    exports_requeued = await exports.requeue_lost(ctx["sessionmaker"], ctx["redis"])
    return {**batches, "webhook_attempts_requeued": webhook_attempts, "webhook_events_purged": webhook_events,
            "exports_requeued": exports_requeued}


async def deliver_webhook(ctx: dict[str, Any], event_id: str, endpoint_id: str) -> dict[str, Any]:
    """One attempt of one event to one endpoint; raises arq's Retry when another is scheduled."""
    return await delivery.deliver(ctx["sessionmaker"], ctx["http"], event_id=event_id,
                                  endpoint_id=uuid.UUID(endpoint_id),
                                  allow_private_urls=get_settings().webhook_allow_private_urls)


async def write_export(ctx: dict[str, Any], export_id: str) -> dict[str, Any]:
    """Write a pending export's file (SPEC §12), streamed in chunks into PostgreSQL."""
    return {"export_id": export_id, "status": await exports.write_file(ctx["sessionmaker"], uuid.UUID(export_id))}
