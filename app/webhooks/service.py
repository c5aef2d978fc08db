"""Webhook endpoints (create with a secret shown once, read, update, delete, rotate the secret),
their delivery log and manual retries, and `emit_event`, which records an event and its first
delivery attempts in the caller's transaction. Services never commit."""

import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from decimal import Decimal

from fastapi.encoders import jsonable_encoder
from sqlalchemy import Select, any_, delete, func, literal, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Conflict, InvalidInput, NotFound
from app.kit.ids import new_id, parse_id
from app.kit.money import format_decimal
from app.kit.pagination import PageParams
from app.kit.repository import apply_changes, fetch_page, get_owned, page_query
from app.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from app.webhooks.delivery import queue_attempt
from app.webhooks.schemas import EVENT_TYPES, WebhookEndpointCreate, WebhookEndpointUpdate
from app.webhooks.signing import new_secret
from app.webhooks.urls import UnsafeUrl, check_url


async def _check_url(url: str, *, allow_private_urls: bool) -> None:
    try:
        await check_url(url, allow_private=allow_private_urls)
    except UnsafeUrl as exc:
        raise InvalidInput.field("url", str(exc), code="url_not_allowed") from None


async def create_endpoint(session: AsyncSession, *, tenant_id: uuid.UUID, data: WebhookEndpointCreate,
                          allow_private_urls: bool) -> WebhookEndpoint:
    await _check_url(data.url, allow_private_urls=allow_private_urls)
    endpoint = WebhookEndpoint(tenant_id=tenant_id, secret=new_secret(), **data.model_dump())
    session.add(endpoint)
    await session.flush()
    return endpoint


async def list_endpoints(session: AsyncSession, *, tenant_id: uuid.UUID, page: PageParams) -> list[WebhookEndpoint]:
    stmt = select(WebhookEndpoint).where(WebhookEndpoint.tenant_id == tenant_id)
    return await fetch_page(session, stmt, WebhookEndpoint, page)


async def get_endpoint(session: AsyncSession, *, tenant_id: uuid.UUID, endpoint_id: str,
                       for_update: bool = False) -> WebhookEndpoint:
    return await get_owned(session, WebhookEndpoint, tenant_id, endpoint_id, for_update=for_update)


async def update_endpoint(session: AsyncSession, *, tenant_id: uuid.UUID, endpoint_id: str,
                          data: WebhookEndpointUpdate, allow_private_urls: bool) -> WebhookEndpoint:
    endpoint = await get_endpoint(session, tenant_id=tenant_id, endpoint_id=endpoint_id, for_update=True)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("url") is not None:
        await _check_url(changes["url"], allow_private_urls=allow_private_urls)
    apply_changes(endpoint, changes, not_null=("url", "events", "enabled"))
    await session.flush()
    return endpoint


async def delete_endpoint(session: AsyncSession, *, tenant_id: uuid.UUID, endpoint_id: str) -> None:
    """Its delivery log goes with it (ON DELETE CASCADE); a job still queued finds nothing to do."""
    endpoint = await get_endpoint(session, tenant_id=tenant_id, endpoint_id=endpoint_id)
    await session.execute(delete(WebhookEndpoint).where(WebhookEndpoint.id == endpoint.id))


async def rotate_secret(session: AsyncSession, *, tenant_id: uuid.UUID, endpoint_id: str) -> WebhookEndpoint:
    """From the commit on, every attempt (pending retries included) is signed with the new secret."""
    endpoint = await get_endpoint(session, tenant_id=tenant_id, endpoint_id=endpoint_id, for_update=True)
    endpoint.secret = new_secret()
    await session.flush()
    return endpoint


def _deliveries() -> Select:
    """Delivery rows with their event's type, as the delivery log shows them."""
    return (select(*WebhookDelivery.__table__.c, WebhookEvent.type.label("event_type"))
            .join(WebhookEvent, WebhookEvent.id == WebhookDelivery.event_id))


