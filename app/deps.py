"""Request-scoped dependencies: the session (committed by this dependency, never by a service)
and the authenticated tenant."""

import uuid
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db import session_scope
from app.queue import flush_jobs
from app.tenants.service import authenticate


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with session_scope(request.app.state.sessionmaker) as session:
        yield session
    await flush_jobs(session, request.app.state.redis)


# scope="function": the commit happens before the response leaves, so a 2xx means "stored".
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def get_tenant_id(
    session: SessionDep,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> uuid.UUID:
    return await authenticate(session, authorization=authorization)


TenantDep = Annotated[uuid.UUID, Depends(get_tenant_id, scope="function")]


def get_app_settings(request: Request) -> Settings:
    """The settings the app was created with (tests build apps with their own)."""
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
