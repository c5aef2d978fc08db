"""HTTP routes for work items."""

import uuid
from typing import Annotated

from fastapi import Depends, Response, status

from app.deps import SessionDep, TenantDep
from app.errors import problems
from app.kit.bulk import BulkResult, OnErrorQuery
from app.kit.json_answers import JSONText
from app.kit.pagination import FilterText, Page, PageParams, make_page, page_params
from app.kit.repository import get_owned
from app.kit.routing import ResourceRouter
from app.models import WorkItem
from app.work_items import service
from app.work_items.schemas import WorkItemBulk, WorkItemCreate, WorkItemOut, WorkItemType, WorkItemUpdate

router = ResourceRouter(prefix="/v1/work-items", tags=["work-items"])


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(409, 422))
async def create_work_item(body: WorkItemCreate, session: SessionDep, tenant_id: TenantDep) -> WorkItemOut:
    """Create a work item (a ticket, work order, delivery note, business order or contract) of one
    customer; its `reference` is printed on invoice lines."""
    return WorkItemOut.of(await service.create_work_item(session, tenant_id=tenant_id, data=body))


@router.get("", responses=problems(422))
async def list_work_items(session: SessionDep, tenant_id: TenantDep,
                          page: Annotated[PageParams, Depends(page_params)],
                          customer_id: uuid.UUID | None = None, type: WorkItemType | None = None,
                          external_id: FilterText = None) -> Page[WorkItemOut]:
    """Work items in creation order, a page at a time, optionally filtered by customer, type or
    external id."""
    rows = await service.list_work_items(session, tenant_id=tenant_id, page=page, customer_id=customer_id,
                                         type=type, external_id=external_id)
    return make_page(rows, page, WorkItemOut.of)


@router.post("/bulk", responses=problems(409, 413, 422))
async def bulk_upsert_work_items(body: WorkItemBulk, session: SessionDep, tenant_id: TenantDep,
                                 on_error: OnErrorQuery = "reject") -> BulkResult:
    """Create or update up to 10,000 work items keyed by `external_id`, in one transaction. Each names
    its customer by `customer_id` or `customer_external_id`, not both. The answer gives each item's
    id and result in order. One bad item rejects the whole push unless `on_error=skip`, which stores
    the valid items and answers the bad ones in place with their errors."""
    return JSONText(await service.bulk_upsert_work_items(session, tenant_id=tenant_id, data=body, on_error=on_error))


@router.get("/{work_item_id}", responses=problems(404))
async def get_work_item(work_item_id: str, session: SessionDep, tenant_id: TenantDep) -> WorkItemOut:
    """One work item."""
    return WorkItemOut.of(await get_owned(session, WorkItem, tenant_id, work_item_id, label="work item"))


@router.patch("/{work_item_id}", responses=problems(404, 409, 422))
async def update_work_item(work_item_id: str, body: WorkItemUpdate, session: SessionDep,
                           tenant_id: TenantDep) -> WorkItemOut:
    """Change some of a work item's fields (only those sent); null clears external_id or title."""
    return WorkItemOut.of(await service.update_work_item(session, tenant_id=tenant_id, work_item_id=work_item_id,
                                                         data=body))


@router.delete("/{work_item_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(404, 409))
async def delete_work_item(work_item_id: str, session: SessionDep, tenant_id: TenantDep) -> Response:
    """Delete a work item; 409 while it has time entries."""
    await service.delete_work_item(session, tenant_id=tenant_id, work_item_id=work_item_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
