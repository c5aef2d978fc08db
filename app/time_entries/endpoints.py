"""HTTP routes for time entries."""

import uuid
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Response, status

from app.deps import SessionDep, TenantDep
from app.errors import problems
from app.kit.bulk import BulkResult
from app.kit.pagination import FilterText, Page, PageParams, make_page, page_params
from app.kit.repository import get_owned
from app.kit.routing import ResourceRouter
from app.kit.schemas import EARLIEST_DATE, LATEST_DATE
from app.models import TimeEntry
from app.time_entries import service
from app.time_entries.schemas import TimeEntryBulk, TimeEntryCreate, TimeEntryOut, TimeEntryStatus, TimeEntryUpdate

router = ResourceRouter(prefix="/v1/time-entries", tags=["time-entries"])


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(409, 422))
async def create_time_entry(body: TimeEntryCreate, session: SessionDep, tenant_id: TenantDep) -> TimeEntryOut:
    return TimeEntryOut.of(await service.create_time_entry(session, tenant_id=tenant_id, data=body))


@router.get("", responses=problems(422))
async def list_time_entries(
    session: SessionDep, tenant_id: TenantDep, page: Annotated[PageParams, Depends(page_params)],
    customer_id: uuid.UUID | None = None, work_item_id: uuid.UUID | None = None,
    product_id: uuid.UUID | None = None, status: TimeEntryStatus | None = None, billable: bool | None = None,
    invoiced: Annotated[bool | None, Query(description="true: only invoiced entries; false: only the others")] = None,
    date_from: Annotated[date | None, Query(description="First local date (tenant time zone), inclusive.",
                                            ge=EARLIEST_DATE, le=LATEST_DATE)] = None,
    date_to: Annotated[date | None, Query(description="Last local date (tenant time zone), inclusive.",
                                          ge=EARLIEST_DATE, le=LATEST_DATE)] = None,
    external_id: FilterText = None,
) -> Page[TimeEntryOut]:
    rows = await service.list_time_entries(
        session, tenant_id=tenant_id, page=page, customer_id=customer_id, work_item_id=work_item_id,
        product_id=product_id, status=status, billable=billable, invoiced=invoiced, date_from=date_from,
        date_to=date_to, external_id=external_id)
    return make_page(rows, page, TimeEntryOut.of)


@router.post("/bulk", responses=problems(409, 413, 422))
async def bulk_upsert_time_entries(body: TimeEntryBulk, session: SessionDep, tenant_id: TenantDep) -> BulkResult:
    return await service.bulk_upsert_time_entries(session, tenant_id=tenant_id, data=body)


@router.get("/{time_entry_id}", responses=problems(404))
async def get_time_entry(time_entry_id: str, session: SessionDep, tenant_id: TenantDep) -> TimeEntryOut:
    return TimeEntryOut.of(await get_owned(session, TimeEntry, tenant_id, time_entry_id, label="time entry"))


@router.patch("/{time_entry_id}", responses=problems(404, 409, 422))
async def update_time_entry(time_entry_id: str, body: TimeEntryUpdate, session: SessionDep,
                            tenant_id: TenantDep) -> TimeEntryOut:
    return TimeEntryOut.of(await service.update_time_entry(session, tenant_id=tenant_id,
                                                           time_entry_id=time_entry_id, data=body))


@router.delete("/{time_entry_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(404, 409))
async def delete_time_entry(time_entry_id: str, session: SessionDep, tenant_id: TenantDep) -> Response:
    await service.delete_time_entry(session, tenant_id=tenant_id, time_entry_id=time_entry_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
