"""Request-scoped dependencies: the session (committed by this dependency, never by a service),
a bare connection for routes that only read, and the authenticated tenant."""

import uuid
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db import Reads
from app.queue import unit_of_work
from app.tenants.service import authenticate


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with unit_of_work(request.app.state.sessionmaker, request.app.state.redis) as session:
        yield session


# scope="function": the commit happens before the response leaves, so a 2xx means "stored".
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def get_reads(request: Request) -> Reads:
    """For routes that only read (see Reads); their queries are the repository's DriverQuery
    statements."""
    return request.app.state.reads


ReadDep = Annotated[Reads, Depends(get_reads)]


async def get_tenant_id(request: Request) -> uuid.UUID:
    """The key's tenant: from the keys this process verified lately (see app/tenants/verified_keys.py),
    else read on a connection taken for that query alone. The header is read from the request: as a
    `Header` parameter FastAPI would validate it on every request (a tenth of a single-row read)."""
    authorization = request.headers.get("authorization")
    keys = request.app.state.verified_keys
    if authorization and (tenant_id := keys.tenant_of(authorization)) is not None:
        return tenant_id
    generation = keys.generation
    tenant_id = await authenticate(request.app.state.reads, authorization=authorization)
    keys.remember(authorization, tenant_id, generation=generation)
    return tenant_id


TenantDep = Annotated[uuid.UUID, Depends(get_tenant_id, scope="function")]


async def get_app_settings(request: Request) -> Settings:
    """The settings the app was created with (tests build apps with their own). `async` so that
    FastAPI does not run it in its thread pool."""
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
