"""Console sessions: opened by pasting an API key, kept server-side, ended by signing out, by
`idle` without a request, or by revoking the key.

The browser holds a random token; the table holds its SHA-256 only. The CSRF token of a session is
an HMAC of its token: a page can print it, a form must send it back, and another site can neither
read nor compute it. Services never commit; the request's session does."""

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import ApiKey, ConsoleSession

# A request refreshes last_seen_at at most this often: the progress bar polls every second or two,
# and the idle expiry is counted in hours.
TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class SignedIn:
    session_id: uuid.UUID
    tenant_id: uuid.UUID
    token: str

    @property
    def csrf_token(self) -> str:
        return csrf_token_of(self.token)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def csrf_token_of(secret: str) -> str:
    return hmac.new(secret.encode(), b"rebill-console-csrf", hashlib.sha256).hexdigest()


def csrf_valid(secret: str, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(csrf_token_of(secret), sent)


async def open_session(session: AsyncSession, *, tenant_id: uuid.UUID, api_key_id: uuid.UUID,
                       idle: timedelta) -> SignedIn:
    # Sessions nobody came back to would stay forever: each sign-in clears the expired ones (a
    # small table, signed into rarely).
    await session.execute(delete(ConsoleSession).where(ConsoleSession.last_seen_at < datetime.now(UTC) - idle))
    token = secrets.token_urlsafe(32)
    row = ConsoleSession(tenant_id=tenant_id, api_key_id=api_key_id, token_hash=_hash(token))
    session.add(row)
    await session.flush()
    return SignedIn(session_id=row.id, tenant_id=tenant_id, token=token)


async def find_session(session: AsyncSession, *, token: str, idle: timedelta) -> SignedIn | None:
    """The live session of this token (its key still active, used within `idle`), refreshed; an
    expired one is deleted."""
    now = datetime.now(UTC)
    row = (await session.execute(
        select(ConsoleSession.id, ConsoleSession.tenant_id, ConsoleSession.last_seen_at)
        .join(ApiKey, ApiKey.id == ConsoleSession.api_key_id)
        .where(ConsoleSession.token_hash == _hash(token), ApiKey.revoked_at.is_(None)))).first()
    if row is None:
        return None
    if row.last_seen_at + idle < now:
        await session.execute(delete(ConsoleSession).where(ConsoleSession.id == row.id))
        return None
    if row.last_seen_at + TOUCH_EVERY < now:
        await session.execute(update(ConsoleSession).where(ConsoleSession.id == row.id).values(last_seen_at=now))
    return SignedIn(session_id=row.id, tenant_id=row.tenant_id, token=token)


async def close_session(session: AsyncSession, *, token: str) -> None:
    await session.execute(delete(ConsoleSession).where(ConsoleSession.token_hash == _hash(token)))
