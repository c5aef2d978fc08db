"""Request-scoped dependencies: the session (committed by this dependency, never by a service)
and the authenticated tenant."""

import uuid
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.queue import unit_of_work
from app.tenants.service import authenticate


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with unit_of_work(request.app.state.sessionmaker, request.app.state.redis) as session:
        yield session


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
