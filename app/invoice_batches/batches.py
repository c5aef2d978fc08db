"""Invoice batches: create (idempotently), read, list, cancel. Services never commit; the job that
runs a batch is queued after the commit, with the batch id as its arq job id."""

import hashlib
import json
import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Conflict
from app.invoice_batches.report import emit_completed
from app.invoice_batches.schemas import InvoiceBatchDefinition, InvoiceBatchOut
from app.kit import idempotency
from app.kit.pagination import CreatedPageParams
from app.invoicing.loading import billing_targets, excluded_targets
from app.kit.repository import fetch_created_page, get_owned, where_given
from app.models import InvoiceBatch
from app.invoice_batches.runner import RUN_TASK
from app.queue import enqueue_after_commit



# Fields added after keys were first stored: left out of the hash while they hold their default, so
# that a request retried across an upgrade still matches the answer stored before it.
_LATER_FIELDS = ("cutoff_date", "include_late_time", "exclude_customer_ids", "invoice_per", "line_grouping")


def request_hash(definition: InvoiceBatchDefinition) -> str:
    body = definition.model_dump(mode="json", by_alias=True)
    for name in _LATER_FIELDS:
        if body[name] == InvoiceBatchDefinition.model_fields[name].get_default(call_default_factory=True):
            del body[name]
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


async def create_batch(session: AsyncSession, *, tenant_id: uuid.UUID, definition: InvoiceBatchDefinition,
                       idempotency_key: str | None) -> dict:
    """The batch resource as JSON; with an Idempotency-Key, the first answer for that key."""
    if idempotency_key is not None and (stored := await idempotency.claim(
            session, tenant_id=tenant_id, key=idempotency_key, digest=request_hash(definition),
            reused="This Idempotency-Key was used with another request body.")):
        return stored.response_body
    # Refuses a foreign or unknown selection (404) or customer id (422 naming it).
    await billing_targets(session, tenant_id=tenant_id, selection_id=definition.selection_id,
                          customer_ids=definition.customer_ids)
    await excluded_targets(session, tenant_id=tenant_id, exclude_customer_ids=definition.exclude_customer_ids)
    now = datetime.now(UTC)
    run_at = max(definition.run_at or now, now)
    values = definition.model_dump(exclude={"run_at"})
    batch = InvoiceBatch(tenant_id=tenant_id, run_at=run_at, run_requested_at=run_at, **values)
    session.add(batch)
    await session.flush()
    body = InvoiceBatchOut.of(batch).model_dump(mode="json", by_alias=True)
    if idempotency_key is not None:
        await idempotency.remember(session, tenant_id=tenant_id, key=idempotency_key, status=202, body=body)
    enqueue_after_commit(session, RUN_TASK, str(batch.id), job_id=str(batch.id),
                         defer_until=run_at if run_at > now else None)
    return body


async def list_batches(session: AsyncSession, *, tenant_id: uuid.UUID, page: CreatedPageParams,
                       status: str | None = None) -> list[InvoiceBatch]:
    stmt = where_given(select(InvoiceBatch).where(InvoiceBatch.tenant_id == tenant_id), (InvoiceBatch.status, status))
    return await fetch_created_page(session, stmt, InvoiceBatch, page)


async def get_batch(session: AsyncSession, *, tenant_id: uuid.UUID, batch_id: str) -> InvoiceBatch:
    return await get_owned(session, InvoiceBatch, tenant_id, batch_id, label="invoice batch")


async def cancel_batch(session: AsyncSession, *, tenant_id: uuid.UUID, batch_id: str) -> InvoiceBatch:
    batch = await get_owned(session, InvoiceBatch, tenant_id, batch_id, for_update=True, label="invoice batch")
    if batch.status != "scheduled":
        raise Conflict(f"The batch is {batch.status}; only a batch that has not started can be cancelled.",
                       code="batch_not_cancellable")
    batch.status = "cancelled"
    batch.finished_at = datetime.now(UTC)
    await session.flush()
    await emit_completed(session, batch)
    return batch