async def list_deliveries(session: AsyncSession, *, tenant_id: uuid.UUID, endpoint_id: str,
                          page: PageParams) -> list:
    """Newest first: the latest attempts are the ones a developer looks for."""
    endpoint = await get_endpoint(session, tenant_id=tenant_id, endpoint_id=endpoint_id)
    stmt = _deliveries().where(WebhookDelivery.endpoint_id == endpoint.id)
    return list((await session.execute(page_query(stmt, WebhookDelivery, page, newest_first=True))).all())


async def retry_delivery(session: AsyncSession, *, tenant_id: uuid.UUID, endpoint_id: str, delivery_id: str):
    """A new attempt of the delivery's event to this endpoint, due now, queued after commit."""
    endpoint = await get_endpoint(session, tenant_id=tenant_id, endpoint_id=endpoint_id, for_update=True)
    parsed = parse_id(delivery_id)
    event_id = None if parsed is None else await session.scalar(select(WebhookDelivery.event_id).where(
        WebhookDelivery.id == parsed, WebhookDelivery.endpoint_id == endpoint.id))
    if event_id is None:
        raise NotFound(f"No webhook delivery {delivery_id}.")
    if not endpoint.enabled:
        raise Conflict("The webhook endpoint is disabled; enable it before retrying.", code="webhook_endpoint_disabled")
    pair = (WebhookDelivery.endpoint_id == endpoint.id, WebhookDelivery.event_id == event_id)
    if await session.scalar(select(WebhookDelivery.id).where(*pair, WebhookDelivery.status == "pending")):
        raise Conflict("An attempt of this event to this endpoint is already pending.", code="delivery_pending")
    last = await session.scalar(select(func.max(WebhookDelivery.attempt)).where(*pair))
    retry = WebhookDelivery(tenant_id=tenant_id, endpoint_id=endpoint.id, event_id=event_id, attempt=last + 1,
                            next_attempt_at=datetime.now(UTC))
    session.add(retry)
    try:
        await session.flush()
    except IntegrityError:  # a concurrent retry won (one pending attempt per pair, enforced by an index)
        raise Conflict("An attempt of this event to this endpoint is already pending.", code="delivery_pending") from None
    queue_attempt(session, event_id=event_id, endpoint_id=endpoint.id, attempt=retry.attempt)
    return (await session.execute(_deliveries().where(WebhookDelivery.id == retry.id))).one()


async def subscribers(session: AsyncSession, *, tenant_id: uuid.UUID, type: str) -> list[uuid.UUID]:
    """The tenant's enabled endpoints that subscribe to `type`."""
    if type not in EVENT_TYPES:
        raise ValueError(f"unknown webhook event type {type!r}")
    return list((await session.scalars(select(WebhookEndpoint.id).where(
        WebhookEndpoint.tenant_id == tenant_id, WebhookEndpoint.enabled,
        literal(type) == any_(WebhookEndpoint.events)))).all())


async def emit_event(session: AsyncSession, *, tenant_id: uuid.UUID, type: str,
                     data: dict | Callable[[], Awaitable[dict]]) -> None:
    """Record that `type` happened, with `data` as the event's body, for every enabled endpoint of
    the tenant that subscribes to it, and queue their first attempts once the caller's transaction
    commits (nothing is sent if it rolls back). One cheap query when nobody subscribes; `data` may
    be a coroutine function, then called only when someone does (a batch emits per invoice)."""
    endpoint_ids = await subscribers(session, tenant_id=tenant_id, type=type)
    if not endpoint_ids:
        return
    if callable(data):
        data = await data()
    now = datetime.now(UTC)
    event_id = f"evt_{new_id().hex}"
    payload = {"id": event_id, "type": type, "created": now.isoformat(timespec="seconds"),
               # Decimal stays an exact string (SPEC: no float ever touches an amount).
               "data": jsonable_encoder(data, custom_encoder={Decimal: format_decimal})}
    session.add(WebhookEvent(id=event_id, tenant_id=tenant_id, type=type, payload=payload, created_at=now))
    await session.flush()
    session.add_all([WebhookDelivery(tenant_id=tenant_id, endpoint_id=endpoint_id, event_id=event_id, attempt=1,
                                     next_attempt_at=now) for endpoint_id in endpoint_ids])
    await session.flush()
    for endpoint_id in endpoint_ids:
        queue_attempt(session, event_id=event_id, endpoint_id=endpoint_id, attempt=1)
