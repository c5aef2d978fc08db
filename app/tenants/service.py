"""Tenants and API keys: creation, authentication, revocation.

A key reads `rbk_<prefix>_<secret>`. The prefix finds the row; only a SHA-256 of the secret is
stored (the secret is 256 random bits, so a slow hash would add nothing but latency)."""

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import Reads
from app.errors import NotFound, Unauthorized
from app.kit.ids import parse_id
from app.kit.repository import DriverQuery
from app.models import ApiKey, ConsoleSession, Tenant, TenantSettings
from app.tenants.verified_keys import CHANNEL

KEY_PREFIX = "rbk_"


@dataclass(frozen=True)
class IssuedKey:
    id: uuid.UUID
    tenant_id: uuid.UUID
    key: str


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


async def create_tenant(session: AsyncSession, *, name: str) -> tuple[Tenant, IssuedKey]:
    tenant = Tenant(name=name)
    session.add(tenant)
    await session.flush()
    session.add(TenantSettings(tenant_id=tenant.id, legal_name=name))
    key = await create_key(session, tenant_id=tenant.id)
    return tenant, key


async def create_key(session: AsyncSession, *, tenant_id: uuid.UUID) -> IssuedKey:
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    row = ApiKey(tenant_id=tenant_id, prefix=prefix, secret_hash=_hash(secret))
    session.add(row)
    await session.flush()
    return IssuedKey(id=row.id, tenant_id=tenant_id, key=f"{KEY_PREFIX}{prefix}_{secret}")


async def find_tenant(session: AsyncSession, *, id_or_name: str) -> Tenant:
    tenant_id = parse_id(id_or_name)
    if tenant_id is not None:
        tenant = await session.get(Tenant, tenant_id)
        if tenant is not None:
            return tenant
    rows = (await session.scalars(select(Tenant).where(Tenant.name == id_or_name))).all()
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        raise NotFound(f"Several tenants are named {id_or_name!r}: use the tenant id.")
    raise NotFound(f"No tenant {id_or_name!r}.")


async def revoke_key(session: AsyncSession, *, key_id: str) -> None:
    parsed = parse_id(key_id)
    result = None
    if parsed is not None:
        result = await session.execute(
            update(ApiKey).where(ApiKey.id == parsed, ApiKey.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC)).returning(ApiKey.id))
    if result is None or result.first() is None:
        raise NotFound(f"No active API key {key_id!r}.")
    # The console's sessions opened with the key end with it (SPEC §13).
    await session.execute(delete(ConsoleSession).where(ConsoleSession.api_key_id == parsed))
    # Delivered at commit to every API process, which then forgets the keys it had verified.
    await session.execute(select(func.pg_notify(CHANNEL, str(parsed))))


_KEY_BY_PREFIX = DriverQuery(select(ApiKey.id, ApiKey.tenant_id, ApiKey.secret_hash)
                             .where(ApiKey.prefix == bindparam("prefix"), ApiKey.revoked_at.is_(None)))


@dataclass(frozen=True)
class VerifiedKey:
    id: uuid.UUID
    tenant_id: uuid.UUID


async def verify_key(reads: Reads, *, key: str) -> VerifiedKey | None:
    """The active key `key` is (its id and tenant), or None for an unknown, revoked or malformed one.
    The API (a Bearer header) and the console's sign-in (a pasted key) both verify keys here."""
    key = key.strip()
    if not key.startswith(KEY_PREFIX):
        return None
    prefix, _, secret = key[len(KEY_PREFIX):].partition("_")
    row = await _KEY_BY_PREFIX.fetchrow(reads, prefix=prefix)
    if row is None or not hmac.compare_digest(row["secret_hash"], _hash(secret)):
        return None
    return VerifiedKey(id=row["id"], tenant_id=row["tenant_id"])


async def authenticate(reads: Reads, *, authorization: str | None) -> uuid.UUID:
    """The tenant of a `Bearer` key, read from the database; revoked or unknown keys are refused."""
    scheme, _, token = (authorization or "").strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token.startswith(KEY_PREFIX):
        raise Unauthorized("Send `Authorization: Bearer <api key>`.", code="unauthorized",
                           headers={"WWW-Authenticate": "Bearer"})
    verified = await verify_key(reads, key=token)
    if verified is None:
        raise Unauthorized("The API key is unknown or revoked.", code="invalid_api_key",
                           headers={"WWW-Authenticate": "Bearer"})
    return verified.tenant_id
