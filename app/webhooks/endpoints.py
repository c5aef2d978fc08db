"""HTTP routes for webhook endpoints and their delivery log."""

from typing import Annotated

from fastapi import Depends, Response, status

from app.deps import SessionDep, SettingsDep, TenantDep
from app.errors import problems
from app.kit.pagination import Page, PageParams, make_page, page_params
from app.kit.routing import ResourceRouter
from app.webhooks import service
from app.webhooks.schemas import (WebhookDeliveryOut, WebhookEndpointCreate, WebhookEndpointOut,
                                  WebhookEndpointUpdate, WebhookEndpointWithSecret)

router = ResourceRouter(prefix="/v1/webhook-endpoints", tags=["webhooks"])


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(422))
async def create_webhook_endpoint(body: WebhookEndpointCreate, session: SessionDep, tenant_id: TenantDep,
                                  settings: SettingsDep) -> WebhookEndpointWithSecret:
    """The answer holds the signing secret; it is not shown again (rotate it if lost)."""
    endpoint = await service.create_endpoint(session, tenant_id=tenant_id, data=body,
                                             allow_private_urls=settings.webhook_allow_private_urls)
    return WebhookEndpointWithSecret.of(endpoint)


@router.get("", responses=problems(422))
async def list_webhook_endpoints(session: SessionDep, tenant_id: TenantDep,
                                 page: Annotated[PageParams, Depends(page_params)]) -> Page[WebhookEndpointOut]:
    """Webhook endpoints, a page at a time (their secrets are not shown)."""
    rows = await service.list_endpoints(session, tenant_id=tenant_id, page=page)
    return make_page(rows, page, WebhookEndpointOut.of)


@router.get("/{endpoint_id}", responses=problems(404))
async def get_webhook_endpoint(endpoint_id: str, session: SessionDep, tenant_id: TenantDep) -> WebhookEndpointOut:
    """One webhook endpoint (its secret is not shown)."""
    return WebhookEndpointOut.of(await service.get_endpoint(session, tenant_id=tenant_id, endpoint_id=endpoint_id))


@router.patch("/{endpoint_id}", responses=problems(404, 422))
async def update_webhook_endpoint(endpoint_id: str, body: WebhookEndpointUpdate, session: SessionDep,
                                  tenant_id: TenantDep, settings: SettingsDep) -> WebhookEndpointOut:
    """Change an endpoint's URL, events, description or state (only the fields sent)."""
    endpoint = await service.update_endpoint(session, tenant_id=tenant_id, endpoint_id=endpoint_id, data=body,
                                             allow_private_urls=settings.webhook_allow_private_urls)
    return WebhookEndpointOut.of(endpoint)


@router.delete("/{endpoint_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(404))
async def delete_webhook_endpoint(endpoint_id: str, session: SessionDep, tenant_id: TenantDep) -> Response:
    """Deletes the endpoint and its delivery log."""
    await service.delete_endpoint(session, tenant_id=tenant_id, endpoint_id=endpoint_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{endpoint_id}/rotate-secret", responses=problems(404))
async def rotate_webhook_secret(endpoint_id: str, session: SessionDep, tenant_id: TenantDep) -> WebhookEndpointWithSecret:
    """A new signing secret, shown once; the old one signs nothing from now on."""
    endpoint = await service.rotate_secret(session, tenant_id=tenant_id, endpoint_id=endpoint_id)
    return WebhookEndpointWithSecret.of(endpoint)


@router.get("/{endpoint_id}/deliveries", responses=problems(404, 422))
async def list_webhook_deliveries(endpoint_id: str, session: SessionDep, tenant_id: TenantDep,
                                  page: Annotated[PageParams, Depends(page_params)]) -> Page[WebhookDeliveryOut]:
    """Every attempt to deliver an event to this endpoint, newest first."""
    rows = await service.list_deliveries(session, tenant_id=tenant_id, endpoint_id=endpoint_id, page=page)
    return make_page(rows, page, WebhookDeliveryOut.of)


@router.post("/{endpoint_id}/deliveries/{delivery_id}/retry", status_code=status.HTTP_202_ACCEPTED,
             responses=problems(404, 409))
async def retry_webhook_delivery(endpoint_id: str, delivery_id: str, session: SessionDep,
                                 tenant_id: TenantDep) -> WebhookDeliveryOut:
    """Send the delivery's event again now, as a new attempt. 409 while an attempt of that event is
    pending, or when the endpoint is disabled."""
    row = await service.retry_delivery(session, tenant_id=tenant_id, endpoint_id=endpoint_id,
                                       delivery_id=delivery_id)
    return WebhookDeliveryOut.of(row)
