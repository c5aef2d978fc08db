"""Idempotency-Key (SPEC §4.1, §10): the first answer to a request sent with a key is kept; the same
key with the same request answers it again and creates nothing, with another request is a 409."""

import hashlib
import json
import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Header
from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Conflict
from app.models import IdempotencyKey

# The header, as every endpoint that honours it takes it: printable ASCII, 1 to 255 characters.
IdempotencyKeyHeader = Annotated[str | None, Header(alias="Idempotency-Key", min_length=1, max_length=255,
                                                    pattern=r"^[\x21-\x7e]+$")]


def request_digest(operation: str, **parts) -> str:
    """What an Idempotency-Key is bound to: the operation and what identifies the request (its
    path's ids, its body as JSON), so that a key reused for anything else is told apart."""
    canonical = json.dumps({"operation": operation, **parts}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


async def claim(session: AsyncSession, *, tenant_id: uuid.UUID, key: str, digest: str,
                reused: str) -> IdempotencyKey | None:
    """Claims `key` for this request (None: go on, then `remember` the answer), or the stored first
    answer of the same request. The insert waits on a concurrent request with the same key until it
    commits. `reused`: the 409's message when the key was used with another request."""
    claimed = await session.scalar(
        insert(IdempotencyKey).values(tenant_id=tenant_id, key=key, request_hash=digest, response_status=0,
                                      response_body={})
        .on_conflict_do_nothing().returning(IdempotencyKey.key))
    if claimed is not None:
        return None
    stored = await session.get(IdempotencyKey, (tenant_id, key))
    if stored.request_hash != digest:
        raise Conflict(reused, code="idempotency_key_reused")
    return stored


async def remember(session: AsyncSession, *, tenant_id: uuid.UUID, key: str, status: int, body: dict) -> None:
    await session.execute(update(IdempotencyKey).where(IdempotencyKey.tenant_id == tenant_id,
                                                       IdempotencyKey.key == key)
                          .values(response_status=status, response_body=body))


async def answer_once(session: AsyncSession, *, tenant_id: uuid.UUID, key: str | None, digest: str, status: int,
                      make: Callable[[], Awaitable[dict]]) -> tuple[int, dict]:
    """(HTTP status, body): what `make` creates and answers, or, for a key already used by the same
    request, its first answer (nothing is made again)."""
    if key is not None and (stored := await claim(session, tenant_id=tenant_id, key=key, digest=digest,
                                                  reused="This Idempotency-Key was used with another request.")):
        return stored.response_status, stored.response_body
    body = await make()
    if key is not None:
        await remember(session, tenant_id=tenant_id, key=key, status=status, body=body)
    return status, body
