"""HTTP routes for time entries."""

import uuid
from typing import Annotated

from fastapi import Depends, Query, Response, status

from app.deps import SessionDep, TenantDep
from app.errors import problems
from app.kit.bulk import BulkResult, OnErrorQuery
from app.kit.json_answers import JSONText
from app.kit.pagination import FilterText, Page, PageParams, make_page, page_params
from app.kit.repository import get_owned
from app.kit.routing import ResourceRouter
from app.kit.schemas import CalendarDate
from app.models import TimeEntry
from app.time_entries import service
from app.time_entries.schemas import (AdjustmentCreate, TimeEntryBulk, TimeEntryCreate, TimeEntryOut, TimeEntryStatus,
                                      TimeEntryUpdate)

router = ResourceRouter(prefix="/v1/time-entries", tags=["time-entries"])


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(409, 422))
async def create_time_entry(body: TimeEntryCreate, session: SessionDep, tenant_id: TenantDep) -> TimeEntryOut:
    """Record time spent on a work item. Only `approved`, billable time is invoiced; `billable`
    defaults to true for ticket time and false otherwise."""
    return TimeEntryOut.of(await service.create_time_entry(session, tenant_id=tenant_id, data=body))


@router.get("", responses=problems(422))
async def list_time_entries(
    session: SessionDep, tenant_id: TenantDep, page: Annotated[PageParams, Depends(page_params)],
    customer_id: uuid.UUID | None = None, work_item_id: uuid.UUID | None = None,
    product_id: uuid.UUID | None = None, status: TimeEntryStatus | None = None, billable: bool | None = None,
    invoiced: Annotated[bool | None, Query(description="true: only invoiced entries; false: only the others")] = None,
    date_from: Annotated[CalendarDate | None,
                         Query(description="First local date (tenant time zone), inclusive.")] = None,
    date_to: Annotated[CalendarDate | None, Query(description="Last local date (tenant time zone), inclusive.")] = None,
    external_id: FilterText = None,
    adjusts_id: Annotated[uuid.UUID | None, Query(description="Only the adjustments of this entry.")] = None,
) -> Page[TimeEntryOut]:
    """Time entries in creation order, a page at a time, filtered by customer, work item, product,
    status, billable, invoiced, local dates in the tenant's time zone, or the entry they adjust."""
    rows = await service.list_time_entries(
        session, tenant_id=tenant_id, page=page, customer_id=customer_id, work_item_id=work_item_id,
        product_id=product_id, status=status, billable=billable, invoiced=invoiced, date_from=date_from,
        date_to=date_to, external_id=external_id, adjusts_id=adjusts_id)
    return make_page(rows, page, TimeEntryOut.of)


@router.post("/bulk", responses=problems(409, 413, 422))
async def bulk_upsert_time_entries(body: TimeEntryBulk, session: SessionDep, tenant_id: TenantDep,
                                   on_error: OnErrorQuery = "reject") -> BulkResult:
    """Create or update up to 10,000 time entries keyed by `external_id`, in one transaction. Each names
    its work item (required) and product (optional) by id or by external id, not both. The answer gives each
    item's id and result in order. One bad item rejects the whole push (an item that would change an
    invoiced entry: 409) unless `on_error=skip`, which stores the valid items and answers the bad ones
    in place with their errors. An item with `adjusts_external_id` (or `adjusts_id`) is an adjustment of
    that entry, by the rules of `POST /v1/time-entries/{id}/adjustments` (time on a draft invoice: 409
    `time_entry_on_draft`); it may adjust an item of the same push, and takes the original's values for
    the fields it does not give."""
    return JSONText(await service.bulk_upsert_time_entries(session, tenant_id=tenant_id, data=body, on_error=on_error))


@router.get("/{time_entry_id}", responses=problems(404))
async def get_time_entry(time_entry_id: str, session: SessionDep, tenant_id: TenantDep) -> TimeEntryOut:
    """One time entry; `invoice_id` tells whether it is on an invoice."""
    return TimeEntryOut.of(await get_owned(session, TimeEntry, tenant_id, time_entry_id, label="time entry"))


@router.patch("/{time_entry_id}", responses=problems(404, 409, 422))
async def update_time_entry(time_entry_id: str, body: TimeEntryUpdate, session: SessionDep,
                            tenant_id: TenantDep) -> TimeEntryOut:
    """Change some of a time entry's fields (only those sent); null clears the optional ones. An
    invoiced entry is read-only (409); correct billed time with an adjustment. An adjustment stays on
    its original's work item (422)."""
    return TimeEntryOut.of(await service.update_time_entry(session, tenant_id=tenant_id,
                                                           time_entry_id=time_entry_id, data=body))


@router.post("/{time_entry_id}/adjustments", status_code=status.HTTP_201_CREATED, responses=problems(404, 409, 422))
async def create_time_entry_adjustment(time_entry_id: str, body: AdjustmentCreate, session: SessionDep,
                                       tenant_id: TenantDep) -> TimeEntryOut:
    """Correct a time entry's hours with an adjustment (SPEC §10): a new approved time entry with
    `adjusts_id` = the original and `adjustment_status` `pending`; the fields it does not give are the
    original's. Adjusting an adjustment adjusts its original. If the original was never billed, the
    adjustment replaces it (the original becomes `superseded`) and the next batch bills the adjustment
    like any entry. If it was billed on a validated invoice, the next batch settles the difference
    at that line's unit price and tax rate (an extra line, or a credit note line). An adjustment
    still pending is replaced by a later one (`superseded`). An entry on a draft invoice cannot be
    adjusted: 409 `time_entry_on_draft` (validate or delete the draft first)."""
    return TimeEntryOut.of(await service.create_adjustment(session, tenant_id=tenant_id, time_entry_id=time_entry_id,
                                                           data=body))


@router.delete("/{time_entry_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(404, 409))
async def delete_time_entry(time_entry_id: str, session: SessionDep, tenant_id: TenantDep) -> Response:
    """Delete a time entry; an invoiced one, or one that has adjustments, answers 409, and so does one
    that lines of a credited invoice still name (`time_entry_in_history`). Deleting a pending
    adjustment of never-billed time makes the original billable again."""
    await service.delete_time_entry(session, tenant_id=tenant_id, time_entry_id=time_entry_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
