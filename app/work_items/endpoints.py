"""HTTP routes for work items."""

import uuid
from typing import Annotated

from fastapi import Depends, Response, status

from app.deps import SessionDep, TenantDep
from app.errors import problems
from app.kit.bulk import BulkResult
from app.kit.pagination import FilterText, Page, PageParams, make_page, page_params
from app.kit.repository import get_owned
from app.kit.routing import ResourceRouter
from app.models import WorkItem
from app.work_items import service
from app.work_items.schemas import WorkItemBulk, WorkItemCreate, WorkItemOut, WorkItemType, WorkItemUpdate

router = ResourceRouter(prefix="/v1/work-items", tags=["work-items"])


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(409, 422))
async def create_work_item(body: WorkItemCreate, session: SessionDep, tenant_id: TenantDep) -> WorkItemOut:
    return WorkItemOut.of(await service.create_work_item(session, tenant_id=tenant_id, data=body))


@router.get("", responses=problems(422))
async def list_work_items(session: SessionDep, tenant_id: TenantDep,
                          page: Annotated[PageParams, Depends(page_params)],
                          customer_id: uuid.UUID | None = None, type: WorkItemType | None = None,
                          external_id: FilterText = None) -> Page[WorkItemOut]:
    rows = await service.list_work_items(session, tenant_id=tenant_id, page=page, customer_id=customer_id,
                                         type=type, external_id=external_id)
    return make_page(rows, page, WorkItemOut.of)


@router.post("/bulk", responses=problems(409, 413, 422))
async def bulk_upsert_work_items(body: WorkItemBulk, session: SessionDep, tenant_id: TenantDep) -> BulkResult:
    return await service.bulk_upsert_work_items(session, tenant_id=tenant_id, data=body)


@router.get("/{work_item_id}", responses=problems(404))
async def get_work_item(work_item_id: str, session: SessionDep, tenant_id: TenantDep) -> WorkItemOut:
    return WorkItemOut.of(await get_owned(session, WorkItem, tenant_id, work_item_id, label="work item"))


@router.patch("/{work_item_id}", responses=problems(404, 409, 422))
async def update_work_item(work_item_id: str, body: WorkItemUpdate, session: SessionDep,
                           tenant_id: TenantDep) -> WorkItemOut:
    return WorkItemOut.of(await service.update_work_item(session, tenant_id=tenant_id, work_item_id=work_item_id,
                                                         data=body))


@router.delete("/{work_item_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(404, 409))
async def delete_work_item(work_item_id: str, session: SessionDep, tenant_id: TenantDep) -> Response:
    await service.delete_work_item(session, tenant_id=tenant_id, work_item_id=work_item_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
